"""My history, profiles, resume/discard and "Practice my weak spots", driven through the real app with the pilot."""

import json
from pathlib import Path

import pygame
import pytest

from game.store.history import History
from game.store.settings import TEXT_SIZES
from game.ui.parts import question_height
from pilot import Pilot

PRACTICE_SCENARIO = """\
id: practice-pool
title: Practice pool
language: {language}
translation_status: {status}
description: Many posts for practice rounds.
mode: assessment
accounts:
  - id: council
    name: Town Council
    handle: "@towncouncil"
  - id: rumours
    name: Rumour Mill
    handle: "@rumour_mill"
posts:
{posts}
"""


def pool_posts(count: int) -> str:
    lines = []
    for index in range(count):
        lines += [
            f"  - id: fine-{index}",
            "    author: council",
            f"    text: The clinic opens at {index + 7} am on weekdays.",
            "    verdict: reliable",
            "    explanation: The clinic posts its own hours.",
            f"  - id: trick-{index}",
            "    author: rumours",
            f"    text: URGENT! Share now or lose {index + 2} thousand riel today!",
            "    verdict: scam",
            "    techniques:",
            "      - id: urgency-pressure",
            "        evidence: URGENT!",
            "        note: It hurries you.",
            "    explanation: Nobody loses money for not sharing.",
        ]
    return "\n".join(lines)


def write_pool(folder, language="en", status="original", count=8):
    target = folder / f"practice-pool-{language}"
    target.mkdir(parents=True, exist_ok=True)
    extra = "translation_of: practice-pool\n" if language != "en" else ""
    text = PRACTICE_SCENARIO.format(language=language, status=status, posts=pool_posts(count))
    if extra:
        text = text.replace("translation_status:", extra + "translation_status:")
        text = text.replace("id: practice-pool\n", f"id: practice-pool-{language}\n", 1)
    (target / f"practice-pool.{language}.yaml").write_text(text, encoding="utf-8")


@pytest.fixture
def home(tmp_path):
    return tmp_path / "feedwise-home"


def start(scenario_dir, name="Dara", **options):
    return Pilot.start(scenario_dir, player_name=name, save_settings=False, **options)


def play_whole_round(pilot):
    """Start Pilot town from the menu and decide every post with keys (share, flag, skip)."""
    pilot.click("Pilot town")
    pilot.click("Start")
    pilot.press("return")
    assert pilot.screen() == "feed"
    pilot.press("s")
    pilot.press("return")
    pilot.press("f")
    pilot.press("return")
    pilot.press("return")
    pilot.press("n")
    pilot.press("return")
    assert pilot.screen() == "debrief"


def leave_round_unfinished(scenario_dir, decisions=1):
    """Play `decisions` posts of Pilot town, then stop as if the game were closed (no end of round)."""
    pilot = start(scenario_dir)
    pilot.click("Pilot town")
    pilot.click("Start")
    pilot.press("return")
    for _ in range(decisions):
        pilot.press("s")
        pilot.press("return")
    assert pilot.screen() == "feed"
    pilot.app.ctx.services.history.close()
    pygame.display.quit()
    pygame.display.init()


def attempts(home, **filters):
    with History.open(home) as history:
        return history.attempts(**filters)


class TestRoundsAreRecorded:
    def test_a_played_round_is_in_the_history_with_the_result_files_id_and_the_learners_id(self, scenario_dir, home):
        pilot = start(scenario_dir)
        play_whole_round(pilot)
        [attempt] = attempts(home)
        assert attempt.status == "finished" and attempt.decisions == 3 and attempt.learner_name == "Dara"
        [result_file] = (home / "results").glob("*.json")
        record = json.loads(result_file.read_text(encoding="utf-8"))
        assert record["result_id"] == attempt.id
        assert record["player"]["id"] == attempt.learner_id

    def test_the_same_name_keeps_the_same_pseudonymous_id(self, scenario_dir, home):
        play_whole_round(start(scenario_dir, name="Dara"))
        pygame.display.quit()
        pygame.display.init()
        play_whole_round(start(scenario_dir, name="  dara "))
        first, second = attempts(home)
        assert first.learner_id == second.learner_id


