"""Lateral reading in the class report: misleading posts checked on other sources, pages per check, headlines pasted."""

from __future__ import annotations

from statistics import median

from game.report.aggregate import build_report
from game.report.html import render_html
from game.rules.browse import copies_post
from test_report_aggregate import decision, record


def browsed(post, action, verdict, *, pages=(), queries=(), lateral=False, pasted=0, order=1):
    item = decision(post, action, verdict, order=order)
    item.update(queries=[{"text": text, "source": "typed"} for text in queries],
                pages=[{"page": page, "seconds": 5.0, "rank": 1} for page in pages], lateral=lateral, headline_pasted=pasted)  # fmt: skip
    return item


def _class():
    first = [browsed("p1", "flag", "misinformation", pages=("a", "b"), queries=("dam Takeo",), lateral=True, order=1),
             browsed("p2", "share", "scam", queries=("win a motorbike today pay fee",), pasted=1, order=2),
             browsed("p3", "share", "reliable", pages=("c",), lateral=True, order=3)]  # fmt: skip
    second = [browsed("p1", "skip", "misinformation", order=1), browsed("p2", "flag", "scam", pages=("d", "e", "f"), queries=("x", "y"), lateral=True, order=2)]
    return [record("p-1", first, points=5), record("p-2", second, points=3, started="2025-03-10T10:00:00Z")]


def test_the_figures_are_counted_from_the_decisions():
    records = _class()
    report = build_report(records)
    decisions = [d for r in records for d in r["decisions"]]
    misleading = [d for d in decisions if d["verdict"] != "reliable"]
    checks = [d for d in decisions if d["pages"] or d["queries"]]
    lateral = report.lateral
    assert (lateral.misleading, lateral.misleading_lateral) == (len(misleading), sum(d["lateral"] for d in misleading))
    assert lateral.checks == len(checks) and lateral.median_pages == median(len(d["pages"]) for d in checks)
    assert (lateral.queries, lateral.headline_pasted) == (sum(len(d["queries"]) for d in decisions), 1)


def test_the_html_overview_shows_lateral_reading():
    report = build_report(_class())
    html = render_html(report)
    rate = round(100 * report.lateral.misleading_lateral / report.lateral.misleading)
    assert "lateral reading" in html and f"{rate}%" in html
    assert "median pages opened per check" in html and "pasted the post" in html


def test_a_pasted_headline_is_told_from_a_question():
    post = "SHOCKING! The whole market is burning right now. Share before they delete it!"
    assert copies_post("the whole market is burning right now", post)
    assert copies_post("The whole MARKET is burning, right now!", post)
    assert not copies_post("market fire photo 2019", post)
    assert not copies_post("market", post)  # a word of the post is a keyword, not a paste
    assert copies_post("ផ្សារទាំងមូលកំពុងឆេះឥឡូវនេះ", "ផ្សារទាំងមូលកំពុងឆេះឥឡូវនេះ! ចែករំលែកមុនគេលុប។")
