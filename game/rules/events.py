"""Events: what `engine.apply` reports happened. Plain data (ids, numbers, scenario text), never UI strings.

`Rejected.message` is an English note for logs and developers; the UI shows its own translated
text chosen by `Rejected.reason`. No pygame, no clock, no file I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional, Union

from game.rules.clues import Clue
from game.rules.commands import Action
from game.scenario.model import Tool

if TYPE_CHECKING:
    from game.rules.debrief import PostFeedback


@dataclass(frozen=True)
class ToolUsed:
    """A verify tool revealed its clue; it cost `seconds` of simulated time (and the scenario's tool cost)."""

    post: str
    tool: Tool
    clue: Clue
    seconds: int


@dataclass(frozen=True)
class Browsed:
    """A step in the offline web was recorded: `kind` is "search", "results", "page", "close", "source" or "picture".

    `tool` is the verify tool it used for the first time on this post (None when none, or already used);
    `seconds` the simulated seconds it cost (the tool's, plus a page's own seconds for "page").
    """

    post: str
    kind: str
    tool: Optional[Tool]
    seconds: int


@dataclass(frozen=True)
class Decided:
    """A post was decided. `auto` is "time-up" or "ended" when the game skipped it for the learner."""

    post: str
    action: Action
    correct: bool
    points: int
    auto: Optional[str] = None


@dataclass(frozen=True)
class FeedbackReady:
    """Practice mode only: the debrief item for a post the learner just decided."""

    post: str
    feedback: "PostFeedback"


@dataclass(frozen=True)
class RoundOver:
    """The round ended: `reason` is "all-decided", "ended" (the learner ended it) or "time-up"."""

    reason: str


@dataclass(frozen=True)
class Rejected:
    """A command that is not allowed; the state is unchanged. `reason` is a short code (see REJECTION_REASONS)."""

    reason: str
    message: str


REJECTION_REASONS = {
    "round-over": "The round is over.",
    "unknown-post": "There is no such post in this round.",
    "already-decided": "This post has already been decided.",
    "tool-after-decision": "Tools can only be used before deciding a post.",
    "unknown-tool": "There is no such verify tool.",
    "no-image": "This post has no picture for a reverse image search.",
    "tool-already-used": "This tool has already been used on this post.",
    "unknown-technique": "A reason is not a technique id this scenario knows.",
    "unknown-settled-by": "What settled a flag must be 'source', 'other-outlets' or 'old-photo'.",
    "bad-query": "A query needs some words and a source of 'typed' or 'chips'.",
    "bad-page": "A page needs its id, its site's id and a rank of 1 or more (or none).",
    "unknown-command": "This is not a command the rules know.",
    "internal-error": "The rules hit an unexpected problem; nothing was changed.",
}

Event = Union[ToolUsed, Browsed, Decided, FeedbackReady, RoundOver, Rejected]
