"""The small offline browser a trainee checks a post with: where they are, where they have been, what it costs.

`Browser` holds one check of one post: the query box, the latest results, and a history of places
(the results, a page, a site's about card, a domain's registration facts, the account's profile, a
picture's earlier appearances) with back and forward. Every move is sent to the rules through the
`RoundDriver` as the pinned browsing commands (`Search`, `SeeResults`, `OpenPage`, `ClosePage`,
`CheckSource`, `SearchPicture`), so the rules charge time and tools and the result record logs the
queries, pages and lateral reading. `WebService` opens each language's offline web once, lazily.
No pygame: the `search` and `page` screens in `game/ui/scenes/browser.py` only draw this state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Sequence

from game.rules.commands import CheckSource, ClosePage, OpenPage, Search, SearchPicture, SeeResults
from game.scenario.model import Post

if TYPE_CHECKING:  # the web's modules load when a post is first checked, not at start-up
    from game.web.index import SearchResult, SearchResults
    from game.web.library import Web

MAX_CHIPS = 6
RESULTS_SHOWN = 8
KINDS = ("results", "page", "about", "profile", "picture")
_STOP_WORDS = frozenset(
    "a an and are as at be been but by for from has have he her his how i if in into is it its just me my no not "
    "now of on or our out over she so than that the their them then there these they this those to too up us was "
    "we were what when where which who why will with you your all any can do does get got more most new one only "
    "very here today before after about".split()
)


@dataclass(frozen=True)
class Place:
    """One place in the browser's history: `kind` is one of KINDS; `key` the page, site or domain id."""

    kind: str
    key: str = ""
    rank: Optional[int] = None


@dataclass
class Browser:
    """One post being checked in the offline web (the state behind the `search` and `page` screens)."""

    driver: Any  # game.app.round_driver.RoundDriver
    post_id: str
    web: Any  # game.web.loader.OfflineWeb
    query: str = ""
    query_source: str = "typed"
    results: Optional["SearchResults"] = None
    places: list[Place] = field(default_factory=list)
    position: int = -1
    rejected: Optional[str] = None  # the reason of the last command the rules refused

    # --- what the screens show -----------------------------------------------------------------
    @property
    def post(self) -> Post:
        return self.driver.state.post(self.post_id)

    @property
    def place(self) -> Place:
        return self.places[self.position] if self.places else Place("results")

    @property
    def pages(self) -> "Web":
        return self.web.web

    def can_back(self) -> bool:
        return self.position > 0

    def can_forward(self) -> bool:
        return self.position < len(self.places) - 1

    def has_picture(self) -> bool:
        return self.post.image is not None

    def scenario_id(self) -> str:
        scenario = self.driver.state.scenario
        return scenario.id

    def chips(self) -> list[str]:
        """Keyword chips taken from the post: its longest distinctive words, then the link's domain."""
        return keyword_chips(self.post)

    # --- the query box ---------------------------------------------------------------------------
    def type_text(self, text: str) -> None:
        self.query = (self.query + text.replace("\n", " "))[:200]
        self.query_source = "typed"

    def erase(self) -> None:
        self.query = self.query[:-1]

    def add_chip(self, chip: str) -> None:
        """Tapping a chip adds its words to the query (a query made only of chips counts as `chips`)."""
        only_chips = not self.query.strip() or self.query_source == "chips"
        self.query = (self.query.rstrip() + " " + chip).strip() if self.query.strip() else chip
        self.query_source = "chips" if only_chips else "typed"

    # --- moves (each sent to the rules) ---------------------------------------------------------
    def search(self, now: float, shown: int = RESULTS_SHOWN) -> bool:
        text = " ".join(self.query.split())
        if not text:
            return False
        if not self._send(Search(self.post_id, text, self.query_source, shown), now):
            return False
        self.results = self.web.search(text, RESULTS_SHOWN)
        self._close_page(now)
        self._go(Place("results"))
        return True

    def saw_results(self, count: int, now: float) -> None:
        if self.results is not None and count > 0:
            self._send(SeeResults(self.post_id, min(count, len(self.results.results))), now)

    def open_result(self, result: "SearchResult", now: float) -> bool:
        return self.open_page(result.page, now, rank=result.rank)

    def open_page(self, page_id: str, now: float, rank: Optional[int] = None) -> bool:
        command = self._open_command(page_id, rank)
        if command is None:
            return False
        self._close_page(now)
        if not self._send(command, now):
            return False
        self._go(Place("page", page_id, rank))
        return True

    def about(self, site_id: str, now: float) -> bool:
        """A site's "about this source" card (the `source` tool)."""
        if self.pages.site(site_id) is None:
            return False
        return self._visit(CheckSource(self.post_id, site_id), Place("about", site_id), now)

    def open_domain(self, domain: str, now: float) -> bool:
        """A link's domain: its registration facts, which live on its site's card."""
        site = self.pages.site_for_domain(domain)
        return site is not None and self._visit(CheckSource(self.post_id, site.id), Place("about", site.id), now)

    def profile(self, now: float) -> bool:
        """The post's account: created, earlier names, followers, other posts (the `source` tool)."""
        return self._visit(CheckSource(self.post_id, None), Place("profile"), now)

    def picture(self, now: float) -> bool:
        """The post's picture's earlier appearances (the `reverse_image` tool)."""
        return self.has_picture() and self._visit(SearchPicture(self.post_id), Place("picture"), now)

    def back(self, now: float) -> bool:
        return self.can_back() and self._move(-1, now)

    def forward(self, now: float) -> bool:
        return self.can_forward() and self._move(1, now)

    def close(self, now: float) -> None:
        """Back to the feed: the open page stops counting its reading time."""
        self._close_page(now)

    # --- helpers ---------------------------------------------------------------------------------
    def _visit(self, command: Any, place: Place, now: float) -> bool:
        self._close_page(now)
        if not self._send(command, now):
            return False
        self._go(place)
        return True

    def _move(self, step: int, now: float) -> bool:
        self._close_page(now)
        self.position += step
        place = self.place
        command = self._open_command(place.key, None) if place.kind == "page" else None
        if command is not None:  # seeing a page again is reading it again (not a click on a result)
            self._send(command, now)
        return True

    def _open_command(self, page_id: str, rank: Optional[int]) -> Optional[OpenPage]:
        page = self.pages.page(page_id)
        if page is None:
            return None
        site = self.pages.site(page.site)
        return OpenPage(self.post_id, page.id, page.site, site.domain if site else "", site.kind.value if site else "", rank)

    def _go(self, place: Place) -> None:
        del self.places[self.position + 1:]
        if not (self.places and self.places[-1] == place and place.kind != "results"):
            self.places.append(place)
        self.position = len(self.places) - 1

    def _close_page(self, now: float) -> None:
        if self.place.kind == "page" and self.places and not self.driver.over:
            self._send(ClosePage(self.post_id), now)

    def _send(self, command: Any, now: float) -> bool:
        if self.driver.over:
            self.rejected = "round-over"
            return False
        step = self.driver.apply(command, now)
        self.rejected = step.rejected.reason if step.rejected is not None else None
        return step.rejected is None


