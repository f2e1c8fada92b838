"""The engine: each rule of a round, and each command that is not allowed."""

from __future__ import annotations

import pytest

from game.rules import (
    Action,
    Decided,
    EndRound,
    FeedbackReady,
    Flag,
    Rejected,
    RoundOver,
    Share,
    Skip,
    Tick,
    ToolUsed,
    UseTool,
    apply,
    check,
    new_round,
)
from game.scenario.model import Mode, Tool
from rules_factory import make_loaded, post, small_loaded


def rejection(step):
    assert len(step.events) == 1 and isinstance(step.events[0], Rejected), step.events
    return step.events[0]


def play(state, *commands, now=1.0):
    events = []
    for command in commands:
        step = apply(state, command, now)
        state, now = step.state, now + 1
        events.extend(step.events)
    return state, events


class TestNewRound:
    def test_feed_order_is_the_scenario_order_without_shuffle(self):
        state = new_round(small_loaded())
        assert state.order == ("m1", "r1", "m2", "r2")
        assert state.undecided == state.order and not state.over and state.elapsed == 0

    def test_same_seed_gives_same_order_and_other_seeds_differ(self):
        loaded = make_loaded([post(f"p{i}") for i in range(12)])
        orders = {new_round(loaded, seed=seed, shuffle=True).order for seed in range(20)}
        assert new_round(loaded, seed=7, shuffle=True).order == new_round(loaded, seed=7, shuffle=True).order
        assert len(orders) > 1
        assert all(sorted(order) == sorted(p.id for p in loaded.scenario.posts) for order in orders)

    def test_shuffle_without_seed_records_the_seed_it_used(self):
        loaded = make_loaded([post(f"p{i}") for i in range(8)])
        state = new_round(loaded, shuffle=True)
        assert state.seed is not None
        assert new_round(loaded, seed=state.seed, shuffle=True).order == state.order

    def test_mode_defaults_to_scenario_mode_and_can_be_overridden(self):
        assert new_round(small_loaded(mode="assessment")).mode is Mode.assessment
        assert new_round(small_loaded(), mode="assessment").mode is Mode.assessment


class TestDecisions:
    def test_flagging_records_the_decision_and_reports_it(self):
        state = new_round(small_loaded())
        step = apply(state, Flag("m1", ["emotional-language"]), 4.0)
        decision = step.state.decision("m1")
        assert decision.action is Action.flag and decision.reasons == ("emotional-language",)
        decided = step.events[0]
        assert decided == Decided("m1", Action.flag, True, 13)
        assert isinstance(step.events[1], FeedbackReady) and step.events[1].feedback.correct is True
        assert state.decision("m1") is None  # the old state is untouched

    def test_share_and_skip_are_decisions_too(self):
        state, events = play(new_round(small_loaded()), Share("r1"), Skip("m2"))
        assert state.decision("r1").action is Action.share and state.decision("m2").action is Action.skip
        assert [e.points for e in events if isinstance(e, Decided)] == [5, -2]

    def test_assessment_mode_sends_no_feedback(self):
        state = new_round(small_loaded(), mode="assessment")
        step = apply(state, Share("r1"), 1.0)
        assert [type(e) for e in step.events] == [Decided]

    def test_round_is_over_when_every_post_is_decided(self):
        state, events = play(new_round(small_loaded()), Flag("m1"), Share("r1"), Flag("m2"), Share("r2"))
        assert state.over and state.end_reason == "all-decided"
        assert events[-1] == RoundOver("all-decided")

    def test_repeated_reasons_count_once(self):
        step = apply(new_round(small_loaded()), Flag("m1", ("emotional-language", "emotional-language")), 1.0)
        assert step.state.decision("m1").reasons == ("emotional-language",)

    def test_end_round_skips_every_undecided_post(self):
        state, events = play(new_round(small_loaded()), Share("r1"), EndRound())
        assert state.over and state.end_reason == "ended"
        auto = [e for e in events if isinstance(e, Decided) and e.auto == "ended"]
        assert {e.post for e in auto} == {"m1", "m2", "r2"} and all(e.action is Action.skip for e in auto)
        assert events[-1] == RoundOver("ended")


