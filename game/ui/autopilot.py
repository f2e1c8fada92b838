"""The autopilot: plays the real game like a player, by posting input events.

A bot policy from the rules core (`game.rules.bots`) chooses each command; the autopilot turns it
into the key presses and clicks a player would make (J/K to reach the post, S / F / V / N, digits in
the flag-reasons dialog and the verify panel, Enter, a click on "Finish round"). The events are
posted to pygame's queue and read back by the app through the one input path. The autopilot only
reads the scene stack; it never changes scenes or the rules state itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import pygame

from game.rules.commands import EndRound, Flag, Share, Skip, UseTool
from game.ui.app import App
from game.ui.autopilot_browse import BrowsingPilot
from game.ui.input import click_events, key_event

# Screens with a fixed number in screenshot names; any other screen gets the next free number.
SCREEN_NUMBERS = {"menu": 1, "briefing": 2, "feed": 3, "verify": 4, "feedback": 5, "debrief": 6, "check-intro": 7, "check-item": 8, "name-entry": 9, "thank-you": 10,
                  "search": 11, "page": 12}
DECISION_KEYS = {Share: pygame.K_s, Skip: pygame.K_n, Flag: pygame.K_f}
DIGITS = [getattr(pygame, f"K_{n}") for n in range(1, 10)]


class Autopilot:
    def __init__(self, app: App, policy: Any, screenshots: Optional[Path] = None) -> None:
        self.app = app
        self.policy = policy
        self.screenshots = Path(screenshots) if screenshots else None
        self.shot: dict[str, Path] = {}
        self.pending: Any = None  # the command being carried out across several screens
        self.tool_pressed = False
        self.decisions = 0
        self.finished = False
        self.wait_frames = 0
        self.drawn: Any = None
        self.rounds: list[Any] = []  # the round drivers seen, in order
        self._next_extra = max(SCREEN_NUMBERS.values()) + 1
        self.browsing = BrowsingPilot(self)
        if self.screenshots is not None:
            self.screenshots.mkdir(parents=True, exist_ok=True)
        app.on_drawn = self._on_drawn

    # --- screenshots --------------------------------------------------------------------------
    def _ready_to_shoot(self, name: str) -> bool:
        if name == "verify":
            return self.tool_pressed  # show the panel with a clue revealed
        if name == "search":
            return self.app.top.browser.results is not None  # show results, not an empty box
        return True

    @property
    def last_round(self) -> Any:
        return self.rounds[-1] if self.rounds else None

    def _on_drawn(self, app: App, surface: pygame.Surface) -> None:
        self.drawn = app.top
        driver = getattr(app.top, "driver", None)
        if driver is not None and all(driver is not known for known in self.rounds):
            self.rounds.append(driver)
        name = app.top.name
        if self.screenshots is None or name in self.shot or not self._ready_to_shoot(name):
            return
        number = SCREEN_NUMBERS.get(name)
        if number is None:
            number = self._next_extra
            self._next_extra += 1
        path = self.screenshots / f"{number:02d}-{name}.png"
        pygame.image.save(surface, str(path))
        self.shot[name] = path

    # --- driving ------------------------------------------------------------------------------
    def post(self, events: list[pygame.event.Event]) -> None:
        for event in events:
            pygame.event.post(event)

    def press(self, key: int) -> None:
        self.post([key_event(key)])

    def click_label(self, label: str) -> bool:
        button = next((b for b in self.app.top.buttons if b.label == label and b.enabled), None)
        if button is None:
            return False
        self.post(click_events(button.rect.center))
        return True

    def step(self) -> bool:
        """Post the events for the next thing a player would do. Returns True when a decision was made."""
        if self.wait_frames > 0:
            self.wait_frames -= 1
            return False
        scene = self.app.top
        if scene is not self.drawn:
            return False  # a player sees a screen before acting on it
        return self.act(scene)

    def act(self, scene: Any) -> bool:
        """Post what a player would do on `scene` (drawn and not waited for). Returns True when a decision was made."""
        name = scene.name
        if name in ("menu", "briefing", "resume-offer", "feedback"):  # resume-offer: Enter resumes the learner's unfinished round
            self.press(pygame.K_RETURN)
            self.wait_frames = 1
        elif name == "feed":
            return self._feed(scene)
        elif name == "flag-reasons":
            return self._reasons(scene)
        elif name == "verify":
            self._verify(scene)
        elif name in ("search", "page"):
            self.browsing.step(scene)
        elif name == "confirm":
            if getattr(scene, "key", "") == "finish" and isinstance(self.pending, EndRound):
                self.click_label(scene.confirm_label)
            else:
                self.press(pygame.K_ESCAPE)
            self.wait_frames = 1
        elif name == "debrief":
            self.finished = True
        return False

    def _feed(self, scene: Any) -> bool:
        state = scene.driver.state
        if state.over:
            return False
        command = self.policy.next_command(state)
        if command is None:
            return False
        if isinstance(command, EndRound):
            self.pending = command
            self.click_label(self.app.ctx.tr("Finish round"))
            self.wait_frames = 1
            return False
        target = state.order.index(command.post)
        if scene.focus_index != target:
            self.press(pygame.K_j if target > scene.focus_index else pygame.K_k)
            return False
        self.pending = command
        if isinstance(command, UseTool):
            if not self.browsing.start(command):  # asked again: the web could not give this tool; decide instead
                self.press(pygame.K_n)
                self.wait_frames = 1
                self.decisions += 1
                return True
            self.tool_pressed = False
            self.press(pygame.K_v)
            self.wait_frames = 1
            return False
        self.press(DECISION_KEYS[type(command)])
        self.wait_frames = 1
        if isinstance(command, Flag) and state.scenario.ask_reasons:
            return False  # the decision is made in the reasons dialog
        self.decisions += 1
        return True

    def _reasons(self, scene: Any) -> bool:
        wanted = self.pending.reasons if isinstance(self.pending, Flag) else ()
        ids = [technique for technique, _ in scene.options]
        for reason in wanted:
            if reason in ids and ids.index(reason) < len(DIGITS):
                self.press(DIGITS[ids.index(reason)])
        self.press(pygame.K_RETURN)
        self.wait_frames = 1
        self.decisions += 1
        return True

    def _verify(self, scene: Any) -> None:
        if isinstance(self.pending, UseTool) and not self.tool_pressed:
            tool = self.pending.tool.value if hasattr(self.pending.tool, "value") else str(self.pending.tool)
            index = [t.tool for t in scene.view.tools].index(tool)
            self.press(DIGITS[index])
            self.tool_pressed = True
            self.wait_frames = 2
            return
        self.pending = None
        self.press(pygame.K_ESCAPE)
        self.wait_frames = 1
