"""The one place that reads pygame events: it turns them into `UserInput` intents through a key table.

Scenes never look at raw pygame events, keys or the mouse state; they get intents. Everything here
works from the event itself (never `pygame.mouse.get_pos()` or `pygame.key.get_pressed()`), so events
posted by tests and by autoplay behave exactly like a player's.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto
from typing import Iterable, Optional

import pygame


class Intent(Enum):
    NEXT_POST = auto()  # J, Down: next post / next item in a list
    PREV_POST = auto()  # K, Up
    LEFT = auto()  # Left arrow: previous value of a choice
    RIGHT = auto()  # Right arrow
    SHARE = auto()  # S
    FLAG = auto()  # F
    VERIFY = auto()  # V
    SKIP = auto()  # N ("not sure")
    REAL = auto()  # R: "real" in the quick check
    COMMENTS = auto()  # C: open or close the comments of the focused post
    CONFIRM = auto()  # Enter, Space
    BACK = auto()  # Esc
    FOCUS_NEXT = auto()  # Tab
    FOCUS_PREV = auto()  # Shift+Tab
    SCROLL = auto()  # wheel, Page Up/Down: `amount` in lines (positive = down)
    SCROLL_HOME = auto()
    SCROLL_END = auto()
    CHOOSE = auto()  # digit keys 1-9: `index` 0-8
    POINTER_DOWN = auto()
    POINTER_UP = auto()
    POINTER_MOVE = auto()
    TEXT = auto()  # typed text: `text`
    ERASE = auto()  # Backspace
    TOGGLE_FULLSCREEN = auto()  # F11
    RESIZE = auto()  # `size`
    QUIT = auto()  # the window's close button
    FACILITATOR_EXIT = auto()  # Ctrl+Shift+Q: the facilitator's way out of a kiosk (docs/sessions.md)


@dataclass(frozen=True)
class UserInput:
    intent: Intent
    pos: tuple[int, int] = (0, 0)
    amount: float = 0.0
    index: int = -1
    text: str = ""
    size: tuple[int, int] = (0, 0)
    printable: bool = False  # came from a key that also types a character: text fields ignore it
    dragging: bool = False  # POINTER_MOVE with the left button held


KEY_TABLE: dict[int, Intent] = {
    pygame.K_j: Intent.NEXT_POST,
    pygame.K_DOWN: Intent.NEXT_POST,
    pygame.K_k: Intent.PREV_POST,
    pygame.K_UP: Intent.PREV_POST,
    pygame.K_LEFT: Intent.LEFT,
    pygame.K_RIGHT: Intent.RIGHT,
    pygame.K_s: Intent.SHARE,
    pygame.K_f: Intent.FLAG,
    pygame.K_v: Intent.VERIFY,
    pygame.K_n: Intent.SKIP,
    pygame.K_r: Intent.REAL,
    pygame.K_c: Intent.COMMENTS,
    pygame.K_RETURN: Intent.CONFIRM,
    pygame.K_KP_ENTER: Intent.CONFIRM,
    pygame.K_SPACE: Intent.CONFIRM,
    pygame.K_ESCAPE: Intent.BACK,
    pygame.K_HOME: Intent.SCROLL_HOME,
    pygame.K_END: Intent.SCROLL_END,
    pygame.K_BACKSPACE: Intent.ERASE,
    pygame.K_F11: Intent.TOGGLE_FULLSCREEN,
}
PAGE_KEYS = {pygame.K_PAGEDOWN: 8.0, pygame.K_PAGEUP: -8.0}
DIGIT_KEYS = {getattr(pygame, f"K_{n}"): n - 1 for n in range(1, 10)} | {
    getattr(pygame, f"K_KP{n}"): n - 1 for n in range(1, 10)
}
PRINTABLE_KEYS = frozenset(
    [pygame.K_j, pygame.K_k, pygame.K_s, pygame.K_f, pygame.K_v, pygame.K_n, pygame.K_c, pygame.K_r, pygame.K_SPACE, *DIGIT_KEYS]
)
WHEEL_LINES = 3.0


def _pos(event: pygame.event.Event) -> tuple[int, int]:
    pos = getattr(event, "pos", (0, 0))
    return int(pos[0]), int(pos[1])


def translate_event(event: pygame.event.Event) -> Optional[UserInput]:
    """The intent one pygame event stands for, or None when it means nothing to the game."""
    kind = event.type
    if kind == pygame.QUIT:
        return UserInput(Intent.QUIT)
    if kind == pygame.KEYDOWN:
        key = getattr(event, "key", 0)
        mod = getattr(event, "mod", 0)
        printable = key in PRINTABLE_KEYS and not (mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT))
        if key == pygame.K_q and mod & pygame.KMOD_CTRL and mod & pygame.KMOD_SHIFT:
            return UserInput(Intent.FACILITATOR_EXIT)
        if key == pygame.K_TAB:
            return UserInput(Intent.FOCUS_PREV if mod & pygame.KMOD_SHIFT else Intent.FOCUS_NEXT)
        if key in PAGE_KEYS:
            return UserInput(Intent.SCROLL, amount=PAGE_KEYS[key])
        if key in DIGIT_KEYS:
            return UserInput(Intent.CHOOSE, index=DIGIT_KEYS[key], printable=printable)
        intent = KEY_TABLE.get(key)
        if intent is None:
            return None
        return UserInput(intent, printable=printable)
    if kind == pygame.TEXTINPUT:
        text = getattr(event, "text", "")
        return UserInput(Intent.TEXT, text=text) if text else None
    if kind == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) == 1:
        return UserInput(Intent.POINTER_DOWN, pos=_pos(event))
    if kind == pygame.MOUSEBUTTONUP and getattr(event, "button", 1) == 1:
        return UserInput(Intent.POINTER_UP, pos=_pos(event))
    if kind == pygame.MOUSEMOTION:
        buttons = getattr(event, "buttons", (0, 0, 0))
        return UserInput(Intent.POINTER_MOVE, pos=_pos(event), dragging=bool(buttons and buttons[0]))
    if kind == pygame.MOUSEWHEEL:
        amount = getattr(event, "precise_y", None)
        if amount is None:
            amount = getattr(event, "y", 0)
        if getattr(event, "flipped", False):
            amount = -amount
        return UserInput(Intent.SCROLL, amount=-float(amount) * WHEEL_LINES) if amount else None
    if kind in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
        size = getattr(event, "size", None) or (getattr(event, "x", 0), getattr(event, "y", 0))
        return UserInput(Intent.RESIZE, size=(int(size[0]), int(size[1])))
    return None


def read_inputs(events: Iterable[pygame.event.Event]) -> list[UserInput]:
    """The intents for a batch of events (usually `pygame.event.get()`), in order."""
    inputs = []
    for event in events:
        user_input = translate_event(event)
        if user_input is not None:
            inputs.append(user_input)
    return inputs


def key_event(key: int, mod: int = 0) -> pygame.event.Event:
    """A KEYDOWN event as a player's key press makes it (used by autoplay and the test pilot)."""
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)


def click_events(pos: tuple[int, int]) -> list[pygame.event.Event]:
    """The events of a left click at `pos`: move there, press, release."""
    return [
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1),
    ]
