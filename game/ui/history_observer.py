"""The learner history as the shell uses it: a `HistoryService` (the open history of the data folder,
profiles, recent learners), the `HistoryObserver` that records every round into it, and the pure
helpers behind Resume, Review, Replay and "Practice my weak spots".

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

import random
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

from game.rules.engine import Step
from game.rules.record import iso_utc
from game.rules.state import RoundState
from game.scenario.model import LoadedScenario
from game.store.history import Attempt, History, HistoryDamaged, HistoryError, Learner, KIND_WEAK_SPOTS
from game.ui.round_driver import RoundDriver, RoundInfo

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
        history = self.history()
        if history is None:
            return []
        try:
            return history.list_learners()[:limit]
        except HistoryError:
            return []

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


# --- resume, review, replay, practice ------------------------------------------------------------


@dataclass
class ResumedRoundDriver(RoundDriver):
    """A round carried on from its saved `RoundState` (same attempt id, same start time)."""

    saved_state: Optional[RoundState] = None

    def __post_init__(self) -> None:
        if self.saved_state is None:
            raise ValueError("A resumed round needs its saved state.")
        self.state = self.saved_state
        self._notify("on_start", self.state, self.info)


def resumed_driver(
    service: HistoryService,
    attempt_id: str,
    *,
    observers: Sequence[Any],
    language: str,
    wall_clock: Optional[Callable[[], datetime]] = None,
) -> ResumedRoundDriver:
    """A driver that continues an unfinished attempt. Raises `HistoryError` when it cannot be resumed."""
    history = service.require()
    attempt = history.attempt(attempt_id)
    if attempt is None or attempt.status != "unfinished":
        raise HistoryError("This round can no longer be resumed.")
    state = history.round_state(attempt_id)
    info = RoundInfo(
        result_id=attempt.id,
        player_id=attempt.learner_id,
        player_name=attempt.learner_name,
        session=attempt.session,
        started_at=parse_iso(attempt.started_at),
        language=language,
    )
    clock = wall_clock or (lambda: datetime.now().astimezone())
    return ResumedRoundDriver(state.loaded, info, tuple(observers), clock, saved_state=state)


@dataclass
class ReviewedRound:
    """A finished round opened for review: the debrief reads it, nothing can change it."""

    state: RoundState
    observers: tuple = field(default=())

    @property
    def loaded(self) -> LoadedScenario:
        return self.state.loaded

    @property
    def over(self) -> bool:
        return True


def reviewed_round(service: HistoryService, attempt_id: str) -> ReviewedRound:
    return ReviewedRound(service.require().round_state(attempt_id))


def replay_scenario(service: HistoryService, attempt: Attempt, library: Any) -> LoadedScenario:
    """The scenario to play again for a past attempt: the installed file when it is unchanged or
    still installed in that language, else the copy saved with the attempt (practice rounds too)."""
    if attempt.kind != KIND_WEAK_SPOTS and library is not None:
        family = library.find(attempt.scenario_id)
        if family is not None and attempt.language in family.versions:
            return family.versions[attempt.language]
    return service.require().attempt_scenario(attempt.id)


def fresh_seed(fixed: Optional[int] = None) -> int:
    """A new feed-order seed (the given one when tests or the facilitator fixed it)."""
    return fixed if fixed is not None else random.SystemRandom().randrange(1, 2**31)


def practice_pools(library: Any, language: str) -> list[list[LoadedScenario]]:
    """The scenario sets to build a weak-spots round from, best first: the reviewed (non-draft)
    scenarios in the language, then every scenario in it (a language whose scenarios are all
    drafts, like the built-in Khmer, must still be able to practise)."""
    in_language = [family.versions[language] for family in library.families if language in family.versions]
    reviewed = [loaded for loaded in in_language if loaded.scenario.translation_status.value != "draft"]
    if reviewed and len(reviewed) < len(in_language):
        return [reviewed, in_language]
    return [in_language]


def build_weak_spots_round(
    service: HistoryService,
    learner: Learner,
    library: Any,
    *,
    language: str,
    seed: int,
    title: str,
    description: str,
) -> LoadedScenario:
    """A "Practice my weak spots" round for this learner. Raises `PracticeUnavailable` when the
    installed scenarios cannot make one in this language."""
    from game.rules.practice import DEFAULT_ROUND_SIZE, PracticeUnavailable, build_practice_round

    history = service.require()
    states = history.technique_states(learner)
    last_posts = history.last_practice_posts(learner)
    today = service.now()[:10]
    best: Optional[LoadedScenario] = None
    for pool in practice_pools(library, language):
        try:
            built = build_practice_round(
                pool,
                language=language,
                technique_states=states,
                last_round_posts=last_posts,
                today=today,
                seed=seed,
                title=title,
            )
        except PracticeUnavailable:
            continue
        if best is None or len(built.scenario.posts) > len(best.scenario.posts):
            best = built
        if len(built.scenario.posts) >= DEFAULT_ROUND_SIZE:
            break
    if best is None:
        raise PracticeUnavailable(f"No practice round can be built from the scenarios in {language!r}.")
    scenario = best.scenario.model_copy(update={"description": description})
    return LoadedScenario(scenario=scenario, path=best.path, sha256=best.sha256, techniques=best.techniques)
