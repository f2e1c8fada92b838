"""End to end, as separate processes: `autoplay --session` from several PCs into one results folder loses
nothing, and `autoplay --check both` stores the pre and post checks with counterbalanced forms, which
the class report then shows."""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def autoplay(tmp_path, *arguments, home="home"):
    first = [] if "--scenario" in arguments else ["tutorial"]  # --scenario is the whole playlist
    command = [sys.executable, "main.py", "autoplay", *first, "--data-dir", str(tmp_path / home), *arguments]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "SDL_VIDEODRIVER": "dummy"})


def finished(process):
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1])


def report(tmp_path, folder):
    done = subprocess.run(
        [sys.executable, "main.py", "report", str(folder), "-o", str(tmp_path / "report.html"), "--csv", str(tmp_path / "csv")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    with open(tmp_path / "csv" / "trainees.csv", encoding="utf-8-sig", newline="") as handle:
        trainees = list(csv.DictReader(handle))
    return done.stdout, (tmp_path / "report.html").read_text(encoding="utf-8"), trainees


def test_three_pcs_writing_one_session_folder_at_once_lose_nothing(tmp_path):
    shared = tmp_path / "shared"
    names = ["T01", "T02", "T02"]  # two PCs even share a name and finish in the same second
    processes = [
        autoplay(tmp_path, "--policy", "random", "--seed", str(seed), "--session", "LAB-3", "--results", str(shared), "--name", name, home=f"pc{seed}")
        for seed, name in enumerate(names, start=1)
    ]
    summaries = [finished(process) for process in processes]
    files = sorted(shared.glob("*.json"))
    assert len(files) == 3
    assert sorted(str(f) for f in files) == sorted(s["result_files"][0] for s in summaries)
    records = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    assert {r["session"] for r in records} == {"LAB-3"}
    assert len({r["result_id"] for r in records}) == 3
    assert not list(shared.glob(".*tmp"))  # no half-written temp files left behind

    stdout, _, trainees = report(tmp_path, shared)
    assert "2 trainees, 3 rounds from 3 files" in stdout
    assert sorted(int(t["rounds"]) for t in trainees) == [1, 2]


@pytest.mark.parametrize("seed, first, second", [(7, "A", "B"), (8, "B", "A")])
def test_check_both_stores_pre_and_post_with_forms_that_follow_the_seed(tmp_path, seed, first, second):
    shared = tmp_path / "shared"
    summary = finished(autoplay(tmp_path, "--policy", "perfect", "--seed", str(seed), "--session", "S", "--check", "both", "--results", str(shared), "--screenshots", str(tmp_path / "shots")))
    assert summary["forms"] == [first, second]
    (record_file,) = shared.glob("*.json")
    record = json.loads(record_file.read_text(encoding="utf-8"))
    checks = record["checks"]
    assert (checks["pre"]["form"], checks["post"]["form"]) == (first, second)
    assert checks["pre"]["V"] == checks["pre"]["items"] == 20  # the perfect policy answers every item right
    assert checks["pre"]["complete"] and checks["post"]["complete"]
    assert {Path(p).name for p in summary["screens"]} >= {"07-check-intro.png", "08-check-item.png", "09-name-entry.png", "10-thank-you.png"}

    _, html, _ = report(tmp_path, shared)
    assert '<section id="prepost"><h2>Pre/post check</h2>' in html


def test_check_both_in_khmer_uses_the_khmer_forms_and_a_playlist_of_two(tmp_path):
    shared = tmp_path / "shared"
    summary = finished(autoplay(tmp_path, "--policy", "flag-all", "--seed", "1", "--lang", "km", "--check", "both", "--scenario", "tutorial", "tutorial", "--results", str(shared)))
    assert summary["checks"]["pre"]["quiz"].endswith("-km") and summary["checks"]["post"]["language"] == "km"
    assert summary["checks"]["pre"]["d"] == 10  # every item called fake: 10 more "fake" answers than fake items
    records = sorted((json.loads(f.read_text(encoding="utf-8")) for f in shared.glob("*.json")), key=lambda r: r["started_at"])
    assert len(records) == 2 and list(records[0]["checks"]) == ["pre"] and list(records[1]["checks"]) == ["post"]
    assert records[0]["session"] is None


def test_usage_errors_are_plain_messages(tmp_path):
    done = subprocess.run([sys.executable, "main.py", "play", "--kiosk"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "--kiosk needs --session CODE" in done.stderr and "Traceback" not in done.stderr
    blocked = tmp_path / "file"
    blocked.write_text("x")
    process = autoplay(tmp_path, "--policy", "perfect", "--session", "S", "--results", str(blocked / "results"))
    out, err = process.communicate(timeout=60)
    assert process.returncode == 2 and "--results: the results folder" in err and "Traceback" not in err
