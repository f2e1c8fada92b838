"""Shipped Khmer word boundaries (game/web/breaks.py): current for the built-in web, and never change a result."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from web_factory import make_library  # noqa: E402

from game.resources import scenarios_dir  # noqa: E402
from game.web.breaks import FORMAT, KnownBreaks, breaks_document, breaks_path, read_breaks, run_key, segmenter_version  # noqa: E402
from game.web.index import build_index, segment_all  # noqa: E402
from game.web.loader import load_web_library  # noqa: E402
from game.web.text import normalise  # noqa: E402

REGENERATE = "run `python tools/web/khmer_word_breaks.py` and commit scenarios/web/khmer-word-breaks.json"


@pytest.fixture(scope="module")
def builtin():
    return load_web_library([scenarios_dir()])


def test_the_shipped_file_holds_what_the_installed_segmenter_returns_for_every_builtin_run(builtin):
    shipped = json.loads(breaks_path(scenarios_dir()).read_text(encoding="utf-8"))
    assert shipped["format"] == FORMAT
    assert shipped["segmenter"] == segmenter_version(), REGENERATE
    expected: dict = {}
    for language in builtin.webs:
        expected.update(segment_all(builtin.web(language)))
    assert len(expected) > 1000  # the Khmer web is large: the file is worth shipping
    assert shipped == breaks_document(expected), REGENERATE


def test_the_loader_reads_them_and_an_index_built_with_them_is_the_one_built_without(builtin):
    web = builtin.web("km")
    assert web.known_breaks is not None and len(web.known_breaks) > 1000
    with_breaks = build_index(web, use_fts5=False)
    without = build_index(dataclasses.replace(web, known_breaks=None), use_fts5=False)
    assert with_breaks.docs == without.docs
    for query in ("ការបោកប្រាស់តាមអ៊ីនធឺណិត", "ធនាគារជាតិ អាជ្ញាប័ណ្ណ", "ផ្សារឆេះ រូបថត"):
        assert [r.page for r in with_breaks.search(query).results] == [r.page for r in without.search(query).results]


def test_a_run_not_in_the_file_or_a_colliding_entry_is_segmented_instead():
    run = "ផ្សារទាំងមូលកំពុងឆេះ"
    known = KnownBreaks({run_key(run): (len(run) + 3,)})  # impossible ends: a hash collision, or a damaged file
    assert known.get(run) is None and known.get("ថ្មី") is None
    good = KnownBreaks({run_key(run): (5, 10)})
    assert good.get(run) == (5, 10)


@pytest.mark.parametrize("content", ["{not json", json.dumps({"format": FORMAT, "segmenter": "another 9.9", "breaks": {"a": "1"}}),
                                     json.dumps({"format": FORMAT, "segmenter": segmenter_version(), "breaks": {"a": "x y"}}),
                                     json.dumps(["a list"])])
def test_a_damaged_or_stale_file_is_passed_over_and_the_web_still_loads(tmp_path, content):
    library = make_library(tmp_path / "library")
    breaks_path(library).parent.mkdir(exist_ok=True)
    breaks_path(library).write_text(content, encoding="utf-8")
    assert len(read_breaks([library])) == 0
    loaded = load_web_library([library])
    web = loaded.web("km")
    index = build_index(web, use_fts5=False)
    page = next(iter(web.pages.values()))
    assert index.docs and any(doc.columns[1] == normalise(page.text) for doc in index.docs)
