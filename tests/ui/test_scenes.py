"""Scene tests: the real app under SDL's dummy driver, driven by posted events through the pilot."""

import json

import pygame
import pytest

from game.store.settings import load_settings
from pilot import Pilot, write_scenario


def start_round(pilot):
    pilot.click("Pilot town")
    pilot.click("Start")
    assert pilot.screen() == "briefing"
    pilot.press("return")
    assert pilot.screen() == "feed"


def result_files(tmp_path):
    return sorted((tmp_path / "feedwise-home" / "results").glob("*.json"))



class TestEveryScreenOpens:
    def test_menu_lists_the_scenario_with_its_facts(self, pilot):
        assert pilot.screen() == "menu"
        assert "Pilot town" in pilot.labels()
        assert "Start" in pilot.labels()

    def test_briefing_feed_verify_reasons_feedback_and_debrief_each_open(self, pilot):
        start_round(pilot)
        pilot.press("v")
        assert pilot.screen() == "verify"
        pilot.press("escape")
        pilot.press("j")
        pilot.press("f")
        assert pilot.screen() == "flag-reasons"
        pilot.press("return")
        assert pilot.screen() == "feedback"
        pilot.press("return")
        assert pilot.screen() == "feed"
        pilot.press("escape")
        assert pilot.screen() == "confirm"
        pilot.click("Finish now")
        assert pilot.screen() == "debrief"


class TestKeyboardOnlyRound:
    def test_a_whole_round_with_keys_writes_a_result_file(self, pilot, tmp_path):
        pilot.press("tab")  # focus moves off Start and back: Tab works on the menu
        pilot.press("tab", shift=True)
        pilot.press("return")  # Start with the scenario already selected
        assert pilot.screen() == "briefing"
        pilot.press("return")
        assert pilot.screen() == "feed"
        assert pilot.scene.focused_post == "road"
        pilot.press("s")  # share the reliable post
        assert pilot.screen() == "feedback"
        assert pilot.scene.view.correct is True
        pilot.press("return")
        assert pilot.scene.focused_post == "cure"  # focus moved to the next undecided post
        pilot.press("f")
        pilot.press("1")
        pilot.press("return")
        pilot.press("return")
        pilot.press("n")  # not sure on the scam: a miss
        assert pilot.scene.view.correct is False
        pilot.press("return")
        assert pilot.screen() == "debrief"
        view = pilot.scene.view
        assert (view.hits, view.misses, view.false_alarms, view.correct_rejections) == (1, 1, 0, 1)
        files = result_files(tmp_path)
        assert len(files) == 1
        record = json.loads(files[0].read_text(encoding="utf-8"))
        assert [d["action"] for d in record["decisions"]] == ["share", "flag", "skip"]

    def test_tab_and_enter_press_the_focused_post_button(self, pilot):
        start_round(pilot)
        pilot.press("tab")
        assert pilot.scene.focus_key == "road:share"
        pilot.press("tab")
        assert pilot.scene.focus_key == "road:flag"
        pilot.press("tab")
        pilot.press("tab")
        assert pilot.scene.focus_key == "road:skip"
        pilot.press("return")
        assert pilot.screen() == "feedback"


class TestMouseOnlyRound:
    def test_clicking_buttons_by_label_plays_a_round(self, pilot, tmp_path):
        start_round(pilot)
        pilot.click("Share")
        pilot.click("Continue")
        pilot.click("Verify")
        assert pilot.screen() == "verify"
        pilot.click("Fact-check lookup")
        tools = {t.tool: t for t in pilot.scene.view.tools}
        assert tools["fact_check"].used
        assert "no evidence that leaves cure dengue" in tools["fact_check"].clue
        pilot.click("Done")
        pilot.click("Flag")
        pilot.click("Emotional language")
        assert "emotional-language" in pilot.scene.chosen
        pilot.click("Flag it")
        assert pilot.screen() == "feedback"
        assert pilot.scene.view.correct
        pilot.click("Continue")
        pilot.click("Flag")
        pilot.click("Flag it")
        pilot.click("Continue")
        assert pilot.screen() == "debrief"
        assert pilot.scene.view.hits == 2
        pilot.click("Menu")
        assert pilot.screen() == "menu"
        assert len(result_files(tmp_path)) == 1

    def test_clicking_the_comment_count_opens_the_comments(self, pilot):
        start_round(pilot)
        before = pilot.scene.heights[0]
        pilot.click("2 comments")
        pilot.frames(1)
        assert "road" in pilot.scene.comments_open
        assert pilot.scene.heights[0] > before

    def test_wheel_and_scrollbar_drag_scroll_the_feed(self, pilot):
        start_round(pilot)
        pilot.wheel(3)
        pilot.frames(30)
        assert pilot.scene.scroller.offset > 0
        scroller = pilot.scene.scroller
        thumb = scroller.thumb()
        pilot.post([
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=thumb.center, button=1),
            pygame.event.Event(pygame.MOUSEMOTION, pos=(thumb.centerx, thumb.centery + 400), rel=(0, 400), buttons=(1, 0, 0)),
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(thumb.centerx, thumb.centery + 400), button=1),
        ])
        assert scroller.offset == pytest.approx(scroller.max_offset)


