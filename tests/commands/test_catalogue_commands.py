"""`python main.py techniques` lists the catalogue one per line; `python main.py schema` prints the schema file."""

from __future__ import annotations

import json
from pathlib import Path

from game.cli import main
from game.scenario.catalogue import technique_ids

REPO = Path(__file__).resolve().parents[2]


def test_techniques_one_per_line(capsys):
    assert main(["techniques"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == technique_ids()
    assert any("Clickbait:" in line for line in lines)


def test_techniques_in_khmer_with_tips(capsys):
    assert main(["techniques", "--lang", "km", "--tips"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(technique_ids())
    assert all(any("\u1780" <= ch <= "\u17ff" for ch in line) and "Tip:" in line for line in lines)


def test_schema_prints_the_schema_file(capsys):
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    assert printed == (REPO / "scenarios" / "scenario.schema.json").read_text(encoding="utf-8")
    assert json.loads(printed)["title"].startswith("Feedwise scenario")
