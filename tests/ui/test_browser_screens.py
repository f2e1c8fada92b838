"""The `search` and `page` screens, headless: verifying a post opens the offline browser, driven by posted events."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pygame
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))

from pilot import Pilot  # noqa: E402
from web_factory import make_library  # noqa: E402

from game.app.browser_view import present_place  # noqa: E402
from game.store.settings import TEXT_SIZES  # noqa: E402
from game.web.loader import OfflineWeb  # noqa: E402


@pytest.fixture
def library(tmp_path):
    pygame.display.init()
    yield make_library(tmp_path / "library")
    pygame.display.quit()


def _open_browser(library: Path, language: str = "en", scale: float = 1.0, size=(1024, 600)) -> Pilot:
    scenario = "market-fire" if language == "en" else "market-fire-km"
    pilot = Pilot.start(library, scenario=scenario, start_at="briefing", language=language, player_name="Dara", size=size)
    if scale != 1.0:
        pilot.app.ctx.update_settings(text_size=TEXT_SIZES.index(scale))
        pilot.frames(2)
    pilot.press("return")  # start the round
    pilot.frames(3)
    assert pilot.screen() == "feed"
    target = pilot.scene.driver.state.order[0]
    pilot.press("v")
    assert pilot.screen() == "search" and pilot.scene.browser.post_id == target
    return pilot


def _expected_titles(library: Path, language: str, query: str, tmp_path: Path) -> list[str]:
    found = OfflineWeb([library], language, tmp_path / "expected-cache").search(query, 8)
    return [result.title for result in found.results]


def test_typing_a_query_and_enter_shows_the_ranked_results(library, tmp_path):
    pilot = _open_browser(library)
    pilot.type("market fire")
    pilot.press("return")
    links = [b.label for b in pilot.scene.buttons if b.key.startswith("link-")]
    titles = _expected_titles(library, "en", "market fire", tmp_path)
    assert titles and [label.split(". ", 1)[1] for label in links[: len(titles)]] == titles


def test_a_digit_opens_a_result_backspace_goes_back_and_right_forward(library, tmp_path):
    pilot = _open_browser(library)
    pilot.type("market fire photo 2019")
    pilot.press("return")
    first = pilot.scene.browser.results.results[0]
    pilot.press("1")
    assert pilot.screen() == "page" and pilot.scene.browser.place.key == first.page
    assert first.title in _body_texts(pilot)
    pilot.press("backspace")
    assert pilot.screen() == "search"
    pilot.press("right")
    assert pilot.screen() == "page"
    pilot.press("escape")
    assert pilot.screen() == "feed"


def _finish_round(pilot: Pilot, driver, key: str = "n") -> None:
    """Decide every post left with `key` (Enter closes each practice feedback) until the round is over."""
    for _ in range(30):
        if driver.over:
            break
        if pilot.screen() == "feed":
            target = driver.state.order.index(driver.state.undecided[0])
            pilot.press("j" if pilot.scene.focus_index < target else "k")
            if pilot.scene.focus_index == target:
                pilot.press(key)
        else:
            pilot.press("return")
    assert driver.over


def test_the_debrief_shows_the_settling_page_of_a_missed_post_and_what_was_found(library):
    pilot = _open_browser(library)
    checked, driver = pilot.scene.browser.post_id, pilot.scene.driver
    pilot.type("market fire photo 2019")
    pilot.press("return")
    pilot.press("1")
    opened = pilot.scene.browser.place.key
    pilot.press("escape")
    pilot.press("s")
    _finish_round(pilot, driver, key="s")  # share everything: every misleading post is missed
    for _ in range(5):
        if pilot.screen() == "debrief":
            break
        pilot.press("return")
    assert pilot.screen() == "debrief"
    notes = pilot.scene.notes
    web = pilot.app.ctx.services.web.pages_of("en", driver.state.scenario.id)
    missed = {post.id for post in driver.state.scenario.posts if post.verdict.value != "reliable"}
    assert set(notes.would_have_told) == {post for post in missed if any(
        page.role.value == "settles" for page in web.pages_about(post, driver.state.scenario.id))}
    assert notes.would_have_told and all(web.page(note.page).role.value == "settles" for note in notes.would_have_told.values())
    assert [note.page for note in notes.found[checked]] == [opened]
    assert set(notes.found) == {checked}


def test_the_decision_after_browsing_records_the_query_and_the_page(library, tmp_path):
    pilot = _open_browser(library)
    post_id, driver = pilot.scene.browser.post_id, pilot.scene.driver
    pilot.type("market fire photo 2019")
    pilot.press("return")
    pilot.press("1")
    opened = pilot.scene.browser.place.key
    pilot.press("escape")
    pilot.press("s")
    assert driver.state.decision(post_id).action.value == "share"
    _finish_round(pilot, driver)
    results = list(Path(pilot.app.ctx.services.results_dir).glob("*.json"))
    record = json.loads(results[0].read_text(encoding="utf-8"))
    entry = next(d for d in record["decisions"] if d["post"] == post_id)
    assert entry["queries"] == [{"text": "market fire photo 2019", "source": "typed"}]
    assert [page["page"] for page in entry["pages"]] == [opened] and entry["pages"][0]["rank"] == 1


def test_check_the_account_opens_the_profile_page(library, tmp_path):
    pilot = _open_browser(library)
    pilot.click("Check the account")
    assert pilot.screen() == "page" and pilot.scene.browser.place.kind == "profile"
    account = next(a for a in pilot.scene.driver.state.scenario.accounts if a.id == pilot.scene.browser.post.author)
    body = _body_texts(pilot)
    assert account.name in body and account.handle in body


def _body_texts(pilot: Pilot) -> str:
    return " ".join(block.text for block in present_place(pilot.scene.browser, pilot.app.ctx.tr))


@pytest.mark.parametrize("language,scale", [("en", 1.0), ("en", 1.5), ("km", 1.0), ("km", 1.5)])
def test_every_control_fits_the_window_at_1024x600(library, language, scale):
    pilot = _open_browser(library, language, scale)
    pilot.click(pilot.scene.button("chip-0").label)
    pilot.press("return")
    window = pygame.Rect(0, 0, 1024, 600)
    fixed = [b for b in pilot.scene.buttons if not b.key.startswith("link-")]
    assert all(window.contains(b.rect) for b in fixed), [(b.key, b.rect) for b in fixed if not window.contains(b.rect)]
    assert pilot.scene.scroller.view.height >= 60 and window.contains(pilot.scene.scroller.view)
    labels = [b.rect for b in fixed]
    assert not any(a.colliderect(b) for i, a in enumerate(labels) for b in labels[i + 1:])


def test_a_khmer_query_finds_khmer_pages(library, tmp_path):
    pilot = _open_browser(library, "km")
    chip = pilot.scene.button("chip-0").label
    pilot.click(chip)
    pilot.press("return")
    links = [b.label for b in pilot.scene.buttons if b.key.startswith("link-")]
    titles = _expected_titles(library, "km", chip, tmp_path)
    assert titles and [label.split(". ", 1)[1] for label in links[: len(titles)]] == titles


def test_a_scenario_without_a_web_keeps_the_verify_panel(scenario_dir):
    pilot = Pilot.start(scenario_dir, scenario="pilot-town", start_at="briefing", player_name="Dara")
    pilot.press("return")
    pilot.frames(3)
    pilot.press("v")
    assert pilot.screen() == "verify"


def _flag_dialog_after_checking(library: Path, language: str = "en", scale: float = 1.0) -> Pilot:
    pilot = _open_browser(library, language, scale)
    pilot.scene.browser.type_text("market fire photo 2019")
    pilot.press("return")
    pilot.press("1")
    pilot.press("escape")
    assert pilot.screen() == "feed"
    pilot.press("f")
    assert pilot.screen() == "flag-reasons"
    return pilot


def test_after_checking_the_flag_dialog_asks_what_settled_it_and_the_record_keeps_it(library):
    pilot = _flag_dialog_after_checking(library)
    post_id, dialog = pilot.scene.post_id, pilot.scene
    driver = next(scene.driver for scene in pilot.app.stack if scene.name == "feed")
    chips = [b for b in dialog.buttons if b.key.startswith("settled-")]
    has_picture = driver.state.post(post_id).image is not None
    assert [b.message[1] for b in chips] == [k for k in ("source", "other-outlets", "old-photo") if k != "old-photo" or has_picture]
    assert all(dialog.box.contains(b.rect) for b in chips)
    pilot.click(chips[-1].label)
    pilot.click(chips[0].label)
    pilot.click(chips[-1].label)  # ticked twice: off again
    assert dialog.settled == [chips[0].message[1]]
    pilot.press("1")  # a technique too
    pilot.press("return")
    assert pilot.screen() == "feedback"
    assert driver.state.decision(post_id).settled_by == (chips[0].message[1],)
    _finish_round(pilot, driver)
    results = list(Path(pilot.app.ctx.services.results_dir).glob("*.json"))
    record = json.loads(results[0].read_text(encoding="utf-8"))
    entries = {d["post"]: d for d in record["decisions"]}
    assert entries[post_id]["settled_by"] == [chips[0].message[1]]
    assert all(entry["settled_by"] == [] for key, entry in entries.items() if key != post_id)


def test_an_unchecked_post_gets_no_settled_chips(library):
    pilot = _open_browser(library)
    pilot.press("escape")
    pilot.press("j")  # the next post, never checked
    pilot.press("f")
    assert pilot.screen() == "flag-reasons"
    assert not [b for b in pilot.scene.buttons if b.key.startswith("settled-")]


@pytest.mark.parametrize("language,scale", [("en", 1.5), ("km", 1.5), ("km", 1.0)])
def test_the_settled_chips_fit_the_dialog_at_1024x600(library, language, scale):
    pilot = _flag_dialog_after_checking(library, language, scale)
    dialog = pilot.scene
    chips = [b for b in dialog.buttons if b.key.startswith("settled-")]
    window = pygame.Rect(0, 0, 1024, 600)
    assert chips and all(dialog.box.contains(b.rect) and window.contains(b.rect) for b in dialog.buttons)
    rects = [b.rect for b in dialog.buttons]
    assert not any(a.colliderect(b) for i, a in enumerate(rects) for b in rects[i + 1:])
