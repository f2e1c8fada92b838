"""The offline web's search index: real bm25 ranking in English and Khmer, snippets, did-you-mean, fallback and cache."""

from __future__ import annotations

import os
import sqlite3

import pytest

from game.web import index as index_module
from game.web.index import MARK_END, MARK_START, build_index, fts5_available, open_index, snippet_parts
from game.web.loader import OfflineWeb, fingerprint, load_web_library
from game.web.text import ZWSP, normalise, query_tokens, tokens
from tests.web.web_factory import make_library


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    root = make_library(tmp_path_factory.mktemp("lib"))
    loaded = load_web_library([root])
    assert [problem.format() for problem in loaded.problems] == []
    return loaded


def top(index, query, count=3):
    return [result.page for result in index.search(query).results[:count]]


ENGLISH = [
    ("market fire photo 2019", "mf-fact-check"),
    ("the whole market is burning right now", "mf-repeat"),
    ("dengue cure rice water health ministry", "mf-dengue"),
    ("Boiled rice water cures dengue in one night", "mf-rice-blog"),
    ("rent a market stall", "mf-stalls"),
    ("how to report online fraud", "acfo-how-to-report"),
    ("licensed recruitment agency", "labour-licensed-agencies"),
    ("SIM card registration", "mptc-sim-registration"),
]
KHMER = [
    ("រូបថតផ្សារឆេះ ២០១៩", "mf-fact-check"),
    ("ផ្សារទាំងមូលកំពុងឆេះឥឡូវនេះ", "mf-repeat"),
    ("ទឹកបបរព្យាបាលគ្រុនឈាមបានក្នុងមួយយប់", "mf-rice-blog"),
    ("គ្រុនឈាម អ្វីដែលជួយ", "mf-dengue"),
    ("ជួលតូប", "mf-stalls"),
    ("រាយការណ៍ការបោកប្រាស់", "acfo-how-to-report"),
    ("ចុះបញ្ជីស៊ីមកាត", "mptc-sim-registration"),
]


@pytest.mark.parametrize("query, expected", ENGLISH)
def test_english_queries_rank_the_expected_page_first(library, query, expected):
    assert top(build_index(library.web("en")), query, 1) == [expected]


@pytest.mark.parametrize("query, expected", KHMER)
def test_khmer_queries_rank_the_expected_page_first(library, query, expected):
    assert top(build_index(library.web("km")), query, 1) == [expected]


def test_the_title_weighs_more_than_the_text(library):
    # "Forty stalls" is in the 2019 report's title and in the forum page's text only ("forty dollars"); both say "forty".
    results = build_index(library.web("en")).search("forty stalls").results
    assert results[0].page == "mf-2019-report"
    assert results[0].score > results[1].score > 0


def test_results_carry_title_domain_date_and_a_highlighted_snippet(library):
    found = build_index(library.web("en")).search("firefighters")
    assert len(found.results) == 1
    result = found.results[0]
    assert (result.page, result.site, result.domain, result.date, result.rank) == ("mf-2019-report", "lotus-daily", "lotusdaily.example", "2019-03-12", 1)
    assert result.title == "Fire destroys forty stalls at the old market"
    assert f"{MARK_START}Firefighters{MARK_END}" in result.snippet
    assert ("Firefighters", True) in snippet_parts(result.snippet)


def test_at_most_eight_results_best_first(library):
    results = build_index(library.web("en")).search("the market a of and").results
    assert len(results) == 8
    assert [r.rank for r in results] == list(range(1, 9))
    assert [r.score for r in results] == sorted((r.score for r in results), reverse=True)


def test_a_query_with_no_known_word_finds_nothing(library):
    found = build_index(library.web("en")).search("zzqx")
    assert found.results == () and found.suggestion is None


