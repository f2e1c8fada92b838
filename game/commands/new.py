"""`python main.py new NAME [--lang en|km]`: create a scenario folder from a commented template.

Creates `NAME/` holding `<id>.<lang>.yaml` (id = the folder's name) and an empty `images/` folder.
The file starts with a modeline pointing at the installed JSON Schema, so editors autocomplete
and check it, and it validates with no errors and no warnings. Never overwrites a file.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from importlib import resources
from pathlib import Path

from game.store.atomic import write_text_atomic

NAME = "new"
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
SCHEMA_NAME = "scenario.schema.json"


def register(subparsers) -> None:
    parser = subparsers.add_parser(NAME, help="create a new scenario folder from a template", description=__doc__.split("\n\n")[0])
    parser.add_argument("name", metavar="NAME", help="the new folder, e.g. scenarios/market-fire; its last part becomes the scenario id")
    parser.add_argument("--lang", choices=("en", "km"), default="en", help="language of the scenario text (default: en)")


def installed_schema() -> Path:
    """The schema file shipped with the project (`scenarios/scenario.schema.json` next to the `game` package)."""
    # Imported when the command runs, not at start-up: the CLI loads every command's parser.
    import game

    return Path(game.__file__).resolve().parent.parent / "scenarios" / SCHEMA_NAME


def schema_reference(folder: Path) -> str:
    """How the new file's modeline names the schema: relative inside the project, absolute outside it.

    When the project's schema file is not installed, a copy is written into the new folder.
    """
    schema = installed_schema()
    if not schema.is_file():
        # Imported when the command runs, not at start-up: the CLI loads every command's parser.
        from game.scenario.schema import schema_text

        write_text_atomic(folder / SCHEMA_NAME, schema_text())
        return SCHEMA_NAME
    project = schema.parent.parent
    resolved = folder.resolve()
    if resolved == project or project in resolved.parents:
        return Path(os.path.relpath(schema, resolved)).as_posix()
    return schema.as_posix()  # outside the project: an absolute path stays right wherever the folder moves


def render_template(scenario_id: str, language: str, schema: str, folder_shown: str) -> str:
    template = resources.files("game.scenario").joinpath(f"template.{language}.yaml").read_text(encoding="utf-8")
    title = scenario_id.replace("-", " ").replace("_", " ").strip().capitalize()
    return (
        template.replace("__SCHEMA__", schema)
        .replace("__ID__", scenario_id)
        .replace("__TITLE__", title)
        .replace("__FOLDER__", folder_shown)
    )


def run(args: argparse.Namespace) -> int:
    folder = Path(args.name)
    scenario_id = folder.name
    if not ID_PATTERN.match(scenario_id):
        print(f"feedwise new: '{scenario_id}' cannot be a scenario id: use lower-case letters, digits, '-' and '_', "
              "starting with a letter or digit, e.g. 'market-fire'", file=sys.stderr)
        return 2
    target = folder / f"{scenario_id}.{args.lang}.yaml"
    if target.exists():
        print(f"feedwise new: {target} already exists; nothing was changed", file=sys.stderr)
        return 1
    try:
        (folder / "images").mkdir(parents=True, exist_ok=True)
        text = render_template(scenario_id, args.lang, schema_reference(folder), folder.as_posix())
        write_text_atomic(target, text)
    except OSError as error:
        print(f"feedwise new: cannot create {target}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"created {target}")
    print(f"next: edit it, then run  python main.py validate {folder.as_posix()}")
    return 0
