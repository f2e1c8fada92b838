"""`python main.py schema`: print the JSON Schema of scenario files (the text of scenarios/scenario.schema.json)."""

from __future__ import annotations

import argparse
import sys

NAME = "schema"


def register(subparsers) -> None:
    subparsers.add_parser(NAME, help="print the JSON Schema of scenario files", description=__doc__)


def run(args: argparse.Namespace) -> int:
    from game.scenario.schema import schema_text

    sys.stdout.write(schema_text())
    return 0
