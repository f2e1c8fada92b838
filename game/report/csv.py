"""CSV exports: `decisions.csv`, `checks.csv`, `check_items.csv` (one record at a time) and `trainees.csv`.

`decisions.csv` has one row per decision with exactly `DECISION_COLUMNS` (its `scenario` is the
original scenario's id, a translation's rounds included, with the language in `language`);
`checks.csv` one row per pre or post check taken (`CHECK_COLUMNS`); `check_items.csv` one row per
check answer (`CHECK_ITEM_COLUMNS`); `trainees.csv` one row per trainee (`TRAINEE_COLUMNS`).
See docs/report.md. Lists are joined with ";"; booleans are `true`/`false`; an empty cell means
"none". Free-text cells that a spreadsheet would run as a formula (starting with = + - @) get a
leading apostrophe. Files start with a UTF-8 BOM (`BOM`) so that Excel and LibreOffice open Khmer.

`CsvExport` writes the files into a folder as records arrive (memory stays bounded) through
`game.store.atomic.AtomicFile`: each file appears only when complete. The row functions are pure.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from game.report.aggregate import TraineeStat, counts_in_figures
from game.report.index import ScenarioIndex
from game.store.atomic import AtomicFile

BOM = "\ufeff"
DECISION_COLUMNS = (
    "result_id", "player_id", "session", "scenario", "language", "post", "order", "action", "tools",
    "reasons", "correct", "points", "seconds", "verdict", "techniques", "auto", "counted",
)  # fmt: skip
TRAINEE_COLUMNS = (
    "player_id", "player_name", "sessions", "scenarios", "languages", "rounds", "points", "max_points", "score_percent",
    "accuracy", "hits", "misses", "false_alarms", "correct_rejections", "mean_d_prime", "mean_criterion",
    "harmful_shares", "missed_techniques", "uncounted_rounds", "pre_d_prime", "post_d_prime", "d_prime_change",
    "needs_attention",
)  # fmt: skip
CHECK_COLUMNS = (
    "result_id", "player_id", "session", "phase", "form", "quiz", "language", "items", "V", "r", "f", "d", "n",
    "d_prime", "criterion", "not_sure", "unanswered", "seconds",
)  # fmt: skip
CHECK_ITEM_COLUMNS = (
    "result_id", "player_id", "session", "phase", "form", "quiz", "language", "item", "order", "answer", "verdict",
    "correct", "seconds",
)  # fmt: skip
PHASES = ("pre", "post")
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


def _flag(value: bool) -> str:
    return "true" if value else "false"


def decision_rows(record: dict, index: ScenarioIndex | None = None) -> Iterator[list[str]]:
    """One row of `DECISION_COLUMNS` per decision of the record."""
    index = index or ScenarioIndex()
    result_id = safe_text(record["result_id"])
    player_id = safe_text(record["player"]["id"])
    session = safe_text(record.get("session"))
    scenario = safe_text(index.family_of(record["scenario"]["id"]))
    language = safe_text(record["scenario"].get("language"))
    counted = _flag(counts_in_figures(record))
    for decision in record["decisions"]:
        yield [
            result_id, player_id, session, scenario, language,
            safe_text(decision["post"]), _number(decision.get("order")), decision["action"],
            _join(decision.get("tools")), _join(decision.get("reasons")), _flag(decision["correct"]),
            _number(decision["points"]), _number(decision["seconds"], 3), safe_text(decision.get("verdict")),
            _join(decision.get("techniques")), safe_text(decision.get("auto")), counted,
        ]  # fmt: skip


def check_entries(record: dict) -> Iterator[tuple[str, dict]]:
    """(phase, entry) for each check the record carries, pre first."""
    checks = record.get("checks")
    if isinstance(checks, dict):
        for phase in PHASES:
            if isinstance(checks.get(phase), dict):
                yield phase, checks[phase]


def check_rows(record: dict) -> Iterator[list[str]]:
    """One row of `CHECK_COLUMNS` per check (pre, post) in the record."""
    start = [safe_text(record["result_id"]), safe_text(record["player"]["id"]), safe_text(record.get("session"))]
    for phase, entry in check_entries(record):
        yield start + [phase, safe_text(entry.get("form")), safe_text(entry.get("quiz")), safe_text(entry.get("language"))] + [
            _number(entry.get(key)) for key in ("items", "V", "r", "f", "d", "n", "d_prime", "criterion", "not_sure", "unanswered")
        ] + [_number(entry.get("elapsed_seconds"), 3)]


def check_item_rows(record: dict) -> Iterator[list[str]]:
    """One row of `CHECK_ITEM_COLUMNS` per check answer in the record (items not reached have an empty answer)."""
    start = [safe_text(record["result_id"]), safe_text(record["player"]["id"]), safe_text(record.get("session"))]
    for phase, entry in check_entries(record):
        about = [phase, safe_text(entry.get("form")), safe_text(entry.get("quiz")), safe_text(entry.get("language"))]
        for answer in entry.get("answers") or ():
            yield start + about + [
                safe_text(answer["item"]), _number(answer.get("order")), safe_text(answer.get("answer")),
                safe_text(answer.get("verdict")), _flag(answer["correct"]), _number(answer.get("seconds"), 3),
            ]  # fmt: skip


def trainee_rows(trainees: Sequence[TraineeStat]) -> Iterator[list[str]]:
    for trainee in trainees:
        yield [
            safe_text(trainee.player_id), safe_text(trainee.name), _join(trainee.sessions), _join(trainee.scenarios),
            _join(trainee.languages), str(trainee.rounds), _number(trainee.points), _number(trainee.max_points),
            _number(trainee.score_percent, 1), _number(trainee.accuracy), str(trainee.hits), str(trainee.misses),
            str(trainee.false_alarms), str(trainee.correct_rejections), _number(trainee.mean_d_prime),
            _number(trainee.mean_criterion), str(trainee.harmful_shares), _join(trainee.missed_techniques),
            str(trainee.uncounted_rounds), _number(trainee.pre_d_prime), _number(trainee.post_d_prime),
            _number(trainee.d_prime_change), _join(trainee.attention),
        ]  # fmt: skip


def to_csv_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """CSV text with a BOM, a header row and CRLF line ends (what spreadsheets expect)."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def decisions_csv(records: Iterable[dict], index: ScenarioIndex | None = None) -> str:
    return to_csv_text(DECISION_COLUMNS, (row for record in records for row in decision_rows(record, index)))


