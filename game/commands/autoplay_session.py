"""`autoplay SCENARIO --policy P --session CODE [--check pre|post|both] [--scenario ID ...]`: one
trainee played through a whole classroom session headless (`game.ui.session_autopilot`), with a
one-line JSON summary of the rounds, the checks and the files written. Called by `autoplay`.
"""

from __future__ import annotations

import argparse
import json
import sys

FIXED_DT = 1.0 / 30.0
MAX_FRAMES = 200_000


def trainee_name(args: argparse.Namespace) -> str:
    """The recorded trainee: --name, else --learner, else autoplay-POLICY."""
    return args.name or args.learner or f"autoplay-{args.policy}"


def autoplay_session(args: argparse.Namespace) -> int:
    """Run one trainee through the session headless and print a JSON summary."""
    # Imported here, not at the top: `autoplay` without a session never loads the session screens.
    import pygame

    from game.app.frames import run_frames
    from game.app.options import LaunchError, launch_options_from, parse_size
    from game.app.session import CHECK_CHOICES, SessionOptions, playlist_from, sync_options
    from game.rules.bots import make_policy
    from game.rules.debrief import debrief
    from game.rules.quick_check import check_policy
    from game.ui.frames import PygameFrames
    from game.ui.session import build_session_app
    from game.ui.session_autopilot import SessionAutopilot

    prefix = "feedwise autoplay"
    if args.out:
        print(f"{prefix}: --out cannot be used with --session or --check (a session writes one file per round); use --results DIR.", file=sys.stderr)
        return 2
    seed = args.seed if args.seed is not None else 0
    player_name = trainee_name(args)
    sync_lrs, problem = sync_options(args)
    if problem:
        print(f"{prefix}: {problem}", file=sys.stderr)
        return 2
    if getattr(args, "check_bank", None) and not args.check:
        print(f"{prefix}: --check-bank needs --check pre|post|both.", file=sys.stderr)
        return 2
    session = SessionOptions(code=args.session, playlist=playlist_from(args), checks=CHECK_CHOICES.get(args.check or "", ()), form_seed=seed,
                             check_folder=getattr(args, "check_bank", None), check_seed=seed, sync_lrs=sync_lrs)  # fmt: skip
    try:
        launch = launch_options_from(args, size=parse_size(args.size), seed=seed, fullscreen=False)
        app, window, flow = build_session_app(launch, session)
    except LaunchError as error:
        print(f"{prefix}: {error}", file=sys.stderr)
        return 2
    for note in session.notes:
        print(f"feedwise: {note}", file=sys.stderr)
    pilot = SessionAutopilot(app, make_policy(args.policy, seed, end_after=args.end_after), check_policy(args.policy, seed), player_name, args.screenshots)
    frames = run_frames(app, PygameFrames(window, fps=30, fixed_dt=None if args.pace > 0 else FIXED_DT, show=args.pace > 0), pilot=pilot, max_frames=MAX_FRAMES, pace=args.pace)
    drivers = pilot.rounds
    flow.flush()
    if session.sync is not None:
        session.sync.wait()
    trainee = flow.trainee
    if not pilot.finished or trainee is None:
        print(f"{prefix}: the session did not finish (stopped on the '{app.top.name}' screen after {frames} frames).", file=sys.stderr)
        pygame.quit()
        return 1
    rounds = []
    for driver in drivers:
        if not driver.over:
            continue
        report = debrief(driver.state).score
        observer = next((o for o in driver.observers if hasattr(o, "outcome")), None)
        outcome = getattr(observer, "outcome", None)
        rounds.append(
            {
                "scenario": driver.state.scenario.id,
                "language": driver.state.scenario.language.value,
                "score": report.points,
                "max_score": report.max_points,
                "d_prime": round(report.discernment.d_prime, 4),
                "criterion": round(report.discernment.criterion, 4),
                "result_file": str(outcome.path) if outcome is not None and outcome.path else None,
            }
        )
    checks = {}
    for moment, entry in (("pre", trainee.pre_entry), ("post", trainee.post_entry)):
        if entry is not None:
            checks[moment] = {key: entry[key] for key in ("form", "quiz", "language", "items", "V", "r", "f", "d", "n", "not_sure")} | {
                "d_prime": round(entry["d_prime"], 4),
                "criterion": round(entry["criterion"], 4),
            }
    outcomes = trainee.outcomes
    summary = {
        "session": args.session,
        "policy": args.policy,
        "seed": seed,
        "player": player_name,
        "forms": [form.value for form in trainee.order],
        "checks": checks,
        "rounds": rounds,
        "result_files": [str(o.path) for o in outcomes if o.saved],
        "local_copies": [str(o.path) for o in outcomes if o.local_copy],
        "screens": sorted(str(p) for p in pilot.shot.values()),
        "frames": frames,
    }
    for line in flow.unreported_lines():
        print(f"feedwise autoplay: warning: {line}", file=sys.stderr)
    for driver in drivers:
        for problem in driver.problems:
            print(f"feedwise autoplay: warning: {problem}", file=sys.stderr)
    print(json.dumps(summary, ensure_ascii=False))
    pygame.quit()
    complete = len(rounds) == len(flow.plan.playlist) and all(o.saved for o in outcomes) and len(outcomes) == len(rounds)
    return 0 if complete else 1

