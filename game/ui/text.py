"""The one text-layout module: every string in the game is measured, wrapped and drawn here.

`TextRenderer(scale)` lays text out in lines (`layout`), draws it (`render`, `render_line`) and
measures it (`measure`), with bounded LRU caches of layouts and surfaces. Text is cut into
Khmer and non-Khmer runs: Khmer runs are shaped with a Font on which `set_script("Khmr")` was
called, other runs with a "Latn" Font, which keeps Latin kerning (see `game/ui/fonts.py`); lines break at spaces, U+200B and
Khmer word boundaries (`game/lang/segment.py`), and never inside a cluster; newlines are hard
breaks. SDL's own `wraplength` is never used: it cuts Khmer clusters. Emoji are drawn from the
bundled colour emoji font (`game/ui/emoji.py`). Runs are also cut by glyph coverage: a cluster
Noto Sans Khmer has no glyph for (→ ✓ ≤ ′ ₫) is drawn with the first fallback font that has it, on
the same baseline; a cluster no font has is drawn as a small placeholder, never a tofu box. Highlight spans `(start, end, rgb)` are drawn
behind the exact glyphs they cover, on every line they reach.

Must not know about posts, scenes or the rules: it only turns strings into surfaces.
See docs/text-layout.md.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.lang.segment import (
    BREAK_SPACES,
    NO_BREAK_AFTER,
    NO_BREAK_BEFORE,
    VARIATION_SELECTORS,
    ZWSP,
    WordSegmenter,
    cluster_boundaries,
    emoji_spans,
    script_runs,
)
from game.ui.cache import LRUCache
from game.ui.emoji import EmojiArt, placeholder
from game.ui.fonts import KHMER_SCRIPT, LATIN_SCRIPT, PRIMARY_FACE, FontSet

TEXT_STYLE = "\ufe0e"  # variation selector asking for the text (not emoji) form of a symbol
MISSING_FACE = -1  # no bundled font has the cluster: it is drawn as a placeholder

NO_WRAP = 1 << 30
# Vertical room around the font's ascent, as fractions of the pixel size: stacked Khmer
# subscripts (e.g. ក្ត្រ, ញ្ជ្រូ) reach about 0.6 of the size below the baseline, above-vowels
# stay within the ascent. Measured with Noto Sans Khmer at 12-64 px; tests check it.
TOP_ROOM = 0.04
BOTTOM_ROOM = 0.64
EMOJI_HEIGHT = 1.15  # emoji height as a fraction of the pixel size
EMOJI_GAP = 0.06  # space on each side of an emoji
EMOJI_DROP = 0.22  # how far an emoji's bottom sits below the baseline
MISSING_HEIGHT = 0.62  # placeholder for a character no font has, as a fraction of the pixel size
Color = tuple[int, int, int] | tuple[int, int, int, int]

@dataclass(frozen=True)
class TextRun:
    """A piece of one line drawn in one go: Khmer text, other text, one emoji sequence or one
    cluster no font has.

    `kind` is "khmer" (Noto Sans Khmer, script Khmr), "latin" (Noto Sans Khmer, script Latn,
    kerned), "fallback" (fallback font `face`, script Latn), "emoji" or "missing" (a placeholder)."""

    start: int
    end: int
    x: int
    width: int
    kind: str
    face: int = PRIMARY_FACE

    @property
    def is_emoji(self) -> bool:
        return self.kind == "emoji"

    @property
    def is_picture(self) -> bool:
        """Drawn as one picture (an emoji or a placeholder), not shaped text."""
        return self.kind in ("emoji", "missing")


@dataclass(frozen=True)
class Coverage:
    """What draws each part of a text: the emoji spans drawn as pictures, and the font face of
    every character (`faces` is None when Noto Sans Khmer draws all of it, the usual case).
    `missing_starts` are the starts of clusters no font has (each becomes its own run)."""

    emoji: tuple[tuple[int, int], ...]
    faces: tuple[int, ...] | None = None
    missing_starts: frozenset[int] = frozenset()

    def face_runs(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """`(start, end, face)` pieces of text[start:end] drawn with one face (or one missing cluster)."""
        if self.faces is None or start >= end:
            return [(start, end, PRIMARY_FACE)]
        pieces = []
        piece_start = start
        for offset in range(start + 1, end):
            face = self.faces[offset]
            if face != self.faces[offset - 1] or (face == MISSING_FACE and offset in self.missing_starts):
                pieces.append((piece_start, offset, self.faces[piece_start]))
                piece_start = offset
        pieces.append((piece_start, end, self.faces[piece_start]))
        return pieces


def _needs_glyph(ch: str) -> bool:
    """False for characters fonts need not have: controls, format characters (ZWJ, ZWSP, soft
    hyphen), line separators and variation selectors. HarfBuzz draws those as nothing."""
    if ch in VARIATION_SELECTORS or "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef":
        return False
    return unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp")


@dataclass(frozen=True)
class TextLine:
    """One wrapped line. `start`/`end` are offsets into the laid-out text; `text == text[start:end]`
    (spaces at the break and the newline are not part of the line). `y` is the top of its line box."""

    start: int
    end: int
    text: str
    width: int
    y: int
    runs: tuple[TextRun, ...]


@dataclass(frozen=True)
class TextLayout:
    """A text broken into lines: `width` is the widest line, `height` is lines x `line_height`."""

    text: str
    lines: tuple[TextLine, ...]
    width: int
    height: int
    line_height: int
    baseline: int  # from the top of a line box to its baseline
    pixel_size: int
    bold: bool

    def line_at(self, offset: int) -> TextLine:
        """The line holding character `offset` (the next line when it falls in a break)."""
        for line in self.lines:
            if offset < line.end or (offset == line.end and line is self.lines[-1]):
                return line
        return self.lines[-1]


def _strip_end(text: str, start: int, end: int) -> int:
    """`end` moved back over spaces, U+200B and carriage returns (not drawn at a line end)."""
    while end > start and (text[end - 1] in BREAK_SPACES or text[end - 1] in (ZWSP, "\r")):
        end -= 1
    return end


def _drawable(text: str) -> str:
    """Text as handed to SDL_ttf: tabs become spaces (same length, so offsets still hold)."""
    return text.replace("\t", " ").replace("\r", " ")


class TextRenderer:
    """Lays out, measures and draws text; `scale` multiplies every size (the text-size setting)."""

    def __init__(self, scale: float = 1.0, *, segmenter: WordSegmenter | None = None,
                 layout_cache_entries: int = 2048, surface_cache_bytes: int = 32 * 1024 * 1024):
        self.scale = scale
        self._fonts = FontSet()
        self._emoji = EmojiArt()
        self._segmenter = segmenter or WordSegmenter()
        self._layouts: LRUCache[TextLayout] = LRUCache(layout_cache_entries)
        self._surfaces: LRUCache[pygame.Surface] = LRUCache(4096, surface_cache_bytes)
        self._extra_top_rows: dict[tuple[int, str], int] = {}

    # ----- fonts and metrics -------------------------------------------------------------
    def pixel_size(self, size: float) -> int:
        return max(1, round(size * self.scale))

    def font(self, size: float, bold: bool = False) -> pygame.font.Font:
        """The Khmer-ready Font for `size` (scaled); `set_script("Khmr")` is already done."""
        return self._fonts.get(self.pixel_size(size), bold)

    def _baseline(self, pixel_size: int) -> int:
        return math.ceil(TOP_ROOM * pixel_size) + self._fonts.get(pixel_size).get_ascent()

    def _line_height(self, pixel_size: int) -> int:
        return self._baseline(pixel_size) + math.ceil(BOTTOM_ROOM * pixel_size)

    def line_height(self, size: float) -> int:
        """Height of one line box at `size`: room for stacked Khmer subscripts and above-vowels."""
        return self._line_height(self.pixel_size(size))

    def _emoji_height(self, pixel_size: int) -> int:
        return max(1, round(EMOJI_HEIGHT * pixel_size))

    def _emoji_advance(self, pixel_size: int) -> int:
        return self._emoji_height(pixel_size) + 2 * round(EMOJI_GAP * pixel_size)

    # ----- layout --------------------------------------------------------------------------
    def layout(self, text: str, width: int, size: float, bold: bool = False) -> TextLayout:
        """`text` wrapped to `width` pixels at `size` (cached by text, width, size and bold)."""
        pixel_size = self.pixel_size(size)
        key = (text, int(width), pixel_size, bool(bold))
        cached = self._layouts.get(key)
        if cached is not None:
            return cached
        return self._layouts.put(key, self._compute_layout(text, max(1, int(width)), pixel_size, bool(bold)))

    def _emoji_as_picture(self, text: str, bold: bool) -> list[tuple[int, int]]:
        """Emoji spans drawn as pictures. A lone symbol that is an emoji only by default stays text:
        always when Noto Sans Khmer has it (©, ™); when a fallback font has it and it is followed
        by U+FE0E (text style) or the colour emoji font lacks it."""
        pictures = []
        for start, end in emoji_spans(text):
            if end - start == 1:
                symbol = text[start]
                if self._fonts.covers(PRIMARY_FACE, bold, symbol):
                    continue
                text_style = text[end:end + 1] == TEXT_STYLE
                if (text_style or not self._emoji.is_covered(symbol)) and self._fallback_face(symbol, bold) is not None:
                    continue
            pictures.append((start, end))
        return pictures

    def _fallback_face(self, ch: str, bold: bool) -> int | None:
        return next((face for face in range(1, self._fonts.face_count) if self._fonts.covers(face, bold, ch)), None)

    def _cluster_face(self, cluster: str, bold: bool) -> int:
        """The first face with a glyph for every character of `cluster` (else for its base character)."""
        needed = [ch for ch in cluster if _needs_glyph(ch)]
        if not needed:
            return PRIMARY_FACE
        faces = range(self._fonts.face_count)
        for face in faces:
            if all(self._fonts.covers(face, bold, ch) for ch in needed):
                return face
        return next((face for face in faces if self._fonts.covers(face, bold, needed[0])), MISSING_FACE)

    def _coverage(self, text: str, bold: bool) -> Coverage:
        """Which emoji are pictures and which face draws each character (checked once per code point)."""
        emoji = tuple(self._emoji_as_picture(text, bold))
        inside_emoji = {offset for start, end in emoji for offset in range(start, end)}
        covers = self._fonts.covers
        if all(offset in inside_emoji or not _needs_glyph(ch) or covers(PRIMARY_FACE, bold, ch)
               for offset, ch in enumerate(text)):
            return Coverage(emoji)
        faces = [PRIMARY_FACE] * len(text)
        missing_starts = set()
        boundaries = cluster_boundaries(text, emoji)
        for start, end in zip(boundaries, boundaries[1:]):
            if start in inside_emoji:
                continue
            face = self._cluster_face(text[start:end], bold)
            faces[start:end] = [face] * (end - start)
            if face == MISSING_FACE:
                missing_starts.add(start)
        return Coverage(emoji, tuple(faces), frozenset(missing_starts))

    def _runs(self, text: str, start: int, end: int, coverage: Coverage) -> list[tuple[int, int, str, int]]:
        """text[start:end] cut into (start, end, kind, face) runs: one per emoji, then by script
        ("khmer"/"latin") and by face ("fallback" for faces 1.., "missing" for clusters no font has)."""
        runs: list[tuple[int, int, str, int]] = []

        def add_text(run_start: int, run_end: int) -> None:
            for a, b, khmer in script_runs(text, run_start, run_end):
                for piece_start, piece_end, face in coverage.face_runs(a, b):
                    if face == MISSING_FACE:
                        runs.append((piece_start, piece_end, "missing", face))
                    elif face != PRIMARY_FACE:
                        runs.append((piece_start, piece_end, "fallback", face))
                    else:
                        runs.append((piece_start, piece_end, "khmer" if khmer else "latin", face))

        position = start
        for emoji_start, emoji_end in coverage.emoji:
            if emoji_end <= start or emoji_start >= end:
                continue
            if emoji_start > position:
                add_text(position, emoji_start)
            runs.append((emoji_start, emoji_end, "emoji", PRIMARY_FACE))
            position = emoji_end
        if position < end:
            add_text(position, end)
        return runs

    def _run_font(self, pixel_size: int, bold: bool, kind: str, face: int = PRIMARY_FACE) -> pygame.font.Font:
        return self._fonts.get(pixel_size, bold, KHMER_SCRIPT if kind == "khmer" else LATIN_SCRIPT, face)

    def _missing_height(self, pixel_size: int) -> int:
        return max(1, round(MISSING_HEIGHT * pixel_size))

    def _run_width(self, text: str, start: int, end: int, kind: str, face: int, pixel_size: int, bold: bool) -> int:
        if kind == "emoji":
            return self._emoji_advance(pixel_size)
        if kind == "missing":
            return self._missing_height(pixel_size) + 2 * round(EMOJI_GAP * pixel_size)
        return self._run_font(pixel_size, bold, kind, face).size(_drawable(text[start:end]))[0]

    def _span_width(self, text: str, start: int, end: int, pixel_size: int, bold: bool, coverage: Coverage) -> int:
        return sum(self._run_width(text, a, b, kind, face, pixel_size, bold)
                   for a, b, kind, face in self._runs(text, start, end, coverage))

    def _compute_layout(self, text: str, width: int, pixel_size: int, bold: bool) -> TextLayout:
        coverage = self._coverage(text, bold)
        line_height = self._line_height(pixel_size)
        spans: list[tuple[int, int]] = []
        paragraph_start = 0
        for paragraph in text.split("\n"):
            paragraph_end = paragraph_start + len(paragraph)
            spans.extend(self._wrap_paragraph(text, paragraph_start, paragraph_end, width, pixel_size, bold, coverage))
            paragraph_start = paragraph_end + 1
        lines = []
        for index, (start, end) in enumerate(spans):
            runs = []
            x = 0
            for run_start, run_end, kind, face in self._runs(text, start, end, coverage):
                run_width = self._run_width(text, run_start, run_end, kind, face, pixel_size, bold)
                runs.append(TextRun(run_start, run_end, x, run_width, kind, face))
                x += run_width
            lines.append(TextLine(start, end, text[start:end], x, index * line_height, tuple(runs)))
        return TextLayout(text, tuple(lines), max((line.width for line in lines), default=0),
                          len(lines) * line_height, line_height, self._baseline(pixel_size), pixel_size, bold)

    def _wrap_paragraph(self, text: str, start: int, end: int, width: int, pixel_size: int, bold: bool,
                        coverage: Coverage) -> list[tuple[int, int]]:
        """Greedy line filling over word boundaries; cluster boundaries only for an over-long word."""
        if _strip_end(text, start, end) == start:
            return [(start, start)]
        if self._span_width(text, start, _strip_end(text, start, end), pixel_size, bold, coverage) <= width:
            return [(start, _strip_end(text, start, end))]  # fits on one line: no need to find word breaks
        paragraph = text[start:end]
        local_emoji = [(a - start, b - start) for a, b in coverage.emoji if start <= a and b <= end]
        opportunities = [start + k for k in self._segmenter.break_opportunities(paragraph, local_emoji)]
        boundaries = [start + k for k in cluster_boundaries(paragraph, local_emoji)]

        def fits(line_start: int, line_end: int) -> bool:
            visible_end = _strip_end(text, line_start, line_end)
            return self._span_width(text, line_start, visible_end, pixel_size, bold, coverage) <= width

        lines: list[tuple[int, int]] = []
        position = start
        next_index = 0  # index into opportunities of the first one after `position`
        while position < end:
            if fits(position, end):
                lines.append((position, _strip_end(text, position, end)))
                break
            while next_index < len(opportunities) and opportunities[next_index] <= position:
                next_index += 1
            best = None
            index = next_index
            while index < len(opportunities) and fits(position, opportunities[index]):
                best = opportunities[index]
                index += 1
            if best is None:
                # The first word alone is too wide: cut it at the last cluster boundary that fits
                # (at least one cluster per line, so an absurdly narrow width still terminates).
                word_end = opportunities[next_index] if next_index < len(opportunities) else end
                inside = [b for b in boundaries if position < b < word_end
                          and text[b] not in NO_BREAK_BEFORE and text[b - 1] not in NO_BREAK_AFTER]
                best = next((b for b in reversed(inside) if fits(position, b)), inside[0] if inside else word_end)
            lines.append((position, _strip_end(text, position, best)))
            position = best
        return lines

    # ----- measuring ------------------------------------------------------------------------
    def measure(self, text: str, size: float, bold: bool = False) -> tuple[int, int]:
        """`(width, height)` of `text` drawn without wrapping (newlines still start new lines)."""
        layout = self.layout(text, NO_WRAP, size, bold)
        return layout.width, layout.height

    def offset_x(self, layout: TextLayout, line: TextLine, offset: int) -> int:
        """x of the caret before character `offset` on `line` (the offset is moved to a cluster start)."""
        offset = max(line.start, min(offset, line.end))
        for run in line.runs:
            if run.start <= offset <= run.end:
                if offset == run.start:
                    return run.x
                if run.is_picture or offset == run.end:
                    return run.x + run.width
                font = self._run_font(layout.pixel_size, layout.bold, run.kind, run.face)
                return run.x + font.size(_drawable(layout.text[run.start:offset]))[0]
        return line.width

    def span_boxes(self, layout: TextLayout, start: int, end: int) -> list[pygame.Rect]:
        """Rectangles (in layout coordinates, before alignment) covering characters start..end on
        each line they reach. Offsets inside a cluster are widened to the whole cluster."""
        boundaries = cluster_boundaries(layout.text)
        start = max((b for b in boundaries if b <= start), default=0)
        end = min((b for b in boundaries if b >= end), default=len(layout.text))
        boxes = []
        for line in layout.lines:
            low, high = max(start, line.start), min(end, line.end)
            if low >= high:
                continue
            x0, x1 = self.offset_x(layout, line, low), self.offset_x(layout, line, high)
            boxes.append(pygame.Rect(x0, line.y, max(1, x1 - x0), layout.line_height))
        return boxes

    # ----- drawing --------------------------------------------------------------------------
    def render(self, text: str, width: int, size: float, color: Color, bold: bool = False,
               highlights: Sequence[tuple[int, int, Color]] = (), align: str = "left") -> pygame.Surface:
        """`text` wrapped to `width`, on a transparent surface (cached by content).

        The surface is `layout.width` wide for align="left", `width` wide for "center"/"right",
        and `layout.height` tall. `highlights` are `(start, end, rgb)` character spans drawn as
        rounded boxes behind the text, on every line they reach.
        """
        if align not in ("left", "center", "right"):
            raise ValueError(f"align must be 'left', 'center' or 'right', not {align!r}")
        highlights = tuple((int(a), int(b), tuple(rgb)) for a, b, rgb in highlights)
        key = ("block", text, int(width), self.pixel_size(size), bool(bold), tuple(color), highlights, align)
        cached = self._surfaces.get(key)
        if cached is not None:
            return cached
        layout = self.layout(text, width, size, bold)
        surface_width = layout.width if align == "left" or width >= NO_WRAP else max(layout.width, int(width))
        surface = pygame.Surface((max(1, surface_width), max(1, layout.height)), pygame.SRCALPHA)
        shifts = {line.start: self._line_shift(line, surface_width, align) for line in layout.lines}
        for start, end, rgb in highlights:
            self._draw_highlight(surface, layout, start, end, rgb, shifts)
        for line in layout.lines:
            self._draw_line(surface, layout, line, shifts[line.start], tuple(color))
        return self._surfaces.put(key, surface, surface.get_width() * surface.get_height() * 4)

    def render_line(self, text: str, size: float, color: Color, bold: bool = False) -> pygame.Surface:
        """`text` on one line, never wrapped (a newline is drawn as a space); cached by content."""
        return self.render(text.replace("\n", " "), NO_WRAP, size, color, bold)

    @staticmethod
    def _line_shift(line: TextLine, surface_width: int, align: str) -> int:
        if align == "center":
            return (surface_width - line.width) // 2
        if align == "right":
            return surface_width - line.width
        return 0

    def _draw_highlight(self, surface: pygame.Surface, layout: TextLayout, start: int, end: int,
                        rgb: Color, shifts: dict[int, int]) -> None:
        pad_x = max(1, round(layout.pixel_size * 0.12))
        pad_y = max(1, round(layout.line_height * 0.06))
        radius = max(2, round(layout.pixel_size * 0.3))
        for box in self.span_boxes(layout, start, end):
            line = layout.lines[box.y // layout.line_height]
            rect = box.move(shifts[line.start], 0).inflate(2 * pad_x, -2 * pad_y)
            pygame.draw.rect(surface, rgb, rect, border_radius=radius)

    def _draw_line(self, surface: pygame.Surface, layout: TextLayout, line: TextLine, shift: int,
                   color: Color) -> None:
        baseline_y = line.y + layout.baseline
        for run in line.runs:
            x = shift + run.x
            if run.is_emoji:
                height = self._emoji_height(layout.pixel_size)
                picture = self._emoji.picture(layout.text[run.start:run.end], height)
                gap = round(EMOJI_GAP * layout.pixel_size)
                bottom = baseline_y + round(EMOJI_DROP * layout.pixel_size)
                surface.blit(picture, (x + gap + (height - picture.get_width()) // 2, bottom - height))
                continue
            if run.kind == "missing":  # no bundled font has it: a small ring, not a tofu box
                height = self._missing_height(layout.pixel_size)
                surface.blit(placeholder(height), (x + round(EMOJI_GAP * layout.pixel_size), baseline_y - height))
                continue
            piece = _drawable(layout.text[run.start:run.end])
            if not piece.strip(" \u200b"):
                continue
            font = self._run_font(layout.pixel_size, layout.bold, run.kind, run.face)
            drawn = font.render(piece, True, color)
            top = baseline_y - font.get_ascent() - self._extra_top(font, piece, drawn)
            surface.blit(drawn, (x, top))

    def _extra_top(self, font: pygame.font.Font, piece: str, drawn: pygame.Surface) -> int:
        """Rows SDL_ttf added above the ascent because a glyph reached higher (0 almost always).

        SDL_ttf grows a surface upwards and pushes the baseline down when stacked marks rise above
        the ascent; it does not say by how much. A flat-bottomed "x" drawn before the piece shows it.
        """
        if drawn.get_height() <= font.get_height():
            return 0
        key = (id(font), piece)
        if key not in self._extra_top_rows:
            probe = font.render("x" + piece, True, (0, 0, 0))
            alone = font.render("x", True, (0, 0, 0))
            x_width = font.size("x")[0]
            self._extra_top_rows[key] = max(0, _lowest_ink_row(probe, x_width) - _lowest_ink_row(alone, x_width))
            if len(self._extra_top_rows) > 4096:
                self._extra_top_rows.clear()
        return self._extra_top_rows[key]

    # ----- housekeeping -----------------------------------------------------------------------
    def clear_caches(self) -> None:
        """Forget cached layouts and surfaces (for example after the text size setting changed)."""
        self._layouts.clear()
        self._surfaces.clear()

    def cache_stats(self) -> dict[str, int]:
        return {
            "layouts": len(self._layouts),
            "surfaces": len(self._surfaces),
            "surface_bytes": self._surfaces.cost,
            "layout_hits": self._layouts.hits,
            "surface_hits": self._surfaces.hits,
        }


def _lowest_ink_row(surface: pygame.Surface, columns: int) -> int:
    """The lowest row holding ink in the first `columns` columns of a rendered text surface."""
    mask = pygame.mask.from_surface(surface.subsurface((0, 0, min(columns, surface.get_width()), surface.get_height())), 64)
    rects = mask.get_bounding_rects()
    return max((rect.bottom for rect in rects), default=0)
