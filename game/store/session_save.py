"""Saving a classroom session's result records so that none is ever lost.

`save_result(record, folder, fallback)` writes the record into the session's results folder (a shared
network folder or a USB stick) with `game.store.results.write_result` (atomic, unique names, safe with
many writers). When that folder cannot be written (the stick was pulled, the network drive dropped,
the disk is full) the record goes into `fallback`, the data folder's own `results/`, and the outcome
says what happened in plain words so the game can tell the trainee and the facilitator.
`save_result_file(record, path, fallback)` does the same for one exact file (autoplay's `--out`).
Every mode saves through these two, so a failed write always leaves a local copy when it can.

A results folder that has disappeared is not silently re-created: writing into a re-created empty
mount point would hide the files on the wrong disk. No pygame.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Union

from game.store.atomic import write_json_atomic
from game.store.results import write_result


@dataclass(frozen=True)
class SaveOutcome:
    """Where one record ended up.

    `path` is the file written (None: nowhere); `shared` is True when it is in the session's results
    folder as asked; `problem` says in English why the results folder could not be used ("" when it
    could), for logs. For the screen: `kind` is "missing" (the folder is gone) or "unwritable", with
    `folder` and the system's `error` text.
    """

    path: Optional[Path]
    shared: bool
    problem: str = ""
    kind: str = ""
    folder: str = ""
    error: str = ""

    @property
    def saved(self) -> bool:
        return self.path is not None

    @property
    def local_copy(self) -> bool:
        """Saved, but only on this computer (the results folder failed)."""
        return self.path is not None and not self.shared


def _why(error: BaseException) -> str:
    if isinstance(error, OSError):
        return error.strerror or str(error) or type(error).__name__
    return str(error) or type(error).__name__


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))
    except (OSError, ValueError):
        return False


def prepare_results_folder(folder: Union[str, Path]) -> str:
    """Create the session's results folder if needed. Returns a plain problem ("" when it is usable)."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return f"the results folder {folder} cannot be created ({_why(error)})"
    if not os.access(folder, os.W_OK):
        return f"the results folder {folder} is not writable"
    return ""


def save_result_file(record: dict[str, Any], path: Union[str, Path], fallback: Optional[Union[str, Path]] = None) -> SaveOutcome:
    """Write `record` to exactly `path` (autoplay's `--out FILE`); if that fails, into `fallback`. Never raises."""
    path = Path(path)
    try:
        return SaveOutcome(write_json_atomic(path, record), True)
    except (OSError, ValueError) as error:
        reason = _why(error)
    problem = f"the result file {path} could not be written ({reason})"
    if fallback is None:
        return SaveOutcome(None, False, problem, "unwritable", str(path.parent), reason)
    return _save_elsewhere(record, fallback, SaveOutcome(None, False, problem, "unwritable", str(path.parent), reason))


def _save_elsewhere(record: dict[str, Any], fallback: Union[str, Path], failed: SaveOutcome) -> SaveOutcome:
    """The local copy in `fallback` after the asked place `failed`."""
    try:
        return SaveOutcome(write_result(Path(fallback), record), False, failed.problem, failed.kind, failed.folder, failed.error)
    except (OSError, ValueError) as error:
        reason = f"{failed.error}; " if failed.error else ""
        return SaveOutcome(None, False, f"{failed.problem}; the copy on this computer ({fallback}) failed too ({_why(error)})", failed.kind, failed.folder,
                           reason + f"{fallback}: {_why(error)}")  # fmt: skip


def save_result(record: dict[str, Any], folder: Union[str, Path], fallback: Optional[Union[str, Path]] = None, *, create: bool = False) -> SaveOutcome:
    """Write `record` into `folder`; if that fails, into `fallback` (created if needed). Never raises.

    A session's folder must already exist (see the module note); `create=True` (a single player's
    results folder) makes it when it is missing."""
    folder = Path(folder)
    reason = ""
    if not create and not folder.is_dir():
        kind = "missing"
        problem = f"the results folder {folder} is not there (was the USB stick removed or the network drive disconnected?)"
    else:
        try:
            return SaveOutcome(write_result(folder, record), True)
        except (OSError, ValueError) as error:
            kind, reason = "unwritable", _why(error)
            problem = f"the results folder {folder} could not be written ({reason})"
    failed = SaveOutcome(None, False, problem, kind, str(folder), reason)
    if fallback is None or _same_folder(Path(fallback), folder):
        return failed
    return _save_elsewhere(record, fallback, failed)
