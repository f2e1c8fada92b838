"""The one web-file loader: `validate`, the search index and the game read web files through here.

`check_web_file(path)` reads, parses and checks one web file against what it may refer to (the
shared sites of its language and its scenario) and never raises: it returns `(LoadedWeb or None,
problems)`. `load_web_file(path)` returns the `LoadedWeb` or raises `ScenarioError`.
`is_web_file(path)` tells a web file (`kind: web`) from a scenario, as `is_quiz_file` does for quizzes.
Reads files (this is a loader); never imports pygame.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Union

from game.scenario.errors import Problem, ScenarioError
from game.scenario.loader import read_head, read_source
from game.scenario.translations import ScenarioFacts, read_facts
from game.scenario.validate import Context, check_image_references, did_you_mean, image_references, mapping_items, text_at
from game.scenario.yamlsafe import Document, decode_yaml_bytes, parse_yaml, without_stand_in_follow_ups
from game.web.breaks import read_breaks, segmenter_version
from game.web.index import FORMAT, LIMIT, SearchResults, open_index
from game.web.library import Web, build_web
from game.web.model import LoadedWeb, WebFile
from game.web.validate import Known, ScenarioPosts, check_web_document

PathLike = Union[str, "os.PathLike[str]"]

YAML_SUFFIXES = (".yaml", ".yml")
SHARED_FOLDER = "web"  # <library>/web/ holds the shared sites
_KIND_LINE = re.compile(r"""^kind[ \t]*:[ \t]*(["']?)web\1[ \t]*(#.*)?$|["']kind["'][ \t]*:[ \t]*["']web["']""", re.MULTILINE)


def is_web_text(text: str) -> bool:
    """True when the YAML text declares `kind: web` at its top level."""
    return _KIND_LINE.search(text) is not None


def is_web_file(path: PathLike) -> bool:
    """True when the file declares `kind: web` (reads at most the first 64 KB; False if unreadable)."""
    head = read_head(path)
    if head is None:
        return False
    return is_web_text(head.decode("utf-8", errors="replace"))


def _error(file: str, code: str, message: str, line: int = 0, column: int = 0) -> Problem:
    return Problem(file, line, column, "error", code, message)


class Memo:
    """Files already read during one library load, so the shared sites and scenarios are parsed once."""

    def __init__(self) -> None:
        self.documents: dict[str, tuple] = {}
        self.facts: dict[str, object] = {}


def read_document(file: str, memo: Optional[Memo] = None) -> tuple[Optional[Document], Optional[bytes], list[Problem]]:
    """A file's parsed YAML (top level a mapping), its bytes, and the problems met on the way."""
    if memo is not None:
        key = os.path.normcase(os.path.abspath(file))
        if key not in memo.documents:
            memo.documents[key] = _read_document(file)
        return memo.documents[key]
    return _read_document(file)


def _read_document(file: str) -> tuple[Optional[Document], Optional[bytes], list[Problem]]:
    raw, problems = read_source(file)
    if raw is None:
        return None, None, problems
    text, problems = decode_yaml_bytes(raw, file)
    if text is None:
        return None, raw, problems
    if not text.strip() or all(line.lstrip().startswith("#") or not line.strip() for line in text.splitlines()):
        return None, raw, [_error(file, "file-empty", "the file is empty; see docs/web-format.md for a complete example", 1, 1)]
    document, problems = parse_yaml(text, file)
    if document is not None and not isinstance(document.data, dict):
        line, column = document.mark(())
        return None, raw, problems + [_error(file, "not-a-mapping", "the top level of a web file must be fields such as 'kind: web', 'id:', 'language:' and 'pages:'", line, column)]
    return document, raw, problems


# ----------------------------------------------------------------------------------------------
# What a file may refer to: the shared sites, and its scenario


def shared_folder(file: str) -> Path:
    """The folder of shared web files for a web file: its own folder if named `web/`, else `../web/`."""
    folder = Path(file).parent
    return folder if folder.name == SHARED_FOLDER else folder.parent / SHARED_FOLDER


def yaml_files(folder: Path) -> list[Path]:
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    return [folder / name for name in names if name.lower().endswith(YAML_SUFFIXES) and not name.startswith(".") and (folder / name).is_file()]


def known_outside(file: str, language: Optional[str], memo: Optional[Memo] = None) -> Known:
    """Sites and pages defined by the shared web files of `language` (other than `file` itself), read defensively."""
    sites: dict[str, str] = {}
    pages: set[str] = set()
    where: dict[str, str] = {}
    own = os.path.normcase(os.path.abspath(file))
    for path in yaml_files(shared_folder(file)):
        if os.path.normcase(os.path.abspath(path)) == own or not is_web_file(path):
            continue
        document, _, _ = read_document(str(path), memo)
        if document is None or document.data.get("language") != language:
            continue
        for _, site in mapping_items(document.data, "sites"):
            site_id, domain = text_at(site, "id"), text_at(site, "domain")
            if site_id and site_id not in sites:
                sites[site_id] = domain or ""
                where[f"site:{site_id}"] = path.name
        for _, page in mapping_items(document.data, "pages"):
            page_id = text_at(page, "id")
            if page_id and page_id not in pages:
                pages.add(page_id)
                where[f"page:{page_id}"] = path.name
    return Known(sites, frozenset(pages), where)


def _facts(path: str, memo: Optional[Memo]) -> Optional[ScenarioFacts]:
    if memo is None:
        return read_facts(path)
    key = os.path.normcase(os.path.abspath(path))
    if key not in memo.facts:
        memo.facts[key] = None if is_web_file(path) else read_facts(path)
    return memo.facts[key]


def find_scenario(file: str, scenario_id: str, language: Optional[str], memo: Optional[Memo] = None) -> tuple[Optional[ScenarioFacts], Optional[str]]:
    """(ScenarioFacts of the scenario with this id in the web file's folder, or None; a problem message or None)."""
    found = []
    for path in yaml_files(Path(file).parent):
        facts = _facts(str(path), memo)
        if facts is not None:
            found.append(facts)
    match = next((facts for facts in found if facts.id == scenario_id), None)
    if match is None:
        return None, f"no scenario with id '{scenario_id}' in this folder{did_you_mean(scenario_id, [facts.id for facts in found])}; 'scenario:' names the scenario next to this file"
    if language and match.language != language:
        return None, f"the scenario '{scenario_id}' ({Path(match.file).name}) is in '{match.language}' but this file is in '{language}'; name the scenario of this file's language"
    return match, None


def scenario_posts(facts: ScenarioFacts) -> ScenarioPosts:
    """The verdicts, pictures and accounts of a scenario, from its facts."""
    images: dict[str, str] = {}
    for _, post in mapping_items(facts.data, "posts"):
        image, post_id = text_at(post, "image", "file"), text_at(post, "id")
        if image and post_id:
            images.setdefault(image, post_id)
    return ScenarioPosts(facts.file, {post.id: post.verdict or "" for post in facts.posts}, images, frozenset(account for _, account in facts.account_ids))


def account_site_problems(facts: ScenarioFacts, sites: set[str]) -> list[Problem]:
    """Problems, located in the scenario file, with accounts whose `site` is no site of the web."""
    problems = []
    for index, account in mapping_items(facts.data, "accounts"):
        site = text_at(account, "site")
        if site is not None and site not in sites:
            line, column = facts.document.mark(("accounts", index, "site"))
            problems.append(Problem(facts.file, line, column, "error", "unknown-account-site",
                                    f"account '{text_at(account, 'id')}': site '{site}' is not a site of the web{did_you_mean(site, sites)}"))
    return problems


# ----------------------------------------------------------------------------------------------


def _check(file: str, decode_images: bool, memo: Optional[Memo] = None) -> tuple[Optional[LoadedWeb], list[Problem]]:
    document, raw, yaml_problems = read_document(file, memo)
    if document is None or raw is None:
        return None, yaml_problems
    data = document.data
    language = data.get("language") if isinstance(data.get("language"), str) else None
    known = known_outside(file, language, memo)
    facts, scenario_problem = (None, None)
    scenario_id = text_at(data, "scenario")
    if scenario_id:
        facts, scenario_problem = find_scenario(file, scenario_id, language, memo)
    context = Context(file, document, root=WebFile)
    web = check_web_document(context, known, scenario_posts(facts) if facts else None, scenario_problem)
    check_image_references(context, Path(file).parent, image_references(context, "pages", ("picture", "file"), "picture"), decode_images)
    problems = yaml_problems + without_stand_in_follow_ups(document, context.problems)
    if facts is not None:
        own_sites = {site_id for _, site in mapping_items(data, "sites") if (site_id := text_at(site, "id"))}
        problems += account_site_problems(facts, set(known.sites) | own_sites)
    if web is None or any(problem.is_error for problem in problems):
        return None, problems
    return LoadedWeb(web=web, path=file, sha256=hashlib.sha256(raw).hexdigest()), problems


def check_web_file(path: PathLike, *, decode_images: bool = True, memo: Optional[Memo] = None) -> tuple[Optional[LoadedWeb], list[Problem]]:
    """Load and check one web file. Never raises; returns (web or None when there are errors, problems in file order)."""
    file = os.fspath(path)
    try:
        loaded, problems = _check(file, decode_images, memo)
    except Exception as error:  # the last line of defence: a bug here must not become a traceback
        return None, [_error(file, "internal-error", f"unexpected problem while checking this web file ({type(error).__name__}: {error}); please report it")]
    problems.sort(key=lambda problem: (problem.file != file, problem.file, problem.line, problem.column))
    return loaded, problems


def load_web_file(path: PathLike) -> LoadedWeb:
    """Load a web file, or raise `ScenarioError` with every problem found."""
    loaded, problems = check_web_file(path)
    if loaded is None:
        raise ScenarioError(problems)
    return loaded


# ----------------------------------------------------------------------------------------------
# The whole library


def web_files(folders: Iterable[PathLike]) -> list[Path]:
    """Every web file (`kind: web`) in the folders and their sub-folders, sorted, each once; `images/` folders skipped."""
    found: dict[Path, None] = {}
    for folder in folders:
        base = Path(folder)
        if base.is_file():
            candidates = [base]
        elif base.is_dir():
            candidates = sorted(path for path in base.rglob("*") if path.suffix.lower() in YAML_SUFFIXES and "images" not in path.relative_to(base).parts)
        else:
            candidates = []
        for path in candidates:
            if not path.name.startswith(".") and path.is_file() and is_web_file(path):
                found.setdefault(path.resolve(), None)
    return list(found)


def fingerprint(folders: Iterable[PathLike], extra: str = "") -> str:
    """A key that changes when any YAML file under the folders is added, removed, changed or touched (paths, mtimes, sizes)."""
    entries = [extra]
    for folder in folders:
        base = os.path.abspath(os.fspath(folder))
        if os.path.isfile(base):
            walked = [(os.path.dirname(base), [], [os.path.basename(base)])]
        else:
            walked = os.walk(base)
        for root, subfolders, names in walked:
            subfolders[:] = sorted(name for name in subfolders if name != "images")
            for name in sorted(names):
                if name.lower().endswith(YAML_SUFFIXES):
                    try:
                        stat = os.stat(os.path.join(root, name))
                    except OSError:
                        continue
                    entries.append(f"{os.path.join(root, name)}\0{stat.st_mtime_ns}\0{stat.st_size}")
    return hashlib.sha256("\n".join(entries).encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class WebLibrary:
    """The webs found in some folders, by language, and the problems of the web files that did not load."""

    webs: dict[str, Web]
    loaded: tuple[LoadedWeb, ...] = ()
    problems: tuple[Problem, ...] = ()

    def web(self, language: str) -> Web:
        """The web of a language (empty when there is none)."""
        return self.webs.get(language) or Web(language)


def load_web_library(folders: Iterable[PathLike], *, decode_images: bool = False) -> WebLibrary:
    """Load every web file under the folders (shared ones first). Files with errors are left out; their problems are kept.

    Ids are checked across files too: a scenario's web file may not reuse a site or page id of another scenario's.
    """
    memo = Memo()
    folders = list(folders)
    files = web_files(folders)
    files.sort(key=lambda path: (path.parent.name != SHARED_FOLDER, str(path)))
    loaded: list[LoadedWeb] = []
    problems: list[Problem] = []
    for path in files:
        web, found = check_web_file(path, decode_images=decode_images, memo=memo)
        problems.extend(found)
        if web is not None:
            clash = _clash(web, loaded)
            if clash:
                problems.append(clash)
                continue
            loaded.append(web)
    languages = sorted({web.web.language.value for web in loaded})
    known = read_breaks(folder for folder in folders if os.path.isdir(folder))  # the built-in Khmer, segmented once ahead
    return WebLibrary({language: build_web(language, loaded, known) for language in languages}, tuple(loaded), tuple(problems))


def _clash(web: LoadedWeb, earlier: list[LoadedWeb]) -> Optional[Problem]:
    """An error when a web file defines a site or page id that another (non-shared) web file of its language already has."""
    for other in earlier:
        if other.web.language is not web.web.language:
            continue
        for kind, mine, theirs in (("site", {s.id for s in web.web.sites}, {s.id for s in other.web.sites}),
                                   ("page", {p.id for p in web.web.pages}, {p.id for p in other.web.pages})):
            shared = sorted(mine & theirs)
            if shared:
                return _error(web.path, "duplicate-id", f"{kind} id '{shared[0]}' is also defined in {other.path}; ids are shared by every web file of a language, so choose another (start it with the scenario's id)")
    return None


# ----------------------------------------------------------------------------------------------
# The offline web as the game and the `search` command open it


class OfflineWeb:
    """The searchable web of one language: an index (from the cache when it is current) and, on demand, the pages.

    `search(query)` ranks pages; `web` (loaded on first use) opens pages, about cards, picture histories.
    """

    def __init__(self, folders: Iterable[PathLike], language: str, cache_dir: Optional[PathLike] = None, *, use_fts5: Optional[bool] = None):
        self.folders = [Path(folder) for folder in folders]
        self.language = language
        self._library: Optional[WebLibrary] = None
        key = fingerprint(self.folders, f"{FORMAT}\0{language}\0{segmenter_version()}")
        path = Path(cache_dir) / f"web-index-{language}.sqlite" if cache_dir is not None else None
        self.index = open_index(path, key, lambda: self.library.web(language), use_fts5=use_fts5)

    @property
    def library(self) -> WebLibrary:
        if self._library is None:
            self._library = load_web_library(self.folders)
        return self._library

    @property
    def web(self) -> Web:
        return self.library.web(self.language)

    def search(self, query: str, limit: Optional[int] = None) -> SearchResults:
        return self.index.search(query, limit or LIMIT)

