"""The offline browser's state (game/app/browser.py) and what it shows (game/app/browser_view.py), without pygame."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))

from web_factory import make_library  # noqa: E402

from game.app.browser import Browser, WebService, keyword_chips  # noqa: E402
from game.app.browser_view import present_place, present_post_tab  # noqa: E402
from game.app.round_driver import RoundDriver  # noqa: E402
from game.lang.i18n import Translator  # noqa: E402
from game.rules.commands import Share  # noqa: E402
from game.scenario.loader import load_scenario  # noqa: E402
from game.scenario.model import Tool  # noqa: E402
from game.web.text import normalise, tokens  # noqa: E402


@pytest.fixture
def library(tmp_path):
    return make_library(tmp_path / "library")


def _browser(library: Path, tmp_path: Path, language: str = "en", post: str = "old-photo") -> Browser:
    name = "market-fire.en.yaml" if language == "en" else "market-fire.km.yaml"
    loaded = load_scenario(library / "market-fire" / name)
    records: list[dict] = []

    class Keep:
        def on_start(self, state, info): ...
        def on_decision(self, state, command, step): ...
        def on_finish(self, state, info, record):
            records.append(record)

    driver = RoundDriver.start(loaded, player_name="Dara", language=language, observers=[Keep()])
    driver.records = records  # type: ignore[attr-defined]
    service = WebService([library], tmp_path / "cache")
    assert service.covers(language, loaded.scenario.id, post)
    return Browser(driver, post, service.for_language(language))


def test_a_search_from_chips_is_logged_as_chips_and_ranked_by_the_index(library, tmp_path):
    browser = _browser(library, tmp_path)
    for chip in browser.chips()[:2]:
        browser.add_chip(chip)
    assert browser.search(now=1.0, shown=4)
    expected = browser.web.search(browser.query, 8)
    assert [r.page for r in browser.results.results] == [r.page for r in expected.results]
    query = browser.driver.state.queries_on("old-photo")[-1]
    assert (query.text, query.source, query.shown) == (browser.query, "chips", 4)
    assert Tool.search in browser.driver.state.tools_on("old-photo")


def test_typing_after_a_chip_makes_the_query_typed(library, tmp_path):
    browser = _browser(library, tmp_path)
    browser.add_chip(browser.chips()[0])
    browser.type_text(" 2019")
    browser.search(now=1.0)
    assert browser.driver.state.queries_on("old-photo")[-1].source == "typed"


def test_opening_a_result_then_back_and_forward_keeps_the_history(library, tmp_path):
    browser = _browser(library, tmp_path)
    browser.type_text("market fire photo 2019")
    browser.search(now=1.0)
    first = browser.results.results[0]
    assert browser.open_result(first, now=2.0)
    assert (browser.place.kind, browser.place.key, browser.place.rank) == ("page", first.page, 1)
    assert browser.back(now=5.0) and browser.place.kind == "results"
    assert browser.forward(now=6.0) and browser.place.key == first.page
    views = browser.driver.state.pages_on("old-photo")
    assert [view.rank for view in views] == [1, None]  # seen again by Forward: not a click on a result
    assert views[0].closed == 5.0


def test_the_decision_records_queries_pages_and_lateral_reading(library, tmp_path):
    browser = _browser(library, tmp_path)
    browser.type_text("market fire photo 2019")
    browser.search(now=1.0)
    other = next(r for r in browser.results.results if r.site != "mf-hot-page")
    browser.open_result(other, now=2.0)
    browser.close(now=4.0)
    driver = browser.driver
    for post_id in driver.state.undecided:
        driver.apply(Share(post_id), 5.0)
    entry = next(d for d in driver.records[0]["decisions"] if d["post"] == "old-photo")
    assert entry["queries"] == [{"text": "market fire photo 2019", "source": "typed"}]
    assert entry["pages"] == [{"page": other.page, "seconds": 2.0, "rank": other.rank}]
    assert entry["lateral"] is True


def test_the_profile_and_the_picture_each_charge_their_tool_once(library, tmp_path):
    browser = _browser(library, tmp_path)
    assert browser.profile(now=1.0) and browser.place.kind == "profile"
    assert browser.picture(now=2.0) and browser.place.kind == "picture"
    assert not browser.profile(now=3.0) or browser.driver.state.tools_on("old-photo").count(Tool.source) == 1
    assert {Tool.source, Tool.reverse_image} <= set(browser.driver.state.tools_on("old-photo"))


def test_the_picture_history_is_shown_oldest_first(library, tmp_path):
    browser = _browser(library, tmp_path)
    browser.picture(now=1.0)
    blocks = present_place(browser, Translator("en"))
    history = browser.pages.picture_history("market-fire", "images/burnt-stall.png")
    dated = [block.text.split("  ·  ")[0] for block in blocks if "  ·  " in block.text]
    assert dated == sorted(str(seen.date) for seen in history) and len(dated) == len(history)
    assert any(block.move is not None and block.move.key == "mf-2019-report" for block in blocks)


def test_a_page_shows_its_text_links_and_about_card(library, tmp_path):
    browser = _browser(library, tmp_path)
    browser.open_page("mf-fact-check", now=1.0)
    page = browser.pages.page("mf-fact-check")
    blocks = present_place(browser, Translator("en"))
    assert any(block.text == page.title and block.style == "heading" for block in blocks)
    about = [block for block in blocks if block.move is not None and block.move.kind == "about"]
    assert about and about[0].move.key == page.site
    assert browser.about(page.site, now=2.0) and browser.place == browser.places[-1]
    card = present_place(browser, Translator("en"))
    assert any(browser.pages.site(page.site).about.registrant in block.text for block in card)


def test_snippet_marks_fall_on_the_matched_words(library, tmp_path):
    browser = _browser(library, tmp_path)
    browser.type_text("market fire")
    browser.search(now=1.0)
    snippets = [block for block in present_place(browser, Translator("en")) if block.style == "snippet"]
    assert snippets and any(block.marks for block in snippets)
    for block in snippets:
        for start, end in block.marks:
            assert block.text[start:end].lower() in {"market", "fire", "markets", "fires"}


def test_khmer_chips_are_whole_words_of_the_post(library, tmp_path):
    browser = _browser(library, tmp_path, "km")
    words = set(tokens(normalise(browser.post.text)))
    chips = keyword_chips(browser.post)
    assert chips and all(chip in words for chip in chips)
    browser.add_chip(chips[0])
    assert browser.search(now=1.0) and browser.results.results


def test_the_pinned_post_tab_shows_the_post(library, tmp_path):
    browser = _browser(library, tmp_path)
    texts = [block.text for block in present_post_tab(browser, Translator("en"))]
    assert browser.post.text in texts


def test_a_scenario_without_web_is_not_covered_and_a_broken_web_is_reported(tmp_path, library):
    service = WebService([library], tmp_path / "cache")
    assert not service.covers("en", "no-such-scenario", "p1")
    broken = tmp_path / "broken"
    (broken / "x").mkdir(parents=True)
    (broken / "x" / "web.en.yaml").write_text("kind: web\nid: [unclosed\n", encoding="utf-8")
    service = WebService([broken], tmp_path / "cache2")
    assert service.covers("en", "x", "p1") is False  # no traceback, and the verify panel stays
