"""Saving a classroom session's result records so that none is ever lost.

`save_result(record, folder, fallback)` writes the record into the session's results folder (a shared
network folder or a USB stick) with `game.store.results.write_result` (atomic, unique names, safe with
many writers). When that folder cannot be written (the stick was pulled, the network drive dropped,
the disk is full) the record goes into `fallback`, the data folder's own `results/`, and the outcome
says what happened in plain words so the game can tell the trainee and the facilitator.

A results folder that has disappeared is not silently re-created: writing into a re-created empty
mount point would hide the files on the wrong disk. No pygame.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Union

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


def save_result(record: dict[str, Any], folder: Union[str, Path], fallback: Optional[Union[str, Path]] = None) -> SaveOutcome:
    """Write `record` into `folder`; if that fails, into `fallback` (created if needed). Never raises."""
    folder = Path(folder)
    reason = ""
    if not folder.is_dir():
        kind = "missing"
        problem = f"the results folder {folder} is not there (was the USB stick removed or the network drive disconnected?)"
    else:
        try:
            return SaveOutcome(write_result(folder, record), True)
        except (OSError, ValueError) as error:
            kind, reason = "unwritable", _why(error)
            problem = f"the results folder {folder} could not be written ({reason})"
    if fallback is None or _same_folder(Path(fallback), folder):
        return SaveOutcome(None, False, problem, kind, str(folder), reason)
    try:
        return SaveOutcome(write_result(Path(fallback), record), False, problem, kind, str(folder), reason)
    except (OSError, ValueError) as error:
        reason = f"{reason}; " if reason else ""
        return SaveOutcome(None, False, f"{problem}; the copy on this computer ({fallback}) failed too ({_why(error)})", kind, str(folder), reason + f"{fallback}: {_why(error)}")
