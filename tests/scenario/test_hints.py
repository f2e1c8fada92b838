"""Authoring hints: indentation, curly quotes and apostrophes, Khmer against Western digits, template text, the template's own balance."""

from pathlib import Path

import pytest
import yaml

from game.scenario.hints import PLACEHOLDERS, curly_quotes, evidence_near, indentation_hint, placeholder, quoted_in_curly
from game.scenario.loader import check_file

TEMPLATES = Path(__file__).resolve().parents[2] / "game" / "scenario"


def test_curly_quotes_name_each_character_and_offer_the_straight_one():
    hint = curly_quotes("text: “Note: this”")
    assert "“ (left double quotation mark) at column 7" in hint and "” (right double quotation mark) at column 18" in hint
    assert 'the straight "' in hint
    assert "the straight '" in curly_quotes("it’s")
    assert curly_quotes('text: "plain"') is None


def test_evidence_with_a_curly_apostrophe_or_other_digits_gets_a_hint():
    assert "’" in evidence_near("won’t pay", "They won't pay you back.") and "straight '" in evidence_near("won’t pay", "They won't pay")
    khmer = evidence_near("24 hours", "Reply within ២៤ hours!")
    assert "Khmer digits (such as ២៤)" in khmer and "quote in Western digits" in khmer
    assert "Khmer digits (២៤)" in evidence_near("ក្នុង ២៤ ម៉ោង", "ក្នុង 24 ម៉ោង")
    assert evidence_near("free money", "Win a phone today") is None


def test_a_value_inside_curly_quotes():
    assert '"@citynews"' in quoted_in_curly("“@citynews”") and quoted_in_curly('@citynews') is None


def test_an_indentation_a_space_off():
    lines = ["posts:", "  - id: p1", "    author: a", "     text: b"]
    assert "line 4 starts with 5 spaces but the field above it with 4" in indentation_hint(lines, 4)
    assert indentation_hint(lines, 3) is None


def test_placeholders_are_the_templates_own_text():
    text = "".join((TEMPLATES / f"template.{language}.yaml").read_text(encoding="utf-8") for language in ("en", "km"))
    assert all(value in text for value in PLACEHOLDERS)
    assert placeholder("One or two sentences shown in the scenario picker.") and placeholder("Real news here") is None


@pytest.mark.parametrize("language", ["en", "km"])
def test_the_template_meets_its_own_40_percent_advice(language):
    data = yaml.safe_load((TEMPLATES / f"template.{language}.yaml").read_text(encoding="utf-8").replace("__ID__", "x").replace("__TITLE__", "X"))
    verdicts = [post["verdict"] for post in data["posts"]]
    assert verdicts.count("reliable") / len(verdicts) >= 0.4


def _scenario(tmp_path, text):
    folder = tmp_path / "s"
    folder.mkdir(parents=True)
    path = folder / "s.en.yaml"
    path.write_text(text, encoding="utf-8")
    return check_file(path)[1]


BASE = """id: s
title: S
language: en
accounts:
  - id: a
    name: A
    handle: "@a"
posts:
  - id: p1
    author: a
    text: Reply within 24 hours or your account is closed. It's true.
    verdict: scam
    techniques:
      - id: urgency-pressure
        evidence: EVIDENCE
        note: pressure
    clues:
      source: new page
    explanation: A scam.
  - id: p2
    author: a
    text: The market opens at 8.
    verdict: reliable
    explanation: Fine.
"""


def test_validate_gives_each_hint_at_its_place(tmp_path):
    problems = _scenario(tmp_path / "1", BASE.replace("EVIDENCE", "It’s true"))
    assert any(p.code == "evidence-not-found" and "curly apostrophe" in p.message for p in problems)
    problems = _scenario(tmp_path / "2", BASE.replace("EVIDENCE", "within ២៤ hours"))
    assert any(p.code == "evidence-not-found" and "digits" in p.message for p in problems)
    problems = _scenario(tmp_path / "3", BASE.replace("EVIDENCE", "within 24 hours").replace('handle: "@a"', "handle: “@a”"))
    assert [(p.code, p.line) for p in problems if p.code == "curly-quoted"] == [("curly-quoted", 7)]
    problems = _scenario(tmp_path / "4", BASE.replace("EVIDENCE", "24").replace("    text: The market", "     text: The market"))
    assert problems[0].code == "yaml-syntax" and "indentation" in problems[0].message and "quotes" not in problems[0].message
