"""Text layout figures: Khmer segmentation cost, layout+render of a typical post, import time.

`run() -> dict[str, float]` (collected by `benchmarks/run_all.py`). Fresh processes are used for
the import and cold-segmentation figures so earlier imports do not hide their cost.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
POST = (
    "🎁 អបអរសាទរ! អ្នកបានឈ្នះរង្វាន់ ៥០០ ដុល្លារ ពីធនាគារ ABC Bank 💰 សូមចុចតំណនេះភ្លាមៗ "
    "https://abc-bank-reward.example/claim មុនម៉ោង ១២:០០ ថ្ងៃនេះ! ក្រសួងសុខាភិបាលបានប្រកាសថា "
    "មិនមានការផ្ទុះជំងឺថ្មីនៅខេត្តសៀមរាបទេ។ សូមកុំចែករំលែកព័ត៌មានមិនពិត។ Share now before it is deleted!!! 😱"
)
KHMER_300 = ("ក្រសួងសុខាភិបាលបានប្រកាសថាមិនមានការផ្ទុះជំងឺថ្មីនៅខេត្តសៀមរាបទេ។ "
             "សូមកុំចែករំលែកព័ត៌មានមិនពិត។ ស្ត្រីម្នាក់បានរកឃើញការងារនៅប្រទេសថៃ ប៉ុន្តែក្រុមហ៊ុននោះមិនមានពិតទេ។ ") * 4
KHMER_300 = KHMER_300[:300]

COLD = """
import json, time, sys
sys.path.insert(0, {repo!r})
t0 = time.perf_counter()
import game.ui.text
t1 = time.perf_counter()
from game.lang.segment import WordSegmenter
s = WordSegmenter()
t2 = time.perf_counter()
s.break_opportunities({text!r})
t3 = time.perf_counter()
print(json.dumps({{"import_ms": (t1 - t0) * 1000, "first_segment_ms": (t3 - t2) * 1000}}))
"""


def _cold() -> dict[str, float]:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    runs = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", COLD.format(repo=str(REPO), text=KHMER_300)],
                             capture_output=True, text=True, env=env, check=True).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
    return {key: min(run[key] for run in runs) for key in runs[0]}


def _timed(function, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def run() -> dict[str, float]:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    sys.path.insert(0, str(REPO))
    import khmercut
    import pygame

    from game.lang.segment import WordSegmenter
    from game.ui.text import TextRenderer

    pygame.font.init()
    cold = _cold()
    khmercut.tokenize("ក្រសួង")  # model loaded: from here on the per-call cost
    segmenter = WordSegmenter()
    uncached = _timed(lambda: WordSegmenter().break_opportunities(KHMER_300), 20)
    segmenter.break_opportunities(KHMER_300)
    cached = _timed(lambda: segmenter.break_opportunities(KHMER_300), 50)
    raw_khmercut = _timed(lambda: khmercut.tokenize(KHMER_300.replace(" ", "")), 20)

    renderer = TextRenderer()
    renderer.render(POST, 400, 16, (20, 20, 20))  # warm fonts and emoji pictures

    def fresh_post() -> None:
        fresh = TextRenderer(segmenter=WordSegmenter())
        fresh._emoji = renderer._emoji  # emoji pictures are shared across posts in the game too
        fresh.render(POST, 400, 16, (20, 20, 20), highlights=[(10, 40, (255, 230, 120))])

    layout_render = _timed(fresh_post, 20)
    cached_render = _timed(lambda: renderer.render(POST, 400, 16, (20, 20, 20)), 100)
    figures = {
        "text_import_ms": cold["import_ms"],
        "text_segment_first_call_ms": cold["first_segment_ms"],
        "text_segment_300_chars_ms": uncached,
        "text_segment_300_chars_cached_ms": cached,
        "text_khmercut_300_chars_ms": raw_khmercut,
        "text_post_layout_render_ms": layout_render,
        "text_post_render_cached_ms": cached_render,
    }
    return {name: round(value, 3) for name, value in figures.items()}


if __name__ == "__main__":
    for name, value in run().items():
        print(f"{name}: {value}")
