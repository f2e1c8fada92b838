"""Shared pygame drawing primitives for the scenario image scripts (`tools/images/make_<id>.py`).

Everything here draws deterministically: no clock, no unseeded randomness, no system fonts.
Text uses the bundled Noto Sans Khmer (it also has Latin glyphs), so English and Khmer images
look alike on every machine. This is a build tool: the game never imports it.

Typical use in a maker script:

    from kit import Canvas, save, run_makers
    def make_sms(path):
        c = Canvas(600, 340, kit.PAPER)
        c.phone_sms(...)
        save(c.surface, path)
    run_makers({"sms.png": make_sms}, out_dir)

Colours are plain (r, g, b) tuples; the palette below keeps the library consistent.
"""

from __future__ import annotations

import math
import os
import random
import sys
from functools import partial
from pathlib import Path
from typing import Callable, Iterable, Sequence

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402  (the environment must be set first)

REPO_ROOT = Path(__file__).resolve().parents[2]

# ---------------------------------------------------------------- palette
WHITE = (255, 255, 255)
BLACK = (20, 20, 24)
INK = (40, 44, 52)
GREY = (120, 126, 136)
LIGHT = (228, 231, 236)
PAPER = (250, 248, 242)
FB_BLUE = (24, 119, 242)
TG_BLUE = (42, 171, 238)
GREEN = (46, 160, 67)
DARK_GREEN = (22, 101, 52)
RED = (208, 48, 48)
DARK_RED = (150, 24, 24)
GOLD = (201, 160, 40)
ORANGE = (240, 140, 30)
NAVY = (22, 44, 96)
SKY = (150, 200, 240)
SKY_DUSK = (250, 200, 150)
MUD = (150, 120, 80)
WATER = (110, 140, 150)
GRASS = (96, 160, 80)
ROAD = (90, 92, 98)
SMS_GREY = (233, 233, 235)
SMS_BLUE = (0, 122, 255)

KHMER_RANGE = range(0x1780, 0x1800)

Color = tuple[int, int, int]


# ---------------------------------------------------------------- fonts
def font_path(bold: bool = False) -> Path:
    """The Khmer-capable font: `assets/fonts/NotoSansKhmer-*.ttf` if bundled, else the fontpkg package's file."""
    fonts_dir = REPO_ROOT / "assets" / "fonts"
    bundled = fonts_dir / ("NotoSansKhmer-Bold.ttf" if bold else "NotoSansKhmer-Regular.ttf")
    if bundled.is_file():
        return bundled
    if bold and (fonts_dir / "NotoSansKhmer-Regular.ttf").is_file():
        return fonts_dir / "NotoSansKhmer-Regular.ttf"
    try:
        import fontpkg_noto_sans_khmer as pkg  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - depends on the machine
        sys.exit("No Khmer font: add one under assets/fonts/ or `pip install fontpkg-noto-sans-khmer`.")
    found = sorted((Path(pkg.__file__).parent / "files").glob("*.ttf"))
    if not found:  # pragma: no cover
        sys.exit("fontpkg_noto_sans_khmer has no .ttf file")
    return found[0]


_FONTS: dict[tuple[int, bool], pygame.font.Font] = {}


def font(size: int, bold: bool = False) -> pygame.font.Font:
    """A cached font of `size` px; Khmer shaping is switched on (set_script) for every font."""
    key = (size, bold)
    if key not in _FONTS:
        if not pygame.font.get_init():
            pygame.font.init()
        path = font_path(bold)
        f = pygame.font.Font(str(path), size)
        f.set_script("Khmr")
        f.bold = bold and "bold" not in path.name.lower()  # synthetic bold only without a bold file
        _FONTS[key] = f
    return _FONTS[key]


def has_khmer(text: str) -> bool:
    return any(ord(ch) in KHMER_RANGE for ch in text)


def _break_points(text: str) -> list[str]:
    """Split text into wrap units: words at spaces; Khmer runs also break at ZWSP (U+200B)."""
    units: list[str] = []
    for word in text.split(" "):
        parts = word.split("\u200b")
        for i, part in enumerate(parts):
            units.append(part + (" " if i == len(parts) - 1 else ""))
    return [u for u in units if u]


