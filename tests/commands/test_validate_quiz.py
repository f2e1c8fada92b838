"""`validate` and `schema --quiz` on quiz files: the same command checks scenarios and quick-check forms."""

from __future__ import annotations

import json
from pathlib import Path

from game.cli import main
from game.commands.validate import kind_of
from game.scenario.quiz_schema import quiz_schema_text

REPO = Path(__file__).resolve().parents[2]
CHECKS = REPO / "scenarios" / "checks"

BROKEN_QUIZ = """\
# yaml-language-server: $schema=../quiz.schema.json
kind: quiz
id: broken
title: Broken
language: en
form: A
items:
  - id: one
    text: "Prices of rice rise"
    verdict: true-ish
    topic: money
  - id: one
    text: "Rice prices fall"
    verdict: real
    topic: money
"""


def test_validate_dispatches_quiz_files_to_the_quiz_checker():
    assert kind_of(str(CHECKS / "form-a.en.yaml")) == "quiz"
    assert kind_of(str(REPO / "scenarios" / "tutorial" / "tutorial.en.yaml")) == "scenario"


def test_shipped_check_folder_validates_clean(capsys):
    assert main(["validate", "--strict", str(CHECKS)]) == 0
    assert capsys.readouterr().out.strip().endswith("checked 4 files: no problems")


def test_broken_quiz_gets_located_plain_errors_and_exit_code_1(tmp_path, capsys):
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN_QUIZ, encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert f"{path}:7:1: error: a form needs at least 16 items (it has 2); with fewer, one lucky guess moves the score too much" in lines
    assert f"{path}:10:14: error: item 'one': 'verdict' cannot be 'true-ish'; use one of 'real', 'fake'" in lines
    assert f"{path}:12:9: error: duplicate item id 'one' (first used at line 8); every item needs its own id" in lines
    assert lines[-1] == "checked 1 file: 3 errors, 0 warnings"


def test_json_output_lists_quiz_problems_with_codes(tmp_path, capsys):
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN_QUIZ, encoding="utf-8")
    main(["validate", "--json", str(path)])
    codes = [problem["code"] for problem in json.loads(capsys.readouterr().out)]
    assert codes == ["too-few-items", "bad-value", "duplicate-id"]


def test_schema_command_prints_the_quiz_schema(capsys):
    assert main(["schema", "--quiz"]) == 0
    assert capsys.readouterr().out == quiz_schema_text()