class TestTools:
    def test_tool_reveals_the_authored_clue_and_costs_time(self):
        state = new_round(small_loaded())
        step = apply(state, UseTool("m1", Tool.reverse_image), 2.0)
        used = step.events[0]
        assert isinstance(used, ToolUsed) and used.clue.text == "First seen in 2016." and used.seconds == 30
        assert step.state.tools_on("m1") == (Tool.reverse_image,)
        assert step.state.elapsed == pytest.approx(32.0)

    def test_tool_name_as_text_is_accepted(self):
        step = apply(new_round(small_loaded()), UseTool("m2", "fact-check"), 1.0)
        assert isinstance(step.events[0], ToolUsed) and step.events[0].tool is Tool.fact_check

    def test_tool_without_authored_clue_gives_a_neutral_default_from_the_account(self):
        step = apply(new_round(small_loaded()), UseTool("r1", Tool.source), 1.0)
        clue = step.events[0].clue
        assert clue.text is None and clue.message.id == "clue-source-account"
        assert clue.message.params["followers"] == 12400 and clue.message.params["joined"] == "2019-04"
        assert "12,400" in clue.english() and "Verified badge: no" in clue.english()

    def test_tool_costs_points_on_the_decision(self):
        state, events = play(new_round(small_loaded()), UseTool("r1", "search"), UseTool("r1", "source"), Share("r1"))
        assert [e.points for e in events if isinstance(e, Decided)] == [5 - 2]


class TestRejected:
    """Each command that is not allowed leaves the state unchanged and says why."""

    @pytest.mark.parametrize(
        "command, reason",
        [
            (Share("nope"), "unknown-post"),
            (Flag("nope"), "unknown-post"),
            (Skip("nope"), "unknown-post"),
            (UseTool("nope", Tool.source), "unknown-post"),
            (UseTool("m2", "telepathy"), "unknown-tool"),
            (UseTool("m2", Tool.reverse_image), "no-image"),
            (Flag("m1", ("not-a-technique",)), "unknown-technique"),
            (Flag("m1", (42,)), "unknown-technique"),
            ("share m1", "unknown-command"),
            (None, "unknown-command"),
        ],
    )
    def test_bad_command_is_rejected(self, command, reason):
        state = new_round(small_loaded())
        step = apply(state, command, 5.0)
        assert rejection(step).reason == reason and rejection(step).message
        assert step.state is state
        assert check(state, command).reason == reason

    def test_deciding_twice(self):
        state, _ = play(new_round(small_loaded()), Share("r1"))
        for command in (Share("r1"), Flag("r1"), Skip("r1")):
            step = apply(state, command, 9.0)
            assert rejection(step).reason == "already-decided" and step.state is state

    def test_tool_after_the_decision(self):
        state, _ = play(new_round(small_loaded()), Skip("m2"))
        step = apply(state, UseTool("m2", Tool.search), 9.0)
        assert rejection(step).reason == "tool-after-decision" and step.state is state

    def test_same_tool_twice_on_a_post(self):
        state, _ = play(new_round(small_loaded()), UseTool("m2", Tool.search))
        step = apply(state, UseTool("m2", Tool.search), 9.0)
        assert rejection(step).reason == "tool-already-used" and step.state is state

    @pytest.mark.parametrize("command", [Share("r2"), Flag("m1"), Skip("m1"), UseTool("m1", Tool.source), EndRound()])
    def test_acting_after_the_round_is_over(self, command):
        state, _ = play(new_round(small_loaded()), EndRound())
        step = apply(state, command, 9.0)
        assert rejection(step).reason == "round-over" and step.state is state

    def test_tick_after_the_round_is_over_does_nothing(self):
        state, _ = play(new_round(small_loaded()), EndRound())
        step = apply(state, Tick(), 99.0)
        assert step.state is state and step.events == ()

    def test_check_allows_allowed_commands(self):
        state = new_round(small_loaded())
        assert check(state, Flag("m1", ("emotional-language",))) is None
        assert check(state, UseTool("m1", Tool.reverse_image)) is None
        assert check(state, EndRound()) is None and check(state, Tick()) is None