def test_khmer_is_split_the_same_way_when_indexing_and_when_querying(library):
    page = library.web("km").page("mf-dengue")
    phrase = "ទឹកក្រូចឆ្មា"
    assert phrase in page.text
    indexed = tokens(normalise(page.text))
    asked = query_tokens(phrase)
    assert len(asked) >= 1 and all(token in indexed for token in asked)
    assert ZWSP in normalise(page.text)  # word boundaries are marked, invisibly
    # The index stores exactly the normalised text: FTS5's own tokenizer then yields the same Khmer words.
    index = build_index(library.web("km"), use_fts5=True)
    vocabulary = index.vocabulary()
    assert all(token in vocabulary for token in indexed)
    stored = index.connection.execute("SELECT text FROM pages JOIN docs ON docs.rowid = pages.rowid WHERE docs.page = 'mf-dengue'").fetchone()[0]
    assert stored == normalise(page.text)


def test_a_khmer_compound_kept_whole_in_a_short_query_still_finds_the_page():
    from game.web.text import fit_to_vocabulary

    vocabulary = {"ការ", "បោកប្រាស់", "តាម"}
    assert fit_to_vocabulary(["ការបោកប្រាស់"], vocabulary) == ["ការ", "បោកប្រាស់"]
    assert fit_to_vocabulary(["បោក", "ប្រាស់"], {"បោកប្រាស់"}) == ["បោក", "ប្រាស់", "បោកប្រាស់"]
    assert fit_to_vocabulary(["fraud"], vocabulary) == ["fraud"]


@pytest.mark.parametrize("query, suggestion", [("polise frawd", "police fraud"), ("dengeu", "dengue"), ("Firefigters", "firefighters")])
def test_did_you_mean_corrects_misspelled_english_words(library, query, suggestion):
    assert build_index(library.web("en")).search(query).suggestion.casefold() == suggestion


def test_did_you_mean_corrects_a_misspelled_khmer_word(library):
    index = build_index(library.web("km"))
    misspelt = "គ្រុនឈម"  # a vowel left out of គ្រុនឈាម (dengue)
    assert misspelt not in index.vocabulary()
    assert index.search(misspelt).suggestion == "គ្រុនឈាម"


def test_no_suggestion_when_every_word_is_known(library):
    assert build_index(library.web("en")).search("market fire").suggestion is None


@pytest.mark.parametrize("language, queries", [("en", ENGLISH), ("km", KHMER)])
def test_the_python_fallback_ranks_like_fts5(library, language, queries):
    fts = build_index(library.web(language), use_fts5=True)
    python = build_index(library.web(language), use_fts5=False)
    assert python.engine == "python" and fts.engine == "fts5"
    for query, expected in queries:
        mine, theirs = python.search(query), fts.search(query)
        assert [r.page for r in mine.results] == [r.page for r in theirs.results], query
        assert [r.score for r in mine.results] == pytest.approx([r.score for r in theirs.results], rel=1e-3)
        assert mine.results[0].page == expected
    assert python.search("polise frawd" if language == "en" else "គ្រុនឈម").suggestion


def test_without_fts5_the_index_falls_back_to_python(library, monkeypatch):
    monkeypatch.setattr(index_module, "fts5_available", lambda: False)
    index = build_index(library.web("en"))
    assert index.engine == "python"
    assert index.search("market fire photo 2019").results[0].page == "mf-fact-check"
    assert open_index(None, "key", lambda: library.web("en")).engine == "python"


def test_fallback_snippets_mark_the_matched_words(library):
    result = build_index(library.web("en"), use_fts5=False).search("firefighters").results[0]
    assert f"{MARK_START}Firefighters{MARK_END}" in result.snippet


def test_fts5_is_available_here():
    assert fts5_available(), "this Python's SQLite has no FTS5: the offline web falls back to the slower Python ranking (see `python main.py doctor`)"


# ----------------------------------------------------------------------------------------------
# The on-disk cache


