"""The debrief's web notes (game/app/debrief_web.py): the page that would have told you, and what you found."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))

from web_factory import WEB_EN, make_library  # noqa: E402

from game.app.browser import Browser, WebService  # noqa: E402
from game.app.debrief_web import excerpt, settling_page, web_notes  # noqa: E402
from game.app.round_driver import RoundDriver  # noqa: E402
from game.rules.commands import Flag, Share  # noqa: E402
from game.scenario.loader import load_scenario  # noqa: E402


@pytest.fixture
def setup(tmp_path):
    library = make_library(tmp_path / "library")
    loaded = load_scenario(library / "market-fire" / "market-fire.en.yaml")
    driver = RoundDriver.start(loaded, player_name="Dara", language="en", observers=[])
    service = WebService([library], tmp_path / "cache")
    return driver, service, service.pages_of("en", loaded.scenario.id)


def _page(page_id: str) -> dict:
    return next(page for page in WEB_EN["pages"] if page["id"] == page_id)


def test_a_missed_post_gets_its_fact_check_before_other_settling_pages(setup):
    driver, _, web = setup
    driver.apply(Share("old-photo"), 1.0)
    notes = web_notes(driver.state, web, ("old-photo",))
    told = notes.would_have_told["old-photo"]
    settling = [page["id"] for page in WEB_EN["pages"] if "old-photo" in page.get("concerns", ()) and page["role"] == "settles"]
    assert len(settling) > 1 and told.page in settling
    assert web.site_of(told.page).kind.value == "fact_checker"
    assert told.title == _page(told.page)["title"]
    assert told.excerpt == _page(told.page)["text"]  # one short paragraph: shown whole
    assert notes.found == {}  # nothing was opened


def test_a_post_without_a_settling_page_gets_none(setup):
    driver, _, web = setup
    assert settling_page(web, driver.state.scenario.id, "city-notice") is None
    assert "city-notice" not in web_notes(driver.state, web, ("city-notice",)).would_have_told


def test_what_the_trainee_opened_is_listed_once_each_in_order_with_its_seconds(setup):
    driver, service, _ = setup
    browser = Browser(driver, "old-photo", service.for_language("en"))
    browser.type_text("market fire photo 2019")
    browser.search(now=1.0)
    first, second = browser.results.results[:2]
    browser.open_result(first, now=2.0)
    browser.back(now=6.0)
    browser.open_result(second, now=7.0)
    browser.back(now=8.0)
    browser.forward(now=9.0)  # the second page again: listed once, its seconds added up
    driver.apply(Flag("old-photo", ()), 12.0)
    found = web_notes(driver.state, browser.web.web, ()).found["old-photo"]
    assert [note.page for note in found] == [first.page, second.page]
    views = driver.state.pages_on("old-photo")
    assert found[1].seconds == round(sum(v.seconds(driver.state.clock) for v in views if v.page == second.page), 1)
    assert found[0].seconds == round(views[0].seconds(driver.state.clock), 1)
    own = {view.page: view.other_source for view in views}
    assert [note.other_source for note in found] == [own[first.page], own[second.page]]


def test_no_web_means_no_notes(setup):
    driver, _, _ = setup
    driver.apply(Share("old-photo"), 1.0)
    notes = web_notes(driver.state, None, ("old-photo",))
    assert (notes.would_have_told, notes.found) == ({}, {})


def test_a_long_page_is_cut_at_a_word_with_an_ellipsis():
    text = " ".join(f"word{n}" for n in range(100)) + "\n\nSecond paragraph."
    short = excerpt(text, limit=60)
    assert short.endswith("…") and len(short) <= 61
    assert text.startswith(short[:-1]) and short[-2] != " "
    assert excerpt("One paragraph.\n\nAnother.") == "One paragraph."
