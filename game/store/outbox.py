"""The xAPI outbox: a SQLite database (`<data dir>/outbox.sqlite3`) of statements waiting for the LRS
and of those already delivered.

- One row per statement id: its result id, the statement format it was built with, a SHA-256 of its
  canonical JSON, the JSON itself, and its state: `pending` (to send), `delivered` (the LRS took
  it), or `refused` (the LRS answered 409 or 400 for it alone; never sent again, reported instead).
- `add` queues new statements. A statement whose id was already delivered with other content is
  never queued again: the LRS keeps the first version, so sending a changed statement under an old
  id would be refused (or worse, silently differ); `add` counts it as `changed` for the report.
  A pending statement whose content changed is replaced (nothing was delivered yet).
- Delivered rows are kept: they are the record of what the LRS holds.
- Holds statements only. The LRS address, user and password are never written here.
- WAL mode, `synchronous=FULL`, every change in one transaction: a crash loses no statement.

Touches only its own database file; no network, no pygame.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

OUTBOX_NAME = "outbox.sqlite3"
APPLICATION_ID = 0x46577842  # "FWxB"
SCHEMA_VERSION = 1
PENDING, DELIVERED, REFUSED = "pending", "delivered", "refused"
SCHEMA = """
CREATE TABLE IF NOT EXISTS statements (
    id TEXT PRIMARY KEY,
    result_id TEXT NOT NULL,
    format TEXT NOT NULL,
    digest TEXT NOT NULL,
    body TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'refused')),
    reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS statements_state ON statements (state);
"""


class OutboxDamaged(RuntimeError):
    """The outbox file is not a Feedwise outbox or cannot be read (a plain message)."""


@dataclass(frozen=True)
class Added:
    """What `add` did with each statement: newly queued, already queued, already delivered, refused
    earlier, or changed after delivery (those ids are listed and not sent)."""

    queued: int = 0
    waiting: int = 0
    delivered: int = 0
    refused: int = 0
    changed: tuple[str, ...] = ()


def canonical_json(statement: dict) -> str:
    return json.dumps(statement, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Outbox:
    """The outbox in one data folder. Use as a context manager, or call `close()`."""

    def __init__(self, folder: Path):
        self.path = Path(folder) / OUTBOX_NAME
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(self.path), timeout=5, isolation_level=None)
            self._open()
        except sqlite3.DatabaseError as error:
            raise OutboxDamaged(f"{self.path}: not a readable Feedwise outbox ({error}); move it aside and sync again.") from None
        except OSError as error:
            raise OutboxDamaged(f"{self.path}: cannot open the outbox ({error}).") from None

    def _open(self) -> None:
        db = self._db
        application_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if application_id not in (0, APPLICATION_ID) or version > SCHEMA_VERSION:
            raise sqlite3.DatabaseError("a different file or a newer Feedwise made it")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        with self._transaction():
            for part in SCHEMA.split(";"):  # not executescript: it would commit on its own
                if part.strip():
                    db.execute(part)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def __enter__(self) -> "Outbox":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def add(self, statements: Iterable[tuple[str, dict]], statement_format: str) -> Added:
        """Queue `(result_id, statement)` pairs that are not delivered yet (see the module docstring)."""
        queued = 0
        known = {PENDING: 0, DELIVERED: 0, REFUSED: 0}
        changed: list[str] = []
        with self._transaction():
            for result_id, statement in statements:
                body = canonical_json(statement)
                row = self._db.execute("SELECT digest, state FROM statements WHERE id = ?", (statement["id"],)).fetchone()
                if row is None:
                    self._db.execute("INSERT INTO statements (id, result_id, format, digest, body, state) VALUES (?, ?, ?, ?, ?, ?)",
                                     (statement["id"], result_id, statement_format, digest(body), body, PENDING))
                    queued += 1
                elif row[0] == digest(body) or row[1] == PENDING:
                    if row[1] == PENDING and row[0] != digest(body):  # not delivered yet: send the new content
                        self._db.execute("UPDATE statements SET digest = ?, body = ?, format = ? WHERE id = ?",
                                         (digest(body), body, statement_format, statement["id"]))
                    known[row[1]] += 1
                else:
                    changed.append(statement["id"])
        return Added(queued, known[PENDING], known[DELIVERED], known[REFUSED], tuple(changed))

    def pending(self, result_ids: Sequence[str] | None = None) -> list[dict]:
        """The statements still to send, in the order they were queued (optionally of some results only)."""
        rows = self._db.execute("SELECT result_id, body FROM statements WHERE state = ? ORDER BY rowid", (PENDING,)).fetchall()
        wanted = set(result_ids) if result_ids is not None else None
        return [json.loads(body) for result_id, body in rows if wanted is None or result_id in wanted]

    def mark(self, ids: Iterable[str], state: str, reason: str = "") -> None:
        with self._transaction():
            self._db.executemany("UPDATE statements SET state = ?, reason = ? WHERE id = ? AND state = ?",
                                 [(state, reason, statement_id, PENDING) for statement_id in ids])

    def counts(self) -> dict[str, int]:
        found = dict(self._db.execute("SELECT state, COUNT(*) FROM statements GROUP BY state").fetchall())
        return {state: int(found.get(state, 0)) for state in (PENDING, DELIVERED, REFUSED)}

    def state_of(self, statement_id: str) -> str | None:
        row = self._db.execute("SELECT state FROM statements WHERE id = ?", (statement_id,)).fetchone()
        return row[0] if row else None
