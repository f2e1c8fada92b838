"""Result files: write a round's result record as JSON atomically, and read one back with checks.

`write_result(folder, record)` writes `<session|nosession>_<player-id>_<finished-at>_<result-id>.json`
via a temp file in the same folder (created exclusively), flush, fsync, then an atomic rename that never
overwrites another file, so many processes can write into one folder at once. `read_result(path)` checks
the format and raises `ResultFileError` with a plain message for damaged or foreign files.
The format is documented in docs/results-format.md. No pygame.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.store.atomic import fsync_folder, json_text, write_temp_file

RESULT_FORMAT = "feedwise-result/1"
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


class ResultFileError(ValueError):
    """A result file that cannot be used: unreadable, not JSON, not a Feedwise result, or missing keys."""

    def __init__(self, path: Union[str, Path], message: str):
        self.path = Path(path)
        self.problem = message
        super().__init__(f"{path}: {message}")


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class _ScenarioRef(_Open):
    id: str
    title: str
    language: str
    sha256: str


class _Player(_Open):
    id: str
    name: str


class _Decision(_Open):
    post: str
    order: int
    action: str = Field(pattern=r"^(share|flag|skip)$")
    tools: list[str]
    reasons: list[str]
    correct: bool
    points: int
    seconds: float


class _Score(_Open):
    points: int
    max_points: int


class _Discernment(_Open):
    hits: int
    misses: int
    false_alarms: int
    correct_rejections: int
    hit_rate: float
    false_alarm_rate: float
    d_prime: float
    criterion: float


class _ResultRecord(_Open):
    format: str
    result_id: str
    scenario: _ScenarioRef
    player: _Player
    session: Optional[str]
    mode: str
    seed: Union[int, str, None]
    started_at: str
    finished_at: str
    decisions: list[_Decision]
    score: _Score
    discernment: _Discernment
    harmful_shares: int
    missed_techniques: list[str]


def check_record(record: Any) -> list[str]:
    """Plain-English problems with a result record (empty when it is fine)."""
    if not isinstance(record, dict):
        return ["it is not a JSON object"]
    if record.get("format") != RESULT_FORMAT:
        return [f"it is not a Feedwise result (format is {record.get('format')!r}, expected {RESULT_FORMAT!r})"]
    try:
        _ResultRecord.model_validate(record)
    except ValidationError as error:
        return [
            f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
            for problem in error.errors(include_url=False)
        ]
    return []


def _safe(part: object, fallback: str, limit: int = 40) -> str:
    text = _UNSAFE.sub("-", str(part or "")).strip("-")[:limit]
    return text or fallback


def result_file_name(record: dict[str, Any]) -> str:
    """`<session|nosession>_<player-id>_<finished-at>_<result-id>.json`, safe on every file system."""
    moment = re.split(r"[.+]", str(record.get("finished_at") or ""))[0]
    stamp = re.sub(r"[^0-9T]", "", moment)[:15] + "Z" if moment else ""
    return "_".join(
        [
            _safe(record.get("session"), "nosession"),
            _safe((record.get("player") or {}).get("id"), "noplayer"),
            stamp or "notime",
            _safe(record.get("result_id"), "noid", limit=64),
        ]
    ) + ".json"


def _claim(temp: Path, target: Path) -> bool:
    """Move the finished temp file to `target` unless something is already there. True on success."""
    try:
        os.link(temp, target)  # atomic and fails if the target exists: never overwrites
    except FileExistsError:
        return False
    except OSError:
        # File systems without hard links: os.replace is atomic; check first (a tiny race remains only there).
        if target.exists():
            return False
        os.replace(temp, target)
        return True
    os.unlink(temp)
    return True


def write_result(folder: Union[str, Path], record: dict[str, Any]) -> Path:
    """Write the record into `folder` (created if needed) atomically; returns the new file's path.

    Raises ValueError when the record is not a valid result record (nothing is written).
    """
    problems = check_record(record)
    if problems:
        raise ValueError("Not a valid result record: " + "; ".join(problems))
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    temp = write_temp_file(folder, json_text(record).encode("utf-8"), prefix=".result-")
    try:
        name = result_file_name(record)
        target = folder / name
        suffix = 1
        while not _claim(temp, target):
            suffix += 1
            target = folder / f"{name[:-len('.json')]}-{suffix}.json"
        fsync_folder(folder)
        return target
    finally:
        if temp.exists():
            temp.unlink()


def read_result(path: Union[str, Path]) -> dict[str, Any]:
    """Read and check a result file. Raises `ResultFileError` for a missing, damaged or foreign file."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ResultFileError(path, f"cannot be read ({error.strerror or error}).") from None
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ResultFileError(path, "is not a text file, so it is not a Feedwise result.") from None
    except json.JSONDecodeError as error:
        raise ResultFileError(
            path, f"is damaged: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})."
        ) from None
    problems = check_record(record)
    if problems:
        raise ResultFileError(path, "is not a usable Feedwise result: " + "; ".join(problems[:5]) + ".")
    return record
