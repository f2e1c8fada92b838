"""Colours and sizes: the look of a familiar social feed (light grey page, white cards, blue accents)
and a high-contrast variant. Sizes grow with the window (from 1024x600 up to 4K) via `Metrics`.

Only plain values here: no surfaces, no fonts, no state that changes while the game runs.
"""

from __future__ import annotations

from dataclasses import dataclass

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class Theme:
    name: str
    page: RGB  # the page behind the cards
    card: RGB
    card_border: RGB
    text: RGB
    muted: RGB  # handles, times, counts
    accent: RGB  # links, primary buttons, focus
    accent_text: RGB  # text on an accent background
    button: RGB  # secondary buttons
    button_text: RGB
    button_hover: RGB
    focus: RGB  # the focus ring
    top_bar: RGB
    top_bar_text: RGB
    good: RGB
    bad: RGB
    warn: RGB
    highlight: RGB  # evidence spans behind text
    highlight_missed: RGB
    badge: RGB  # technique badges
    badge_text: RGB
    shade: tuple[int, int, int, int]  # veil over the scene under a dialog
    scrollbar: RGB
    scrollbar_thumb: RGB
    link_card: RGB
    focus_width: int = 3


LIGHT = Theme(
    name="light",
    page=(240, 242, 245),
    card=(255, 255, 255),
    card_border=(218, 221, 225),
    text=(5, 5, 5),
    muted=(101, 103, 107),
    accent=(24, 119, 242),
    accent_text=(255, 255, 255),
    button=(228, 230, 235),
    button_text=(5, 5, 5),
    button_hover=(210, 213, 218),
    focus=(24, 119, 242),
    top_bar=(255, 255, 255),
    top_bar_text=(24, 119, 242),
    good=(36, 140, 60),
    bad=(206, 32, 58),
    warn=(200, 120, 0),
    highlight=(255, 226, 120),
    highlight_missed=(255, 190, 190),
    badge=(231, 243, 255),
    badge_text=(8, 80, 180),
    shade=(0, 0, 0, 110),
    scrollbar=(228, 230, 235),
    scrollbar_thumb=(188, 192, 196),
    link_card=(240, 242, 245),
)

HIGH_CONTRAST = Theme(
    name="high-contrast",
    page=(0, 0, 0),
    card=(0, 0, 0),
    card_border=(255, 255, 255),
    text=(255, 255, 255),
    muted=(235, 235, 235),
    accent=(255, 235, 0),
    accent_text=(0, 0, 0),
    button=(40, 40, 40),
    button_text=(255, 255, 255),
    button_hover=(80, 80, 80),
    focus=(0, 255, 255),
    top_bar=(0, 0, 0),
    top_bar_text=(255, 235, 0),
    good=(80, 255, 120),
    bad=(255, 110, 110),
    warn=(255, 200, 0),
    highlight=(0, 80, 170),  # white text stays readable on it
    highlight_missed=(150, 0, 80),
    badge=(0, 0, 0),
    badge_text=(0, 255, 255),
    shade=(0, 0, 0, 190),
    scrollbar=(60, 60, 60),
    scrollbar_thumb=(255, 255, 255),
    link_card=(25, 25, 25),
    focus_width=4,
)

AVATAR_COLOURS: tuple[RGB, ...] = (
    (24, 119, 242),
    (66, 183, 42),
    (247, 185, 40),
    (243, 66, 95),
    (145, 85, 200),
    (0, 160, 170),
    (230, 110, 30),
    (90, 110, 130),
)


def theme_for(high_contrast: bool) -> Theme:
    return HIGH_CONTRAST if high_contrast else LIGHT


# Base sizes at 1024x600-1280x720; everything scales with `Metrics.scale`.
FONT_SMALL = 13
FONT_BODY = 16
FONT_NAME = 16
FONT_TITLE = 22
FONT_HEADING = 30
FEED_MAX_WIDTH = 680
CARD_PADDING = 14
CARD_GAP = 12
AVATAR_SIZE = 42
BUTTON_HEIGHT = 38
TOP_BAR_HEIGHT = 52
SCROLLBAR_WIDTH = 12


@dataclass(frozen=True)
class Metrics:
    """Window-dependent sizes. `scale` grows the layout on big screens; text also grows with `text_scale`."""

    width: int
    height: int
    scale: float
    text_scale: float

    @classmethod
    def for_window(cls, width: int, height: int, text_scale: float = 1.0) -> "Metrics":
        scale = max(1.0, min(width / 1280, height / 720, 3.0))
        return cls(width, height, scale, text_scale)

    def px(self, value: float) -> int:
        return max(1, round(value * self.scale))

    @property
    def font_scale(self) -> float:
        return self.scale * self.text_scale
