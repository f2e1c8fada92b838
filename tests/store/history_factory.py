"""Test helpers for the learner history: a small in-memory scenario and a way to play it through the
real rules engine while recording every step, as the game shell does."""

from __future__ import annotations

from typing import Any, Optional

from game.rules.commands import EndRound, Flag, Share, Skip, UseTool
from game.rules.engine import apply, new_round
from game.rules.record import result_record
from game.rules.state import state_to_dict
from game.scenario.model import LoadedScenario, Scenario, Technique

TECHNIQUES = {
    t: Technique(id=t, name=t.replace("-", " ").title(), definition=f"About {t}.", tip=f"Spot {t}.")
    for t in ("conspiracy", "urgency-pressure", "too-good-to-be-true", "fake-experts")
}


def make_scenario(scenario_id: str = "flood-rumours", *, language: str = "en", posts: int = 6) -> LoadedScenario:
    """Posts alternate misinformation (with a technique) and reliable ones."""
    technique_ids = sorted(TECHNIQUES)
    post_dicts = []
    for index in range(posts):
        misleading = index % 2 == 0
        technique = technique_ids[(index // 2) % len(technique_ids)]
        post_dicts.append(
            {
                "id": f"p{index}",
                "author": "dara",
                "text": f"Post {index} [{technique}]",
                "verdict": "misinformation" if misleading else "reliable",
                "techniques": [{"id": technique, "evidence": f"[{technique}]", "note": "Here."}] if misleading else [],
                "explanation": "Because.",
            }
        )
    scenario = Scenario.model_validate(
        {
            "id": scenario_id,
            "title": f"Title of {scenario_id}",
            "language": language,
            "accounts": [{"id": "dara", "name": "Dara", "handle": "@dara"}],
            "posts": post_dicts,
        }
    )
    return LoadedScenario(scenario=scenario, path=f"scenarios/{scenario_id}/{scenario_id}.{language}.yaml", sha256="a" * 64, techniques=TECHNIQUES)


def stamp(second: int) -> str:
    return f"2025-03-10T09:{second // 60:02d}:{second % 60:02d}Z"


def play(history: Any, learner: Any, loaded: LoadedScenario, *, flag_all: bool = True, stop_after: Optional[int] = None, seed: int = 7) -> tuple[str, Any, Optional[dict]]:
    """Play a round, recording each step. Returns (attempt id, final state, record or None if stopped)."""
    state = new_round(loaded, seed=seed, shuffle=True, now=0.0)
    attempt_id = history.start_attempt(learner, loaded, mode=state.mode, seed=seed, session="S1", started_at=stamp(0), state=state_to_dict(state))
    for index, post_id in enumerate(state.order):
        if stop_after is not None and index >= stop_after:
            return attempt_id, state, None
        if index == 0:
            step = apply(state, UseTool(post_id, "search"), now=index + 0.5)
            history.record_step(attempt_id, step, recorded_at=stamp(index + 1))
            state = step.state
        command = Flag(post_id) if flag_all else (Share(post_id) if index % 2 else Skip(post_id))
        step = apply(state, command, now=index + 1.0)
        assert step.rejected is None
        history.record_step(attempt_id, step, recorded_at=stamp(index + 1))
        state = step.state
    if not state.over:
        step = apply(state, EndRound(), now=99.0)
        history.record_step(attempt_id, step, recorded_at=stamp(99))
        state = step.state
    record = result_record(state, result_id=attempt_id, player_id=learner.id, player_name=learner.name, session="S1", started_at=stamp(0), finished_at=stamp(100))
    history.finish_attempt(attempt_id, record, state=state)
    return attempt_id, state, record
