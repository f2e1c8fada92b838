"""Switch learner (shared PCs) lists the most recently active learner first, judged by their LATEST round."""

from history_factory import make_scenario

from game.rules.engine import new_round
from game.store.history import History


def start_at(history, learner, moment):
    loaded = make_scenario()
    state = new_round(loaded, seed=1)
    return history.start_attempt(learner, loaded, mode=state.mode, seed=1, session=None, started_at=moment, state=state)


def test_a_learner_with_many_old_rounds_and_one_new_round_comes_first(tmp_path):
    with History.open(tmp_path) as history:
        dara = history.learner("Dara", now="2025-03-01T08:00:00Z")
        sokha = history.learner("Sokha", now="2025-03-01T08:00:00Z")
        for day in range(1, 6):
            start_at(history, dara, f"2025-03-0{day}T09:00:00Z")
        start_at(history, sokha, "2025-03-07T09:00:00Z")
        assert [learner.name for learner in history.list_learners()] == ["Sokha", "Dara"]
        start_at(history, dara, "2025-03-09T09:00:00Z")
        assert [learner.name for learner in history.list_learners()] == ["Dara", "Sokha"]
