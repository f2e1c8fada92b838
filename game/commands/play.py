"""`python main.py play [SCENARIO] [--lang en|km] [--scenarios DIR] [--fullscreen] ...`: play the game.

With SCENARIO (a path to a scenario file or the id of a built-in scenario) the game starts straight
into that scenario's briefing; without it, at the menu. pygame is imported only inside `run`.
"""

from __future__ import annotations

import argparse
import sys
import time

NAME = "play"
PROCESS_START = time.perf_counter()


def add_game_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by `play` and `autoplay`."""
    parser.add_argument("--lang", choices=("en", "km"), default=None, help="language of the game: en (English) or km (Khmer)")
    parser.add_argument("--scenarios", action="append", default=[], metavar="DIR", help="also offer the scenarios in this folder (repeatable)")
    parser.add_argument("--results", default=None, metavar="DIR", help="write result files here (default: the data folder's results/)")
    parser.add_argument("--data-dir", default=None, metavar="DIR", help="the data folder for settings, results and history (default: $FEEDWISE_HOME or the user data folder)")
    parser.add_argument("--seed", type=int, default=None, help="seed for the feed order (with --shuffle) and the flag-reason lists")
    parser.add_argument("--shuffle", action="store_true", help="show the posts in a shuffled order")


def add_session_options(parser: argparse.ArgumentParser) -> None:
    """Classroom session options (game/app/session.py, docs/sessions.md), shared by `play` and `autoplay`."""
    parser.add_argument("--session", default=None, metavar="CODE", help="classroom session: each trainee types a name or ID, plays the playlist, and every result carries CODE")
    parser.add_argument("--scenario", dest="playlist", nargs="+", action="extend", default=[], metavar="ID", help="the session's fixed playlist: built-in scenario ids or scenario files, in order")
    parser.add_argument("--check", choices=("pre", "post", "both"), default=None, help="the pre/post quick check: before the first scenario, after the last, or both (docs/checks.md)")
    parser.add_argument("--sync-lrs", default=None, metavar="URL", help="with --session: send each trainee's xAPI statements to this LRS endpoint when they finish (kept in the outbox when offline)")
    parser.add_argument("--user", default=None, metavar="USER", help="with --sync-lrs: the LRS user")
    parser.add_argument("--password-file", default=None, metavar="FILE", help="with --sync-lrs: a file whose first line is the LRS password")
    parser.add_argument("--check-bank", default=None, metavar="DIR", help="with --check: the quick-check forms to use (a folder of quiz files, checked like validate does; default scenarios/checks)")


def register(subparsers) -> None:
    parser = subparsers.add_parser(NAME, help="play the game (the default command)", description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default=None, metavar="SCENARIO", help="a scenario file or the id of a built-in scenario")
    add_game_options(parser)
    parser.add_argument("--fullscreen", action="store_true", default=None, help="start in fullscreen (F11 toggles)")
    parser.add_argument("--windowed", dest="fullscreen", action="store_false", help="start in a window")
    parser.add_argument("--size", default="1280x720", metavar="WxH", help="window size (default 1280x720; the window can be resized)")
    parser.add_argument("--name", default=None, metavar="NAME", help="the player's name or ID (otherwise typed in the menu)")
    parser.add_argument("--kiosk", action="store_true", help="with --session: fullscreen, fixed playlist, back to name entry after each trainee; only Ctrl+Shift+Q then a confirmation quits")
    add_session_options(parser)
    parser.add_argument("--first-frame-exit", action="store_true", help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    if args.session or args.kiosk or args.check or args.playlist or args.sync_lrs or args.user or args.password_file:
        return run_session(args)
    # Imported when the command runs, not at start-up: the CLI loads every command's parser.
    from game.app.options import LaunchError, LaunchOptions, parse_size
    from game.ui.launch import build_app

    try:
        options = LaunchOptions(
            scenario=args.scenario,
            language=args.lang,
            scenario_dirs=tuple(args.scenarios),
            fullscreen=args.fullscreen,
            size=parse_size(args.size),
            results_dir=args.results,
            data_dir=args.data_dir,
            player_name=args.name,
            seed=args.seed,
            shuffle=args.shuffle,
        )
        app, window = build_app(options)
    except LaunchError as error:
        print(f"feedwise play: {error}", file=sys.stderr)
        return 2
    for warning in app.ctx.services.warnings:
        print(f"feedwise: warning: {warning}", file=sys.stderr)
    # Imported when the command runs, not at start-up: the CLI loads every command's parser.
    from game.ui.app import run as run_loop

    if args.first_frame_exit:
        # For the startup benchmark: draw one interactive frame, report the time, and leave.
        import pygame

        app.frame(pygame.event.get(), 0.0, window.refresh())
        pygame.display.flip()
        print(f"first-frame {time.perf_counter() - PROCESS_START:.4f}")
        return 0
    try:
        return run_loop(app, window)
    finally:
        # Imported when the command runs, not at start-up: the CLI loads every command's parser.
        import pygame

        pygame.quit()


def run_session(args: argparse.Namespace) -> int:
    """`play --session CODE ...`: the session loop until the facilitator quits."""
    # Imported when the command runs, not at start-up: the CLI loads every command's parser.
    from game.app.options import LaunchError, launch_options_from, parse_size
    from game.app.session import CHECK_CHOICES, SessionOptions, playlist_conflict, playlist_from, sync_options
    from game.resources import command_name
    from game.ui.app import run as run_loop
    from game.ui.session import build_session_app

    prefix = "feedwise play"
    if args.kiosk and not args.session:
        print(f"{prefix}: --kiosk needs --session CODE (the session code written into every result).", file=sys.stderr)
        return 2
    if args.check and not args.session:
        print(f"{prefix}: --check needs --session CODE.", file=sys.stderr)
        return 2
    if args.check_bank and not args.check:
        print(f"{prefix}: --check-bank needs --check pre|post|both.", file=sys.stderr)
        return 2
    if args.playlist and not args.session:
        print(f"{prefix}: --scenario ID ... is a session's playlist and needs --session CODE; to play one scenario, run: {command_name()} play SCENARIO", file=sys.stderr)
        return 2
    conflict = playlist_conflict(args)
    if conflict:
        print(f"{prefix}: {conflict}", file=sys.stderr)
        return 2
    if args.name:
        print(f"{prefix}: --name cannot be used with --session: each trainee types a name or ID at the start.", file=sys.stderr)
        return 2
    sync_lrs, problem = sync_options(args)
    if problem:
        print(f"{prefix}: {problem}", file=sys.stderr)
        return 2
    session = SessionOptions(code=args.session, playlist=playlist_from(args), checks=CHECK_CHOICES.get(args.check or "", ()), kiosk=args.kiosk,
                             check_folder=args.check_bank, sync_lrs=sync_lrs)  # fmt: skip
    try:
        launch = launch_options_from(args, size=parse_size(args.size), seed=args.seed, fullscreen=args.fullscreen)
        app, window, flow = build_session_app(launch, session)
    except LaunchError as error:
        print(f"{prefix}: {error}", file=sys.stderr)
        return 2
    for note in session.notes + app.ctx.services.warnings:
        print(f"feedwise: {note}", file=sys.stderr)
    print(f"feedwise: session {args.session}: results go to {app.ctx.services.results_dir}" + (" (kiosk: Ctrl+Shift+Q to close)" if args.kiosk else ""), file=sys.stderr)
    try:
        return run_loop(app, window)
    finally:
        flow.flush()
        if session.sync is not None:
            session.sync.wait()
        for line in flow.unreported_lines():
            print(f"feedwise: {line}", file=sys.stderr)
        # Imported when the command runs, not at start-up: the CLI loads every command's parser.
        import pygame

        pygame.quit()
