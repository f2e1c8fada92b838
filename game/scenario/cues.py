"""Surface cues: what a post shows on its face (badge, followers, `!!`, emoji...), measured as numbers.

One source of truth for the cue-balance check (`game.scenario.cue_balance`, `validate --cues`) and
for the debrief's "this cue misled you" lines (`game.rules.cue_lessons`). A *cue* is a number read
off an item without judging it: `extract(...)` turns any item (a feed post, a quick-check item, and
later a chat) into `{cue id: value or None}`; None means the item cannot show that cue (a check item
has no follower count). Counts are plain counts; `verified` and the other yes/no cues are 1 or 0.

Account age is counted back from `REFERENCE_MONTH`, a fixed month after every date in the built-in
content, never from the clock, so the check gives the same answer on every machine and every day.
Pure: no pygame, no clock, no file access.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping, Optional

import emoji

# A fixed "now" for account ages (year, month): only the order of ages matters to the check.
REFERENCE_MONTH = (2026, 1)

KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")


@dataclass(frozen=True)
class Cue:
    """A surface cue, with the words the check uses to explain an imbalance.

    `high` / `low` finish "posts ..." for a high / low value; the examples name a post that would
    balance the cue: a reliable or a misleading one with a high or a low value.
    """

    id: str
    label: str
    family: str  # account, numbers, style, media, time
    high: str
    low: str
    reliable_high: str
    misleading_high: str
    reliable_low: str
    misleading_low: str
    log_scale: bool = False  # heavy-tailed counts: the model reads log(1 + value)


CUES: tuple[Cue, ...] = (
    Cue("verified", "verified badge", "account", "from a verified account", "from an unverified account",
        "a ministry's or a newsroom's verified page", "a hijacked verified page renamed last week",
        "a new community page reporting what a neighbour saw", "an unverified rumour page"),
    Cue("followers", "followers", "account", "from a page with many followers", "from a small page",
        "a national news outlet", "an old, popular page sharing a rumour",
        "a small village page or a local clinic", "a tiny new scam page", log_scale=True),
    Cue("account_age", "account age", "account", "from an old account", "from a new account",
        "a long-standing outlet", "an old page that was bought or hijacked",
        "a page a commune opened last month", "a page opened a week ago", log_scale=True),
    Cue("name_tick", "tick or 'official' in the name", "account", "whose name has a tick or 'official'",
        "whose name is plain", "a page honestly named 'official'", "an impersonator calling itself 'Official ✅'",
        "a real office with a plain name", "a scam page with a plain, ordinary name"),
    Cue("likes", "likes", "numbers", "with many likes", "with few likes",
        "a popular official notice", "a viral rumour", "a quiet local notice", "a quiet scam", log_scale=True),
    Cue("shares", "shares", "numbers", "with many shares", "with few shares",
        "a widely shared official alert", "a widely shared rumour", "a little-shared notice", "a little-shared scam", log_scale=True),
    Cue("comments", "comments", "numbers", "with many comments", "with few comments",
        "a debated public notice", "a rumour with many comments", "a notice nobody commented on", "a scam with few comments", log_scale=True),
    Cue("comments_per_like", "comments per like", "numbers", "with many comments per like", "with few comments per like",
        "a real notice people ask questions under", "a scam with few comments per like",
        "a notice people like without commenting", "a scam whose fake fans mostly like it"),
    Cue("shares_per_like", "shares per like", "numbers", "with many shares per like", "with few shares per like",
        "an alert people pass on", "a rumour people like but rarely pass on",
        "a notice people like without passing on", "a rumour people like but rarely pass on"),
    Cue("comments_shown", "comments shown", "numbers", "with many comments written out", "with no comments written out",
        "a real post with questions and answers underneath", "a scam with friendly comments underneath",
        "a real post shown without comments", "a misleading post shown without comments", log_scale=True),
    Cue("length", "length", "style", "with long text", "with short text",
        "a long official notice", "a long, calm, professional scam",
        "a short real announcement", "a short rumour", log_scale=True),
    Cue("exclamations", "`!` count", "style", "with `!!`", "with no `!`",
        "an official alert (\"Flood alert!! Move to higher ground now\")", "a shouting rumour",
        "a calm real notice", "a calm, polite scam"),
    Cue("capitals", "capitals ratio", "style", "with words in CAPITALS", "in plain lower case",
        "an official alert with a word in capitals (\"WARNING\")", "a shouting rumour",
        "a calm real notice", "a calm misleading post"),
    Cue("emoji", "emoji", "style", "with emoji", "with no emoji",
        "an official alert with ⚠️ or 🌊", "a rumour full of emoji", "a plain real notice", "a plain scam"),
    Cue("hashtags", "hashtags", "style", "with hashtags", "with no hashtags",
        "a ministry post with a campaign hashtag", "a rumour with hashtags", "a real post without hashtags", "a misleading post without hashtags"),
    Cue("money", "money amounts", "style", "that mention money amounts", "that mention no money",
        "a real prize draw or a real price rise", "a scam offering a sum", "a real notice with no money in it", "a misleading post with no money in it"),
    Cue("urgency", "urgency words", "style", "with urgent words (now, today, hurry)", "with no urgent words",
        "an official deadline or alert", "a scam with a deadline", "a calm real notice", "a calm, patient scam"),
    Cue("links", "links", "media", "with a link", "with no link",
        "a real notice linking to the official site", "a phishing link", "a real post with no link", "a rumour with no link"),
    Cue("pictures", "pictures", "media", "with a picture", "with no picture",
        "a real report with a photo", "a misleading post with an old photo", "a real post with text only", "a rumour with text only"),
    Cue("post_age", "post age", "time", "posted long ago", "posted minutes ago",
        "a day-old official notice", "a day-old rumour", "a fresh real alert", "a fresh rumour", log_scale=True),
)
CUE_IDS: tuple[str, ...] = tuple(cue.id for cue in CUES)
CUE_BY_ID: dict[str, Cue] = {cue.id: cue for cue in CUES}

# Words that press for speed, matched as whole words (English) or anywhere (Khmer has no spaces).
URGENCY_EN = (
    "urgent", "urgently", "now", "today", "tonight", "hurry", "immediately", "quick", "quickly", "fast", "asap",
    "deadline", "last chance", "last day", "limited", "don't wait", "do not wait", "expire", "expires", "right away",
    "at once", "before it's too late", "before it is too late", r"only \d+ left", r"\d+ hours? left", r"within \d+ (?:hours?|minutes?)",
)
URGENCY_KM = (
    "បន្ទាន់", "ឥឡូវនេះ", "ឥឡូវ", "ថ្ងៃនេះ", "យប់នេះ", "ឆាប់ៗ", "ឆាប់", "ភ្លាមៗ", "ប្រញាប់", "ឱកាសចុងក្រោយ", "ថ្ងៃចុងក្រោយ",
    "កុំរង់ចាំ", "មានកំណត់", "ផុតកំណត់", "នៅសល់តែ", "មុនពេលយឺត", "ក្នុងរយៈពេល",
)
_URGENCY = re.compile(
    r"\b(?:" + "|".join(URGENCY_EN) + r")\b|" + "|".join(sorted(URGENCY_KM, key=len, reverse=True)), re.IGNORECASE
)
_MONEY = re.compile(
    r"[$៛€]\s?[0-9០-៩]"
    r"|[0-9០-៩][0-9០-៩,.\s]*\s?(?:\$|usd\b|dollars?\b|riels?\b|khr\b|៛|ដុល្លារ|រៀល|បាត|baht\b)",
    re.IGNORECASE,
)
_HASHTAG = re.compile(r"#[^\s#]+")
_URL = re.compile(r"https?://|www\.|\b[a-z0-9-]+\.(?:com|kh|net|org|info|xyz|top|site|online|link|shop|app|io)\b", re.IGNORECASE)
_TICK = re.compile(r"[✅✔☑✓🔵]|\bofficial\b|\boffical\b|ផ្លូវការ", re.IGNORECASE)
_AGO = re.compile(r"^\s*([0-9]+)\s*(minute|hour|day|week|month|year|នាទី|ម៉ោង|ថ្ងៃ|សប្តាហ៍|សប្ដាហ៍|អាទិត្យ|ខែ|ឆ្នាំ)")
_MONTHS_PER = {"minute": 0.0, "hour": 0.0, "day": 1 / 30, "week": 7 / 30, "month": 1.0, "year": 12.0,
               "នាទី": 0.0, "ម៉ោង": 0.0, "ថ្ងៃ": 1 / 30, "សប្តាហ៍": 7 / 30, "សប្ដាហ៍": 7 / 30, "អាទិត្យ": 7 / 30, "ខែ": 1.0, "ឆ្នាំ": 12.0}
_HOURS_PER = {"m": 1 / 60, "h": 1.0, "d": 24.0, "w": 168.0}


def account_age_months(joined: Optional[str]) -> Optional[float]:
    """Months from an account's `joined` ("2019-04", "3 days ago", "៣ សប្តាហ៍មុន") to REFERENCE_MONTH; None if unreadable."""
    if not joined:
        return None
    text = joined.translate(KHMER_DIGITS).strip().lower()
    dated = re.match(r"^(\d{4})(?:-(\d{1,2}))?", text)
    if dated:
        year, month = int(dated.group(1)), int(dated.group(2) or 6)
        return float(max(0, (REFERENCE_MONTH[0] - year) * 12 + REFERENCE_MONTH[1] - month))
    ago = _AGO.match(text)
    if ago:
        return int(ago.group(1)) * _MONTHS_PER[ago.group(2)]
    return None


