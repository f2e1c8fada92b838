"""The session option `play --session ... --sync-lrs URL --user USER --password-file FILE`.

`SessionSync.trainee_done(paths)` is called at the end of each trainee's run with the result files
just written: it queues their statements in the outbox and sends everything pending, in a
background thread so the next trainee never waits for the network. Without a network the
statements stay in the outbox; the next trainee's sync (or `feedwise sync`) sends them.
One line per sync goes to the console (`report` callback); never the password.

No pygame; the network and the outbox are reached through game.app.sync.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from game.app import statement_source
from game.app.sync import Credentials, LrsClient, SyncReport, deliver, queue_records, read_password
from game.store.outbox import Outbox, OutboxDamaged


class SessionSync:
    """Built at session start (raises `game.app.sync.SyncError` for a bad address or password file)."""

    def __init__(self, endpoint: str, user: str, password_file: str, data_folder: Path,
                 report: Callable[[str], None] = print, timeout: float = 10.0):
        self._client = LrsClient(endpoint, Credentials(user, read_password(password_file)), timeout=timeout)
        self._data_folder = Path(data_folder)
        self._report = report
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self.reports: list[SyncReport] = []

    def trainee_done(self, paths: Iterable[Path | str | None]) -> None:
        files = [str(path) for path in paths if path is not None]
        thread = threading.Thread(target=self._sync, args=(files,), name="feedwise-lrs-sync", daemon=True)
        self._threads.append(thread)
        thread.start()

    def _sync(self, files: list[str]) -> None:
        records = [record for record in map(statement_source.read_result_file, files) if record is not None]
        report = SyncReport()
        with self._lock:
            try:
                with Outbox(self._data_folder) as outbox:
                    queue_records(records, outbox, report)
                    deliver(outbox, self._client, report)
                    report.waiting = outbox.counts()["pending"]
            except OutboxDamaged as error:
                report.stopped = str(error)
            self.reports.append(report)
        self._report("feedwise: LRS " + report.summary_line())

    def wait(self, timeout: float = 30.0) -> None:
        """Let running syncs finish (the app is closing, or a test checks the result)."""
        for thread in self._threads:
            thread.join(timeout)
