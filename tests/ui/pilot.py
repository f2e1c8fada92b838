"""A small headless pilot for UI tests: start the real app under SDL's dummy driver, then press keys,
type, click buttons by their label and read the current screen. Every action posts real pygame
events that go through the game's one input path, then runs frames with a fixed time step.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import pygame

from game.app.options import LaunchOptions
from game.ui.input import click_events, key_event
from game.ui.launch import build_app

FRAME = 1.0 / 30.0

SCENARIO_YAML = """\
# yaml-language-server: $schema=../scenario.schema.json
id: pilot-town
title: Pilot town
language: en
description: Three posts for UI tests.
estimated_minutes: 3
mode: {mode}
ask_reasons: true
accounts:
  - id: council
    name: Town Council
    handle: "@towncouncil"
    verified: true
    followers: 1200
  - id: rumours
    name: Rumour Mill
    handle: "@rumour_mill"
    followers: 12
posts:
  - id: road
    author: council
    time: 2h
    text: The market road is closed on Sunday for repairs. Buses use the river road.
    stats: {{likes: 120, shares: 14, comments: 2}}
    comments:
      - name: Dara
        text: Thanks for the notice.
    verdict: reliable
    explanation: The council announces road works on its own verified page.
  - id: cure
    author: rumours
    time: 45m
    text: "SHOCKING! Doctors hate this: boiled lemon leaves cure dengue in one night. Share before they delete it!"
    image: {{file: images/leaves.png, alt: A bowl of leaves}}
    stats: {{likes: 5400, shares: 2100, comments: 300}}
    verdict: misinformation
    techniques:
      - id: emotional-language
        evidence: SHOCKING!
        note: Shouting makes you feel before you think.
      - id: urgency-pressure
        evidence: Share before they delete it!
        note: It hurries you so you do not check.
    clues:
      fact_check: Fact-checkers found no evidence that leaves cure dengue.
    explanation: No leaf cures dengue; see a health worker.
  - id: jobs
    author: rumours
    time: 1d
    text: Easy job abroad, 3000 dollars a month, no experience. Send your passport photo today.
    link: {{url: "https://jobs-fast.example/apply", title: Apply now, domain: jobs-fast.example}}
    verdict: scam
    techniques:
      - id: too-good-to-be-true
        evidence: 3000 dollars a month, no experience
        note: The pay is far above what such work pays.
    explanation: Real recruiters never ask for a passport photo in a comment.
"""


def write_scenario(folder: Path, mode: str = "practice") -> Path:
    """A small scenario folder (with a picture) for UI tests; returns the YAML file."""
    scenario_dir = Path(folder) / "pilot-town"
    (scenario_dir / "images").mkdir(parents=True, exist_ok=True)
    picture = pygame.Surface((320, 200))
    picture.fill((60, 140, 90))
    pygame.image.save(picture, str(scenario_dir / "images" / "leaves.png"))
    path = scenario_dir / "pilot-town.en.yaml"
    path.write_text(SCENARIO_YAML.format(mode=mode), encoding="utf-8")
    return path


class Pilot:
    def __init__(self, app, window) -> None:
        self.app = app
        self.window = window

    @classmethod
    def start(cls, scenario_dir: Optional[Path] = None, *, size=(1024, 600), start_at: str = "menu", scenario: Optional[str] = None, **options: Any) -> "Pilot":
        options.setdefault("player_name", "Trainee")  # a named trainee, as in class; pass "" to play as a guest
        launch = LaunchOptions(
            scenario=scenario,
            scenario_dirs=(str(scenario_dir),) if scenario_dir else (),
            size=size,
            include_builtin=False,
            start_at=start_at,
            fullscreen=False,
            **options,
        )
        app, window = build_app(launch)
        pilot = cls(app, window)
        pilot.frames(1)
        return pilot

    # --- reading ------------------------------------------------------------------------
    @property
    def scene(self):
        return self.app.top

    def screen(self) -> str:
        """The name of the screen on top: menu, briefing, feed, verify, flag-reasons, feedback, debrief, confirm."""
        return self.app.top.name

    def labels(self) -> list[str]:
        return [b.label for b in self.scene.buttons]

    def image(self) -> pygame.Surface:
        return self.window.refresh().copy()

    # --- acting -------------------------------------------------------------------------
    def frames(self, count: int = 1) -> None:
        for _ in range(count):
            self.app.frame(pygame.event.get(), FRAME, self.window.refresh())

    def post(self, events) -> None:
        for event in events:
            pygame.event.post(event)
        self.frames(2)

    def press(self, key: str, shift: bool = False) -> None:
        """Press a key by pygame's name for it: "f", "return", "escape", "tab", "down", "1"..."""
        self.post([key_event(pygame.key.key_code(key), pygame.KMOD_SHIFT if shift else 0)])

    def type(self, text: str) -> None:
        self.post([pygame.event.Event(pygame.TEXTINPUT, text=text)])

    def click(self, label: str, index: int = 0) -> None:
        """Click the `index`-th enabled button whose label is `label` (the focused post's buttons come first)."""
        matches = [b for b in self.scene.buttons if b.label == label and b.enabled]
        if len(matches) <= index:
            raise AssertionError(f"No button {label!r} on the {self.screen()} screen; buttons: {self.labels()}")
        self.post(click_events(matches[index].rect.center))

    def click_at(self, pos) -> None:
        self.post(click_events(pos))

    def wheel(self, steps: int) -> None:
        self.post([pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-steps, precise_x=0.0, precise_y=float(-steps), flipped=False)])

    def close_window(self) -> None:
        self.post([pygame.event.Event(pygame.QUIT)])

    def resize(self, size) -> None:
        self.window.surface = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.post([pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1])])