class TestMyHistory:
    def test_lists_the_round_with_date_scenario_mode_score_and_d_prime(self, scenario_dir):
        pilot = start(scenario_dir)
        play_whole_round(pilot)
        pilot.click("Menu")
        pilot.click("My history")
        assert pilot.screen() == "history"
        [attempt] = pilot.scene.attempts
        assert "Pilot town" in pilot.labels()
        assert attempt.score is not None and attempt.d_prime is not None
        assert {"Review", "Replay", "Back"} <= set(pilot.labels())
        assert pilot.scene.chart_rect.height > 0

    def test_review_opens_the_past_debrief_read_only(self, scenario_dir):
        pilot = start(scenario_dir)
        play_whole_round(pilot)
        hits = pilot.scene.view.hits
        pilot.click("Menu")
        pilot.click("My history")
        pilot.press("return")  # Enter on the selected finished round: Review
        assert pilot.screen() == "review"
        assert pilot.scene.view.hits == hits
        decisions = pilot.scene.driver.state.decisions
        for key in ("s", "f", "n", "v"):
            pilot.press(key)
        assert pilot.screen() == "review"
        assert pilot.scene.driver.state.decisions == decisions
        assert set(pilot.labels()) == {"Replay", "Back"}
        pilot.press("escape")
        assert pilot.screen() == "history"

    def test_replay_plays_the_same_scenario_in_a_fresh_shuffled_order(self, scenario_dir, home):
        pilot = start(scenario_dir)
        play_whole_round(pilot)
        pilot.click("Menu")
        pilot.click("My history")
        pilot.click("Replay")
        assert pilot.screen() == "briefing"  # a replay starts at the briefing, like every round
        assert len(attempts(home)) == 1  # nothing starts until the trainee presses Start
        pilot.press("escape")
        assert pilot.screen() == "history" and len(attempts(home)) == 1
        pilot.click("Replay")
        pilot.press("return")
        assert pilot.screen() == "feed"
        state = pilot.scene.driver.state
        assert state.scenario.id == "pilot-town" and state.shuffled and state.seed is not None
        assert len(attempts(home)) == 2  # the replay is recorded too

    def test_an_unfinished_round_can_be_resumed_from_its_saved_state(self, scenario_dir, home):
        leave_round_unfinished(scenario_dir, decisions=1)
        pilot = start(scenario_dir)
        pilot.click("My history")
        [attempt] = pilot.scene.attempts
        assert attempt.status == "unfinished" and attempt.decisions == 1
        assert {"Resume", "Discard", "Replay"} <= set(pilot.labels())
        pilot.click("Resume")
        assert pilot.screen() == "feed"
        state = pilot.scene.driver.state
        assert [d.post for d in state.decisions] == ["road"]
        assert pilot.scene.focused_post == "cure"  # the first undecided post
        pilot.press("f")
        pilot.press("return")
        pilot.press("return")
        pilot.press("n")
        pilot.press("return")
        assert pilot.screen() == "debrief"
        [finished] = attempts(home)
        assert finished.id == attempt.id and finished.status == "finished" and finished.decisions == 3

    def test_discard_asks_first_and_keep_it_keeps_the_round(self, scenario_dir, home):
        leave_round_unfinished(scenario_dir)
        pilot = start(scenario_dir)
        pilot.click("My history")
        pilot.click("Discard")
        assert pilot.screen() == "confirm"
        pilot.click("Keep it")
        assert [a.status for a in attempts(home)] == ["unfinished"]
        pilot.click("Discard")
        assert pilot.screen() == "confirm"
        pilot.click("Discard")  # the dialog's own Discard button
        assert pilot.screen() == "history"
        assert attempts(home) == [] and pilot.scene.attempts == []
        assert [a.status for a in attempts(home, status="discarded")] == ["discarded"]

    def test_is_keyboard_navigable(self, scenario_dir):
        pilot = start(scenario_dir)
        play_whole_round(pilot)
        pilot.click("Menu")
        play_whole_round(pilot)
        pilot.click("Menu")
        pilot.click("My history")
        assert pilot.scene.selected == 0
        pilot.press("down")
        assert pilot.scene.selected == 1
        pilot.press("up")
        assert pilot.scene.selected == 0
        pilot.press("escape")
        assert pilot.screen() == "menu"


