"""Checks on one parsed web file: types, ids and every reference (sites, pages, posts, pictures).

Reads the raw YAML data defensively (as `game.scenario.validate` does for scenarios), so the
reference checks still run and report when some fields have the wrong type. What the file may
refer to outside itself comes in as `Known` (the shared sites and pages of its language) and
`PostFacts` (the posts of its scenario): this module reads no files and never imports pygame.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from game.scenario.validate import Context, check_types, did_you_mean, mapping_items, text_at
from game.web.model import Role, WebFile

MISLEADING = frozenset({"misinformation", "scam"})


@dataclass(frozen=True)
class Known:
    """Ids defined outside the file being checked: sites (id -> domain) and page ids, with where each is defined."""

    sites: dict[str, str] = field(default_factory=dict)
    pages: frozenset[str] = frozenset()
    where: dict[str, str] = field(default_factory=dict)  # "site:<id>" or "page:<id>" -> file that defines it


@dataclass(frozen=True)
class ScenarioPosts:
    """What a web file needs to know of its scenario: each post's verdict and picture, and the account ids."""

    file: str
    posts: dict[str, str]  # post id -> verdict
    images: dict[str, str]  # picture file -> id of the (first) post showing it
    accounts: frozenset[str] = frozenset()


def check_web_document(context: Context, known: Known, scenario: Optional[ScenarioPosts], scenario_problem: Optional[str] = None) -> Optional[WebFile]:
    """Every check on one web document; problems go to `context`. Returns the WebFile, or None after errors."""
    web = check_types(context)
    sites = _check_sites(context, known)
    pages = _check_page_ids(context, known)
    all_sites = set(known.sites) | set(sites)
    all_pages = set(known.pages) | pages
    _check_pages(context, all_sites, all_pages, scenario)
    _check_pictures(context, all_sites, all_pages, scenario)
    _check_queries(context, scenario)
    _check_scenario_key(context, scenario, scenario_problem)
    if any(problem.is_error for problem in context.problems):
        return None
    return web  # type: ignore[return-value]


_DUPLICATE_CODES = {"id": "duplicate-id", "domain": "duplicate-domain", "file": "duplicate-picture", "post": "duplicate-query"}


def _unique(context: Context, key: str, field_name: str, kind: str, outside: dict[str, str] | frozenset[str], where: dict[str, str], tag: str) -> dict[str, int]:
    """Ids (or other unique fields) of the list `key`, reporting duplicates here and with other files."""
    code = _DUPLICATE_CODES[field_name]
    seen: dict[str, int] = {}
    for index, item in mapping_items(context.data, key):
        value = text_at(item, field_name)
        if value is None:
            continue
        path = (key, index, field_name)
        if value in seen:
            first = context.document.mark((key, seen[value], field_name))[0]
            context.error(path, code, f"duplicate {kind} '{value}' (first used at line {first}); each must be different")
        elif value in outside:
            other = where.get(f"{tag}:{value}", "another web file")
            context.error(path, code, f"{kind} '{value}' is already defined in {other}; use that one, or choose another")
        else:
            seen[value] = index
    return seen


def _check_sites(context: Context, known: Known) -> dict[str, int]:
    ids = _unique(context, "sites", "id", "site id", known.sites, known.where, "site")
    domains = {domain: site for site, domain in known.sites.items()}
    _unique(context, "sites", "domain", "domain", frozenset(domains), {f"domain:{d}": known.where.get(f"site:{s}", "another web file") for d, s in domains.items()}, "domain")
    return ids


def _check_page_ids(context: Context, known: Known) -> set[str]:
    return set(_unique(context, "pages", "id", "page id", known.pages, known.where, "page"))


def _site_ref(context: Context, path: tuple, value: Optional[str], sites: set[str], prefix: str) -> None:
    if value is not None and value not in sites:
        context.error(path, "unknown-site", f"{prefix}site '{value}' is not a site of this file or of the shared sites{did_you_mean(value, sites)}")


def _page_ref(context: Context, path: tuple, value: Optional[str], pages: set[str], prefix: str) -> None:
    if value is not None and value not in pages:
        context.error(path, "unknown-page", f"{prefix}page '{value}' is not a page of this file or of the shared sites{did_you_mean(value, pages)}")


def _check_pages(context: Context, sites: set[str], pages: set[str], scenario: Optional[ScenarioPosts]) -> None:
    for index, page in mapping_items(context.data, "pages"):
        prefix = _label("page", page, index)
        _site_ref(context, ("pages", index, "site"), text_at(page, "site"), sites, prefix)
        for number, link in mapping_items(page, "links"):
            path = ("pages", index, "links", number)
            target_page, target_domain = link.get("page"), link.get("domain")
            if (target_page is None) == (target_domain is None):
                context.error(path, "link-target", f"{prefix}link {number + 1} needs exactly one of 'page:' (a page id) or 'domain:' (opens its registration facts)")
            _page_ref(context, path + ("page",), text_at(link, "page"), pages, prefix)
        role = text_at(page, "role")
        concerns = page.get("concerns")
        concerns = concerns if isinstance(concerns, list) else []
        if concerns and role == Role.background.value:
            context.warning(("pages", index, "concerns"), "background-concerns", f"{prefix}a 'background' page concerns no post; give it the role 'settles', 'confirms', 'data_void' or 'distractor'", at_key=True)
        if concerns and scenario is None:
            context.error(("pages", index, "concerns"), "no-scenario", f"{prefix}'concerns' names posts, but the file has no 'scenario:' saying whose", at_key=True)
            continue
        for number, post_id in enumerate(concerns):
            if isinstance(post_id, str):
                _check_concern(context, ("pages", index, "concerns", number), post_id, role, scenario, prefix)


