"""`python main.py history` and `python main.py export`: listing and exporting the learner history."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from history_factory import make_scenario, play, stamp  # noqa: E402

from game.cli import main
from game.store.history import HISTORY_FILE, History

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "lab-pc"
    with History.open(folder) as history:
        sokha = history.learner("Sokha", now=stamp(0))
        dara = history.learner("Dara", now=stamp(1))
        play(history, sokha, make_scenario("flood-rumours"))
        play(history, sokha, make_scenario("job-offers"), stop_after=2)
        discarded, _, _ = play(history, sokha, make_scenario("discarded"), stop_after=1)
        history.discard(discarded)
        play(history, dara, make_scenario("flood-rumours"), flag_all=False)
    return folder


def run_cli(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


class TestHistoryCommand:
    def test_json_lists_each_attempt_with_the_pinned_keys(self, capsys, data_dir):
        code, out, _ = run_cli(capsys, "history", "--json", "--data-dir", str(data_dir))
        assert code == 0
        attempts = json.loads(out)
        assert [(a["learner"], a["scenario"], a["status"], a["decisions"]) for a in attempts] == [
            ("Sokha", "flood-rumours", "finished", 6),
            ("Sokha", "job-offers", "unfinished", 2),
            ("Dara", "flood-rumours", "finished", 6),
        ]
        finished = attempts[0]
        assert isinstance(finished["score"], int) and isinstance(finished["d_prime"], float)
        assert (attempts[1]["score"], attempts[1]["d_prime"]) == (None, None)
        assert finished["date"] == "2025-03-10" and finished["mode"] == "practice" and len(finished["id"]) == 36

    def test_learner_filter_matches_the_name_in_any_case(self, capsys, data_dir):
        code, out, _ = run_cli(capsys, "history", "--learner", "  DARA ", "--json", "--data-dir", str(data_dir))
        assert code == 0
        assert [a["learner"] for a in json.loads(out)] == ["Dara"]

    def test_the_table_shows_date_scenario_mode_score_and_d_prime(self, capsys, data_dir):
        code, out, _ = run_cli(capsys, "history", "--learner", "sokha", "--data-dir", str(data_dir))
        assert code == 0
        lines = out.splitlines()
        assert lines[0].split() == ["date", "learner", "scenario", "mode", "status", "decisions", "score", "d'"]
        assert lines[1].split()[:6] == ["2025-03-10", "Sokha", "flood-rumours", "practice", "finished", "6"]
        assert lines[2].split()[-2:] == ["-", "-"]

    def test_an_unknown_learner_is_a_clear_error(self, capsys, data_dir):
        code, out, err = run_cli(capsys, "history", "--learner", "Nobody", "--data-dir", str(data_dir))
        assert code == 1 and out == ""
        assert "no learner called 'Nobody'" in err and "Sokha" in err

    def test_an_empty_data_folder_lists_nothing_and_creates_no_file(self, capsys, tmp_path):
        code, out, _ = run_cli(capsys, "history", "--json", "--data-dir", str(tmp_path / "empty"))
        assert (code, json.loads(out)) == (0, [])
        assert not (tmp_path / "empty" / HISTORY_FILE).exists()

    def test_the_feedwise_home_variable_is_used_without_data_dir(self, capsys, data_dir, monkeypatch):
        monkeypatch.setenv("FEEDWISE_HOME", str(data_dir))
        code, out, _ = run_cli(capsys, "history", "--json")
        assert code == 0 and len(json.loads(out)) == 3

    def test_a_damaged_history_gives_a_message_not_a_traceback(self, capsys, tmp_path):
        (tmp_path / HISTORY_FILE).write_bytes(b"garbage" * 500)
        code, out, err = run_cli(capsys, "history", "--data-dir", str(tmp_path))
        assert code == 1
        assert "cannot be read" in err and "Traceback" not in err
        assert (tmp_path / HISTORY_FILE).read_bytes() == b"garbage" * 500

    def test_main_py_runs_the_command_in_a_fresh_process(self, data_dir):
        done = subprocess.run(
            [sys.executable, "main.py", "history", "--json", "--data-dir", str(data_dir)], cwd=REPO, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        assert {a["status"] for a in json.loads(done.stdout)} == {"finished", "unfinished"}


class TestExportCommand:
    def test_export_writes_the_learners_history_as_json(self, capsys, data_dir, tmp_path):
        target = tmp_path / "out" / "sokha.json"
        code, out, _ = run_cli(capsys, "export", "--learner", "sokha", "-o", str(target), "--data-dir", str(data_dir))
        assert code == 0 and "Wrote 3 rounds of Sokha" in out
        data = json.loads(target.read_text(encoding="utf-8"))
        assert data["format"] == "feedwise-history/1" and data["learner"]["name"] == "Sokha"
        assert [a["status"] for a in data["attempts"]] == ["finished", "unfinished", "discarded"]
        assert [p.name for p in target.parent.iterdir()] == ["sokha.json"]  # no temp file left behind

    def test_an_unknown_learner_is_a_clear_error_and_writes_nothing(self, capsys, data_dir, tmp_path):
        target = tmp_path / "nobody.json"
        code, _, err = run_cli(capsys, "export", "--learner", "Nobody", "-o", str(target), "--data-dir", str(data_dir))
        assert code == 1 and "no learner called 'Nobody'" in err
        assert not target.exists()

    def test_output_and_learner_are_required(self, capsys, data_dir):
        code, _, err = run_cli(capsys, "export", "--learner", "Sokha")
        assert code == 2 and "-o" in err


def test_history_reads_the_database_read_only_and_changes_nothing_in_the_folder(capsys, data_dir):
    before = {path.name: path.read_bytes() for path in data_dir.iterdir()}
    code, out, err = run_cli(capsys, "history", "--data-dir", str(data_dir), "--json")
    assert code == 0, err
    assert sorted({row["learner"] for row in json.loads(out)}) == ["Dara", "Sokha"]
    after = {path.name: path.read_bytes() for path in data_dir.iterdir()}
    assert after == before  # no lock file, no journal, not a byte changed


def test_history_reads_while_another_game_holds_the_file_open(capsys, data_dir):
    with History.open(data_dir) as writer:
        learner = writer.learner("Vanna", now=stamp(5))
        play(writer, learner, make_scenario("open-elsewhere"))
        assert (data_dir / (HISTORY_FILE + "-wal")).exists()
        code, out, err = run_cli(capsys, "history", "--data-dir", str(data_dir), "--learner", "Vanna", "--json")
    assert code == 0, err
    assert [row["scenario"] for row in json.loads(out)] == ["open-elsewhere"]


def test_history_reports_an_empty_history_file_as_damaged(capsys, tmp_path):
    (tmp_path / HISTORY_FILE).write_bytes(b"")
    code, out, err = run_cli(capsys, "history", "--data-dir", str(tmp_path))
    assert code == 1 and "empty (0 bytes)" in err and "Traceback" not in err
