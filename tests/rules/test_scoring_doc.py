"""The worked example in docs/scoring.md: play the round it describes and check every number it states."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.rules import Flag, Share, Skip, UseTool, apply, new_round
from game.rules.record import result_record
from game.rules.scoring import score
from rules_factory import WORKED_EXAMPLE_PLAY, worked_example

DOC = Path(__file__).resolve().parents[2] / "docs" / "scoring.md"


def table(marker: str) -> list[list[str]]:
    text = DOC.read_text(encoding="utf-8")
    block = re.search(rf"<!-- {marker} -->\n(.*?)<!-- /{marker} -->", text, re.S)
    assert block, f"docs/scoring.md lost its {marker} table"
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in block.group(1).strip().splitlines()]
    return rows[2:]  # drop the header and the |---| line


def number(text: str) -> float:
    return float(text.replace("−", "-").replace("*", ""))


def played_worked_example():
    state = new_round(worked_example())
    for index, (kind, post_id, extra) in enumerate(WORKED_EXAMPLE_PLAY, start=1):
        command = {
            "flag": lambda: Flag(post_id, extra),
            "share": lambda: Share(post_id),
            "skip": lambda: Skip(post_id),
            "tool": lambda: UseTool(post_id, extra),
        }[kind]()
        step = apply(state, command, index * 10.0)
        assert step.rejected is None
        state = step.state
    return state


def test_the_documented_decisions_earn_the_documented_points():
    state = played_worked_example()
    record = result_record(
        state, result_id="doc", player_id="p", player_name="n", session=None,
        started_at="2025-01-01T00:00:00Z", finished_at="2025-01-01T00:10:00Z",
    )
    computed = {decision["post"]: (decision["verdict"], decision["points"]) for decision in record["decisions"]}
    documented = {
        row[0]: (row[1], number(re.findall(r"\*\*(.+?)\*\*", row[3])[-1])) for row in table("worked-example-decisions")
    }
    assert documented == computed


def test_the_documented_figures_match_the_computed_ones():
    report = score(played_worked_example())
    d = report.discernment
    computed = {
        "points": report.points,
        "max_points": report.max_points,
        "harmful_shares": report.harmful_shares,
        **{name: getattr(d, name) for name in (
            "hits", "misses", "false_alarms", "correct_rejections", "hit_rate_raw", "false_alarm_rate_raw",
            "hit_rate", "false_alarm_rate", "d_prime", "criterion",
        )},
    }
    rows = table("worked-example-figures")
    assert {row[0] for row in rows} == set(computed)
    for name, written in rows:
        decimals = len(written.split(".")[1]) if "." in written else 0
        assert number(written) == pytest.approx(round(computed[name], decimals), abs=10**-decimals / 2), name
