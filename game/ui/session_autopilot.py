"""Autoplay of a whole classroom session: `autoplay SCENARIO --policy P [--session CODE] [--check pre|post|both]`.

`SessionAutopilot` extends the autopilot with the session's screens. It types the trainee's name into
name entry, starts the check, answers every check item with the same policy as the rounds
(`game.rules.quick_check.check_policy`) by pressing R / F / N, continues from each debrief, and stops
at the thank-you screen. Everything goes through posted events and the one input path, like a player.
The form order follows `--seed` (odd seeds start with form A, even seeds with form B).
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any, Optional

import pygame

from game.rules.quick_check import Answer, check_policy
from game.ui.autopilot import Autopilot
from game.ui.input import key_event

ANSWER_KEYS = {Answer.real: pygame.K_r, Answer.fake: pygame.K_f, Answer.not_sure: pygame.K_n}
FIXED_DT = 1.0 / 30.0
MAX_FRAMES = 200_000


class SessionAutopilot(Autopilot):
    def __init__(self, app: Any, policy: Any, check_bot: Any, player_name: str, screenshots: Optional[str] = None) -> None:
        super().__init__(app, policy, screenshots)
        self.check_bot = check_bot
        self.player_name = player_name
        self.name_typed = False
        self.check_answers = 0

    def act(self, scene: Any) -> bool:
        name = scene.name
        if name == "name-entry":
            if not self.name_typed:
                self.post([pygame.event.Event(pygame.TEXTINPUT, text=self.player_name)])
                self.name_typed = True
            else:
                self.press(pygame.K_RETURN)
            self.wait_frames = 1
            return False
        if name in ("check-intro", "debrief", "save-problem"):
            self.press(pygame.K_RETURN)  # begin the check / Continue (a session's debrief) / OK
            self.wait_frames = 1
            return False
        if name == "check-item":
            if not scene.ready(self.app.ctx):
                return False
            command = self.check_bot.next_command(scene.state)
            if command is not None:
                self.post([key_event(ANSWER_KEYS[command.answer])])
                self.check_answers += 1
                self.wait_frames = 1
            return False
        if name == "thank-you":
            self.finished = True
            return False
        return super().act(scene)


def autoplay_session(args: Any) -> int:
    """Run one trainee through the session headless and print a JSON summary."""
    from game.rules.bots import make_policy
    from game.rules.debrief import debrief
    from game.ui.launch import LaunchError, parse_size
    from game.ui.session import CHECK_CHOICES, SessionOptions, build_session_app, launch_options_from, playlist_from

    prefix = "feedwise autoplay"
    if args.out:
        print(f"{prefix}: --out cannot be used with --session or --check (a session writes one file per round); use --results DIR.", file=sys.stderr)
        return 2
    seed = args.seed if args.seed is not None else 0
    player_name = args.name or f"autoplay-{args.policy}"
    if getattr(args, "check_bank", None) and not args.check:
        print(f"{prefix}: --check-bank needs --check pre|post|both.", file=sys.stderr)
        return 2
    session = SessionOptions(code=args.session, playlist=playlist_from(args), checks=CHECK_CHOICES.get(args.check or "", ()), form_seed=seed,
                             check_folder=getattr(args, "check_bank", None), check_seed=seed)  # fmt: skip
    try:
        launch = launch_options_from(args, size=parse_size(args.size), seed=seed, fullscreen=False)
        app, window, flow = build_session_app(launch, session)
    except LaunchError as error:
        print(f"{prefix}: {error}", file=sys.stderr)
        return 2
    for note in session.notes:
        print(f"feedwise: {note}", file=sys.stderr)
    pilot = SessionAutopilot(app, make_policy(args.policy, seed), check_policy(args.policy, seed), player_name, args.screenshots)
    clock = pygame.time.Clock()
    drivers: list[Any] = []
    frames = 0
    while app.running and frames < MAX_FRAMES:
        decided = pilot.step()
        dt = clock.tick(30) / 1000.0 if args.pace > 0 else FIXED_DT
        app.frame(pygame.event.get(), dt, window.refresh())
        if args.pace > 0:
            pygame.display.flip()
        frames += 1
        driver = getattr(app.top, "driver", None)
        if driver is not None and all(driver is not known for known in drivers):
            drivers.append(driver)
        if pilot.finished:
            app.frame([], dt, window.refresh())  # make sure the last screen was drawn (and shot)
            break
        if decided and args.pace > 0:
            _wait(app, window, clock, args.pace)
    flow.flush()
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


def _wait(app: Any, window: Any, clock: Any, seconds: float) -> None:
    end = time.monotonic() + seconds
    while app.running and time.monotonic() < end:
        app.frame(pygame.event.get(), clock.tick(30) / 1000.0, window.refresh())
        pygame.display.flip()
