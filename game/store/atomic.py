"""Atomic file writes: a temp file in the same folder, flush, fsync, then os.replace (or a hard link).

Every file Feedwise writes (settings, history exports, reports, CSV and xAPI files, scenario
templates, result files) goes through here, so a file is either the old one or the complete new
one, never half written, even if the computer is switched off mid-write. New files get the mode
`open()` would give them (0o666 less the umask), not mkstemp's private 0o600.
No pygame.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Union

PathLike = Union[str, "os.PathLike[str]"]


def _default_file_mode() -> int:
    """0o666 less the process umask: the mode `open()` would give a new file."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def write_temp_file(folder: Path, data: bytes, prefix: str) -> Path:
    """Write `data` to a new temp file in `folder` (created exclusively), flushed and fsynced.

    The caller moves it into place (os.replace or os.link) and removes it if that fails.
    """
    descriptor, temp_name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)  # O_EXCL
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.chmod(temp_name, _default_file_mode())  # mkstemp makes 0600; readable like any new file
        except OSError:
            pass  # some network file systems refuse chmod; the file is still complete
    except BaseException:
        _remove(temp_name)
        raise
    return Path(temp_name)


def fsync_folder(folder: Path) -> None:
    """Make a rename or link inside `folder` durable (POSIX only; a no-op where it is not supported)."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _remove(name: PathLike) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


def write_bytes_atomic(path: PathLike, data: bytes) -> Path:
    """Write `data` to `path` atomically, creating the folder if needed; returns the path."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    temp = write_temp_file(folder, data, prefix=f".{target.name}-")
    try:
        os.replace(temp, target)
    except BaseException:
        _remove(temp)
        raise
    return target


def write_text_atomic(path: PathLike, text: str, encoding: str = "utf-8") -> Path:
    """Write `text` to `path` atomically, exactly as given (no newline translation); returns the path."""
    return write_bytes_atomic(path, text.encode(encoding))


def json_text(data: Any) -> str:
    """How Feedwise writes JSON files: UTF-8 text kept readable, two-space indent, final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_json_atomic(path: PathLike, data: Any) -> Path:
    """Write `data` as JSON (see `json_text`) to `path` atomically; returns the path."""
    return write_text_atomic(path, json_text(data))


class AtomicFile:
    """A file written piece by piece that appears at `path` only when complete: `with AtomicFile(p) as f: f.write(...)`.

    The pieces go to a hidden temp file in the same folder; leaving the block without an error
    flushes, fsyncs and moves it into place; an error removes it and leaves the old file as it was.
    `commit()` / `discard()` do the same by hand. Opened in binary mode (`.handle`), or as text with `encoding`.
    """

    def __init__(self, path: PathLike, encoding: str | None = None, newline: str | None = "") -> None:
        self.path = Path(path)
        folder = self.path.parent if str(self.path.parent) else Path(".")
        folder.mkdir(parents=True, exist_ok=True)
        descriptor, temp = tempfile.mkstemp(prefix=f".{self.path.name}-", suffix=".tmp", dir=folder)
        self.temp = Path(temp)
        self.handle = os.fdopen(descriptor, "wb") if encoding is None else os.fdopen(descriptor, "w", encoding=encoding, newline=newline)
        self.done = False

    def write(self, data) -> int:
        return self.handle.write(data)

    def commit(self) -> Path:
        if self.done:
            return self.path
        self.done = True
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            try:
                os.chmod(self.temp, _default_file_mode())
            except OSError:
                pass
            os.replace(self.temp, self.path)
        except BaseException:
            _remove(self.temp)
            raise
        fsync_folder(self.path.parent if str(self.path.parent) else Path("."))
        return self.path

    def discard(self) -> None:
        if self.done:
            return
        self.done = True
        try:
            self.handle.close()
        finally:
            _remove(self.temp)

    def __enter__(self) -> "AtomicFile":
        return self

    def __exit__(self, kind, error, traceback) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()
