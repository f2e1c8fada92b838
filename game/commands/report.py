"""`report`: the facilitator's class report from result folders (HTML, and optionally CSV, xAPI and Excel).

    python main.py report DIR... -o report.html [--csv OUTDIR] [--xapi FILE.jsonl] [--xlsx FILE.xlsx]
                              [--session CODE] [--lang en|km] [--scenarios DIR]

Reads every result file under the folders one at a time (bad files are listed and skipped), feeding
the report and the CSV, xAPI and Excel files as it goes, so memory stays bounded. Finds the installed
scenarios through the scenario library (translations and post texts), shows progress on stderr,
writes the outputs atomically and prints a summary on stdout. Exit codes: 0 when the report
was written (even if some files were skipped), 1 when no valid result was found or an output could
not be written, 2 on a usage error. No pygame.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

NAME = "report"
EXIT_OK, EXIT_NO_RESULTS, EXIT_USAGE = 0, 1, 2


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        NAME,
        help="make the facilitator's class report (HTML, CSV, xAPI) from result folders",
        description="Make the facilitator's class report from every result file under the folders. "
        "Damaged or foreign files are listed and skipped.",
    )
    parser.add_argument("folders", nargs="+", metavar="DIR", help="folder(s) holding result files (searched with subfolders)")
    parser.add_argument("-o", "--output", default="report.html", metavar="FILE", help="the HTML report to write (default: report.html)")
    parser.add_argument("--csv", metavar="OUTDIR", help="also write decisions.csv, trainees.csv, checks.csv and check_items.csv into this folder")
    parser.add_argument("--xapi", metavar="FILE", help="also write xAPI statements as JSON lines (.jsonl) to this file")
    parser.add_argument("--xlsx", metavar="FILE", help="also write one Excel workbook (.xlsx) with every table")
    parser.add_argument("--session", metavar="CODE", help="only results from this session code (upper or lower case)")
    parser.add_argument("--lang", choices=("en", "km"), help="language of post and technique texts (default: the one most rounds used)")
    parser.add_argument("--scenarios", action="append", default=[], metavar="DIR",
                        help="more scenario folders, for post texts of scenarios that are not built in")
    return parser


class _Progress:
    """Progress on stderr: a live counter on a terminal, a few lines otherwise."""

    def __init__(self, stream) -> None:
        self.stream = stream
        self.live = hasattr(stream, "isatty") and stream.isatty()
        self.last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        if total < 1000 and done < total:
            return
        if self.live:
            end = "\n" if done >= total else ""
            self.stream.write(f"\rReading result files: {done} of {total}{end}")
        else:
            tenth = 10 * done // max(total, 1)
            if tenth == self.last_tenth or (total < 1000 and done < total):
                return
            self.last_tenth = tenth
            self.stream.write(f"Reading result files: {done} of {total}\n")
        self.stream.flush()


def _usage_error(message: str) -> int:
    print(f"feedwise report: {message}", file=sys.stderr)
    return EXIT_USAGE


def _check_arguments(args: argparse.Namespace) -> str | None:
    for folder in args.folders:
        if not os.path.isdir(folder):
            return f"{folder}: no such folder (give the folder that holds the result files)."
    if os.path.isdir(args.output):
        return f"-o {args.output}: that is a folder; give a file name such as report.html."
    if args.csv and os.path.exists(args.csv) and not os.path.isdir(args.csv):
        return f"--csv {args.csv}: that is a file; give a folder for decisions.csv and trainees.csv."
    if args.xapi and os.path.isdir(args.xapi):
        return f"--xapi {args.xapi}: that is a folder; give a file name such as statements.jsonl."
    if args.xlsx and (os.path.isdir(args.xlsx) or not args.xlsx.lower().endswith(".xlsx")):
        return f"--xlsx {args.xlsx}: give a file name ending in .xlsx, such as report.xlsx."
    return None


def _print_skipped(skipped) -> None:
    if not skipped:
        return
    print(f"{len(skipped)} file{'s' if len(skipped) != 1 else ''} skipped:")
    for item in skipped:
        print(f"  {item.path}: {item.reason}")


def scenario_index(extra_folders):
    """The installed scenarios (built-in and `--scenarios`), found through the game's scenario library."""
    # Imported when the command runs, not at start-up: the CLI loads every command's parser.
    from game.app.library import default_folders, load_library
    from game.report.index import scenario_index as index_of

    try:
        library = load_library(default_folders(extra_folders))
    except Exception as error:  # no scenarios installed, or a library that cannot be read: the report still works
        print(f"feedwise report: scenario texts not available ({error}); the report shows ids only.", file=sys.stderr)
        return index_of([])
    return index_of(loaded for family in library.families for loaded in family.versions.values())


def local_zone():
    """This PC's time zone as a fixed offset, and its name, e.g. (UTC+07:00, "UTC+07:00 (+07)")."""
    now = datetime.now().astimezone()
    offset = now.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    label = f"UTC{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    name = now.tzname() or ""
    return timezone(offset), (f"{label} ({name})" if name and name != label and name != "UTC" else label)


