"""The built-in library keeps the content rules of the scenario-library issue.

Every built-in scenario: at least 40% reliable posts, 12-20 posts (the tutorial about 5), every
misleading post with techniques and clues for two tools, every image with alt text, fictional
link domains only, and an English original with a Khmer translation that keeps its post ids.
Across the library: at least 12 different catalogue techniques, and under 10 MB on disk.
These tests load the files through the one loader (`check_file`).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from game.scenario.loader import check_file
from game.scenario.quiz_loader import is_quiz_file
from game.web.loader import is_web_file

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
# `example/` is the format's worked example (English only, for authors), not part of the classroom library.
NOT_LIBRARY = {"example", "checks", "web"}
LIBRARY_DIRS = sorted(p for p in SCENARIOS.iterdir() if p.is_dir() and p.name not in NOT_LIBRARY)
LIBRARY_FILES = sorted(
    path for folder in LIBRARY_DIRS for path in folder.glob("*.yaml") if not is_quiz_file(path) and not is_web_file(path)
)


def load(path: Path):
    loaded, problems = check_file(path)
    assert loaded is not None, [problem.format() for problem in problems]
    return loaded.scenario


def file_id(path: Path) -> str:
    return str(path.relative_to(SCENARIOS))


def test_library_has_the_tutorial_and_six_topics():
    assert len(LIBRARY_DIRS) >= 7
    tutorial = load(SCENARIOS / "tutorial" / "tutorial.en.yaml")
    assert tutorial.menu_order == min(load(path).menu_order for path in LIBRARY_FILES)


@pytest.mark.parametrize("path", LIBRARY_FILES, ids=file_id)
def test_at_least_40_percent_of_posts_are_reliable(path):
    scenario = load(path)
    reliable = sum(1 for post in scenario.posts if not post.verdict.is_misinformation)
    assert reliable / len(scenario.posts) >= 0.4, f"{reliable} of {len(scenario.posts)} posts are reliable"


@pytest.mark.parametrize("path", LIBRARY_FILES, ids=file_id)
def test_post_count_fits_a_round(path):
    scenario = load(path)
    if path.parent.name == "tutorial":
        assert 3 <= len(scenario.posts) <= 8
    else:
        assert 12 <= len(scenario.posts) <= 20


@pytest.mark.parametrize("path", LIBRARY_FILES, ids=file_id)
def test_every_misleading_post_teaches_something(path):
    scenario = load(path)
    for post in scenario.posts:
        if not post.verdict.is_misinformation:
            continue
        assert post.techniques, post.id
        assert all(use.note.strip() for use in post.techniques), post.id
        clues = [value for value in post.clues.model_dump().values() if value]
        assert len(clues) >= 2, f"{post.id} has clues for {len(clues)} tool(s)"


@pytest.mark.parametrize("path", LIBRARY_FILES, ids=file_id)
def test_images_have_alt_text_and_links_use_fictional_domains(path):
    scenario = load(path)
    for post in scenario.posts:
        if post.image is not None:
            assert post.image.alt.strip(), f"{post.id} image has no alt text"
        if post.link is not None:
            for host in (urlparse(post.link.url).hostname or "", post.link.domain):
                assert host.endswith(".example"), f"{post.id} links to {host!r}, not a reserved .example domain"


@pytest.mark.parametrize("folder", LIBRARY_DIRS, ids=lambda folder: folder.name)
def test_each_scenario_has_an_english_original_and_a_khmer_translation(folder):
    english = load(folder / f"{folder.name}.en.yaml")
    khmer = load(folder / f"{folder.name}.km.yaml")
    assert english.language.value == "en" and khmer.language.value == "km"
    assert khmer.translation_of == english.id
    assert khmer.translation_status.value in {"draft", "reviewed"}
    assert [post.id for post in khmer.posts] == [post.id for post in english.posts]
    assert [post.verdict for post in khmer.posts] == [post.verdict for post in english.posts]


def test_library_uses_at_least_12_different_techniques():
    used = {use.id for path in LIBRARY_FILES for post in load(path).posts for use in post.techniques}
    assert len(used) >= 12, sorted(used)


def test_library_stays_under_10_megabytes():
    total = sum(path.stat().st_size for folder in LIBRARY_DIRS for path in folder.rglob("*") if path.is_file())
    assert total < 10 * 1024 * 1024, f"{total / 1024 / 1024:.1f} MB"
