"""Reading result folders for the report: every result file under the folders, bad files listed, never fatal.

`read_results(folders, session=..., progress=...)` walks the folders, parses each `*.json` file,
checks the pinned keys of `docs/results-format.md` (see docs/report.md), and returns the good records plus a list of
skipped files, each with a plain-English reason (empty, binary, truncated, corrupted, foreign,
newer format version, damaged record, duplicate result). One bad file never stops the report.

`parse_result(data)` and `record_problem(record)` are pure and hold the checks; only
`find_result_files` and `read_results` touch the file system. Nothing here writes anything.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from game.report.validity import record_problem
from game.store.results import RESULT_FORMAT

FORMAT_FAMILY = "feedwise-result/"
MAX_RESULT_BYTES = 20 * 1024 * 1024  # a round's record is a few kB; anything this big is not one
# Files that operating systems drop into folders; never worth listing.
SYSTEM_FILES = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class SkippedFile:
    """A file that was not read as a result, and why (in plain English)."""

    path: str
    kind: str  # empty | binary | truncated | corrupted | foreign | version | damaged | duplicate | unreadable | too-large
    reason: str


@dataclass(frozen=True)
class ResultSet:
    """What was read: the valid records (in file-name order), the skipped files, and counts."""

    records: list[dict] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)  # the file each record came from, same order
    skipped: list[SkippedFile] = field(default_factory=list)
    files_seen: int = 0
    other_sessions: int = 0  # valid results left out by the session filter


class _NotANumber(ValueError):
    pass


def _refuse_constant(name: str) -> float:
    raise _NotANumber(name)


class NotAResult(Exception):
    """Raised by `parse_result` with a kind and a plain-English reason."""

    def __init__(self, kind: str, reason: str):
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


_PARTIAL_NUMBER = re.compile(r"-?[0-9]*\.?[0-9]*(?:[eE][-+]?[0-9]*)?")


def _cut_off(text: str, error: json.JSONDecodeError) -> bool:
    """True when the JSON is fine up to where the text stops: an unfinished string, literal or number at the end."""
    if error.msg.startswith("Unterminated string"):
        return True
    tail = text[error.pos:].strip()
    return not tail or any(word.startswith(tail) for word in ("null", "true", "false")) or _PARTIAL_NUMBER.fullmatch(tail) is not None


def parse_result(data: bytes) -> dict:
    """Parse one file's bytes into a checked result record, or raise `NotAResult`."""
    if not data.strip():
        raise NotAResult("empty", "empty file")
    if data.endswith(b"\x00") and b"\x00" not in data.rstrip(b"\x00"):
        # What a USB stick or network drive leaves when the power goes off mid-write.
        raise NotAResult("truncated", "the end of the file is blank (zero bytes): it was cut off while being saved")
    if b"\x00" in data[:4096]:
        raise NotAResult("binary", "binary file, not a result")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotAResult("binary", "not UTF-8 text, so not a result file") from None
    try:
        record = json.loads(text, parse_constant=_refuse_constant)
    except _NotANumber as error:
        raise NotAResult("damaged", f"damaged result: {error} is not a number JSON allows (NaN and infinity are refused)") from None
    except RecursionError:
        raise NotAResult("damaged", "damaged result: nested too deeply to be a result") from None
    except json.JSONDecodeError as error:
        if _cut_off(text, error):
            raise NotAResult(
                "truncated", "the file ends too early: it was probably cut off while being saved or copied"
            ) from None
        raise NotAResult("corrupted", f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None
    except ValueError as error:  # an integer of thousands of digits
        raise NotAResult("damaged", f"damaged result: {str(error).split(';')[0]}") from None
    if not isinstance(record, dict) or "format" not in record:
        raise NotAResult("foreign", "JSON, but not a Feedwise result (it has no `format`)")
    file_format = record["format"]
    if file_format != RESULT_FORMAT:
        if isinstance(file_format, str) and file_format.startswith(FORMAT_FAMILY):
            raise NotAResult(
                "version", f"result format {file_format!r}: this Feedwise reads {RESULT_FORMAT!r}; update Feedwise to read it"
            )
        raise NotAResult("foreign", f"not a Feedwise result (format {file_format!r})")
    problem = record_problem(record)
    if problem:
        raise NotAResult("damaged", f"damaged result: {problem}")
    return record


def find_result_files(folders: Iterable[str | os.PathLike]) -> tuple[list[str], list[SkippedFile]]:
    """Every file under the folders (sorted), and the folders that could not be read.

    Hidden files and folders (names starting with '.', such as a writer's temporary files)
    and operating-system clutter (Thumbs.db, desktop.ini) are left out quietly.
    """
    files: list[str] = []
    problems: list[SkippedFile] = []
    seen_folders: set[str] = set()
    pending = [os.fspath(folder) for folder in folders]
    while pending:
        folder = pending.pop()
        real = os.path.realpath(folder)
        if real in seen_folders:  # the same folder given twice, or a link loop
            continue
        seen_folders.add(real)
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    name = entry.name
                    if name.startswith(".") or name.lower() in SYSTEM_FILES:
                        continue
                    try:
                        if entry.is_dir():
                            pending.append(entry.path)
                        elif entry.is_file():
                            files.append(entry.path)
                    except OSError as error:
                        problems.append(SkippedFile(entry.path, "unreadable", f"cannot be read: {error.strerror or error}"))
        except OSError as error:
            problems.append(SkippedFile(folder, "unreadable", f"folder cannot be read: {error.strerror or error}"))
    files.sort()
    return files, problems


@dataclass
class ReadLog:
    """What reading saw besides the good records: skipped files, counts, the sessions found."""

    skipped: list[SkippedFile] = field(default_factory=list)
    files_seen: int = 0
    other_sessions: int = 0  # valid results left out by the session filter
    sessions: Counter = field(default_factory=Counter)  # session code -> valid results (all sessions)


def same_session(wanted: str | None, session: object) -> bool:
    """`--session` matching: without regard to case or surrounding spaces."""
    return wanted is None or (isinstance(session, str) and session.strip().casefold() == wanted.strip().casefold())


def _read_one(path: str) -> dict | SkippedFile:
    if not path.lower().endswith(".json"):
        return SkippedFile(path, "foreign", "not a result file (results end in .json)")
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_RESULT_BYTES + 1)
    except OSError as error:
        return SkippedFile(path, "unreadable", f"cannot be read: {error.strerror or error}")
    if len(data) > MAX_RESULT_BYTES:
        return SkippedFile(path, "too-large", "too large to be a result file")
    try:
        return parse_result(data)
    except NotAResult as problem:
        return SkippedFile(path, problem.kind, problem.reason)


