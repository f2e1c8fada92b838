"""Emoji pictures for the text layout: the bundled Noto Color Emoji subset, scaled, with fallbacks.

Noto Color Emoji is a bitmap font that SDL_ttf draws only at its one strike size (109 px), so each
emoji is drawn once at that size, smooth-scaled to the line's emoji height and cached.
An emoji the subset lacks is drawn, in this order, as: the same emoji without skin tone or
variation selector, the first person/object of a ZWJ sequence, a white flag for a missing
flag, and finally a small neutral placeholder dot. It is never a tofu box.
Must not lay out text (that is `game/ui/text.py`).
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import pygame

from game.lang.segment import SKIN_TONES, VARIATION_SELECTORS, ZWJ
from game.ui.fonts import EMOJI_FONT, EMOJI_FONT_SIZE, open_font

WHITE_FLAG = "\U0001f3f3\ufe0f"


def is_regional_indicator(ch: str) -> bool:
    return "\U0001f1e6" <= ch <= "\U0001f1ff"


def fallback_sequences(sequence: str) -> list[str]:
    """The emoji to try, best first, when drawing `sequence` (the sequence itself comes first)."""
    plain = "".join(ch for ch in sequence if ch not in SKIN_TONES)
    bare = "".join(ch for ch in plain if ch not in VARIATION_SELECTORS)
    first_part = plain.split(ZWJ)[0]
    candidates = [sequence, plain, bare, first_part, "".join(ch for ch in first_part if ch not in VARIATION_SELECTORS)]
    if sequence and is_regional_indicator(sequence[0]):
        candidates.append(WHITE_FLAG)
    unique: list[str] = []
    for candidate in candidates:
        if candidate and candidate not in unique:
            unique.append(candidate)
    return unique


class EmojiArt:
    """Draws emoji sequences at a given pixel height, with a bounded cache of scaled pictures."""

    def __init__(self, font_path: Path = EMOJI_FONT, cache_size: int = 512):
        self._font_path = font_path
        self._font: pygame.font.Font | None = None
        self._font_failed = False
        self._big: dict[str, pygame.Surface | None] = {}
        self._scaled: OrderedDict[tuple[str, int], pygame.Surface] = OrderedDict()
        self._cache_size = cache_size

    def _emoji_font(self) -> pygame.font.Font | None:
        if self._font is None and not self._font_failed:
            try:
                self._font = open_font(self._font_path, EMOJI_FONT_SIZE, script=None)
            except (OSError, RuntimeError, pygame.error):
                self._font_failed = True  # no emoji font: every emoji becomes the placeholder
        return self._font

    def _draw_big(self, sequence: str) -> pygame.Surface | None:
        """The font's picture of `sequence`, or None when the font has no single glyph for it."""
        if sequence in self._big:
            return self._big[sequence]
        font = self._emoji_font()
        picture = None
        if font is not None:
            surface = font.render(sequence, True, (0, 0, 0))
            # A covered sequence shapes to one glyph (one strike wide); a missing one draws nothing
            # (the subset's .notdef is empty) or several glyphs side by side.
            single = surface.get_width() <= EMOJI_FONT_SIZE * 1.5
            if single and pygame.mask.from_surface(surface, 16).count() > 0:
                picture = surface
        self._big[sequence] = picture
        return picture

    def is_covered(self, sequence: str) -> bool:
        """True when the bundled emoji font draws `sequence` itself (no fallback needed)."""
        return self._draw_big(sequence) is not None

    def picture(self, sequence: str, height: int) -> pygame.Surface:
        """`sequence` drawn `height` pixels tall (cached); a fallback picture when it is not covered."""
        key = (sequence, height)
        cached = self._scaled.get(key)
        if cached is not None:
            self._scaled.move_to_end(key)
            return cached
        big = next((b for b in map(self._draw_big, fallback_sequences(sequence)) if b is not None), None)
        if big is None:
            scaled = placeholder(height)
        else:
            width = max(1, round(big.get_width() * height / big.get_height()))
            scaled = pygame.transform.smoothscale(big, (width, height))
        self._scaled[key] = scaled
        if len(self._scaled) > self._cache_size:
            self._scaled.popitem(last=False)
        return scaled


def placeholder(height: int) -> pygame.Surface:
    """A neutral grey dot with a ring: says "a picture was here" and never looks like a tofu box."""
    surface = pygame.Surface((height, height), pygame.SRCALPHA)
    centre = (height / 2, height / 2)
    radius = height * 0.36
    pygame.draw.circle(surface, (150, 150, 160, 110), centre, radius)
    pygame.draw.circle(surface, (110, 110, 125, 200), centre, radius, max(1, round(height / 14)))
    return surface
