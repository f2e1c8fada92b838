"""Scenario format v1: typed, immutable models and the single source of truth for the format.

The JSON Schema in `scenarios/scenario.schema.json` is exported from these models.
Pure data: this module never reads files, never reads the clock and never imports pygame.
Cross-reference checks (unknown author, evidence not in the text, ...) live in `validate.py`.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$"),
    Field(description="An identifier: lower-case letters, digits, '-' and '_', starting with a letter or digit."),
]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]
RelativeTime = Annotated[
    str,
    StringConstraints(pattern=r"^(now|[1-9][0-9]{0,3}[mhdw])$"),
    Field(
        description=(
            "How long ago the post was made, as shown in the feed: 'now', or a number followed by "
            "m (minutes), h (hours), d (days) or w (weeks), e.g. '45m', '3h', '2d'. "
            "The game shows it in the player's language."
        )
    ),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Language(str, Enum):
    """The language a scenario is written in."""

    en = "en"
    km = "km"


class Mode(str, Enum):
    """How a round is played."""

    practice = "practice"
    assessment = "assessment"


class Verdict(str, Enum):
    """What a post really is. Scams count as misinformation when scoring."""

    reliable = "reliable"
    misinformation = "misinformation"
    scam = "scam"

    @property
    def is_misinformation(self) -> bool:
        return self is not Verdict.reliable


class Tool(str, Enum):
    """The four verify tools, after Mike Caulfield's SIFT moves."""

    source = "source"
    search = "search"
    reverse_image = "reverse_image"
    fact_check = "fact_check"


class TranslationStatus(str, Enum):
    """Whether a scenario's text has been checked by a native speaker of its language."""

    original = "original"
    draft = "draft"
    reviewed = "reviewed"


class Framework(str, Enum):
    """Where a manipulation technique comes from."""

    bad_news = "bad-news"
    flicc = "flicc"
    fraud = "fraud"
    media = "media"
    custom = "custom"


_ENUM_MEANINGS = {
    Language: {"en": "English", "km": "Khmer (ខ្មែរ)"},
    Mode: {
        "practice": "feedback after every decision; for learning",
        "assessment": "no feedback until the debrief; for measuring",
    },
    Verdict: {
        "reliable": "a trustworthy post that a careful reader may share",
        "misinformation": "false or misleading content, including hateful or divisive posts",
        "scam": "fraud: fake jobs, loans, investments, phishing, money-mule recruitment",
    },
    Tool: {
        "source": "check the source: who is this account?",
        "search": "search other outlets: who else reports it?",
        "reverse_image": "reverse image search: where did the picture first appear?",
        "fact_check": "fact-check lookup: has a fact-checker looked at this claim?",
    },
    TranslationStatus: {
        "original": "written in this language; no translation involved",
        "draft": "a translation not yet checked by a native speaker: do not use in class unreviewed",
        "reviewed": "a translation checked by a native speaker",
    },
    Framework: {
        "bad-news": "the six badges of the Bad News game",
        "flicc": "John Cook's FLICC (Cranky Uncle)",
        "fraud": "online fraud and money laundering patterns",
        "media": "manipulated or misleading media",
        "custom": "defined by this scenario",
    },
}


def enum_meanings(enum: type[Enum]) -> str:
    """One line listing each value of an enum with its meaning, for schema descriptions and hints."""
    return "; ".join(f"'{value}': {meaning}" for value, meaning in _ENUM_MEANINGS[enum].items())


class Scoring(_Model):
    """Points for each outcome. A scenario may override any of them; see docs/scoring.md."""

    flag_misinformation: int = Field(10, description="Flagging a misinformation or scam post (a hit).")
    share_misinformation: int = Field(-10, description="Sharing a misinformation or scam post: the worst outcome.")
    skip_misinformation: int = Field(-2, description="Skipping a misinformation or scam post (a miss).")
    share_reliable: int = Field(5, description="Sharing a reliable post.")
    skip_reliable: int = Field(0, description="Skipping a reliable post.")
    flag_reliable: int = Field(-5, description="Flagging a reliable post (a false alarm).")
    right_reason_bonus: int = Field(3, description="Bonus when a flag names at least one of the post's techniques.")
    tool_cost: int = Field(-1, description="Cost of each verify tool used (a small cost: checking takes time).")


