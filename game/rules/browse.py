"""Browsing the offline web while checking a post: queries, results looked at, pages, source checks, picture search.

`check_browse` says why a browsing command is not allowed (a rejection reason) and `apply_browse`
records it. The pinned tools keep their meaning: the first query on a post uses `search`, the
account's profile or a site's about card `source`, a picture search `reverse_image`, a page on a
fact-checker's site `fact_check`; each tool is charged (seconds and points) at most once per post.
Every page opened costs `tool_seconds.page` simulated seconds. Whether a page is another source
(`lateral` reading) is decided here from the page's site and domain, passed in the command, and the
post's account and link. Pure: no pygame, no clock reads, no file I/O, no import of game.web.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from typing import Optional
from urllib.parse import urlparse

from game.rules.clues import tool_applies
from game.rules.commands import QUERY_SOURCES, CheckSource, ClosePage, OpenPage, Search, SearchPicture, SeeResults
from game.rules.events import Browsed, Event
from game.rules.state import PageView, Query, RoundState, ToolUse
from game.scenario.model import Post, Tool

MAX_QUERY_CHARS = 500
PASTED_MIN_CHARS = 15  # a typed query this long that is a piece of the post's own text was pasted (or copied out)
FACT_CHECKER = "fact_checker"


def check_browse(state: RoundState, command: object) -> Optional[tuple[str, str]]:
    """(reason, detail) when the browsing command is not allowed now, else None."""
    post_id = getattr(command, "post", None)
    if not state.has_post(post_id):
        return "unknown-post", f"({post_id!r})"
    if state.decision(post_id) is not None:
        return "tool-after-decision", f"({post_id!r})"
    if isinstance(command, Search):
        if command.source not in QUERY_SOURCES:
            return "bad-query", f"(source {command.source!r}: use 'typed' or 'chips')"
        if not isinstance(command.text, str) or not command.text.strip() or len(command.text) > MAX_QUERY_CHARS:
            return "bad-query", "(empty or too long)"
    if isinstance(command, SearchPicture) and not tool_applies(state.post(post_id), Tool.reverse_image):
        return "no-image", f"({post_id!r})"
    if isinstance(command, OpenPage) and not (isinstance(command.page, str) and command.page and isinstance(command.site, str)):
        return "bad-page", "(a page needs its id and its site's id)"
    if isinstance(command, OpenPage) and command.rank is not None and not (isinstance(command.rank, int) and command.rank >= 1):
        return "bad-page", f"(rank {command.rank!r})"
    return None


def own_domains(state: RoundState, post: Post) -> tuple[set[str], set[str]]:
    """The post's own site ids (its account's site) and domains (its link's shown and real domains)."""
    account = next((a for a in state.scenario.accounts if a.id == post.author), None)
    sites = {account.site} if account is not None and account.site else set()
    domains: set[str] = set()
    if post.link is not None:
        domains.add(post.link.domain.strip().lower().removeprefix("www."))
        host = urlparse(post.link.url if "//" in post.link.url else "//" + post.link.url).hostname
        if host:
            domains.add(host.lower().removeprefix("www."))
    return sites, domains


def close_pages(state: RoundState) -> RoundState:
    """Every open page closed at the state's clock."""
    if all(view.closed is not None for view in state.page_views):
        return state
    views = tuple(view if view.closed is not None else _closed(view, state.clock) for view in state.page_views)
    return state.with_changes(page_views=views)


def _closed(view: PageView, clock: float) -> PageView:
    return replace(view, closed=max(view.opened, clock))


def _charge(state: RoundState, post_id: str, tool: Tool) -> tuple[RoundState, Optional[Tool], int]:
    """Use `tool` on the post unless it was used already: (state, the tool newly used or None, its seconds)."""
    if tool in state.tools_on(post_id):
        return state, None, 0
    seconds = state.tool_cost_seconds(tool)
    use = ToolUse(post_id, tool, at=state.elapsed + seconds)
    return state.with_changes(tool_uses=state.tool_uses + (use,)), tool, seconds


def apply_browse(state: RoundState, command: object) -> tuple[RoundState, tuple[Event, ...]]:
    """Record an allowed browsing command (see `check_browse`)."""
    post_id = command.post  # type: ignore[attr-defined]
    if isinstance(command, SeeResults):
        return _see(state, post_id, command.seen), (Browsed(post_id, "results", None, 0),)
    state = close_pages(state)
    if isinstance(command, ClosePage):
        return state, (Browsed(post_id, "close", None, 0),)
    if isinstance(command, Search):
        state, tool, seconds = _charge(state, post_id, Tool.search)
        query = Query(post_id, command.text.strip(), command.source, at=state.elapsed, shown=max(0, int(command.shown)), seen=max(0, int(command.shown)))
        return state.with_changes(queries=state.queries + (query,)), (Browsed(post_id, "search", tool, seconds),)
    if isinstance(command, CheckSource):
        state, tool, seconds = _charge(state, post_id, Tool.source)
        return state, (Browsed(post_id, "source", tool, seconds),)
    if isinstance(command, SearchPicture):
        state, tool, seconds = _charge(state, post_id, Tool.reverse_image)
        return state, (Browsed(post_id, "picture", tool, seconds),)
    assert isinstance(command, OpenPage)
    return _open(state, command)


def _see(state: RoundState, post_id: str, seen: int) -> RoundState:
    queries = list(state.queries)
    for index in range(len(queries) - 1, -1, -1):
        if queries[index].post == post_id:
            queries[index] = replace(queries[index], seen=max(queries[index].seen, int(seen)))
            return state.with_changes(queries=tuple(queries))
    return state


def _open(state: RoundState, command: OpenPage) -> tuple[RoundState, tuple[Event, ...]]:
    post = state.post(command.post)
    tool, seconds = None, 0
    if command.site_kind == FACT_CHECKER:
        state, tool, seconds = _charge(state, post.id, Tool.fact_check)
    sites, domains = own_domains(state, post)
    other = command.site not in sites and command.domain.strip().lower().removeprefix("www.") not in domains
    queries = state.queries_on(post.id)
    seen = (queries[-1].seen or queries[-1].shown) if command.rank is not None and queries else None
    view = PageView(post.id, command.page, command.site, command.rank, opened=state.clock, other_source=other, results_seen=seen)
    state = state.with_changes(page_views=state.page_views + (view,))
    return state, (Browsed(post.id, "page", tool, seconds + state.page_seconds),)


def browsing_entry(state: RoundState, post_id: str) -> dict:
    """The browsing keys of a decision in the result record (see docs/results-format.md)."""
    views = state.pages_on(post_id)
    from_results = [view for view in views if view.rank is not None]
    return {
        "queries": [{"text": query.text, "source": query.source} for query in state.queries_on(post_id)],
        "pages": [{"page": view.page, "seconds": round(view.seconds(state.clock), 3), "rank": view.rank} for view in views],
        "lateral": any(view.other_source for view in views),
        "headline_pasted": sum(1 for query in state.queries_on(post_id) if copies_post(query.text, state.post(post_id).text)),
        "ranks_clicked": [view.rank for view in from_results],
        "results_seen_before_click": from_results[0].results_seen if from_results else None,
    }


def _letters(text: str) -> str:
    """Letters, digits and marks only, case-folded: what stays of a text once spacing and punctuation go."""
    return "".join(ch for ch in text.casefold() if unicodedata.category(ch)[0] in "LNM")


def copies_post(query: str, post_text: str) -> bool:
    """True when a query is a long piece of the post's own words: the headline pasted rather than a question asked."""
    letters = _letters(query)
    return len(letters) >= PASTED_MIN_CHARS and letters in _letters(post_text)
