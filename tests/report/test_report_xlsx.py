"""`report --xlsx`: one workbook, six sheets, Khmer intact, numbers as numbers, decisions split past Excel's row limit."""

from __future__ import annotations

import openpyxl
import pytest
from report_factory import KHMER_NAME, builtin_index, ended_early, mixed_class

from game.report.aggregate import build_report
from game.report.csv import DECISION_COLUMNS, TRAINEE_COLUMNS
from game.report.xlsx import XlsxExport

SHEETS = ["Summary", "Trainees", "Decisions", "Checks", "Check items", "Posts"]


def _write(path, records, **options):
    index = builtin_index()
    export = XlsxExport(path, index, **options)
    for record in records:
        export.add(record)
    export.finish(build_report(records, index=index), files_seen=len(records), zone_name="UTC+07:00")
    return export


@pytest.fixture(scope="module")
def records():
    records = mixed_class()
    records[0]["player"]["name"] = "=HYPERLINK(\"http://x\")"
    return records + [ended_early(records[1])]


def test_the_six_sheets_with_khmer_and_typed_cells(tmp_path, records):
    _write(tmp_path / "r.xlsx", records)
    assert [path.name for path in tmp_path.iterdir()] == ["r.xlsx"]
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert book.sheetnames == SHEETS
    decisions = list(book["Decisions"].iter_rows(values_only=True))
    assert decisions[0] == DECISION_COLUMNS and len(decisions) == 1 + 14 * 16
    row = dict(zip(DECISION_COLUMNS, decisions[1]))
    assert isinstance(row["points"], int) and isinstance(row["correct"], bool) and row["scenario"] == "jobs-abroad"
    trainees = list(book["Trainees"].iter_rows(values_only=True))
    assert trainees[0] == TRAINEE_COLUMNS
    names = [row[1] for row in trainees[1:]]
    assert KHMER_NAME in names and '=HYPERLINK("http://x")' in names  # text, never a formula
    assert book["Trainees"]["B2"].data_type != "f"
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True) if row[0]}
    assert summary["Rounds counted"] == 13 and summary["Rounds left out (ended early or unfinished)"] == 1
    assert summary["Times are in"] == "UTC+07:00"
    posts = list(book["Posts"].iter_rows(values_only=True))
    assert len(posts) == 17 and all(row[2] == "en 10, km 3" for row in posts[1:])


def test_decisions_are_split_over_sheets_past_the_row_limit_and_summary_says_so(tmp_path, records):
    export = _write(tmp_path / "split.xlsx", records, max_rows=100)
    book = openpyxl.load_workbook(tmp_path / "split.xlsx", read_only=True)
    parts = [name for name in book.sheetnames if name.startswith("Decisions")]
    assert parts == [f"Decisions {number}" for number in range(1, 4)]
    assert book.sheetnames == ["Summary", "Trainees", *parts, "Checks", "Check items", "Posts"]
    counts = [sum(1 for _ in book[name].iter_rows()) - 1 for name in parts]
    assert counts == [99, 99, 14 * 16 - 198] and export.rows["Decisions"] == 14 * 16
    assert all(next(book[name].iter_rows(values_only=True)) == DECISION_COLUMNS for name in parts)
    note = next(row[1] for row in book["Summary"].iter_rows(values_only=True) if row[0] == "Note")
    assert "split over 3 sheets" in note and "Decisions 1, Decisions 2, Decisions 3" in note


def test_a_failed_export_leaves_no_file(tmp_path, records):
    import os

    export = XlsxExport(tmp_path / "gone.xlsx", builtin_index())
    export.add(records[0])
    row_files = [sheet.row_data_filename for sheet in export.book.worksheets()]
    assert row_files and all(os.path.exists(name) for name in row_files)
    export.discard()
    assert list(tmp_path.iterdir()) == []
    assert not any(os.path.exists(name) for name in row_files)
