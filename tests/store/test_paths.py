"""The data folder: FEEDWISE_HOME when set, else the platform's user data folder."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from game.store.paths import data_dir, results_dir


def test_feedwise_home_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("FEEDWISE_HOME", str(tmp_path / "home"))
    assert data_dir() == tmp_path / "home" and results_dir() == tmp_path / "home" / "results"


def test_without_feedwise_home_the_user_data_folder_is_used(monkeypatch):
    monkeypatch.delenv("FEEDWISE_HOME", raising=False)
    assert data_dir() == Path(platformdirs.user_data_dir("feedwise", appauthor=False))


def test_empty_feedwise_home_counts_as_unset(monkeypatch):
    monkeypatch.setenv("FEEDWISE_HOME", "  ")
    assert data_dir() == Path(platformdirs.user_data_dir("feedwise", appauthor=False))