class TestProfilesInTheMenu:
    def test_picking_a_scenario_with_an_unfinished_round_offers_to_resume_it(self, scenario_dir):
        leave_round_unfinished(scenario_dir, decisions=1)
        pilot = start(scenario_dir)
        pilot.click("Pilot town")
        pilot.click("Start")
        assert pilot.screen() == "resume-offer"
        pilot.press("return")  # Resume is the default
        assert pilot.screen() == "feed"
        assert len(pilot.scene.driver.state.decisions) == 1

    def test_another_learner_is_not_offered_someone_elses_round(self, scenario_dir):
        leave_round_unfinished(scenario_dir)
        pilot = start(scenario_dir, name="Sokha")
        pilot.click("Pilot town")
        pilot.click("Start")
        assert pilot.screen() == "briefing"

    def test_switch_learner_lists_recent_learners_and_new_learner_clears_the_name(self, scenario_dir):
        for name in ("Kanha", "Sokha"):
            pilot = start(scenario_dir, name=name)
            if name == "Sokha":
                pilot.click("Remember me on this PC")  # Kanha did not ask to be remembered
            play_whole_round(pilot)
            pygame.display.quit()
            pygame.display.init()
        pilot = start(scenario_dir, name="Dara")
        pilot.click("Remember me on this PC")
        play_whole_round(pilot)
        pilot.click("Menu")
        pilot.click("Switch learner")
        assert pilot.screen() == "switch-learner"
        assert pilot.labels()[:3] == ["Dara", "Sokha", "New learner"]  # the most recently active first; only the remembered
        pilot.click("Sokha")
        assert pilot.screen() == "menu" and pilot.scene.player_name == "Sokha"
        pilot.click("Switch learner")
        pilot.click("New learner")
        assert pilot.scene.player_name == "" and pilot.scene.focus_key == "name"

    def test_my_history_needs_a_name(self, scenario_dir):
        pilot = start(scenario_dir, name="")
        pilot.click("My history")
        assert pilot.screen() == "menu" and pilot.scene.focus_key == "name"


class TestPracticeMyWeakSpots:
    def test_builds_a_practice_round_with_feedback_and_records_it(self, tmp_path, home):
        folder = tmp_path / "pool"
        write_pool(folder)
        pilot = start(folder)
        pilot.click("Practice my weak spots")
        assert pilot.screen() == "briefing"
        pilot.press("return")
        assert pilot.screen() == "feed"
        state = pilot.scene.driver.state
        assert len(state.order) == 10
        assert sum(1 for post in state.posts if post.verdict.value == "reliable") >= 4
        pilot.press("s")
        assert pilot.screen() == "feedback"  # practice mode: feedback after each decision
        [attempt] = attempts(home)
        assert attempt.kind == "weak-spots" and attempt.decisions == 1

    def test_works_in_khmer_when_every_khmer_scenario_is_a_draft(self, tmp_path):
        folder = tmp_path / "pool"
        write_pool(folder, "en")
        write_pool(folder, "km", status="draft")
        pilot = start(folder, language="km")
        pilot.click(pilot.app.ctx.tr("Practice my weak spots"))
        assert pilot.screen() == "briefing"
        assert pilot.scene.loaded.scenario.language.value == "km"

    def test_without_enough_posts_it_says_so_instead_of_starting(self, scenario_dir):
        pilot = start(scenario_dir, language="km")  # Pilot town has no Khmer version
        pilot.click(pilot.app.ctx.tr("Practice my weak spots"))
        assert pilot.screen() == "menu" and pilot.scene.toast


