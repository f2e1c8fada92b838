"""Emoji in post text (game/ui/emoji.py through game/ui/text.py): pictures or a placeholder, never tofu."""

import pygame
import pytest

from game.ui.emoji import EmojiArt, fallback_sequences, placeholder
from game.ui.fonts import EMOJI_FONT, LICENSE_FILE, missing_fonts
from game.ui.text import NO_WRAP
from glyph_shapes import INK, ink_shape, tofu_shape

COMMON = ["😀", "😂", "😱", "👍", "🙏", "❤️", "🔥", "⚠️", "🚨", "❌", "✅", "💰", "💵", "📱", "🔗", "👉", "🎁",
          "🌊", "🇰🇭", "1️⃣", "👨‍👩‍👧"]
NOT_IN_SUBSET = ["👍🏽", "👮‍♀️", "🇫🇷", "🦩", "🪿"]


def has_colour(surface):
    width, height = surface.get_size()
    for y in range(0, height, 2):
        for x in range(0, width, 2):
            r, g, b, a = surface.get_at((x, y))
            if a > 128 and max(r, g, b) - min(r, g, b) > 60:
                return True
    return False


def test_fonts_and_licence_are_bundled():
    assert missing_fonts() == []
    assert "SIL Open Font License" in LICENSE_FILE.read_text(encoding="utf-8")
    assert EMOJI_FONT.stat().st_size < 2_500_000


def test_the_tofu_reference_really_is_tofu(renderer):
    # U+FFFF is not an emoji and not in any font: SDL_ttf alone draws it as the .notdef box,
    # the layout draws the placeholder instead.
    layout = renderer.layout("\uffff", NO_WRAP, 24)
    assert layout.lines[0].runs[0].kind == "missing"
    assert tofu_shape(renderer) != b""
    assert ink_shape(renderer.render_line("\uffff", 24, INK)) not in (tofu_shape(renderer), b"")


@pytest.mark.parametrize("sequence", COMMON + NOT_IN_SUBSET)
def test_emoji_are_never_drawn_as_the_notdef_box(renderer, sequence):
    tofu = tofu_shape(renderer)
    layout = renderer.layout(f"ok {sequence} ok", NO_WRAP, 24)
    assert [run.kind for run in layout.lines[0].runs] == ["latin", "emoji", "latin"]
    drawn = renderer.render_line(sequence, 24, INK)
    assert ink_shape(drawn) not in (tofu, b"")


@pytest.mark.parametrize("sequence", COMMON)
def test_common_emoji_come_from_the_bundled_colour_font(sequence):
    art = EmojiArt()
    assert art.is_covered(sequence)
    if sequence != "👨‍👩‍👧":  # Noto draws the family sequences as grey silhouettes
        assert has_colour(art.picture(sequence, 20))


def test_missing_emoji_fall_back_to_a_relative_then_to_a_placeholder():
    art = EmojiArt()
    thumbs = pygame.image.tobytes(art.picture("👍", 20), "RGBA")
    assert pygame.image.tobytes(art.picture("👍🏽", 20), "RGBA") == thumbs  # skin tone dropped
    assert fallback_sequences("👮‍♀️")[-1] == "👮"
    assert fallback_sequences("🇫🇷")[-1] == "🏳️"
    assert art.is_covered("🏳️")
    flamingo = art.picture("🦩", 20)
    assert pygame.image.tobytes(flamingo, "RGBA") == pygame.image.tobytes(placeholder(20), "RGBA")


def test_without_an_emoji_font_every_emoji_is_the_placeholder(tmp_path):
    art = EmojiArt(font_path=tmp_path / "missing.ttf")
    assert pygame.image.tobytes(art.picture("😀", 18), "RGBA") == pygame.image.tobytes(placeholder(18), "RGBA")


def test_text_style_symbols_the_font_has_stay_text(renderer):
    layout = renderer.layout("© 2024 Feedwise™", NO_WRAP, 16)
    assert all(run.kind != "emoji" for run in layout.lines[0].runs)


def test_emoji_sit_on_the_line_and_an_emoji_sequence_is_never_split(renderer):
    text = "ប៉ូលិស 👮‍♀️👨‍👩‍👧🇰🇭 " * 6
    layout = renderer.layout(text, 120, 16)
    for line in layout.lines:
        for run in line.runs:
            if run.kind == "emoji":
                assert text[run.start:run.end] in ("👮‍♀️", "👨‍👩‍👧", "🇰🇭")
    surface = renderer.render(text, 120, 16, INK)
    rects = pygame.mask.from_surface(surface, 16).get_bounding_rects()
    assert min(r.top for r in rects) > 0 and max(r.bottom for r in rects) < surface.get_height()
