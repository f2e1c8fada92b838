"""Autoplay of a whole classroom session: `autoplay SCENARIO --policy P [--session CODE] [--check pre|post|both]`.

`SessionAutopilot` extends the autopilot with the session's screens. It types the trainee's name into
name entry, starts the check, answers every check item with the same policy as the rounds
(`game.rules.quick_check.check_policy`) by pressing R / F / N, continues from each debrief, and stops
at the thank-you screen. Everything goes through posted events and the one input path, like a player.
The form order follows `--seed` (odd seeds start with form A, even seeds with form B).
The command that runs it is `game.commands.autoplay_session`.
"""

from __future__ import annotations

from typing import Any, Optional

import pygame

from game.rules.quick_check import Answer
from game.ui.autopilot import Autopilot
from game.ui.input import key_event

ANSWER_KEYS = {Answer.real: pygame.K_r, Answer.fake: pygame.K_f, Answer.not_sure: pygame.K_n}


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
