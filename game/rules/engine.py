"""The engine: start a round (`new_round`) and apply commands to it (`apply`).

`apply(state, command, now)` returns a `Step` with the next state and the events that followed.
A command that is not allowed gives back the same state and a `Rejected` event; `apply` never raises.
`now` is the real seconds since the round started, passed in by the shell (time never runs backwards:
an earlier `now` than one already seen counts as no time passing). No pygame, no clock reads, no file I/O.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Optional, Union

from game.rules.browse import apply_browse, check_browse, close_pages
from game.rules.clues import clue_for, tool_applies
from game.rules.commands import BROWSING, SETTLED_BY, Action, EndRound, Flag, Share, Skip, Tick, UseTool, action_of
from game.rules.debrief import post_feedback
from game.rules.events import REJECTION_REASONS, Decided, Event, FeedbackReady, Rejected, RoundOver, ToolUsed
from game.rules.scoring import decision_points, is_correct
from game.rules.state import Decision, RoundState, Seed, ToolUse
from game.scenario.model import LoadedScenario, Mode, Tool


@dataclass(frozen=True)
class Step:
    """The result of applying a command: the next state and what happened, in order."""

    state: RoundState
    events: tuple[Event, ...] = ()

    @property
    def rejected(self) -> Optional[Rejected]:
        return next((event for event in self.events if isinstance(event, Rejected)), None)


def new_round(
    loaded: LoadedScenario,
    *,
    seed: Seed = None,
    shuffle: bool = False,
    now: float = 0.0,
    mode: Union[Mode, str, None] = None,
) -> RoundState:
    """A fresh round of the scenario, starting at real time `now`.

    With `shuffle`, the feed order is shuffled by `seed` (the same seed gives the same order); a
    shuffle without a seed draws one from the operating system and keeps it in the state so the
    round can be replayed. `mode` defaults to the scenario's own mode.
    """
    order = [post.id for post in loaded.scenario.posts]
    if shuffle:
        if seed is None:
            seed = random.SystemRandom().randrange(2**31)
        random.Random(seed).shuffle(order)
    start = float(now) if _finite(now) else 0.0
    return RoundState(
        loaded=loaded,
        order=tuple(order),
        mode=Mode(mode) if mode is not None else loaded.scenario.mode,
        seed=seed,
        shuffled=shuffle,
        start=start,
        clock=start,
        last_decision_clock=start,
    )


def _finite(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _reject(reason: str, detail: str = "") -> Rejected:
    message = REJECTION_REASONS.get(reason, reason)
    return Rejected(reason, f"{message} {detail}".strip())


def check(state: RoundState, command: object) -> Optional[Rejected]:
    """Why `command` would be rejected right now, or None if it is allowed ("can I run?" for buttons).

    Does not know about time running out before the next `now`; `apply` handles that.
    """
    if isinstance(command, Tick):
        return None
    if state.over:
        return _reject("round-over")
    if isinstance(command, EndRound):
        return None
    if isinstance(command, UseTool):
        if not state.has_post(command.post):
            return _reject("unknown-post", f"({command.post!r})")
        if not isinstance(command.tool, Tool):
            return _reject("unknown-tool", f"({command.tool!r})")
        if state.decision(command.post) is not None:
            return _reject("tool-after-decision", f"({command.post!r})")
        if not tool_applies(state.post(command.post), command.tool):
            return _reject("no-image", f"({command.post!r})")
        if command.tool in state.tools_on(command.post):
            return _reject("tool-already-used", f"({command.tool.value} on {command.post!r})")
        return None
    if isinstance(command, BROWSING):
        problem = check_browse(state, command)
        return _reject(*problem) if problem else None
    if isinstance(command, (Share, Flag, Skip)):
        if not state.has_post(command.post):
            return _reject("unknown-post", f"({command.post!r})")
        if state.decision(command.post) is not None:
            return _reject("already-decided", f"({command.post!r})")
        if isinstance(command, Flag):
            unknown = [r for r in command.reasons if not isinstance(r, str) or r not in state.loaded.techniques]
            if unknown:
                return _reject("unknown-technique", f"({', '.join(map(repr, unknown))})")
            strange = [r for r in command.settled_by if r not in SETTLED_BY]
            if strange:
                return _reject("unknown-settled-by", f"({', '.join(map(repr, strange))}; expected one of {', '.join(SETTLED_BY)})")
        return None
    return _reject("unknown-command", f"({type(command).__name__})")


def apply(state: RoundState, command: object, now: float) -> Step:
    """Apply a command at real time `now` (seconds since the round started). Never raises."""
    try:
        return _apply(state, command, now)
    except Exception as error:  # a last guard: the game loop must never see an exception from the rules
        return Step(state, (_reject("internal-error", f"({type(error).__name__}: {error})"),))


def _time_is_up(state: RoundState) -> bool:
    return state.time_limit is not None and state.elapsed >= state.time_limit


def _apply(state: RoundState, command: object, now: float) -> Step:
    if state.over:
        return Step(state, () if isinstance(command, Tick) else (_reject("round-over"),))
    clock = max(state.clock, float(now)) if _finite(now) else state.clock
    advanced = state.with_changes(clock=clock) if clock != state.clock else state
    if _time_is_up(advanced):
        finished, events = _finish(advanced, "time-up")
        if not isinstance(command, Tick):
            events += (_reject("round-over", "(time ran out)"),)
        return Step(finished, events)
    if isinstance(command, Tick):
        return Step(advanced)
    rejection = check(state, command)
    if rejection is not None:
        return Step(state, (rejection,))
    if isinstance(command, EndRound):
        finished, events = _finish(advanced, "ended")
        return Step(finished, events)
    if isinstance(command, UseTool):
        return _use_tool(advanced, command)
    if isinstance(command, BROWSING):
        return _browse(advanced, command)
    return _decide(advanced, command)


def _browse(state: RoundState, command: object) -> Step:
    state, events = apply_browse(state, command)
    if _time_is_up(state):
        state, finish_events = _finish(state, "time-up")
        events += finish_events
    return Step(state, events)


def _use_tool(state: RoundState, command: UseTool) -> Step:
    tool = command.tool
    assert isinstance(tool, Tool)
    seconds = state.tool_cost_seconds(tool)
    post = state.post(command.post)
    state = state.with_changes(tool_uses=state.tool_uses + (ToolUse(post.id, tool, at=state.elapsed + seconds),))
    events: tuple[Event, ...] = (ToolUsed(post.id, tool, clue_for(state.loaded, post, tool), seconds),)
    if _time_is_up(state):
        state, finish_events = _finish(state, "time-up")
        events += finish_events
    return Step(state, events)


def _decide(state: RoundState, command: Union[Share, Flag, Skip]) -> Step:
    action = action_of(command)
    assert action is not None
    post = state.post(command.post)
    reasons = tuple(dict.fromkeys(command.reasons)) if isinstance(command, Flag) else ()
    state = close_pages(state)
    tools = state.tools_on(post.id)
    seconds = (state.clock - state.last_decision_clock) + state.simulated_seconds_on(post.id)
    settled_by = tuple(dict.fromkeys(command.settled_by)) if isinstance(command, Flag) else ()
    decision = Decision(post.id, action, reasons, at=state.elapsed, seconds=seconds, settled_by=settled_by)
    state = state.with_changes(decisions=state.decisions + (decision,), last_decision_clock=state.clock)
    events: list[Event] = [
        Decided(post.id, action, is_correct(post, action), decision_points(state.loaded, post, action, reasons, len(tools)))
    ]
    if state.mode is Mode.practice:
        events.append(FeedbackReady(post.id, post_feedback(state, post.id)))
    if not state.undecided:
        state = state.with_changes(over=True, end_reason="all-decided")
        events.append(RoundOver("all-decided"))
    return Step(state, tuple(events))


def _finish(state: RoundState, reason: str) -> tuple[RoundState, tuple[Event, ...]]:
    """End the round: every undecided post counts as skipped (marked `auto=reason`)."""
    events: list[Event] = []
    state = close_pages(state)
    decisions = list(state.decisions)
    for post_id in state.undecided:
        post = state.post(post_id)
        tools = state.tools_on(post_id)
        seconds = state.simulated_seconds_on(post_id)
        decisions.append(Decision(post_id, Action.skip, (), at=state.elapsed, seconds=seconds, auto=reason))
        points = decision_points(state.loaded, post, Action.skip, (), len(tools))
        events.append(Decided(post_id, Action.skip, is_correct(post, Action.skip), points, auto=reason))
    events.append(RoundOver(reason))
    return state.with_changes(decisions=tuple(decisions), over=True, end_reason=reason), tuple(events)
