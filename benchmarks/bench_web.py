"""Benchmark the offline web's search: building the index, opening it from the cache, and one query.

- `web_index_build_ms`: load, check and index every web file of the built-in library (both languages)
  from cold: no index and no segmentation memo in the data folder, a fresh in-memory Khmer cache (the
  segmenter's model is loaded once). The library's shipped word boundaries
  (`scenarios/web/khmer-word-breaks.json`, game/web/breaks.py) are used, as the game uses them. Goal: at most 200 ms.
- `web_index_build_unshipped_ms` (extra): the same with the shipped word boundaries ignored, so that
  every Khmer run is segmented: what a library without that file (or after a khmercut upgrade) costs.
  `_floor`: reading the same files with the bare YAML parser and putting their raw text in FTS5 tables
  (no checks, no Khmer word boundaries, no ranking columns): what any index of these files costs.
- `web_index_rebuild_ms` (extra): the same after a file changed: the previous build's Khmer word
  boundaries are read back from the cache, so only changed Khmer text is segmented again.
- `web_index_cached_ms`: open both languages' indexes from the on-disk cache (fingerprint the files,
  open the database, check its key). `_floor`: open an SQLite file and read one row.
- `web_query_ms`: one query (normalise, bm25, snippets, did-you-mean) over 5,000 generated pages, in
  English and in Khmer (each language its own 5,000-page index). Goal: at most 20 ms.
  `_floor`: the same FTS5 MATCH returning only row ids, with the query already tokenised.

Each has `_mean` and `_p99` siblings; the main figure is the median. Never imports pygame.
"""

from __future__ import annotations

import dataclasses
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml  # noqa: E402

from game.web import text as web_text  # noqa: E402
from game.web.index import build_index  # noqa: E402
from game.web.library import Web  # noqa: E402
from game.resources import scenarios_dir  # noqa: E402
from game.web.loader import OfflineWeb, load_web_library, web_files  # noqa: E402
from game.web.model import About, Page, Role, Site, SiteKind  # noqa: E402
from game.web.text import normalise, tokens  # noqa: E402

BUILTIN_SCENARIOS = scenarios_dir()
LANGUAGES = ("en", "km")
GENERATED_PAGES = 5000
QUERIES = {
    "en": ["flood photo 2019", "licensed recruitment agency", "how to report online fraud", "dengue cure lemon water",
           "bank account verification", "polise frawd warning"],
    "km": ["ការបោកប្រាស់តាមអ៊ីនធឺណិត", "ទីភ្នាក់ងារជ្រើសរើសពលករ", "គ្រុនឈាម ទឹកក្រូចឆ្មា", "ធនាគារជាតិ អាជ្ញាប័ណ្ណ",
           "ចុះបញ្ជីស៊ីមកាត", "ផ្សារឆេះ រូបថត"],
}


