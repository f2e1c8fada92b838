"""One round as the shell runs it: the rules state, the commands sent to it, and the round observers.

`RoundDriver` holds the current `RoundState`, sends commands through `game.rules.engine.apply` with
the `now` the app's clock gives, and tells observers what happened. Observers are how results are
kept without the scenes knowing: `ResultFileObserver` writes the result file when the round ends;
the learner history (SQLite) attaches another observer with the same three methods.

No pygame here (this module is shell logic, not drawing); it reads the wall clock only for the
result record's dates, through the callable it is given.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Optional, Protocol, Sequence

from game.rules.engine import Step, apply, new_round
from game.rules.events import RoundOver
from game.rules.record import result_record
from game.rules.state import RoundState
from game.scenario.model import LoadedScenario
from game.store.session_save import SaveOutcome, save_result, save_result_file


@dataclass(frozen=True)
class RoundInfo:
    """Who plays which round, and when it started (wall clock, for records only)."""

    result_id: str
    player_id: str
    player_name: str
    session: Optional[str]
    started_at: datetime
    language: str


class RoundObserver(Protocol):
    """Watches a round. Each method must be quick and must not raise (errors are caught and kept)."""

    def on_start(self, state: RoundState, info: RoundInfo) -> None: ...

    def on_decision(self, state: RoundState, command: Any, step: Step) -> None: ...

    def on_finish(self, state: RoundState, info: RoundInfo, record: dict) -> None: ...


class ResultFileObserver:
    """Writes the result record when the round ends: into `folder` (atomic, unique file name), or to
    exactly `exact_path` when given (autoplay's `--out FILE`). When that fails (a full disk, a pulled
    USB stick) the record goes into `fallback`, the data folder's `results/`, and `outcome` says so."""

    def __init__(self, folder: Path, exact_path: Optional[Path] = None, fallback: Optional[Path] = None) -> None:
        self.folder = Path(folder)
        self.exact_path = Path(exact_path) if exact_path is not None else None
        self.fallback = Path(fallback) if fallback is not None else None
        self.last_path: Optional[Path] = None
        self.outcome: Optional[SaveOutcome] = None

    def on_start(self, state: RoundState, info: RoundInfo) -> None:
        pass

    def on_decision(self, state: RoundState, command: Any, step: Step) -> None:
        pass

    def on_finish(self, state: RoundState, info: RoundInfo, record: dict) -> None:
        if self.exact_path is not None:
            self.outcome = save_result_file(record, self.exact_path, self.fallback)
        else:
            self.outcome = save_result(record, self.folder, self.fallback, create=True)
        self.last_path = self.outcome.path


def player_id_for(name: str) -> str:
    """A stable pseudonymous id for a name or ID typed at the menu (the name itself is not in it)."""
    cleaned = " ".join(name.split()).casefold()
    if not cleaned:
        return "anonymous"
    return "p-" + hashlib.sha256(cleaned.encode("utf-8")).hexdigest()[:12]


@dataclass
class RoundDriver:
    loaded: LoadedScenario
    info: RoundInfo
    observers: Sequence[RoundObserver] = ()
    wall_clock: Callable[[], datetime] = field(default=lambda: datetime.now().astimezone())
    seed: Optional[int] = None
    shuffle: bool = False
    clock_origin: float = 0.0  # the app time at which this round's `now` is 0 (set by the shell)
    state: RoundState = field(init=False)
    record: Optional[dict] = field(default=None, init=False)
    problems: list[str] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self.state = new_round(self.loaded, seed=self.seed, shuffle=self.shuffle, now=0.0)
        self._notify("on_start", self.state, self.info)

    @classmethod
    def start(
        cls,
        loaded: LoadedScenario,
        *,
        player_name: str,
        language: str,
        session: Optional[str] = None,
        observers: Sequence[RoundObserver] = (),
        wall_clock: Optional[Callable[[], datetime]] = None,
        seed: Optional[int] = None,
        shuffle: bool = False,
        player_id: Optional[str] = None,
    ) -> "RoundDriver":
        clock = wall_clock or (lambda: datetime.now().astimezone())
        info = RoundInfo(
            result_id=str(uuid.uuid4()),
            player_id=player_id or player_id_for(player_name),  # the history's learner id when there is one
            player_name=player_name.strip(),
            session=session,
            started_at=clock(),
            language=language,
        )
        return cls(loaded, info, tuple(observers), clock, seed, shuffle)

    def _notify(self, method: str, *args: Any) -> None:
        for observer in self.observers:
            try:
                getattr(observer, method)(*args)
            except Exception as error:  # an observer must never break the round
                self.problems.append(f"{type(observer).__name__}.{method}: {error}")

    @property
    def over(self) -> bool:
        return self.state.over

    def apply(self, command: Any, now: float) -> Step:
        """Send a command to the rules at `now` (seconds since the round started)."""
        was_over = self.state.over
        step = apply(self.state, command, now)
        self.state = step.state
        if step.rejected is None and step.events:
            self._notify("on_decision", self.state, command, step)
        if not was_over and self.state.over:
            self._finish()
        return step

    def _finish(self) -> None:

        finished_at = self.wall_clock()
        try:
            self.record = result_record(
                self.state,
                result_id=self.info.result_id,
                player_id=self.info.player_id,
                player_name=self.info.player_name,
                session=self.info.session,
                started_at=self.info.started_at,
                finished_at=finished_at,
            )
        except Exception as error:
            self.problems.append(f"result_record: {error}")
            return
        self._notify("on_finish", self.state, self.info, self.record)

    def round_over_event(self, step: Step) -> Optional[RoundOver]:
        return next((event for event in step.events if isinstance(event, RoundOver)), None)


def save_outcome(driver: RoundDriver) -> Optional[SaveOutcome]:
    """How the round's result file was saved (None: not finished, or nothing asked to save it)."""
    for observer in driver.observers:
        outcome = getattr(observer, "outcome", None) if isinstance(observer, ResultFileObserver) else None
        if outcome is not None:
            return outcome
    return None


def result_path(driver: RoundDriver) -> Optional[str]:
    """Where the round's result file was written, or None (not finished, or no file)."""
    for observer in driver.observers:
        if isinstance(observer, ResultFileObserver) and observer.last_path is not None:
            return str(observer.last_path)
    return None
