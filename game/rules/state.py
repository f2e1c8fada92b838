"""Round state: an immutable snapshot of one round, and its plain-dict form for saving and resuming.

Holds the scenario, the feed order, each decision and tool use, the queries and pages of the offline web,
and the round's clocks.
Nothing drawable lives here. `engine.apply` makes new states; nothing else changes them.
Time: `clock` is the latest real `now` (seconds) the shell passed in; the simulated elapsed time
is the real seconds since the round started plus the simulated seconds of every tool used and page opened.
No pygame, no clock reads, no file I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, Optional, Union

from game.rules.commands import Action
from game.scenario.model import LoadedScenario, Mode, Post, Scenario, Tool

STATE_FORMAT = "feedwise-round/1"
Seed = Union[int, str, None]


@dataclass(frozen=True)
class Decision:
    """A decision on one post.

    `at` is the simulated time of the decision (seconds since the round started);
    `seconds` is the time spent on the post (see docs/scoring.md, "Time on a post");
    `auto` is None for the learner's own decision, or "time-up" / "ended" for a post skipped for them.
    """

    post: str
    action: Action
    reasons: tuple[str, ...] = ()
    at: float = 0.0
    seconds: float = 0.0
    auto: Optional[str] = None
    settled_by: tuple[str, ...] = ()  # what settled a flag after checking (game.rules.commands.SETTLED_BY)


@dataclass(frozen=True)
class ToolUse:
    """A verify tool used on a post; `at` is the simulated time when its result was ready."""

    post: str
    tool: Tool
    at: float = 0.0


@dataclass(frozen=True)
class Query:
    """A query typed (or made from keyword chips) in the offline web while checking a post.

    `shown` is how many results the screen showed at once; `seen` how many the trainee looked at (scrolled to).
    """

    post: str
    text: str
    source: str
    at: float = 0.0
    shown: int = 0
    seen: int = 0


@dataclass(frozen=True)
class PageView:
    """A page opened while checking a post. `opened`/`closed` are real clock times (closed None while open).

    `rank` is its rank in the latest results, or None when it was not opened from results; `other_source`
    is True when its site is neither the post's account's site nor the domain of the post's link.
    `results_seen` is how many results the trainee had looked at before opening it (from results only).
    """

    post: str
    page: str
    site: str
    rank: Optional[int]
    opened: float
    closed: Optional[float] = None
    other_source: bool = False
    results_seen: Optional[int] = None

    def seconds(self, clock: float) -> float:
        return max(0.0, (self.closed if self.closed is not None else clock) - self.opened)


@dataclass(frozen=True)
class RoundState:
    """One round. Make it with `engine.new_round`; change it only through `engine.apply`."""

    loaded: LoadedScenario
    order: tuple[str, ...]
    mode: Mode
    seed: Seed = None
    shuffled: bool = False
    start: float = 0.0
    clock: float = 0.0
    last_decision_clock: float = 0.0
    decisions: tuple[Decision, ...] = ()
    tool_uses: tuple[ToolUse, ...] = ()
    queries: tuple[Query, ...] = ()
    page_views: tuple[PageView, ...] = ()
    over: bool = False
    end_reason: Optional[str] = None  # "all-decided", "ended" or "time-up" once over

    # --- reading the state -------------------------------------------------------------
    @property
    def scenario(self) -> Scenario:
        return self.loaded.scenario

    @cached_property
    def _posts_by_id(self) -> dict[str, Post]:
        return {post.id: post for post in self.loaded.scenario.posts}

    @cached_property
    def _decisions_by_post(self) -> dict[str, Decision]:
        return {decision.post: decision for decision in self.decisions}

    @property
    def posts(self) -> tuple[Post, ...]:
        """The posts in feed order."""
        return tuple(self._posts_by_id[post_id] for post_id in self.order)

    def has_post(self, post_id: object) -> bool:
        return isinstance(post_id, str) and post_id in self._posts_by_id

    def post(self, post_id: str) -> Post:
        return self._posts_by_id[post_id]

    def position(self, post_id: str) -> int:
        """Where the post sits in the feed the learner saw: 1 is the top."""
        return self.order.index(post_id) + 1

    def decision(self, post_id: str) -> Optional[Decision]:
        return self._decisions_by_post.get(post_id)

    def tools_on(self, post_id: str) -> tuple[Tool, ...]:
        """The tools used on a post, in the order used."""
        return tuple(use.tool for use in self.tool_uses if use.post == post_id)

    @property
    def undecided(self) -> tuple[str, ...]:
        """Ids of posts with no decision yet, in feed order."""
        return tuple(post_id for post_id in self.order if post_id not in self._decisions_by_post)

    @property
    def time_limit(self) -> Optional[int]:
        return self.loaded.scenario.time_limit_seconds

    def tool_cost_seconds(self, tool: Tool) -> int:
        return int(getattr(self.loaded.scenario.tool_seconds, tool.value))

    @property
    def page_seconds(self) -> int:
        """Simulated seconds each page opened in the offline web costs."""
        return int(self.loaded.scenario.tool_seconds.page)

    @property
    def tool_seconds_spent(self) -> float:
        """Simulated seconds of every tool used and every page opened."""
        return float(sum(self.tool_cost_seconds(use.tool) for use in self.tool_uses) + self.page_seconds * len(self.page_views))

    def queries_on(self, post_id: str) -> tuple[Query, ...]:
        return tuple(query for query in self.queries if query.post == post_id)

    def pages_on(self, post_id: str) -> tuple[PageView, ...]:
        return tuple(view for view in self.page_views if view.post == post_id)

    def simulated_seconds_on(self, post_id: str) -> float:
        """Simulated seconds of the tools used and the pages opened on one post."""
        return float(sum(self.tool_cost_seconds(tool) for tool in self.tools_on(post_id)) + self.page_seconds * len(self.pages_on(post_id)))

    @property
    def real_seconds(self) -> float:
        """Real seconds since the round started, as last passed in by the shell."""
        return self.clock - self.start

    @property
    def elapsed(self) -> float:
        """Simulated seconds used: real seconds plus the simulated seconds of every tool used."""
        return self.real_seconds + self.tool_seconds_spent

    @property
    def time_left(self) -> Optional[float]:
        """Simulated seconds left in the time budget, or None when the scenario sets no budget."""
        if self.time_limit is None:
            return None
        return max(0.0, self.time_limit - self.elapsed)

    def with_changes(self, **changes: Any) -> "RoundState":
        return replace(self, **changes)


class StateError(ValueError):
    """A saved round cannot be resumed: wrong scenario, or the saved data is damaged."""


def state_to_dict(state: RoundState) -> dict[str, Any]:
    """A plain JSON-ready dict of the round (the scenario itself is referenced by id and sha256)."""
    return {
        "format": STATE_FORMAT,
        "scenario": {"id": state.scenario.id, "sha256": state.loaded.sha256},
        "mode": state.mode.value,
        "seed": state.seed,
        "shuffled": state.shuffled,
        "order": list(state.order),
        "start": state.start,
        "clock": state.clock,
        "last_decision_clock": state.last_decision_clock,
        "decisions": [
            {
                "post": d.post,
                "action": d.action.value,
                "reasons": list(d.reasons),
                "at": d.at,
                "seconds": d.seconds,
                "auto": d.auto,
                "settled_by": list(d.settled_by),
            }
            for d in state.decisions
        ],
        "tool_uses": [{"post": u.post, "tool": u.tool.value, "at": u.at} for u in state.tool_uses],
        "queries": [{"post": q.post, "text": q.text, "source": q.source, "at": q.at, "shown": q.shown, "seen": q.seen} for q in state.queries],
        "page_views": [
            {"post": v.post, "page": v.page, "site": v.site, "rank": v.rank, "opened": v.opened, "closed": v.closed,
             "other_source": v.other_source, "results_seen": v.results_seen}
            for v in state.page_views
        ],
        "over": state.over,
        "end_reason": state.end_reason,
    }


def state_from_dict(data: Any, loaded: LoadedScenario) -> RoundState:
    """Rebuild a saved round for the same scenario file. Raises `StateError` with a plain message."""
    if not isinstance(data, dict) or data.get("format") != STATE_FORMAT:
        raise StateError(f"This is not a saved Feedwise round (expected format {STATE_FORMAT!r}).")
    scenario = data.get("scenario") or {}
    if scenario.get("id") != loaded.scenario.id:
        raise StateError(
            f"The saved round is for scenario {scenario.get('id')!r}, not {loaded.scenario.id!r}."
        )
    if scenario.get("sha256") != loaded.sha256:
        raise StateError(
            f"The scenario file {loaded.path} has changed since this round was saved, so it cannot be resumed."
        )
    try:
        order = tuple(str(post_id) for post_id in data["order"])
        post_ids = {post.id for post in loaded.scenario.posts}
        if sorted(order) != sorted(post_ids):
            raise StateError("The saved feed order does not match the scenario's posts.")
        decisions = tuple(
            Decision(
                post=str(d["post"]),
                action=Action(d["action"]),
                reasons=tuple(str(r) for r in d.get("reasons", ())),
                at=float(d["at"]),
                seconds=float(d["seconds"]),
                auto=d.get("auto"),
                settled_by=tuple(str(r) for r in d.get("settled_by", ())),
            )
            for d in data["decisions"]
        )
        tool_uses = tuple(
            ToolUse(post=str(u["post"]), tool=Tool(u["tool"]), at=float(u["at"])) for u in data["tool_uses"]
        )
        queries = tuple(
            Query(str(q["post"]), str(q["text"]), str(q["source"]), float(q["at"]), int(q["shown"]), int(q["seen"]))
            for q in data.get("queries", ())
        )
        page_views = tuple(_page_view(v) for v in data.get("page_views", ()))
        if any(item.post not in post_ids for item in decisions + tool_uses + queries + page_views):
            raise StateError("The saved round mentions a post that is not in the scenario.")
        if len({d.post for d in decisions}) != len(decisions):
            raise StateError("The saved round decides a post twice.")
        seed = data.get("seed")
        if seed is not None and not isinstance(seed, (int, str)):
            raise StateError("The saved seed must be a whole number or text.")
        end_reason = data.get("end_reason")
        return RoundState(
            loaded=loaded,
            order=order,
            mode=Mode(data["mode"]),
            seed=seed,
            shuffled=bool(data["shuffled"]),
            start=float(data["start"]),
            clock=float(data["clock"]),
            last_decision_clock=float(data["last_decision_clock"]),
            decisions=decisions,
            tool_uses=tool_uses,
            queries=queries,
            page_views=page_views,
            over=bool(data["over"]),
            end_reason=None if end_reason is None else str(end_reason),
        )
    except StateError:
        raise
    except (KeyError, TypeError, ValueError) as error:
        raise StateError(f"The saved round is damaged ({type(error).__name__}: {error}).") from None


def _page_view(data: dict) -> PageView:
    rank, closed, seen = data.get("rank"), data.get("closed"), data.get("results_seen")
    return PageView(str(data["post"]), str(data["page"]), str(data["site"]), None if rank is None else int(rank),
                    float(data["opened"]), None if closed is None else float(closed), bool(data.get("other_source", False)),
                    None if seen is None else int(seen))
