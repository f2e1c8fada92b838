"""Starting the game: settings, scenario library, window, context and the first scenes.

Used by `play`, `autoplay`, the tests' pilot and the benchmarks, so every way of starting the game
builds the same app. Errors the learner or facilitator can fix come back as `LaunchError` with a
plain message (never a traceback).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Sequence

from game import resources

MIN_SIZE = (1024, 600)


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


def _missing_fonts_message() -> str:
    """A plain message when the bundled fonts are missing ("" when they are all there)."""
    from game.ui.fonts import FONTS_DIR, missing_fonts

    missing = missing_fonts()
    if not missing:
        return ""
    names = ", ".join(path.name for path in missing)
    return (f"the game's fonts are missing from {FONTS_DIR} ({names}). Reinstall Feedwise; "
            f"`{resources.command_name()} doctor` checks the installation.")


def build_app(options: LaunchOptions):
    """(app, window): a ready app with its window open, at the menu or in the chosen scenario."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.store.paths import data_dir
    from game.store.settings import load_settings
    from game.ui.app import App, Window
    from game.ui.context import Context, Services
    from game.ui.library import default_folders, load_library, resolve_scenario
    from game.ui.scene import Push

    fonts_problem = _missing_fonts_message()
    if fonts_problem:
        raise LaunchError(fonts_problem)
    folder = Path(options.data_dir).expanduser() if options.data_dir else data_dir()
    settings, warnings = load_settings(folder)
    if options.language:
        if options.language not in ("en", "km"):
            raise LaunchError(f"--lang {options.language!r}: choose en (English) or km (Khmer).")
        settings = settings.changed(language=options.language)
    if options.fullscreen is not None:
        settings = settings.changed(fullscreen=options.fullscreen)
    if options.player_name is not None:
        settings = settings.changed(player_name=options.player_name)
    for extra in options.scenario_dirs:
        if not Path(extra).is_dir():
            raise LaunchError(f"--scenarios {extra}: no such folder.")
    folders = default_folders(options.scenario_dirs) if options.include_builtin else [Path(p) for p in options.scenario_dirs]
    library = load_library(folders)
    loaded = family = None
    if options.scenario:
        loaded, family, error = resolve_scenario(options.scenario, library)
        if error:
            raise LaunchError(error)
    results = Path(options.results_dir) if options.results_dir else folder / "results"
    history = None
    factories = tuple(options.observer_factories)
    if options.record_history:
        from game.ui.history_observer import HistoryService, history_observer_factory

        history = HistoryService(folder, options.wall_clock)
        factories = (history_observer_factory(history),) + factories
    services = Services(
        data_dir=folder,
        results_dir=results,
        result_file=Path(options.result_file) if options.result_file else None,
        library=library,
        observer_factories=factories,
        history=history,
        session=options.session,
        seed=options.seed,
        shuffle=options.shuffle,
        save_settings=options.save_settings,
        wall_clock=options.wall_clock,
        warnings=warnings + list(options.warnings),
    )
    # Let SIGTERM end the game at once (every decision is already committed) instead of SDL turning it
    # into a window-close event that waits for a confirmation nobody can give.
    os.environ.setdefault("SDL_NO_SIGNAL_HANDLERS", "1")
    pygame.display.init()
    if pygame.display.get_driver() == "offscreen" and os.environ.get("SDL_VIDEODRIVER") != "offscreen":
        pygame.display.quit()
        raise LaunchError(
            "No screen was found (no desktop session or DISPLAY). Start Feedwise from the desktop; "
            f"to play a round without a screen, use: {resources.command_name()} autoplay SCENARIO --policy random"
        )
    pygame.font.init()
    window = Window(options.size, fullscreen=settings.fullscreen)
    ctx = Context(settings, window.surface.get_size(), services, window)
    from game.ui.scenes.menu import MenuScene

    menu = MenuScene(ctx, selected=family.family_id if family else None)
    app = App(ctx, menu)
    if family is not None and options.start_at == "briefing":
        from game.ui.scenes.briefing import BriefingScene

        chosen = loaded if loaded is not None and (loaded.scenario.language.value == settings.language or not family.has_language(settings.language)) else family.version_for(settings.language)
        app.apply(Push(BriefingScene(chosen)))
    return app, window
