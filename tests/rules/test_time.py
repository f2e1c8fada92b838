"""Time: the shell passes `now` in; tools add simulated seconds; the budget skips what is left."""

from __future__ import annotations

import pytest

from game.rules import Action, Decided, Rejected, RoundOver, Share, Skip, Tick, UseTool, apply, new_round
from game.scenario.model import Tool
from rules_factory import small_loaded


def test_time_on_a_post_runs_from_the_previous_decision_plus_its_tools():
    state = new_round(small_loaded(), now=10.0)
    state = apply(state, Share("r1"), 14.0).state  # 4 s after the start
    state = apply(state, UseTool("m2", Tool.search), 20.0).state  # +30 simulated seconds
    state = apply(state, Skip("m2"), 25.0).state  # 11 real seconds since the last decision
    assert state.decision("r1").seconds == pytest.approx(4.0)
    assert state.decision("m2").seconds == pytest.approx(11.0 + 30.0)
    assert state.decision("m2").at == pytest.approx(15.0 + 30.0)
    assert state.elapsed == pytest.approx(45.0)


def test_time_never_runs_backwards():
    state = apply(new_round(small_loaded()), Tick(), 8.0).state
    state = apply(state, Tick(), 3.0).state
    assert state.clock == 8.0


def test_tick_moves_time_without_events():
    step = apply(new_round(small_loaded()), Tick(), 5.0)
    assert step.events == () and step.state.real_seconds == 5.0


def test_no_budget_means_no_time_up():
    step = apply(new_round(small_loaded()), Tick(), 1e9)
    assert not step.state.over and step.state.time_left is None


def test_budget_running_out_skips_every_undecided_post():
    state = new_round(small_loaded(time_limit_seconds=60))
    state = apply(state, Share("r1"), 10.0).state
    assert state.time_left == pytest.approx(50.0)
    step = apply(state, Tick(), 61.0)
    assert step.state.over and step.state.end_reason == "time-up"
    skipped = [e for e in step.events if isinstance(e, Decided)]
    assert {e.post for e in skipped} == {"m1", "m2", "r2"}
    assert all(e.action is Action.skip and e.auto == "time-up" for e in skipped)
    assert step.events[-1] == RoundOver("time-up")


def test_a_decision_after_the_budget_ran_out_is_rejected_but_time_up_still_happens():
    state = new_round(small_loaded(time_limit_seconds=60))
    step = apply(state, Share("r1"), 75.0)
    assert step.state.over and step.state.decision("r1").auto == "time-up"
    assert isinstance(step.events[-1], Rejected) and step.events[-1].reason == "round-over"


def test_tool_seconds_can_use_up_the_budget():
    state = new_round(small_loaded(time_limit_seconds=40, tool_seconds={"search": 30}))
    state = apply(state, Share("r1"), 5.0).state
    step = apply(state, UseTool("m2", Tool.search), 12.0)
    assert step.state.over and step.state.end_reason == "time-up"
    assert step.state.decision("m2").seconds == pytest.approx(30.0)  # its tool time, no real time
    assert any(isinstance(e, RoundOver) for e in step.events)


def test_non_finite_now_counts_as_no_time_passing():
    state = new_round(small_loaded())
    step = apply(state, Share("r1"), float("nan"))
    assert step.state.clock == 0.0 and step.state.decision("r1") is not None
