"""Golden messages: each file in `broken/` is checked, and its output must match `broken/<name>.expected`.

The `.expected` file holds exactly what `python main.py validate broken/<name>.yaml` prints for it
(without the summary line), run from `tests/scenario/`. To refresh the goldens after a deliberate
wording change, run `FEEDWISE_UPDATE_GOLDENS=1 pytest tests/scenario/test_broken_goldens.py` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.scenario.loader import check_file

HERE = Path(__file__).resolve().parent
BROKEN = sorted(path.name for path in (HERE / "broken").glob("*.yaml"))
UPDATE = os.environ.get("FEEDWISE_UPDATE_GOLDENS") == "1"


def test_there_are_broken_files():
    assert len(BROKEN) >= 25


@pytest.mark.parametrize("name", BROKEN)
def test_broken_file_gives_its_golden_messages(name, monkeypatch):
    monkeypatch.chdir(HERE)
    loaded, problems = check_file(f"broken/{name}")
    output = "".join(problem.format() + "\n" for problem in problems)
    expected_path = HERE / "broken" / (name[: -len(".yaml")] + ".expected")
    if UPDATE:
        expected_path.write_text(output, encoding="utf-8")
    expected = expected_path.read_text(encoding="utf-8")
    assert output == expected
    has_errors = any(problem.is_error for problem in problems)
    assert (loaded is None) == has_errors
    assert all(problem.code != "internal-error" for problem in problems)
