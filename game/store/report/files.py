"""Writing report outputs atomically: a temp file in the same folder, flush, fsync, then os.replace.

A report, CSV or xAPI file is either the old one or the complete new one, never half written,
even if the computer is switched off mid-write.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _default_file_mode() -> int:
    """0o666 less the process umask: the mode `open()` would give a new file."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def write_text_atomic(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> Path:
    """Write `text` to `path` atomically (the folder must exist); returns the path."""
    target = Path(path)
    mode = _default_file_mode()
    descriptor, temp_name = tempfile.mkstemp(prefix=f".{target.name}-", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(descriptor, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)  # mkstemp makes 0600; a report should be readable like any new file
        os.replace(temp_name, target)
    except BaseException:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
        raise
    return target