class ToolSeconds(_Model):
    """Simulated seconds each verify tool costs."""

    source: int = Field(20, ge=0, le=3600, description="Seconds to check the source.")
    search: int = Field(30, ge=0, le=3600, description="Seconds to search other outlets.")
    reverse_image: int = Field(30, ge=0, le=3600, description="Seconds for a reverse image search.")
    fact_check: int = Field(20, ge=0, le=3600, description="Seconds for a fact-check lookup.")


class FacilitatorNotes(_Model):
    """Notes for the trainer who runs the session."""

    objectives: list[NonEmpty] = Field(default_factory=list, description="What learners should be able to do afterwards.")
    discussion_questions: list[NonEmpty] = Field(default_factory=list, description="3-5 questions for the class discussion.")
    minutes_needed: Optional[int] = Field(None, ge=1, le=600, description="Minutes the whole activity takes, discussion included.")


class Technique(_Model):
    """A manipulation technique: a built-in one from the catalogue, or one a scenario defines."""

    id: Id
    name: NonEmpty = Field(description="Short name shown to learners.")
    definition: NonEmpty = Field(description="One-line definition.")
    tip: NonEmpty = Field(description="How to spot it: one practical tip.")
    example: str = Field("", description="Optional: a one-line example of the technique, e.g. a quoted post. Every built-in technique has one.")
    framework: Framework = Field(Framework.custom, description="Where it comes from. " + enum_meanings(Framework))


class Account(_Model):
    """A fictional social-media account that posts in the feed."""

    id: Id
    name: NonEmpty = Field(description="Display name.")
    handle: NonEmpty = Field(description="The @handle shown under the name.")
    avatar: Optional[NonEmpty] = Field(None, description="Image file relative to the scenario file. Without it, an initials avatar is drawn.")
    verified: bool = Field(False, description="Shows a verified badge. Remember that badges can be bought or faked.")
    followers: int = Field(0, ge=0, description="Number of followers.")
    joined: Optional[NonEmpty] = Field(None, description="When the account was created, e.g. '2019-04' or '3 days ago'.")
    bio: str = Field("", description="The account's short self-description.")


class Image(_Model):
    """A picture attached to a post."""

    file: NonEmpty = Field(description="PNG or JPEG file, relative to the scenario file, at most 4096 px a side.")
    alt: str = Field("", description="Alt text: what the picture shows, for screen readers and the debrief.")


class Link(_Model):
    """A link preview card under a post."""

    url: NonEmpty = Field(description="The full address the link goes to. Use fictional domains only.")
    title: NonEmpty = Field(description="The headline shown on the preview card.")
    domain: NonEmpty = Field(description="The domain shown on the card, which may differ from the real url.")
    description: str = Field("", description="A line of text under the headline.")


class Stats(_Model):
    """Engagement counts shown under a post."""

    likes: int = Field(0, ge=0, description="Number of likes shown.")
    shares: int = Field(0, ge=0, description="Number of shares shown.")
    comments: int = Field(0, ge=0, description="Number of comments shown (may be more than the comments written out).")


class Comment(_Model):
    """A comment under a post. Comments may troll, fake engagement or add useful context."""

    name: NonEmpty = Field(description="Commenter's display name (a free name, or an account id's name).")
    text: NonEmpty = Field(description="The comment's text.")
    likes: int = Field(0, ge=0, description="Likes on the comment.")


class TechniqueUse(_Model):
    """One technique used in a misleading post, with the words that show it."""

    id: Id = Field(description="A technique id from the catalogue (`python main.py techniques`) or from this scenario's `techniques`.")
    evidence: NonEmpty = Field(description="A quote that appears word for word in the post text or the link title; the debrief highlights it.")
    note: NonEmpty = Field(description="What this technique does in this particular post.")


