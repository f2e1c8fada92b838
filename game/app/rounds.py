"""The rounds a learner's history opens: Resume (a driver carried on from the saved state), Review
(a finished round the debrief reads), Replay (the scenario to play again) and "Practice my weak
spots" (the practice-pool selection policy and the round built from it by `game.rules.practice`).

No pygame, no files of its own: the history is read through the `HistoryService` it is given.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, Optional, Sequence

from game.app.history_observer import HistoryService, parse_iso
from game.app.round_driver import RoundDriver, RoundInfo
from game.rules.practice import DEFAULT_ROUND_SIZE, PracticeUnavailable, build_practice_round
from game.rules.state import RoundState
from game.scenario.model import LoadedScenario
from game.store.history import KIND_WEAK_SPOTS, Attempt, HistoryError, Learner


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
