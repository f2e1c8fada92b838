"""`python main.py doctor`: check that this computer can run Feedwise, for trainers setting up a lab.

Prints one ✓ or ✗ line per check and exits 1 if any check fails:
pygame-ce installed and not mixed with `pygame`, SDL and SDL_ttf versions, Khmer shaping works,
the bundled fonts are found, the data folder is writable, and the frames per second on a sample feed.
Runs headless (SDL's dummy video driver) unless SDL_VIDEODRIVER is set. pygame is imported inside `run`.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

NAME = "doctor"
KHMER_TEST = "ព័ត៌មានមិនពិត និងការបោកប្រាស់តាមអនឡាញ"  # "misinformation and online fraud"
MIN_FPS = 30.0


@dataclass
class Check:
    ok: bool
    label: str
    detail: str = ""


def register(subparsers) -> None:
    parser = subparsers.add_parser(NAME, help="check this computer can run the game (for trainers)", description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=120, help="frames to draw for the FPS check (default 120)")
    parser.add_argument("--data-dir", default=None, metavar="DIR", help="check this data folder instead of the default one")


def check_distributions() -> Check:
    # Imported when the command runs, not at start-up: the CLI loads every command's parser.
    from importlib import metadata

    names = set()
    for distribution in metadata.distributions():
        name = (distribution.metadata.get("Name") or "").lower().replace("_", "-")
        names.add(name)
    if "pygame-ce" not in names:
        return Check(False, "pygame-ce is installed", "pygame-ce is missing: run `pip install pygame-ce`.")
    if "pygame" in names:
        return Check(False, "pygame-ce is not mixed with pygame", "both `pygame` and `pygame-ce` are installed; run `pip uninstall -y pygame pygame-ce` then `pip install pygame-ce`.")
    try:
        # Imported when the command runs, not at start-up: the CLI loads every command's parser.
        import pygame
    except Exception as error:  # a broken install must be reported, not crash the doctor
        return Check(False, "pygame-ce imports", str(error))
    if not getattr(pygame, "IS_CE", False):
        return Check(False, "pygame-ce is the pygame that imports", "`import pygame` is not pygame-ce; reinstall pygame-ce.")
    return Check(True, "pygame-ce installed, not mixed with pygame", f"pygame-ce {pygame.version.ver}")


def check_sdl() -> list[Check]:
    # Imported when the command runs, not at start-up: the CLI loads every command's parser.
    import pygame

    sdl = ".".join(map(str, pygame.get_sdl_version()))
    checks = [Check(pygame.get_sdl_version() >= (2, 0, 0), "SDL version", sdl)]
    try:
        ttf = ".".join(map(str, pygame.font.get_sdl_ttf_version()))
        ok = pygame.font.get_sdl_ttf_version() >= (2, 20, 0)
        checks.append(Check(ok, "SDL_ttf version", ttf + ("" if ok else " (2.20 or newer is needed to shape Khmer)")))
    except Exception as error:
        checks.append(Check(False, "SDL_ttf version", str(error)))
    return checks


def check_fonts() -> Check:
    # Imported when the command runs, not at start-up: the CLI loads every command's parser.
    from game.ui.fonts import FONTS_DIR, missing_fonts

    missing = missing_fonts()
    if missing:
        return Check(False, "fonts found", "missing: " + ", ".join(str(p) for p in missing))
    return Check(True, "fonts found", str(FONTS_DIR))


def check_khmer_shaping() -> Check:
    # Imported when the command runs, not at start-up: the CLI loads every command's parser.
    import pygame

    from game.ui.fonts import REGULAR_FONT

    try:
        pygame.font.init()
        shaped = pygame.font.Font(REGULAR_FONT, 32)
        shaped.set_script("Khmr")
        plain = pygame.font.Font(REGULAR_FONT, 32)
        shaped_width, plain_width = shaped.size(KHMER_TEST)[0], plain.size(KHMER_TEST)[0]
    except Exception as error:
        return Check(False, "Khmer shaping works", str(error))
    ok = shaped_width < plain_width
    detail = f"shaped {shaped_width} px < unshaped {plain_width} px" if ok else f"shaped {shaped_width} px is not narrower than unshaped {plain_width} px: SDL_ttf was built without HarfBuzz"
    return Check(ok, "Khmer shaping works", detail)


def check_data_folder(override: str | None) -> Check:
    # Imported when the command runs, not at start-up: the CLI loads every command's parser.
    from game.store.paths import data_dir

    folder = Path(override).expanduser() if override else data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-", delete=True) as probe:
            probe.write(b"ok")
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as error:
        return Check(False, "data folder writable", f"{folder}: {error}")
    return Check(True, "data folder writable", str(folder))


def measure_fps(frames: int) -> Check:
    """Scroll a sample feed in the real feed scene and time the frames."""
    # Imported when the command runs, not at start-up: the CLI loads every command's parser.
    import pygame

    from game.ui.sample import sample_feed_app

    try:
        app, window = sample_feed_app(posts=40, size=(1280, 720))
        scene = app.top
        surface = window.refresh()
        app.frame([], 1 / 60, surface)
        start = time.perf_counter()
        for index in range(frames):
            scene.scroller.scroll_by(12)
            app.frame([], 1 / 60, surface)
            pygame.display.flip()
        seconds = time.perf_counter() - start
    except Exception as error:
        return Check(False, "frames per second on a sample feed", f"{type(error).__name__}: {error}")
    fps = frames / seconds if seconds > 0 else float("inf")
    ok = fps >= MIN_FPS
    return Check(ok, "frames per second on a sample feed", f"{fps:.0f} fps" + ("" if ok else f" (below {MIN_FPS:.0f}: the feed will feel slow)"))


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    checks = [check_distributions()]
    if checks[0].ok:
        checks += check_sdl()
        checks.append(check_fonts())
        checks.append(check_khmer_shaping() if checks[-1].ok else Check(False, "Khmer shaping works", "no font to test with"))
    checks.append(check_data_folder(args.data_dir))
    if all(c.ok for c in checks):
        checks.append(measure_fps(max(10, args.frames)))
    out = sys.stdout
    for check in checks:
        mark = "✓" if check.ok else "✗"
        line = f"{mark} {check.label}" + (f": {check.detail}" if check.detail else "")
        try:
            print(line, file=out)
        except UnicodeEncodeError:  # a console that cannot show ✓ still gets a clear answer
            print(("OK  " if check.ok else "BAD ") + line[2:], file=out)
    failed = [c for c in checks if not c.ok]
    print(f"{len(checks) - len(failed)} of {len(checks)} checks passed." if not failed else f"{len(failed)} check(s) failed.")
    return 1 if failed else 0