def trainees_csv(trainees: Sequence[TraineeStat]) -> str:
    return to_csv_text(TRAINEE_COLUMNS, trainee_rows(trainees))


STREAMED = (("decisions.csv", DECISION_COLUMNS), ("checks.csv", CHECK_COLUMNS), ("check_items.csv", CHECK_ITEM_COLUMNS))
FILE_NAMES = tuple(name for name, _ in STREAMED) + ("trainees.csv",)


class CsvExport:
    """The four CSV files in a folder, written as records arrive; `finish(trainees)` completes them all."""

    def __init__(self, folder: str | Path, index: ScenarioIndex | None = None) -> None:
        self.folder = Path(folder)
        self.index = index or ScenarioIndex()
        self.files: list[AtomicFile] = []
        self.writers = []
        try:
            for name, header in STREAMED:
                self._open(name, header)
        except BaseException:
            self.discard()
            raise
        self.decision_writer, self.check_writer, self.item_writer = self.writers
        self.rows = dict.fromkeys(FILE_NAMES, 0)

    def _open(self, name: str, header: Sequence[str]):
        target = AtomicFile(self.folder / name, encoding="utf-8", newline="")
        self.files.append(target)
        target.write(BOM)
        writer = csv.writer(target.handle, lineterminator="\r\n")
        writer.writerow(header)
        self.writers.append(writer)
        return writer

    def add(self, record: dict) -> None:
        decisions = list(decision_rows(record, self.index))
        self.decision_writer.writerows(decisions)
        self.rows["decisions.csv"] += len(decisions)
        if record.get("checks"):
            checks, items = list(check_rows(record)), list(check_item_rows(record))
            self.check_writer.writerows(checks)
            self.item_writer.writerows(items)
            self.rows["checks.csv"] += len(checks)
            self.rows["check_items.csv"] += len(items)

    def finish(self, trainees: Sequence[TraineeStat]) -> list[Path]:
        writer = self._open("trainees.csv", TRAINEE_COLUMNS)
        writer.writerows(trainee_rows(trainees))
        self.rows["trainees.csv"] = len(trainees)
        return [target.commit() for target in self.files]

    def discard(self) -> None:
        for target in self.files:
            target.discard()
