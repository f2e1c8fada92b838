"""The feed's sticky action bar: a tall post on a 1024x600 laptop pushes its own Share / Flag /
Verify / Not sure buttons below the fold, so the bar at the bottom of the feed offers them, labelled
with whose post it is. Clicks (by label) and keys act on the focused post either way."""

import pygame
import pytest

from pilot import Pilot

SIZE = (1024, 600)


def start_round(pilot):
    pilot.click("Pilot town")
    pilot.click("Start")
    pilot.press("return")
    assert pilot.screen() == "feed"


def focus_the_tall_post(pilot):
    """Share the short first post, then the feed moves to "cure" (text and a picture: taller than the window)."""
    pilot.press("s")
    pilot.press("return")
    pilot.frames(40)  # let the scroll settle
    assert pilot.scene.focused_post == "cure"


@pytest.fixture
def small_pilot(scenario_dir):
    started = Pilot.start(scenario_dir, size=SIZE)
    yield started
    pygame.display.quit()


def card_action_buttons(scene, post_id):
    return [b for b in scene.buttons if b.extra.get("post") == post_id and b.message[2] != "comments"]


class TestAShortPostInView:
    def test_no_bar_while_the_focused_posts_own_buttons_are_on_screen(self, small_pilot):
        start_round(small_pilot)
        scene = small_pilot.scene
        assert scene.focused_post == "road"
        assert scene.action_bar is None
        buttons = card_action_buttons(scene, "road")
        assert [b.label for b in buttons] == ["Share", "Flag", "Verify", "Not sure"]
        assert not any(b.extra.get("bar") for b in buttons)


class TestATallPostOnASmallScreen:
    def test_the_bar_appears_at_the_bottom_and_names_whose_post_it_is(self, small_pilot):
        start_round(small_pilot)
        focus_the_tall_post(small_pilot)
        scene = small_pilot.scene
        bar = scene.action_bar
        assert bar is not None
        assert bar.bottom == SIZE[1] and bar.top > scene.viewport.top
        assert scene.action_bar_caption(small_pilot.app.ctx) == "Post by Rumour Mill"
        buttons = card_action_buttons(scene, "cure")
        assert [b.label for b in buttons] == ["Share", "Flag", "Verify", "Not sure"]
        for button in buttons:
            assert button.extra.get("bar")
            assert bar.contains(button.rect)

    def test_every_clickable_button_is_on_screen_and_none_hides_under_the_bar(self, small_pilot):
        start_round(small_pilot)
        focus_the_tall_post(small_pilot)
        scene = small_pilot.scene
        window = pygame.Rect((0, 0), SIZE)
        for button in scene.buttons:
            assert window.contains(button.rect), button.key
            if not button.extra.get("bar") and button.key != "finish":
                assert not button.rect.colliderect(scene.action_bar), button.key

    def test_clicking_flag_in_the_bar_flags_the_focused_post(self, small_pilot):
        start_round(small_pilot)
        focus_the_tall_post(small_pilot)
        small_pilot.click("Flag")
        assert small_pilot.screen() == "flag-reasons"
        assert small_pilot.scene.post_id == "cure"

    def test_clicking_not_sure_in_the_bar_decides_the_focused_post(self, small_pilot):
        start_round(small_pilot)
        focus_the_tall_post(small_pilot)
        small_pilot.click("Not sure")
        assert small_pilot.screen() == "feedback"
        assert small_pilot.scene.view.post_id == "cure"

    def test_a_click_on_the_bar_between_buttons_does_not_focus_the_post_under_it(self, small_pilot):
        start_round(small_pilot)
        focus_the_tall_post(small_pilot)
        bar = small_pilot.scene.action_bar
        small_pilot.click_at((bar.x + 4, bar.y + 4))  # the caption row, no button
        assert small_pilot.scene.focused_post == "cure"
        assert small_pilot.screen() == "feed"

    def test_keys_still_act_on_the_focused_post(self, small_pilot):
        start_round(small_pilot)
        focus_the_tall_post(small_pilot)
        small_pilot.press("v")
        assert small_pilot.screen() == "verify"
        assert small_pilot.scene.post_id == "cure"

    def test_tab_moves_through_the_bar_buttons(self, small_pilot):
        start_round(small_pilot)
        focus_the_tall_post(small_pilot)
        small_pilot.press("tab")
        scene = small_pilot.scene
        assert scene.focus_key == "cure:share"
        assert scene.button("cure:share").extra.get("bar")
        small_pilot.press("tab")
        small_pilot.press("return")  # Flag
        assert small_pilot.screen() == "flag-reasons"

    def test_scrolled_to_the_posts_own_buttons_the_bar_goes_away(self, small_pilot):
        start_round(small_pilot)
        focus_the_tall_post(small_pilot)
        small_pilot.wheel(3)
        small_pilot.frames(40)
        scene = small_pilot.scene
        assert scene.focused_post == "cure"
        assert scene.action_bar is None
        own = card_action_buttons(scene, "cure")
        assert own and not any(b.extra.get("bar") for b in own)

    def test_a_decided_post_gets_no_bar(self, small_pilot):
        start_round(small_pilot)
        focus_the_tall_post(small_pilot)
        small_pilot.press("n")
        small_pilot.press("return")
        small_pilot.press("k")
        small_pilot.frames(40)
        scene = small_pilot.scene
        assert scene.focused_post == "cure" and scene.view.posts[1].decision == "skip"
        assert scene.action_bar is None


class TestKhmerAndBigText:
    def test_the_bar_speaks_khmer(self, scenario_dir):
        pilot = Pilot.start(scenario_dir, size=SIZE, language="km")
        start_round_by_keys(pilot)
        focus_the_tall_post(pilot)
        ctx = pilot.app.ctx
        caption = pilot.scene.action_bar_caption(ctx)
        assert caption == ctx.tr("Post by {name}", name="Rumour Mill")
        assert "Rumour Mill" in caption and not caption.startswith("Post by")
        share = ctx.tr("Share")
        assert share != "Share"
        pilot.click(share)
        assert pilot.screen() == "feedback"
        pygame.display.quit()

    def test_at_150_percent_text_the_bar_and_its_buttons_fit_the_window(self, scenario_dir):
        pilot = Pilot.start(scenario_dir, size=SIZE)
        pilot.click("150%")
        start_round(pilot)
        focus_the_tall_post(pilot)
        scene = pilot.scene
        bar = scene.action_bar
        assert bar is not None and bar.bottom <= SIZE[1]
        buttons = [b for b in scene.buttons if b.extra.get("bar")]
        assert len(buttons) == 4
        for left, right in zip(buttons, buttons[1:]):
            assert left.rect.right <= right.rect.left
        for button in buttons:
            assert bar.contains(button.rect)
            assert button.rect.height > pilot.app.ctx.metrics.px(38)  # taller buttons for bigger labels
        pygame.display.quit()


def start_round_by_keys(pilot):
    pilot.press("return")  # Start (the only scenario is selected)
    pilot.press("return")  # the briefing
    assert pilot.screen() == "feed"


class TestTheColumn:
    @pytest.mark.parametrize("size", [(1024, 600), (1280, 720), (1366, 768), (1600, 900)])
    def test_the_column_starts_on_a_16_pixel_boundary_and_stays_centred(self, scenario_dir, size):
        pilot = Pilot.start(scenario_dir, size=size)
        start_round(pilot)
        column = pilot.scene.column
        assert column.x % 16 == 0
        assert column.centerx == pytest.approx(size[0] / 2, abs=1)
        pygame.display.quit()
