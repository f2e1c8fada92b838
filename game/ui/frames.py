"""The pygame `FrameSource` of `game.app.frames`: events from pygame's queue, the frame time from a
pygame clock (or a fixed step for headless runs), the window's surface, and `display.flip`.
Nothing else: the loop itself is `game.app.frames.run_frames`.
"""

from __future__ import annotations

import time
from typing import Any, Optional

import pygame

MAX_DT = 0.25  # a frame after a stall (window dragged, machine busy) counts as a quarter second at most


class PygameFrames:
    """Frames for `window` (a `game.ui.app.Window`). `fixed_dt` gives every frame the same time
    (headless autoplay); `show=False` skips the flip (nothing to see)."""

    def __init__(self, window: Any, *, fps: int = 60, fixed_dt: Optional[float] = None, show: bool = True) -> None:
        self.window = window
        self.fps = fps
        self.fixed_dt = fixed_dt
        self.visible = show
        self.clock = pygame.time.Clock()
        self.first = True

    def events(self) -> list[Any]:
        return pygame.event.get()

    def tick(self) -> float:
        if self.fixed_dt is not None:
            return self.fixed_dt
        elapsed = min(self.clock.tick(self.fps) / 1000.0, MAX_DT)
        if self.first:  # the first frame stands for no time (the clock started just now)
            self.first = False
            return 0.0
        return elapsed

    def surface(self) -> pygame.Surface:
        return self.window.refresh()

    def show(self) -> None:
        if self.visible:
            pygame.display.flip()

    def now(self) -> float:
        return time.monotonic()