class TestProgressChartData:
    def test_points_are_finished_rounds_oldest_first_with_score_as_percent_of_max(self):
        from types import SimpleNamespace

        from game.ui.chart import progress_points

        rows = [
            SimpleNamespace(id="a", status="finished", score=30, max_score=40, d_prime=1.5, counted=True),
            SimpleNamespace(id="b", status="unfinished", score=None, max_score=None, d_prime=None, counted=True),
            SimpleNamespace(id="e", status="finished", score=-40, max_score=40, d_prime=0.0, counted=False),  # ended early
            SimpleNamespace(id="c", status="finished", score=-5, max_score=40, d_prime=-0.4, counted=True),
        ]
        points = progress_points(rows)
        assert [(p.attempt_id, p.number, p.score_percent, p.d_prime) for p in points] == [("a", 1, 75.0, 1.5), ("c", 2, 0.0, -0.4)]

    def test_numbers_use_khmer_digits_and_a_decimal_comma_in_khmer(self):
        from game.ui.chart import decimal_text

        assert decimal_text("en", 1.846) == "1.85"
        assert decimal_text("km", 1.846) == "១,៨៥"


class TestLeavingARound:
    """Esc in a round: Keep playing, Save and leave (resume later, nothing counted) or Finish now."""

    def _one_decision_then_escape(self, scenario_dir, name="Dara", **options):
        pilot = start(scenario_dir, name=name, **options)
        pilot.click("Pilot town")
        pilot.click("Start")
        if not name:
            pilot.click("Play as guest")
        pilot.press("return")
        pilot.press("s")
        pilot.press("return")
        assert pilot.screen() == "feed"
        pilot.press("escape")
        assert pilot.screen() == "confirm"
        return pilot

    def test_the_dialog_says_plainly_what_each_choice_does(self, scenario_dir):
        pilot = self._one_decision_then_escape(scenario_dir)
        assert [b.label for b in pilot.scene.buttons] == ["Keep playing", "Save and leave", "Finish now"]
        assert "nothing is scored" in pilot.scene.detail and "resume" in pilot.scene.detail
        assert "the 2 posts you have not decided count as skipped" in pilot.scene.detail
        pilot.press("escape")
        assert pilot.screen() == "feed" and not pilot.scene.driver.over

    def test_save_and_leave_keeps_the_round_unfinished_writes_no_result_and_resume_carries_on(self, scenario_dir, home):
        pilot = self._one_decision_then_escape(scenario_dir)
        pilot.click("Save and leave")
        assert pilot.screen() == "menu"
        [attempt] = attempts(home)
        assert attempt.status == "unfinished" and attempt.decisions == 1
        assert not list(Path(pilot.app.ctx.services.results_dir).glob("*.json"))
        pilot.click("My history")
        pilot.click("Resume")
        assert pilot.screen() == "feed" and pilot.scene.focused_post == pilot.scene.driver.state.undecided[0]

    def test_finish_now_scores_it_as_ended_early_and_it_counts_nowhere(self, scenario_dir, home):
        pilot = self._one_decision_then_escape(scenario_dir)
        pilot.click("Finish now")
        assert pilot.screen() == "debrief"
        [attempt] = attempts(home)
        assert attempt.status == "finished" and attempt.counted is False
        [result] = Path(pilot.app.ctx.services.results_dir).glob("*.json")
        record = json.loads(result.read_text(encoding="utf-8"))
        assert record["status"] == "ended-early"
        assert sorted(d["auto"] or "" for d in record["decisions"]) == ["", "ended", "ended"]
        with History.open(home) as history:
            assert history.technique_states(history.find_learner("Dara")) == {}
        pilot.press("escape")
        pilot.click("My history")
        assert pilot.scene.attempts[0].counted is False

    def test_without_a_name_nothing_can_be_saved_so_only_finish_is_offered(self, scenario_dir):
        pilot = self._one_decision_then_escape(scenario_dir, name="")
        assert [b.label for b in pilot.scene.buttons] == ["Keep playing", "Finish now"]
        assert "Save and leave" not in pilot.scene.detail

    @pytest.mark.parametrize("size,scale", [((1024, 600), 1.5), ((1024, 540), 1.5), ((1024, 540), 1.0)])
    def test_the_dialog_fits_the_window(self, scenario_dir, size, scale):
        pilot = start(scenario_dir, size=size)
        pilot.app.ctx.update_settings(text_size=TEXT_SIZES.index(scale))
        pilot.frames(2)
        pilot.click("Pilot town")
        pilot.click("Start")
        pilot.press("return")
        pilot.press("escape")
        window = pygame.Rect((0, 0), size)
        dialog = pilot.scene
        assert window.contains(dialog.box) and all(dialog.box.contains(b.rect) for b in dialog.buttons)
        detail_bottom = dialog.box.y + question_height(pilot.app.ctx, dialog.question, dialog.detail, dialog.box.width - 2 * pilot.app.ctx.metrics.px(24))
        assert detail_bottom <= min(b.rect.top for b in dialog.buttons)


