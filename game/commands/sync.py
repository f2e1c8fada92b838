"""`sync`: send the xAPI statements of result folders to the programme's Learning Record Store.

    feedwise sync DIR... --lrs URL --user USER --password-file FILE [--session CODE] [--data-dir DIR]

`URL` is the LRS's xAPI endpoint (e.g. http://127.0.0.1:8100/xAPI/); `statements` is appended.
Statements wait in the outbox of the data folder until the LRS takes them, so a run without a
network loses nothing. Progress goes to stderr, one summary line to stdout. Exit codes: 0 all
delivered, 1 something is still waiting or was refused, 2 a usage error. The logic is in
`game.app.sync`; no pygame.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

NAME = "sync"
EXIT_OK, EXIT_LEFT, EXIT_USAGE = 0, 1, 2


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(NAME, help="send the results' xAPI statements to a Learning Record Store (LRS)",
                                   description="Send the xAPI statements of the result files under the folders to an LRS. "
                                   "Statements wait in the outbox until the LRS has them.")
    parser.add_argument("folders", nargs="+", metavar="DIR", help="folder(s) holding result files (searched with subfolders)")
    parser.add_argument("--lrs", required=True, metavar="URL", help="the LRS's xAPI endpoint, e.g. http://127.0.0.1:8100/xAPI/")
    parser.add_argument("--user", required=True, metavar="USER", help="the LRS user (HTTP Basic authentication)")
    parser.add_argument("--password-file", required=True, metavar="FILE", help="a file whose first line is the LRS password")
    parser.add_argument("--session", metavar="CODE", help="only results from this session code")
    parser.add_argument("--data-dir", default=None, metavar="DIR", help="the data folder that holds the outbox (default: the game's)")
    return parser


def progress_printer(stream=None):
    """`progress(done, total)` that prints "Sending statements: done of total" (live on a terminal)."""
    stream = stream or sys.stderr
    live = hasattr(stream, "isatty") and stream.isatty()

    def progress(done: int, total: int) -> None:
        if live:
            stream.write(f"\rSending statements: {done} of {total}" + ("\n" if done >= total else ""))
        else:
            stream.write(f"Sending statements: {done} of {total}\n")
        stream.flush()

    return progress


def run(args: argparse.Namespace) -> int:
    # Imported when the command runs, not at start-up: the CLI loads every command's parser.
    from game.app.sync import Credentials, LrsClient, SyncError, read_password, sync_folders
    from game.store.outbox import OutboxDamaged
    from game.store.paths import data_dir

    missing = [folder for folder in args.folders if not os.path.isdir(folder)]
    if missing:
        print(f"feedwise sync: {missing[0]}: no such folder (give the folder that holds the result files).", file=sys.stderr)
        return EXIT_USAGE
    try:
        client = LrsClient(args.lrs, Credentials(args.user, read_password(args.password_file)))
    except SyncError as error:
        print(f"feedwise sync: {error}.", file=sys.stderr)
        return EXIT_USAGE
    folder = Path(args.data_dir).expanduser() if args.data_dir else data_dir()
    try:
        report = sync_folders(args.folders, folder, client, session=args.session, progress=progress_printer())
    except OutboxDamaged as error:
        print(f"feedwise sync: {error}", file=sys.stderr)
        return EXIT_LEFT
    for statement_id, reason in report.refused:
        print(f"feedwise sync: statement {statement_id} refused by the LRS ({reason}); it will not be sent again.", file=sys.stderr)
    for statement_id in report.changed:
        print(f"feedwise sync: statement {statement_id} differs from the one the LRS already holds under that id; not sent.", file=sys.stderr)
    print(report.summary_line())
    return EXIT_OK if report.ok else EXIT_LEFT