def _stats(name: str, samples: list[float], floor: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return {
        name: round(statistics.median(samples), 3),
        f"{name}_mean": round(statistics.fmean(samples), 3),
        f"{name}_p99": round(p99, 3),
        f"{name}_floor": round(statistics.median(floor), 3),
    }


def _cold_build(folder: Path, shipped: bool = True) -> float:
    web_text._default = None  # a fresh Khmer segmentation cache: nothing segmented yet
    for path in folder.glob("*.sqlite"):
        path.unlink()  # cold: no index and no segmentation memo on disk
    started = time.perf_counter()
    library = load_web_library([BUILTIN_SCENARIOS])
    for language in LANGUAGES:
        web = library.web(language) if shipped else dataclasses.replace(library.web(language), known_breaks=None)
        build_index(web, folder / f"web-index-{language}.sqlite", key="bench", use_fts5=True)
    return (time.perf_counter() - started) * 1000


def _rebuild(folder: Path) -> float:
    """A rebuild after an edit: no index in memory, the previous build's Khmer segmentations on disk."""
    web_text._default = None
    started = time.perf_counter()
    library = load_web_library([BUILTIN_SCENARIOS])
    for language in LANGUAGES:
        build_index(library.web(language), folder / f"web-index-{language}.sqlite", key="bench-edited", use_fts5=True)
    return (time.perf_counter() - started) * 1000


def _build_floor() -> float:
    started = time.perf_counter()
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE pages USING fts5(title, text)")
    for path in web_files([BUILTIN_SCENARIOS]):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        connection.executemany("INSERT INTO pages VALUES (?, ?)", [(str(page.get("title")), str(page.get("text"))) for page in data.get("pages") or []])
    connection.commit()
    connection.close()
    return (time.perf_counter() - started) * 1000


def _cached_open(folder: Path) -> float:
    started = time.perf_counter()
    for language in LANGUAGES:
        web = OfflineWeb([BUILTIN_SCENARIOS], language, folder)  # what the game and `search` do
        assert web._library is None, "the cache was not current"
        web.index.close()
    return (time.perf_counter() - started) * 1000


def _cached_floor(folder: Path) -> float:
    started = time.perf_counter()
    for language in LANGUAGES:
        connection = sqlite3.connect(folder / f"web-index-{language}.sqlite")
        connection.execute("SELECT value FROM meta WHERE name = 'key'").fetchone()
        connection.close()
    return (time.perf_counter() - started) * 1000


def _generated_web(language: str, library_web: Web, count: int, seed: int = 7) -> Web:
    """`count` pages made of the library's own sentences, shuffled, with new numbers, names and dates."""
    rng = random.Random(seed)
    sentences = sorted({part.strip() for page in library_web.pages.values() for part in page.text.replace("\n", " ").split(". " if language == "en" else "។") if len(part.strip()) > 8})
    titles = sorted({page.title for page in library_web.pages.values()})
    names = ["Sokha", "Dara", "Chantha", "Vuthy", "Sreymom", "Rithy", "Bopha", "Piseth", "Kanha", "Sovann"]
    places = ["Takeo", "Kampot", "Kratie", "Pursat", "Siem Reap", "Svay Rieng", "Kep", "Prey Veng", "Koh Kong", "Pailin"]
    sites = {f"site-{n}": Site(id=f"site-{n}", name=f"Site {n}", domain=f"site{n}.example", kind=list(SiteKind)[n % len(SiteKind)],
                               about=About(runs_it="x", first_seen="2020", registered="2020", registrant="x")) for n in range(40)}
    stop = "។ " if language == "km" else ". "
    pages = {}
    for number in range(count):
        body = stop.join(rng.sample(sentences, k=min(len(sentences), rng.randint(4, 9))))
        extra = f"{rng.choice(names)} {rng.choice(places)} {rng.randint(1, 9999)}"
        page_id = f"gen-{number}"
        pages[page_id] = Page(id=page_id, site=f"site-{number % 40}", title=f"{rng.choice(titles)} {rng.choice(places)}",
                              date=f"20{rng.randint(10, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}", text=f"{body}{stop}{extra}",
                              role=Role.distractor)
    return Web(language, sites, pages)


def _query_floor(index, query: str) -> float:
    expression = " OR ".join('"' + word + '"' for word in tokens(normalise(query)))
    started = time.perf_counter()
    index.connection.execute("SELECT rowid FROM pages WHERE pages MATCH ? ORDER BY rank LIMIT 8", (expression,)).fetchall()
    return (time.perf_counter() - started) * 1000


def run() -> dict[str, float]:
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        unshipped = [_cold_build(folder, shipped=False) for _ in range(3)]
        build = [_cold_build(folder) for _ in range(5)]
        floor = [_build_floor() for _ in range(5)]
        figures.update(_stats("web_index_build_ms", build, floor))
        figures.update(_stats("web_index_build_unshipped_ms", unshipped, floor))
        figures.update(_stats("web_index_rebuild_ms", [_rebuild(folder) for _ in range(5)], floor))

        library = load_web_library([BUILTIN_SCENARIOS])
        cache = folder / "cache"
        for language in LANGUAGES:
            OfflineWeb([BUILTIN_SCENARIOS], language, cache).index.close()  # builds the cache once
        cached = [_cached_open(cache) for _ in range(30)]
        figures.update(_stats("web_index_cached_ms", cached, [_cached_floor(cache) for _ in range(30)]))

        samples, floor = [], []
        for language in LANGUAGES:
            index = build_index(_generated_web(language, library.web(language), GENERATED_PAGES), use_fts5=True)
            for query in QUERIES[language]:
                index.search(query)  # warm: the vocabulary is read once per index
            for _ in range(15):
                for query in QUERIES[language]:
                    started = time.perf_counter()
                    index.search(query)
                    samples.append((time.perf_counter() - started) * 1000)
                    floor.append(_query_floor(index, query))
            index.close()
        figures.update(_stats("web_query_ms", samples, floor))
        figures["web_query_pages"] = GENERATED_PAGES
        figures["web_builtin_pages"] = sum(len(library.web(language).pages) for language in LANGUAGES)
    return figures


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2, sort_keys=True))
