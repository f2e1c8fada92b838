"""Writes `scenarios/web/khmer-word-breaks.json`: the Khmer word boundaries of every built-in web page.

Run `python tools/web/khmer_word_breaks.py` after changing a Khmer web file (or khmercut's version).
The file lets the first index build skip segmenting the built-in Khmer (see game/web/breaks.py);
`tests/web/test_word_breaks.py` fails while it is out of date. Written atomically.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from game.resources import scenarios_dir  # noqa: E402
from game.store.atomic import write_text_atomic  # noqa: E402
from game.web.breaks import breaks_document, breaks_path  # noqa: E402
from game.web.index import segment_all  # noqa: E402
from game.web.loader import load_web_library  # noqa: E402


def main() -> int:
    folder = scenarios_dir()
    library = load_web_library([folder])
    if library.problems:
        for problem in library.problems:
            print(problem, file=sys.stderr)
        return 1
    memo: dict = {}
    for language in sorted(library.webs):
        memo.update(segment_all(library.web(language)))
    target = breaks_path(folder)
    write_text_atomic(target, json.dumps(breaks_document(memo), ensure_ascii=False, indent=0) + "\n")
    print(f"{target}: {len(memo)} Khmer runs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
