"""`python main.py export --learner NAME -o FILE [--data-dir DIR]`: write one learner's history as JSON.

The file (format "feedwise-history/1", see `History.export`) is written atomically. An unknown
learner or an unreadable history gives a plain message and exit code 1. No pygame.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

NAME = "export"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(NAME, help="Write a learner's history (rounds, decisions, weak spots) to a JSON file.")
    parser.add_argument("--learner", metavar="NAME", required=True, help="The learner's name (any case).")
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help="The JSON file to write.")
    parser.add_argument("--data-dir", metavar="DIR", help="Data folder (default: FEEDWISE_HOME or the user data folder).")


def run(args: argparse.Namespace) -> int:
    # Imported when the command runs, not at start-up: the CLI loads every command's parser.
    from game.store.atomic import write_json_atomic
    from game.store.history import History, HistoryError, history_path

    if not history_path(args.data_dir).exists():
        print(f"feedwise export: no learner called {args.learner!r} (no history yet in {history_path(args.data_dir).parent}).", file=sys.stderr)
        return 1
    try:
        with History.open(args.data_dir) as history:
            learner = history.find_learner(args.learner)
            if learner is None:
                known = ", ".join(found.name for found in history.list_learners()) or "none yet"
                print(f"feedwise export: no learner called {args.learner!r} (learners: {known}).", file=sys.stderr)
                return 1
            data = history.export(learner)
    except HistoryError as error:
        print(f"feedwise export: {error}", file=sys.stderr)
        return 1
    try:
        path = write_json_atomic(args.output, data)
    except OSError as error:
        print(f"feedwise export: cannot write {args.output}: {error.strerror or error}.", file=sys.stderr)
        return 1
    print(f"Wrote {len(data['attempts'])} rounds of {learner.name} to {path}.")
    return 0
