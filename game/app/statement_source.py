"""The one place the LRS sync reaches the report package: result folders in, xAPI statements out.

`statements_for_record(record)` is a pure function of a checked result record and
`STATEMENT_FORMAT`, the statement-format version that the statement ids include. No pygame, no network.
"""

from __future__ import annotations

from game.report import reading, xapi

STATEMENT_FORMAT: str = xapi.STATEMENT_FORMAT
read_results = reading.read_results


def read_result_file(path: str) -> dict | None:
    """One result file's checked record, or None when it is not a good result."""
    try:
        with open(path, "rb") as handle:
            return reading.parse_result(handle.read())
    except (OSError, reading.NotAResult):
        return None


def statements_for_record(record: dict) -> list[dict]:
    """Every xAPI statement of one result record, in a stable order."""
    return list(xapi.statements_for_record(record))
