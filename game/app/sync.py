"""Sending the xAPI statements of result folders to a Learning Record Store, offline first.

- `sync_folders(folders, data_folder, client)`: builds every result's statements
  (`game.app.statement_source`), queues the new ones in the outbox (`game.store.outbox`), then
  POSTs everything pending in batches to `<endpoint>statements` with
  `X-Experience-API-Version: 1.0.3`, and returns a `SyncReport` (`summary_line()` says it in one line).
- Delivered: an answer of 204, or 200 whose body lists only ids of the batch (the new ones).
- 409, 400 or 422 for a batch: the batch is split in halves until the statement at fault is alone; it
  is then marked refused with the LRS's reason and never sent again (no retry loop).
- No network, a timeout, 5xx, 401/403 or an answer that makes no sense: the run stops, the
  statements stay pending, and the next run sends them.
- The password is only ever put in the Authorization header: never printed, logged or stored.

No pygame; the network is reached only through `LrsClient` (stdlib urllib), which tests replace.
"""

from __future__ import annotations

import base64
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from game.app import statement_source
from game.store.outbox import DELIVERED, REFUSED, Outbox

XAPI_VERSION = "1.0.3"
BATCH_SIZE = 100
TIMEOUT_SECONDS = 20.0
Progress = Callable[[int, int], None]


class SyncError(Exception):
    """A problem with the sync's own arguments (address, password file): a plain message."""


class Unreachable(Exception):
    """The LRS could not be reached or gave no usable answer; the statements stay in the outbox."""


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str = field(repr=False)

    def header(self) -> str:
        token = base64.b64encode(f"{self.user}:{self.password}".encode("utf-8")).decode("ascii")
        return f"Basic {token}"


def statements_url(endpoint: str) -> str:
    """`<endpoint>statements` for an xAPI endpoint such as `http://127.0.0.1:8100/xAPI/`; plain errors for bad ones."""
    parts = urllib.parse.urlsplit(endpoint.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SyncError(f"--lrs {endpoint!r}: give the LRS's xAPI address, e.g. http://127.0.0.1:8100/xAPI/")
    if parts.username is not None or parts.password is not None:
        raise SyncError("--lrs: put no user or password in the address; use --user and --password-file")
    if parts.query or parts.fragment:
        raise SyncError(f"--lrs {endpoint!r}: the address must not have a query (?...) or a fragment (#...)")
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path + "statements", "", ""))


def read_password(path: str) -> str:
    """The password: the password file's first line (its line ending removed)."""
    try:
        with open(path, encoding="utf-8") as handle:
            password = handle.readline().rstrip("\r\n")
    except (OSError, UnicodeDecodeError) as error:
        raise SyncError(f"--password-file {path}: cannot read it ({getattr(error, 'strerror', None) or error})") from None
    if not password:
        raise SyncError(f"--password-file {path}: the file is empty (put the password on its first line)")
    return password


class LrsClient:
    """POSTs statements to one LRS. `post(batch)` returns (HTTP status, body) or raises `Unreachable`."""

    def __init__(self, endpoint: str, credentials: Credentials, timeout: float = TIMEOUT_SECONDS,
                 opener: Callable[..., object] = urllib.request.urlopen):
        self.url = statements_url(endpoint)
        self._credentials = credentials
        self._timeout = timeout
        self._open = opener

    def post(self, batch: Sequence[dict]) -> tuple[int, bytes]:
        data = json.dumps(list(batch), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        request = urllib.request.Request(self.url, data=data, method="POST", headers={
            "Content-Type": "application/json; charset=utf-8",
            "X-Experience-API-Version": XAPI_VERSION,
            "Authorization": self._credentials.header(),
        })
        try:
            with self._open(request, timeout=self._timeout) as response:
                return int(response.status), response.read()
        except urllib.error.HTTPError as error:
            return int(error.code), error.read() or b""
        except (urllib.error.URLError, OSError, socket.timeout) as error:
            reason = getattr(error, "reason", None) or error
            raise Unreachable(f"cannot reach {self.url} ({reason})") from None


@dataclass
class SyncReport:
    results: int = 0
    skipped_files: int = 0
    statements: int = 0
    queued: int = 0
    delivered_before: int = 0
    delivered: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)
    changed: tuple[str, ...] = ()
    waiting: int = 0
    stopped: str = ""

    @property
    def ok(self) -> bool:
        return not (self.refused or self.changed or self.waiting or self.stopped)

    def summary_line(self) -> str:
        line = (f"sync: {self.statements} statements from {self.results} results: {self.delivered} delivered now, "
                f"{self.delivered_before} already delivered, {len(self.refused)} refused, "
                f"{len(self.changed)} changed after delivery (not sent), {self.waiting} waiting in the outbox")
        return line + (f"; stopped: {self.stopped}, run sync again later" if self.stopped else "") + "."


