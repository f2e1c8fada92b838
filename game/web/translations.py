"""Checks across web files: translations compared with their originals, and scenarios that have no web.

A translated web file names its original with `translation_of` and keeps its structure: the same
site ids with the same domains and kinds, the same page ids with the same sites, dates, roles,
`concerns` and link targets, the same pictures and appearances, and queries for the same posts.
Texts are never compared. `check_web_translations(files)` compares every web file among `files` that
is a translation (its original is looked for next to it, in the shared folder, then among `files`).
`scenarios_without_web(files)` warns, for each scenario among `files` with misleading posts in a
library that has an offline web (a `web/` folder beside the scenario's folder), when no web file in
its folder names it. Reads files through the loader's safe reader; never raises,
never imports pygame.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Optional

from game.scenario.errors import Problem
from game.scenario.model import Language
from game.scenario.validate import mapping_items, text_at
from game.scenario.yamlsafe import Document
from game.scenario.translations import read_facts
from game.web.loader import Memo, find_scenario, is_web_file, read_document, shared_folder, yaml_files

MISLEADING = ("misinformation", "scam")


@dataclass
class _File:
    path: str
    document: Document

    @property
    def data(self) -> dict:
        return self.document.data

    def where(self, path: tuple) -> tuple[int, int]:
        return self.document.mark(path)


def _read(path: str, memo: Memo) -> Optional[_File]:
    document, _, _ = read_document(path, memo)
    return _File(path, document) if document is not None and text_at(document.data, "id") else None


def _key(path: str) -> str:
    return os.path.normcase(os.path.abspath(path))


def _candidates(file: _File, given: list[_File], memo: Memo) -> list[_File]:
    found = {}
    for folder in (Path(file.path).parent, shared_folder(file.path)):
        for path in yaml_files(folder):
            if is_web_file(path):
                other = _read(str(path), memo)
                if other is not None:
                    found.setdefault(_key(other.path), other)
    for other in given:
        found.setdefault(_key(other.path), other)
    return [other for key, other in found.items() if key != _key(file.path)]


_LANGUAGE_TAG = re.compile(r"\.(?:" + "|".join(language.value for language in Language) + r")(?=\.[A-Za-z0-9]+$)")


def check_web_translations(files: Iterable[str]) -> list[Problem]:
    """Problems of the translated web files among `files` (structure only; each file's own problems are the loader's)."""
    memo = Memo()
    given = [web for path in files if is_web_file(path) and (web := _read(str(path), memo)) is not None]
    problems: list[Problem] = []
    for file in given:
        original_id = text_at(file.data, "translation_of")
        if not original_id:
            continue
        originals = [other for other in _candidates(file, given, memo) if text_at(other.data, "id") == original_id]
        if not originals:
            problems.append(_problem(file, ("translation_of",), "warning", "translation-original-missing",
                                     f"no web file with id '{original_id}' next to this one or among the files checked, so the translation cannot be compared with its original"))
            continue
        problems.extend(_compare(file, originals[0], memo))
    return sorted(problems, key=lambda problem: (problem.file, problem.line, problem.column))


def _problem(file: _File, path: tuple, severity: str, code: str, message: str) -> Problem:
    line, column = file.where(path)
    return Problem(file.path, line, column, severity, code, message)  # type: ignore[arg-type]


def _by_id(data: Any, key: str, field: str = "id") -> dict[str, tuple[int, dict]]:
    found: dict[str, tuple[int, dict]] = {}
    for index, item in mapping_items(data, key):
        value = text_at(item, field)
        if value is not None:
            found.setdefault(_picture_key(value) if key == "pictures" else value, (index, item))
    return found


def _picture_key(file_name: str) -> str:
    """A picture's name without its language tag ('images/poster.km.png' -> 'images/poster.png'):
    a translation shows its own language's version of the same picture."""
    return _LANGUAGE_TAG.sub("", file_name)


def _compare(file: _File, original: _File, memo: Memo) -> list[Problem]:
    name = Path(original.path).name
    problems: list[Problem] = []
    if text_at(file.data, "translation_status") in (None, "original"):
        problems.append(_problem(file, ("translation_status",), "warning", "translation-status",
                                 "a translation should say 'translation_status: draft' (or 'reviewed' once a native speaker has checked it), not 'original'"))
    if file.data.get("language") == original.data.get("language"):
        problems.append(_problem(file, ("language",), "warning", "translation-language", f"this translation is in the same language as its original ({name})"))
    problems += _compare_scenario(file, original, memo)
    for key, kind, fields in (("sites", "site", ("domain", "kind")),
                              ("pages", "page", ("site", "date", "role")),
                              ("pictures", "picture", ()),
                              ("queries", "queries for post", ())):
        field = {"pictures": "file", "queries": "post"}.get(key, "id")
        problems += _compare_list(file, original, name, key, field, kind, fields)
    problems += _compare_pages(file, original, name)
    return problems


def _compare_list(file: _File, original: _File, name: str, key: str, field: str, kind: str, fields: tuple[str, ...]) -> list[Problem]:
    mine, theirs = _by_id(file.data, key, field), _by_id(original.data, key, field)
    problems = []
    for item_id, (index, item) in mine.items():
        if item_id not in theirs:
            problems.append(_problem(file, (key, index, field), "error", f"translation-extra-{key[:-1]}", f"{kind} '{item_id}' is not in the original ({name}); a translation has exactly the original's {key}"))
            continue
        source = theirs[item_id][1]
        for name_of_field in fields:
            if item.get(name_of_field) != source.get(name_of_field):
                problems.append(_problem(file, (key, index, name_of_field), "error", f"translation-{key[:-1]}-{name_of_field}",
                                         f"{kind} '{item_id}': '{name_of_field}' is {item.get(name_of_field)!r} but the original ({name}) says {source.get(name_of_field)!r}"))
    missing = [item_id for item_id in theirs if item_id not in mine]
    if missing:
        problems.append(_problem(file, (key,), "error", f"translation-missing-{key[:-1]}", f"the original ({name}) has {key} missing here: {', '.join(missing)}"))
    return problems


