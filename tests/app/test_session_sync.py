"""`play/autoplay --session ... --sync-lrs URL --user USER --password-file FILE`: each trainee's
statements go to the LRS when their run ends, or wait in the outbox when there is no network."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from fake_lrs import FakeLrs

from game.store.outbox import Outbox

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "trainer-pass-42"


def session_round(tmp_path, url, *extra):
    password = tmp_path / "password"
    password.write_text(PASSWORD + "\n", encoding="utf-8")
    command = [sys.executable, "main.py", "autoplay", "tutorial", "--policy", "perfect", "--session", "LAB-9",
               "--results", str(tmp_path / "results"), "--data-dir", str(tmp_path / "data"),
               "--sync-lrs", url, "--user", "trainer", "--password-file", str(password), *extra]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=180,
                          env={**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"})


def result_ids(tmp_path):
    return {json.loads(path.read_text(encoding="utf-8"))["result_id"] for path in (tmp_path / "results").rglob("*.json")}


def test_each_trainees_statements_reach_the_lrs_at_the_end_of_their_run(tmp_path):
    with FakeLrs() as lrs:
        done = session_round(tmp_path, lrs.url)
        assert done.returncode == 0, done.stderr
        assert "feedwise: LRS sync:" in done.stderr and "0 waiting in the outbox" in done.stderr
        stored = [json.loads(text) for text in lrs.stored.values()]
    assert stored and {statement["context"]["registration"] for statement in stored} == result_ids(tmp_path)
    assert PASSWORD not in done.stdout + done.stderr


def test_without_a_network_the_statements_wait_in_the_outbox(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    done = session_round(tmp_path, f"http://127.0.0.1:{port}/xAPI/")
    assert done.returncode == 0, done.stderr
    assert "run sync again later" in done.stderr
    with Outbox(tmp_path / "data") as outbox:
        waiting = outbox.pending()
    assert waiting and {statement["context"]["registration"] for statement in waiting} == result_ids(tmp_path)


def test_sync_options_need_a_session_and_credentials(tmp_path):
    done = subprocess.run([sys.executable, "main.py", "autoplay", "tutorial", "--policy", "perfect", "--data-dir", str(tmp_path), "--sync-lrs", "http://127.0.0.1:9/xAPI/"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, env={**os.environ, "SDL_VIDEODRIVER": "dummy"})
    assert done.returncode == 2 and "--sync-lrs needs --session CODE" in done.stderr