def test_replay_from_the_debrief_shows_the_briefing_first(scenario_dir, home):
    pilot = start(scenario_dir)
    play_whole_round(pilot)
    pilot.click("Replay")
    assert pilot.screen() == "briefing" and len(attempts(home)) == 1
    pilot.press("return")
    assert pilot.screen() == "feed" and len(attempts(home)) == 2


class TestASharedPC:
    """The next trainee never lands on the last one's profile."""

    def _restart(self, scenario_dir):
        pygame.display.quit()
        pygame.display.init()
        return Pilot.start(scenario_dir, player_name=None)  # no --name: whatever this PC remembers

    def _type_name_and_play(self, pilot, name):
        pilot.click("Your name or ID")
        pilot.type(name)
        play_whole_round(pilot)

    def test_the_name_field_starts_empty_unless_the_learner_asked_to_be_remembered(self, scenario_dir):
        pilot = Pilot.start(scenario_dir, player_name=None)
        self._type_name_and_play(pilot, "Dara")
        pilot = self._restart(scenario_dir)
        assert pilot.scene.player_name == ""
        pilot.click("Remember me on this PC")
        assert pilot.app.ctx.settings.remember_me
        self._type_name_and_play(pilot, "Sokha")
        pilot = self._restart(scenario_dir)
        assert pilot.scene.player_name == "Sokha"
        pilot.click("Remember me on this PC")  # Sokha changes her mind: forgotten at the next start
        pilot = self._restart(scenario_dir)
        assert pilot.scene.player_name == ""
        pilot.click("Switch learner")
        assert "Sokha" not in pilot.labels() and "Dara" not in pilot.labels()

    def test_an_empty_name_asks_for_one_or_plays_as_a_guest_who_saves_nothing(self, scenario_dir, home):
        pilot = start(scenario_dir, name="")
        pilot.click("Pilot town")
        pilot.click("Start")
        assert pilot.screen() == "confirm" and "nothing of this round is saved" in pilot.scene.detail
        pilot.click("Type my name")
        assert pilot.screen() == "menu" and pilot.scene.focus_key == "name"
        pilot.press("tab")
        pilot.click("Start")
        pilot.click("Play as guest")
        assert pilot.screen() == "briefing"
        pilot.press("return")
        for key in ("s", "return", "f", "return", "return", "n", "return"):
            pilot.press(key)
        assert pilot.screen() == "debrief"
        assert not Path(pilot.app.ctx.services.results_dir).exists() or not list(Path(pilot.app.ctx.services.results_dir).glob("*.json"))
        assert not (home / "history.sqlite3").exists() or attempts(home) == []
