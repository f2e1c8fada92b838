"""The facilitator's class report: read result folders, aggregate, and write HTML, CSV and xAPI.

Modules:
- `reading`   finds result files and reads them one at a time; bad files are listed with a reason, never fatal;
- `validity`  the strict checks on a parsed record (types, finite numbers, ranges, dates);
- `index`     the installed scenarios grouped by `translation_of`, with titles and post texts;
- `aggregate` the report as data, built one record at a time (`ReportBuilder`);
- `checks`    the pre/post quick-check summary (shown only when records carry `checks`);
- `html`, `prepost`, `parts`  the HTML page (pure: they build text);
- `csv`, `xapi`, `xlsx`  the take-away files, written one record at a time;
- `sources`   technique and post texts from the installed game, and the bundled Khmer font;
- `sample`    realistic fake records for tests and benchmarks.

`build_class_report(folders, ...)` runs reading and aggregation together. No pygame.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from game.report.aggregate import ClassReport, PostKey, ReportBuilder, build_report
from game.report.index import ScenarioIndex
from game.report.reading import ProgressCallback, ResultSet, read_results
from game.report.sources import main_language, post_texts, technique_texts


@dataclass(frozen=True)
class BuiltReport:
    results: ResultSet
    report: ClassReport
    post_texts: dict[PostKey, str]


def build_class_report(
    folders: Iterable[str | os.PathLike],
    *,
    session: str | None = None,
    progress: ProgressCallback | None = None,
    index: ScenarioIndex | None = None,
    language: str | None = None,
) -> BuiltReport:
    """Read the folders into memory and compute the report (tests, small folders; the command streams)."""
    results = read_results(folders, session=session, progress=progress)
    builder = ReportBuilder(index, session=session)
    for record in results.records:
        builder.add(record)
    chosen = language or main_language(builder.language_rounds)
    report = builder.finish(technique_texts(chosen))
    return BuiltReport(results=results, report=report, post_texts=post_texts(index or ScenarioIndex(), chosen))
