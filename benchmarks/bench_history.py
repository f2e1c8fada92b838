"""Benchmark the learner history and the practice builder: milliseconds per committed decision,
to open a history, and to build a 10-post practice round from 200 posts."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.rules.practice import TechniqueState, build_practice_round  # noqa: E402
from game.scenario.model import LoadedScenario, Scenario, Technique  # noqa: E402
from game.store.history import History  # noqa: E402

TECHNIQUES = {t: Technique(id=t, name=t, definition=t, tip=t) for t in ("conspiracy", "urgency-pressure", "fake-experts", "clickbait")}


def _scenario(scenario_id: str, posts: int) -> LoadedScenario:
    ids = sorted(TECHNIQUES)
    post_dicts = [
        {
            "id": f"p{i}",
            "author": "a",
            "text": f"post {i} [x]",
            "verdict": "scam" if i % 2 else "reliable",
            "techniques": [{"id": ids[i % len(ids)], "evidence": "[x]", "note": "n"}] if i % 2 else [],
            "explanation": "e",
        }
        for i in range(posts)
    ]
    scenario = Scenario.model_validate(
        {"id": scenario_id, "title": scenario_id, "language": "en", "accounts": [{"id": "a", "name": "A", "handle": "@a"}], "posts": post_dicts}
    )
    return LoadedScenario(scenario=scenario, path=f"scenarios/{scenario_id}/{scenario_id}.en.yaml", sha256="0" * 64, techniques=TECHNIQUES)


def run() -> dict[str, float]:
    figures = {}
    decisions = 200
    loaded = _scenario("bench", decisions)
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        history = History.open(folder)
        figures["history_open_new_ms"] = (time.perf_counter() - started) * 1000
        learner = history.learner("Bench", now="2025-03-10T09:00:00Z")
        attempt = history.start_attempt(learner, loaded, mode="practice", seed=1, session=None, started_at="2025-03-10T09:00:00Z", state={"n": 0})
        started = time.perf_counter()
        for index, post in enumerate(loaded.scenario.posts, start=1):
            entry = {"post": post.id, "order": index, "action": "flag", "tools": [], "reasons": [], "correct": True, "points": 10, "seconds": 1.0}
            history.record_decision(attempt, entry, {"n": index, "padding": "x" * 2000}, recorded_at="2025-03-10T09:01:00Z")
        figures["history_record_decision_ms"] = (time.perf_counter() - started) * 1000 / decisions
        history.close()
        started = time.perf_counter()
        History.open(folder).close()
        figures["history_open_existing_ms"] = (time.perf_counter() - started) * 1000
    pool = [_scenario(f"s{i}", 20) for i in range(10)]
    states = {t: TechniqueState(t, box=1 + i, due="2025-03-09", seen=3, missed=i % 3) for i, t in enumerate(sorted(TECHNIQUES))}
    rounds = 50
    started = time.perf_counter()
    for seed in range(rounds):
        build_practice_round(pool, language="en", technique_states=states, today="2025-03-10", seed=seed)
    figures["practice_build_round_ms"] = (time.perf_counter() - started) * 1000 / rounds
    return {name: round(value, 3) for name, value in figures.items()}


if __name__ == "__main__":
    for name, value in run().items():
        print(f"{name}: {value}")
