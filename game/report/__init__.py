"""The facilitator's class report: read result folders, aggregate, and write HTML, CSV and xAPI.

Modules:
- `reading`   finds and checks result files; bad files are listed with a reason, never fatal;
- `aggregate` the report as data (pure functions over records);
- `checks`    the pre/post quick-check summary (shown only when records carry `checks`);
- `html`, `csv`, `xapi`  format the outputs (pure: they build text);
- `sources`   technique and post texts from the installed game, and the bundled Khmer font;
- `files`     atomic writes;  `sample`  realistic fake records for tests and benchmarks.

`build_class_report(folders, ...)` runs reading and aggregation together. No pygame.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from game.report.aggregate import ClassReport, PostKey, build_report
from game.report.reading import ProgressCallback, ResultSet, read_results
from game.report.sources import post_texts, technique_texts


@dataclass(frozen=True)
class BuiltReport:
    results: ResultSet
    report: ClassReport
    post_texts: dict[PostKey, str]


def build_class_report(
    folders: Iterable[str | os.PathLike], *, session: str | None = None, progress: ProgressCallback | None = None
) -> BuiltReport:
    """Read the folders and compute the report, with technique and post texts from the installed game."""
    results = read_results(folders, session=session, progress=progress)
    report = build_report(results.records, technique_texts(results.records), session=session)
    return BuiltReport(results=results, report=report, post_texts=post_texts(results.records))
