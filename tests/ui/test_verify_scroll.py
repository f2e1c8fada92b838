"""The verify panel's tool list on a short window: a focused tool is always wholly in view (with a
margin), and a revealed clue is scrolled into view at once with the focus moved to Done, so the
focus ring is never left on a tool cut off at the edge of the list (the 04-verify.png bug)."""

import pygame
import pytest

from pilot import Pilot


@pytest.fixture
def big_text_pilot(scenario_dir):
    pilot = Pilot.start(scenario_dir, size=(1024, 600))
    pilot.click("150%")  # the list no longer fits once a clue is shown
    pilot.click("Start")
    pilot.press("return")
    pilot.press("j")  # the post with a fact-check clue
    assert pilot.scene.focused_post == "cure"
    yield pilot
    pygame.display.quit()


def row_of(scene, key):
    return next(row for row in scene.rows if f"tool-{row[0]}" == key)


def assert_wholly_in_view(scene, key, margin):
    _tool, top, height = row_of(scene, key)
    offset, view_height = scene.scroller.offset, scene.scroller.view.height
    assert top - margin >= offset - 0.5, f"{key} starts above the list's top"
    assert top + height + margin <= offset + view_height + 0.5, f"{key} ends below the list's bottom"


def test_the_first_tool_is_wholly_in_view_when_the_panel_opens(big_text_pilot):
    big_text_pilot.press("v")
    scene = big_text_pilot.scene
    assert scene.focus_key == "tool-source"
    assert_wholly_in_view(scene, "tool-source", 0)
    assert row_of(scene, "tool-source")[1] > 0  # room above the first tool for its border and focus ring


def test_a_revealed_clue_is_in_view_at_once_and_the_focus_moves_to_done(big_text_pilot):
    big_text_pilot.press("v")
    big_text_pilot.press("4")  # fact-check lookup
    scene = big_text_pilot.scene
    assert scene.scroller.max_offset > 0  # the list really scrolls here
    assert scene.focus_key == "done"
    assert_wholly_in_view(scene, "tool-fact_check", scene.row_margin)


def test_tab_back_to_a_cut_off_tool_scrolls_it_wholly_into_view(big_text_pilot):
    big_text_pilot.press("v")
    big_text_pilot.press("4")
    scene = big_text_pilot.scene
    first = row_of(scene, "tool-source")
    assert first[1] < scene.scroller.offset  # the first tool is now partly above the list's top
    big_text_pilot.press("tab")
    assert scene.focus_key == "tool-source"
    big_text_pilot.frames(30)
    assert_wholly_in_view(scene, "tool-source", scene.row_margin)
