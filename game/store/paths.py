"""Where Feedwise keeps its data: the `FEEDWISE_HOME` folder if set, else the user's data folder.

Only computes paths; creating folders is left to the code that writes into them. No pygame.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "feedwise"


def data_dir() -> Path:
    """The data folder: `$FEEDWISE_HOME` when set and not empty, else the platform's user data folder."""
    home = os.environ.get("FEEDWISE_HOME", "").strip()
    if home:
        return Path(home).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def results_dir() -> Path:
    """The folder for result files (one JSON file per finished round)."""
    return data_dir() / "results"


def cache_dir() -> Path:
    """The folder for caches the game can rebuild at any time (the offline web's search index)."""
    return data_dir() / "cache"
