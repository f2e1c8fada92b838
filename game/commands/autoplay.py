"""`python main.py autoplay [SCENARIO] --policy P [--seed N] [--out FILE] [--screenshots DIR] [--pace SECONDS] [--lang en|km]`

Plays the real game loop headless (SDL's dummy video driver), starting at the menu like a player.
A bot policy (perfect, share-all, flag-all, skip-all, random) chooses each command and the autopilot
turns it into posted key presses and clicks. Writes the result file (to --out if given) and prints a
one-line JSON summary: score, max_score, d_prime, criterion, result_file, screens...
`--data-dir DIR --learner NAME` records the round in that learner's history like a player's round (and
resumes the learner's unfinished round of the scenario, if there is one); the learner is also the recorded
trainee unless --name says otherwise (giving both with different values is an error).
`--scenario ID ...` is the whole playlist, as in `play`: SCENARIO is then left out.
`--screenshots DIR` saves a PNG the first time each screen is reached (01-menu.png ... 06-debrief.png).
`--pace SECONDS` waits between decisions and shows a real window when one can be opened, for a
projected demo. pygame is imported only inside `run`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

NAME = "autoplay"
POLICIES = ("perfect", "share-all", "flag-all", "skip-all", "random")
FIXED_DT = 1.0 / 30.0
MAX_FRAMES = 100_000


def register(subparsers) -> None:
    # Imported when the command runs, not at start-up: the CLI loads every command's parser.
    from game.commands.play import add_game_options, add_session_options

    parser = subparsers.add_parser(NAME, help="play a round headless with a bot policy (tests, demos)", description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default=None, metavar="SCENARIO", help="a scenario file or the id of a built-in scenario (or give the playlist with --scenario ID ...)")
    parser.add_argument("--policy", required=True, choices=POLICIES, help="the bot that plays")
    parser.add_argument("--out", default=None, metavar="FILE", help="write the result record to this file")
    parser.add_argument("--screenshots", default=None, metavar="DIR", help="save a PNG of each screen reached")
    parser.add_argument("--pace", type=float, default=0.0, metavar="SECONDS", help="wait this long between decisions (demo); opens a visible window if it can")
    parser.add_argument("--size", default="1024x600", metavar="WxH", help="window size (default 1024x600)")
    parser.add_argument("--name", default=None, metavar="NAME", help="player name recorded in the result (default: --learner, else autoplay-POLICY)")
    parser.add_argument("--end-after", type=_decisions, default=None, metavar="N",
                        help="choose \"Finish now\" after N decisions in each round (the rest count as skipped; the round is marked ended-early)")
    parser.add_argument("--learner", default=None, metavar="NAME", help="record the round in this learner's history (the profile is created if new; default: --name)")
    add_game_options(parser)
    add_session_options(parser)


def _decisions(text: str) -> int:
    """--end-after: a whole number of decisions, 0 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of decisions, such as 3, not {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected 0 or more decisions, not {value}")
    return value


def _usage_problem(args: argparse.Namespace) -> str | None:
    """A plain message for flags that contradict each other, before anything starts."""
    # Imported when the command runs, not at start-up: the CLI loads every command's parser.
    from game.app.session import playlist_conflict

    if args.pace < 0:
        return "--pace must be 0 or more seconds."
    if args.name and args.learner and args.name != args.learner:
        return f"--name {args.name!r} and --learner {args.learner!r} name two different trainees; give one of them (or the same name twice)."
    if not args.scenario and not args.playlist:
        return "give a SCENARIO (a built-in id or a scenario file) or a playlist with --scenario ID ..."
    return playlist_conflict(args)


def _save_problems(driver) -> list[str]:
    """The facilitator's line when the result went to the local copy, or nowhere."""
    from game.app.round_driver import save_outcome  # imported when the command runs, like the rest of the game

    outcome = save_outcome(driver)
    if outcome is None or outcome.shared:
        return []
    if outcome.saved:
        return [f"{outcome.problem}; the result was saved on this computer instead: {outcome.path}"]
    return [f"the result was not saved: {outcome.problem}"]


def _choose_video_driver(pace: float) -> None:
    """Headless unless a paced demo can open a real window (SDL_VIDEODRIVER set by the caller always wins)."""
    if "SDL_VIDEODRIVER" in os.environ:
        return
    if pace > 0:
        # Imported when the command runs, not at start-up: the CLI loads every command's parser.
        import pygame

        try:
            pygame.display.init()
            return
        except pygame.error:
            pass
    os.environ["SDL_VIDEODRIVER"] = "dummy"


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    problem = _usage_problem(args)
    if problem:
        print(f"feedwise autoplay: {problem}", file=sys.stderr)
        return 2
    _choose_video_driver(args.pace)
    if args.session or args.check or args.playlist or args.sync_lrs or args.user or args.password_file:
        from game.commands.autoplay_session import autoplay_session  # a whole session: name entry, checks, playlist

        return autoplay_session(args)
    # Imported here, not at the top: every other command starts without pygame.
    import pygame

    from game.app.frames import run_frames
    from game.app.options import LaunchError, LaunchOptions, parse_size
    from game.rules.bots import make_policy
    from game.rules.debrief import debrief
    from game.ui.autopilot import Autopilot
    from game.ui.frames import PygameFrames
    from game.ui.launch import build_app
    from game.app.round_driver import result_path
    from game.commands.autoplay_session import trainee_name

    seed = args.seed if args.seed is not None else 0
    try:
        options = LaunchOptions(
            scenario=args.scenario,
            language=args.lang,
            scenario_dirs=tuple(args.scenarios),
            fullscreen=False,
            size=parse_size(args.size),
            results_dir=args.results,
            result_file=args.out,
            data_dir=args.data_dir,
            player_name=trainee_name(args),
            seed=seed,
            shuffle=args.shuffle,
            save_settings=False,
            start_at="menu",
        )
        app, window = build_app(options)
    except LaunchError as error:
        print(f"feedwise autoplay: {error}", file=sys.stderr)
        return 2
    pilot = Autopilot(app, make_policy(args.policy, seed, end_after=args.end_after), args.screenshots)
    frames = run_frames(app, PygameFrames(window, fps=30, fixed_dt=None if args.pace > 0 else FIXED_DT, show=args.pace > 0), pilot=pilot, max_frames=MAX_FRAMES, pace=args.pace)
    driver = pilot.last_round
    if driver is None or not driver.over:
        print(f"feedwise autoplay: the round did not finish (stopped on the '{app.top.name}' screen after {frames} frames).", file=sys.stderr)
        pygame.quit()
        return 1
    state = driver.state
    report = debrief(state).score
    summary = {
        "scenario": state.scenario.id,
        "language": state.scenario.language.value,
        "policy": args.policy,
        "seed": seed,
        "score": report.points,
        "max_score": report.max_points,
        "d_prime": round(report.discernment.d_prime, 4),
        "criterion": round(report.discernment.criterion, 4),
        "hits": report.discernment.hits,
        "misses": report.discernment.misses,
        "false_alarms": report.discernment.false_alarms,
        "correct_rejections": report.discernment.correct_rejections,
        "tools_used": report.tools_used,
        "decisions": len(state.decisions),
        "result_file": result_path(driver),
        "screens": sorted(str(p) for p in pilot.shot.values()),
        "frames": frames,
    }
    for problem in driver.problems + _save_problems(driver):
        print(f"feedwise autoplay: warning: {problem}", file=sys.stderr)
    print(json.dumps(summary, ensure_ascii=False))
    pygame.quit()
    return 0 if summary["result_file"] else 1

