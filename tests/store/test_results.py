"""Result files: atomic writes with unique names, even from many processes, and checked reads."""

from __future__ import annotations

import json
import multiprocessing
import uuid
from pathlib import Path

import pytest

from game.store.results import ResultFileError, read_result, result_file_name, write_result


def a_record(**changes):
    record = {
        "format": "feedwise-result/1",
        "result_id": str(uuid.uuid4()),
        "scenario": {"id": "flood-rumours", "title": "Flood rumours", "language": "km", "sha256": "a" * 64},
        "player": {"id": "p-12ab", "name": "សុខា"},
        "session": "TAKEO-1",
        "mode": "practice",
        "seed": 42,
        "started_at": "2025-03-01T02:00:00Z",
        "finished_at": "2025-03-01T02:09:30Z",
        "decisions": [
            {"post": "dam", "order": 1, "action": "flag", "tools": ["source"], "reasons": ["conspiracy"],
             "correct": True, "points": 12, "seconds": 14.5},
        ],
        "score": {"points": 12, "max_points": 13},
        "discernment": {"hits": 1, "misses": 0, "false_alarms": 0, "correct_rejections": 0, "hit_rate": 0.75,
                        "false_alarm_rate": 0.5, "d_prime": 0.674, "criterion": -0.337},
        "harmful_shares": 0,
        "missed_techniques": [],
    }
    record.update(changes)
    return record


def test_write_then_read_gives_the_same_record_with_khmer_kept_as_text(tmp_path):
    record = a_record()
    path = write_result(tmp_path / "results", record)
    assert path.parent == tmp_path / "results" and path.suffix == ".json"
    assert read_result(path) == record
    assert "សុខា" in path.read_text(encoding="utf-8")
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left behind


def test_file_name_holds_session_player_time_and_result_id():
    record = a_record(result_id="0b7c", session=None)
    assert result_file_name(record) == "nosession_p-12ab_20250301T020930Z_0b7c.json"
    odd = a_record(session="../../etc", player={"id": "a/b c", "name": "x"}, result_id="r")
    name = result_file_name(odd)
    assert "/" not in name and ".." not in name and name.endswith("_r.json")


def test_same_result_written_twice_never_overwrites(tmp_path):
    record = a_record()
    first = write_result(tmp_path, record)
    second = write_result(tmp_path, record)
    assert first != second and first.is_file() and second.is_file()


def _write_many(folder: str, count: int) -> list[str]:
    return [str(write_result(folder, a_record(result_id="same-id"))) for _ in range(count)]


def test_many_processes_writing_one_folder_never_collide(tmp_path):
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        paths = sum(pool.starmap(_write_many, [(str(tmp_path), 10)] * 4), [])
    assert len(set(paths)) == 40
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(Path(p).name for p in paths)
    assert all(read_result(p)["result_id"] == "same-id" for p in paths)


def test_an_invalid_record_is_not_written(tmp_path):
    with pytest.raises(ValueError, match="score"):
        write_result(tmp_path, {k: v for k, v in a_record().items() if k != "score"})
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "content, expected",
    [
        (b'{"format": "feedwise-result/1", "result_id": ', "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not a text file"),
        (b"[1, 2, 3]", "not a JSON object"),
        (json.dumps({"format": "other-app/2"}).encode(), "not a Feedwise result"),
        (json.dumps({**a_record(), "decisions": [{"post": "x", "action": "retweet"}]}).encode(), "decisions.0"),
    ],
)
def test_damaged_or_foreign_files_raise_a_clear_error(tmp_path, content, expected):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(ResultFileError, match=expected) as caught:
        read_result(path)
    assert caught.value.path == path and str(path) in str(caught.value)


def test_missing_file_raises_a_clear_error(tmp_path):
    with pytest.raises(ResultFileError, match="cannot be read"):
        read_result(tmp_path / "nope.json")
