"""Where the game's own data files are, wherever the game runs: one helper for every lookup.

The data: the fonts (`assets/fonts/`), the interface translations (`game/locale/`), the technique
catalogue and the scenario templates (`game/scenario/`), the built-in scenarios, quiz banks and
web library (`scenarios/`, `scenarios/checks/`, `scenarios/web/`) with their pictures.

`scenarios/` and `assets/` live at the repository root, where facilitators and contributors find
them. The build maps them into the package as `game/_data/scenarios` and `game/_data/assets`
(hatchling `force-include` for the wheel, the PyInstaller spec for the bundle). This module looks
in the package first (through `importlib.resources`) and then next to it, so one lookup works in
a checkout, in an installed wheel and in a one-folder bundle.

It also says how to name the game's command in messages (`command_name`): the bundle's own
program inside a bundle, `feedwise` for the installed script, `python main.py` in a checkout.

The lowest layer: imports nothing else from `game`, never opens a file (it only asks whether
paths exist).
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

PACKAGE = __package__ or "game"
DATA_FOLDER = "_data"  # inside the package: where the build puts the root folders
SCENARIOS = "scenarios"
ASSETS = "assets"
SCHEMA_NAME = "scenario.schema.json"


def package_dir(subpackage: str = "") -> Path:
    """The folder of `game` (or one of its subpackages, e.g. "scenario") on disk."""
    name = f"{PACKAGE}.{subpackage}" if subpackage else PACKAGE
    return Path(str(resources.files(name)))


def _root_folder(name: str) -> Path:
    """A repository-root folder (`scenarios` or `assets`): the packaged copy, else the checkout's own."""
    packaged = package_dir() / DATA_FOLDER / name
    if packaged.is_dir():
        return packaged
    return package_dir().parent / name


def scenarios_dir() -> Path:
    """The built-in scenarios (it may not exist; callers check)."""
    return _root_folder(SCENARIOS)


def checks_dir() -> Path:
    """The built-in quick-check quiz banks."""
    return scenarios_dir() / "checks"


def web_dir() -> Path:
    """The built-in web library the verify tools search."""
    return scenarios_dir() / "web"


def schema_file() -> Path:
    """The scenario JSON Schema shipped with the game."""
    return scenarios_dir() / SCHEMA_NAME


def assets_dir() -> Path:
    return _root_folder(ASSETS)


def fonts_dir() -> Path:
    """The bundled fonts."""
    return assets_dir() / "fonts"


def locale_dir() -> Path:
    """The interface translations (`<language>.po`)."""
    return package_dir() / "locale"


def scenario_package_file(name: str) -> Path:
    """A data file of `game.scenario` (`techniques.yaml`, `template.en.yaml`, ...)."""
    return package_dir("scenario") / name


def in_bundle() -> bool:
    """True inside a frozen one-folder app (PyInstaller)."""
    return bool(getattr(sys, "frozen", False))


def command_name() -> str:
    """How a message names the game's command: the bundle's program, `feedwise`, or `python main.py`."""
    if in_bundle():
        return Path(sys.executable).stem
    program = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else ""
    if program.lower().startswith("feedwise"):  # the script, feedwise.exe, the Windows launcher
        return "feedwise"
    return "python main.py"
