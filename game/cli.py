"""The command-line front: `python main.py <command> ...` and the `feedwise` script.

Each subcommand lives in its own module in `game/commands/`; this file only dispatches.
With no command, the game starts (`play`); play's options work without the word `play`
(`python main.py --size 1024x600`).
"""

from __future__ import annotations

import argparse
import importlib
import sys

# Subcommand name -> module in game.commands. Order is the order shown in --help.
COMMANDS = {
    "play": "play",
    "autoplay": "autoplay",
    "validate": "validate",
    "techniques": "techniques",
    "new": "new",
    "schema": "schema",
    "doctor": "doctor",
    "history": "history",
    "export": "export",
    "report": "report",
    "search": "search",
    "sync": "sync",
}


def build_parser(available: dict[str, object]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="feedwise", description="Feedwise: learn to spot misinformation and online fraud before you share it.")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in available.values():
        module.register(subparsers)
    return parser


def _available_commands() -> dict[str, object]:
    modules = {}
    for name, module_name in COMMANDS.items():
        try:
            modules[name] = importlib.import_module(f"game.commands.{module_name}")
        except ModuleNotFoundError as error:
            if error.name != f"game.commands.{module_name}":
                raise
    return modules


def _starts_with_play_option(argv: list[str]) -> bool:
    """No command given: nothing at all, or an option (not -h/--help) where the command would be."""
    if not argv:
        return True
    first = argv[0]
    return first.startswith("-") and first not in ("-h", "--help")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    modules = _available_commands()
    if "play" in modules and _starts_with_play_option(argv):
        argv = ["play", *argv]
    parser = build_parser(modules)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        return int(modules[args.command].run(args) or 0)
    except KeyboardInterrupt:
        return 130
