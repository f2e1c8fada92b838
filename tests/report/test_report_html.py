"""The HTML report as text: self-contained, escaped, Khmer marked, sections present (the browser test looks at it)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from report_factory import builtin_index, KHMER_NAME, KHMER_TITLE, builtin, khmer_scenario, real_class, real_record

from game.report.aggregate import build_report
from game.report.html import khmer_markup, render_html
from game.report.reading import SkippedFile
from game.report.sources import khmer_font_face, post_texts, technique_texts


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def page_for(records, **options):
    report = build_report(records, technique_texts())
    return render_html(report, post_texts=post_texts(builtin_index(), "en"), khmer_font_face=khmer_font_face(), **options)


@pytest.fixture
def page():
    records = real_class(trainees=6) + [real_record(khmer_scenario(), player_id="km-01", player_name=KHMER_NAME, minute=40)]
    skipped = [SkippedFile("results/<bad>.json", "corrupted", "not valid JSON (line 1, column 2: x)")]
    return page_for(records, skipped=skipped, files_seen=8)


class TestSelfContained:
    def test_one_inline_sorting_script_no_external_resource_and_only_in_page_links(self, page):
        parser = _Collect()
        parser.feed(page)
        tags = [tag for tag, _ in parser.tags]
        assert tags.count("script") == 1 and "link" not in tags and "iframe" not in tags and "img" not in tags
        script = page.split("<script>")[1].split("</script>")[0]
        assert "table.sortable" in script
        for word in ("fetch", "XMLHttpRequest", "http", "import(", "eval"):
            assert word not in script
        for _tag, attributes in parser.tags:
            assert not attributes.get("src")
            assert attributes.get("href", "#").startswith("#")
            assert not any(name.startswith("on") for name in attributes)
        assert "@import" not in page
        assert all(url.startswith("data:") for url in re.findall(r"url\((.*?)\)", page))

    def test_print_css_for_a4(self, page):
        assert "@page { size: A4" in page and "@media print" in page


class TestSections:
    def test_every_section_and_table_is_there(self, page):
        for anchor in ("overview", "discussion", "techniques", "posts", "trainees", "skipped"):
            assert f'id="{anchor}"' in page
        assert page.count("<svg") == 1 and "Miss rate per technique" in page
        assert 'id="posts-table"' in page and 'id="trainees-table"' in page

    def test_post_texts_of_built_in_scenarios_are_shown(self, page):
        loaded = builtin()
        assert any(post.text[:40] in page for post in loaded.scenario.posts if "&" not in post.text[:40] and "<" not in post.text[:40])

    def test_without_check_data_there_is_no_pre_post_section_at_all(self, page):
        assert 'id="prepost"' not in page and "Pre/post" not in page

    def test_with_check_data_the_pre_post_section_appears(self):
        records = real_class(trainees=3)
        for number, record in enumerate(records):
            record["checks"] = {"pre": {"form": "A", "d_prime": 0.1 * number, "criterion": -0.2},
                                "post": {"form": "B", "d_prime": 0.5 + 0.2 * number, "criterion": 0.0}}  # fmt: skip
        page = page_for(records)
        assert 'id="prepost"' in page and "A → B" in page and "95% CI" in page


class TestEscapingAndKhmer:
    def test_every_text_is_escaped(self, page):
        assert "Bopha &lt;b&gt;&amp;" in page and "<b>&" not in page
        assert "results/&lt;bad&gt;.json" in page

    def test_khmer_text_is_marked_and_the_page_declares_its_language_and_fonts(self, page):
        assert '<html lang="en">' in page
        assert f'lang="km">{KHMER_NAME}<' in page and KHMER_TITLE in page
        assert '"Noto Sans Khmer", "Khmer OS", "Khmer OS System"' in page and '"Leelawadee UI", sans-serif' in page
        assert "@font-face" in page and "data:font/ttf;base64," in page

    def test_an_english_only_page_does_not_embed_the_khmer_font(self):
        records = real_class(trainees=2)
        for record in records:
            record["player"]["name"] = "Dara"
        assert "@font-face" not in page_for(records)

    def test_khmer_inside_english_text_is_marked_run_by_run(self):
        assert khmer_markup("Most missed: ការប្រញាប់ (3 of 4)") == 'Most missed: <span lang="km">ការប្រញាប់</span> (3 of 4)'
        assert khmer_markup("<ខ្មែរ>") == "&lt;ខ្មែរ&gt;"
