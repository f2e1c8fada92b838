"""Starting the game: settings, scenario library, window, context and the first scenes.

Used by `play`, `autoplay`, the tests' pilot and the benchmarks, so every way of starting the game
builds the same app. Errors the learner or facilitator can fix come back as `LaunchError` with a
plain message (never a traceback).
"""

from __future__ import annotations

import os
from pathlib import Path

import pygame

from game import resources
from game.app.browser import WebService
from game.app.history_observer import HistoryService, history_observer_factory
from game.app.library import default_folders, load_library, resolve_scenario
from game.app.options import LaunchError, LaunchOptions
from game.store.paths import data_dir
from game.store.settings import load_settings
from game.ui.app import App, Window
from game.ui.context import Context, Services
from game.ui.fonts import FONTS_DIR, missing_fonts
from game.ui.graph import SceneGraph
from game.ui.scene import Push


def _missing_fonts_message() -> str:
    """A plain message when the bundled fonts are missing ("" when they are all there)."""
    missing = missing_fonts()
    if not missing:
        return ""
    names = ", ".join(path.name for path in missing)
    return (f"the game's fonts are missing from {FONTS_DIR} ({names}). Reinstall Feedwise; "
            f"`{resources.command_name()} doctor` checks the installation.")


def build_app(options: LaunchOptions):
    """(app, window): a ready app with its window open, at the menu or in the chosen scenario."""

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
        web=WebService(folders, folder / "cache"),
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

    graph = SceneGraph()
    menu = graph.menu(ctx, selected=family.family_id if family else None)
    app = App(ctx, menu)
    if family is not None and options.start_at == "briefing":

        chosen = loaded if loaded is not None and (loaded.scenario.language.value == settings.language or not family.has_language(settings.language)) else family.version_for(settings.language)
        app.apply(Push(graph.briefing(chosen)))
    return app, window
