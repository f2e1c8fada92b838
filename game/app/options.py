"""How the game is asked to start: `LaunchOptions` (filled from the command line, the tests and the
benchmarks), `parse_size` for `--size`, and `LaunchError`, the plain message for a start that cannot
happen as asked. No pygame; building the app from these options is `game.ui.launch.build_app`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Sequence


class LaunchError(Exception):
    """The game cannot start as asked (unknown scenario, broken file, bad size...)."""


@dataclass
class LaunchOptions:
    scenario: Optional[str] = None  # a path or a built-in id: start straight into it
    language: Optional[str] = None
    scenario_dirs: Sequence[str] = ()
    fullscreen: Optional[bool] = None
    size: tuple[int, int] = (1280, 720)
    results_dir: Optional[str] = None
    result_file: Optional[str] = None
    data_dir: Optional[str] = None
    player_name: Optional[str] = None
    session: Optional[str] = None
    seed: Optional[int] = None
    shuffle: bool = False
    save_settings: bool = True
    observer_factories: Sequence[Callable[[], object]] = ()
    record_history: bool = True  # record rounds in the learner history (<data dir>/history.sqlite3)
    wall_clock: Optional[Callable[[], object]] = None
    include_builtin: bool = True  # tests leave the built-in library out to stay independent of its content
    start_at: str = "briefing"  # with a scenario: "briefing" (like a player) or "menu" (selected in the menu)
    warnings: list[str] = field(default_factory=list)


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise LaunchError(f"--size {text!r}: give the window size as WIDTHxHEIGHT, e.g. 1280x720.") from None
    if width < 320 or height < 240 or width > 16384 or height > 16384:
        raise LaunchError(f"--size {text!r}: the size must be between 320x240 and 16384x16384.")
    return width, height


def launch_options_from(args: Any, *, size: tuple[int, int], seed: Optional[int], fullscreen: Optional[bool]) -> LaunchOptions:
    """The options shared by `play` and `autoplay` (the game options of `game.commands.play`)."""
    return LaunchOptions(
        language=args.lang,
        scenario_dirs=tuple(args.scenarios),
        fullscreen=fullscreen,
        size=size,
        results_dir=args.results,
        data_dir=args.data_dir,
        seed=seed,
        shuffle=args.shuffle,
    )