class _Outputs:
    """The files written as records stream in (CSV, xAPI, Excel): all completed, or all discarded."""

    def __init__(self, args: argparse.Namespace, index) -> None:
        # Imported when the command runs (see `_run`); the Excel writer only when it is asked for.
        from game.report.csv import CsvExport
        from game.report.xapi import XapiFile

        self.csv = self.xapi = self.xlsx = None
        try:
            self.csv = CsvExport(args.csv, index) if args.csv else None
            self.xapi = XapiFile(args.xapi) if args.xapi else None
            if args.xlsx:
                from game.report.xlsx import XlsxExport  # xlsxwriter is loaded only for --xlsx

                self.xlsx = XlsxExport(args.xlsx, index)
        except BaseException:
            self.discard()
            raise
        self.sinks = [sink for sink in (self.csv, self.xapi, self.xlsx) if sink is not None]

    def add(self, record: dict) -> None:
        for sink in self.sinks:
            sink.add(record)

    def discard(self) -> None:
        for sink in (self.csv, self.xapi, self.xlsx):
            if sink is not None:
                sink.discard()


def _no_results(args: argparse.Namespace, log) -> int:
    _print_skipped(log.skipped)
    if args.session and log.other_sessions:
        found = ", ".join(f"{code or '(no session)'} ({count})" for code, count in sorted(log.sessions.items()))
        print(f"No results from session {args.session!r}. Sessions found: {found}. "
              "Check the session code, or leave out --session.", file=sys.stderr)  # fmt: skip
    else:
        print(f"No valid result files found in {', '.join(args.folders)}; no report written.", file=sys.stderr)
    return EXIT_NO_RESULTS


def _read_all(args: argparse.Namespace, builder, outputs, log) -> None:
    # Imported when the command runs (see `_run`).
    from game.report.reading import iter_results

    for _path, record in iter_results(args.folders, log, session=args.session, progress=_Progress(sys.stderr)):
        builder.add(record)
        outputs.add(record)


def _finish(args: argparse.Namespace, builder, outputs, log, index) -> list[str]:
    # Imported when the command runs (see `_run`).
    from game.report.html import render_html
    from game.report.sources import khmer_font_face, main_language, post_texts, technique_texts
    from game.store.atomic import write_text_atomic

    language = args.lang or main_language(builder.language_rounds)
    if args.session:  # named as the results spell it, however it was typed
        builder.session = ", ".join(sorted(builder.sessions)) or args.session
    report = builder.finish(technique_texts(language))
    zone, zone_name = local_zone()
    page = render_html(report, skipped=log.skipped, files_seen=log.files_seen, post_texts=post_texts(index, language),
                       khmer_font_face=khmer_font_face(), zone=zone, zone_name=zone_name)  # fmt: skip
    written = [f"Report: {write_text_atomic(Path(args.output), page)}"]
    if outputs.csv is not None:
        paths = outputs.csv.finish(report.trainees)
        written.append("CSV: " + ", ".join(str(path) for path in paths))
    if outputs.xapi is not None:
        written.append(f"xAPI: {outputs.xapi.finish()} ({outputs.xapi.count} statements)")
    if outputs.xlsx is not None:
        path = outputs.xlsx.finish(report, files_seen=log.files_seen, skipped=len(log.skipped), zone_name=zone_name)
        written.append(f"Excel: {path}" + (f" (decisions on {len(outputs.xlsx.decision_sheets)} sheets)" if len(outputs.xlsx.decision_sheets) > 1 else ""))
    return written


def run(args: argparse.Namespace) -> int:
    problem = _check_arguments(args)
    if problem:
        return _usage_error(problem)
    started = time.perf_counter()
    collecting = gc.get_threshold()
    gc.freeze()  # what is loaded so far lives to the end: never scan it again
    gc.set_threshold(100_000, 50, 1000)  # records make many short-lived dicts and no cycles: collect rarely
    try:
        return _run(args, started)
    finally:
        gc.set_threshold(*collecting)
        gc.unfreeze()


def _run(args: argparse.Namespace, started: float) -> int:
    # Imported when the command runs, not at start-up: the CLI loads every command's parser.
    from game.report.aggregate import ReportBuilder
    from game.report.reading import ReadLog

    index = scenario_index(args.scenarios)
    builder, log = ReportBuilder(index, session=args.session), ReadLog()
    try:
        outputs = _Outputs(args, index)
    except OSError as error:
        print(f"feedwise report: could not write {error.filename or 'an output'}: {error.strerror or error}", file=sys.stderr)
        return EXIT_NO_RESULTS
    try:
        _read_all(args, builder, outputs, log)
        if not builder.trainees:
            outputs.discard()
            return _no_results(args, log)
        written = _finish(args, builder, outputs, log, index)
    except OSError as error:
        outputs.discard()
        print(f"feedwise report: could not write {error.filename or 'an output'}: {error.strerror or error}", file=sys.stderr)
        return EXIT_NO_RESULTS
    except BaseException:
        outputs.discard()
        raise
    rounds = builder.rounds + len(builder.uncounted)
    session = f" in session {args.session}" if args.session else ""
    print(f"{len(builder.trainees)} trainee{'s' if len(builder.trainees) != 1 else ''}, {rounds} round{'s' if rounds != 1 else ''}"
          f"{session} from {log.files_seen} files ({time.perf_counter() - started:.1f} s).")  # fmt: skip
    if builder.uncounted:
        print(f"{len(builder.uncounted)} round(s) ended early or unfinished: listed in the report, left out of the figures.")
    for line in written:
        print(line)
    if log.other_sessions:
        print(f"{log.other_sessions} result(s) from other sessions left out.")
    _print_skipped(log.skipped)
    return EXIT_OK