def test_the_cache_is_reused_while_no_file_changes_and_rebuilt_when_one_does(tmp_path):
    root = make_library(tmp_path / "lib", km=False)
    cache = tmp_path / "cache" / "web-index-en.sqlite"
    builds = []

    def make_web():
        builds.append(1)
        return load_web_library([root]).web("en")

    first = open_index(cache, fingerprint([root]), make_web)
    assert cache.is_file() and len(builds) == 1
    second = open_index(cache, fingerprint([root]), make_web)
    assert len(builds) == 1 and top(second, "firefighters", 1) == ["mf-2019-report"]
    first.close(), second.close()

    web_file = root / "market-fire" / "web.en.yaml"
    web_file.write_text(web_file.read_text(encoding="utf-8").replace("Firefighters", "Fire crews"), encoding="utf-8")
    third = open_index(cache, fingerprint([root]), make_web)
    assert len(builds) == 2
    assert third.search("firefighters").results == ()
    assert top(third, "fire crews", 1) == ["mf-2019-report"]


def test_touching_a_file_changes_the_key(tmp_path):
    root = make_library(tmp_path / "lib", km=False)
    before = fingerprint([root])
    scenario = root / "market-fire" / "market-fire.en.yaml"
    stat = scenario.stat()
    os.utime(scenario, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert fingerprint([root]) != before
    (root / "market-fire" / "extra.en.yaml").write_text("kind: web\n", encoding="utf-8")
    assert fingerprint([root]) not in (before,)


def test_a_damaged_cache_file_is_rebuilt(tmp_path):
    root = make_library(tmp_path / "lib", km=False)
    cache = tmp_path / "web-index-en.sqlite"
    cache.write_bytes(b"not a database")
    index = open_index(cache, fingerprint([root]), lambda: load_web_library([root]).web("en"))
    assert top(index, "firefighters", 1) == ["mf-2019-report"]
    assert sqlite3.connect(cache).execute("SELECT value FROM meta WHERE name = 'key'").fetchone()[0] == fingerprint([root])


def test_a_cache_folder_that_cannot_be_written_gives_an_index_in_memory(tmp_path):
    root = make_library(tmp_path / "lib", km=False)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    index = open_index(blocked / "web-index-en.sqlite", "key", lambda: load_web_library([root]).web("en"))
    assert top(index, "firefighters", 1) == ["mf-2019-report"]


def test_offline_web_searches_and_opens_pages(tmp_path):
    root = make_library(tmp_path / "lib")
    web = OfflineWeb([root], "km", tmp_path / "cache")
    found = web.search("ផ្សារទាំងមូលកំពុងឆេះឥឡូវនេះ")
    assert found.results[0].page == "mf-repeat"
    assert web.web.page("mf-repeat").role.value == "data_void"
    assert (tmp_path / "cache" / "web-index-km.sqlite").is_file()


def test_a_rebuild_after_an_edit_segments_only_the_khmer_that_changed(tmp_path, monkeypatch):
    import khmercut

    from game.web import text as web_text

    from game.lang.segment import WordSegmenter

    calls = []

    def counting(run):
        calls.append(run)
        return khmercut.tokenize(run)

    root = make_library(tmp_path / "lib")
    cache = tmp_path / "cache" / "web-index-km.sqlite"
    monkeypatch.setattr(web_text, "_default", WordSegmenter(khmer_words=counting))
    first = open_index(cache, fingerprint([root]), lambda: load_web_library([root]).web("km"))
    assert len(calls) > 50
    reference = {query: top(first, query, 8) for query, _ in KHMER}
    first.close()

    calls.clear()
    monkeypatch.setattr(web_text, "_default", WordSegmenter(khmer_words=counting))  # a new process: nothing in memory
    web_file = root / "market-fire" / "web.km.yaml"
    web_file.write_text(web_file.read_text(encoding="utf-8").replace("គ្មាននរណាម្នាក់រងរបួសទេ", "អ្នកពន្លត់អគ្គិភ័យបានមកដល់"), encoding="utf-8")
    second = open_index(cache, fingerprint([root]), lambda: load_web_library([root]).web("km"))
    assert 0 < len(calls) <= 3  # the changed sentence's runs only
    assert {query: top(second, query, 8) for query, _ in KHMER} == reference
    assert top(second, "អ្នកពន្លត់អគ្គិភ័យ", 1) == ["mf-2019-report"]
