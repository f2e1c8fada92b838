"""Fallback fonts in the text layout (game/ui/text.py, game/ui/fonts.py): symbols and letters
Noto Sans Khmer lacks (′ → ≤ ✓ ₫ ệ) come from the bundled DejaVu Sans subset, never as tofu."""

import glob
from pathlib import Path

import pygame
import pytest
from glyph_shapes import INK, ink_shape, tofu_shape

from game.lang.segment import cluster_boundaries, emoji_spans, is_cluster_continuation
from game.ui.emoji import placeholder
from game.ui.fonts import FALLBACK_FONTS, FALLBACK_LICENSE_FILE, FontSet, missing_fonts
from game.ui.text import NO_WRAP, TextRenderer

REPO = Path(__file__).resolve().parents[2]
# Strings the game and scenario authors use, with the symbols Noto Sans Khmer has no glyph for.
SAMPLES = ["d′", "→", "≤ 5", "✓", "✗ wrong", "x ≥ 2 ≈ 3 ≠ 4", "№ 12", "5 ₫ ฿ 20", "½ x²", "Việt Nam",
           "ពិន្ទុ d′ ≥ 1.5 → ល្អ", "Δ ± μ", "★ ↑ ↓ ← ⇒"]
# Characters Noto Sans Khmer already has: they must stay in the primary font.
PRIMARY = "$ € £ ¥ ៛ • … “ ” ‘ ’ – — × ÷ − ° © ™ « »"


def ink_rows(surface):
    rects = pygame.mask.from_surface(surface, 64).get_bounding_rects()
    return min(r.top for r in rects), max(r.bottom for r in rects)


def run_surface(surface, run):
    return surface.subsurface((run.x, 0, max(1, min(run.width, surface.get_width() - run.x)), surface.get_height()))


def test_fallback_fonts_and_licence_are_bundled_and_small():
    assert missing_fonts() == []
    for pair in FALLBACK_FONTS:
        for path in pair:
            assert path.stat().st_size < 100_000, path
    licence = FALLBACK_LICENSE_FILE.read_text(encoding="utf-8")
    assert "Bitstream" in licence and "public domain" in licence


@pytest.mark.parametrize("text", SAMPLES)
@pytest.mark.parametrize("bold", [False, True])
def test_symbols_the_khmer_font_lacks_are_drawn_without_a_notdef_box(renderer, text, bold):
    tofu = tofu_shape(renderer, bold=bold)
    layout = renderer.layout(text, NO_WRAP, 24, bold)
    surface = renderer.render_line(text, 24, INK, bold)
    fallback_runs = [run for run in layout.lines[0].runs if run.kind == "fallback"]
    assert fallback_runs, [run.kind for run in layout.lines[0].runs]
    assert all(run.kind in ("khmer", "latin", "fallback") for run in layout.lines[0].runs)
    for run in fallback_runs:
        piece = text[run.start:run.end]
        # The Khmer font alone really draws these as the box (so this test can fail) ...
        assert ink_shape(renderer.font(24, bold).render(piece[0], True, INK)) == tofu, piece
        # ... and the layout draws them with a real glyph of a sane width.
        drawn = run_surface(surface, run)
        assert ink_shape(drawn) not in (tofu, b""), piece
        assert 0.2 * 24 <= run.width / len(piece.replace(" ", "")) <= 1.3 * 24, (piece, run.width)


def test_known_symbols_stay_in_the_khmer_font(renderer):
    layout = renderer.layout(PRIMARY, NO_WRAP, 16)
    assert {run.kind for run in layout.lines[0].runs} <= {"latin", "khmer"}


def test_widths_add_up_and_symbols_take_room(renderer):
    assert renderer.measure("≤ 5", 16)[0] > renderer.measure(" 5", 16)[0] + 4
    layout = renderer.layout("score d′ = 1.2", NO_WRAP, 16)
    runs = layout.lines[0].runs
    assert [run.kind for run in runs] == ["latin", "fallback", "latin"]
    assert all(a.x + a.width == b.x for a, b in zip(runs, runs[1:]))
    assert layout.width == sum(run.width for run in runs)


@pytest.mark.parametrize("text, letter", [("oơo", "ơ"), ("n№n", "№"), ("x½x", "½")])
def test_fallback_glyphs_sit_on_the_same_baseline(renderer, text, letter):
    size = 32
    layout = renderer.layout(text, NO_WRAP, size)
    surface = renderer.render_line(text, size, INK)
    bottoms = {}
    for run in layout.lines[0].runs:
        bottoms[run.kind] = ink_rows(run_surface(surface, run))[1]
    assert set(bottoms) == {"latin", "fallback"}
    assert abs(bottoms["latin"] - bottoms["fallback"]) <= 1, bottoms
    top, bottom = ink_rows(surface)
    assert top > 0 and bottom < surface.get_height()  # nothing clipped by the line box


