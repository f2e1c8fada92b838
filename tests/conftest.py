"""Shared test set-up: every test runs headless, with SDL's dummy drivers and its own data folder."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pytest


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Keep settings, history and results of each test in a temporary folder."""
    monkeypatch.setenv("FEEDWISE_HOME", str(tmp_path / "feedwise-home"))
