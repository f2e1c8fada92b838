"""Commands: the immutable values a player (or a bot) sends into the rules with `engine.apply`.

Commands only carry ids; they never check anything themselves and never raise for bad values.
`engine.apply` decides whether a command is allowed and answers with a `Rejected` event if not.
No pygame, no clock, no file I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Optional, Union

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


# What settled a flag after checking on the web (the reason chips of the flag dialog):
# who is behind the account or site, other outlets that disagree, a picture seen years before.
SETTLED_BY = ("source", "other-outlets", "old-photo")


def _as_tuple(value: object) -> tuple:
    return (value,) if isinstance(value, str) else tuple(value)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Flag:
    """Flag the post as misinformation or a scam, optionally naming the techniques seen (technique ids)
    and what settled it after checking (`SETTLED_BY` values)."""

    post: str
    reasons: tuple[str, ...] = ()
    settled_by: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Accept a list or a single id from callers, but always hold immutable tuples.
        object.__setattr__(self, "reasons", _as_tuple(self.reasons))
        object.__setattr__(self, "settled_by", _as_tuple(self.settled_by))


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


QUERY_SOURCES = ("typed", "chips")


@dataclass(frozen=True)
class Search:
    """A query in the offline web about a post: `source` is "typed" or "chips" (keyword chips from the post).

    `shown` is how many results the screen shows at once without scrolling. The first query on a post
    uses the `search` tool (its seconds and its point cost, once per post).
    """

    post: str
    text: str
    source: str = "typed"
    shown: int = 0


@dataclass(frozen=True)
class SeeResults:
    """The trainee has now looked at the first `seen` results of the latest query (scrolled to them)."""

    post: str
    seen: int


@dataclass(frozen=True)
class OpenPage:
    """A page of the offline web opened while checking a post.

    `site` and `domain` are the page's site id and domain, `site_kind` its kind ("fact_checker" pages use
    the `fact_check` tool). `rank` is its rank in the latest results (1 = top), or None when it was
    opened another way (a link, a picture's earlier appearance). Each page opened costs
    `tool_seconds.page` simulated seconds; the page stays open until the next page, `ClosePage` or the decision.
    """

    post: str
    page: str
    site: str
    domain: str = ""
    site_kind: str = ""
    rank: Optional[int] = None


@dataclass(frozen=True)
class ClosePage:
    """Back to the post (or to the results): the open page stops counting its reading time."""

    post: str


@dataclass(frozen=True)
class CheckSource:
    """The account's profile (`site` None) or a site's "about this source" card: the `source` tool, once per post."""

    post: str
    site: Optional[str] = None


@dataclass(frozen=True)
class SearchPicture:
    """A reverse image search on the post's picture: the `reverse_image` tool, once per post."""

    post: str


BROWSING = (Search, SeeResults, OpenPage, ClosePage, CheckSource, SearchPicture)


@dataclass(frozen=True)
class EndRound:
    """The learner ends the round early: every undecided post counts as skipped."""


@dataclass(frozen=True)
class Tick:
    """Time passes (the shell sends this every frame or so); ends the round when the time budget runs out."""


Command = Union[Share, Flag, Skip, UseTool, Search, SeeResults, OpenPage, ClosePage, CheckSource, SearchPicture, EndRound, Tick]
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
