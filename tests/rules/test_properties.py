"""Properties of whole rounds played by the bots, over random scenarios (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.rules import Share, ToolUsed, new_round
from game.rules.bots import POLICY_NAMES, make_policy, play
from game.rules.record import result_record
from game.rules.scoring import score
from rules_factory import loaded_scenarios, small_loaded

seeds = st.integers(0, 2**16)
FAST = settings(max_examples=40, deadline=None)


def played(loaded, name, *, seed=0, shuffle=False, policy_seed=0):
    state, _ = play(new_round(loaded, seed=seed, shuffle=shuffle), make_policy(name, policy_seed))
    return state


@FAST
@given(loaded_scenarios(), seeds)
def test_perfect_scores_max_points_and_has_the_highest_d_prime(loaded, seed):
    perfect = score(played(loaded, "perfect"))
    assert perfect.points == perfect.max_points
    for name in POLICY_NAMES:
        other = score(played(loaded, name, policy_seed=seed))
        assert other.points <= perfect.points
        assert other.discernment.d_prime <= perfect.discernment.d_prime + 1e-12


@FAST
@given(loaded_scenarios(), st.sampled_from(POLICY_NAMES), seeds, seeds)
def test_score_does_not_depend_on_feed_order(loaded, name, order_a, order_b):
    a = score(played(loaded, name, seed=order_a, shuffle=True, policy_seed=1))
    b = score(played(loaded, name, seed=order_b, shuffle=True, policy_seed=1))
    assert a == b


@FAST
@given(loaded_scenarios(), st.sampled_from(POLICY_NAMES), seeds)
def test_same_seed_gives_the_same_result(loaded, name, seed):
    def record():
        state = played(loaded, name, seed=seed, shuffle=True, policy_seed=seed)
        return result_record(
            state, result_id="r", player_id="p", player_name="n", session=None,
            started_at="2025-01-01T00:00:00Z", finished_at="2025-01-01T00:10:00Z",
        )

    assert record() == record()


@FAST
@given(loaded_scenarios())
def test_flag_all_has_equal_raw_rates_and_d_prime_near_zero(loaded):
    d = score(played(loaded, "flag-all")).discernment
    assert d.hit_rate_raw == d.false_alarm_rate_raw == 1.0
    assert abs(d.d_prime) < 1.1  # only the unequal log-linear corrections separate the rates
    assert d.criterion < 0  # a strong lean towards flagging


@pytest.mark.parametrize("count", [1, 3, 8])
def test_flag_all_d_prime_is_zero_when_both_kinds_are_equally_many(count):
    from rules_factory import make_loaded, post

    loaded = make_loaded([post(f"m{i}", "misinformation", ("conspiracy",)) for i in range(count)] + [post(f"r{i}") for i in range(count)])
    assert score(played(loaded, "flag-all")).discernment.d_prime == pytest.approx(0.0, abs=1e-12)


@FAST
@given(loaded_scenarios(), st.sampled_from(POLICY_NAMES), seeds)
def test_points_and_counts_add_up(loaded, name, seed):
    state = played(loaded, name, policy_seed=seed)
    report = score(state)
    d = report.discernment
    posts = loaded.scenario.posts
    misleading = sum(p.verdict.is_misinformation for p in posts)
    assert state.over and report.decided == len(posts) and report.undecided == 0
    assert d.hits + d.misses == misleading
    assert d.false_alarms + d.correct_rejections == len(posts) - misleading
    assert report.correct == d.hits + d.correct_rejections
    assert report.harmful_shares <= d.misses
    record = result_record(
        state, result_id="r", player_id="p", player_name="n", session=None,
        started_at="2025-01-01T00:00:00Z", finished_at="2025-01-01T00:10:00Z",
    )
    assert sum(decision["points"] for decision in record["decisions"]) == report.points
    assert sum(len(decision["tools"]) for decision in record["decisions"]) == report.tools_used
    assert report.points <= report.max_points


@FAST
@given(loaded_scenarios(), seeds)
def test_random_bot_uses_at_least_one_tool_and_is_seeded(loaded, seed):
    state, events = play(new_round(loaded), make_policy("random", seed))
    again, _ = play(new_round(loaded), make_policy("random", seed))
    assert any(isinstance(event, ToolUsed) for event in events)
    assert state == again


@FAST
@given(st.lists(st.tuples(st.sampled_from(["share", "flag", "skip", "tool", "end", "tick", "junk"]), st.sampled_from(["m1", "r1", "m2", "r2", "zz"]), st.sampled_from(["source", "search", "reverse_image", "fact_check", "x"])), max_size=25))
def test_any_command_sequence_never_raises_and_never_breaks_the_state(moves):
    from game.rules import EndRound, Flag, Skip, Tick, UseTool, apply

    state = new_round(small_loaded(time_limit_seconds=120))
    for index, (kind, post_id, tool) in enumerate(moves):
        command = {
            "share": Share(post_id), "flag": Flag(post_id, ("conspiracy",)), "skip": Skip(post_id),
            "tool": UseTool(post_id, tool), "end": EndRound(), "tick": Tick(), "junk": object(),
        }[kind]
        step = apply(state, command, index * 7.0)
        assert all(getattr(event, "reason", None) != "internal-error" for event in step.events)
        state = step.state
        assert len({d.post for d in state.decisions}) == len(state.decisions)
        assert state.over == (not state.undecided)