def post_age_hours(time: Optional[str]) -> Optional[float]:
    """Hours since a post's relative `time` ("now", "45m", "3h", "2d", "1w"); None if unreadable."""
    if time is None:
        return None
    if time == "now":
        return 0.0
    found = re.fullmatch(r"([0-9]+)([mhdw])", time)
    return int(found.group(1)) * _HOURS_PER[found.group(2)] if found else None


def text_cues(text: str) -> dict[str, float]:
    """The style cues of a text: length, `!`, capitals, emoji, hashtags, money, urgency words, links in it."""
    letters = [character for character in text if character.isalpha()]
    return {
        "length": float(len(text.strip())),
        "exclamations": float(text.count("!") + text.count("！")),
        "capitals": sum(1 for character in letters if character.isupper()) / len(letters) if letters else 0.0,
        "emoji": float(emoji.emoji_count(text)),
        "hashtags": float(len(_HASHTAG.findall(text))),
        "money": float(len(_MONEY.findall(text))),
        "urgency": float(len(_URGENCY.findall(text))),
        "links": 1.0 if _URL.search(text) else 0.0,
    }


def name_has_tick(*names: Optional[str]) -> bool:
    """Whether a page's name or handle claims authority: a tick (✅ ✔ ☑), or "official" (ផ្លូវការ)."""
    return any(name and _TICK.search(name) for name in names)