def keyword_chips(post: Post, limit: int = MAX_CHIPS) -> list[str]:
    """The post's distinctive words (longest first, each once), then its link's domain: taps instead of typing."""
    from game.web.text import normalise, tokens  # the Khmer segmenter loads only when a post is checked

    words: list[str] = []
    for word in tokens(normalise(post.text)):
        if len(word) < 3 or word in _STOP_WORDS or word.isdigit() or word in words:
            continue
        words.append(word)
    chosen = sorted(words, key=lambda word: (-len(word), words.index(word)))[: max(0, limit - 1)]
    chips = [word for word in words if word in chosen]
    if post.link is not None:
        chips.append(post.link.domain.strip().lower().removeprefix("www."))
    return chips[:limit]


class WebService:
    """Each language's offline web, opened on first use from the scenario folders (index cached in the data folder)."""

    def __init__(self, folders: Sequence[Path], cache_dir: Optional[Path]) -> None:
        self.folders = [Path(folder) for folder in folders]
        self.cache_dir = cache_dir
        self._webs: dict[str, Any] = {}
        self.problems: list[str] = []

    def for_language(self, language: str) -> Optional[Any]:
        """The `OfflineWeb` of a language, or None (with a message in `problems`) when it cannot be opened."""
        if language not in self._webs:
            self._webs[language] = self._open(language)
        return self._webs[language]

    def pages_of(self, language: str, scenario_id: str) -> Optional[Any]:
        """The loaded `Web` of a language when it has pages for this scenario, else None."""
        web = self.for_language(language)
        if web is None:
            return None
        try:
            pages = web.web
        except Exception as error:  # a web file broken since the index was cached: say so, keep playing
            self.problems.append(f"offline web ({language}): {error}")
            self._webs[language] = None
            return None
        return pages if any(scenario == scenario_id for scenario in pages.page_scenario.values()) else None

    def covers(self, language: str, scenario_id: str, post_id: str) -> bool:
        """True when the loaded web has pages for this scenario (a scenario without web keeps the verify panel)."""
        return self.pages_of(language, scenario_id) is not None

    def _open(self, language: str) -> Optional[Any]:
        from game.web.loader import OfflineWeb  # opened when the first post is checked, not at start-up

        if self.cache_dir is not None:
            try:
                self.cache_dir.mkdir(parents=True, exist_ok=True)
            except OSError:
                self.cache_dir = None  # a read-only data folder: the index is built in memory instead
        try:
            return OfflineWeb(self.folders, language, self.cache_dir)
        except Exception as error:  # a broken web file must not stop a round: the verify panel remains
            self.problems.append(f"offline web ({language}): {error}")
            return None
