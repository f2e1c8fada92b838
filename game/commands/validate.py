"""`python main.py validate PATH...`: check scenario files and print every problem, GCC style.

Prints `path:line:col: error: message` (or `warning:`) for every problem in every file, then a
summary line. Exit codes: 0 with no errors, 1 with any error (or, with --strict, any warning),
2 on a usage error. `--json` prints a list of {file, line, column, severity, code, message} instead.
Folders are scanned recursively for *.yaml and *.yml. Never imports pygame.
Translations: after the single-file checks, `game.scenario.translations` compares each translation
with its original (post ids, verdicts, techniques ...) and, when any file is or has a translation,
prints a `languages:` table before the summary. Severity "info" (a draft translation) is in --json
but never counts as a warning, even with --strict. See docs/translating.md.

Dispatch: `checker_for(path)` picks the checker for a file: a file saying `kind: quiz` is a quick-check
quiz (game.scenario.quiz_loader), every other YAML file a scenario. A new file kind adds its checker
to `CHECKERS` and a rule to `kind_of`.
`--cues` runs the cue-balance check instead (game.commands.validate_cues).
"""

from __future__ import annotations

import argparse
import json
import os
from typing import Callable

from game.scenario.errors import Problem

NAME = "validate"
YAML_SUFFIXES = (".yaml", ".yml")


def _check_scenario(path: str) -> list[Problem]:
    # Imported when the command runs, not at start-up: the CLI loads every command's parser.
    from game.scenario.loader import check_file

    return check_file(path)[1]


def _check_quiz(path: str) -> list[Problem]:
    # Imported when the command runs, not at start-up: the CLI loads every command's parser.
    from game.scenario.quiz_loader import check_quiz_file

    return check_quiz_file(path)[1]


# File kind -> function(path) -> problems. Add new kinds here.
CHECKERS: dict[str, Callable[[str], list[Problem]]] = {"scenario": _check_scenario, "quiz": _check_quiz}


def kind_of(path: str) -> str:
    """The kind of file at `path`: "quiz" when it says `kind: quiz` at its top level, else "scenario"."""
    # Imported when the command runs, not at start-up: the CLI loads every command's parser.
    from game.scenario.quiz_loader import is_quiz_file

    return "quiz" if is_quiz_file(path) else "scenario"


def checker_for(path: str) -> Callable[[str], list[Problem]]:
    return CHECKERS[kind_of(path)]


def register(subparsers) -> None:
    parser = subparsers.add_parser(NAME, help="check scenario files and explain every problem", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", metavar="PATH", help="scenario files, or folders to search for *.yaml and *.yml files")
    parser.add_argument("--strict", action="store_true", help="count warnings as errors (exit code 1)")
    parser.add_argument("--json", action="store_true", help="print the problems as a JSON list")
    parser.add_argument("--cues", action="store_true", help="check cue balance instead: can a surface cue (badge, '!!', likes...) give the verdict away? (docs/scenario-format.md)")


def collect_files(paths: list[str]) -> tuple[list[str], list[Problem]]:
    """The files to check, as given or found in the given folders (sorted), and problems with the paths themselves."""
    files: list[str] = []
    problems: list[Problem] = []
    for given in paths:
        if os.path.isdir(given):
            found = sorted(
                os.path.join(folder, name)
                for folder, subfolders, names in os.walk(given)
                for name in names
                if name.lower().endswith(YAML_SUFFIXES) and not name.startswith(".")
            )
            if not found:
                problems.append(Problem(given, 0, 0, "error", "no-scenarios", "no scenario files (*.yaml or *.yml) in this folder"))
            files.extend(found)
        else:
            files.append(given)
    return files, problems


def run(args: argparse.Namespace) -> int:
    files, problems = collect_files(args.paths)
    if getattr(args, "cues", False):
        # Imported when the command runs, not at start-up: the CLI loads every command's parser.
        from game.commands.validate_cues import run as run_cues

        return run_cues(files, problems, args)
    for file in files:
        problems.extend(checker_for(file)(file))
    from game.scenario.translations import check_translations  # links between language versions

    translations = check_translations([file for file in files if kind_of(file) == "scenario"])
    problems.extend(translations.problems)
    errors = sum(1 for problem in problems if problem.severity == "error")
    warnings = sum(1 for problem in problems if problem.severity == "warning")  # "info" (e.g. draft) never fails
    if args.json:
        print(json.dumps([problem.as_dict() for problem in problems], indent=2, ensure_ascii=False))
    else:
        for problem in problems:
            if problem.severity != "info":  # info is shown in the languages table instead
                print(problem.format())
        for line in translations.languages_table():
            print(line)
        print(summary(len(files), errors, warnings, args.strict))
    failed = errors > 0 or (args.strict and warnings > 0)
    return 1 if failed else 0


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def summary(files: int, errors: int, warnings: int, strict: bool = False) -> str:
    checked = f"checked {_count(files, 'file')}"
    if not errors and not warnings:
        return f"{checked}: no problems"
    line = f"{checked}: {_count(errors, 'error')}, {_count(warnings, 'warning')}"
    if strict and warnings:
        line += " (--strict: warnings count as errors)"
    return line
