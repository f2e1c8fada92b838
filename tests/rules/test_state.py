"""Saving and resuming a round: the state turns into a plain dict and back."""

from __future__ import annotations

import json

import pytest

from game.rules import Flag, Share, UseTool, apply, new_round
from game.rules.state import StateError, state_from_dict, state_to_dict
from rules_factory import make_loaded, post, small_loaded


def a_round_in_progress():
    state = new_round(small_loaded(time_limit_seconds=600), seed=3, shuffle=True, now=2.0)
    for command, now in [(UseTool("m1", "reverse_image"), 5.0), (Flag("m1", ["emotional-language"]), 9.0), (Share("r1"), 12.5)]:
        state = apply(state, command, now).state
    return state


def test_state_survives_a_trip_through_json():
    state = a_round_in_progress()
    data = json.loads(json.dumps(state_to_dict(state)))
    resumed = state_from_dict(data, state.loaded)
    assert resumed == state
    assert apply(resumed, Share("r2"), 20.0) == apply(state, Share("r2"), 20.0)


def test_resuming_with_another_scenario_is_refused_plainly():
    state = a_round_in_progress()
    other = make_loaded([post("x")], id="other")
    with pytest.raises(StateError, match="other"):
        state_from_dict(state_to_dict(state), other)


def test_resuming_after_the_file_changed_is_refused():
    state = a_round_in_progress()
    changed = state.loaded.model_copy(update={"sha256": "1" * 64})
    with pytest.raises(StateError, match="changed"):
        state_from_dict(state_to_dict(state), changed)


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.pop("decisions"),
        lambda d: d["decisions"][0].update(action="retweet"),
        lambda d: d["order"].append("ghost"),
        lambda d: d.update(format="something-else"),
        lambda d: d["tool_uses"][0].update(post="ghost"),
    ],
)
def test_damaged_saves_raise_state_error(damage):
    state = a_round_in_progress()
    data = state_to_dict(state)
    damage(data)
    with pytest.raises(StateError):
        state_from_dict(data, state.loaded)
