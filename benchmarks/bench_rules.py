"""Benchmark the rules core: commands per second, a whole bot round, debrief + record, and a result write."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.rules.bots import make_policy, play  # noqa: E402
from game.rules.debrief import debrief  # noqa: E402
from game.rules.engine import new_round  # noqa: E402
from game.rules.record import result_record  # noqa: E402
from game.scenario.model import LoadedScenario, Scenario, Technique  # noqa: E402
from game.store.results import write_result  # noqa: E402

POSTS = 40


def _scenario() -> LoadedScenario:
    techniques = {
        "conspiracy": Technique(id="conspiracy", name="Conspiracy", definition="A secret plot.", tip="Ask for evidence."),
        "urgency-pressure": Technique(id="urgency-pressure", name="Urgency", definition="Hurry!", tip="Slow down."),
    }
    posts = []
    for index in range(POSTS):
        misleading = index % 2 == 0
        technique = "conspiracy" if index % 4 == 0 else "urgency-pressure"
        posts.append(
            {
                "id": f"p{index}",
                "author": "a",
                "text": f"Post {index}: they are hiding it, act now before it is gone.",
                "verdict": "misinformation" if misleading else "reliable",
                "techniques": [{"id": technique, "evidence": "act now", "note": "pressure"}] if misleading else [],
                "image": {"file": "x.png"} if index % 3 == 0 else None,
                "explanation": "Because.",
            }
        )
    scenario = Scenario.model_validate(
        {"id": "bench", "title": "Bench", "language": "en", "accounts": [{"id": "a", "name": "A", "handle": "@a"}], "posts": posts}
    )
    return LoadedScenario(scenario=scenario, path="bench", sha256="0" * 64, techniques=techniques)


def _best_of(function, repeats: int = 5) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def run() -> dict[str, float]:
    loaded = _scenario()
    state, events = play(new_round(loaded, seed=1, shuffle=True), make_policy("random", 1))
    commands = len(state.decisions) + len(state.tool_uses)
    round_seconds = _best_of(lambda: play(new_round(loaded, seed=1, shuffle=True), make_policy("random", 1)))
    debrief_seconds = _best_of(lambda: debrief(state))
    record = result_record(state, result_id="bench", player_id="p", player_name="n", session=None,
                           started_at="2025-01-01T00:00:00Z", finished_at="2025-01-01T00:10:00Z")
    record_seconds = _best_of(lambda: result_record(state, result_id="bench", player_id="p", player_name="n", session=None,
                                                    started_at="2025-01-01T00:00:00Z", finished_at="2025-01-01T00:10:00Z"))
    with tempfile.TemporaryDirectory() as folder:
        write_seconds = _best_of(lambda: write_result(folder, record), repeats=10)
    return {
        "rules_random_round_40_posts_ms": round(round_seconds * 1000, 2),
        "rules_apply_per_command_us": round(round_seconds / commands * 1e6, 1),
        "rules_debrief_40_posts_ms": round(debrief_seconds * 1000, 2),
        "rules_result_record_40_posts_ms": round(record_seconds * 1000, 2),
        "store_write_result_ms": round(write_seconds * 1000, 2),
    }


if __name__ == "__main__":
    print(run())