def test_highlights_map_across_fallback_runs(renderer):
    text = "score d′ ≥ 1.5 → pass"
    start, end = text.index("d′"), text.index("1.5") + 3
    layout = renderer.layout(text, NO_WRAP, 20)
    assert sum(run.kind == "fallback" for run in layout.lines[0].runs) == 3
    (box,) = renderer.span_boxes(layout, start, end)
    assert box.left == renderer.measure("score d", 20)[0] - renderer.measure("d", 20)[0]
    assert box.right == renderer.measure("score d′ ≥ 1.5", 20)[0]
    arrow = next(run for run in layout.lines[0].runs if text[run.start:run.end] == "→")
    assert box.right < arrow.x
    yellow = (255, 226, 120)
    surface = renderer.render(text, NO_WRAP, 20, INK, highlights=[(start, end, yellow)])
    ge = next(run for run in layout.lines[0].runs if text[run.start:run.end] == "≥")
    column = [surface.get_at((ge.x + 1, y))[:3] for y in range(surface.get_height())]
    assert yellow in column  # the box is drawn behind the fallback glyph too
    arrow_column = [surface.get_at((arrow.x + arrow.width // 2, y))[:3] for y in range(surface.get_height())]
    assert yellow not in arrow_column


@pytest.mark.parametrize("width", [40, 70, 100, 140, 200])
def test_wrapping_mixed_khmer_and_symbols_never_breaks_a_cluster(renderer, width):
    text = "ពិន្ទុ d′ ≥ 1.5 → ល្អ ✓ ស្ត្រី ≤ ៥ ព្រះរាជាណាចក្រកម្ពុជា → Việt Nam ₫ 500"
    layout = renderer.layout(text, width, 16)
    assert "".join(line.text for line in layout.lines).replace(" ", "") == text.replace(" ", "")
    boundaries = set(cluster_boundaries(text))
    for line in layout.lines:
        assert line.start in boundaries and not is_cluster_continuation(line.text[0]), line.text
        assert text[line.start - 1] != "\u17d2" if line.start else True
        if len(cluster_boundaries(line.text)) > 2:  # a lone over-wide cluster may overflow
            assert line.width <= width, (line.text, line.width)


def test_an_accented_cluster_is_drawn_by_one_font(renderer):
    text = "Vie\u0302\u0323t"  # e + circumflex + dot below: the Khmer font has no dot below
    runs = renderer.layout(text, NO_WRAP, 16).lines[0].runs
    assert [(text[run.start:run.end], run.kind) for run in runs] == [
        ("Vi", "latin"), ("e\u0302\u0323", "fallback"), ("t", "latin")]


def test_text_presentation_selects_the_fallback_glyph_and_emoji_stay_emoji(renderer):
    kinds = {text: [run.kind for run in renderer.layout(text, NO_WRAP, 16).lines[0].runs]
             for text in ("✔\ufe0e ok", "✔ ok", "✅ ok", "⚠️ ok", "✓ ok")}
    assert kinds == {"✔\ufe0e ok": ["fallback", "latin"], "✔ ok": ["emoji", "latin"],
                     "✅ ok": ["emoji", "latin"], "⚠️ ok": ["emoji", "latin"], "✓ ok": ["fallback", "latin"]}


@pytest.mark.parametrize("text", ["\uffff", "中文", "a\U0001d11eb"])
def test_characters_no_font_has_become_a_placeholder_not_a_box(renderer, text):
    tofu = tofu_shape(renderer)
    layout = renderer.layout(text, NO_WRAP, 24)
    surface = renderer.render_line(text, 24, INK)
    missing = [run for run in layout.lines[0].runs if run.kind == "missing"]
    assert len(missing) == len([ch for ch in text if ch not in "ab"])  # one placeholder per cluster
    for run in missing:
        drawn = run_surface(surface, run)
        assert ink_shape(drawn) not in (tofu, b"")
        assert ink_shape(drawn) == ink_shape(placeholder(renderer._missing_height(24)))


def test_without_the_fallback_font_symbols_become_placeholders(tmp_path):
    renderer = TextRenderer()
    renderer._fonts = FontSet(fallbacks=((tmp_path / "none.ttf", tmp_path / "none-bold.ttf"),))
    runs = renderer.layout("d′ → ok", NO_WRAP, 16).lines[0].runs
    assert [run.kind for run in runs] == ["latin", "missing", "latin", "missing", "latin"]


def test_coverage_from_the_character_map_agrees_with_what_sdl_draws(renderer):
    """FontSet.covers (FreeType character map) against drawing each character and comparing with .notdef."""
    fonts = FontSet()
    font = fonts.get(20)
    notdef = pygame.image.tobytes(font.render("\uffff", True, INK), "RGBA")
    disagreements = []
    for code in [*range(0x2010, 0x2028), *range(0x2030, 0x2040), *range(0x2190, 0x21A0), *range(0x2260, 0x2268), 0x2713, 0xB1, 0xD7, 0x17A0]:
        ch = chr(code)
        looks_missing = pygame.image.tobytes(font.render(ch, True, INK), "RGBA") == notdef
        if fonts.covers(0, False, ch) == looks_missing:
            disagreements.append(hex(code))
    # HarfBuzz draws U+2011 (non-breaking hyphen) with the font's U+2010 though the font does not
    # map it; the layout uses the fallback font's own glyph. Every other answer must match.
    assert disagreements == ["0x2011"]
    assert fonts.covers(1, False, "→") and fonts.covers(1, True, "✓") and not fonts.covers(1, False, "ក")


def test_no_character_in_the_game_or_its_scenarios_lacks_a_glyph(renderer):
    """Every character in the UI catalogues, data files and built-in scenarios has a font (or is an emoji)."""
    paths = [*glob.glob(str(REPO / "game/**/*.po"), recursive=True),
             *glob.glob(str(REPO / "game/**/*.yaml"), recursive=True),
             *glob.glob(str(REPO / "scenarios/**/*.yaml"), recursive=True)]
    assert paths
    characters = set()
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        inside_emoji = {offset for start, end in emoji_spans(text) for offset in range(start, end)}
        characters.update(ch for offset, ch in enumerate(text) if offset not in inside_emoji and ord(ch) > 127)
    missing = [ch for ch in sorted(characters)
               if any(run.kind == "missing" for run in renderer.layout(ch, NO_WRAP, 16).lines[0].runs)]
    assert missing == []
