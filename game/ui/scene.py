"""Scenes and the values they return to change scene: `Push`, `Pop`, `Replace`, `Reset`, `Quit`.

A scene reacts to intents (`handle`), to time (`update`) and paints itself (`draw`). A change of
scene is a value the scene returns, never a global. `Scene` also gives every screen the same widget
behaviour: hover, click (press and release on one button), Tab/Shift+Tab focus and Enter to activate.
A button carries a message; the scene turns messages into rules commands or transitions in
`on_message`. Widgets never change the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional, Union

import pygame

from game.ui.input import Intent, UserInput
from game.ui.widgets import Button, draw_button

if TYPE_CHECKING:
    from game.ui.context import Context


@dataclass(frozen=True)
class Push:
    scene: "Scene"


@dataclass(frozen=True)
class Pop:
    result: Any = None


@dataclass(frozen=True)
class Replace:
    scene: "Scene"


@dataclass(frozen=True)
class Reset:
    """Clear the stack and start again from `scene` (e.g. back to the menu)."""

    scene: "Scene"


@dataclass(frozen=True)
class Quit:
    pass


Transition = Union[Push, Pop, Replace, Reset, Quit]


class Scene:
    """Base class. Subclasses set `name`, build `self.buttons` in `layout` and answer messages."""

    name = "scene"
    overlay = False  # drawn over the scene below (a dialog)
    holds_round = False  # a round in progress lives here (quitting now leaves it unfinished)
    confirm_on_back = False

    def __init__(self) -> None:
        self.buttons: list[Button] = []
        self.focus_key: Optional[str] = None
        self.hover_key: Optional[str] = None
        self.pressed_key: Optional[str] = None
        self._layout_token: object = None

    # --- lifecycle -------------------------------------------------------------------
    def ensure_layout(self, ctx: "Context") -> None:
        """Lay the scene out again when the window, text size, theme or language changed."""
        if self._layout_token != ctx.layout_token:
            self._layout_token = ctx.layout_token
            self.layout(ctx)

    def relayout(self) -> None:
        """Ask for a new layout on the next frame (after the scene's own data changed)."""
        self._layout_token = None

    def layout(self, ctx: "Context") -> None:
        """Build `self.buttons` (with absolute rects) for the current window."""

    def update(self, dt: float, ctx: "Context") -> Optional[Transition]:
        return None

    def draw(self, surface: pygame.Surface, ctx: "Context") -> None:
        self.draw_buttons(surface, ctx)

    def on_resume(self, result: Any, ctx: "Context") -> Optional[Transition]:
        """Called when a scene pushed above this one pops, with its result."""
        return None

    def on_message(self, message: Any, ctx: "Context") -> Optional[Transition]:
        return None

    def on_back(self, ctx: "Context") -> Optional[Transition]:
        return Pop()

    # --- input -------------------------------------------------------------------------
    def handle(self, user_input: UserInput, ctx: "Context") -> Optional[Transition]:
        return self.handle_widgets(user_input, ctx)

    def button(self, key: str) -> Optional[Button]:
        return next((b for b in self.buttons if b.key == key), None)

    def focusable(self) -> list[Button]:
        return [b for b in self.buttons if b.enabled and b.focusable]

    def button_at(self, pos: tuple[int, int]) -> Optional[Button]:
        for button in reversed(self.buttons):
            if button.rect.collidepoint(pos):
                return button
        return None

    def move_focus(self, step: int) -> None:
        order = self.focusable()
        if not order:
            return
        keys = [b.key for b in order]
        if self.focus_key in keys:
            index = (keys.index(self.focus_key) + step) % len(keys)
        else:
            index = 0 if step > 0 else len(keys) - 1
        self.focus_key = keys[index]
        self.on_focus_changed(order[index])

    def on_focus_changed(self, button: Button) -> None:
        """Hook: scenes that scroll bring the focused button into view."""

    def activate(self, button: Button, ctx: "Context") -> Optional[Transition]:
        if not button.enabled:
            return None
        if button.focusable:
            self.focus_key = button.key
        return self.on_message(button.message, ctx)

    def handle_widgets(self, user_input: UserInput, ctx: "Context") -> Optional[Transition]:
        """Hover, click, Tab focus, Enter and Esc: the behaviour every scene shares."""
        intent = user_input.intent
        if intent is Intent.POINTER_MOVE:
            hovered = self.button_at(user_input.pos)
            self.hover_key = hovered.key if hovered and hovered.enabled else None
            return None
        if intent is Intent.POINTER_DOWN:
            pressed = self.button_at(user_input.pos)
            self.pressed_key = pressed.key if pressed and pressed.enabled else None
            return None
        if intent is Intent.POINTER_UP:
            released = self.button_at(user_input.pos)
            pressed_key, self.pressed_key = self.pressed_key, None
            if released is not None and released.key == pressed_key:
                return self.activate(released, ctx)
            return None
        if intent is Intent.FOCUS_NEXT:
            self.move_focus(1)
            return None
        if intent is Intent.FOCUS_PREV:
            self.move_focus(-1)
            return None
        if intent is Intent.CONFIRM:
            focused = self.button(self.focus_key) if self.focus_key else None
            if focused is not None and focused.enabled:
                return self.activate(focused, ctx)
            return self.on_confirm(ctx)
        if intent is Intent.BACK:
            return self.on_back(ctx)
        if intent is Intent.CHOOSE:
            return self.on_choose(user_input.index, ctx)
        return None

    def on_confirm(self, ctx: "Context") -> Optional[Transition]:
        """Enter with no focused button: the scene's default action."""
        return None

    def on_choose(self, index: int, ctx: "Context") -> Optional[Transition]:
        return None

    # --- drawing -------------------------------------------------------------------------
    def draw_buttons(self, surface: pygame.Surface, ctx: "Context", buttons: Optional[list[Button]] = None) -> None:
        for button in self.buttons if buttons is None else buttons:
            draw_button(
                surface,
                button,
                ctx,
                focused=button.key == self.focus_key,
                hovered=button.key == self.hover_key,
            )
