"""The learner's settings (language, text size, high contrast, fullscreen, last name and scenario), kept between runs.

On a shared PC the name is written only when the learner chose "remember me on this PC"
(`remember_me`, off by default): otherwise the next trainee starts with an empty name field.

Stored as `settings.json` in the data folder. Writes are atomic (temp file in the same folder,
flush, fsync, os.replace). A missing file gives the defaults; a corrupted or foreign file gives the
defaults plus a plain-English warning, never a crash. Unknown keys are ignored, bad values reset to
their default one by one. No pygame.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Optional

from game.store.atomic import write_json_atomic

FILE_NAME = "settings.json"
TEXT_SIZES = (1.0, 1.15, 1.3, 1.5)  # the four text-size steps, as scale factors
LANGUAGES = ("en", "km")


@dataclass(frozen=True)
class Settings:
    """What the menu lets the learner change. `text_size` is an index into TEXT_SIZES."""

    language: str = "en"
    text_size: int = 0
    high_contrast: bool = False
    fullscreen: bool = False
    player_name: str = ""
    last_scenario: str = ""
    remember_me: bool = False  # keep `player_name` for the next start on this PC

    @property
    def text_scale(self) -> float:
        return TEXT_SIZES[self.text_size]

    def changed(self, **changes) -> "Settings":
        return replace(self, **changes)


def _valid(name: str, value: object) -> bool:
    if name == "language":
        return value in LANGUAGES
    if name == "text_size":
        return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(TEXT_SIZES)
    if name in ("high_contrast", "fullscreen", "remember_me"):
        return isinstance(value, bool)
    if name in ("player_name", "last_scenario"):
        return isinstance(value, str) and len(value) <= 200
    return False


def settings_path(folder: Path) -> Path:
    return Path(folder) / FILE_NAME


def load_settings(folder: Path) -> tuple[Settings, list[str]]:
    """The settings saved in `folder`, and any warnings about what had to be reset to defaults."""
    path = settings_path(folder)
    if not path.exists():
        return Settings(), []
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return Settings(), [f"{path}: could not read the settings ({error.__class__.__name__}); using the defaults."]
    if not isinstance(raw, dict):
        return Settings(), [f"{path}: the settings file is not a JSON object; using the defaults."]
    values = {}
    warnings = []
    for field in fields(Settings):
        if field.name not in raw:
            continue
        if _valid(field.name, raw[field.name]):
            values[field.name] = raw[field.name]
        else:
            warnings.append(f"{path}: setting '{field.name}' has a bad value {raw[field.name]!r}; using the default.")
    if not values.get("remember_me"):
        values.pop("player_name", None)  # written by an older version, before "remember me" existed
    return Settings(**values), warnings


def save_settings(folder: Path, settings: Settings) -> Optional[str]:
    """Write the settings atomically. Returns a warning instead of raising when the folder is not writable."""
    folder = Path(folder)
    saved = asdict(settings)
    if not settings.remember_me:
        saved["player_name"] = ""  # a shared PC: the name is not kept for whoever sits down next
    try:
        write_json_atomic(settings_path(folder), saved)
    except OSError as error:
        return f"{settings_path(folder)}: could not save the settings ({error})."
    return None
