"""A real window on a virtual screen (Xvfb), driven by real key presses (xdotool): the whole tutorial
round is played from the keyboard alone, as a trainee would, and its result file is written.

Posted events (the other UI tests) skip SDL's own keyboard handling; this test goes through it.
Skips with a visible reason when Xvfb or xdotool is missing; under CI (CI=true), where .ci/run
installs them, a missing tool fails instead.
"""

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("Xvfb", "xdotool")


@pytest.fixture
def virtual_screen():
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        message = f"{' and '.join(missing)} not installed (apt-get install xvfb xdotool)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    read_end, write_end = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as displayfd:
        display = ":" + displayfd.readline().strip()
    yield display
    server.terminate()
    server.wait(timeout=10)


def _xdotool(display, *args) -> str:
    done = subprocess.run(["xdotool", *args], env=dict(os.environ, DISPLAY=display), capture_output=True, text=True, timeout=20)
    return done.stdout.strip()


def _wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_a_trainee_plays_the_tutorial_with_real_key_presses(virtual_screen, tmp_path):
    home = tmp_path / "home"
    env = {key: value for key, value in os.environ.items() if key not in ("SDL_VIDEODRIVER", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=virtual_screen, FEEDWISE_HOME=str(home), PYGAME_HIDE_SUPPORT_PROMPT="1")
    game = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "play", "tutorial", "--name", "Dara"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        # An SDL window is found by its class name (the program's name), not by its title.
        window = _wait_for(lambda: _xdotool(virtual_screen, "search", "--classname", "main.py").split("\n")[0], 30, "the game window")
        time.sleep(1.0)  # the first frames
        _xdotool(virtual_screen, "windowfocus", "--sync", window)

        def press(key):
            _xdotool(virtual_screen, "key", "--window", window, key)
            time.sleep(0.4)

        press("Return")  # the briefing: start the round
        for _ in range(5):  # the tutorial's five posts: share each, then close its feedback card
            press("s")
            press("Return")
        results = home / "results"
        result_file = _wait_for(lambda: next(iter(results.glob("*.json")), None) if results.is_dir() else None, 20, "the result file")
        record = json.loads(result_file.read_text(encoding="utf-8"))
        assert record["player"]["name"] == "Dara"
        assert [decision["action"] for decision in record["decisions"]] == ["share"] * 5
        assert game.poll() is None, "the game should still be open on the debrief"
    finally:
        game.terminate()
        game.wait(timeout=10)
