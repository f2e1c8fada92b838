"""Starting and stopping the real game process: no screen gives a plain message; SIGTERM ends the game."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path, **extra):
    env = {key: value for key, value in os.environ.items() if key not in ("SDL_VIDEODRIVER", "DISPLAY", "WAYLAND_DISPLAY")}
    env.update(FEEDWISE_HOME=str(tmp_path / "home"), PYGAME_HIDE_SUPPORT_PROMPT="1", **extra)
    return env


def _sdl_falls_back_to_offscreen(env) -> bool:
    probe = "import pygame; pygame.display.init(); print(pygame.display.get_driver())"
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60)
    return done.stdout.strip() == "offscreen"


def test_play_without_a_screen_says_so_instead_of_running_invisibly(tmp_path):
    env = _env(tmp_path)
    if not _sdl_falls_back_to_offscreen(env):
        pytest.skip("this machine has a real display driver, so there is no 'no screen' case to check")
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "play"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "No screen was found" in done.stderr
    assert "Traceback" not in done.stderr


def test_sigterm_ends_a_running_game_at_once(tmp_path):
    env = _env(tmp_path, SDL_VIDEODRIVER="dummy")
    game = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "play", "tutorial"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(2.5)  # let it open the window and reach the game loop
        assert game.poll() is None, game.stderr.read()
        game.send_signal(signal.SIGTERM)
        assert game.wait(timeout=10) == -signal.SIGTERM
    finally:
        if game.poll() is None:
            game.kill()
