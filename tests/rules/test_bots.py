"""Bot policies (game/rules/bots.py): finishing a round early after N decisions (`autoplay --end-after`)."""

from __future__ import annotations

import pytest

from game.rules.bots import POLICY_NAMES, make_policy, play
from game.rules.engine import new_round
from game.rules.record import result_record
from rules_factory import small_loaded


@pytest.mark.parametrize("name", POLICY_NAMES)
@pytest.mark.parametrize("after", [0, 1, 2])
def test_end_after_makes_n_decisions_then_finishes_the_round_early(name, after):
    loaded = small_loaded()
    state, _ = play(new_round(loaded, seed=5, shuffle=True), make_policy(name, 5, end_after=after))
    own = [d for d in state.decisions if d.auto is None]
    assert state.over and state.end_reason == "ended" and len(own) == after
    assert all(d.auto == "ended" for d in state.decisions if d not in own)
    record = result_record(state, result_id="r", player_id="p", player_name="Bot", session=None, started_at="2025-01-01T00:00:00Z", finished_at="2025-01-01T00:01:00Z")
    assert record["status"] == "ended-early"


def test_end_after_more_than_the_posts_plays_the_whole_round():
    loaded = small_loaded()
    state, _ = play(new_round(loaded, seed=1), make_policy("perfect", 1, end_after=99))
    assert state.over and state.end_reason != "ended" and all(d.auto is None for d in state.decisions)
