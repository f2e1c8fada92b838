"""The learner history (SQLite): schema and migrations, settings, profiles, attempts, practice state."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from history_factory import make_scenario, play, stamp

from game.rules.debrief import debrief
from game.rules.engine import apply, new_round
from game.rules.commands import EndRound, Flag
from game.rules.practice import build_practice_round
from game.rules.state import state_to_dict
from game.store import history as history_module
from game.store.history import (
    APPLICATION_ID,
    BUSY_TIMEOUT_MS,
    HISTORY_FILE,
    History,
    HistoryError,
    schema_version,
)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def history(tmp_path):
    with History.open(tmp_path / "data") as opened:
        yield opened


@pytest.fixture
def sokha(history):
    return history.learner("Sokha", now=stamp(0))


def raw(path):
    return sqlite3.connect(str(path))


def test_the_history_and_practice_modules_never_import_pygame():
    code = (
        "import sys, game.store.history, game.rules.practice, game.commands.history, game.commands.export; "
        "assert 'pygame' not in sys.modules, 'pygame was imported'"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


class TestSchemaAndMigrations:
    def test_an_empty_folder_gets_a_database_at_the_latest_version_with_every_table(self, tmp_path):
        History.open(tmp_path / "new").close()
        connection = raw(tmp_path / "new" / HISTORY_FILE)
        assert connection.execute("PRAGMA user_version").fetchone()[0] == schema_version() >= 1
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"learners", "attempts", "decisions", "technique_practice", "scenario_snapshots"} <= tables
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    def test_each_migration_step_runs_in_order_from_an_empty_database(self, tmp_path, monkeypatch):
        applied = []
        steps = [
            lambda c: (applied.append(1), history_module._migrate_to_1(c)),
            lambda c: (applied.append(2), c.execute("ALTER TABLE learners ADD COLUMN colour TEXT")),
        ]
        monkeypatch.setattr(history_module, "MIGRATIONS", steps)
        History.open(tmp_path).close()
        assert applied == [1, 2]
        assert raw(tmp_path / HISTORY_FILE).execute("PRAGMA user_version").fetchone()[0] == 2

    def test_opening_again_runs_no_step_and_an_upgrade_keeps_the_data(self, tmp_path, monkeypatch):
        with History.open(tmp_path) as history:
            learner = history.learner("Dara", now=stamp(0))
            play(history, learner, make_scenario())
        applied = []
        monkeypatch.setattr(
            history_module,
            "MIGRATIONS",
            [*history_module.MIGRATIONS, lambda c: (applied.append("next"), c.execute("ALTER TABLE learners ADD COLUMN colour TEXT"))],
        )
        with History.open(tmp_path) as history:
            assert applied == ["next"]
            assert history.find_learner("dara").id == learner.id
            assert len(history.attempts(learner)) == 1
        with History.open(tmp_path):
            assert applied == ["next"]  # already at the newest version: nothing runs again

    def test_a_version_1_history_gains_counted_from_its_records_and_nobody_is_remembered(self, tmp_path):
        with History.open(tmp_path) as history:
            learner = history.learner("Dara", now=stamp(0))
            play(history, learner, make_scenario())
            play(history, learner, make_scenario())
            first, second = (attempt.id for attempt in history.attempts(learner))
        connection = raw(tmp_path / HISTORY_FILE)  # back to a version 1 file, as an older Feedwise left it
        record = json.loads(connection.execute("SELECT record_json FROM attempts WHERE id = ?", (second,)).fetchone()[0])
        record["status"] = "ended-early"
        connection.execute("UPDATE attempts SET record_json = ? WHERE id = ?", (json.dumps(record), second))
        connection.execute("ALTER TABLE attempts DROP COLUMN counted")
        connection.execute("ALTER TABLE learners DROP COLUMN remembered")
        connection.execute("PRAGMA user_version = 1")
        connection.commit()
        connection.close()
        with History.open(tmp_path) as history:
            counted = {attempt.id: attempt.counted for attempt in history.attempts(learner)}
            assert counted == {first: True, second: False}
            assert history.find_learner("Dara").remembered is False

    def test_a_history_from_a_newer_version_is_refused_untouched(self, tmp_path):
        History.open(tmp_path).close()
        connection = raw(tmp_path / HISTORY_FILE)
        connection.execute(f"PRAGMA user_version = {schema_version() + 1}")
        connection.close()
        with pytest.raises(HistoryError, match="newer version of Feedwise"):
            History.open(tmp_path)


class TestConnectionSettings:
    def test_wal_mode_full_sync_and_a_busy_timeout_are_set(self, history):
        connection = history._connection
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS == 5000
        assert connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert raw(history.path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # persistent


class TestLearners:
    def test_names_match_case_insensitively_after_trimming_and_keep_one_stable_id(self, history):
        first = history.learner("  Sok  Dara ", now=stamp(0))
        again = history.learner("sok dara", now=stamp(5))
        assert first == again
        assert first.name == "Sok Dara" and first.created_at == stamp(0)
        assert len(first.id) == 36
        assert history.find_learner("SOK DARA").id == first.id
        assert history.find_learner("Bopha") is None

    def test_learners_are_listed_most_recently_active_first(self, history):
        bopha = history.learner("Bopha", now=stamp(1))
        vannak = history.learner("Vannak", now=stamp(2))
        assert [l.name for l in history.list_learners()] == ["Vannak", "Bopha"]
        play(history, bopha, make_scenario())
        assert [l.name for l in history.list_learners()] == ["Bopha", "Vannak"]
        assert vannak in history.list_learners()

    def test_an_empty_or_too_long_name_is_refused_with_a_plain_message(self, history):
        with pytest.raises(HistoryError, match="type a name"):
            history.learner("   ", now=stamp(0))
        with pytest.raises(HistoryError, match="at most 60"):
            history.learner("x" * 61, now=stamp(0))


class TestRecordingARound:
    def test_each_decision_is_visible_from_a_second_connection_as_soon_as_it_is_recorded(self, history, sokha):
        loaded = make_scenario()
        state = new_round(loaded, now=0.0)
        attempt_id = history.start_attempt(sokha, loaded, mode="practice", seed=None, session=None, started_at=stamp(0), state=state)
        observer = raw(history.path)
        for index, post_id in enumerate(state.order[:3], start=1):
            step = apply(state, Flag(post_id), now=float(index))
            history.record_step(attempt_id, step, recorded_at=stamp(index))
            state = step.state
            assert observer.execute("SELECT count(*) FROM decisions WHERE attempt_id = ?", (attempt_id,)).fetchone()[0] == index
            saved = json.loads(observer.execute("SELECT state_json FROM attempts WHERE id = ?", (attempt_id,)).fetchone()[0])
            assert len(saved["decisions"]) == index

    def test_ending_a_round_early_records_every_post_skipped_for_the_learner_in_one_step(self, history, sokha):
        loaded = make_scenario(posts=6)
        state = new_round(loaded)
        attempt_id = history.start_attempt(sokha, loaded, mode="practice", seed=None, session=None, started_at=stamp(0), state=state)
        step = apply(state, Flag(state.order[0]), now=1.0)
        assert history.record_step(attempt_id, step, recorded_at=stamp(1)) == 1
        step = apply(step.state, EndRound(), now=2.0)
        assert history.record_step(attempt_id, step, recorded_at=stamp(2)) == 5
        saved = history.decisions(attempt_id)
        assert [d["action"] for d in saved] == ["flag"] + ["skip"] * 5
        assert [d["auto"] for d in saved[1:]] == ["ended"] * 5
        assert history.attempt_state(attempt_id)["over"] is True

    def test_record_decision_takes_a_plain_decision_entry(self, history, sokha):
        loaded = make_scenario()
        state = new_round(loaded)
        attempt_id = history.start_attempt(sokha, loaded, mode="assessment", seed=3, session="A", started_at=stamp(0), state=state)
        entry = {"post": "p0", "order": 1, "action": "flag", "tools": ["search"], "reasons": ["conspiracy"], "correct": True, "points": 12, "seconds": 4.5}
        history.record_decision(attempt_id, entry, state, recorded_at=stamp(4))
        assert history.decisions(attempt_id) == [entry]
        assert history.attempt(attempt_id).decisions == 1
        with pytest.raises(ValueError, match="action"):
            history.record_decision(attempt_id, {"post": "p1", "action": "like"}, state)

    def test_a_finished_round_keeps_its_record_score_and_decisions(self, history, sokha):
        attempt_id, state, record = play(history, sokha, make_scenario())
        attempt = history.attempt(attempt_id)
        assert attempt.status == "finished"
        assert (attempt.score, attempt.max_score) == (record["score"]["points"], record["score"]["max_points"])
        assert attempt.d_prime == pytest.approx(record["discernment"]["d_prime"])
        assert attempt.criterion == pytest.approx(record["discernment"]["criterion"])
        assert attempt.decisions == len(record["decisions"]) == 6
        assert attempt.seed == 7 and attempt.session == "S1" and attempt.finished_at == stamp(100)
        assert history.attempt_record(attempt_id) == record
        assert history.decisions(attempt_id) == sorted(record["decisions"], key=lambda d: d["order"])

    def test_the_stored_record_is_read_only(self, history, sokha):
        attempt_id, _, record = play(history, sokha, make_scenario())
        history.attempt_record(attempt_id)["score"]["points"] = -999
        assert history.attempt_record(attempt_id) == record

    def test_review_rebuilds_the_round_and_its_debrief(self, history, sokha):
        attempt_id, state, _ = play(history, sokha, make_scenario(), flag_all=False)
        review = history.round_state(attempt_id)
        assert review.order == state.order and review.decisions == state.decisions
        assert debrief(review).missed_techniques == debrief(state).missed_techniques != ()

    def test_a_finished_attempt_cannot_be_changed_or_discarded(self, history, sokha):
        attempt_id, state, record = play(history, sokha, make_scenario())
        with pytest.raises(HistoryError, match="finished"):
            history.finish_attempt(attempt_id, record)
        with pytest.raises(HistoryError, match="finished"):
            history.record_decision(attempt_id, record["decisions"][0], state)
        with pytest.raises(HistoryError, match="finished"):
            history.discard(attempt_id)

    def test_a_record_for_another_attempt_is_refused(self, history, sokha):
        attempt_id, _, _ = play(history, sokha, make_scenario(), stop_after=2)
        with pytest.raises(ValueError, match="result_id"):
            history.finish_attempt(attempt_id, {"result_id": "other", "finished_at": stamp(9)})


class TestUnfinishedAttempts:
    def test_an_interrupted_round_is_unfinished_and_resumes_where_it_stopped(self, history, sokha):
        attempt_id, state, _ = play(history, sokha, make_scenario(), stop_after=3)
        [unfinished] = history.unfinished(sokha)
        assert (unfinished.id, unfinished.status, unfinished.decisions, unfinished.score) == (attempt_id, "unfinished", 3, None)
        resumed = history.round_state(attempt_id)
        assert state_to_dict(resumed) == state_to_dict(state)

    def test_a_discarded_round_is_hidden_but_kept(self, history, sokha):
        attempt_id, _, _ = play(history, sokha, make_scenario(), stop_after=1)
        history.discard(attempt_id, discarded_at=stamp(50))
        assert history.unfinished(sokha) == [] and history.attempts(sokha) == []
        assert [a.status for a in history.attempts(sokha, status="discarded")] == ["discarded"]

    def test_attempts_are_listed_oldest_first_and_filtered_by_learner(self, history, sokha):
        dara = history.learner("Dara", now=stamp(0))
        first, _, _ = play(history, sokha, make_scenario("one"))
        second, _, _ = play(history, dara, make_scenario("two"))
        third, _, _ = play(history, sokha, make_scenario("three"), stop_after=2)
        assert [a.id for a in history.attempts()] == [first, second, third]
        assert [a.scenario_id for a in history.attempts(sokha)] == ["one", "three"]
        assert [a.id for a in history.attempts(sokha, status="finished")] == [first]


class TestPracticeState:
    def test_finishing_a_round_moves_caught_techniques_up_and_missed_ones_to_box_one(self, history, sokha):
        play(history, sokha, make_scenario("caught"), flag_all=True)
        states = history.technique_states(sokha)
        assert set(states) == {"conspiracy", "fake-experts", "too-good-to-be-true"}
        assert all(s.box == 2 and s.missed == 0 and s.last_practiced == "2025-03-10" and s.due == "2025-03-12" for s in states.values())
        play(history, sokha, make_scenario("missed"), flag_all=False)
        states = history.technique_states(sokha)
        assert all(s.box == 1 and s.missed == 1 and s.seen == 2 and s.due == "2025-03-11" for s in states.values())

    def test_a_weak_spots_round_is_recorded_with_its_composed_scenario_and_its_posts_remembered(self, history, sokha):
        pool = [make_scenario("one", posts=8), make_scenario("two", posts=8)]
        practice = build_practice_round(pool, language="en", technique_states=history.technique_states(sokha), today="2025-03-10", seed=1)
        attempt_id, _, _ = play(history, sokha, practice)
        assert history.attempt(attempt_id).kind == "weak-spots"
        assert history.attempt_scenario(attempt_id) == practice
        assert history.last_practice_posts(sokha) == [p.id for p in practice.scenario.posts]
        play(history, sokha, make_scenario("ordinary"))  # an ordinary round does not change it
        assert history.last_practice_posts(sokha) == [p.id for p in practice.scenario.posts]
        assert history.last_practice_posts(history.learner("New", now=stamp(0))) == []


class TestExport:
    def test_export_holds_the_learner_every_attempt_with_decisions_and_the_technique_state(self, history, sokha):
        finished, _, record = play(history, sokha, make_scenario())
        unfinished, _, _ = play(history, sokha, make_scenario("two"), stop_after=2)
        other = history.learner("Other", now=stamp(0))
        play(history, other, make_scenario())
        data = history.export(sokha)
        json.dumps(data)  # JSON-ready
        assert data["format"] == "feedwise-history/1"
        assert data["learner"] == {"id": sokha.id, "name": "Sokha", "created_at": stamp(0), "remembered": False}
        assert [a["id"] for a in data["attempts"]] == [finished, unfinished]
        assert data["attempts"][0]["record"] == record
        assert [len(a["decision_entries"]) for a in data["attempts"]] == [6, 2]
        assert {t["technique"] for t in data["techniques"]} == {"conspiracy", "fake-experts", "too-good-to-be-true"}


class TestRoundsEndedEarly:
    def _end_early(self, history, learner, loaded, decided: int = 2):
        from game.rules.record import result_record

        attempt_id, state, _ = play(history, learner, loaded, stop_after=decided)
        step = apply(state, EndRound(), now=50.0)
        history.record_step(attempt_id, step, recorded_at=stamp(50))
        record = result_record(step.state, result_id=attempt_id, player_id=learner.id, player_name=learner.name,
                               session="S1", started_at=stamp(0), finished_at=stamp(60))
        assert record["status"] == "ended-early"
        history.finish_attempt(attempt_id, record, state=step.state)
        return attempt_id, record

    def test_it_is_kept_for_review_but_not_counted_and_moves_no_practice_box(self, history, sokha):
        loaded = make_scenario()
        attempt_id, record = self._end_early(history, sokha, loaded)
        attempt = next(a for a in history.attempts(sokha) if a.id == attempt_id)
        assert attempt.status == "finished" and attempt.counted is False
        assert history.attempt_record(attempt_id) == record  # nothing lost
        assert history.technique_states(sokha) == {}  # the posts skipped for the learner taught nothing
        full_id, _, _ = play(history, sokha, loaded)
        assert next(a for a in history.attempts(sokha) if a.id == full_id).counted is True
        assert history.technique_states(sokha) != {}
