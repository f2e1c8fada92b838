"""Commands: the immutable values a player (or a bot) sends into the rules with `engine.apply`.

Commands only carry ids; they never check anything themselves and never raise for bad values.
`engine.apply` decides whether a command is allowed and answers with a `Rejected` event if not.
No pygame, no clock, no file I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Union

from game.scenario.model import Tool


class Action(str, Enum):
    """What a learner decided to do with a post. A flag means "this is misinformation"."""

    share = "share"
    flag = "flag"
    skip = "skip"


@dataclass(frozen=True)
class Share:
    """Share the post with friends: the right call for reliable news, the worst for misinformation."""

    post: str


@dataclass(frozen=True)
class Flag:
    """Flag the post as misinformation or a scam, optionally naming the techniques seen (technique ids)."""

    post: str
    reasons: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Accept a list or a single id from callers, but always hold an immutable tuple.
        reasons = self.reasons
        if isinstance(reasons, str):
            reasons = (reasons,)
        object.__setattr__(self, "reasons", tuple(reasons))


@dataclass(frozen=True)
class Skip:
    """Scroll past the post without sharing or flagging it."""

    post: str


@dataclass(frozen=True)
class UseTool:
    """Use a verify tool on a post. `tool` is a `Tool` or its value ("source", "search", ...)."""

    post: str
    tool: Union[Tool, str] = field(default=Tool.source)

    def __post_init__(self) -> None:
        tool = self.tool
        if not isinstance(tool, Tool) and isinstance(tool, str):
            try:
                tool = Tool(tool.replace("-", "_"))
            except ValueError:
                return  # left as given; apply() rejects it as "unknown-tool"
        object.__setattr__(self, "tool", tool)


@dataclass(frozen=True)
class EndRound:
    """The learner ends the round early: every undecided post counts as skipped."""


@dataclass(frozen=True)
class Tick:
    """Time passes (the shell sends this every frame or so); ends the round when the time budget runs out."""


Command = Union[Share, Flag, Skip, UseTool, EndRound, Tick]
DECISIONS = (Share, Flag, Skip)


def action_of(command: object) -> Action | None:
    """The `Action` a decision command stands for, or None for any other command."""
    if isinstance(command, Share):
        return Action.share
    if isinstance(command, Flag):
        return Action.flag
    if isinstance(command, Skip):
        return Action.skip
    return None