def wrap(text: str, width: int, size: int, bold: bool = False) -> list[str]:
    """Greedy word wrap of `text` to `width` px; explicit newlines are kept."""
    f = font(size, bold)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for unit in _break_points(paragraph):
            trial = line + unit
            if line and f.size(trial.rstrip())[0] > width:
                lines.append(line.rstrip())
                line = unit
            else:
                line = trial
        lines.append(line.rstrip())
    return lines


# ---------------------------------------------------------------- canvas
class Canvas:
    """A drawing surface with helpers. All coordinates are pixels from the top-left corner."""

    def __init__(self, width: int = 600, height: int = 340, background: Color = PAPER):
        if not pygame.font.get_init():
            pygame.font.init()
        self.surface = pygame.Surface((width, height))
        self.surface.fill(background)
        self.width = width
        self.height = height

    # -- basic shapes
    def rect(self, rect, color: Color, radius: int = 0, width: int = 0) -> pygame.Rect:
        r = pygame.Rect(rect)
        pygame.draw.rect(self.surface, color, r, width=width, border_radius=radius)
        return r

    def circle(self, center, radius: int, color: Color, width: int = 0) -> None:
        pygame.draw.circle(self.surface, color, center, radius, width)

    def line(self, start, end, color: Color, width: int = 1) -> None:
        pygame.draw.line(self.surface, color, start, end, width)

    def polygon(self, points, color: Color, width: int = 0) -> None:
        pygame.draw.polygon(self.surface, color, points, width)

    def gradient(self, rect, top: Color, bottom: Color) -> None:
        """A vertical gradient filling `rect`."""
        r = pygame.Rect(rect)
        for i in range(r.height):
            t = i / max(1, r.height - 1)
            color = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom))
            pygame.draw.line(self.surface, color, (r.left, r.top + i), (r.right - 1, r.top + i))

    def shadow(self, rect, radius: int = 8, offset: int = 3, color: Color = (0, 0, 0), alpha: int = 40) -> None:
        r = pygame.Rect(rect).move(offset, offset)
        layer = pygame.Surface(r.size, pygame.SRCALPHA)
        pygame.draw.rect(layer, (*color, alpha), layer.get_rect(), border_radius=radius)
        self.surface.blit(layer, r.topleft)

    def overlay(self, color: Color, alpha: int, rect=None) -> None:
        """A translucent colour wash (e.g. a grey filter for an 'old photo')."""
        r = pygame.Rect(rect) if rect else self.surface.get_rect()
        layer = pygame.Surface(r.size, pygame.SRCALPHA)
        layer.fill((*color, alpha))
        self.surface.blit(layer, r.topleft)

    # -- text
    def text(self, text: str, pos, size: int = 16, color: Color = INK, bold: bool = False,
             anchor: str = "topleft") -> pygame.Rect:
        """One line of text; `anchor` is a pygame.Rect attribute name (topleft, center, midtop, topright...)."""
        img = font(size, bold).render(text, True, color)
        r = img.get_rect(**{anchor: pos})
        self.surface.blit(img, r)
        return r

    def paragraph(self, text: str, rect, size: int = 16, color: Color = INK, bold: bool = False,
                  line_gap: int = 4, align: str = "left") -> int:
        """Wrapped text inside `rect`; returns the y just below the last line. Lines that don't fit are dropped."""
        r = pygame.Rect(rect)
        f = font(size, bold)
        y = r.top
        step = f.get_linesize() + line_gap - 2
        for line in wrap(text, r.width, size, bold):
            if y + f.get_linesize() > r.bottom + 2:
                break
            img = f.render(line, True, color)
            if align == "center":
                x = r.centerx - img.get_width() // 2
            elif align == "right":
                x = r.right - img.get_width()
            else:
                x = r.left
            self.surface.blit(img, (x, y))
            y += step
        return y

    # -- UI pieces
    def button(self, rect, label: str, fill: Color = FB_BLUE, color: Color = WHITE, size: int = 15,
               radius: int = 6) -> pygame.Rect:
        r = self.rect(rect, fill, radius=radius)
        self.text(label, r.center, size, color, bold=True, anchor="center")
        return r

    def avatar(self, center, radius: int, fill: Color, initials: str = "", color: Color = WHITE) -> None:
        self.circle(center, radius, fill)
        if initials:
            self.text(initials, center, max(10, radius), color, bold=True, anchor="center")

    def verified_badge(self, center, radius: int = 7) -> None:
        self.circle(center, radius, FB_BLUE)
        x, y = center
        pygame.draw.lines(self.surface, WHITE, False,
                          [(x - radius * 0.45, y), (x - radius * 0.1, y + radius * 0.4), (x + radius * 0.5, y - radius * 0.4)], 2)

    def status_bar(self, rect, time_text: str = "9:41", dark: bool = False) -> None:
        """A phone status bar: time on the left, signal and battery on the right."""
        r = pygame.Rect(rect)
        color = WHITE if dark else INK
        self.text(time_text, (r.left + 14, r.centery), 13, color, bold=True, anchor="midleft")
        x = r.right - 70
        for i in range(4):
            h = 4 + i * 3
            self.rect((x + i * 6, r.centery + 6 - h, 4, h), color)
        self.rect((r.right - 36, r.centery - 6, 24, 12), color, radius=3, width=2)
        self.rect((r.right - 33, r.centery - 3, 16, 6), color)
        self.rect((r.right - 12, r.centery - 3, 3, 6), color)

    def browser_bar(self, rect, url: str, secure: bool = True) -> None:
        """A mobile browser address bar showing `url` (use it for lookalike domains)."""
        r = pygame.Rect(rect)
        self.rect(r, (241, 243, 244))
        box = r.inflate(-20, -12)
        self.rect(box, WHITE, radius=box.height // 2)
        lock_x = box.left + 16
        lock_color = GREY if secure else RED
        self.rect((lock_x - 5, box.centery - 2, 10, 8), lock_color, radius=2)
        pygame.draw.arc(self.surface, lock_color, (lock_x - 4, box.centery - 9, 8, 10), 0, math.pi, 2)
        self.text(url, (lock_x + 14, box.centery), 14, INK, anchor="midleft")

    def chat_bubble(self, x: int, y: int, text: str, max_width: int = 360, outgoing: bool = False,
                    size: int = 15, fill: Color | None = None, color: Color | None = None,
                    right_edge: int | None = None) -> int:
        """A chat or SMS bubble at y; incoming bubbles start at x, outgoing end at `right_edge`. Returns bottom y."""
        fill = fill or (SMS_BLUE if outgoing else SMS_GREY)
        color = color or (WHITE if outgoing else INK)
        lines = wrap(text, max_width - 24, size)
        f = font(size)
        line_h = f.get_linesize()
        w = min(max_width, max(f.size(line)[0] for line in lines) + 24)
        h = line_h * len(lines) + 14
        left = (right_edge or self.width - 12) - w if outgoing else x
        self.rect((left, y, w, h), fill, radius=14)
        for i, line in enumerate(lines):
            self.text(line, (left + 12, y + 7 + i * line_h), size, color)
        return y + h

    def phone_frame(self, rect, screen: Color = WHITE) -> pygame.Rect:
        """A phone outline; returns the screen rect to draw into."""
        r = pygame.Rect(rect)
        self.shadow(r, radius=26, offset=5, alpha=50)
        self.rect(r, (30, 30, 34), radius=26)
        inner = r.inflate(-16, -16)
        self.rect(inner, screen, radius=18)
        return inner

    def qr_code(self, rect, seed: int = 1, color: Color = BLACK) -> None:
        """A QR-looking square pattern (not decodable), seeded so it is always the same."""
        r = pygame.Rect(rect)
        self.rect(r, WHITE)
        cells = 21
        cell = r.width // (cells + 2)
        ox, oy = r.left + cell, r.top + cell
        rng = random.Random(seed)
        for cy in range(cells):
            for cx in range(cells):
                in_finder = (cx < 8 and cy < 8) or (cx >= cells - 8 and cy < 8) or (cx < 8 and cy >= cells - 8)
                if not in_finder and rng.random() < 0.5:
                    self.rect((ox + cx * cell, oy + cy * cell, cell, cell), color)
        for fx, fy in ((0, 0), (cells - 7, 0), (0, cells - 7)):
            self.rect((ox + fx * cell, oy + fy * cell, 7 * cell, 7 * cell), color)
            self.rect((ox + (fx + 1) * cell, oy + (fy + 1) * cell, 5 * cell, 5 * cell), WHITE)
            self.rect((ox + (fx + 2) * cell, oy + (fy + 2) * cell, 3 * cell, 3 * cell), color)

    # -- documents
    def seal(self, center, radius: int, color: Color = DARK_RED, label: str = "", stars: int = 12) -> None:
        """A round official stamp: two rings, a star ring and a short label."""
        cx, cy = center
        self.circle(center, radius, color, 3)
        self.circle(center, radius - 6, color, 1)
        for i in range(stars):
            a = 2 * math.pi * i / stars
            px, py = cx + math.cos(a) * (radius - 13), cy + math.sin(a) * (radius - 13)
            self.circle((round(px), round(py)), 2, color)
        self.star((cx, cy), radius * 0.35, color)
        if label:
            self.text(label, (cx, cy + radius * 0.5), max(9, radius // 5), color, bold=True, anchor="center")

    def star(self, center, radius: float, color: Color) -> None:
        cx, cy = center
        pts = []
        for i in range(10):
            r = radius if i % 2 == 0 else radius * 0.45
            a = -math.pi / 2 + i * math.pi / 5
            pts.append((cx + math.cos(a) * r, cy + math.sin(a) * r))
        self.polygon(pts, color)

    def letter(self, rect, header_lines: Sequence[str], body: str, *, header_color: Color = NAVY,
               body_size: int = 13, signature: str = "", seal_color: Color | None = DARK_RED,
               seal_label: str = "") -> pygame.Rect:
        """An official-looking letter page with a centred letterhead, body text, signature and seal."""
        r = pygame.Rect(rect)
        self.shadow(r, radius=2, offset=4, alpha=60)
        self.rect(r, WHITE)
        y = r.top + 14
        for i, line in enumerate(header_lines):
            size = 15 if i == 0 else 12
            rr = self.text(line, (r.centerx, y), size, header_color, bold=(i == 0), anchor="midtop")
            y = rr.bottom + 2
        self.line((r.left + 30, y + 6), (r.right - 30, y + 6), header_color, 2)
        bottom = self.paragraph(body, (r.left + 26, y + 16, r.width - 52, r.bottom - y - 70), body_size, INK)
        if signature:
            self.text(signature, (r.right - 40, min(bottom + 8, r.bottom - 40)), 12, INK, anchor="topright")
        if seal_color:
            self.seal((r.right - 90, r.bottom - 48), 34, seal_color, seal_label)
        return r

    # -- charts
    def bar_chart(self, rect, values: Sequence[float], labels: Sequence[str], *, y_min: float, y_max: float,
                  color: Color = GREEN, axis_color: Color = INK, tick_count: int = 4, tick_format: str = "{:g}",
                  highlight_last: Color | None = None) -> None:
        """Bars on an axis from y_min to y_max. A y_min far above zero is the cherry-picked-axis trick."""
        r = pygame.Rect(rect)
        plot = pygame.Rect(r.left + 48, r.top + 6, r.width - 56, r.height - 30)
        for i in range(tick_count + 1):
            v = y_min + (y_max - y_min) * i / tick_count
            y = plot.bottom - plot.height * i / tick_count
            self.line((plot.left, y), (plot.right, y), LIGHT)
            self.text(tick_format.format(v), (plot.left - 6, y), 11, GREY, anchor="midright")
        n = len(values)
        slot = plot.width / n
        for i, (v, label) in enumerate(zip(values, labels)):
            h = max(0.0, min(1.0, (v - y_min) / (y_max - y_min))) * plot.height
            fill = highlight_last if (highlight_last and i == n - 1) else color
            self.rect((plot.left + i * slot + slot * 0.18, plot.bottom - h, slot * 0.64, h), fill, radius=3)
            self.text(label, (plot.left + i * slot + slot / 2, plot.bottom + 4), 11, INK, anchor="midtop")
        self.line(plot.bottomleft, plot.bottomright, axis_color, 2)
        self.line(plot.topleft, plot.bottomleft, axis_color, 2)

    def line_chart(self, rect, values: Sequence[float], *, y_min: float, y_max: float, color: Color = GREEN,
                   fill_alpha: int = 50, labels: Sequence[str] = (), tick_format: str = "{:g}") -> None:
        """A line with a soft fill under it; labels go under the first and last points."""
        r = pygame.Rect(rect)
        plot = pygame.Rect(r.left + 48, r.top + 6, r.width - 56, r.height - 28)
        for i in range(5):
            v = y_min + (y_max - y_min) * i / 4
            y = plot.bottom - plot.height * i / 4
            self.line((plot.left, y), (plot.right, y), LIGHT)
            self.text(tick_format.format(v), (plot.left - 6, y), 11, GREY, anchor="midright")
        pts = []
        for i, v in enumerate(values):
            x = plot.left + plot.width * i / max(1, len(values) - 1)
            y = plot.bottom - plot.height * max(0.0, min(1.0, (v - y_min) / (y_max - y_min)))
            pts.append((x, y))
        layer = pygame.Surface(self.surface.get_size(), pygame.SRCALPHA)
        pygame.draw.polygon(layer, (*color, fill_alpha), [(pts[0][0], plot.bottom), *pts, (pts[-1][0], plot.bottom)])
        self.surface.blit(layer, (0, 0))
        pygame.draw.lines(self.surface, color, False, pts, 3)
        for i, label in enumerate(labels):
            x = plot.left + plot.width * i / max(1, len(labels) - 1)
            self.text(label, (x, plot.bottom + 4), 11, INK, anchor="midtop")
        self.line(plot.bottomleft, plot.bottomright, INK, 2)

    # -- scenery (stylised photos)
    def sky(self, horizon: int, top: Color = SKY, bottom: Color = (220, 236, 248)) -> None:
        self.gradient((0, 0, self.width, horizon), top, bottom)

    def ground(self, horizon: int, color: Color = GRASS) -> None:
        self.rect((0, horizon, self.width, self.height - horizon), color)

    def sun(self, center, radius: int = 26, color: Color = (255, 214, 90)) -> None:
        self.circle(center, radius, color)

    def cloud(self, x: int, y: int, scale: float = 1.0, color: Color = WHITE) -> None:
        for dx, dy, r in ((0, 0, 18), (20, -8, 22), (44, 0, 18), (22, 6, 18)):
            self.circle((round(x + dx * scale), round(y + dy * scale)), round(r * scale), color)

    def building(self, rect, wall: Color, roof: Color | None = None, windows: Color = (200, 220, 235),
                 rows: int = 3, cols: int = 4, sign: str = "", sign_color: Color = NAVY) -> pygame.Rect:
        """A flat-fronted building with a grid of windows and an optional sign board."""
        r = self.rect(rect, wall)
        if roof:
            self.polygon([(r.left - 8, r.top), (r.centerx, r.top - r.height * 0.25), (r.right + 8, r.top)], roof)
        top = r.top + (26 if sign else 10)
        wh = (r.height - (top - r.top) - 10) / rows
        ww = r.width / cols
        for row in range(rows):
            for col in range(cols):
                self.rect((r.left + col * ww + ww * 0.2, top + row * wh + wh * 0.15, ww * 0.6, wh * 0.6), windows)
        if sign:
            board = self.rect((r.left + 8, r.top + 4, r.width - 16, 18), sign_color)
            self.text(sign, board.center, 12, WHITE, bold=True, anchor="center")
        return r

    def tree(self, base, height: int = 60, color: Color = (60, 130, 60)) -> None:
        x, y = base
        self.rect((x - 3, y - height * 0.4, 6, height * 0.4), (110, 80, 50))
        self.circle((x, round(y - height * 0.6)), round(height * 0.3), color)
        self.circle((x - round(height * 0.18), round(y - height * 0.5)), round(height * 0.22), color)
        self.circle((x + round(height * 0.18), round(y - height * 0.5)), round(height * 0.22), color)

    def palm(self, base, height: int = 80, color: Color = (50, 120, 60)) -> None:
        """A sugar-palm silhouette, a common sight in the Cambodian countryside."""
        x, y = base
        self.line((x, y), (x + 4, y - height), (100, 80, 60), 5)
        top = (x + 4, y - height)
        for i in range(9):
            a = -math.pi + i * math.pi / 8
            self.line(top, (top[0] + math.cos(a) * height * 0.28, top[1] + math.sin(a) * height * 0.22), color, 4)
        self.circle(top, 9, color)

    def person(self, base, height: int = 70, shirt: Color = FB_BLUE, skin: Color = (196, 150, 110),
               trousers: Color = (50, 55, 70), hair: Color = (30, 25, 25)) -> None:
        """A simple standing figure whose feet are at `base`."""
        x, y = base
        head = height * 0.14
        self.rect((x - height * 0.1, y - height * 0.45, height * 0.08, height * 0.45), trousers)
        self.rect((x + height * 0.02, y - height * 0.45, height * 0.08, height * 0.45), trousers)
        self.rect((x - height * 0.14, y - height * 0.8, height * 0.28, height * 0.38), shirt, radius=4)
        self.circle((x, round(y - height * 0.8 - head)), round(head), skin)
        pygame.draw.arc(self.surface, hair, (x - head, y - height * 0.8 - head * 2, head * 2, head * 2), 0, math.pi, max(2, round(head * 0.6)))

    def water(self, top: int, color: Color = WATER, wave: Color = (160, 185, 195), seed: int = 3) -> None:
        """Flood water from `top` to the bottom, with seeded ripples."""
        self.rect((0, top, self.width, self.height - top), color)
        rng = random.Random(seed)
        for _ in range(40):
            x = rng.randrange(0, self.width)
            y = rng.randrange(top + 6, self.height)
            w = rng.randrange(14, 40)
            self.line((x, y), (x + w, y), wave, 2)

    def logo(self, center, radius: int, fill: Color, letters: str, ring: Color | None = None,
             color: Color = WHITE) -> None:
        """A round brand mark with letters: use it for invented banks and lookalike logos."""
        self.circle(center, radius, fill)
        if ring:
            self.circle(center, radius, ring, 3)
        self.text(letters, center, round(radius * 0.8), color, bold=True, anchor="center")

    def warning_triangle(self, center, size: int = 40, fill: Color = ORANGE) -> None:
        cx, cy = center
        self.polygon([(cx, cy - size * 0.55), (cx + size * 0.55, cy + size * 0.45), (cx - size * 0.55, cy + size * 0.45)], fill)
        self.text("!", (cx, cy + size * 0.05), round(size * 0.6), WHITE, bold=True, anchor="center")


    # -- more props
    def lotus(self, center, size: int, color: Color, centre_color: Color | None = None) -> None:
        """A stylised lotus flower (five petals), handy for invented official logos."""
        cx, cy = center
        for angle, scale in ((-60, 0.8), (-30, 0.95), (0, 1.0), (30, 0.95), (60, 0.8)):
            a = math.radians(angle - 90)
            tip = (cx + math.cos(a) * size * scale, cy + math.sin(a) * size * scale)
            side = math.radians(angle)
            w = size * 0.22
            left = (cx + math.cos(side + math.pi) * w, cy + math.sin(side + math.pi) * w)
            right = (cx + math.cos(side) * w, cy + math.sin(side) * w)
            self.polygon([left, tip, right, (cx, cy + size * 0.1)], color)
        self.rect((cx - size * 0.7, cy + size * 0.12, size * 1.4, size * 0.12), centre_color or color, radius=3)

    def motorbike(self, base, scale: float = 1.0, body: Color = RED, rider: Color | None = None) -> None:
        """A side view of a small motorbike; `base` is the ground point under its middle."""
        x, y = base
        s = scale
        wheel = round(14 * s)
        for wx in (x - 26 * s, x + 26 * s):
            self.circle((round(wx), round(y - wheel)), wheel, BLACK)
            self.circle((round(wx), round(y - wheel)), round(wheel * 0.45), (170, 170, 170))
        self.polygon([(x - 30 * s, y - 24 * s), (x + 12 * s, y - 24 * s), (x + 24 * s, y - 40 * s),
                      (x + 30 * s, y - 40 * s), (x + 22 * s, y - 20 * s), (x - 20 * s, y - 14 * s)], body)
        self.rect((x - 22 * s, y - 32 * s, 26 * s, 8 * s), BLACK, radius=3)
        self.line((x + 26 * s, y - 40 * s), (x + 20 * s, y - 52 * s), BLACK, max(2, round(3 * s)))
        if rider:
            self.person((round(x - 8 * s), round(y - 22 * s)), round(56 * s), shirt=rider)

    def cone(self, base, height: int = 26) -> None:
        x, y = base
        self.polygon([(x - height * 0.3, y), (x, y - height), (x + height * 0.3, y)], ORANGE)
        self.line((x - height * 0.17, y - height * 0.45), (x + height * 0.17, y - height * 0.45), WHITE, 3)
        self.rect((x - height * 0.4, y - 3, height * 0.8, 4), ORANGE)

    def vehicle(self, rect, body: Color, window: Color = (190, 215, 235)) -> None:
        """A boxy side-view vehicle (minibus or truck) filling `rect`."""
        r = pygame.Rect(rect)
        self.rect((r.left, r.top, r.width, r.height - 10), body, radius=8)
        for i in range(4):
            self.rect((r.left + 8 + i * (r.width - 16) / 4, r.top + 8, (r.width - 16) / 4 - 6, r.height * 0.3), window, radius=3)
        for wx in (r.left + r.width * 0.2, r.right - r.width * 0.2):
            self.circle((round(wx), r.bottom - 10), 10, BLACK)
            self.circle((round(wx), r.bottom - 10), 4, (170, 170, 170))

    def confetti(self, count: int = 60, seed: int = 7, colors: Sequence[Color] = (RED, GOLD, FB_BLUE, GREEN, ORANGE)) -> None:
        rng = random.Random(seed)
        for _ in range(count):
            x, y = rng.randrange(self.width), rng.randrange(self.height)
            color = colors[rng.randrange(len(colors))]
            self.rect((x, y, rng.randrange(4, 9), rng.randrange(3, 6)), color)

    def pixelate(self, rect, factor: int = 3) -> None:
        """Blur a region by scaling it down and up: the look of a copied, low-quality logo."""
        r = pygame.Rect(rect)
        part = self.surface.subsurface(r).copy()
        small = pygame.transform.smoothscale(part, (max(1, r.width // factor), max(1, r.height // factor)))
        self.surface.blit(pygame.transform.smoothscale(small, r.size), r.topleft)

    def circle_mark(self, rect, color: Color = RED, width: int = 3) -> None:
        """A hand-drawn-looking ellipse around something (used to point at a bad link)."""
        r = pygame.Rect(rect)
        pygame.draw.ellipse(self.surface, color, r, width)
        pygame.draw.ellipse(self.surface, color, r.inflate(6, 2).move(1, -1), 1)


# ---------------------------------------------------------------- output
def save(surface: pygame.Surface, path: Path | str) -> Path:
    """Save as PNG (deterministic for the same pygame version), creating folders as needed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surface, str(path))
    return path


def makers_table(fixed: dict[str, Callable[[Path], None]], per_language: dict[str, Callable[..., None]],
                 languages: Sequence[str] = ("en", "km")) -> dict[str, Callable[[Path], None]]:
    """A script's makers: `fixed` as given, then `<stem>.<lang>.png` for each language and each `per_language` stem."""
    result = dict(fixed)
    for lang in languages:
        for stem, make in per_language.items():
            result[f"{stem}.{lang}.png"] = partial(make, lang=lang)
    return result


def run_makers(makers: dict[str, Callable[[Path], None]], out_dir: Path | str,
               only: Iterable[str] | None = None) -> list[Path]:
    """Call each maker with its output path, print a line per image and return the paths written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    wanted = set(only) if only else None
    written = []
    for name, make in makers.items():
        if wanted and name not in wanted:
            continue
        target = out / name
        make(target)
        size = target.stat().st_size
        print(f"{target.relative_to(REPO_ROOT) if target.is_relative_to(REPO_ROOT) else target}  {size // 1024} KB")
        written.append(target)
    return written