def _accepted(status: int, body: bytes, batch: Sequence[dict]) -> bool | None:
    """True: delivered. False: refused (409/400). None: no usable answer."""
    if status == 204:
        return True
    if status == 200:
        try:
            ids = json.loads(body.decode("utf-8") or "[]")
        except (UnicodeDecodeError, json.JSONDecodeError):
            return None
        sent = {statement["id"] for statement in batch}
        return True if isinstance(ids, list) and all(isinstance(i, str) and i in sent for i in ids) else None
    if status in (400, 409, 422):  # the batch holds a statement the LRS will never take
        return False
    return None


def _reason(status: int, body: bytes) -> str:
    text = body.decode("utf-8", "replace").strip()
    try:
        text = str(json.loads(text).get("detail", text))
    except (json.JSONDecodeError, AttributeError):
        pass
    return f"HTTP {status}" + (f": {text[:200]}" if text else "")


def deliver(outbox: Outbox, client: LrsClient, report: SyncReport, *, batch_size: int = BATCH_SIZE,
            result_ids: Sequence[str] | None = None, progress: Progress | None = None) -> None:
    """Send what is pending (of `result_ids` only, when given), updating the outbox and `report`."""
    pending = outbox.pending(result_ids)
    queue = [pending[start:start + batch_size] for start in range(0, len(pending), batch_size)]
    done = 0
    while queue:
        batch = queue.pop(0)
        try:
            status, body = client.post(batch)
        except Unreachable as error:
            report.stopped = str(error)
            return
        accepted = _accepted(status, body, batch)
        if accepted is None:
            report.stopped = ("the LRS refused the user or password" if status in (401, 403) else "the LRS gave no usable answer") + f" ({_reason(status, body)})"
            return
        if accepted:
            outbox.mark([statement["id"] for statement in batch], DELIVERED)
            report.delivered += len(batch)
        elif len(batch) > 1:  # find the statement at fault: each half is sent once
            middle = len(batch) // 2
            queue[:0] = [batch[:middle], batch[middle:]]
            continue
        else:
            reason = _reason(status, body)
            outbox.mark([batch[0]["id"]], REFUSED, reason)
            report.refused.append((batch[0]["id"], reason))
        done += len(batch)
        if progress is not None:
            progress(done, len(pending))


def queue_folders(folders: Iterable[str], outbox: Outbox, report: SyncReport, session: str | None = None) -> list[str]:
    """Read the result folders and queue their statements; returns the result ids found."""
    found = statement_source.read_results(list(folders), session=session)
    report.skipped_files = len(found.skipped)
    return queue_records(found.records, outbox, report)


def queue_records(records: Sequence[dict], outbox: Outbox, report: SyncReport) -> list[str]:
    """Queue the statements of checked result records; returns their result ids."""
    pairs = [(record["result_id"], statement) for record in records for statement in statement_source.statements_for_record(record)]
    added = outbox.add(pairs, statement_source.STATEMENT_FORMAT)
    report.results += len(records)
    report.statements += len(pairs)
    report.queued += added.queued
    report.delivered_before += added.delivered
    report.changed += added.changed
    return [record["result_id"] for record in records]


def sync_folders(folders: Iterable[str], data_folder: Path, client: LrsClient | None, *, session: str | None = None,
                 batch_size: int = BATCH_SIZE, progress: Progress | None = None, only_these: bool = False) -> SyncReport:
    """Queue the folders' statements and send everything pending (only theirs with `only_these`).

    With `client=None` the statements are only queued (no network): a later sync sends them.
    """
    report = SyncReport()
    with Outbox(data_folder) as outbox:
        result_ids = queue_folders(folders, outbox, report, session)
        if client is not None:
            deliver(outbox, client, report, batch_size=batch_size, result_ids=result_ids if only_these else None, progress=progress)
        report.waiting = outbox.counts()["pending"]
    return report
