"""End-to-end autoplay: the real game loop, headless, driven by each bot policy through posted events."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "scenarios" / "example" / "example.en.yaml"


def autoplay(*args, env_home):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", FEEDWISE_HOME=str(env_home))
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "autoplay", *map(str, args)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    return done


@pytest.mark.parametrize("policy", ["perfect", "share-all", "flag-all", "skip-all", "random"])
def test_each_policy_plays_a_whole_round_and_writes_its_result(policy, tmp_path):
    out = tmp_path / "result.json"
    done = autoplay(EXAMPLE, "--policy", policy, "--seed", 7, "--out", out, env_home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert {"score", "max_score", "d_prime", "result_file"} <= set(summary)
    assert Path(summary["result_file"]) == out
    record = json.loads(out.read_text(encoding="utf-8"))
    actions = [decision["action"] for decision in record["decisions"]]
    assert len(actions) == 5
    if policy == "perfect":
        assert summary["score"] == summary["max_score"]
    elif policy == "share-all":
        assert set(actions) == {"share"}
    elif policy == "flag-all":
        assert set(actions) == {"flag"} and summary["false_alarms"] == 2
    elif policy == "skip-all":
        assert set(actions) == {"skip"} and summary["hits"] == 0


def test_a_random_round_passes_through_every_screen_and_saves_each_once(tmp_path):
    shots = tmp_path / "shots"
    done = autoplay(EXAMPLE, "--policy", "random", "--seed", 1, "--screenshots", shots, "--lang", "km", env_home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in shots.glob("*.png"))
    for expected in ("01-menu.png", "02-briefing.png", "03-feed.png", "05-feedback.png", "06-debrief.png"):
        assert expected in names
    # The example has an offline web: verifying opens the browser (`search` / `page`), not the old panel.
    assert {"11-search.png", "12-page.png"} & set(names) and "04-verify.png" not in names
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert summary["tools_used"] >= 1
    results = list((tmp_path / "home" / "results").glob("*.json"))
    assert [str(p) for p in results] == [summary["result_file"]]


def test_an_unknown_scenario_is_a_plain_error(tmp_path):
    done = autoplay("no-such-scenario", "--policy", "perfect", env_home=tmp_path / "home")
    assert done.returncode == 2
    assert "No scenario 'no-such-scenario'" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("policy,after", [("perfect", 2), ("random", 0)])
def test_end_after_finishes_each_round_early_and_the_record_says_so(policy, after, tmp_path):
    out = tmp_path / "result.json"
    done = autoplay(EXAMPLE, "--policy", policy, "--seed", 3, "--end-after", after, "--out", out, env_home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["status"] == "ended-early"
    own = [d for d in record["decisions"] if d["auto"] is None]
    assert len(own) == after
    assert [d["action"] for d in record["decisions"] if d["auto"] == "ended"] == ["skip"] * (len(record["decisions"]) - after)


def test_end_after_needs_a_whole_number(tmp_path):
    done = autoplay(EXAMPLE, "--policy", "random", "--end-after", "-1", env_home=tmp_path / "home")
    assert done.returncode == 2 and "--end-after" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "args,words",
    [
        (["tutorial", "--scenario", "tutorial", "example", "--policy", "perfect"], "not both"),
        (["--policy", "perfect"], "give a SCENARIO"),
        (["tutorial", "--policy", "perfect", "--name", "T1", "--learner", "T2"], "two different trainees"),
    ],
)
def test_contradicting_flags_are_refused_with_a_message(args, words, tmp_path):
    done = autoplay(*args, env_home=tmp_path / "home")
    assert done.returncode == 2
    assert words in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "home" / "results").exists()


def test_the_learner_is_the_recorded_trainee_and_scenario_is_the_whole_playlist(tmp_path):
    results = tmp_path / "results"
    done = autoplay("--scenario", EXAMPLE, "tutorial", "--policy", "perfect", "--learner", "T21", "--session", "DRY", "--results", results,
                    env_home=tmp_path / "home")  # fmt: skip
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert summary["player"] == "T21"
    assert [r["scenario"] for r in summary["rounds"]] == ["example", "tutorial"]
    names = {json.loads(p.read_text(encoding="utf-8"))["player"]["name"] for p in results.glob("*.json")}
    assert names == {"T21"}


@pytest.mark.parametrize("flag", ["--out", "--results"])
def test_a_result_that_cannot_be_written_where_asked_is_kept_in_the_data_folder(flag, tmp_path):
    wall = tmp_path / "not-a-folder"
    wall.write_text("a file where a folder should be", encoding="utf-8")
    target = wall / ("result.json" if flag == "--out" else "results")
    done = autoplay(EXAMPLE, "--policy", "perfect", flag, target, env_home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    kept = list((tmp_path / "home" / "results").glob("*.json"))
    assert [str(p) for p in kept] == [summary["result_file"]]
    assert "saved on this computer instead" in done.stderr and str(wall) in done.stderr
