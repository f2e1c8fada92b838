"""Khmer word boundaries shipped with a web library, so that the first index build need not segment it all.

Segmenting Khmer (khmercut's CRF model) is most of the cost of indexing the built-in web from cold.
`tools/web/khmer_word_breaks.py` stores, once, what the segmenter returns for every Khmer run of the
built-in pages in `<library>/web/khmer-word-breaks.json`: run key (a short hash of the run) -> word ends.
`read_breaks(folders)` reads those files when they were made by the installed segmenter; the index
build looks a run up there before segmenting it, so the result is the same with or without them, and a
run the file does not know (an edited or new page) is simply segmented. A missing, damaged or stale
file is passed over. Reads files only; no pygame, no clock.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Iterable, Mapping, Optional, Union

FILE_NAME = "khmer-word-breaks.json"
FOLDER = "web"
FORMAT = "feedwise-khmer-word-breaks/1"

PathLike = Union[str, "os.PathLike[str]"]


def segmenter_version() -> str:
    """Which Khmer segmenter made the word boundaries: boundaries made by another one are not reused."""
    try:
        return "khmercut " + version("khmercut")
    except PackageNotFoundError:  # not installed: Khmer is then split at spaces only
        return "no segmenter"


def run_key(run: str) -> str:
    """The key of a Khmer run in a breaks file: 16 hex digits of its BLAKE2b hash."""
    return hashlib.blake2b(run.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


class KnownBreaks:
    """Word ends by run, read from shipped files: `get(run)` as a segmentation memo does (None when unknown)."""

    def __init__(self, ends: Optional[Mapping[str, tuple[int, ...]]] = None) -> None:
        self.ends = dict(ends or {})

    def get(self, run: str, default: Optional[tuple[int, ...]] = None) -> Optional[tuple[int, ...]]:
        found = self.ends.get(run_key(run))
        return default if found is None or (found and found[-1] >= len(run)) else found

    def __len__(self) -> int:
        return len(self.ends)


def breaks_path(folder: PathLike) -> Path:
    """Where a library folder keeps its shipped word boundaries."""
    return Path(folder) / FOLDER / FILE_NAME


def _read_one(path: Path, segmenter: str) -> dict[str, tuple[int, ...]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("segmenter") != segmenter:
            return {}
        return {str(key): tuple(int(end) for end in ends.split()) for key, ends in data["breaks"].items()}
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return {}  # unreadable or damaged: the runs are segmented instead, which is only slower


def read_breaks(folders: Iterable[PathLike]) -> KnownBreaks:
    """The shipped word boundaries of the library folders, made by the installed segmenter (empty when none)."""
    segmenter = segmenter_version()
    ends: dict[str, tuple[int, ...]] = {}
    for folder in folders:
        path = breaks_path(folder)
        if path.is_file():
            ends.update(_read_one(path, segmenter))
    return KnownBreaks(ends)


def breaks_document(memo: Mapping[str, Iterable[int]]) -> dict:
    """A breaks file's content from a segmentation memo (run -> word ends), keys sorted."""
    breaks = {run_key(run): " ".join(str(end) for end in ends) for run, ends in memo.items()}
    return {"format": FORMAT, "segmenter": segmenter_version(), "breaks": dict(sorted(breaks.items()))}
