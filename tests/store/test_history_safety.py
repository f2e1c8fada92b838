"""The learner history survives what shared lab PCs do to it: two games at once, a killed process,
a damaged or foreign file (refused with a plain message and never overwritten)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from history_factory import make_scenario, play, stamp

from game.store.history import HISTORY_FILE, History, HistoryDamaged

REPO = Path(__file__).resolve().parents[2]
FACTORY_DIR = Path(__file__).resolve().parent

WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    sys.path.insert(0, {factory_dir!r})
    from history_factory import make_scenario, stamp
    from game.store.history import History

    data_dir, name, count, go_file, pause = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4]), float(sys.argv[5])
    while not go_file.exists():
        time.sleep(0.005)
    history = History.open(data_dir)
    learner = history.learner("Shared PC", now=stamp(0))
    loaded = make_scenario(name, posts=count)
    attempt = history.start_attempt(learner, loaded, mode="practice", seed=1, session=None, started_at=stamp(0), state={{"n": 0}})
    print("attempt", attempt, flush=True)
    for index, post in enumerate(loaded.scenario.posts, start=1):
        entry = {{"post": post.id, "order": index, "action": "flag", "tools": [], "reasons": [], "correct": True, "points": 10, "seconds": 1.0}}
        history.record_decision(attempt, entry, {{"n": index}}, recorded_at=stamp(index))
        print("decided", index, flush=True)
        time.sleep(pause)
    print("done", flush=True)
    """
)


