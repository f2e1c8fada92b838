"""Cue lessons: when a surface cue misled the trainee, the debrief says so and says what to check instead.

A misleading post that got through from a verified or long-standing page, or that was written calmly,
and a reliable post that was flagged although it was loud, humble or about money, each get one
`Message` ("cue-verified-clue", ...). The cues are read by `game.scenario.cues.post_cues`, the same
extraction the cue-balance check (`validate --cues`) measures, so the game and the check never
disagree about what a post shows. When the author wrote a clue for the post, the message quotes it
(`{clue}`, the source check first): the clue is what made the difference findable.
Pure: no pygame, no clock, no file I/O.
"""

from __future__ import annotations

from typing import Optional

from game.rules.messages import Message
from game.scenario.cues import post_cues
from game.scenario.model import Post, Scenario, Tool

FOLLOWERS_MANY = 10_000  # a page with at least this many followers looks established
MONTHS_OLD = 36  # ... and so does one at least this many months old
FOLLOWERS_FEW = 1_000  # a page with fewer looks small
MONTHS_NEW = 3  # ... and so does one younger than this
CAPITALS_LOUD = 0.15  # share of capital letters from which a text reads as shouting

# Which clue a lesson quotes, in order of preference: the source check tells who is behind a page.
CLUE_ORDER = (Tool.source, Tool.search, Tool.fact_check, Tool.reverse_image)


def _authored_clue(post: Post) -> Optional[str]:
    return next((post.clues.get(tool) for tool in CLUE_ORDER if post.clues.get(tool)), None)


def _is_loud(cues: dict) -> bool:
    return bool(cues["exclamations"] or cues["emoji"] or cues["capitals"] >= CAPITALS_LOUD)


def _age(cues: dict) -> float:
    return cues["account_age"] if cues["account_age"] is not None else -1.0


def misleading_kind(cues: dict) -> Optional[str]:
    """Which trustworthy look a misleading post has: "verified", "established", "calm", or None."""
    if cues["verified"]:
        return "verified"
    if cues["followers"] >= FOLLOWERS_MANY or _age(cues) >= MONTHS_OLD:
        return "established"
    if not _is_loud(cues) and not cues["urgency"]:
        return "calm"
    return None


def reliable_kind(cues: dict) -> Optional[str]:
    """Which suspicious look a reliable post has: "loud", "humble", "money", or None."""
    if _is_loud(cues):
        return "loud"
    if not cues["verified"] and (cues["followers"] < FOLLOWERS_FEW or 0 <= _age(cues) < MONTHS_NEW):
        return "humble"
    if cues["money"]:
        return "money"
    return None


def cue_lesson(scenario: Scenario, post: Post, outcome: Optional[str]) -> Optional[Message]:
    """The lesson for a post the trainee got wrong because of how it looked; None when none applies.

    `outcome` is the decision's outcome: "miss" (misleading, not flagged) or "false-alarm" (reliable,
    flagged) can carry a lesson; any other outcome (or no decision) never does.
    """
    if outcome not in ("miss", "false-alarm"):
        return None
    cues = post_cues(post, scenario.account(post.author))
    kind = misleading_kind(cues) if outcome == "miss" else reliable_kind(cues)
    if kind is None:
        return None
    clue = _authored_clue(post)
    if clue:
        return Message(f"cue-{kind}-clue", {"clue": clue.strip()})
    return Message(f"cue-{kind}", {})
