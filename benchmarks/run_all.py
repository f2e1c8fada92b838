"""Run every benchmark and print its figures.

Each `benchmarks/bench_*.py` defines `run() -> dict[str, float]`. With `--json`, prints one
JSON object `{name: value}` for all of them; otherwise one `name: value` line each.
`--only NAME` runs the benchmark modules whose file name contains NAME.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # keep --json output pure JSON
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(HERE.parent))


def load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--only", default="", help="run only benchmark files whose name contains this")
    args = parser.parse_args()
    figures: dict[str, float] = {}
    for path in sorted(HERE.glob("bench_*.py")):
        if args.only in path.stem:
            figures.update(load(path).run())
    if args.json:
        print(json.dumps(figures, indent=2, sort_keys=True))
    else:
        for name, value in sorted(figures.items()):
            print(f"{name}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