def iter_results(
    folders: Iterable[str | os.PathLike],
    log: ReadLog,
    *,
    session: str | None = None,
    progress: ProgressCallback | None = None,
    progress_every: int = 500,
) -> Iterator[tuple[str, dict]]:
    """(path, record) for every good result under the folders, one at a time; the rest goes into `log`."""
    paths, problems = find_result_files(folders)
    log.skipped.extend(problems)
    first_path_of: dict[str, str] = {}
    total = log.files_seen = len(paths)
    for done, path in enumerate(paths, start=1):
        if progress is not None and done % progress_every == 0:
            progress(done, total)
        record = _read_one(path)
        if isinstance(record, SkippedFile):
            log.skipped.append(record)
            continue
        result_id = record["result_id"]
        if result_id in first_path_of:
            log.skipped.append(SkippedFile(path, "duplicate", f"same result as {first_path_of[result_id]} (a copy); counted once"))
            continue
        first_path_of[result_id] = path
        log.sessions[record.get("session") or ""] += 1
        if not same_session(session, record.get("session")):
            log.other_sessions += 1
            continue
        yield path, record
    if progress is not None:
        progress(total, total)


def read_results(
    folders: Iterable[str | os.PathLike],
    *,
    session: str | None = None,
    progress: ProgressCallback | None = None,
    progress_every: int = 500,
) -> ResultSet:
    """Every result under the folders in memory (for tests and small folders; the command streams instead)."""
    log = ReadLog()
    records, paths = [], []
    for path, record in iter_results(folders, log, session=session, progress=progress, progress_every=progress_every):
        records.append(record)
        paths.append(path)
    return ResultSet(records=records, paths=paths, skipped=log.skipped, files_seen=log.files_seen, other_sessions=log.other_sessions)