def _check_concern(context: Context, path: tuple, post_id: str, role: Optional[str], scenario: Optional[ScenarioPosts], prefix: str) -> None:
    if scenario is None:
        return
    verdict = scenario.posts.get(post_id)
    if verdict is None:
        context.error(path, "unknown-post", f"{prefix}post '{post_id}' is not a post of the scenario ({scenario.file}){did_you_mean(post_id, scenario.posts)}")
        return
    misleading = verdict in MISLEADING
    if role in (Role.settles.value, Role.data_void.value) and not misleading:
        context.error(path, "role-mismatch", f"{prefix}a '{role}' page must concern a misleading post, but '{post_id}' is {verdict}; use 'confirms' or 'distractor'")
    elif role == Role.confirms.value and misleading:
        context.error(path, "role-mismatch", f"{prefix}a 'confirms' page must concern a reliable post, but '{post_id}' is {verdict}; use 'settles', 'data_void' or 'distractor'")


def _check_pictures(context: Context, sites: set[str], pages: set[str], scenario: Optional[ScenarioPosts]) -> None:
    _unique(context, "pictures", "file", "picture", frozenset(), {}, "picture")
    if mapping_items(context.data, "pictures") and scenario is None:
        context.error(("pictures",), "no-scenario", "'pictures' names a scenario's pictures, but the file has no 'scenario:' saying which", at_key=True)
    for index, picture in mapping_items(context.data, "pictures"):
        file = text_at(picture, "file")
        prefix = f"picture '{file}': " if file else f"picture #{index + 1}: "
        if file is not None and scenario is not None and file not in scenario.images:
            context.error(("pictures", index, "file"), "unknown-picture", f"{prefix}no post of the scenario shows this picture{did_you_mean(file, scenario.images)}; write the file exactly as the post's 'image: file:'")
        for number, seen in mapping_items(picture, "appearances"):
            path = ("pictures", index, "appearances", number)
            _site_ref(context, path + ("site",), text_at(seen, "site"), sites, prefix)
            _page_ref(context, path + ("page",), text_at(seen, "page"), pages, prefix)
    for index, site in mapping_items(context.data, "sites"):
        for number, said in mapping_items(site.get("about"), "others_say"):
            _page_ref(context, ("sites", index, "about", "others_say", number, "page"), text_at(said, "page"), pages, _label("site", site, index))


def _check_queries(context: Context, scenario: Optional[ScenarioPosts]) -> None:
    _unique(context, "queries", "post", "queries for post", frozenset(), {}, "query")
    if mapping_items(context.data, "queries") and scenario is None:
        context.error(("queries",), "no-scenario", "'queries' names posts, but the file has no 'scenario:' saying whose", at_key=True)
        return
    for index, query in mapping_items(context.data, "queries"):
        post_id = text_at(query, "post")
        if post_id is None or scenario is None:
            continue
        verdict = scenario.posts.get(post_id)
        if verdict is None:
            context.error(("queries", index, "post"), "unknown-post", f"queries: post '{post_id}' is not a post of the scenario{did_you_mean(post_id, scenario.posts)}")
        elif verdict not in MISLEADING:
            context.warning(("queries", index, "post"), "reliable-query", f"queries: post '{post_id}' is reliable; model queries are for misleading posts")


def _check_scenario_key(context: Context, scenario: Optional[ScenarioPosts], problem: Optional[str]) -> None:
    if problem:
        context.error(("scenario",), "unknown-scenario", problem)
        return
    if scenario is None:
        return
    settled = _posts_with_role(context.data, Role.settles.value)
    queried = {text_at(query, "post") for _, query in mapping_items(context.data, "queries")}
    for post_id, verdict in scenario.posts.items():
        if verdict not in MISLEADING:
            continue
        if post_id not in settled:
            context.warning(("scenario",), "no-settling-page", f"{verdict} post '{post_id}' has no page that settles it: add a page with 'role: settles' and 'concerns: [{post_id}]'")
        if post_id not in queried:
            context.warning(("scenario",), "no-queries", f"{verdict} post '{post_id}' has no model queries: add it under 'queries:' with 'good' and 'headline'")


def _posts_with_role(data: Any, role: str) -> set[str]:
    found: set[str] = set()
    for _, page in mapping_items(data, "pages"):
        concerns = page.get("concerns")
        if text_at(page, "role") == role and isinstance(concerns, list):
            found.update(post for post in concerns if isinstance(post, str))
    return found


def _label(kind: str, item: Any, index: int) -> str:
    item_id = text_at(item, "id")
    return f"{kind} '{item_id}': " if item_id else f"{kind} #{index + 1}: "
