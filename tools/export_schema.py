"""Regenerate `scenarios/scenario.schema.json` from the scenario models.

Usage: python tools/export_schema.py        (writes the file)
       python tools/export_schema.py --check (exit 1 when the file is stale)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.scenario.schema import schema_text  # noqa: E402

SCHEMA_FILE = ROOT / "scenarios" / "scenario.schema.json"


def write_atomic(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def main(argv: list[str]) -> int:
    text = schema_text()
    current = SCHEMA_FILE.read_text(encoding="utf-8") if SCHEMA_FILE.exists() else None
    if "--check" in argv:
        if current != text:
            print(f"{SCHEMA_FILE} is stale: run python tools/export_schema.py", file=sys.stderr)
            return 1
        return 0
    if current != text:
        write_atomic(SCHEMA_FILE, text)
        print(f"wrote {SCHEMA_FILE}")
    else:
        print(f"{SCHEMA_FILE} is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
