"""The learner's own history: a SQLite database (`<data dir>/history.sqlite3`) of learners, attempts,
decisions and technique practice state (Leitner boxes) for "Practice my weak spots".

- Standard-library `sqlite3`, WAL mode, `synchronous=FULL`, a 5 s busy timeout, and every write in
  its own `BEGIN IMMEDIATE` transaction, so two game processes can share one data folder and a crash
  or power cut loses at most the decision in progress.
- The schema is versioned with `PRAGMA user_version` and upgraded by the steps in `MIGRATIONS`;
  `PRAGMA application_id` marks the file as a Feedwise history.
- A damaged or foreign file raises `HistoryDamaged` (a plain message, never a traceback) and is never
  changed. Only `move_aside_damaged` (called when the learner or facilitator asks) renames it to
  `history.damaged-<time>.sqlite3`, after which a fresh history is started.
- Every time is passed in by the caller as an ISO 8601 string: this module never reads the clock.

The JSON result files written by `game.store.results` remain the facilitator's copy; this database
is the learner's. No pygame here.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import time
import uuid
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Optional, Sequence, Union

from game.rules.events import Decided, ToolUsed
from game.rules.practice import (
    PRACTICE_PATH,
    PRACTICE_SCENARIO_ID,
    TechniqueState,
    misinformation_techniques,
    next_technique_state,
    technique_outcomes,
)
from game.rules.record import UNCOUNTED_STATUSES, decision_entry
from game.rules.state import StateError, state_from_dict, state_to_dict
from game.scenario.model import LoadedScenario, Scenario, Technique
from game.store import paths

HISTORY_FILE = "history.sqlite3"
HISTORY_FORMAT = "feedwise-history/1"
APPLICATION_ID = 0x46574953  # "FWIS": marks the file as a Feedwise history
BUSY_TIMEOUT_MS = 5000
STATUSES = ("unfinished", "finished", "discarded")
ACTIONS = ("share", "flag", "skip")
MAX_NAME_LENGTH = 60
KIND_SCENARIO = "scenario"
KIND_WEAK_SPOTS = "weak-spots"

StateLike = Any  # a RoundState or its `state_to_dict` form
LearnerRef = Union["Learner", str]


class HistoryError(Exception):
    """A history problem the learner or facilitator can act on; `str(error)` is a plain sentence."""


class HistoryDamaged(HistoryError):
    """The history file is damaged or is not a Feedwise history. It has not been changed."""

    def __init__(self, path: Path, detail: str):
        self.path = Path(path)
        self.detail = detail
        super().__init__(
            f"The history file {self.path} cannot be read: {detail}. Feedwise has not changed it. "
            "To start a new history, keep the old file aside (the game offers this on the My history "
            "screen) or move it to another folder yourself; result files are not affected."
        )


# --- schema ------------------------------------------------------------------------------------

_SCHEMA_V1 = """
CREATE TABLE learners (
    id          TEXT PRIMARY KEY,               -- pseudonymous uuid4, never changes
    name        TEXT NOT NULL,                  -- as first typed (trimmed)
    name_key    TEXT NOT NULL UNIQUE,           -- casefolded, spaces collapsed: the lookup key
    created_at  TEXT NOT NULL
);
CREATE TABLE scenario_snapshots (               -- the scenario each attempt was played with, by content
    sha256      TEXT PRIMARY KEY,
    json        TEXT NOT NULL
);
CREATE TABLE attempts (
    id              TEXT PRIMARY KEY,           -- = the result record's result_id
    learner_id      TEXT NOT NULL REFERENCES learners(id),
    scenario_id     TEXT NOT NULL,
    scenario_title  TEXT NOT NULL,
    language        TEXT NOT NULL,
    scenario_sha256 TEXT NOT NULL,              -- of the scenario file (LoadedScenario.sha256)
    scenario_path   TEXT NOT NULL,
    snapshot_sha256 TEXT NOT NULL REFERENCES scenario_snapshots(sha256),
    kind            TEXT NOT NULL,              -- "scenario" or "weak-spots"
    mode            TEXT NOT NULL,
    seed            TEXT,                       -- JSON: a number, text or null
    session         TEXT,
    started_at      TEXT NOT NULL,
    finished_at     TEXT,
    updated_at      TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('unfinished', 'finished', 'discarded')),
    score           INTEGER,
    max_score       INTEGER,
    d_prime         REAL,
    criterion       REAL,
    state_json      TEXT,                       -- the saved round (state_to_dict) for resume and review
    record_json     TEXT                        -- the final result record
);
CREATE INDEX attempts_by_learner ON attempts (learner_id, started_at);
CREATE TABLE decisions (
    attempt_id    TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    post          TEXT NOT NULL,
    position      INTEGER NOT NULL,             -- "order" in the result record
    action        TEXT NOT NULL CHECK (action IN ('share', 'flag', 'skip')),
    tools         TEXT NOT NULL,                -- JSON list
    reasons       TEXT NOT NULL,                -- JSON list
    correct       INTEGER,
    points        INTEGER NOT NULL,
    seconds       REAL NOT NULL,
    recorded_at   TEXT,                         -- wall-clock time passed in by the caller
    entry_json    TEXT NOT NULL,                -- the whole decision entry, extra keys included
    PRIMARY KEY (attempt_id, post)
);
CREATE TABLE technique_practice (
    learner_id      TEXT NOT NULL REFERENCES learners(id),
    technique       TEXT NOT NULL,
    box             INTEGER NOT NULL CHECK (box BETWEEN 1 AND 5),
    due             TEXT,
    last_practiced  TEXT,
    seen            INTEGER NOT NULL,
    missed          INTEGER NOT NULL,
    PRIMARY KEY (learner_id, technique)
);
"""


def _migrate_to_1(connection: sqlite3.Connection) -> None:
    for statement in _SCHEMA_V1.split(";"):
        if statement.strip():
            connection.execute(statement)


def _migrate_to_2(connection: sqlite3.Connection) -> None:
    """Version 2: `attempts.counted` (0 for a round ended early: its figures count nowhere) and
    `learners.remembered` (1 when the learner asked to be remembered on this PC)."""
    connection.execute("ALTER TABLE attempts ADD COLUMN counted INTEGER NOT NULL DEFAULT 1")
    connection.execute("ALTER TABLE learners ADD COLUMN remembered INTEGER NOT NULL DEFAULT 0")
    rows = connection.execute("SELECT id, record_json FROM attempts WHERE status = 'finished' AND record_json IS NOT NULL").fetchall()
    for attempt_id, record_json in rows:
        try:
            status = json.loads(record_json).get("status")
        except (ValueError, AttributeError):
            continue
        if status in UNCOUNTED_STATUSES:
            connection.execute("UPDATE attempts SET counted = 0 WHERE id = ?", (attempt_id,))


# Step i upgrades a database at user_version i to i + 1. Append only: never edit a released step.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_migrate_to_1, _migrate_to_2]


def schema_version() -> int:
    """The schema version this code writes."""
    return len(MIGRATIONS)


# --- values handed to callers -------------------------------------------------------------------


@dataclass(frozen=True)
class Learner:
    """A profile: a display name and a pseudonymous id that never changes."""

    id: str
    name: str
    created_at: str
    remembered: bool = False  # the learner chose "remember me on this PC"


@dataclass(frozen=True)
class Attempt:
    """One round a learner started: the row shown on the My history screen."""

    id: str
    learner_id: str
    learner_name: str
    scenario_id: str
    scenario_title: str
    language: str
    scenario_sha256: str
    scenario_path: str
    kind: str
    mode: str
    seed: Union[int, str, None]
    session: Optional[str]
    started_at: str
    finished_at: Optional[str]
    updated_at: str
    status: str
    decisions: int
    score: Optional[int]
    max_score: Optional[int]
    d_prime: Optional[float]
    criterion: Optional[float]
    counted: bool = True  # False for a round ended early: kept for review, left out of every figure

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _learner(row: sqlite3.Row) -> Learner:
    values = dict(row)
    values["remembered"] = bool(values.get("remembered"))
    return Learner(**values)


def name_key(name: str) -> str:
    """How learner names are compared: trimmed, inner spaces collapsed, case-insensitive."""
    return " ".join(str(name).split()).casefold()


def resolve_data_dir(data_dir: Union[str, os.PathLike, None] = None) -> Path:
    """The data folder: an explicit `--data-dir` if given, else `game.store.paths.data_dir()`
    (FEEDWISE_HOME, else the user data folder)."""
    if data_dir is not None and str(data_dir).strip():
        return Path(data_dir).expanduser()
    return paths.data_dir()


def history_path(data_dir: Union[str, os.PathLike, None] = None) -> Path:
    """The history file in a data folder (`--data-dir` > FEEDWISE_HOME > the user data folder)."""
    return resolve_data_dir(data_dir) / HISTORY_FILE


def _state_dict(state: StateLike) -> Optional[dict[str, Any]]:
    if state is None or isinstance(state, dict):
        return state

    return state_to_dict(state)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)


def _snapshot(loaded: LoadedScenario) -> tuple[str, str]:
    text = _dumps(
        {
            "scenario": loaded.scenario.model_dump(mode="json"),
            "path": loaded.path,
            "sha256": loaded.sha256,
            "techniques": {key: value.model_dump(mode="json") for key, value in loaded.techniques.items()},
        }
    )
    return hashlib.sha256(text.encode()).hexdigest(), text


def is_weak_spots_round(loaded: LoadedScenario) -> bool:
    """True for a round composed by `game.rules.practice.build_practice_round`."""
    return loaded.path == PRACTICE_PATH and loaded.scenario.id == PRACTICE_SCENARIO_ID


def _rollback(connection: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open (SQLite may already have rolled back, e.g. on a full disk)."""
    if connection.in_transaction:
        try:
            connection.execute("ROLLBACK")
        except sqlite3.Error:
            pass


