"""Widgets: buttons (with a message they emit when activated) and the small drawing helpers scenes share.

A `Button` is plain data: where it is, what it says, what message it carries, whether it is enabled
and selected. Scenes own their buttons; `draw_button` only paints. Buttons never change the model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional

import pygame

from game.ui import theme as sizes

if TYPE_CHECKING:
    from game.ui.context import Context

# Button styles: "primary" (filled accent), "secondary" (grey), "choice" (selectable option),
# "danger", "ghost" (no background; e.g. a card's action row), "area" (an invisible clickable area
# drawn by its scene, e.g. a scenario in the list; only the focus ring is painted here).
STYLES = ("primary", "secondary", "choice", "danger", "ghost", "area")


@dataclass
class Button:
    key: str  # stable id for focus and hover
    label: str  # the visible text; the test pilot clicks buttons by it
    rect: pygame.Rect
    message: Any
    style: str = "secondary"
    enabled: bool = True
    selected: bool = False
    focusable: bool = True
    hint: str = ""  # a keyboard shortcut shown after the label, e.g. "S"
    size: int = sizes.FONT_BODY
    bold: bool = True
    extra: dict = field(default_factory=dict)


def draw_focus_ring(surface: pygame.Surface, rect: pygame.Rect, ctx: "Context", radius: int = 8) -> None:
    width = ctx.metrics.px(ctx.theme.focus_width)
    ring = rect.inflate(width * 2 + 2, width * 2 + 2)
    pygame.draw.rect(surface, ctx.theme.focus, ring, width=width, border_radius=radius + width)


def button_colours(button: Button, ctx: "Context", hovered: bool) -> tuple[Optional[tuple], tuple, Optional[tuple]]:
    """(background, text, border) for a button in its state."""
    theme = ctx.theme
    if not button.enabled:
        return (theme.button if button.style not in ("ghost", "area") else None, theme.muted, None)
    if button.style == "primary":
        background = theme.accent
        if hovered:
            background = tuple(max(0, c - 25) for c in theme.accent)
        return background, theme.accent_text, None
    if button.style == "danger":
        return theme.bad, (255, 255, 255) if theme.name == "light" else (0, 0, 0), None
    if button.style == "choice":
        if button.selected:
            return theme.badge, theme.badge_text, theme.accent
        return (theme.button_hover if hovered else theme.button), theme.button_text, None
    if button.style == "ghost":
        return (theme.button if hovered else None), (theme.accent if button.selected else theme.muted), None
    if button.style == "area":
        return None, theme.text, None
    return (theme.button_hover if hovered else theme.button), theme.button_text, None


def draw_button(surface: pygame.Surface, button: Button, ctx: "Context", *, focused: bool, hovered: bool) -> None:
    metrics = ctx.metrics
    radius = metrics.px(6)
    background, text_colour, border = button_colours(button, ctx, hovered)
    rect = button.rect
    if background is not None:
        pygame.draw.rect(surface, background, rect, border_radius=radius)
    if border is not None:
        pygame.draw.rect(surface, border, rect, width=metrics.px(2), border_radius=radius)
    elif ctx.theme.name != "light" and button.style not in ("ghost", "area"):
        pygame.draw.rect(surface, ctx.theme.card_border, rect, width=1, border_radius=radius)
    if button.style != "area" and button.label:
        label = button.label + (f"  ({button.hint})" if button.hint and rect.width > metrics.px(150) else "")
        text = ctx.text.render_line(label, button.size, text_colour, bold=button.bold)
        if text.get_width() > rect.width - metrics.px(8):
            text = ctx.text.render_line(button.label, button.size, text_colour, bold=button.bold)
        x = rect.centerx - text.get_width() // 2
        if text.get_width() > rect.width - metrics.px(4):
            x = rect.x + metrics.px(2)
        clip = surface.get_clip()
        surface.set_clip(rect.clip(clip) if clip else rect)
        surface.blit(text, (x, rect.centery - text.get_height() // 2))
        surface.set_clip(clip)
    if focused:
        draw_focus_ring(surface, rect, ctx, radius)


def draw_panel(surface: pygame.Surface, rect: pygame.Rect, ctx: "Context", colour: Optional[tuple] = None, radius: int = 10) -> None:
    """A card-like panel: filled, with a thin border."""
    r = ctx.metrics.px(radius)
    pygame.draw.rect(surface, colour or ctx.theme.card, rect, border_radius=r)
    pygame.draw.rect(surface, ctx.theme.card_border, rect, width=max(1, ctx.metrics.px(1)), border_radius=r)


def draw_shade(surface: pygame.Surface, ctx: "Context") -> None:
    """The veil behind a dialog."""
    veil = ctx.cache.veil(surface.get_size(), ctx.theme.shade)
    surface.blit(veil, (0, 0))


def draw_check(surface: pygame.Surface, rect: pygame.Rect, colour: tuple, width: int = 2) -> None:
    """A tick mark inside `rect`."""
    points = [
        (rect.x + rect.w * 0.22, rect.y + rect.h * 0.52),
        (rect.x + rect.w * 0.42, rect.y + rect.h * 0.72),
        (rect.x + rect.w * 0.78, rect.y + rect.h * 0.30),
    ]
    pygame.draw.lines(surface, colour, False, points, width)


def draw_checkbox(surface: pygame.Surface, rect: pygame.Rect, checked: bool, ctx: "Context") -> None:
    radius = ctx.metrics.px(4)
    if checked:
        pygame.draw.rect(surface, ctx.theme.accent, rect, border_radius=radius)
        draw_check(surface, rect, ctx.theme.accent_text, max(2, ctx.metrics.px(2)))
    else:
        pygame.draw.rect(surface, ctx.theme.card, rect, border_radius=radius)
        pygame.draw.rect(surface, ctx.theme.muted, rect, width=max(2, ctx.metrics.px(2)), border_radius=radius)
