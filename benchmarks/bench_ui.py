"""UI benchmarks: feed scrolling against a blit-only floor, startup time and memory.

- `feed_scroll_p99_ms`: the real feed scene with 500 posts (every other one with a picture), 600 frames
  of scrolling at 1280x720 (cards painted as they come into view, focus, buttons, top bar).
- `floor_p99_ms`: the same 600 frames blitting the same pre-rendered cards with no game logic.
  Goal: feed_scroll_p99_ms <= 2 x floor_p99_ms.
- Also reported, to read the two honestly: the feed's mean and worst frame, `feed_open_ms` (the
  frame in which the feed opens: layout, card memory, fonts and pictures, the first screens painted
  ahead; not part of the scroll) and `feed_cards_painted_late` (cards the scroll reached before
  painting ahead had finished them: each is a slow frame; 0 means painting kept up).
- `startup_s`: process start to the first interactive frame of the menu (`play --first-frame-exit`),
  the median of 3 runs. Goal <= 0.5 s.
- `rss_mb`: peak resident memory of the process that ran the 500-post scroll. Goal <= 150 MB.

The scroll runs in a child process so its memory is measured alone. Headless (SDL dummy driver).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTS = 500
FRAMES = 600
SIZE = (1280, 720)
SCROLL_PX_PER_FRAME = 45


def p99(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))]


def _scroll_child() -> dict[str, float]:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    sys.path.insert(0, str(ROOT))

    import pygame

    from game.ui.cards import card_surface
    from game.ui.sample import sample_feed_app

    app, window = sample_feed_app(posts=POSTS, size=SIZE)
    scene = app.top
    surface = window.refresh()
    opened = time.perf_counter()
    app.frame([], 1 / 60, surface)  # the feed opens: lays out, reserves card memory, paints ahead
    open_ms = (time.perf_counter() - opened) * 1000
    late_before = app.ctx.cache.painted_on_demand

    feed_times = []
    for _ in range(FRAMES):
        start = time.perf_counter()
        scene.scroller.scroll_by(SCROLL_PX_PER_FRAME)
        app.frame([], 1 / 60, surface)
        pygame.display.flip()
        feed_times.append((time.perf_counter() - start) * 1000)
    scrolled = scene.scroller.offset
    late_cards = app.ctx.cache.painted_on_demand - late_before
    peak_kb = _peak_rss_kb()  # the game's own peak, before the floor run

    # The floor: the same cards, already painted, blitted at the same offsets; nothing else.
    ctx = app.ctx
    ctx.cache.cards.max_bytes = 1 << 40  # keep every card the floor needs
    seen = scene.index_range(0, scrolled + scene.viewport.height)
    cards = {index: card_surface(scene.view.posts[index], scene.column.width, False, ctx) for index in seen}
    tops = scene.tops
    view_top, view_bottom = scene.viewport.y, scene.viewport.bottom
    floor_times = []
    offset = 0.0
    for _ in range(FRAMES):
        start = time.perf_counter()
        offset = min(offset + SCROLL_PX_PER_FRAME, scrolled)
        surface.fill(ctx.theme.page)
        for index, card in cards.items():
            top = view_top + tops[index] - int(offset)
            if top < view_bottom and top + card.get_height() > view_top:
                surface.blit(card, (scene.column.x, top))
        pygame.display.flip()
        floor_times.append((time.perf_counter() - start) * 1000)
    return {
        "feed_scroll_p99_ms": round(p99(feed_times), 3),
        "feed_scroll_mean_ms": round(statistics.fmean(feed_times), 3),
        "feed_scroll_max_ms": round(max(feed_times), 3),
        "feed_open_ms": round(open_ms, 1),
        "feed_cards_painted_late": late_cards,
        "floor_p99_ms": round(p99(floor_times), 3),
        "floor_mean_ms": round(statistics.fmean(floor_times), 3),
        "rss_mb": round(peak_kb / 1024, 1),
    }


def _peak_rss_kb() -> int:
    """Peak resident memory of this process. Linux's VmHWM belongs to this program alone, while
    getrusage's ru_maxrss survives fork+exec and would count the memory of the parent that started us."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    import resource  # not on Windows; only reached where /proc is missing

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _startup_s(runs: int = 3) -> float:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    env.setdefault("FEEDWISE_HOME", str(Path(os.environ.get("TMPDIR", "/tmp")) / "feedwise-bench-home"))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "play", "--first-frame-exit"],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )
        for line in process.stdout:
            if line.startswith("first-frame"):
                times.append(time.perf_counter() - start)
                break
        process.wait()
    return round(statistics.median(times), 3) if times else float("nan")


def run() -> dict[str, float]:
    child = subprocess.run(
        [sys.executable, __file__, "--scroll-child"],
        cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, SDL_VIDEODRIVER="dummy"),
    )
    if child.returncode != 0:
        raise RuntimeError(f"bench_ui scroll child failed:\n{child.stderr}")
    figures = json.loads(child.stdout.strip().splitlines()[-1])
    figures["startup_s"] = _startup_s()
    return figures


if __name__ == "__main__":
    if "--scroll-child" in sys.argv:
        print(json.dumps(_scroll_child()))
    else:
        print(json.dumps(run(), indent=2))
