"""`python main.py techniques [--lang en|km]`: list the built-in technique catalogue, one technique per line."""

from __future__ import annotations

import argparse

NAME = "techniques"


def register(subparsers) -> None:
    parser = subparsers.add_parser(NAME, help="list the built-in manipulation techniques", description=__doc__)
    parser.add_argument("--lang", choices=("en", "km"), default="en", help="language of the names and definitions (default: en)")
    parser.add_argument("--tips", action="store_true", help="add each technique's 'how to spot it' tip")


def lines(language: str = "en", tips: bool = False) -> list[str]:
    # Imported when the command runs, not at start-up: the CLI loads every command's parser.
    from game.scenario.catalogue import catalogue

    techniques = catalogue(language)
    width = max(len(technique_id) for technique_id in techniques)
    result = []
    for technique in techniques.values():
        line = f"{technique.id:<{width}}  {technique.framework.value:<8}  {technique.name}: {technique.definition}"
        if tips:
            line += f" Tip: {technique.tip}"
        result.append(line)
    return result


def run(args: argparse.Namespace) -> int:
    for line in lines(args.lang, args.tips):
        print(line)
    return 0
