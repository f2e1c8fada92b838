"""`report`: the facilitator's class report from result folders (HTML, and optionally CSV and xAPI).

    python main.py report DIR... -o report.html [--csv OUTDIR] [--xapi FILE.jsonl] [--session CODE]

Reads every result file under the folders (bad files are listed and skipped), shows progress on
stderr, writes the outputs atomically and prints a summary on stdout. Exit codes: 0 when the report
was written (even if some files were skipped), 1 when no valid result was found or an output could
not be written, 2 on a usage error. No pygame.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
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
    parser.add_argument("--csv", metavar="OUTDIR", help="also write decisions.csv and trainees.csv into this folder")
    parser.add_argument("--xapi", metavar="FILE", help="also write xAPI statements as JSON lines (.jsonl) to this file")
    parser.add_argument("--session", metavar="CODE", help="only results from this session code")
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
    return None


def _print_skipped(skipped) -> None:
    if not skipped:
        return
    print(f"{len(skipped)} file{'s' if len(skipped) != 1 else ''} skipped:")
    for item in skipped:
        print(f"  {item.path}: {item.reason}")


def run(args: argparse.Namespace) -> int:
    from game.store.atomic import write_text_atomic
    from game.report import build_class_report
    from game.report.csv import decisions_csv, trainees_csv
    from game.report.html import render_html
    from game.report.sources import khmer_font_face
    from game.report.xapi import to_json_lines

    problem = _check_arguments(args)
    if problem:
        return _usage_error(problem)
    started = time.perf_counter()
    built = build_class_report(args.folders, session=args.session, progress=_Progress(sys.stderr))
    results = built.results
    if not results.records:
        _print_skipped(results.skipped)
        if args.session and results.other_sessions:
            print(
                f"No results from session {args.session!r}: {results.other_sessions} result(s) are from other sessions. "
                "Check the session code, or leave out --session.",
                file=sys.stderr,
            )
        else:
            print(f"No valid result files found in {', '.join(args.folders)}; no report written.", file=sys.stderr)
        return EXIT_NO_RESULTS

    outputs: list[str] = []
    try:
        page = render_html(
            built.report,
            skipped=results.skipped,
            files_seen=results.files_seen,
            post_texts=built.post_texts,
            khmer_font_face=khmer_font_face(),
        )
        output = Path(args.output)
        output.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(output, page)
        outputs.append(f"Report: {output}")
        if args.csv:
            folder = Path(args.csv)
            folder.mkdir(parents=True, exist_ok=True)
            write_text_atomic(folder / "decisions.csv", decisions_csv(results.records))
            write_text_atomic(folder / "trainees.csv", trainees_csv(built.report.trainees))
            outputs.append(f"CSV: {folder / 'decisions.csv'}, {folder / 'trainees.csv'}")
        if args.xapi:
            xapi_path = Path(args.xapi)
            xapi_path.parent.mkdir(parents=True, exist_ok=True)
            lines = to_json_lines(results.records)
            write_text_atomic(xapi_path, lines)
            outputs.append(f"xAPI: {xapi_path} ({lines.count(chr(10))} statements)")
    except OSError as error:
        print(f"feedwise report: could not write {error.filename or 'an output'}: {error.strerror or error}", file=sys.stderr)
        return EXIT_NO_RESULTS

    overview = built.report.overview
    session = f" in session {args.session}" if args.session else ""
    print(
        f"{overview.trainees} trainee{'s' if overview.trainees != 1 else ''}, {overview.rounds} round"
        f"{'s' if overview.rounds != 1 else ''}{session} from {results.files_seen} files "
        f"({time.perf_counter() - started:.1f} s)."
    )
    for line in outputs:
        print(line)
    if results.other_sessions:
        print(f"{results.other_sessions} result(s) from other sessions left out.")
    _print_skipped(results.skipped)
    return EXIT_OK
