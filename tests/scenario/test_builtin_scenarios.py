"""Every scenario shipped in `scenarios/` validates with no errors, through the one loader, with the modeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.loader import check_file
from game.scenario.quiz_loader import is_quiz_file
from game.web.loader import is_web_file

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
# Quiz files (`kind: quiz`, the pre/post quick check in scenarios/checks/) are checked in test_quiz_banks.py,
# web files (`kind: web`) in tests/web/.
FILES = sorted(path for pattern in ("*.yaml", "*.yml") for path in SCENARIOS.rglob(pattern) if not is_quiz_file(path) and not is_web_file(path))


def test_scenarios_folder_is_not_empty():
    assert FILES


@pytest.mark.parametrize("path", FILES, ids=lambda path: str(path.relative_to(SCENARIOS)))
def test_shipped_scenario_has_no_errors(path):
    loaded, problems = check_file(path)
    errors = [problem.format() for problem in problems if problem.is_error]
    assert errors == []
    assert loaded is not None


@pytest.mark.parametrize("path", FILES, ids=lambda path: str(path.relative_to(SCENARIOS)))
def test_shipped_scenario_starts_with_the_schema_modeline(path):
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    depth = len(path.relative_to(SCENARIOS).parts) - 1
    assert first_line == "# yaml-language-server: $schema=" + "../" * depth + "scenario.schema.json"
