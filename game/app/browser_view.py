"""What the browser screens show, as plain blocks of text: the results, a page, an about card, a profile, a picture's past.

`present_place(browser, tr)` turns the browser's current place into `Block`s, top to bottom; a block
with a `move` is clickable (a result, a link, "About this source", an earlier appearance). The
`search` and `page` screens paint the blocks and turn clicks into moves. `present_post_tab` is the
pinned first tab: the post being checked. `time_line` says how much time is left and what a page costs.
Pure: no pygame, no clock, no files.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from game.app.browser import Browser
from game.app.present import format_clock
from game.lang.i18n import Translator

STYLES = ("heading", "meta", "body", "result", "snippet", "link", "note", "quote")


@dataclass(frozen=True)
class Move:
    """A move in the browser that a click or a key asks for: `kind` (result, page, about, domain, ...) and its target."""

    kind: str
    key: str = ""
    rank: Optional[int] = None


@dataclass(frozen=True)
class Block:
    """A paragraph of the browser's body. `marks` are (start, end) spans to highlight (the matched words)."""

    style: str
    text: str
    move: Optional[Move] = None
    marks: tuple[tuple[int, int], ...] = ()


def present_place(browser: Browser, tr: Translator) -> list[Block]:
    place = browser.place
    if place.kind == "page":
        return _page(browser, place.key, tr)
    if place.kind == "about":
        return _about(browser, place.key, tr)
    if place.kind == "profile":
        return _profile(browser, tr)
    if place.kind == "picture":
        return _picture(browser, tr)
    return _results(browser, tr)


def time_line(browser: Browser, tr: Translator) -> str:
    state = browser.driver.state
    cost = tr("Each page takes {seconds} seconds", seconds=state.page_seconds)
    left = state.time_left
    return cost if left is None else tr("Time left {clock}", clock=format_clock(tr, left)) + "  ·  " + cost


def present_post_tab(browser: Browser, tr: Translator) -> list[Block]:
    """The post being checked, as the first tab shows it."""
    post = browser.post
    account = _account(browser)
    blocks = [Block("heading", account.name if account else post.author), Block("meta", f"{account.handle if account else ''}  ·  {tr.time_ago(post.time)}"), Block("body", post.text)]
    if post.link is not None:
        blocks.append(Block("link", f"{post.link.title} ({post.link.domain})", Move("domain", post.link.domain)))
    if post.image is not None and post.image.alt:
        blocks.append(Block("note", tr("Picture: {what}", what=post.image.alt)))
    return blocks


# --- the places ------------------------------------------------------------------------------
def _results(browser: Browser, tr: Translator) -> list[Block]:
    found = browser.results
    if found is None:
        return [Block("note", tr("Type what you want to check, or tap the words from the post, then press Enter."))]
    blocks: list[Block] = []
    if found.suggestion:
        blocks.append(Block("link", tr("Did you mean: {words}", words=found.suggestion), Move("suggestion", found.suggestion)))
    if not found.results:
        blocks.append(Block("note", tr("Nothing found. Try other words.")))
    for result in found.results:
        blocks.append(Block("result", f"{tr.digits(str(result.rank))}. {result.title}", Move("result", result.page, result.rank)))
        blocks.append(Block("meta", f"{result.domain}  ·  {_day(tr, result.date)}"))
        text, marks = _snippet(result.snippet)
        blocks.append(Block("snippet", text, marks=marks))
    return blocks


def _page(browser: Browser, page_id: str, tr: Translator) -> list[Block]:
    web = browser.pages
    page = web.page(page_id)
    if page is None:
        return [Block("note", tr("This page cannot be found."))]
    site = web.site(page.site)
    byline = "  ·  ".join(part for part in (site.domain if site else page.site, _day(tr, page.date), page.author) if part)
    blocks = [Block("meta", site.name if site else page.site), Block("heading", page.title), Block("meta", byline)]
    blocks += [Block("body", paragraph.strip()) for paragraph in page.text.split("\n\n") if paragraph.strip()]
    if page.picture is not None and page.picture.alt:
        blocks.append(Block("note", tr("Picture: {what}", what=page.picture.alt)))
    for link in page.links:
        if link.page and web.page(link.page) is not None:
            blocks.append(Block("link", link.text, Move("page", link.page)))
        elif link.domain:
            blocks.append(Block("link", f"{link.text} ({link.domain})", Move("domain", link.domain)))
    if site is not None:
        blocks.append(Block("link", tr("About this source: {site}", site=site.name), Move("about", site.id)))
    return blocks


