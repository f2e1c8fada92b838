"""Drawing parts the scenes share: dialog boxes, the top bar, toasts, marks, a line fitted to a
table cell, and `Document` (a scrolling page built paragraph by paragraph), and `MessageScene`, the one-button
page a screen subclasses (the quick-check intro, the thank-you screen).

Parts only paint or measure; they hold no scene logic and open no screen. The dialogs (yes/no,
one-button message page) are in `game.ui.dialogs`; the way from one screen to the next is wired in
`game.ui.graph`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

import pygame

from game.app.round_driver import RoundDriver
from game.lang.i18n import N_
from game.ui import theme as sizes
from game.ui.scene import Scene, Transition
from game.ui.scrolling import Scroller
from game.ui.widgets import Button, draw_check, draw_panel, draw_shade

if TYPE_CHECKING:
    from game.ui.context import Context
    from game.ui.input import UserInput


def round_now(ctx: "Context", driver: RoundDriver) -> float:
    """Seconds since the round started, by the app's clock (what the rules get as `now`)."""
    return max(0.0, ctx.time - driver.clock_origin)


def fit_line(ctx: "Context", words: str, size: int, room: int, bold: bool = False) -> str:
    """`words`, shortened with "…" when one line of them is wider than `room` pixels (a table cell)."""
    text = ctx.text
    if room <= 0 or text.measure(words, size, bold=bold)[0] <= room:
        return words
    low, high = 0, len(words)  # the longest start that fits with the ellipsis
    while low < high:
        middle = (low + high + 1) // 2
        if text.measure(words[:middle].rstrip() + "…", size, bold=bold)[0] <= room:
            low = middle
        else:
            high = middle - 1
    return words[:low].rstrip().rstrip("\u17d2") + "…"  # never leave a Khmer COENG without its consonant


def button_height(ctx: "Context") -> int:
    """A button tall enough for its label at the learner's text size (never below the standard height)."""
    return max(ctx.metrics.px(sizes.BUTTON_HEIGHT), ctx.text.font(sizes.FONT_BODY, bold=True).get_height() + ctx.metrics.px(8))


