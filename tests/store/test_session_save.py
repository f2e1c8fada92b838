"""Saving a result never loses it: the asked place, else the data folder's results/, and the outcome says which."""

from __future__ import annotations

import json

from game.store.session_save import save_result, save_result_file
from tests.store.test_results import a_record


def _blocked(tmp_path):
    """A path whose parent is a regular file, so nothing can be written there (root ignores permissions)."""
    wall = tmp_path / "not-a-folder"
    wall.write_text("a file, not a folder", encoding="utf-8")
    return wall


def test_an_exact_file_that_cannot_be_written_goes_to_the_local_results(tmp_path):
    record = a_record()
    target = _blocked(tmp_path) / "result.json"
    outcome = save_result_file(record, target, tmp_path / "data" / "results")
    assert outcome.saved and outcome.local_copy and not outcome.shared
    assert outcome.path.parent == tmp_path / "data" / "results"
    assert json.loads(outcome.path.read_text(encoding="utf-8"))["result_id"] == record["result_id"]
    assert str(target) in outcome.problem


def test_an_exact_file_that_can_be_written_is_written_there(tmp_path):
    outcome = save_result_file(a_record(), tmp_path / "out" / "r.json", tmp_path / "data" / "results")
    assert outcome.shared and outcome.path == tmp_path / "out" / "r.json"
    assert not (tmp_path / "data").exists()


def test_a_single_players_missing_folder_is_created_but_a_sessions_is_not(tmp_path):
    created = save_result(a_record(), tmp_path / "new" / "results", tmp_path / "fallback", create=True)
    assert created.shared and created.path.parent == tmp_path / "new" / "results"
    session = save_result(a_record(), tmp_path / "gone", tmp_path / "fallback")
    assert session.local_copy and session.kind == "missing" and not (tmp_path / "gone").exists()


def test_when_both_places_fail_the_outcome_says_so_and_nothing_raises(tmp_path):
    wall = _blocked(tmp_path)
    outcome = save_result_file(a_record(), wall / "r.json", wall / "results")
    assert not outcome.saved
    assert "failed too" in outcome.problem
