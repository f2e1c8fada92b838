"""Regenerate `scenarios/scenario.schema.json`, `scenarios/quiz.schema.json` and `scenarios/web.schema.json` from the models.

Usage: python tools/export_schema.py        (writes the file)
       python tools/export_schema.py --check (exit 1 when a file is stale)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.scenario.quiz_schema import quiz_schema_text  # noqa: E402
from game.scenario.schema import schema_text  # noqa: E402
from game.store.atomic import write_text_atomic  # noqa: E402
from game.web.schema import web_schema_text  # noqa: E402

SCHEMA_FILE = ROOT / "scenarios" / "scenario.schema.json"
QUIZ_SCHEMA_FILE = ROOT / "scenarios" / "quiz.schema.json"
WEB_SCHEMA_FILE = ROOT / "scenarios" / "web.schema.json"


def main(argv: list[str]) -> int:
    stale = 0
    for schema_file, text in ((SCHEMA_FILE, schema_text()), (QUIZ_SCHEMA_FILE, quiz_schema_text()), (WEB_SCHEMA_FILE, web_schema_text())):
        current = schema_file.read_text(encoding="utf-8") if schema_file.exists() else None
        if "--check" in argv:
            if current != text:
                print(f"{schema_file} is stale: run python tools/export_schema.py", file=sys.stderr)
                stale = 1
        elif current != text:
            write_text_atomic(schema_file, text)
            print(f"wrote {schema_file}")
        else:
            print(f"{schema_file} is up to date")
    return stale


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
