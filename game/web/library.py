"""The loaded offline web of one language: every site, page, picture history and model query.

`Web` is what the game asks when a trainee opens a page, an about card, a domain's registration
facts or a picture's history. It is built by `game.web.loader.load_web_library` from checked web
files. Pure data and lookups: no I/O, no clock, no pygame.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from game.web.model import Appearance, LoadedWeb, Page, PictureHistory, Queries, Role, Site, SiteKind


@dataclass(frozen=True)
class Web:
    """The web of one language. Pages and sites are keyed by id; pictures and queries by (scenario id, file or post)."""

    language: str
    sites: dict[str, Site] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)
    page_scenario: dict[str, Optional[str]] = field(default_factory=dict)
    pictures: dict[tuple[str, str], PictureHistory] = field(default_factory=dict)
    queries: dict[tuple[str, str], Queries] = field(default_factory=dict)
    files: tuple[str, ...] = ()
    known_breaks: Any = None  # game.web.breaks.KnownBreaks: shipped Khmer word boundaries, or None

    # --- what the browser screens ask -------------------------------------------------------

    def page(self, page_id: str) -> Optional[Page]:
        """The page with this id, or None."""
        return self.pages.get(page_id)

    def site(self, site_id: str) -> Optional[Site]:
        """The site with this id (its `about` is the 'about this source' card), or None."""
        return self.sites.get(site_id)

    def site_of(self, page_id: str) -> Optional[Site]:
        page = self.pages.get(page_id)
        return self.sites.get(page.site) if page else None

    def site_for_domain(self, domain: str) -> Optional[Site]:
        """The site at a domain (a link's domain opens its registration facts: `about.registered`, `about.registrant`)."""
        wanted = domain.strip().lower().removeprefix("www.")
        return next((site for site in self.sites.values() if site.domain == wanted), None)

    def picture_history(self, scenario_id: str, file: str) -> list[Appearance]:
        """The earlier appearances of a scenario's picture, oldest first (empty when none are written)."""
        history = self.pictures.get((scenario_id, file))
        return sorted(history.appearances, key=lambda seen: seen.date) if history else []

    def is_fact_check(self, page_id: str) -> bool:
        """True when the page is on a fact-checker's site: opening it counts as the `fact_check` tool."""
        site = self.site_of(page_id)
        return site is not None and site.kind is SiteKind.fact_checker

    # --- what the tests, the debrief and the bots ask -----------------------------------------

    def pages_about(self, post_id: str, scenario_id: str, roles: Iterable[Role] = tuple(Role)) -> list[Page]:
        """Pages of the scenario that concern the post, in the given roles (e.g. the settling pages for the debrief)."""
        wanted = set(roles)
        return [page for page_id, page in self.pages.items()
                if self.page_scenario.get(page_id) == scenario_id and post_id in page.concerns and page.role in wanted]

    def queries_for(self, scenario_id: str, post_id: str) -> Optional[Queries]:
        return self.queries.get((scenario_id, post_id))


def build_web(language: str, files: Iterable[LoadedWeb], known_breaks: Any = None) -> Web:
    """A `Web` from checked web files of one language (the first definition of an id wins)."""
    sites: dict[str, Site] = {}
    pages: dict[str, Page] = {}
    page_scenario: dict[str, Optional[str]] = {}
    pictures: dict[tuple[str, str], PictureHistory] = {}
    queries: dict[tuple[str, str], Queries] = {}
    paths = []
    for loaded in files:
        web = loaded.web
        if web.language.value != language:
            continue
        paths.append(loaded.path)
        for site in web.sites:
            sites.setdefault(site.id, site)
        for page in web.pages:
            if page.id not in pages:
                pages[page.id] = page
                page_scenario[page.id] = web.scenario
        if web.scenario:
            for history in web.pictures:
                pictures.setdefault((web.scenario, history.file), history)
            for query in web.queries:
                queries.setdefault((web.scenario, query.post), query)
    return Web(language, sites, pages, page_scenario, pictures, queries, tuple(paths), known_breaks)