def dialog_rect(ctx: "Context", base_width: int, height: int) -> pygame.Rect:
    """A centred dialog box, as wide as asked but never wider or taller than the window allows."""
    m = ctx.metrics
    width = min(m.px(base_width), m.width - m.px(32))
    height = min(height, m.height - m.px(32))
    return pygame.Rect((m.width - width) // 2, (m.height - height) // 2, width, height)


def draw_dialog(surface: pygame.Surface, rect: pygame.Rect, ctx: "Context") -> None:
    draw_panel(surface, rect, ctx, radius=12)


def question_height(ctx: "Context", title: str, detail: str, inner: int) -> int:
    """How tall a dialog's top padding, bold title and muted detail sentence (if any) are, `inner` pixels wide."""
    m, text = ctx.metrics, ctx.text
    height = m.px(24) + text.layout(title, inner, sizes.FONT_TITLE, bold=True).height
    if detail:
        height += m.px(8) + text.layout(detail, inner, sizes.FONT_BODY).height
    return height


def draw_question_dialog(surface: pygame.Surface, ctx: "Context", box: pygame.Rect, title: str, detail: str) -> None:
    """A dialog box over the shaded scene below, with its bold title and muted detail sentence (not its buttons)."""
    m = ctx.metrics
    draw_shade(surface, ctx)
    draw_dialog(surface, box, ctx)
    inner = box.width - 2 * m.px(24)
    y = box.y + m.px(24)
    title_surface = ctx.text.render(title, inner, sizes.FONT_TITLE, ctx.theme.text, bold=True)
    surface.blit(title_surface, (box.x + m.px(24), y))
    y += title_surface.get_height() + m.px(8)
    if detail:
        surface.blit(ctx.text.render(detail, inner, sizes.FONT_BODY, ctx.theme.muted), (box.x + m.px(24), y))


def draw_top_bar(surface: pygame.Surface, ctx: "Context", title: str = "") -> int:
    """The app bar with the Feedwise name; returns its height."""
    m = ctx.metrics
    height = m.px(sizes.TOP_BAR_HEIGHT)
    bar = pygame.Rect(0, 0, m.width, height)
    pygame.draw.rect(surface, ctx.theme.top_bar, bar)
    pygame.draw.line(surface, ctx.theme.card_border, (0, height - 1), (m.width, height - 1))
    logo = ctx.text.render_line("feedwise", sizes.FONT_TITLE + 2, ctx.theme.top_bar_text, bold=True)
    surface.blit(logo, (m.px(16), (height - logo.get_height()) // 2))
    if title:
        label = ctx.text.render_line(title, sizes.FONT_BODY, ctx.theme.muted, bold=True)
        surface.blit(label, (m.px(16) + logo.get_width() + m.px(16), (height - label.get_height()) // 2))
    return height


def draw_toast(surface: pygame.Surface, ctx: "Context", message: str) -> None:
    """A short note at the bottom of the window (e.g. why an action was not possible)."""
    if not message:
        return
    m = ctx.metrics
    text = ctx.text.render(message, min(m.px(600), m.width - m.px(60)), sizes.FONT_BODY, (255, 255, 255), align="center")
    box = pygame.Rect(0, 0, text.get_width() + m.px(32), text.get_height() + m.px(16))
    box.midbottom = (m.width // 2, m.height - m.px(20))
    pygame.draw.rect(surface, (40, 40, 45), box, border_radius=m.px(8))
    if ctx.theme.name != "light":
        pygame.draw.rect(surface, ctx.theme.card_border, box, width=2, border_radius=m.px(8))
    surface.blit(text, (box.x + m.px(16), box.y + m.px(8)))


REJECTION_TEXT = {
    "round-over": N_("The round is over."),
    "already-decided": N_("You have already decided this post."),
    "tool-after-decision": N_("You can only verify a post before you decide."),
    "no-image": N_("This post has no picture to search for."),
    "tool-already-used": N_("You have already used this tool on this post."),
}


def rejection_text(ctx: "Context", reason: str) -> str:
    return ctx.tr(REJECTION_TEXT.get(reason, N_("That is not possible right now.")))


class Document:
    """A tall, scrollable page built block by block (used by the feedback card and the debrief)."""

    def __init__(self, ctx: "Context", width: int) -> None:
        self.ctx = ctx
        self.width = width
        self.y = 0
        self.items: list[tuple[str, object, tuple[int, int]]] = []

    def text(self, words: str, size: int = sizes.FONT_BODY, colour: Optional[tuple] = None, bold: bool = False, indent: int = 0, highlights: tuple = (), gap: int = 6) -> None:
        if not words:
            return
        surface = self.ctx.text.render(words, self.width - indent, size, colour or self.ctx.theme.text, bold=bold, highlights=highlights)
        self.surface(surface, indent, gap)

    def surface(self, surface: pygame.Surface, x: int = 0, gap: int = 6) -> None:
        self.items.append(("blit", surface, (x, self.y)))
        self.y += surface.get_height() + self.ctx.metrics.px(gap)

    def gap(self, pixels: int) -> None:
        self.y += self.ctx.metrics.px(pixels)

    def rule(self) -> None:
        self.items.append(("rule", None, (0, self.y)))
        self.y += self.ctx.metrics.px(12)

    def badges(self, labels: list[tuple[str, bool]], gap: int = 8) -> None:
        """Technique badges (pills) that wrap onto several rows; `True` marks a highlighted badge."""
        m, theme, text = self.ctx.metrics, self.ctx.theme, self.ctx.text
        x = 0
        row_h = text.line_height(sizes.FONT_SMALL) + m.px(8)
        for label, strong in labels:
            surface = text.render_line(label, sizes.FONT_SMALL, theme.badge_text, bold=True)
            width = min(surface.get_width() + m.px(20), self.width)
            if x and x + width > self.width:
                x = 0
                self.y += row_h + m.px(6)
            self.items.append(("badge", (surface, width, row_h, strong), (x, self.y)))
            x += width + m.px(8)
        if labels:
            self.y += row_h + m.px(gap)

    def build(self) -> pygame.Surface:
        m, theme = self.ctx.metrics, self.ctx.theme
        page = pygame.Surface((self.width, max(1, self.y)), pygame.SRCALPHA)
        for kind, item, (x, y) in self.items:
            if kind == "blit":
                page.blit(item, (x, y))
            elif kind == "rule":
                pygame.draw.line(page, theme.card_border, (0, y + m.px(4)), (self.width, y + m.px(4)))
            elif kind == "badge":
                surface, width, height, strong = item
                rect = pygame.Rect(x, y, width, height)
                pygame.draw.rect(page, theme.badge, rect, border_radius=height // 2)
                pygame.draw.rect(page, theme.accent if strong else theme.badge_text, rect, width=m.px(2) if strong else 1, border_radius=height // 2)
                page.blit(surface, (x + m.px(10), y + (height - surface.get_height()) // 2), area=pygame.Rect(0, 0, width - m.px(20), surface.get_height()))
        return page


def draw_mark(surface: pygame.Surface, centre: tuple[int, int], radius: int, good: bool, ctx: "Context") -> None:
    """A round tick (right) or cross (wrong) mark."""

    colour = ctx.theme.good if good else ctx.theme.bad
    pygame.draw.circle(surface, colour, centre, radius)
    ink = (255, 255, 255) if ctx.theme.name == "light" else (0, 0, 0)
    box = pygame.Rect(centre[0] - radius, centre[1] - radius, 2 * radius, 2 * radius)
    if good:
        draw_check(surface, box, ink, max(2, radius // 4))
    else:
        inset = radius * 0.45
        width = max(2, radius // 4)
        pygame.draw.line(surface, ink, (box.x + inset, box.y + inset), (box.right - inset, box.bottom - inset), width)
        pygame.draw.line(surface, ink, (box.x + inset, box.bottom - inset), (box.right - inset, box.y + inset), width)


class MessageScene(Scene):
    """A page with a centred panel of paragraphs and one primary button at its bottom right (the
    quick-check intro, the thank-you screen). With large text the panel first grows wider (up to the
    window), then scrolls, so no sentence is ever cut off.

    A subclass sets `bar_title` and `button_label` (msgids marked with N_), `button_key` and
    `panel_width`, writes `_paragraphs` and `on_confirm`; Enter or the button calls `on_confirm`,
    Esc does nothing."""

    bar_title = ""
    button_label = ""
    button_key = "ok"
    panel_width = 620

    def __init__(self) -> None:
        super().__init__()
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.content: Optional[pygame.Surface] = None
        self.scroller = Scroller()
        self.focus_key = self.button_key

    def _paragraphs(self, ctx: "Context") -> list[tuple[str, int, bool, tuple]]:
        """(words, size, bold, colour) for each paragraph, top to bottom."""
        raise NotImplementedError

    def layout(self, ctx: "Context") -> None:
        m, text = ctx.metrics, ctx.text
        label = ctx.tr(self.button_label)
        bar = m.px(sizes.TOP_BAR_HEIGHT)
        pad = m.px(28)
        button_h = max(m.px(sizes.BUTTON_HEIGHT), text.font(sizes.FONT_BODY, bold=True).get_height() + m.px(10))
        room = m.height - bar - 2 * m.px(16)
        widest = m.width - 2 * m.px(24)
        width = min(m.px(self.panel_width), widest)
        paragraphs = self._paragraphs(ctx)
        while True:
            inner = width - 2 * pad
            blocks, y = [], 0
            for words, size, bold, colour in paragraphs:
                surface = text.render(words, inner, size, colour, bold=bold)
                blocks.append((surface, y))
                y += surface.get_height() + m.px(12)
            if pad + y + button_h + pad <= room or width >= widest:
                break
            width = min(widest, width + m.px(100))
        self.content = pygame.Surface((inner, max(1, y)), pygame.SRCALPHA)
        for surface, top in blocks:
            self.content.blit(surface, (0, top))
        height = min(room, pad + y + button_h + pad)
        self.panel = pygame.Rect((m.width - width) // 2, bar + m.px(16) + max(0, (room - height) // 2), width, height)
        button_w = min(inner, max(m.px(260), text.measure(label + "  (Enter)", sizes.FONT_BODY, bold=True)[0] + m.px(24)))
        button = pygame.Rect(self.panel.right - pad - button_w, self.panel.bottom - pad - button_h, button_w, button_h)
        view = pygame.Rect(self.panel.x + pad, self.panel.y + pad, inner, max(1, button.y - m.px(12) - (self.panel.y + pad)))
        track = pygame.Rect(self.panel.right - m.px(18), view.y, m.px(8), view.height)
        self.scroller.line = m.px(40)
        self.scroller.set_geometry(view, track, self.content.get_height() - m.px(12))
        self.buttons = [Button(self.button_key, label, button, (self.button_key,), style="primary", hint="Enter")]

    def handle(self, user_input: "UserInput", ctx: "Context") -> Optional[Transition]:
        if self.scroller.handle_page(user_input):  # wheel, Page Up/Down, Home/End, Up/Down
            return None
        return self.handle_widgets(user_input, ctx)

    def update(self, dt: float, ctx: "Context") -> Optional[Transition]:
        self.scroller.update(dt)
        return None

    def on_message(self, message: Any, ctx: "Context") -> Optional[Transition]:
        return self.on_confirm(ctx)

    def on_back(self, ctx: "Context") -> Optional[Transition]:
        return None

    def draw(self, surface: pygame.Surface, ctx: "Context") -> None:
        surface.fill(ctx.theme.page)
        draw_top_bar(surface, ctx, ctx.tr(self.bar_title))
        draw_panel(surface, self.panel, ctx, radius=12)
        if self.content is not None:
            self.scroller.blit_content(surface, self.content)
        self.scroller.draw(surface, ctx)
        self.draw_buttons(surface, ctx)
