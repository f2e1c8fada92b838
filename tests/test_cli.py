"""The command-line front: play's options work without the word `play`; -h still shows the commands."""

import os
import subprocess
import sys
from pathlib import Path

from game import cli

ROOT = Path(__file__).resolve().parents[1]


def test_an_option_where_the_command_would_be_means_play():
    assert cli._starts_with_play_option(["--size", "1024x600"])
    assert cli._starts_with_play_option([])
    assert not cli._starts_with_play_option(["--help"])
    assert not cli._starts_with_play_option(["validate", "scenarios"])


def test_play_options_without_the_word_play_start_the_game(tmp_path):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", FEEDWISE_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "main.py", "--size", "1024x600", "--lang", "km", "--first-frame-exit"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("first-frame ")


def test_a_bad_play_option_without_play_is_explained_by_play():
    done = subprocess.run([sys.executable, "main.py", "--size", "huge"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "feedwise play" in done.stderr and "Traceback" not in done.stderr
