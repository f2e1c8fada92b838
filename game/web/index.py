"""The full-text index of the offline web: SQLite FTS5 with bm25, or a pure-Python fallback.

`build_index(web)` indexes every page of a `Web` (one language); `open_index(path, key, make_web)`
opens the on-disk cache at `path` when it was built for `key` (a fingerprint of the web files),
and otherwise builds it there (atomically: a temporary file, then a rename). `index.search(query)`
returns about 8 `SearchResult`s, best first, with a snippet whose matched words sit between
`MARK_START` and `MARK_END`, and a "did you mean" suggestion (rapidfuzz over the index vocabulary)
when a word of the query is not in it.

Ranking: bm25 over three columns, title (weight 10) > site name and domain (3) > text (1).
Pages and queries are read through `game.web.text.normalise`, so Khmer is split into words the
same way at both ends. When this Python's SQLite lacks FTS5, `PythonIndex` ranks with the same
bm25 formula (slower; `python main.py doctor` says so). Uses sqlite3 only on the path it is given;
no other I/O, no clock, no pygame.
"""

from __future__ import annotations

import math
import os
import sqlite3
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional, Protocol, Sequence, Union

from game.web.breaks import segmenter_version
from game.web.library import Web
from game.web.text import FTS_TOKENIZE, ZWSP, fit_to_vocabulary, is_khmer_token, is_token_char, normalise, tokens

FORMAT = "feedwise-web-index/1"
LIMIT = 8
WEIGHTS = (10.0, 1.0, 3.0)  # title, text, site
K1, B = 1.2, 0.75  # FTS5's bm25 constants
MARK_START, MARK_END = "\x02", "\x03"
ELLIPSIS = "…"
SNIPPET_TOKENS = 24
SUGGEST_CUTOFF = 72.0


@dataclass(frozen=True)
class SearchResult:
    """One line of the results: which page, where from, and why it matched. `rank` starts at 1."""

    page: str
    site: str
    title: str
    domain: str
    date: str
    snippet: str
    score: float
    rank: int


@dataclass(frozen=True)
class SearchResults:
    """What a query finds: results best first, and a corrected query when a word was not found."""

    query: str
    results: tuple[SearchResult, ...]
    suggestion: Optional[str] = None
    engine: str = "fts5"


class WebIndex(Protocol):
    engine: str

    def search(self, query: str, limit: int = LIMIT) -> SearchResults: ...

    def vocabulary(self) -> dict[str, int]: ...


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A snippet as (text, highlighted) pieces, for drawing; zero-width spaces removed."""
    parts: list[tuple[str, bool]] = []
    rest = snippet.replace(ZWSP, "")
    while rest:
        start = rest.find(MARK_START)
        if start < 0:
            parts.append((rest, False))
            break
        if start:
            parts.append((rest[:start], False))
        end = rest.find(MARK_END, start)
        end = len(rest) if end < 0 else end
        parts.append((rest[start + 1:end], True))
        rest = rest[end + 1:]
    return [(text, marked) for text, marked in parts if text]


def fts5_available() -> bool:
    """True when this Python's SQLite has the FTS5 full-text extension."""
    try:
        connection = sqlite3.connect(":memory:")
        try:
            connection.execute(f"CREATE VIRTUAL TABLE probe USING fts5(a, tokenize=\"{FTS_TOKENIZE}\")")
        finally:
            connection.close()
        return True
    except sqlite3.Error:
        return False


@dataclass(frozen=True)
class _Doc:
    page: str
    site: str
    title: str
    domain: str
    date: str
    columns: tuple[str, str, str]  # normalised title, text, site


def _documents(web: Web, memo: Optional[dict] = None) -> list[_Doc]:
    docs = []
    for page_id in sorted(web.pages):
        page = web.pages[page_id]
        site = web.sites.get(page.site)
        name, domain = (site.name, site.domain) if site else (page.site, "")
        columns = (normalise(page.title, memo=memo), normalise(page.text, memo=memo), normalise(f"{name} {domain}", memo=memo))
        docs.append(_Doc(page_id, page.site, page.title, domain, page.date, columns))
    return docs


