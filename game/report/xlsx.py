"""The report as one Excel workbook: sheets Summary, Trainees, Decisions, Checks, Check items and Posts.

`XlsxExport(path, index)` takes records one at a time (`add`) and writes Decisions, Checks and Check
items as they come, through xlsxwriter's constant-memory mode, so memory stays bounded at any number
of files; `finish(report, ...)` writes Summary, Trainees and Posts and closes the workbook. The
columns are those of the CSV files (`game.report.csv`), with numbers as numbers and true/false as
booleans; Khmer text is stored as it is. Excel holds at most `MAX_ROWS` rows per sheet: past that
the decisions continue on "Decisions 2", "Decisions 3", … (kept next to each other), and the
Summary sheet says so. Text is never turned into a formula or a link.

The workbook is written to a temp file next to the target and moved into place when complete.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from game.report.aggregate import ClassReport, counts_in_figures
from game.report.csv import CHECK_COLUMNS, CHECK_ITEM_COLUMNS, DECISION_COLUMNS, TRAINEE_COLUMNS, check_entries
from game.report.index import ScenarioIndex

MAX_ROWS = 1_048_576  # Excel's limit per sheet, the header row included
POST_COLUMNS = ("scenario", "post", "languages", "verdict", "techniques", "answers", "correct", "percent_correct",
                "shared", "flagged", "skipped", "mean_seconds")  # fmt: skip
SUMMARY_WIDTH = 40


def _join(values) -> str:
    return ";".join(str(value) for value in values or ())


def _rounded(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def decision_values(record: dict, index: ScenarioIndex) -> list[list]:
    """The rows of `DECISION_COLUMNS` for one record, as spreadsheet values."""
    start = [record["result_id"], record["player"]["id"], record.get("session") or "",
             index.family_of(record["scenario"]["id"]), record["scenario"].get("language") or ""]  # fmt: skip
    counted = counts_in_figures(record)
    return [
        start + [decision["post"], decision.get("order"), decision["action"], _join(decision.get("tools")),
                 _join(decision.get("reasons")), decision["correct"], decision["points"], decision["seconds"],
                 decision.get("verdict") or "", _join(decision.get("techniques")), decision.get("auto") or "", counted]
        for decision in record["decisions"]
    ]  # fmt: skip


def check_values(record: dict) -> tuple[list[list], list[list]]:
    """The rows of `CHECK_COLUMNS` and of `CHECK_ITEM_COLUMNS` for one record."""
    checks, items = [], []
    start = [record["result_id"], record["player"]["id"], record.get("session") or ""]
    for phase, entry in check_entries(record):
        about = [phase, entry.get("form") or "", entry.get("quiz") or "", entry.get("language") or ""]
        keys = ("items", "V", "r", "f", "d", "n", "d_prime", "criterion", "not_sure", "unanswered", "elapsed_seconds")
        checks.append(start + about + [entry.get(key) for key in keys])
        for answer in entry.get("answers") or ():
            items.append(start + about + [answer["item"], answer.get("order"), answer.get("answer") or "",
                                          answer.get("verdict") or "", answer["correct"], answer.get("seconds")])  # fmt: skip
    return checks, items


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]|_x[0-9A-Fa-f]{4}_")
_NEEDS_ESCAPE = re.compile(r"[&<>\x00-\x08\x0b-\x1f]|_x[0-9A-Fa-f]{4}_|^\s|\s$")


def _excel_control(match: re.Match) -> str:
    text = match.group()
    return "_x005F" + text if len(text) > 1 else f"_x{ord(text):04X}_"


def cell_xml(reference: str, value: object) -> str:
    """One cell in the worksheet XML, written the way xlsxwriter writes it in constant-memory mode (inline strings)."""
    kind = type(value)
    if kind is bool:
        return f'<c r="{reference}" t="b"><v>{int(value)}</v></c>'
    if kind is int or kind is float:
        return f'<c r="{reference}"><v>{value!r}</v></c>'
    text = str(value)
    if not text:
        return ""
    if _NEEDS_ESCAPE.search(text):
        text = _CONTROL.sub(_excel_control, text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
        if text[:1].isspace() or text[-1:].isspace():
            return f'<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
    return f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'


class StreamedSheet(Worksheet):
    """A constant-memory worksheet that also takes whole rows of plain values quickly (`append`).

    xlsxwriter's `write_*` calls cost several microseconds a cell, too slow for a million rows; `append`
    writes the same XML for the row straight into the sheet's row file and keeps the sheet's
    dimensions, after letting xlsxwriter finish any row it still holds (the header).
    Depends on xlsxwriter's constant-memory internals (`table`, `previous_row`, `fh`); pinned to 3.x.
    """

    def append(self, row: int, values: Sequence) -> None:
        if self.table:
            self._write_single_row(row)
        letters = _column_letters(len(values))
        number = row + 1
        cells = "".join(cell_xml(f"{letter}{number}", value) for letter, value in zip(letters, values) if value is not None)
        self.fh.write(f'<row r="{number}">{cells}</row>')
        self._check_dimensions(row, len(values) - 1)
        self.previous_row = row + 1


_LETTERS: list[str] = []


def _column_letters(count: int) -> list[str]:
    while len(_LETTERS) < count:
        _LETTERS.append(xl_col_to_name(len(_LETTERS)))
    return _LETTERS[:count]


class XlsxExport:
    """One workbook, written as records arrive; `finish` completes it, `discard` removes it."""

    def __init__(self, path: str | Path, index: ScenarioIndex | None = None, *, max_rows: int = MAX_ROWS) -> None:
        self.path = Path(path)
        self.index = index or ScenarioIndex()
        self.max_rows = max_rows
        folder = self.path.parent if str(self.path.parent) else Path(".")
        folder.mkdir(parents=True, exist_ok=True)
        descriptor, temp = tempfile.mkstemp(prefix=f".{self.path.name}-", suffix=".tmp", dir=folder)
        os.close(descriptor)
        self.temp = Path(temp)
        self.book = xlsxwriter.Workbook(
            str(self.temp), {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                             "strings_to_numbers": False},  # fmt: skip
        )
        self.bold = self.book.add_format({"bold": True})
        self.summary = self.book.add_worksheet("Summary")
        self.trainees = self.book.add_worksheet("Trainees")
        self.decision_sheets = [self._sheet("Decisions", DECISION_COLUMNS)]
        self.checks = self._sheet("Checks", CHECK_COLUMNS)
        self.items = self._sheet("Check items", CHECK_ITEM_COLUMNS)
        self.posts = self.book.add_worksheet("Posts")
        self.rows = {"Decisions": 0, "Checks": 0, "Check items": 0}

    def _sheet(self, name: str, header: Sequence[str]):
        sheet = self.book.add_worksheet(name, worksheet_class=StreamedSheet)
        sheet.write_row(0, 0, header, self.bold)
        sheet.freeze_panes(1, 0)
        return sheet

    def _decision_sheet(self):
        """The sheet the next decision goes on, starting "Decisions N" (next to the others) when one is full."""
        if self.rows["Decisions"] - (len(self.decision_sheets) - 1) * (self.max_rows - 1) < self.max_rows - 1:
            return self.decision_sheets[-1]
        sheet = self._sheet(f"Decisions {len(self.decision_sheets) + 1}", DECISION_COLUMNS)
        if len(self.decision_sheets) == 1:
            self.book.worksheets_objs.remove(self.decision_sheets[0])
            self.book.worksheets_objs.insert(2, self.decision_sheets[0])
            self.decision_sheets[0].name = "Decisions 1"
            self.book.sheetnames = {sheet.name: sheet for sheet in self.book.worksheets_objs}
        self.book.worksheets_objs.remove(sheet)
        self.book.worksheets_objs.insert(2 + len(self.decision_sheets), sheet)
        for position, each in enumerate(self.book.worksheets_objs):
            each.index = position
        self.decision_sheets.append(sheet)
        return sheet

    def add(self, record: dict) -> None:
        for row in decision_values(record, self.index):
            sheet = self._decision_sheet()
            done = self.rows["Decisions"] - (len(self.decision_sheets) - 1) * (self.max_rows - 1)
            sheet.append(done + 1, row)
            self.rows["Decisions"] += 1
        if record.get("checks"):
            checks, items = check_values(record)
            for row in checks:
                self.rows["Checks"] += 1
                self.checks.append(self.rows["Checks"], row)
            for row in items:
                self.rows["Check items"] += 1
                self.items.append(self.rows["Check items"], row)

    def finish(self, report: ClassReport, *, files_seen: int = 0, skipped: int = 0, zone_name: str = "") -> Path:
        self._summary(report, files_seen, skipped, zone_name)
        self._trainees(report)
        self._posts(report)
        self.book.close()
        os.replace(self.temp, self.path)
        return self.path

    def discard(self) -> None:
        """Remove the unfinished workbook and the sheets' row files."""
        for sheet in self.book.worksheets():
            handle = getattr(sheet, "row_data_fh", None)
            if handle is not None:
                handle.close()
            name = getattr(sheet, "row_data_filename", None)
            for path in (name,) if name else ():
                try:
                    os.unlink(path)
                except OSError:
                    pass
        try:
            self.temp.unlink()
        except OSError:
            pass

    def _summary(self, report: ClassReport, files_seen: int, skipped: int, zone_name: str) -> None:
        overview = report.overview
        rows: list[list] = [
            ["Feedwise class report" + (f", session {report.session}" if report.session else "")],
            [],
            ["Trainees", overview.trainees],
            ["Rounds counted", overview.rounds],
            ["Rounds left out (ended early or unfinished)", overview.unfinished_rounds],
            ["Decisions counted", overview.decisions],
            ["Mean score, % of the maximum points", _rounded(overview.mean_score_percent, 1)],
            ["Decisions correct, %", _rounded(None if overview.accuracy is None else 100 * overview.accuracy, 1)],
            ["Mean d′ (discernment)", _rounded(overview.mean_d_prime)],
            ["Mean criterion c (bias)", _rounded(overview.mean_criterion)],
            ["Misleading posts shared", overview.harmful_shares],
            *_lateral_rows(report.lateral),
            ["Rounds per language", ", ".join(f"{language} {count}" for language, count in report.language_rounds.items())],
            ["Files looked at", files_seen],
            ["Files not read", skipped],
        ]
        if zone_name:
            rows.append(["Times are in", zone_name])
        if report.checks is not None:
            rows.append(["Pre/post: mean change in check d′", _rounded(report.checks.d_prime_change.mean)])
            rows.append(["Pre/post: mean change in check c", _rounded(report.checks.criterion_change.mean)])
        if len(self.decision_sheets) > 1:
            rows.append(["Note", f"Excel holds at most {self.max_rows:,} rows per sheet, so the {self.rows['Decisions']:,} "
                                 f"decisions are split over {len(self.decision_sheets)} sheets: "
                                 + ", ".join(sheet.name for sheet in self.decision_sheets) + "."])  # fmt: skip
        rows += [[], ["Needs attention"]] + [[trainee.name or trainee.player_id, trainee.player_id, "; ".join(trainee.attention)]
                                             for trainee in report.attention]  # fmt: skip
        rows += [[], ["Reading"]] + [[sentence] for sentence in overview.readings]
        self.summary.set_column(0, 0, SUMMARY_WIDTH)
        for number, row in enumerate(rows):
            self.summary.write_row(number, 0, row, self.bold if len(row) == 1 else None)

    def _trainees(self, report: ClassReport) -> None:
        self.trainees.write_row(0, 0, TRAINEE_COLUMNS, self.bold)
        self.trainees.freeze_panes(1, 0)
        for number, trainee in enumerate(report.trainees, start=1):
            self.trainees.write_row(number, 0, [
                trainee.player_id, trainee.name, _join(trainee.sessions), _join(trainee.scenarios), _join(trainee.languages),
                trainee.rounds, trainee.points, trainee.max_points, _rounded(trainee.score_percent, 1), _rounded(trainee.accuracy),
                trainee.hits, trainee.misses, trainee.false_alarms, trainee.correct_rejections, _rounded(trainee.mean_d_prime),
                _rounded(trainee.mean_criterion), trainee.harmful_shares, _join(trainee.missed_techniques), trainee.uncounted_rounds,
                _rounded(trainee.pre_d_prime), _rounded(trainee.post_d_prime), _rounded(trainee.d_prime_change), "; ".join(trainee.attention),
            ])  # fmt: skip
        self.trainees.autofilter(0, 0, max(len(report.trainees), 1), len(TRAINEE_COLUMNS) - 1)

    def _posts(self, report: ClassReport) -> None:
        self.posts.write_row(0, 0, POST_COLUMNS, self.bold)
        self.posts.freeze_panes(1, 0)
        for number, post in enumerate(report.posts, start=1):
            self.posts.write_row(number, 0, [
                post.key.scenario_id, post.key.post, ", ".join(f"{k} {v}" for k, v in post.languages.items()),
                post.verdict or "", _join(post.techniques), post.answers, post.correct, round(post.percent_correct, 1),
                post.actions.get("share", 0), post.actions.get("flag", 0), post.actions.get("skip", 0), round(post.mean_seconds, 1),
            ])  # fmt: skip


def _lateral_rows(lateral) -> list[list]:
    """The summary sheet's rows on checking in the offline web (none when the records have no browsing)."""
    if lateral is None:
        return []
    return [
        ["Lateral reading: misleading posts checked on other sources, %", _rounded(None if lateral.lateral_rate is None else 100 * lateral.lateral_rate, 1)],
        ["Posts checked in the offline web", lateral.checks],
        ["Median pages opened per check", _rounded(lateral.median_pages, 1)],
        ["Queries that pasted the post's own words, %", _rounded(None if lateral.pasted_rate is None else 100 * lateral.pasted_rate, 1)],
    ]
