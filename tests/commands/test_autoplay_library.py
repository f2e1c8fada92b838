"""Every built-in scenario, in every language, plays to the end under every bot policy through the real game loop."""

import contextlib
import io
import json
from pathlib import Path

import pytest
import yaml

from game.cli import main

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = sorted(
    path
    for path in (ROOT / "scenarios").glob("*/*.yaml")
    if path.parent.name not in ("checks", "web") and "kind: quiz" not in path.read_text(encoding="utf-8")
    and "kind: web" not in path.read_text(encoding="utf-8")
)
POLICIES = ("perfect", "share-all", "flag-all", "skip-all", "random")


def test_the_library_is_found():
    assert len(LIBRARY) >= 14


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("scenario", LIBRARY, ids=lambda path: path.name)
def test_autoplay_finishes_every_scenario(scenario, policy, tmp_path):
    language = yaml.safe_load(scenario.read_text(encoding="utf-8"))["language"]
    posts = len(yaml.safe_load(scenario.read_text(encoding="utf-8"))["posts"])
    out = tmp_path / "result.json"
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        code = main(["autoplay", str(scenario), "--policy", policy, "--seed", "5", "--lang", language, "--out", str(out)])
    assert code == 0
    summary = json.loads(stdout.getvalue().strip().splitlines()[-1])
    record = json.loads(out.read_text(encoding="utf-8"))
    assert len(record["decisions"]) == posts
    assert summary["decisions"] == posts
    if policy == "perfect":
        assert summary["score"] == summary["max_score"]
        assert record["harmful_shares"] == 0