def _suggest(query: str, words: Sequence[str], vocabulary: dict[str, int]) -> Optional[str]:
    """The query with each word the index does not know replaced by its closest known word, or None."""
    from rapidfuzz import fuzz, process  # imported on the first misspelt word: most queries never need it

    choices = list(vocabulary)
    suggestion = query
    changed = False
    for word in words:
        if word in vocabulary or len(word) < (2 if is_khmer_token(word) else 3) or word.isdigit():
            continue
        found = process.extract(word, choices, scorer=fuzz.ratio, score_cutoff=SUGGEST_CUTOFF, limit=5)
        if not found:
            continue
        best = max(found, key=lambda match: (match[1], vocabulary[match[0]], -abs(len(match[0]) - len(word))))[0]
        replaced = _replace_word(suggestion, word, best)
        if replaced != suggestion:
            suggestion, changed = replaced, True
    return suggestion if changed else None


def _replace_word(text: str, word: str, by: str) -> str:
    position = text.casefold().find(word)
    if position < 0 or len(text.casefold()) != len(text):
        return text.replace(word, by, 1)
    return text[:position] + by + text[position + len(word):]


def _match_expression(words: Sequence[str]) -> str:
    return " OR ".join('"' + word.replace('"', '""') + '"' for word in words)


# ----------------------------------------------------------------------------------------------
# SQLite FTS5


class FtsIndex:
    """The index in an SQLite database (a file, or memory) with an FTS5 table."""

    engine = "fts5"

    def __init__(self, connection: sqlite3.Connection):
        self.connection = connection
        self._vocabulary: Optional[dict[str, int]] = None

    def vocabulary(self) -> dict[str, int]:
        """Every indexed word and the number of pages it is in."""
        if self._vocabulary is None:
            self._vocabulary = dict(self.connection.execute("SELECT term, doc FROM vocab"))
        return self._vocabulary

    def search(self, query: str, limit: int = LIMIT) -> SearchResults:
        typed = list(dict.fromkeys(tokens(normalise(query))))
        if not typed:
            return SearchResults(query, (), None, self.engine)
        words = fit_to_vocabulary(typed, self.vocabulary())
        weights = ", ".join(str(weight) for weight in WEIGHTS)
        rows = self.connection.execute(
            f"SELECT d.page, d.site, d.title, d.domain, d.date, "
            f"snippet(pages, 1, ?, ?, ?, {SNIPPET_TOKENS}), bm25(pages, {weights}) AS score "
            f"FROM pages JOIN docs AS d ON d.rowid = pages.rowid WHERE pages MATCH ? ORDER BY score, d.page LIMIT ?",
            (MARK_START, MARK_END, ELLIPSIS, _match_expression(words), limit),
        ).fetchall()
        results = tuple(SearchResult(page, site, title, domain, date, snippet.strip(ZWSP), round(-score, 6), rank)
                        for rank, (page, site, title, domain, date, snippet, score) in enumerate(rows, start=1))
        return SearchResults(query, results, _suggest(query, words, self.vocabulary()), self.engine)

    def close(self) -> None:
        self.connection.close()


