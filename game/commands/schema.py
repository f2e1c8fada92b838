"""`python main.py schema`: print the JSON Schema of scenario files (the text of scenarios/scenario.schema.json)."""

from __future__ import annotations

import argparse
import sys

NAME = "schema"


def register(subparsers) -> None:
    parser = subparsers.add_parser(NAME, help="print the JSON Schema of scenario files", description=__doc__)
    parser.add_argument("--quiz", action="store_true", help="print the schema of quiz files (the pre/post quick check) instead")


def run(args: argparse.Namespace) -> int:
    # Imported when the command runs, not at start-up: the CLI loads every command's parser.
    from game.scenario.schema import schema_text

    if getattr(args, "quiz", False):
        # Imported when the command runs, not at start-up: the CLI loads every command's parser.
        from game.scenario.quiz_schema import quiz_schema_text

        sys.stdout.write(quiz_schema_text())
        return 0
    sys.stdout.write(schema_text())
    return 0