def start_writer(tmp_path: Path, data_dir: Path, name: str, count: int, go_file: Path, pause: float = 0.0) -> subprocess.Popen:
    script = tmp_path / "writer.py"
    if not script.exists():  # never rewrite it while an earlier writer may be reading it
        script.write_text(WRITER.format(factory_dir=str(FACTORY_DIR)))
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.Popen(
        [sys.executable, str(script), str(data_dir), name, str(count), str(go_file), str(pause)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=str(REPO),
    )


def test_two_processes_writing_the_same_data_folder_at_once_lose_nothing(tmp_path):
    data_dir = tmp_path / "shared"  # empty: both processes also race to create and migrate it
    go_file = tmp_path / "go"
    writers = [start_writer(tmp_path, data_dir, name, 50, go_file) for name in ("first", "second")]
    go_file.touch()
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        assert out.strip().endswith("done")
    with History.open(data_dir) as history:
        [learner] = history.list_learners()
        attempts = history.attempts(learner)
        assert sorted(a.scenario_id for a in attempts) == ["first", "second"]
        assert [a.decisions for a in attempts] == [50, 50]
        assert all(history.attempt_state(a.id) == {"n": 50} for a in attempts)
    connection = sqlite3.connect(str(data_dir / HISTORY_FILE))
    assert connection.execute("SELECT count(*) FROM decisions").fetchone()[0] == 100
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_four_processes_opening_a_new_data_folder_at_the_same_moment_all_succeed(tmp_path):
    # Regression: the identity check once read the file in several steps and mistook a history being
    # created by another process for a foreign database; the WAL switch could also fail at once.
    for attempt in range(3):
        data_dir, go_file = tmp_path / f"new-{attempt}", tmp_path / f"go-{attempt}"
        writers = [start_writer(tmp_path, data_dir, f"w{number}", 3, go_file) for number in range(4)]
        time.sleep(0.3)  # let them all reach the starting line
        go_file.touch()
        for writer in writers:
            out, err = writer.communicate(timeout=120)
            assert writer.returncode == 0, err
        with History.open(data_dir) as history:
            assert sorted(a.decisions for a in history.attempts()) == [3, 3, 3, 3]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL does not exist on this platform")
def test_a_process_killed_mid_round_keeps_every_committed_decision_and_an_intact_file(tmp_path):
    data_dir = tmp_path / "data"
    go_file = tmp_path / "go"
    go_file.touch()
    writer = start_writer(tmp_path, data_dir, "killed", 60, go_file, pause=0.02)
    announced = 0
    deadline = time.monotonic() + 60
    while announced < 8 and time.monotonic() < deadline:
        line = writer.stdout.readline()
        if line.startswith("decided"):
            announced = int(line.split()[1])
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL
    assert announced >= 8
    connection = sqlite3.connect(str(data_dir / HISTORY_FILE))
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
    with History.open(data_dir) as history:
        [attempt] = history.attempts()
        assert attempt.status == "unfinished"
        assert announced <= attempt.decisions <= announced + 1  # at most the one in progress is missing
        assert history.attempt_state(attempt.id)["n"] == attempt.decisions
        assert [a.id for a in history.unfinished(history.find_learner("shared pc"))] == [attempt.id]


class TestDamagedFiles:
    def test_a_file_that_is_not_a_database_gives_a_plain_message_and_is_left_unchanged(self, tmp_path):
        path = tmp_path / HISTORY_FILE
        garbage = b"Feedwise? no: these are someone's holiday notes.\n" * 200
        path.write_bytes(garbage)
        with pytest.raises(HistoryDamaged) as caught:
            History.open(tmp_path)
        message = str(caught.value)
        assert str(path) in message and "has not changed it" in message and "Traceback" not in message
        assert caught.value.path == path
        assert path.read_bytes() == garbage

    def test_another_programs_database_is_refused(self, tmp_path):
        path = tmp_path / HISTORY_FILE
        other = sqlite3.connect(str(path))
        other.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, caption TEXT)")
        other.commit()
        other.close()
        before = path.read_bytes()
        with pytest.raises(HistoryDamaged, match="not a Feedwise history"):
            History.open(tmp_path)
        assert path.read_bytes() == before

    def test_a_history_with_damaged_pages_is_refused_untouched(self, tmp_path):
        with History.open(tmp_path) as history:
            learner = history.learner("Bopha", now=stamp(0))
            for number in range(3):
                play(history, learner, make_scenario(f"s{number}", posts=12))
        path = tmp_path / HISTORY_FILE
        page_size = sqlite3.connect(str(path)).execute("PRAGMA page_size").fetchone()[0]
        data = bytearray(path.read_bytes())
        assert len(data) >= 4 * page_size
        data[page_size : 3 * page_size] = b"\xde\xad\xbe\xef" * (2 * page_size // 4)
        path.write_bytes(bytes(data))
        with pytest.raises(HistoryDamaged, match="cannot be read"):
            History.open(tmp_path)
        assert path.read_bytes() == bytes(data)

    def test_when_asked_the_damaged_file_is_moved_aside_and_a_fresh_history_starts(self, tmp_path):
        path = tmp_path / HISTORY_FILE
        path.write_bytes(b"not a database" * 100)
        moved = History.move_aside_damaged(tmp_path, now="2025-03-10T09:15:30Z")
        assert moved == tmp_path / "history.damaged-20250310T091530.sqlite3"
        assert moved.read_bytes() == b"not a database" * 100
        second = History.move_aside_damaged(tmp_path, now="2025-03-10T09:15:30Z")
        assert second is None  # nothing left to move
        with History.open(tmp_path) as history:
            assert history.list_learners() == []
        path.write_bytes(b"damaged again" * 100)
        again = History.move_aside_damaged(tmp_path, now="2025-03-10T09:15:30Z")
        assert again == tmp_path / "history.damaged-20250310T091530-2.sqlite3" and moved.exists()

    def test_an_empty_file_is_reported_as_damaged_not_started_as_a_new_history(self, tmp_path):
        path = tmp_path / HISTORY_FILE
        path.write_bytes(b"")
        with pytest.raises(HistoryDamaged, match=r"empty \(0 bytes\)") as caught:
            History.open(tmp_path)
        assert str(path) in str(caught.value)
        assert path.read_bytes() == b""  # left as it was, for the facilitator to look at
        moved = History.move_aside_damaged(tmp_path, now="2025-03-10T09:15:30Z")
        assert moved is not None and moved.read_bytes() == b""
        with History.open(tmp_path) as history:
            assert history.list_learners() == []

    def test_a_new_history_appears_complete_and_leaves_no_temporary_file(self, tmp_path):
        with History.open(tmp_path) as history:
            history.learner("Dara", now=stamp(0))
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
        connection = sqlite3.connect(str(tmp_path / HISTORY_FILE))
        assert connection.execute("PRAGMA user_version").fetchone()[0] > 0
        connection.close()