def _links(page: dict) -> list[tuple]:
    return [(text_at(link, "page"), text_at(link, "domain")) for _, link in mapping_items(page, "links")]


def _appearances(picture: dict) -> list[tuple]:
    return sorted((text_at(seen, "site"), text_at(seen, "date"), text_at(seen, "page")) for _, seen in mapping_items(picture, "appearances"))


def _compare_pages(file: _File, original: _File, name: str) -> list[Problem]:
    problems = []
    theirs = _by_id(original.data, "pages")
    for page_id, (index, page) in _by_id(file.data, "pages").items():
        if page_id not in theirs:
            continue
        source = theirs[page_id][1]
        concerns = page.get("concerns") if isinstance(page.get("concerns"), list) else []
        expected = source.get("concerns") if isinstance(source.get("concerns"), list) else []
        if sorted(map(str, concerns)) != sorted(map(str, expected)):
            problems.append(_problem(file, ("pages", index, "concerns"), "error", "translation-page-concerns",
                                     f"page '{page_id}' concerns {sorted(map(str, concerns))} but the original ({name}) concerns {sorted(map(str, expected))}"))
        if _links(page) != _links(source):
            problems.append(_problem(file, ("pages", index, "links"), "error", "translation-page-links", f"page '{page_id}': the links go elsewhere than in the original ({name}); keep their targets and order"))
        if bool(page.get("picture")) != bool(source.get("picture")):
            problems.append(_problem(file, ("pages", index), "warning", "translation-page-picture", f"page '{page_id}': the original ({name}) {'has' if source.get('picture') else 'has no'} picture"))
    pictures = _by_id(original.data, "pictures", "file")
    for file_name, (index, picture) in _by_id(file.data, "pictures", "file").items():
        if file_name in pictures and _appearances(picture) != _appearances(pictures[file_name][1]):
            problems.append(_problem(file, ("pictures", index, "appearances"), "error", "translation-picture-appearances",
                                     f"picture '{file_name}': the appearances (sites, dates, pages) differ from the original's ({name})"))
    return problems


def _compare_scenario(file: _File, original: _File, memo: Memo) -> list[Problem]:
    mine, theirs = text_at(file.data, "scenario"), text_at(original.data, "scenario")
    if (mine is None) != (theirs is None):
        return [_problem(file, ("scenario",), "error", "translation-scenario", f"this file {'names' if mine else 'names no'} scenario, but its original {'names one' if theirs else 'names none'}")]
    if mine is None or theirs is None:
        return []
    facts, _ = find_scenario(file.path, mine, text_at(file.data, "language"), memo)
    if facts is not None and mine != theirs and facts.translation_of != theirs:
        return [_problem(file, ("scenario",), "error", "translation-scenario",
                         f"scenario '{mine}' is not a translation of '{theirs}', the scenario of the original web file")]
    return []


def scenarios_without_web(files: Iterable[str]) -> list[Problem]:
    """A warning for each scenario among `files` whose misleading posts have no web file naming the scenario in its folder."""
    memo = Memo()
    problems = []
    for path in files:
        if is_web_file(path):
            continue
        if not shared_folder(str(path)).is_dir():
            continue  # a scenario outside a library with an offline web (no `web/` folder beside its folder)
        facts = read_facts(str(path))
        if facts is None:
            continue
        misleading = [post.id for post in facts.posts if post.verdict in MISLEADING]
        if not misleading or _named_by_a_web_file(facts.id, str(path), memo):
            continue
        line, column = facts.document.key_mark(("posts",))
        language = facts.language or "en"
        problems.append(Problem(str(path), line, column, "warning", "no-settling-page",
                                f"no web file names this scenario, so {len(misleading)} misleading post(s) ({', '.join(misleading)}) have no page that settles them: "
                                f"write web.{language}.yaml next to it with 'scenario: {facts.id}' (see docs/web-format.md)"))
    return problems


def _named_by_a_web_file(scenario_id: str, path: str, memo: Memo) -> bool:
    for other in yaml_files(Path(path).parent):
        if is_web_file(other):
            document, _, _ = read_document(str(other), memo)
            if document is not None and text_at(document.data, "scenario") == scenario_id:
                return True
    return False


def duplicates_across_files(files: Iterable[str]) -> list[Problem]:
    """Errors for site and page ids that two scenario web files of one language both define.

    (A clash with the shared sites is already reported by each file's own check.)
    """
    memo = Memo()
    first: dict[tuple[str, str, str], str] = {}
    problems = []
    for path in sorted(str(path) for path in files if is_web_file(path)):
        file = _read(path, memo)
        if file is None or Path(path).parent.name == "web":
            continue
        language = str(file.data.get("language"))
        for key, kind in (("sites", "site"), ("pages", "page")):
            for item_id, (index, _) in _by_id(file.data, key).items():
                seen = first.setdefault((language, kind, item_id), path)
                if seen != path:
                    problems.append(_problem(file, (key, index, "id"), "error", "duplicate-id",
                                             f"{kind} id '{item_id}' is also defined in {seen}; ids are shared by every web file of a language, so start yours with the scenario's id"))
    return problems