def _create(connection: sqlite3.Connection, docs: list[_Doc], key: str, language: str, memo: Optional[dict] = None) -> None:
    connection.executescript(
        "BEGIN;"
        "CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT);"
        "CREATE TABLE segments(run TEXT PRIMARY KEY, ends TEXT);"
        "CREATE TABLE docs(rowid INTEGER PRIMARY KEY, page TEXT, site TEXT, title TEXT, domain TEXT, date TEXT);"
        f"CREATE VIRTUAL TABLE pages USING fts5(title, text, site, tokenize=\"{FTS_TOKENIZE}\");"
        "CREATE VIRTUAL TABLE vocab USING fts5vocab(pages, 'row');"
    )
    connection.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?)",
                           [(row, doc.page, doc.site, doc.title, doc.domain, doc.date) for row, doc in enumerate(docs, start=1)])
    connection.executemany("INSERT INTO pages(rowid, title, text, site) VALUES (?, ?, ?, ?)",
                           [(row, *doc.columns) for row, doc in enumerate(docs, start=1)])
    connection.executemany("INSERT INTO segments VALUES (?, ?)", [(run, " ".join(map(str, ends))) for run, ends in (memo or {}).items()])
    connection.executemany("INSERT INTO meta VALUES (?, ?)", [("format", FORMAT), ("key", key), ("language", language), ("segmenter", segmenter_version())])
    connection.commit()


def _read_memo(path: Optional[Path]) -> dict:
    """The Khmer segmentations a previous build at `path` made with this segmenter (empty when none)."""
    if path is None or not path.is_file():
        return {}
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            meta = dict(connection.execute("SELECT name, value FROM meta"))
            if meta.get("format") != FORMAT or meta.get("segmenter") != segmenter_version():
                return {}
            return {run: tuple(int(end) for end in ends.split()) for run, ends in connection.execute("SELECT run, ends FROM segments")}
        finally:
            connection.close()
    except (sqlite3.Error, ValueError):
        return {}


def _read_key(path: Path) -> Optional[str]:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = dict(connection.execute("SELECT name, value FROM meta"))
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return rows.get("key") if rows.get("format") == FORMAT else None


# ----------------------------------------------------------------------------------------------
# The pure-Python fallback


class PythonIndex:
    """The same bm25 ranking in plain Python, for a Python whose SQLite lacks FTS5."""

    engine = "python"

    def __init__(self, docs: list[_Doc]):
        self.docs = docs
        self.counts = [tuple(Counter(tokens(column)) for column in doc.columns) for doc in docs]
        self.lengths = [sum(sum(counter.values()) for counter in counters) for counters in self.counts]
        self.average = (sum(self.lengths) / len(self.lengths)) if self.lengths else 0.0
        frequency: Counter = Counter()
        for counters in self.counts:
            frequency.update(set().union(*counters))
        self._vocabulary = dict(frequency)

    def vocabulary(self) -> dict[str, int]:
        return self._vocabulary

    def search(self, query: str, limit: int = LIMIT) -> SearchResults:
        words = fit_to_vocabulary(list(dict.fromkeys(tokens(normalise(query)))), self._vocabulary)
        total = len(self.docs)
        scored = []
        for number, counters in enumerate(self.counts):
            score = 0.0
            for word in words:
                found = sum(weight * counter.get(word, 0) for weight, counter in zip(WEIGHTS, counters))
                if not found:
                    continue
                having = self._vocabulary.get(word, 0)
                idf = max(math.log((total - having + 0.5) / (having + 0.5)), 1e-6)
                norm = K1 * (1 - B + B * self.lengths[number] / self.average) if self.average else K1
                score += idf * found * (K1 + 1) / (found + norm)
            if score > 0:
                scored.append((-score, self.docs[number].page, number))
        scored.sort()
        results = []
        for rank, (score, _, number) in enumerate(scored[:limit], start=1):
            doc = self.docs[number]
            results.append(SearchResult(doc.page, doc.site, doc.title, doc.domain, doc.date, _snippet(doc.columns[1], set(words)), round(-score, 6), rank))
        suggestion = _suggest(query, words, self._vocabulary) if words else None
        return SearchResults(query, tuple(results), suggestion, self.engine)