def _about(browser: Browser, site_id: str, tr: Translator) -> list[Block]:
    site = browser.pages.site(site_id)
    if site is None:
        return [Block("note", tr("This page cannot be found."))]
    about = site.about
    blocks = [
        Block("heading", tr("About this source: {site}", site=site.name)),
        Block("meta", site.domain),
        Block("body", tr("Who runs it: {who}", who=about.runs_it)),
        Block("body", tr("First seen on the web: {day}", day=_day(tr, about.first_seen))),
        Block("body", tr("Domain registered: {day}, by {who}", day=_day(tr, about.registered), who=about.registrant)),
    ]
    if about.others_say:
        blocks.append(Block("heading", tr("What others say")))
    for said in about.others_say:
        move = Move("page", said.page) if said.page and browser.pages.page(said.page) is not None else None
        blocks.append(Block("quote" if move is None else "link", f"{said.source}: {said.text}", move))
    return blocks


def _profile(browser: Browser, tr: Translator) -> list[Block]:
    account = _account(browser)
    if account is None:
        return [Block("note", tr("This page cannot be found."))]
    blocks = [Block("heading", account.name), Block("meta", account.handle)]
    facts = [tr("Followers: {count}", count=tr.count(account.followers))]
    if account.joined:
        facts.append(tr("Account created: {day}", day=_day(tr, account.joined)))
    facts.append(tr("Verified badge: yes") if account.verified else tr("Verified badge: no"))
    blocks += [Block("body", fact) for fact in facts]
    if account.bio:
        blocks.append(Block("quote", account.bio))
    if account.name_changes:
        blocks.append(Block("heading", tr("Earlier names")))
    for change in account.name_changes:
        blocks.append(Block("body", tr("{day}: renamed from \"{old}\" to \"{new}\"", day=_day(tr, change.date), old=change.old_name, new=change.new_name)))
    if account.other_posts:
        blocks.append(Block("heading", tr("Other posts")))
    for other in account.other_posts:
        blocks.append(Block("quote", f"{_day(tr, other.date)}: {other.text}"))
    if account.site and browser.pages.site(account.site) is not None:
        blocks.append(Block("link", tr("About this source: {site}", site=browser.pages.site(account.site).name), Move("about", account.site)))
    return blocks


def _picture(browser: Browser, tr: Translator) -> list[Block]:
    post = browser.post
    file = post.image.file if post.image is not None else ""
    seen = browser.pages.picture_history(browser.scenario_id(), file)
    blocks = [Block("heading", tr("Where this picture appeared before"))]
    if not seen:
        blocks.append(Block("note", tr("No earlier copies of this picture were found.")))
    for appearance in seen:
        site = browser.pages.site(appearance.site)
        line = f"{_day(tr, appearance.date)}  ·  {site.name if site else appearance.site}"
        move = Move("page", appearance.page) if appearance.page and browser.pages.page(appearance.page) is not None else None
        blocks.append(Block("link" if move else "meta", line, move))
        blocks.append(Block("quote", appearance.caption))
    return blocks


# --- helpers ---------------------------------------------------------------------------------
def _account(browser: Browser) -> Any:
    post = browser.post
    return next((a for a in browser.driver.state.scenario.accounts if a.id == post.author), None)


def _day(tr: Translator, day: Any) -> str:
    return tr.digits(str(day))


def _snippet(snippet: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    from game.web.index import snippet_parts  # the web's modules load when a post is first checked, not at start-up

    text, marks = "", []
    for part, marked in snippet_parts(snippet):
        if marked:
            marks.append((len(text), len(text) + len(part)))
        text += part
    return " ".join(text.split("\n")), tuple(marks)
