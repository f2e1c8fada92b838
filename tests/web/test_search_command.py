"""`python main.py search QUERY [--lang en|km] [--json]` and the doctor's FTS5 check."""

from __future__ import annotations

import json

from game.cli import main
from game.commands import doctor
from tests.web.web_factory import make_library


def test_search_prints_pinned_json_best_first(capsys):
    assert main(["search", "how", "to", "report", "online", "fraud", "--json"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert results and all(list(result) == ["page", "site", "title", "score"] for result in results)
    assert results[0]["page"] == "acfo-how-to-report" and results[0]["site"] == "acfo"
    assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)


def test_search_in_khmer_and_in_an_extra_folder(tmp_path, capsys):
    root = make_library(tmp_path / "lib")
    assert main(["search", "ផ្សារទាំងមូលកំពុងឆេះឥឡូវនេះ", "--lang", "km", "--folder", str(root / "market-fire"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["page"] == "mf-repeat"


def test_search_prints_ranked_results_with_snippets_and_did_you_mean(capsys):
    assert main(["search", "licensed", "recruitment", "agensy"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. How to check that a recruitment agency is licensed\n")
    assert "mlvt.gov.kh.example · 2025-02-10" in out and "[licensed]" in out
    assert "did you mean: licensed recruitment agency" in out
    assert "\u200b" not in out


def test_search_with_nothing_found_says_so(capsys):
    assert main(["search", "qqqzzz"]) == 0
    assert 'nothing found for "qqqzzz"' in capsys.readouterr().out


def test_doctor_reports_fts5_and_a_clear_message_without_it(monkeypatch):
    assert doctor.check_fts5().ok
    monkeypatch.setattr("game.web.index.fts5_available", lambda: False)
    check = doctor.check_fts5()
    assert not check.ok and "no FTS5" in check.detail and "slower ranking" in check.detail