class TestFeedRules:
    def test_a_decided_post_shows_its_decision_and_refuses_a_second_one(self, pilot):
        start_round(pilot)
        pilot.press("s")
        pilot.press("return")
        pilot.press("k")
        assert pilot.scene.focused_post == "road"
        assert pilot.scene.view.posts[0].decision_text == "You shared this post"
        pilot.press("s")
        assert pilot.screen() == "feed"
        assert pilot.scene.toast == "You have already decided this post."
        assert pilot.scene.view.decided == 1

    def test_progress_counts_decided_posts(self, pilot):
        start_round(pilot)
        assert pilot.scene.view.progress_text == "Decided 0 of 3"
        pilot.press("n")
        pilot.press("return")
        assert pilot.scene.view.progress_text == "Decided 1 of 3"


class TestAssessmentMode:
    def test_assessment_shows_no_feedback_until_the_debrief(self, tmp_path):
        pygame.display.init()
        folder = tmp_path / "assess"
        write_scenario(folder, mode="assessment")
        pilot = Pilot.start(folder)
        start_round(pilot)
        for key in ("s", "s", "s"):
            pilot.press(key)
            assert pilot.screen() in ("feed", "debrief")
        assert pilot.screen() == "debrief"


class TestQuitting:
    def test_closing_the_window_asks_first_and_stay_keeps_the_game(self, pilot):
        pilot.close_window()
        assert pilot.screen() == "confirm"
        pilot.click("Stay")
        assert pilot.screen() == "menu"
        assert pilot.app.running

    def test_quit_confirmed_stops_the_app(self, pilot):
        pilot.press("escape")
        pilot.click("Quit")
        assert not pilot.app.running


class TestSettingsAndLanguage:
    def test_switching_to_khmer_applies_at_once_and_is_remembered(self, pilot, tmp_path):
        pilot.click("ខ្មែរ")
        assert pilot.app.ctx.language == "km"
        assert "ចាប់ផ្ដើម" in pilot.labels()  # "Start" in Khmer
        settings, warnings = load_settings(tmp_path / "feedwise-home")
        assert settings.language == "km" and warnings == []

    def test_text_size_high_contrast_and_name_are_saved(self, scenario_dir, tmp_path):
        pilot = Pilot.start(scenario_dir, player_name=None)
        pilot.click("High contrast: Off")
        pilot.click("130%")
        pilot.click("Remember me on this PC")  # else the name is not kept for the next start
        pilot.click("Your name or ID")
        pilot.type("Sokha")
        pilot.press("s")  # a letter key while typing must not act as a shortcut
        pilot.type("s")
        pilot.press("backspace")
        pilot.press("return")
        pilot.press("return")
        assert pilot.screen() == "briefing"
        settings, _ = load_settings(tmp_path / "feedwise-home")
        assert (settings.text_size, settings.high_contrast, settings.player_name) == (2, True, "Sokha")
        assert pilot.app.ctx.theme.name == "high-contrast"


class TestWindowSizes:
    @pytest.mark.parametrize("size", [(1024, 600), (3840, 2160)])
    def test_the_feed_column_centres_and_keeps_its_maximum_width(self, scenario_dir, size):
        pilot = Pilot.start(scenario_dir, size=size)
        start_round(pilot)
        scene = pilot.scene
        assert scene.column.centerx == pytest.approx(size[0] / 2, abs=1)
        assert scene.column.width <= pilot.app.ctx.metrics.px(680)
        for button in scene.buttons:
            if button.extra.get("post") == "road":
                assert 0 <= button.rect.left and button.rect.right <= size[0]

    def test_resizing_the_window_lays_the_feed_out_again(self, pilot):
        start_round(pilot)
        pilot.resize((1600, 900))
        assert pilot.app.ctx.size == (1600, 900)
        assert pilot.scene.column.centerx == 800


class TestStartStraightIntoAScenario:
    def test_a_scenario_path_opens_its_briefing(self, scenario_dir):
        path = scenario_dir / "pilot-town" / "pilot-town.en.yaml"
        pilot = Pilot.start(scenario_dir, scenario=str(path), start_at="briefing")
        assert pilot.screen() == "briefing"
        pilot.press("escape")
        assert pilot.screen() == "menu"


def test_a_results_folder_that_cannot_be_written_keeps_the_result_in_the_data_folder_and_the_debrief_says_so(scenario_dir, tmp_path):
    from game.app.round_driver import save_outcome

    wall = tmp_path / "stick"
    wall.write_text("a file where the results folder should be", encoding="utf-8")
    pilot = Pilot.start(scenario_dir, results_dir=str(wall / "results"))
    start_round(pilot)
    for key in ("s", "return", "f", "return", "return", "n", "return"):
        pilot.press(key)
    assert pilot.screen() == "debrief"
    outcome = save_outcome(pilot.scene.driver)
    assert outcome.local_copy and str(wall) in outcome.problem
    assert [str(p) for p in result_files(tmp_path)] == [str(outcome.path)]