def _spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each token of normalised text."""
    spans, start = [], None
    for offset, ch in enumerate(text):
        if is_token_char(ch):
            start = offset if start is None else start
        elif start is not None:
            spans.append((start, offset))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


def _snippet(text: str, words: set[str]) -> str:
    """A window of about `SNIPPET_TOKENS` tokens with the most query words, the words marked (like FTS5's snippet())."""
    spans = _spans(text)
    if not spans:
        return ""
    hits = [text[start:end].casefold() in words for start, end in spans]
    size = min(SNIPPET_TOKENS, len(spans))
    best = max(range(len(spans) - size + 1), key=lambda first: (sum(hits[first:first + size]), -first))
    window = range(best, best + size)
    pieces, cursor = [], spans[best][0]
    for index in window:
        start, end = spans[index]
        pieces.append(text[cursor:start])
        pieces.append(MARK_START + text[start:end] + MARK_END if hits[index] else text[start:end])
        cursor = end
    last = spans[best + size - 1][1]
    pieces.append(text[cursor:last] if best + size < len(spans) else text[cursor:])
    head = ELLIPSIS if best > 0 else ""
    tail = ELLIPSIS if best + size < len(spans) else ""
    return (head + "".join(pieces) + tail).strip(ZWSP)


# ----------------------------------------------------------------------------------------------


class _Recorder(dict):
    """A segmentation memo that reads from a previous build's, then from the shipped word boundaries,
    and records every run this build uses."""

    def __init__(self, previous: dict, used: dict, known: Optional[Any] = None):
        super().__init__()
        self.previous, self.used, self.known = previous, used, known

    def get(self, run, default=None):  # type: ignore[override]
        ends = self.used.get(run)
        if ends is None:
            ends = self.previous.get(run)
            if ends is None and self.known is not None:
                ends = self.known.get(run)
            if ends is not None:
                self.used[run] = ends
        return default if ends is None else ends

    def __setitem__(self, run, ends) -> None:
        self.used[run] = ends


def segment_all(web: Web) -> dict:
    """Every Khmer run of the web's pages (titles, texts, site names) -> its word ends, from the segmenter
    itself (never from shipped boundaries or a cache): what `tools/web/khmer_word_breaks.py` ships."""
    used: dict = {}
    _documents(web, _Recorder({}, used, None))
    return used


def build_index(web: Web, path: Optional[Union[str, os.PathLike]] = None, *, key: str = "", use_fts5: Optional[bool] = None) -> WebIndex:
    """Index every page of `web`: in an SQLite file at `path` (replaced atomically) or in memory, or in Python without FTS5."""
    if use_fts5 is False or (use_fts5 is None and not fts5_available()):
        return PythonIndex(_documents(web, _Recorder({}, {}, web.known_breaks)))
    if path is None:
        connection = sqlite3.connect(":memory:", check_same_thread=False)
        _create(connection, _documents(web, _Recorder({}, {}, web.known_breaks)), key, web.language)
        return FtsIndex(connection)
    target = Path(path)
    memo = _read_memo(target)  # an edit re-segments only the Khmer it changed
    used: dict = {}
    docs = _documents(web, _Recorder(memo, used, web.known_breaks))
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    connection = sqlite3.connect(temporary)
    try:
        connection.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")  # a scratch file, renamed into place when complete
        _create(connection, docs, key, web.language, used)
    finally:
        connection.close()
    os.replace(temporary, target)
    return FtsIndex(sqlite3.connect(f"file:{target}?mode=ro", uri=True, check_same_thread=False))


def open_index(path: Optional[Union[str, os.PathLike]], key: str, make_web: Callable[[], Web], *, use_fts5: Optional[bool] = None) -> WebIndex:
    """The cached index at `path` when it was built for `key`; otherwise one built from `make_web()` (and cached at `path`).

    A cache that cannot be written (a read-only folder) is not an error: the index is then built in memory.
    """
    fts = fts5_available() if use_fts5 is None else use_fts5
    if not fts:
        return build_index(make_web(), use_fts5=False)
    if path is not None and _read_key(Path(path)) == key:
        return FtsIndex(sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False))
    web = make_web()
    if path is not None:
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            return build_index(web, path, key=key, use_fts5=True)
        except (OSError, sqlite3.Error):
            pass
    return build_index(web, key=key, use_fts5=True)