def _ratio(part: float, whole: float) -> float:
    return part / max(whole, 1.0)


def extract(
    text: str,
    *,
    name: Optional[str] = None,
    handle: Optional[str] = None,
    account: Optional[Mapping] = None,
    stats: Optional[Mapping[str, int]] = None,
    comments_shown: Optional[int] = None,
    has_link: bool = False,
    has_picture: bool = False,
    time: Optional[str] = None,
) -> dict[str, Optional[float]]:
    """Every cue of one item, generic over item kinds: a post, a check item, a chat (all texts joined).

    `account` has "verified", "followers" and "joined" when the item shows an account; `stats` has
    "likes", "shares" and "comments" when it shows counts. What an item does not show is None.
    """
    values: dict[str, Optional[float]] = dict.fromkeys(CUE_IDS)
    values.update(text_cues(text))
    values["links"] = 1.0 if has_link or values["links"] else 0.0
    values["pictures"] = 1.0 if has_picture else 0.0
    values["name_tick"] = 1.0 if name_has_tick(name, handle) else 0.0
    if account is not None:
        values["verified"] = 1.0 if account.get("verified") else 0.0
        values["followers"] = float(account.get("followers") or 0)
        values["account_age"] = account_age_months(account.get("joined"))
    if stats is not None:
        likes, shares, comments = (float(stats.get(key) or 0) for key in ("likes", "shares", "comments"))
        values.update(likes=likes, shares=shares, comments=comments)
        values["comments_per_like"] = _ratio(comments, likes)
        values["shares_per_like"] = _ratio(shares, likes)
    if comments_shown is not None:
        values["comments_shown"] = float(comments_shown)
    values["post_age"] = post_age_hours(time)
    return values


def post_cues(post, account) -> dict[str, Optional[float]]:
    """The cues of a scenario post (`game.scenario.model.Post`) by its author (`Account`)."""
    text = post.text + ("\n" + post.link.title if post.link else "")
    return extract(
        text,
        name=account.name,
        handle=account.handle,
        account={"verified": account.verified, "followers": account.followers, "joined": account.joined},
        stats={"likes": post.stats.likes, "shares": post.stats.shares, "comments": post.stats.comments},
        comments_shown=len(post.comments),
        has_link=post.link is not None,
        has_picture=post.image is not None,
        time=post.time,
    )


def check_item_cues(item) -> dict[str, Optional[float]]:
    """The cues of a quick-check item (`game.scenario.quiz.QuizItem`): its source name, text and picture."""
    return extract(item.text, name=item.source, has_picture=item.image is not None)