class Clues(_Model):
    """What each verify tool reveals about this post. A tool without a clue shows a default built from the account."""

    source: Optional[NonEmpty] = Field(None, description="Revealed by 'check the source'.")
    search: Optional[NonEmpty] = Field(None, description="Revealed by 'search other outlets'.")
    reverse_image: Optional[NonEmpty] = Field(None, description="Revealed by 'reverse image search'.")
    fact_check: Optional[NonEmpty] = Field(None, description="Revealed by 'fact-check lookup'.")

    def get(self, tool: Tool) -> Optional[str]:
        return getattr(self, tool.value)


class Post(_Model):
    """One post in the feed."""

    id: Id
    author: Id = Field(description="The id of an account in `accounts`.")
    time: RelativeTime = "1h"
    text: NonEmpty = Field(description="The post's text, as the learner sees it.")
    image: Optional[Image] = Field(None, description="An optional picture, with alt text.")
    link: Optional[Link] = Field(None, description="An optional link preview card.")
    stats: Stats = Field(default_factory=Stats, description="Like, share and comment counts.")
    comments: list[Comment] = Field(default_factory=list, description="Comments shown under the post.")
    verdict: Verdict = Field(description="What the post really is. " + enum_meanings(Verdict))
    techniques: list[TechniqueUse] = Field(default_factory=list, description="Required for misinformation and scams: the techniques used, each with evidence.")
    clues: Clues = Field(default_factory=Clues, description="What each verify tool reveals. Misinformation and scam posts should have at least one.")
    explanation: NonEmpty = Field(description="The debrief: why the post is misleading, or why it is fine and what a learner could check.")


class Scenario(_Model):
    """A scenario: a feed of posts for one round, with its accounts and settings."""

    id: Id
    title: NonEmpty = Field(description="The scenario's name, shown in the scenario picker.")
    language: Language = Field(description="Language of all text in this file. " + enum_meanings(Language))
    translation_of: Optional[Id] = Field(None, description="The id of the scenario this file translates. Post ids must match it.")
    translation_status: TranslationStatus = Field(
        TranslationStatus.original, description="Review status of this file's language. " + enum_meanings(TranslationStatus)
    )
    description: str = Field("", description="One or two sentences shown in the scenario picker.")
    audience: str = Field("", description="Who it is written for, e.g. 'factory workers'.")
    estimated_minutes: int = Field(10, ge=1, le=240, description="Minutes a round usually takes.")
    menu_order: int = Field(100, ge=0, le=10000, description="Position in the scenario picker: lower numbers are shown first (the tutorial uses 0).")
    mode: Mode = Field(Mode.practice, description="How the round is played. " + enum_meanings(Mode))
    time_limit_seconds: Optional[int] = Field(None, ge=30, le=14400, description="Optional simulated time budget for the round.")
    ask_reasons: bool = Field(True, description="When flagging, ask the learner which techniques they saw.")
    scoring: Scoring = Field(default_factory=Scoring, description="Optional: points for each outcome, overriding the defaults.")
    tool_seconds: ToolSeconds = Field(default_factory=ToolSeconds, description="Optional: simulated seconds each verify tool costs.")
    facilitator: FacilitatorNotes = Field(default_factory=FacilitatorNotes, description="Optional: objectives and discussion questions for the trainer.")
    techniques: list[Technique] = Field(default_factory=list, description="Techniques this scenario defines in addition to the catalogue.")
    accounts: list[Account] = Field(min_length=1, description="The accounts that post in the feed.")
    posts: list[Post] = Field(min_length=1, description="The posts of the feed, in the order shown. Keep at least 30% (better 40%) reliable.")

    def account(self, account_id: str) -> Account:
        return next(a for a in self.accounts if a.id == account_id)

    def post(self, post_id: str) -> Post:
        return next(p for p in self.posts if p.id == post_id)


class LoadedScenario(BaseModel):
    """A scenario as the loader hands it to the game: the parsed file plus where it came from.

    `techniques` holds every technique the scenario may use, in the scenario's language:
    the built-in catalogue merged with the scenario's own.
    """

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    scenario: Scenario
    path: str = Field(description="The file it was loaded from, as given.")
    sha256: str = Field(description="SHA-256 of the file's bytes.")
    techniques: dict[str, Technique]

    def technique(self, technique_id: str) -> Technique:
        return self.techniques[technique_id]
