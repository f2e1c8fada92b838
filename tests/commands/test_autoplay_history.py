"""autoplay records its rounds in the learner history (`--data-dir`, `--learner`), and a round killed
with SIGKILL mid-way leaves a healthy database holding every decision committed before the kill."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "scenarios" / "example" / "example.en.yaml"
LONG_SCENARIO = "jobs-abroad"  # 16 posts: at --pace 0.2 the round lasts several seconds


def run_main(*args, home):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", FEEDWISE_HOME=str(home))
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def history_json(data_dir, home):
    done = run_main("history", "--json", "--data-dir", data_dir, home=home)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def committed_decisions(database: Path) -> list[tuple[str, str]]:
    """(attempt id, post) of every committed decision, read through a read-only connection."""
    if not database.exists():
        return []
    try:
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1.0)
        try:
            return connection.execute("SELECT attempt_id, post FROM decisions ORDER BY attempt_id, position").fetchall()
        finally:
            connection.close()
    except sqlite3.OperationalError:  # the schema is not there yet
        return []


def test_autoplay_records_the_round_for_the_pinned_learner(tmp_path):
    data = tmp_path / "data"
    done = run_main("autoplay", EXAMPLE, "--policy", "perfect", "--data-dir", data, "--learner", "Dara", home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    [attempt] = history_json(data, tmp_path / "home")
    assert attempt["learner"] == "Dara" and attempt["status"] == "finished"
    assert attempt["scenario"] == "example" and attempt["decisions"] == 5
    assert attempt["score"] == summary["score"] and attempt["d_prime"] == pytest.approx(summary["d_prime"], abs=1e-3)
    record = json.loads(Path(summary["result_file"]).read_text(encoding="utf-8"))  # the JSON result file is still written
    assert record["result_id"] == attempt["id"] and record["player"]["id"] == attempt["learner_id"]
    assert Path(summary["result_file"]).parent == data / "results"
    assert not (tmp_path / "home").exists()  # --data-dir wins over FEEDWISE_HOME


def test_a_second_round_keeps_the_learners_id(tmp_path):
    data = tmp_path / "data"
    for policy in ("perfect", "random"):
        assert run_main("autoplay", EXAMPLE, "--policy", policy, "--data-dir", data, "--learner", "Dara", home=tmp_path / "home").returncode == 0
    first, second = history_json(data, tmp_path / "home")
    assert first["learner_id"] == second["learner_id"] and first["id"] != second["id"]


def test_killing_autoplay_mid_round_keeps_the_history_healthy_and_the_round_unfinished(tmp_path):
    data = tmp_path / "data"
    database = data / "history.sqlite3"
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", FEEDWISE_HOME=str(tmp_path / "home"))
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "autoplay", LONG_SCENARIO, "--policy", "random", "--pace", "0.2", "--data-dir", str(data), "--learner", "X"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        seen: list = []
        while len(seen) < 3:  # a few decisions committed, but the round (16 posts) is far from over
            assert process.poll() is None, process.stderr.read().decode()
            assert time.monotonic() < deadline, "autoplay made no decisions"
            time.sleep(0.05)
            seen = committed_decisions(database)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == -signal.SIGKILL

    connection = sqlite3.connect(str(database))
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        after = connection.execute("SELECT attempt_id, post FROM decisions").fetchall()
    finally:
        connection.close()
    assert set(seen) <= set(after)  # every decision seen committed before the kill is still there

    [attempt] = history_json(data, tmp_path / "home")
    assert attempt["status"] == "unfinished" and attempt["learner"] == "X"
    assert attempt["scenario"] == LONG_SCENARIO and 3 <= attempt["decisions"] < 16
    assert attempt["id"] == seen[0][0]


def test_after_a_kill_the_same_learner_resumes_the_round_where_it_stopped(tmp_path):
    data = tmp_path / "data"
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", FEEDWISE_HOME=str(tmp_path / "home"))
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "autoplay", LONG_SCENARIO, "--policy", "perfect", "--pace", "0.2", "--data-dir", str(data), "--learner", "X"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while len(committed_decisions(data / "history.sqlite3")) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    process.kill()
    process.wait()
    [unfinished] = history_json(data, tmp_path / "home")
    assert unfinished["status"] == "unfinished"

    done = run_main("autoplay", LONG_SCENARIO, "--policy", "perfect", "--data-dir", data, "--learner", "X", home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    [finished] = history_json(data, tmp_path / "home")
    assert finished["id"] == unfinished["id"] and finished["status"] == "finished"
    assert finished["decisions"] == 16 and finished["score"] == finished["max_score"]
