"""Smooth scrolling with a draggable scrollbar, shared by the feed, the debrief and long dialogs.

`Scroller` keeps an offset that eases towards a target (wheel, keys, `ensure_visible`) or follows the
pointer while the thumb is dragged. It knows nothing about what it scrolls.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

import pygame

from game.ui.input import Intent, UserInput

if TYPE_CHECKING:
    from game.ui.context import Context

EASE_PER_SECOND = 14.0


@dataclass
class Scroller:
    view: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 1, 1))  # the visible area on screen
    track: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))  # the scrollbar track
    content_height: int = 0
    offset: float = 0.0
    target: float = 0.0
    line: int = 40  # pixels per "line" of wheel / arrow scrolling
    _drag_from: Optional[tuple[int, float]] = None

    @property
    def max_offset(self) -> float:
        return float(max(0, self.content_height - self.view.height))

    def clamp(self, value: float) -> float:
        return min(max(0.0, value), self.max_offset)

    def set_geometry(self, view: pygame.Rect, track: pygame.Rect, content_height: int) -> None:
        self.view, self.track, self.content_height = view, track, content_height
        self.target = self.clamp(self.target)
        self.offset = self.clamp(self.offset)

    def scroll_by(self, pixels: float) -> None:
        self.target = self.clamp(self.target + pixels)

    def scroll_to(self, y: float, instant: bool = False) -> None:
        self.target = self.clamp(y)
        if instant:
            self.offset = self.target

    def ensure_visible(self, top: int, bottom: int, margin: int = 0) -> None:
        """Scroll the least needed so content rows [top, bottom) are in view (the top wins if too tall)."""
        view_h = self.view.height
        if bottom - top + 2 * margin > view_h or top - margin < self.target:
            self.target = self.clamp(top - margin)
        elif bottom + margin > self.target + view_h:
            self.target = self.clamp(bottom + margin - view_h)

    def update(self, dt: float) -> bool:
        """Ease the offset towards the target. Returns True while still moving."""
        if self._drag_from is not None:
            return False
        gap = self.target - self.offset
        if abs(gap) < 0.5:
            self.offset = self.target
            return False
        self.offset += gap * min(1.0, dt * EASE_PER_SECOND)
        return True

    # --- scrollbar ---------------------------------------------------------------------
    @property
    def scrollable(self) -> bool:
        return self.max_offset > 0 and self.track.height > 0

    def thumb(self) -> pygame.Rect:
        if not self.scrollable:
            return pygame.Rect(self.track.x, self.track.y, self.track.width, self.track.height)
        visible = self.view.height / max(1, self.content_height)
        height = max(int(self.track.height * visible), min(self.track.height, 30))
        room = self.track.height - height
        y = self.track.y + int(room * (self.offset / self.max_offset))
        return pygame.Rect(self.track.x, y, self.track.width, height)

    def handle(self, user_input: UserInput) -> bool:
        """Wheel, page keys, and scrollbar dragging. Returns True when the input was used."""
        intent = user_input.intent
        if intent is Intent.SCROLL:
            self.scroll_by(user_input.amount * self.line)
            return True
        if intent is Intent.SCROLL_HOME:
            self.scroll_to(0)
            return True
        if intent is Intent.SCROLL_END:
            self.scroll_to(self.max_offset)
            return True
        if not self.scrollable:
            return False
        grab = self.track.inflate(8, 0)
        if intent is Intent.POINTER_DOWN and grab.collidepoint(user_input.pos):
            thumb = self.thumb()
            if thumb.inflate(8, 0).collidepoint(user_input.pos):
                self._drag_from = (user_input.pos[1], self.offset)
            else:
                page = self.view.height * 0.9
                self.scroll_by(-page if user_input.pos[1] < thumb.y else page)
            return True
        if intent is Intent.POINTER_MOVE and self._drag_from is not None:
            start_y, start_offset = self._drag_from
            room = max(1, self.track.height - self.thumb().height)
            self.offset = self.target = self.clamp(start_offset + (user_input.pos[1] - start_y) * self.max_offset / room)
            return True
        if intent is Intent.POINTER_UP and self._drag_from is not None:
            self._drag_from = None
            return True
        return False

    def handle_page(self, user_input: UserInput) -> bool:
        """`handle`, plus Up/Down scroll by a line: for a page of text with nothing else to move through."""
        if self.handle(user_input):
            return True
        if user_input.intent in (Intent.NEXT_POST, Intent.PREV_POST):
            self.scroll_by((1 if user_input.intent is Intent.NEXT_POST else -1) * self.line)
            return True
        return False

    @property
    def dragging(self) -> bool:
        return self._drag_from is not None

    def blit_content(self, surface: pygame.Surface, content: pygame.Surface) -> None:
        """Paint the part of `content` (a tall page) that is scrolled into view."""
        view = self.view
        surface.blit(content, view.topleft, area=pygame.Rect(0, int(self.offset), view.width, view.height))

    def draw(self, surface: pygame.Surface, ctx: "Context") -> None:
        """The track and the thumb, each a small cached surface (this runs every frame)."""
        if not self.scrollable:
            return
        thumb = self.thumb()
        surface.blit(_pill(ctx, self.track.size, ctx.theme.scrollbar), self.track.topleft)
        surface.blit(_pill(ctx, thumb.size, ctx.theme.scrollbar_thumb), thumb.topleft)


def _pill(ctx: "Context", size: tuple[int, int], colour: tuple) -> pygame.Surface:
    """A see-through surface with a rounded bar of `colour` (the scrollbar's track or thumb)."""
    key = ("scroll-pill", size, colour)
    pill = ctx.cache.small.get(key)
    if pill is None:
        pill = pygame.Surface(size, pygame.SRCALPHA)
        pygame.draw.rect(pill, colour, pill.get_rect(), border_radius=size[0] // 2)
        if pygame.display.get_surface() is not None:
            pill = pill.convert_alpha()
        ctx.cache.small[key] = pill
    return pill
