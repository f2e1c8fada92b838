"""The result record: pinned keys, values that match the round, and a file the store can read back."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timezone

import pytest

from game.rules import Flag, Share, Skip, UseTool, apply, new_round
from game.rules.bots import make_policy, play
from game.rules.record import iso_utc, result_record
from game.rules.scoring import score
from game.store.results import read_result, write_result
from rules_factory import small_loaded

PINNED = {
    "format", "result_id", "scenario", "player", "session", "mode", "seed", "started_at", "finished_at",
    "decisions", "score", "discernment", "harmful_shares", "missed_techniques",
}
PINNED_DECISION = {"post", "order", "action", "tools", "reasons", "correct", "points", "seconds"}
PINNED_DISCERNMENT = {"hits", "misses", "false_alarms", "correct_rejections", "hit_rate", "false_alarm_rate", "d_prime", "criterion"}


def a_record(state, **overrides):
    arguments = dict(
        result_id=str(uuid.uuid4()), player_id="p-7f3a", player_name="Sokha", session="TAKEO-1",
        started_at="2025-03-01T02:00:00Z", finished_at="2025-03-01T02:09:30Z",
    )
    arguments.update(overrides)
    return result_record(state, **arguments)


def a_finished_round():
    state = new_round(small_loaded(), seed=11, shuffle=True)
    for now, command in enumerate([UseTool("m1", "source"), Flag("m1", ["emotional-language"]), Share("r1"), Skip("m2"), Flag("r2")], start=1):
        state = apply(state, command, float(now * 5)).state
    return state


def test_record_has_every_pinned_key():
    record = a_record(a_finished_round())
    assert PINNED <= set(record)
    assert set(record["scenario"]) >= {"id", "title", "language", "sha256"}
    assert set(record["player"]) == {"id", "name"}
    assert PINNED_DISCERNMENT <= set(record["discernment"])
    assert all(PINNED_DECISION <= set(decision) for decision in record["decisions"])
    assert record["format"] == "feedwise-result/1"


def test_record_values_match_the_round():
    state = a_finished_round()
    record = a_record(state)
    report = score(state)
    assert record["score"] == {"points": report.points, "max_points": report.max_points}
    assert record["seed"] == 11 and record["mode"] == "practice" and record["session"] == "TAKEO-1"
    assert record["status"] == "complete"
    by_post = {d["post"]: d for d in record["decisions"]}
    assert by_post["m1"]["tools"] == ["source"] and by_post["m1"]["reasons"] == ["emotional-language"]
    assert by_post["m1"]["points"] == 13 - 1 and by_post["m1"]["seconds"] == pytest.approx(10 + 20)
    assert by_post["m2"]["correct"] is False and by_post["m2"]["verdict"] == "scam"
    assert [d["order"] for d in record["decisions"]] == [1, 2, 3, 4]
    assert [d["post"] for d in record["decisions"]] == list(state.order)
    assert sum(d["points"] for d in record["decisions"]) == record["score"]["points"]
    assert record["missed_techniques"] == ["too-good-to-be-true", "urgency-pressure"]
    assert record["discernment"]["false_alarms"] == 1
    json.dumps(record)  # plain JSON


def test_record_times_are_iso_utc():
    moment = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)
    record = a_record(a_finished_round(), started_at=moment, finished_at="2025-03-01T16:05:00+07:00")
    assert record["started_at"] == "2025-03-01T09:00:00Z" and record["finished_at"] == "2025-03-01T09:05:00Z"
    with pytest.raises(ValueError, match="time zone"):
        iso_utc("2025-03-01T09:00:00")
    with pytest.raises(ValueError, match="ISO 8601"):
        iso_utc("yesterday")


def test_no_session_is_null():
    assert a_record(a_finished_round(), session=None)["session"] is None


def test_record_written_by_the_store_reads_back_the_same(tmp_path):
    state, _ = play(new_round(small_loaded()), make_policy("random", 5))
    record = a_record(state)
    path = write_result(tmp_path, record)
    assert read_result(path) == record
