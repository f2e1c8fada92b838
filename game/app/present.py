"""View-models: what each screen shows, built purely from the rules state, the scenario and a translator.

`present_*` functions return frozen, hashable data (texts already translated, numbers already in the
learner's digits, evidence spans as offsets). Drawing code only paints these; tests check them as data.
No pygame here, no clock, no file reads.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from game.lang.i18n import N_, Translator
from game.rules.clues import clue_for, evidence_spans, tool_applies
from game.rules.commands import SETTLED_BY, Action
from game.rules.debrief import Debrief, PostFeedback
from game.rules.state import RoundState
from game.scenario.model import LoadedScenario, Mode, Post, Tool, Verdict

Span = tuple[int, int]

TOOL_TEXT = {
    Tool.source: (N_("Check the source"), N_("Who is behind this account? How old is it?")),
    Tool.search: (N_("Search other outlets"), N_("Do trusted news sites report the same thing?")),
    Tool.reverse_image: (N_("Reverse image search"), N_("Where did this picture first appear?")),
    Tool.fact_check: (N_("Fact-check lookup"), N_("Has a fact-checker already looked at this claim?")),
}
DECISION_TEXT = {
    Action.share: N_("You shared this post"),
    Action.flag: N_("You flagged this post"),
    Action.skip: N_("You skipped this post"),
}
VERDICT_TEXT = {
    Verdict.reliable: N_("It was reliable."),
    Verdict.misinformation: N_("It was misinformation."),
    Verdict.scam: N_("It was a scam."),
}


def decision_words(action: Optional[Action], tr: Translator) -> str:
    """'You shared this post' and the like, translated; empty while the post is undecided."""
    return tr(DECISION_TEXT[action]) if action else ""


NOT_SURE = "not-sure"
SETTLED_TEXT = {
    "source": N_("Who is behind it"),
    "other-outlets": N_("Other outlets disagree"),
    "old-photo": N_("Old photo"),
}


@dataclass(frozen=True)
class LinkView:
    title: str
    domain: str
    description: str
    title_highlights: tuple[Span, ...] = ()


@dataclass(frozen=True)
class CommentView:
    name: str
    text: str
    likes_text: str


@dataclass(frozen=True)
class PostView:
    id: str
    author_name: str
    handle: str
    verified: bool
    avatar_file: Optional[str]
    time_text: str
    text: str
    image_file: Optional[str]
    image_alt: str
    link: Optional[LinkView]
    likes_text: str
    comments_text: str
    shares_text: str
    comments: tuple[CommentView, ...]
    decision: Optional[str]  # "share", "flag", "skip" or None
    decision_text: str
    tools_used: tuple[str, ...]
    text_highlights: tuple[Span, ...] = ()
    language: str = "en"


@dataclass(frozen=True)
class FeedView:
    posts: tuple[PostView, ...]
    decided: int
    total: int
    progress_text: str
    time_left_text: str  # "" when the round has no time limit
    time_low: bool
    over: bool
    practice: bool


def _media_path(loaded: LoadedScenario, file: Optional[str]) -> Optional[str]:
    if not file:
        return None
    return str((Path(loaded.path).parent / file))


def evidence_highlights(post: Post, loaded: LoadedScenario) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """Evidence offsets of every technique in the post: (spans in the text, spans in the link title)."""

    text_spans: list[Span] = []
    title_spans: list[Span] = []
    for use in post.techniques:
        for span in evidence_spans(post, use.evidence):
            (text_spans if span.field == "text" else title_spans).append((span.start, span.end))
    return tuple(sorted(set(text_spans))), tuple(sorted(set(title_spans)))


def present_post(state: RoundState, post_id: str, tr: Translator, *, with_evidence: bool = False) -> PostView:
    loaded = state.loaded
    post = state.post(post_id)
    account = next((a for a in loaded.scenario.accounts if a.id == post.author), None)
    decision = state.decision(post_id)
    text_spans: tuple[Span, ...] = ()
    title_spans: tuple[Span, ...] = ()
    if with_evidence:
        text_spans, title_spans = evidence_highlights(post, loaded)
    comment_count = max(post.stats.comments, len(post.comments))
    link = None
    if post.link is not None:
        link = LinkView(post.link.title, post.link.domain.upper(), post.link.description, title_spans)
    decision_text = ""
    if decision is not None:
        decision_text = decision_words(decision.action, tr)
        if decision.auto == "time-up":
            decision_text = tr("Skipped: time ran out")
        elif decision.auto == "ended":
            decision_text = tr("Skipped: round ended")
    return PostView(
        id=post.id,
        author_name=account.name if account else post.author,
        handle=account.handle if account else "",
        verified=bool(account and account.verified),
        avatar_file=_media_path(loaded, account.avatar if account else None),
        time_text=tr.time_ago(post.time),
        text=post.text,
        image_file=_media_path(loaded, post.image.file if post.image else None),
        image_alt=post.image.alt if post.image else "",
        link=link,
        likes_text=tr.count(post.stats.likes),
        comments_text=tr.plural("1 comment", "{number} comments", comment_count, number=tr.count(comment_count)),
        shares_text=tr.plural("1 share", "{number} shares", post.stats.shares, number=tr.count(post.stats.shares)),
        comments=tuple(CommentView(c.name, c.text, tr.count(c.likes) if c.likes else "") for c in post.comments),
        decision=decision.action.value if decision else None,
        decision_text=decision_text,
        tools_used=tuple(tool.value for tool in state.tools_on(post_id)),
        text_highlights=text_spans,
        language=loaded.scenario.language.value,
    )


def format_clock(tr: Translator, seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    return tr.digits(f"{seconds // 60}:{seconds % 60:02d}")


def present_feed(state: RoundState, tr: Translator) -> FeedView:
    total = len(state.order)
    decided = len(state.decisions)
    time_left = state.time_left
    return FeedView(
        posts=tuple(present_post(state, post_id, tr) for post_id in state.order),
        decided=decided,
        total=total,
        progress_text=tr("Decided {decided} of {total}", decided=decided, total=total),
        time_left_text="" if time_left is None else tr("Time left {clock}", clock=format_clock(tr, time_left)),
        time_low=time_left is not None and time_left < 60,
        over=state.over,
        practice=state.mode is Mode.practice,
    )


# --- verify panel -------------------------------------------------------------------------
@dataclass(frozen=True)
class ToolView:
    tool: str
    name: str
    question: str
    cost_text: str
    available: bool
    used: bool
    clue: str  # "" until used
    unavailable_text: str = ""


@dataclass(frozen=True)
class VerifyView:
    post_id: str
    title: str
    author_line: str
    tools: tuple[ToolView, ...]
    decided: bool
    time_left_text: str


def clue_text(loaded: LoadedScenario, post: Post, tool: Tool, tr: Translator) -> str:
    clue = clue_for(loaded, post, tool)
    if clue.text is not None:
        return clue.text
    return tr.message(clue.message) if clue.message is not None else ""


def present_verify(state: RoundState, post_id: str, tr: Translator) -> VerifyView:
    loaded = state.loaded
    post = state.post(post_id)
    used = state.tools_on(post_id)
    account = next((a for a in loaded.scenario.accounts if a.id == post.author), None)
    tools = []
    for tool in Tool:
        name, question = TOOL_TEXT[tool]
        available = tool_applies(post, tool)
        tools.append(
            ToolView(
                tool=tool.value,
                name=tr(name),
                question=tr(question),
                cost_text=tr("Takes {seconds} seconds", seconds=state.tool_cost_seconds(tool)),
                available=available,
                used=tool in used,
                clue=clue_text(loaded, post, tool, tr) if tool in used else "",
                unavailable_text="" if available else tr("This post has no picture."),
            )
        )
    time_left = state.time_left
    return VerifyView(
        post_id=post_id,
        title=tr("Check before you decide"),
        author_line=tr("Post by {name}", name=account.name if account else post.author),
        tools=tuple(tools),
        decided=state.decision(post_id) is not None,
        time_left_text="" if time_left is None else tr("Time left {clock}", clock=format_clock(tr, time_left)),
    )


# --- flag reasons -----------------------------------------------------------------------
def reason_options(state: RoundState, post_id: str, tr: Translator, count: int = 5) -> tuple[tuple[str, str], ...]:
    """The techniques offered when flagging: the post's own, mixed with plausible distractors (seeded),
    then "Not sure". Returns (technique id, name) pairs; the last is (NOT_SURE, "Not sure")."""
    loaded = state.loaded
    post = state.post(post_id)
    own = [use.id for use in post.techniques if use.id in loaded.techniques]
    own = list(dict.fromkeys(own))
    rng = random.Random(f"{state.seed}:{loaded.scenario.id}:{post_id}")
    others = sorted(t for t in loaded.techniques if t not in own)
    distractors = rng.sample(others, min(len(others), max(0, count - len(own))))
    options = own + distractors
    rng.shuffle(options)
    return tuple((tid, loaded.techniques[tid].name) for tid in options) + ((NOT_SURE, tr("Not sure")),)


def settled_words(keys: tuple[str, ...], tr: Translator) -> str:
    """What settled a flag, as the trainee ticked it: "Old photo, Who is behind it"."""
    return ", ".join(tr(SETTLED_TEXT[key]) for key in keys if key in SETTLED_TEXT)


def settled_options(state: RoundState, post_id: str, tr: Translator) -> tuple[tuple[str, str], ...]:
    """The flag dialog's "what settled it" chips: offered once the post was checked, "Old photo" only
    for a post with a picture. Returns (SETTLED_BY value, label) pairs; empty for an unchecked post."""
    if not (state.tools_on(post_id) or state.pages_on(post_id) or state.queries_on(post_id)):
        return ()
    has_picture = state.post(post_id).image is not None
    return tuple((key, tr(SETTLED_TEXT[key])) for key in SETTLED_BY if key != "old-photo" or has_picture)


# --- feedback (practice) ----------------------------------------------------------------
@dataclass(frozen=True)
class TechniqueView:
    id: str
    name: str
    tip: str
    note: str
    named: bool


@dataclass(frozen=True)
class FeedbackView:
    post_id: str
    correct: bool
    headline: str
    summary: str
    points_text: str
    techniques: tuple[TechniqueView, ...]
    explanation: str
    tip: str
    post: PostView
    reasons_line: str
    lesson: str = ""  # a surface cue misled the learner here (game.rules.cue_lessons)


def _lesson(feedback: PostFeedback, tr: Translator) -> str:
    return tr.message(feedback.cue_lesson) if feedback.cue_lesson else ""


def _techniques(feedback: PostFeedback) -> tuple[TechniqueView, ...]:
    return tuple(TechniqueView(t.id, t.name, t.tip, t.note, t.named) for t in feedback.techniques)


def present_feedback(state: RoundState, feedback: PostFeedback, tr: Translator) -> FeedbackView:
    correct = bool(feedback.correct)
    action_text = decision_words(feedback.action, tr)
    summary = tr("{action}. {verdict}", action=action_text, verdict=tr(VERDICT_TEXT[feedback.verdict]))
    points = feedback.points or 0
    points_text = tr("{points} points", points=f"+{points}" if points > 0 else str(points))
    if state.loaded.scenario.ask_reasons and feedback.action is Action.flag and feedback.techniques:
        reasons_line = tr("You named the right technique.") if feedback.right_reason else tr("You did not name the technique this post uses.")
    else:
        reasons_line = ""
    return FeedbackView(
        post_id=feedback.post,
        correct=correct,
        headline=tr("Right!") if correct else tr("Not quite"),
        summary=summary,
        points_text=tr.digits(points_text),
        techniques=_techniques(feedback),
        explanation=feedback.explanation,
        tip=feedback.tip or "",
        post=present_post(state, feedback.post, tr, with_evidence=True),
        reasons_line=reasons_line,
        lesson=_lesson(feedback, tr),
    )


# --- debrief ----------------------------------------------------------------------------
@dataclass(frozen=True)
class DebriefItem:
    post: PostView
    techniques: tuple[TechniqueView, ...]
    explanation: str
    decision_text: str
    lesson: str = ""  # a surface cue misled the learner here (game.rules.cue_lessons)


@dataclass(frozen=True)
class TallyView:
    name: str
    caught: int
    missed: int
    caught_text: str
    missed_text: str


@dataclass(frozen=True)
class DebriefView:
    title: str
    score_text: str
    points: int
    max_points: int
    hits: int
    misses: int
    false_alarms: int
    correct_rejections: int
    d_prime: float
    criterion: float
    discernment_sentence: str
    bias_sentence: str
    reading: tuple[str, ...]
    missed: tuple[DebriefItem, ...]
    false_alarms_items: tuple[DebriefItem, ...]
    tallies: tuple[TallyView, ...]


def discernment_sentence(tr: Translator, d_prime: float) -> str:
    value = tr.number(round(d_prime, 2))
    if d_prime >= 2:
        return tr("Discernment (d′ = {value}): you told misleading posts from reliable ones very well.", value=value)
    if d_prime >= 1:
        return tr("Discernment (d′ = {value}): you told misleading posts from reliable ones well.", value=value)
    if d_prime > 0.3:
        return tr("Discernment (d′ = {value}): you told misleading posts from reliable ones a little better than chance.", value=value)
    return tr("Discernment (d′ = {value}): your answers did not yet tell misleading posts from reliable ones.", value=value)


def bias_sentence(tr: Translator, criterion: float) -> str:
    value = tr.number(round(criterion, 2))
    if criterion < -0.25:
        return tr("Bias (c = {value}): you leaned towards flagging; some reliable posts looked fake to you.", value=value)
    if criterion > 0.25:
        return tr("Bias (c = {value}): you leaned towards trusting; some misleading posts got past you.", value=value)
    return tr("Bias (c = {value}): balanced: neither too suspicious nor too trusting.", value=value)


def present_debrief(state: RoundState, result: Debrief, tr: Translator) -> DebriefView:
    report = result.score
    d = report.discernment

    def item(feedback: PostFeedback) -> DebriefItem:
        action_text = decision_words(feedback.action, tr)
        return DebriefItem(
            post=present_post(state, feedback.post, tr, with_evidence=True),
            techniques=_techniques(feedback),
            explanation=feedback.explanation,
            decision_text=action_text,
            lesson=_lesson(feedback, tr),
        )

    return DebriefView(
        title=state.scenario.title,
        score_text=tr("Score: {points} of {max_points}", points=report.points, max_points=report.max_points),
        points=report.points,
        max_points=report.max_points,
        hits=d.hits,
        misses=d.misses,
        false_alarms=d.false_alarms,
        correct_rejections=d.correct_rejections,
        d_prime=d.d_prime,
        criterion=d.criterion,
        discernment_sentence=discernment_sentence(tr, d.d_prime),
        bias_sentence=bias_sentence(tr, d.criterion),
        reading=tuple(tr.message(message) for message in result.reading),
        missed=tuple(item(f) for f in result.missed),
        false_alarms_items=tuple(item(f) for f in result.false_alarms),
        tallies=tuple(
            TallyView(t.name, t.caught, t.missed, tr("Caught {count}", count=t.caught), tr("Missed {count}", count=t.missed))
            for t in result.techniques
        ),
    )
