"""CSV exports of result records: `decisions.csv` (long format) and `trainees.csv`.

`decisions.csv` has one row per trainee × post with exactly the columns `DECISION_COLUMNS`;
`trainees.csv` one row per trainee with `TRAINEE_COLUMNS` (see docs/report.md).
Lists (tools, reasons, techniques) are joined with ";"; booleans are `true`/`false`; an empty cell
means "none". Free-text cells that a spreadsheet would run as a formula (starting with = + - @)
get a leading apostrophe. Callers write the text with a UTF-8 BOM (`BOM`) so that Excel and
LibreOffice open Khmer correctly.

Pure: builds strings from records; the command writes them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from game.report.aggregate import TraineeStat

BOM = "\ufeff"
DECISION_COLUMNS = (
    "result_id", "player_id", "session", "scenario", "post", "order", "action", "tools",
    "reasons", "correct", "points", "seconds", "verdict", "techniques",
)  # fmt: skip
TRAINEE_COLUMNS = (
    "player_id", "player_name", "sessions", "scenarios", "rounds", "points", "max_points", "score_percent",
    "accuracy", "hits", "misses", "false_alarms", "correct_rejections", "mean_d_prime", "mean_criterion",
    "harmful_shares", "missed_techniques",
)  # fmt: skip
LIST_SEPARATOR = ";"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: object) -> str:
    """Free text made harmless for spreadsheets: a cell starting like a formula gets a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _number(value: float | int | None, digits: int = 4) -> str:
    if value is None:
        return ""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return f"{value:.{digits}f}".rstrip("0").rstrip(".")


def _join(values: Iterable[object] | None) -> str:
    return LIST_SEPARATOR.join(safe_text(value) for value in values or ())


def decision_rows(records: Iterable[dict]) -> Iterable[list[str]]:
    """One row of `DECISION_COLUMNS` per decision of every record."""
    for record in records:
        result_id = record["result_id"]
        player_id = safe_text(record["player"]["id"])
        session = safe_text(record.get("session"))
        scenario = safe_text(record["scenario"]["id"])
        for decision in record["decisions"]:
            yield [
                result_id,
                player_id,
                session,
                scenario,
                safe_text(decision["post"]),
                _number(decision.get("order")),
                decision["action"],
                _join(decision.get("tools")),
                _join(decision.get("reasons")),
                "true" if decision["correct"] else "false",
                _number(decision["points"]),
                _number(decision["seconds"], 3),
                safe_text(decision.get("verdict")),
                _join(decision.get("techniques")),
            ]


def trainee_rows(trainees: Sequence[TraineeStat]) -> Iterable[list[str]]:
    for trainee in trainees:
        yield [
            safe_text(trainee.player_id),
            safe_text(trainee.name),
            _join(trainee.sessions),
            _join(trainee.scenarios),
            str(trainee.rounds),
            _number(trainee.points),
            _number(trainee.max_points),
            _number(trainee.score_percent, 1),
            _number(trainee.accuracy),
            str(trainee.hits),
            str(trainee.misses),
            str(trainee.false_alarms),
            str(trainee.correct_rejections),
            _number(trainee.mean_d_prime),
            _number(trainee.mean_criterion),
            str(trainee.harmful_shares),
            _join(trainee.missed_techniques),
        ]


def to_csv_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """CSV text with a BOM, a header row and CRLF line ends (what spreadsheets expect)."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def decisions_csv(records: Iterable[dict]) -> str:
    return to_csv_text(DECISION_COLUMNS, decision_rows(records))


def trainees_csv(trainees: Sequence[TraineeStat]) -> str:
    return to_csv_text(TRAINEE_COLUMNS, trainee_rows(trainees))
