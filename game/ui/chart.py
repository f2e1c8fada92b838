"""The progress chart on the My history screen: score (as % of the maximum) and d′ per finished round.

`progress_points(attempts)` is pure (testable as data); `ProgressChart.surface(...)` paints the chart
with pygame drawing calls into a surface that is cached until the points, size, theme, language or
selected round change. The two series differ by colour, line style and marker shape (circle / square),
so the chart reads without colour too. Numbers are shown in the learner's digits.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional, Sequence

import pygame

from game.lang.i18n import localise_digits
from game.ui import theme as sizes

if TYPE_CHECKING:
    from game.store.history import Attempt
    from game.ui.context import Context

MAX_POINTS = 20  # the most recent finished rounds shown
D_PRIME_FLOOR = 3.0  # the d′ axis always reaches at least this high (a perfect small round is about 2-3)


@dataclass(frozen=True)
class ProgressPoint:
    attempt_id: str
    number: int  # 1 = the learner's first finished round
    score_percent: Optional[float]
    d_prime: Optional[float]


def progress_points(attempts: Sequence["Attempt"], limit: int = MAX_POINTS) -> list[ProgressPoint]:
    """The finished rounds, oldest first (at most the last `limit`), as chart points."""
    finished = [a for a in attempts if a.status == "finished" and a.counted]  # a round ended early counts nowhere
    points = []
    for number, attempt in enumerate(finished, start=1):
        percent = None
        if attempt.score is not None and attempt.max_score:
            percent = max(0.0, min(100.0, 100.0 * attempt.score / attempt.max_score))
        points.append(ProgressPoint(attempt.id, number, percent, attempt.d_prime))
    return points[-limit:]


def d_prime_range(points: Sequence[ProgressPoint]) -> tuple[float, float]:
    values = [p.d_prime for p in points if p.d_prime is not None]
    low = min([0.0] + values)
    high = max([D_PRIME_FLOOR] + values)
    return float(int(low) - (1 if low < int(low) else 0)), float(int(high) + (1 if high > int(high) else 0))


def _dashed(surface: pygame.Surface, colour: tuple, start: tuple[float, float], end: tuple[float, float], width: int, dash: int) -> None:
    (x1, y1), (x2, y2) = start, end
    length = max(1.0, ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5)
    steps = int(length // dash)
    for index in range(0, steps + 1, 2):
        a = index * dash / length
        b = min(1.0, (index + 1) * dash / length)
        pygame.draw.line(surface, colour, (x1 + (x2 - x1) * a, y1 + (y2 - y1) * a), (x1 + (x2 - x1) * b, y1 + (y2 - y1) * b), width)


class ProgressChart:
    """Paints the chart; keeps the last painted surface and repaints only when something changed."""

    def __init__(self) -> None:
        self._key: object = None
        self._surface: Optional[pygame.Surface] = None

    def surface(self, ctx: "Context", size: tuple[int, int], points: Sequence[ProgressPoint], selected: Optional[str]) -> pygame.Surface:
        key = (tuple(points), size, ctx.layout_token, selected)
        if key != self._key or self._surface is None:
            self._surface = self._paint(ctx, size, points, selected)
            self._key = key
        return self._surface

    @staticmethod
    def colours(ctx: "Context") -> tuple[tuple, tuple]:
        """(score colour, d′ colour): two hues that stay apart in both themes."""
        theme = ctx.theme
        return theme.accent, (theme.warn if theme.name == "light" else theme.badge_text)

    def _paint(self, ctx: "Context", size: tuple[int, int], points: Sequence[ProgressPoint], selected: Optional[str]) -> pygame.Surface:
        m, theme, text, tr = ctx.metrics, ctx.theme, ctx.text, ctx.tr
        width, height = max(1, size[0]), max(1, size[1])
        surface = pygame.Surface((width, height), pygame.SRCALPHA)
        score_colour, d_colour = self.colours(ctx)
        pad = m.px(10)
        small = sizes.FONT_SMALL
        line_h = text.line_height(small)

        # Legend: one row (two when the window is narrow).
        marker = m.px(5)
        x, y = pad, pad
        legend = []
        for label, colour, square in ((tr("Score (% of the maximum)"), score_colour, False), (tr("d' (discernment)"), d_colour, True)):
            words = text.render_line(label, small, theme.text, bold=True)
            item_w = 3 * marker + m.px(6) + words.get_width()
            if x > pad and x + item_w > width - pad:
                x, y = pad, y + line_h + m.px(2)
            legend.append((x, y, words, colour, square))
            x += item_w + m.px(20)
        for lx, ly, words, colour, square in legend:
            centre = (lx + marker + m.px(2), ly + line_h // 2)
            self._marker(surface, centre, marker, colour, square, ctx)
            surface.blit(words, (lx + 3 * marker + m.px(6), ly + (line_h - words.get_height()) // 2))
        top = y + line_h + m.px(10)

        if not points:
            note = text.render(tr("Your progress appears here after your first finished round."), width - 2 * pad, sizes.FONT_BODY, theme.muted, align="center")
            surface.blit(note, ((width - note.get_width()) // 2, top + max(0, (height - top - note.get_height()) // 2)))
            return surface

        low, high = d_prime_range(points)
        percent_labels = [tr.digits(f"{value}%") for value in (0, 50, 100)]
        d_labels = [self._number(ctx, value) for value in (low, (low + high) / 2, high)]
        left = pad + max(text.measure(label, small)[0] for label in percent_labels) + m.px(8)
        right = width - pad - max(text.measure(label, small)[0] for label in d_labels) - m.px(8)
        bottom = height - pad - line_h - m.px(4)
        plot = pygame.Rect(left, top, max(1, right - left), max(1, bottom - top))

        # Grid and axes.
        for index, value in enumerate((0, 25, 50, 75, 100)):
            gy = plot.bottom - plot.height * value / 100
            pygame.draw.line(surface, theme.card_border, (plot.left, gy), (plot.right, gy), 1)
        for index, value in enumerate((0, 50, 100)):
            gy = plot.bottom - plot.height * value / 100
            label = text.render_line(percent_labels[index], small, score_colour if theme.name != "light" else theme.muted)
            surface.blit(label, (left - m.px(6) - label.get_width(), gy - label.get_height() // 2))
            d_value = low + (high - low) * value / 100
            label = text.render_line(self._number(ctx, d_value), small, d_colour if theme.name != "light" else theme.muted)
            surface.blit(label, (right + m.px(6), gy - label.get_height() // 2))
        if low < 0 < high:  # d′ = 0 (chance) as a faint dashed line
            zero = plot.bottom - plot.height * (0 - low) / (high - low)
            _dashed(surface, theme.muted, (plot.left, zero), (plot.right, zero), 1, m.px(3))

        count = len(points)
        step = plot.width / max(1, count - 1) if count > 1 else 0
        xs = [plot.centerx] if count == 1 else [plot.left + i * step for i in range(count)]

        # The selected round: a band behind its column.
        for px, point in zip(xs, points):
            if point.attempt_id == selected:
                band = pygame.Rect(0, plot.top - m.px(4), max(m.px(14), min(m.px(40), int(step * 0.6)) if step else m.px(24)), plot.height + m.px(8))
                band.centerx = int(px)
                band = band.clip(pygame.Rect(plot.left - m.px(4), band.y, plot.width + m.px(8), band.height))  # off the axis labels
                pygame.draw.rect(surface, theme.badge, band, border_radius=m.px(4))
                pygame.draw.rect(surface, theme.accent, band, width=1, border_radius=m.px(4))

        # x labels: round numbers, thinned out so they never overlap.
        label_w = text.measure(tr.number(points[-1].number), small)[0] + m.px(10)
        every = max(1, int(label_w // step) + 1) if step else 1
        for index, (px, point) in enumerate(zip(xs, points)):
            if index % every and index != count - 1:
                continue
            label = text.render_line(tr.number(point.number), small, theme.text if point.attempt_id == selected else theme.muted, bold=point.attempt_id == selected)
            surface.blit(label, (int(px) - label.get_width() // 2, plot.bottom + m.px(4)))

        # The two series.
        line_w = max(2, m.px(2))
        score_xy = [(px, plot.bottom - plot.height * p.score_percent / 100) for px, p in zip(xs, points) if p.score_percent is not None]
        d_xy = [(px, plot.bottom - plot.height * (p.d_prime - low) / (high - low)) for px, p in zip(xs, points) if p.d_prime is not None]
        if len(score_xy) > 1:
            pygame.draw.lines(surface, score_colour, False, score_xy, line_w)
        for start, end in zip(d_xy, d_xy[1:]):
            _dashed(surface, d_colour, start, end, line_w, m.px(6))
        for centre in score_xy:
            self._marker(surface, centre, marker, score_colour, False, ctx)
        for centre in d_xy:
            self._marker(surface, centre, marker, d_colour, True, ctx)
        return surface

    @staticmethod
    def _number(ctx: "Context", value: float) -> str:
        return decimal_text(ctx.language, value, 1)

    @staticmethod
    def _marker(surface: pygame.Surface, centre: tuple[float, float], radius: int, colour: tuple, square: bool, ctx: "Context") -> None:
        cx, cy = int(centre[0]), int(centre[1])
        if square:
            rect = pygame.Rect(0, 0, 2 * radius, 2 * radius)
            rect.center = (cx, cy)
            pygame.draw.rect(surface, colour, rect)
            pygame.draw.rect(surface, ctx.theme.card, rect, width=1)
        else:
            pygame.draw.circle(surface, colour, (cx, cy), radius + 1)
            pygame.draw.circle(surface, ctx.theme.card, (cx, cy), radius + 1, width=1)


def decimal_text(language: str, value: float, places: int = 2) -> str:
    """A decimal in the learner's digits: "1.85" in English, "១,៨៥" in Khmer (CLDR km: comma decimal)."""

    text = f"{value:.{places}f}".replace("-", "−")
    if language == "km":
        text = text.replace(".", ",")
    return localise_digits(language, text)
