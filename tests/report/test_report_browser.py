"""The HTML report opened in a real headless browser (Chromium): it draws something and its tables are there.

Skips with a visible reason when no Chromium is installed; under CI (CI=true), where .ci/run
installs Chromium, a missing browser is a failure instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from PIL import Image
from report_factory import builtin_index, KHMER_NAME, khmer_scenario, real_class, real_record

from game.report.aggregate import build_report
from game.report.html import render_html
from game.report.reading import SkippedFile
from game.report.sources import khmer_font_face, post_texts, technique_texts

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def find_browser() -> str:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    message = "no headless browser found (install Chromium: apt-get install chromium) - the HTML report was not opened in a browser"
    if os.environ.get("CI"):
        pytest.fail(message + "; .ci/run should have installed it")
    pytest.skip(message)


def run_browser(browser: str, profile, *arguments: str) -> subprocess.CompletedProcess:
    command = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", *arguments,
    ]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


class _Tables(HTMLParser):
    def __init__(self):
        super().__init__()
        self.table_ids: list[str] = []
        self.rows = 0

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.table_ids.append(dict(attrs).get("id", ""))
        elif tag == "tr":
            self.rows += 1


@pytest.fixture(scope="module")
def report_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser-report")
    records = real_class(trainees=8) + [real_record(khmer_scenario(), player_id="km-01", player_name=KHMER_NAME, minute=40)]
    report = build_report(records, technique_texts())
    page = render_html(
        report,
        skipped=[SkippedFile("results/broken.json", "truncated", "the file ends too early")],
        files_seen=len(records) + 1,
        post_texts=post_texts(builtin_index(), "en"),
        khmer_font_face=khmer_font_face(),
    )
    path = folder / "report.html"
    path.write_text(page, encoding="utf-8")
    return path


def test_the_report_draws_a_real_page_in_chromium(report_file, tmp_path):
    browser = find_browser()
    screenshot = tmp_path / "report.png"
    result = run_browser(browser, tmp_path / "profile", f"--screenshot={screenshot}", "--window-size=1200,1600", report_file.as_uri())
    assert screenshot.is_file(), f"Chromium made no screenshot: {result.stderr[-2000:]}"
    with Image.open(screenshot) as image:
        pixels = image.convert("RGB")
        assert pixels.size == (1200, 1600)
        colours = pixels.getcolors(maxcolors=1_000_000)
        not_white = sum(count for count, rgb in colours if sum(rgb) < 3 * 235)
    assert len(colours) > 200, "the screenshot has almost no colours: the page looks blank"
    assert not_white > 0.05 * 1200 * 1600, "the screenshot is nearly all white: the page looks blank"


def test_chromium_sees_every_table_and_the_chart(report_file, tmp_path):
    browser = find_browser()
    result = run_browser(browser, tmp_path / "profile", "--dump-dom", report_file.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    tables = _Tables()
    tables.feed(dom)
    assert {"posts-table", "trainees-table", "skipped-table"} <= set(tables.table_ids)
    assert tables.rows > 9 + 8
    assert "<svg" in dom and "Top 3 discussion points" in dom and KHMER_NAME in dom
