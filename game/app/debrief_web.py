"""What the offline web adds to the debrief: the page that would have told you, and what you found.

`web_notes(state, web)` reads a finished round and the loaded `Web` of its language. For each missed
post it picks the page that settles it (a fact-check first, then an official notice, then a news
report); for each post the trainee checked it lists the pages opened, in order, with the seconds spent
and whether each was another source than the post's own. Pure data: no pygame, no files, no clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from game.rules.state import RoundState

if TYPE_CHECKING:  # the web's modules load when the web is first opened, not at start-up
    from game.web.library import Web
    from game.web.model import Page

# Which settling page the debrief shows first (site kinds): the most direct answer a trainee could have found.
SETTLING_ORDER = ("fact_checker", "government", "police", "bank", "news", "registry")
EXCERPT_CHARS = 220


@dataclass(frozen=True)
class PageNote:
    """One page, as the debrief names it: title, site name, date, and (for a settling page) an excerpt."""

    page: str
    title: str
    site: str
    date: str
    excerpt: str = ""
    seconds: float = 0.0
    other_source: bool = False


@dataclass(frozen=True)
class WebNotes:
    """For each post id: the settling page (missed posts) and the pages the trainee opened (checked posts)."""

    would_have_told: dict[str, PageNote]
    found: dict[str, tuple[PageNote, ...]]


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The page's first paragraph, cut at a word near `limit` characters."""
    first = text.strip().split("\n\n")[0].replace("\n", " ").strip()
    if len(first) <= limit:
        return first
    cut = first.rfind(" ", 0, limit)
    return first[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


def _note(web: "Web", page: "Page", **extra: object) -> PageNote:
    site = web.site(page.site)
    return PageNote(page.id, page.title, site.name if site else page.site, page.date, **extra)  # type: ignore[arg-type]


def settling_page(web: "Web", scenario_id: str, post_id: str) -> Optional["Page"]:
    """The page that settles a post best (a fact-check before a notice before a news report), or None."""
    pages = [page for page in web.pages_about(post_id, scenario_id) if page.role.value == "settles"]

    def order(page: "Page") -> tuple[int, str]:
        site = web.site(page.site)
        kind = site.kind.value if site else None
        return (SETTLING_ORDER.index(kind) if kind in SETTLING_ORDER else len(SETTLING_ORDER), page.id)

    return min(pages, key=order) if pages else None


def pages_found(state: RoundState, web: "Web", post_id: str) -> tuple[PageNote, ...]:
    """The pages opened while checking a post, first visit of each, in the order opened."""
    notes: list[PageNote] = []
    seconds: dict[str, float] = {}
    for view in state.pages_on(post_id):
        seconds[view.page] = seconds.get(view.page, 0.0) + view.seconds(state.clock)
    seen: set[str] = set()
    for view in state.pages_on(post_id):
        page = web.page(view.page)
        if page is None or view.page in seen:
            continue
        seen.add(view.page)
        notes.append(_note(web, page, seconds=round(seconds[view.page], 1), other_source=view.other_source))
    return tuple(notes)


def web_notes(state: RoundState, web: Optional["Web"], missed: tuple[str, ...]) -> WebNotes:
    """The debrief's web notes for a round: `missed` are the ids of the misleading posts that got past."""
    if web is None:
        return WebNotes({}, {})
    scenario_id = state.scenario.id
    told: dict[str, PageNote] = {}
    for post_id in missed:
        page = settling_page(web, scenario_id, post_id)
        if page is not None:
            told[post_id] = _note(web, page, excerpt=excerpt(page.text))
    found = {post.id: notes for post in state.scenario.posts if (notes := pages_found(state, web, post.id))}
    return WebNotes(told, found)
