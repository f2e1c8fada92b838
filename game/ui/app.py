"""The app: the window, the scene stack and the frame loop.

`App.frame(events, dt)` is one frame: read intents from the events (the one input path), give them
to the top scene, apply the transitions scenes return, update, draw. The real loop (`run`) feeds it
`pygame.event.get()` and the frame time through `game.app.frames.run_frames`; tests and autoplay
feed it posted events and a fixed `dt`, so the same code runs in all three.
"""

from __future__ import annotations

import os
from typing import Callable, Optional

import pygame

from game.app.frames import run_frames
from game.ui.context import Context
from game.ui.dialogs import ConfirmScene
from game.ui.frames import PygameFrames
from game.ui.input import Intent, read_inputs
from game.ui.scene import Pop, Push, Quit, Replace, Reset, Scene, Transition

MIN_SIZE = (1024, 600)
TITLE = "Feedwise"


class Window:
    """The pygame display: created once, resized or made fullscreen on request."""

    def __init__(self, size: tuple[int, int], fullscreen: bool = False) -> None:
        self.windowed_size = size
        self.fullscreen = False
        pygame.display.set_caption(TITLE)
        self.surface = pygame.display.set_mode(size, pygame.RESIZABLE)
        if fullscreen:
            self.set_fullscreen(True)

    def set_fullscreen(self, on: bool) -> None:
        if on == self.fullscreen:
            return
        if os.environ.get("SDL_VIDEODRIVER") == "dummy":
            self.fullscreen = on  # nothing to show; keep the size stable for headless runs
            return
        if on:
            self.windowed_size = self.surface.get_size()
            self.surface = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            self.surface = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        self.fullscreen = on

    def refresh(self) -> pygame.Surface:
        self.surface = pygame.display.get_surface() or self.surface
        return self.surface


class App:
    def __init__(self, ctx: Context, first_scene: Scene) -> None:
        self.ctx = ctx
        self.stack: list[Scene] = [first_scene]
        self.running = True
        self.frames = 0
        self.on_drawn: Optional[Callable[["App", pygame.Surface], None]] = None  # autoplay's screenshot hook
        self.window_locked = False  # a kiosk: F11 does not leave fullscreen

    @property
    def top(self) -> Scene:
        return self.stack[-1]

    def apply(self, transition: Optional[Transition]) -> None:
        while transition is not None and self.running:
            if isinstance(transition, Push):
                self.stack.append(transition.scene)
                transition = None
            elif isinstance(transition, Pop):
                self.stack.pop()
                if not self.stack:
                    self.running = False
                    return
                transition = self.top.on_resume(transition.result, self.ctx)
            elif isinstance(transition, Replace):
                self.stack[-1] = transition.scene
                transition = None
            elif isinstance(transition, Reset):
                self.stack = [transition.scene]
                transition = None
            elif isinstance(transition, Quit):
                self.running = False
                return
            else:
                return

    def frame(self, events: list[pygame.event.Event], dt: float, surface: pygame.Surface) -> bool:
        """Run one frame. Returns False once the app has quit."""
        ctx = self.ctx
        ctx.time += dt
        if surface.get_size() != ctx.size:
            ctx.resize(surface.get_size())
        for user_input in read_inputs(events):
            if not self.running:
                break
            if user_input.intent is Intent.RESIZE:
                if ctx.window is not None:
                    surface = ctx.window.refresh()
                ctx.resize(surface.get_size() if surface else user_input.size)
                continue
            if user_input.intent is Intent.TOGGLE_FULLSCREEN:
                if self.window_locked:
                    continue  # a kiosk stays fullscreen
                ctx.update_settings(fullscreen=not ctx.settings.fullscreen)
                if ctx.window is not None:
                    surface = ctx.window.refresh()
                continue
            if user_input.intent is Intent.QUIT:
                self.apply(self.quit_requested())
                continue
            if user_input.intent is Intent.FACILITATOR_EXIT:
                self.apply(self.facilitator_exit_requested())
                continue
            self.top.ensure_layout(ctx)
            self.apply(self.top.handle(user_input, ctx))
        if not self.running:
            return False
        self.top.ensure_layout(ctx)
        self.apply(self.top.update(dt, ctx))
        if not self.running:
            return False
        self.draw(surface)
        self.frames += 1
        return True

    def quit_requested(self) -> Optional[Transition]:
        """The window's close button: ask first (a round in progress would otherwise be lost)."""

        if isinstance(self.top, ConfirmScene) and self.top.quits:
            return Quit()
        return Push(ConfirmScene.quit_game(self.ctx, in_round=any(scene.holds_round for scene in self.stack), round_kept=self.keeps_unfinished_rounds()))

    def keeps_unfinished_rounds(self) -> bool:
        """A round left unfinished can be resumed later: the learner history is open."""
        service = self.ctx.services.history
        return service is not None and service.history() is not None

    def facilitator_exit_requested(self) -> Optional[Transition]:
        """Ctrl+Shift+Q: an ordinary quit here; a kiosk (game/ui/session.py) makes it its only way out."""
        return self.quit_requested()

    def draw(self, surface: pygame.Surface) -> None:
        first = len(self.stack) - 1
        while first > 0 and self.stack[first].overlay:
            first -= 1
        for scene in self.stack[first:]:
            scene.ensure_layout(self.ctx)
            scene.draw(surface, self.ctx)
        if self.on_drawn is not None:
            self.on_drawn(self, surface)


def run(app: App, window: Window, fps: int = 60) -> int:
    """The real loop: the player's events and the wall-clock frame time (`game.app.frames.run_frames`)."""
    run_frames(app, PygameFrames(window, fps=fps))
    return 0
