"""The one place the LRS sync reaches the report package: result folders in, xAPI statements out.

`statements_for_record(record)` is a pure function of a checked result record and
`STATEMENT_FORMAT`, the statement-format version that the statement ids include. When the report
package moves, only the import line below changes. No pygame, no network.
"""

from __future__ import annotations

from game.store.report import reading, xapi  # the report package; becomes `from game.report import reading, xapi`

STATEMENT_FORMAT: str = getattr(xapi, "STATEMENT_FORMAT", "feedwise-xapi/1")
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
    build = getattr(xapi, "statements_for_record", None)
    return list(build(record)) if build else list(xapi.statements([record]))
