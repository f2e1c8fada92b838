"""The learner history as the shell uses it: a `HistoryService` (the open history of the data folder,
profiles, recent learners) and the `HistoryObserver` that records every round into it. The rounds
behind Resume, Review, Replay and "Practice my weak spots" are built in `game.app.rounds`.

The observer follows the History API of `game.store.history`: `start_attempt` when a round starts
(the attempt id is the round's `result_id`, so the JSON result file and the history row share one
id), `record_step` after every accepted command (each decision committed as it is made) and
`finish_attempt` with the result record when the round ends. A round that resumes a saved attempt
keeps its id and simply carries on recording.

The history is optional: when the file cannot be opened (damaged, busy, read-only folder) the game
still plays and writes result files; `HistoryService.error` says why in plain words.
No pygame here; the wall clock is read only through the callable the shell passes in.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

from game.app.round_driver import RoundInfo
from game.rules.engine import Step
from game.rules.record import iso_utc
from game.rules.state import RoundState
from game.store.history import KIND_WEAK_SPOTS, Attempt, History, HistoryDamaged, HistoryError, Learner

RECENT_LEARNERS = 8


def parse_iso(text: str) -> datetime:
    """An ISO 8601 time as stored in the history ("2025-03-01T10:15:00Z") as an aware datetime."""
    moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


class HistoryService:
    """The history of one data folder, opened on first use and kept open while the game runs."""

    def __init__(self, data_dir: Path, wall_clock: Optional[Callable[[], datetime]] = None) -> None:
        self.data_dir = Path(data_dir)
        self.wall_clock = wall_clock
        self.error: str = ""  # why the history cannot be used, in plain words ("" when it can)
        self.damaged = False
        self._history: Optional[History] = None

    def now(self) -> str:
        moment = self.wall_clock() if self.wall_clock is not None else datetime.now(timezone.utc)
        return iso_utc(moment)

    def history(self) -> Optional[History]:
        """The open history, or None (and `error` set) when it cannot be used right now."""
        if self._history is None:
            try:
                self._history = History.open(self.data_dir)
                self.error, self.damaged = "", False
            except HistoryDamaged as problem:
                self.error, self.damaged = str(problem), True
            except HistoryError as problem:
                self.error = str(problem)
        return self._history

    def require(self) -> History:
        history = self.history()
        if history is None:
            raise HistoryError(self.error or "The history cannot be opened.")
        return history

    def start_new_history(self) -> Optional[Path]:
        """Keep a damaged history file aside (renamed, never deleted) and start a fresh one."""
        self.close()
        moved = History.move_aside_damaged(self.data_dir, now=self.now())
        self.error, self.damaged = "", False
        self.history()
        return moved

    def close(self) -> None:
        if self._history is not None:
            self._history.close()
            self._history = None

    # --- profiles ---------------------------------------------------------------------------
    def learner(self, name: str) -> Optional[Learner]:
        """The profile for this name, created if new; None when no name is typed or there is no history."""
        if not " ".join(str(name).split()):
            return None
        history = self.history()
        if history is None:
            return None
        try:
            return history.learner(name, now=self.now())
        except HistoryError as problem:
            self.error = str(problem)
            return None

    def find_learner(self, name: str) -> Optional[Learner]:
        """The profile for this name if it exists (never creates one)."""
        history = self.history()
        if history is None or not " ".join(str(name).split()):
            return None
        try:
            return history.find_learner(name)
        except HistoryError:
            return None

    def player_id(self, name: str) -> Optional[str]:
        """The pseudonymous id recorded for this name (the same every time), or None without a history."""
        learner = self.learner(name)
        return learner.id if learner is not None else None

    def recent_learners(self, limit: int = RECENT_LEARNERS) -> list[Learner]:
        """The learners who chose "remember me on this PC", the most recently active first."""
        history = self.history()
        if history is None:
            return []
        try:
            return history.list_learners(remembered_only=True)[:limit]
        except HistoryError:
            return []

    def remember(self, name: str, remembered: bool) -> None:
        """Remember (or forget) the learner of this name on this PC; a new name gets a profile when remembered."""
        history = self.history()
        if history is None or not " ".join(name.split()):
            return
        try:
            learner = history.learner(name, now=self.now()) if remembered else history.find_learner(name)
            if learner is not None:
                history.set_remembered(learner, remembered)
        except HistoryError:
            return  # the menu keeps working; the history screen says what is wrong with the file

    def attempts(self, learner: Learner) -> list[Attempt]:
        """The learner's finished and unfinished rounds, oldest first."""
        return self.require().attempts(learner)

    def unfinished_for(self, learner: Learner, scenario_ids: Sequence[str]) -> Optional[Attempt]:
        """The learner's most recent unfinished round of one of these scenarios, if any."""
        history = self.history()
        if history is None:
            return None
        try:
            for attempt in history.unfinished(learner):
                if attempt.kind != KIND_WEAK_SPOTS and attempt.scenario_id in scenario_ids:
                    return attempt
        except HistoryError:
            return None
        return None

    def post_count(self, attempt_id: str) -> int:
        """How many posts the round of this attempt has (the copy of its scenario kept with it)."""
        return len(self.require().attempt_scenario(attempt_id).scenario.posts)

    def discard(self, attempt_id: str) -> None:
        """Mark an unfinished round as discarded (its answers will not count)."""
        self.require().discard(attempt_id, discarded_at=self.now())


class HistoryObserver:
    """Records one round into the history (a `RoundObserver`). Never raises into the game: the
    driver keeps any error in `problems`, and the result file is written either way."""

    def __init__(self, service: HistoryService) -> None:
        self.service = service
        self.attempt_id: Optional[str] = None

    def on_start(self, state: RoundState, info: RoundInfo) -> None:
        if not " ".join(info.player_name.split()):
            return  # no name typed: nobody's history to add to (the result file is still written)
        history = self.service.require()
        learner = history.learner(info.player_name, now=self.service.now())
        existing = history.attempt(info.result_id)
        if existing is not None and existing.status == "unfinished" and existing.learner_id == learner.id:
            history.save_state(info.result_id, state, updated_at=self.service.now())  # a resumed round
            self.attempt_id = info.result_id
            return
        self.attempt_id = history.start_attempt(
            learner,
            state.loaded,
            mode=state.mode,
            seed=state.seed,
            session=info.session,
            started_at=iso_utc(info.started_at),
            state=state,
            attempt_id=info.result_id,
        )

    def on_decision(self, state: RoundState, command: Any, step: Step) -> None:
        if self.attempt_id is not None:
            self.service.require().record_step(self.attempt_id, step, recorded_at=self.service.now())

    def on_finish(self, state: RoundState, info: RoundInfo, record: dict) -> None:
        if self.attempt_id is not None:
            self.service.require().finish_attempt(self.attempt_id, record, state=state)


def history_observer_factory(service: HistoryService) -> Callable[[], HistoryObserver]:
    """For `Services.observer_factories`: a fresh observer for each new round."""
    return lambda: HistoryObserver(service)


def kept_in_history(driver: Any) -> bool:
    """True when a learner's history is recording this round, so that it can be left and resumed later."""
    return any(isinstance(observer, HistoryObserver) and observer.attempt_id is not None for observer in driver.observers)
