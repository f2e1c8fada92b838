"""Scoring: the rubric, the scenario's own weights, max points and the signal-detection figures."""

from __future__ import annotations

from statistics import NormalDist

import pytest

from game.rules import Action, EndRound, Flag, Share, Skip, UseTool, apply, new_round
from game.rules.scoring import best_points, discernment, max_points, outcome_points, score
from game.scenario.model import Scoring
from rules_factory import make_loaded, post, small_loaded


def played(loaded, *commands):
    state = new_round(loaded)
    for index, command in enumerate(commands):
        state = apply(state, command, float(index)).state
    return state


@pytest.mark.parametrize(
    "verdict, action, weight",
    [
        ("misinformation", Action.flag, "flag_misinformation"),
        ("scam", Action.flag, "flag_misinformation"),
        ("misinformation", Action.share, "share_misinformation"),
        ("scam", Action.skip, "skip_misinformation"),
        ("reliable", Action.share, "share_reliable"),
        ("reliable", Action.skip, "skip_reliable"),
        ("reliable", Action.flag, "flag_reliable"),
    ],
)
def test_each_outcome_uses_its_weight(verdict, action, weight):
    loaded = make_loaded([post("p", verdict, ("conspiracy",) if verdict != "reliable" else ())])
    scoring = loaded.scenario.scoring
    assert outcome_points(scoring, loaded.scenario.posts[0], action) == getattr(scoring, weight)


def test_default_rubric_orders_outcomes_as_the_issue_asks():
    s = Scoring()
    assert s.share_misinformation < s.skip_misinformation < 0 < s.flag_misinformation
    assert s.share_misinformation == min(s.model_dump().values())  # sharing misinformation is the worst
    assert s.flag_reliable < s.skip_reliable < s.share_reliable
    assert s.right_reason_bonus > 0 > s.tool_cost


def test_scenario_can_override_any_weight():
    weights = {"flag_misinformation": 7, "right_reason_bonus": 1, "tool_cost": -3, "share_reliable": 2}
    loaded = make_loaded([post("m", "misinformation", ("conspiracy",)), post("r")], scoring=weights)
    state = played(loaded, UseTool("m", "search"), Flag("m", ["conspiracy"]), Share("r"))
    assert score(state).points == 7 + 1 - 3 + 2


def test_right_reason_bonus_needs_one_of_the_posts_techniques():
    loaded = small_loaded()
    right = played(loaded, Flag("m2", ["urgency-pressure", "conspiracy"]))
    wrong = played(loaded, Flag("m2", ["conspiracy"]))
    none = played(loaded, Flag("m2"))
    assert (score(right).points, score(wrong).points, score(none).points) == (13, 10, 10)
    assert score(right).right_reasons == 1 and score(wrong).right_reasons == 0


def test_no_bonus_when_the_scenario_does_not_ask_for_reasons():
    loaded = small_loaded(ask_reasons=False)
    assert score(played(loaded, Flag("m2", ["urgency-pressure"]))).points == 10
    assert max_points(loaded) == 10 + 5 + 10 + 5


def test_flagging_a_reliable_post_earns_no_bonus_whatever_the_reasons():
    assert score(played(small_loaded(), Flag("r1", ["conspiracy"]))).points == -5


def test_max_points_is_the_best_action_per_post_with_reasons_and_no_tools():
    loaded = small_loaded()
    assert max_points(loaded) == 13 + 5 + 13 + 5
    assert [best_points(loaded, p) for p in loaded.scenario.posts] == [13, 5, 13, 5]


def test_max_points_follows_odd_weights():
    loaded = make_loaded([post("r")], scoring={"share_reliable": -1, "skip_reliable": 2, "flag_reliable": -4})
    assert max_points(loaded) == 2


def test_tools_on_undecided_posts_cost_points_at_once():
    state = played(small_loaded(), UseTool("m2", "search"))
    assert score(state).points == -1 and score(state).undecided == 4


def test_discernment_uses_the_log_linear_correction():
    d = discernment(hits=3, misses=1, false_alarms=0, correct_rejections=4)
    z = NormalDist().inv_cdf
    assert d.hit_rate == pytest.approx(3.5 / 5) and d.false_alarm_rate == pytest.approx(0.5 / 5)
    assert d.d_prime == pytest.approx(z(0.7) - z(0.1))
    assert d.criterion == pytest.approx(-(z(0.7) + z(0.1)) / 2)
    assert d.hit_rate_raw == 0.75 and d.false_alarm_rate_raw == 0.0


def test_rates_are_never_zero_or_one():
    d = discernment(hits=5, misses=0, false_alarms=0, correct_rejections=5)
    assert 0 < d.false_alarm_rate < d.hit_rate < 1 and d.d_prime > 0


def test_discernment_with_no_posts_of_a_kind_is_defined():
    d = discernment(hits=0, misses=0, false_alarms=1, correct_rejections=1)
    assert d.hit_rate == 0.5 and d.hit_rate_raw is None


def test_counts_and_harmful_shares():
    state = played(small_loaded(), Share("m1"), Flag("r1"), Skip("m2"), Share("r2"))
    report = score(state)
    d = report.discernment
    assert (d.hits, d.misses, d.false_alarms, d.correct_rejections) == (0, 2, 1, 1)
    assert report.harmful_shares == 1 and report.correct == 1
    assert report.points == -10 - 5 - 2 + 5


def test_skipped_for_the_learner_counts_as_not_misinformation():
    state = played(small_loaded(), EndRound())
    d = score(state).discernment
    assert (d.hits, d.misses, d.false_alarms, d.correct_rejections) == (0, 2, 0, 2)