def _stamp(moment: str) -> str:
    """"2025-03-01T10:15:00Z" -> "20250301T101500", for file names."""
    digits = re.sub(r"[^0-9T]", "", str(moment))[:15]
    return digits or "unknown-time"


# --- the store ---------------------------------------------------------------------------------


class History:
    """One open connection to a history file. Use `History.open(data_dir)`; close it (or use `with`)."""

    def __init__(self, path: Union[str, os.PathLike], *, read_only: bool = False):
        self.path = Path(path)
        self._connection = self._connect_read_only() if read_only else self._connect()

    @classmethod
    def open_read_only(cls, data_dir: Union[str, os.PathLike, None] = None) -> "History":
        """Open an existing history for reading only: nothing in the folder is created or changed, so
        it works in a read-only folder. A history from an older version is opened for writing instead,
        since it must be upgraded before it can be read."""
        path = resolve_data_dir(data_dir) / HISTORY_FILE
        history = cls(path, read_only=True)
        if history._schema_is_current():
            return history
        history.close()
        return cls.open(data_dir)

    def _connect_read_only(self) -> sqlite3.Connection:
        if not self.path.is_file() or self.path.stat().st_size == 0:
            detail = "the file is empty (0 bytes), so its rounds are lost" if self.path.is_file() else "there is no such file"
            raise HistoryDamaged(self.path, detail)
        uri = self.path.resolve().as_uri() + "?mode=ro"
        if not self.path.with_name(self.path.name + "-wal").exists():
            uri += "&immutable=1"  # no write in progress: read without the lock files a read-only folder cannot hold
        try:
            connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            self._check_identity(connection)
            connection.row_factory = sqlite3.Row
        except HistoryError:
            connection.close()
            raise
        except sqlite3.Error as error:
            raise self._translate(error) from None
        return connection

    def _schema_is_current(self) -> bool:
        return self._connection.execute("PRAGMA user_version").fetchone()[0] == schema_version()

    @classmethod
    def open(cls, data_dir: Union[str, os.PathLike, None] = None) -> "History":
        """Open (creating and upgrading as needed) the history in a data folder."""
        folder = resolve_data_dir(data_dir)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise HistoryError(f"Cannot create the data folder {folder}: {error.strerror or error}.") from None
        return cls(folder / HISTORY_FILE)

    # -- connection and schema --

    def _connect(self) -> sqlite3.Connection:
        self._create_if_missing()
        try:
            if self.path.stat().st_size == 0:
                raise HistoryDamaged(self.path, "the file is empty (0 bytes), so its rounds are lost")
        except OSError as error:
            raise HistoryError(f"Cannot open the history file {self.path}: {error.strerror or error}.") from None
        try:
            connection = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error as error:
            raise HistoryError(f"Cannot open the history file {self.path}: {error}.") from None
        try:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._check_and_migrate(connection)
            self._use_wal(connection)
            connection.execute("PRAGMA synchronous = FULL")
            connection.execute("PRAGMA foreign_keys = ON")
            connection.row_factory = sqlite3.Row
        except HistoryError:
            connection.close()
            raise
        except sqlite3.Error as error:
            connection.close()
            raise self._translate(error) from None
        return connection

    def _create_if_missing(self) -> None:
        """Create a new history whole: build the schema in a temporary file beside it, then link it into
        place. An empty file is therefore never a new history, only a damaged one; and two processes
        creating the same history at once end with one of the two files, both complete."""
        if self.path.exists():
            return
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.{time.monotonic_ns()}.new")
        try:
            connection = sqlite3.connect(str(temporary), isolation_level=None)
            try:
                self._check_and_migrate(connection)
            finally:
                connection.close()
            try:
                os.link(temporary, self.path)
            except FileExistsError:
                pass  # another process created it first; use theirs
            except OSError:  # a file system without hard links
                if not self.path.exists():
                    os.replace(temporary, self.path)
        except (OSError, sqlite3.Error) as error:
            raise HistoryError(f"Cannot create the history file {self.path}: {error}.") from None
        finally:
            with suppress(OSError):
                temporary.unlink()

    def _translate(self, error: sqlite3.Error) -> HistoryError:
        if isinstance(error, sqlite3.DatabaseError) and not isinstance(error, sqlite3.OperationalError):
            return HistoryDamaged(self.path, f"{error} (it is damaged, or is not a Feedwise history)")
        if "locked" in str(error) or "busy" in str(error):
            return HistoryError(
                f"The history file {self.path} stayed busy for more than {BUSY_TIMEOUT_MS // 1000} seconds "
                "(another Feedwise is writing to it). Try again."
            )
        return HistoryError(f"Cannot use the history file {self.path}: {error}.")

    def _check_identity(self, connection: sqlite3.Connection) -> None:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]  # raises on a non-database
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if application_id not in (0, APPLICATION_ID) or (application_id == 0 and tables):
            raise HistoryDamaged(self.path, "it is a database, but not a Feedwise history")
        if version > schema_version():
            raise HistoryError(
                f"The history file {self.path} was written by a newer version of Feedwise "
                f"(schema {version}; this version knows up to {schema_version()}). Please update Feedwise."
            )
        check = connection.execute("PRAGMA quick_check").fetchall()
        if [row[0] for row in check] != ["ok"]:
            raise HistoryDamaged(self.path, f"the database check failed ({check[0][0]})")

    def _check_and_migrate(self, connection: sqlite3.Connection) -> None:
        """Check the file is ours and upgrade it, all under the write lock, so that processes opening a
        new folder at the same moment see one consistent file and create the schema exactly once."""
        connection.execute("BEGIN IMMEDIATE")  # raises DatabaseError on a file that is not a database
        try:
            self._check_identity(connection)
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            for step in MIGRATIONS[version:]:
                step(connection)
            if version < schema_version():
                connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                connection.execute(f"PRAGMA user_version = {schema_version()}")
            connection.execute("COMMIT")
        except BaseException:
            _rollback(connection)
            raise

    def _use_wal(self, connection: sqlite3.Connection) -> None:
        """Switch to WAL. The switch needs a moment alone with the file and SQLite does not always wait
        for it, so retry for up to the busy timeout while another process is opening the file too."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                break
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)
        # e.g. a network folder where WAL is not possible: the default journal is still crash-safe
        if str(mode).lower() != "wal":
            connection.execute("PRAGMA journal_mode = DELETE")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One committed transaction; takes the write lock at once so two processes never deadlock."""
        connection = self._connection
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise self._translate(error) from None
        try:
            yield connection
        except BaseException as error:
            _rollback(connection)
            if isinstance(error, sqlite3.Error):
                raise self._translate(error) from None
            raise
        else:
            try:
                connection.execute("COMMIT")
            except sqlite3.Error as error:
                _rollback(connection)
                raise self._translate(error) from None

    def _read(self, sql: str, parameters: Sequence[Any] = ()) -> list[sqlite3.Row]:
        try:
            return self._connection.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            raise self._translate(error) from None

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> "History":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- damaged files --

    @staticmethod
    def move_aside_damaged(data_dir: Union[str, os.PathLike, None] = None, *, now: str) -> Optional[Path]:
        """Rename a damaged history file (and its -wal/-shm files) to `history.damaged-<now>.sqlite3`.

        Call this only when the learner or facilitator asked to start a new history. Nothing is deleted.
        Returns the new path, or None when there was no file.
        """
        path = history_path(data_dir)
        if not path.exists():
            return None
        stem = f"history.damaged-{_stamp(now)}"
        target = path.with_name(f"{stem}.sqlite3")
        counter = 1
        while target.exists():
            counter += 1
            target = path.with_name(f"{stem}-{counter}.sqlite3")
        os.replace(path, target)
        for suffix in ("-wal", "-shm"):
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                os.replace(companion, target.with_name(target.name + suffix))
        return target

    # -- learners --

    def learner(self, name: str, *, now: str) -> Learner:
        """The learner with this name (compared case-insensitively after trimming), created if new."""
        display = " ".join(str(name).split())
        if not display:
            raise HistoryError("Please type a name.")
        if len(display) > MAX_NAME_LENGTH:
            raise HistoryError(f"Please use a name of at most {MAX_NAME_LENGTH} characters.")
        with self._write() as connection:
            connection.execute(
                "INSERT OR IGNORE INTO learners (id, name, name_key, created_at) VALUES (?, ?, ?, ?)",
                (str(uuid.uuid4()), display, name_key(display), str(now)),
            )
        found = self.find_learner(display)
        assert found is not None
        return found

    def find_learner(self, name: str) -> Optional[Learner]:
        """The learner with this name, or None. Never creates one."""
        rows = self._read("SELECT id, name, created_at, remembered FROM learners WHERE name_key = ?", (name_key(name),))
        return _learner(rows[0]) if rows else None

    def learner_by_id(self, learner_id: str) -> Optional[Learner]:
        rows = self._read("SELECT id, name, created_at, remembered FROM learners WHERE id = ?", (learner_id,))
        return _learner(rows[0]) if rows else None

    def set_remembered(self, learner: LearnerRef, remembered: bool) -> None:
        """Whether the learner asked to be remembered on this PC (listed by Switch learner)."""
        learner_id = self._learner_id(learner)
        with self._write() as connection:
            connection.execute("UPDATE learners SET remembered = ? WHERE id = ?", (int(bool(remembered)), learner_id))

    def list_learners(self, *, remembered_only: bool = False) -> list[Learner]:
        """Every learner (or only those who asked to be remembered), the most recently active first."""
        rows = self._read(
            """SELECT l.id, l.name, l.created_at, l.remembered FROM learners l
               LEFT JOIN attempts a ON a.learner_id = l.id
               WHERE l.remembered = 1 OR ? = 0
               GROUP BY l.id
               ORDER BY max(coalesce(max(a.updated_at), l.created_at), l.created_at) DESC, l.name_key""",
            (int(remembered_only),),
        )
        return [_learner(row) for row in rows]

    def _learner_id(self, learner: LearnerRef) -> str:
        learner_id = learner.id if isinstance(learner, Learner) else str(learner)
        if not self._read("SELECT 1 FROM learners WHERE id = ?", (learner_id,)):
            raise HistoryError(f"There is no learner with id {learner_id} in this history.")
        return learner_id

    # -- attempts --

    def start_attempt(
        self,
        learner: LearnerRef,
        loaded: LoadedScenario,
        *,
        mode: Any,
        seed: Union[int, str, None],
        session: Optional[str],
        started_at: str,
        state: StateLike,
        attempt_id: Optional[str] = None,
    ) -> str:
        """Record that a round started; returns the attempt id, to be used as the record's `result_id`."""
        learner_id = self._learner_id(learner)
        attempt_id = str(attempt_id or uuid.uuid4())
        snapshot_sha, snapshot_json = _snapshot(loaded)
        scenario = loaded.scenario
        with self._write() as connection:
            connection.execute("INSERT OR IGNORE INTO scenario_snapshots (sha256, json) VALUES (?, ?)", (snapshot_sha, snapshot_json))
            connection.execute(
                """INSERT INTO attempts (id, learner_id, scenario_id, scenario_title, language, scenario_sha256,
                       scenario_path, snapshot_sha256, kind, mode, seed, session, started_at, updated_at, status,
                       state_json)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'unfinished', ?)""",
                (
                    attempt_id,
                    learner_id,
                    scenario.id,
                    scenario.title,
                    scenario.language.value,
                    loaded.sha256,
                    loaded.path,
                    snapshot_sha,
                    KIND_WEAK_SPOTS if is_weak_spots_round(loaded) else KIND_SCENARIO,
                    getattr(mode, "value", str(mode)),
                    _dumps(seed),
                    session or None,
                    str(started_at),
                    str(started_at),
                    None if state is None else _dumps(_state_dict(state)),
                ),
            )
        return attempt_id

    def _require_unfinished(self, connection: sqlite3.Connection, attempt_id: str) -> None:
        row = connection.execute("SELECT status FROM attempts WHERE id = ?", (attempt_id,)).fetchone()
        if row is None:
            raise HistoryError(f"There is no attempt {attempt_id} in this history.")
        if row[0] != "unfinished":
            raise HistoryError(f"The attempt {attempt_id} is {row[0]}; it cannot be changed.")

    @staticmethod
    def _insert_decision(connection: sqlite3.Connection, attempt_id: str, entry: Mapping[str, Any], recorded_at: Optional[str]) -> None:
        action = str(entry.get("action"))
        if action not in ACTIONS or not entry.get("post"):
            raise ValueError(f"A decision needs a post and an action among {ACTIONS}; got {dict(entry)!r}.")
        correct = entry.get("correct")
        connection.execute(
            """INSERT INTO decisions (attempt_id, post, position, action, tools, reasons, correct, points, seconds,
                   recorded_at, entry_json)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (attempt_id, post) DO UPDATE SET position = excluded.position, action = excluded.action,
                   tools = excluded.tools, reasons = excluded.reasons, correct = excluded.correct,
                   points = excluded.points, seconds = excluded.seconds,
                   recorded_at = coalesce(excluded.recorded_at, decisions.recorded_at), entry_json = excluded.entry_json""",
            (
                attempt_id,
                str(entry["post"]),
                int(entry.get("order") or 0),
                action,
                _dumps(list(entry.get("tools") or [])),
                _dumps(list(entry.get("reasons") or [])),
                None if correct is None else int(bool(correct)),
                int(entry.get("points") or 0),
                float(entry.get("seconds") or 0.0),
                recorded_at,
                _dumps(dict(entry)),
            ),
        )

    def record_decision(
        self, attempt_id: str, decision: Mapping[str, Any], state: StateLike, *, recorded_at: Optional[str] = None
    ) -> None:
        """Save one decision (a result-record decision entry) and the round state; committed on return."""
        with self._write() as connection:
            self._require_unfinished(connection, attempt_id)
            self._insert_decision(connection, attempt_id, decision, recorded_at)
            self._save_state(connection, attempt_id, state, recorded_at)

    def record_step(self, attempt_id: str, step: Any, *, recorded_at: str) -> int:
        """Save what one `engine.apply` step changed: its decisions (several when the round ends early)
        and the round state. Call it after every accepted step; returns the number of decisions saved."""

        decided = [event.post for event in step.events if isinstance(event, Decided)]
        if not decided and not any(isinstance(event, ToolUsed) for event in step.events):
            return 0
        with self._write() as connection:
            self._require_unfinished(connection, attempt_id)
            for post_id in decided:
                self._insert_decision(connection, attempt_id, decision_entry(step.state, post_id), recorded_at)
            self._save_state(connection, attempt_id, step.state, recorded_at)
        return len(decided)

    def save_state(self, attempt_id: str, state: StateLike, *, updated_at: Optional[str] = None) -> None:
        """Save the round state without a decision (e.g. after a verify tool)."""
        with self._write() as connection:
            self._require_unfinished(connection, attempt_id)
            self._save_state(connection, attempt_id, state, updated_at)

    @staticmethod
    def _save_state(connection: sqlite3.Connection, attempt_id: str, state: StateLike, updated_at: Optional[str]) -> None:
        connection.execute(
            "UPDATE attempts SET state_json = ?, updated_at = coalesce(?, updated_at) WHERE id = ?",
            (None if state is None else _dumps(_state_dict(state)), updated_at, attempt_id),
        )

    def finish_attempt(self, attempt_id: str, record: Mapping[str, Any], *, state: StateLike = None) -> None:
        """Store the final result record, its score and decisions, and update the technique practice state.

        The record's decisions replace those saved during the round (they include the posts skipped
        for the learner). Every technique of the round's misinformation posts moves to its next
        Leitner box, dated by the record's `finished_at`.
        """
        if record.get("result_id") not in (None, attempt_id):
            raise ValueError(f"The record's result_id {record.get('result_id')!r} is not the attempt id {attempt_id!r}.")
        finished_at = str(record.get("finished_at") or "")
        if not finished_at:
            raise ValueError("The record has no finished_at time.")
        score = record.get("score") or {}
        discernment = record.get("discernment") or {}
        decisions = list(record.get("decisions") or [])
        with self._write() as connection:
            self._require_unfinished(connection, attempt_id)
            recorded = {
                row["post"]: row["recorded_at"]
                for row in connection.execute("SELECT post, recorded_at FROM decisions WHERE attempt_id = ?", (attempt_id,))
            }
            connection.execute("DELETE FROM decisions WHERE attempt_id = ?", (attempt_id,))
            for entry in decisions:
                self._insert_decision(connection, attempt_id, entry, recorded.get(str(entry.get("post"))) or finished_at)
            counted = record.get("status") not in UNCOUNTED_STATUSES
            connection.execute(
                """UPDATE attempts SET status = 'finished', finished_at = ?, updated_at = ?, score = ?, max_score = ?,
                       d_prime = ?, criterion = ?, record_json = ?, state_json = coalesce(?, state_json), counted = ? WHERE id = ?""",
                (
                    finished_at,
                    finished_at,
                    score.get("points"),
                    score.get("max_points"),
                    discernment.get("d_prime"),
                    discernment.get("criterion"),
                    _dumps(dict(record)),
                    None if state is None else _dumps(_state_dict(state)),
                    int(counted),
                    attempt_id,
                ),
            )
            if not counted:
                return  # a round ended early teaches the practice boxes nothing: most posts were never seen
            learner_id, snapshot_json = connection.execute(
                """SELECT a.learner_id, s.json FROM attempts a JOIN scenario_snapshots s ON s.sha256 = a.snapshot_sha256
                   WHERE a.id = ?""",
                (attempt_id,),
            ).fetchone()
            scenario = Scenario.model_validate(json.loads(snapshot_json)["scenario"])
            outcomes = technique_outcomes(decisions, misinformation_techniques(scenario))
            for technique, caught in sorted(outcomes.items()):
                previous = self._technique_state(connection, learner_id, technique)
                new = next_technique_state(previous, technique, caught=caught, today=finished_at)
                connection.execute(
                    """INSERT OR REPLACE INTO technique_practice (learner_id, technique, box, due, last_practiced, seen, missed)
                       VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    (learner_id, technique, new.box, new.due, new.last_practiced, new.seen, new.missed),
                )

    def discard(self, attempt_id: str, *, discarded_at: Optional[str] = None) -> None:
        """Mark an unfinished attempt as discarded (it is kept, but hidden from `attempts()`)."""
        with self._write() as connection:
            self._require_unfinished(connection, attempt_id)
            connection.execute(
                "UPDATE attempts SET status = 'discarded', updated_at = coalesce(?, updated_at) WHERE id = ?",
                (discarded_at, attempt_id),
            )

    # -- reading --

    _ATTEMPT_SQL = """SELECT a.id, a.learner_id, l.name AS learner_name, a.scenario_id, a.scenario_title, a.language,
            a.scenario_sha256, a.scenario_path, a.kind, a.mode, a.seed, a.session, a.started_at, a.finished_at,
            a.updated_at, a.status,
            (SELECT count(*) FROM decisions d WHERE d.attempt_id = a.id) AS decisions,
            a.score, a.max_score, a.d_prime, a.criterion, a.counted
        FROM attempts a JOIN learners l ON l.id = a.learner_id"""

    @staticmethod
    def _attempt(row: sqlite3.Row) -> Attempt:
        values = dict(row)
        values["seed"] = json.loads(values["seed"]) if values["seed"] is not None else None
        values["counted"] = bool(values["counted"])
        return Attempt(**values)

    def attempts(self, learner: Optional[LearnerRef] = None, *, status: Union[str, Iterable[str], None] = None) -> list[Attempt]:
        """Attempts, oldest first. Default: unfinished and finished ones (not discarded).

        `status` may be one status or several, e.g. "finished" for the progress chart.
        """
        wanted = ("unfinished", "finished") if status is None else ((status,) if isinstance(status, str) else tuple(status))
        sql = self._ATTEMPT_SQL + f" WHERE a.status IN ({', '.join('?' * len(wanted))})"
        parameters: list[Any] = list(wanted)
        if learner is not None:
            sql += " AND a.learner_id = ?"
            parameters.append(learner.id if isinstance(learner, Learner) else str(learner))
        return [self._attempt(row) for row in self._read(sql + " ORDER BY a.started_at, a.rowid", parameters)]

    def unfinished(self, learner: LearnerRef) -> list[Attempt]:
        """The learner's unfinished attempts, the most recent first: offer to resume or discard them."""
        return list(reversed(self.attempts(learner, status="unfinished")))

    def attempt(self, attempt_id: str) -> Optional[Attempt]:
        rows = self._read(self._ATTEMPT_SQL + " WHERE a.id = ?", (attempt_id,))
        return self._attempt(rows[0]) if rows else None

    def _json_column(self, column: str, attempt_id: str) -> Any:
        rows = self._read(f"SELECT {column} FROM attempts WHERE id = ?", (attempt_id,))
        return json.loads(rows[0][0]) if rows and rows[0][0] is not None else None

    def attempt_record(self, attempt_id: str) -> Optional[dict[str, Any]]:
        """The stored result record of a finished attempt (a fresh copy each call), or None."""
        return self._json_column("record_json", attempt_id)

    def attempt_state(self, attempt_id: str) -> Optional[dict[str, Any]]:
        """The last saved round state (`state_to_dict` form), or None."""
        return self._json_column("state_json", attempt_id)

    def attempt_scenario(self, attempt_id: str) -> LoadedScenario:
        """The scenario exactly as it was played (also for composed practice rounds that have no file)."""
        rows = self._read(
            "SELECT s.json FROM attempts a JOIN scenario_snapshots s ON s.sha256 = a.snapshot_sha256 WHERE a.id = ?",
            (attempt_id,),
        )
        if not rows:
            raise HistoryError(f"There is no attempt {attempt_id} in this history.")
        data = json.loads(rows[0][0])
        return LoadedScenario(
            scenario=Scenario.model_validate(data["scenario"]),
            path=data["path"],
            sha256=data["sha256"],
            techniques={key: Technique.model_validate(value) for key, value in data["techniques"].items()},
        )

    def round_state(self, attempt_id: str) -> Any:
        """The saved `RoundState`, rebuilt: resume it (unfinished) or pass it to `debrief` (Review)."""

        data = self.attempt_state(attempt_id)
        if data is None:
            raise HistoryError(f"The attempt {attempt_id} has no saved round.")
        try:
            return state_from_dict(data, self.attempt_scenario(attempt_id))
        except StateError as error:
            raise HistoryError(str(error)) from None

    def decisions(self, attempt_id: str) -> list[dict[str, Any]]:
        """The attempt's decisions (result-record entries), in feed order."""
        rows = self._read("SELECT entry_json FROM decisions WHERE attempt_id = ? ORDER BY position, post", (attempt_id,))
        return [json.loads(row[0]) for row in rows]

    @staticmethod
    def _technique_state(connection: sqlite3.Connection, learner_id: str, technique: str) -> Optional[TechniqueState]:
        row = connection.execute(
            "SELECT technique, box, due, last_practiced, seen, missed FROM technique_practice WHERE learner_id = ? AND technique = ?",
            (learner_id, technique),
        ).fetchone()
        return TechniqueState(*tuple(row)) if row else None

    def technique_states(self, learner: LearnerRef) -> dict[str, TechniqueState]:
        """The learner's Leitner state per technique (techniques never met are absent)."""
        learner_id = learner.id if isinstance(learner, Learner) else str(learner)
        rows = self._read(
            "SELECT technique, box, due, last_practiced, seen, missed FROM technique_practice WHERE learner_id = ? ORDER BY technique",
            (learner_id,),
        )
        return {row[0]: TechniqueState(*tuple(row)) for row in rows}

    def last_practice_posts(self, learner: LearnerRef) -> list[str]:
        """Post ids of the learner's most recent weak-spots round (any status), to avoid repeating them."""
        learner_id = learner.id if isinstance(learner, Learner) else str(learner)
        rows = self._read(
            """SELECT s.json FROM attempts a JOIN scenario_snapshots s ON s.sha256 = a.snapshot_sha256
               WHERE a.learner_id = ? AND a.kind = ? ORDER BY a.started_at DESC, a.rowid DESC LIMIT 1""",
            (learner_id, KIND_WEAK_SPOTS),
        )
        if not rows:
            return []
        return [post["id"] for post in json.loads(rows[0][0])["scenario"]["posts"]]

    def export(self, learner: LearnerRef) -> dict[str, Any]:
        """The learner's whole history as a JSON-ready dict (format "feedwise-history/1")."""
        learner_id = learner.id if isinstance(learner, Learner) else str(learner)
        found = self.learner_by_id(learner_id)
        if found is None:
            raise HistoryError(f"There is no learner with id {learner_id} in this history.")
        attempts = []
        for attempt in self.attempts(found, status=STATUSES):
            item = attempt.to_dict()
            item["decision_entries"] = self.decisions(attempt.id)
            item["record"] = self.attempt_record(attempt.id)
            attempts.append(item)
        return {
            "format": HISTORY_FORMAT,
            "learner": asdict(found),
            "attempts": attempts,
            "techniques": [asdict(state) for state in self.technique_states(found).values()],
        }
