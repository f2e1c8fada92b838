"""The menu at the largest text size on a 1024x600 screen, in Khmer with high contrast: the left column
scrolls instead of overlapping, focus brings a hidden button into view, and the quit dialog tells the
truth about a round in progress (saved in the learner's history)."""

import json
import os
from pathlib import Path

import pygame
import pytest

from pilot import Pilot


@pytest.fixture
def big_khmer_menu(scenario_dir):
    home = Path(os.environ["FEEDWISE_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "settings.json").write_text(json.dumps({"language": "km", "text_size": 3, "high_contrast": True, "player_name": "Sokha"}), encoding="utf-8")
    started = Pilot.start(scenario_dir, size=(1024, 600))
    yield started
    pygame.display.quit()


def test_left_column_buttons_never_overlap_and_quit_stays_clear(big_khmer_menu):
    menu = big_khmer_menu.scene
    assert menu.left_scroller.scrollable  # too tall for 600 px at 150 % Khmer: it scrolls
    quit_button = menu.button("quit")
    left = [button for button, _ in menu.left_items if button.key != "name"]
    for button in left:
        visible = button.rect.clip(menu.left_view)
        assert not visible.colliderect(quit_button.rect), button.key
    for index, one in enumerate(left):
        for other in left[index + 1:]:
            assert not one.rect.colliderect(other.rect), (one.key, other.key)
    sizes = [menu.button(f"size-{index}") for index in range(4)]
    for button in sizes:  # the text-size labels fit their buttons
        assert big_khmer_menu.app.ctx.text.measure(button.label, 16, bold=True)[0] <= button.rect.width - 8


def test_tab_to_a_hidden_button_scrolls_it_into_view(big_khmer_menu):
    menu = big_khmer_menu.scene
    assert not menu.left_view.contains(menu.button("fullscreen").rect)
    for _ in range(20):
        big_khmer_menu.press("tab")
        if menu.focus_key == "fullscreen":
            break
    big_khmer_menu.frames(40)
    assert menu.focus_key == "fullscreen"
    assert menu.left_view.contains(menu.button("fullscreen").rect)


def test_quit_during_a_round_says_the_answers_are_kept(big_khmer_menu):
    pilot = big_khmer_menu
    pilot.press("return")  # the briefing
    pilot.press("return")  # the feed
    assert pilot.screen() == "feed"
    pilot.close_window()
    assert pilot.screen() == "confirm"
    tr = pilot.app.ctx.tr
    assert pilot.scene.detail == tr("Your round is not finished. Your answers so far are saved: you can finish it later from My history.")
    assert "ប្រវត្តិរបស់ខ្ញុំ" in pilot.scene.detail
