"""The `search` and `page` screens: a small offline browser that verifying a post opens.

One scene draws the `game.app.browser.Browser` state: a bar with back, forward, the pinned post tab,
the time left and Close; a query box with Search; keyword chips from the post; "Check the account"
and "Search this picture"; and a scrolling body of blocks (`game.app.browser_view`). The screen is
named `search` while it shows results and `page` while it shows a page, an about card, a profile, a
picture's earlier appearances or the pinned post (screenshots `NN-search.png`, `NN-page.png`).

Keys: type in the query box and press Enter; Tab / Down / Up move between links, Enter opens one,
digits 1-8 open a result; Backspace or Left goes back, Right forward (outside the query box); Esc
closes. The mouse works the same. Moves go to the rules through the browser; nothing is drawn twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

import pygame

from game.app.browser import Browser
from game.app.browser_view import Block, Move, present_place, present_post_tab, time_line
from game.rules.commands import Tick
from game.ui import theme as sizes
from game.ui.input import Intent, UserInput
from game.ui.parts import draw_toast, rejection_text, round_now
from game.ui.scene import Pop, Scene, Transition
from game.ui.scrolling import Scroller
from game.ui.widgets import Button, draw_focus_ring

if TYPE_CHECKING:
    from game.ui.context import Context

TICK_EVERY = 0.5
BODY_MAX_WIDTH = 760
STYLE_SIZES = {"heading": sizes.FONT_TITLE, "meta": sizes.FONT_SMALL, "body": sizes.FONT_BODY, "result": sizes.FONT_BODY,
               "snippet": sizes.FONT_SMALL, "link": sizes.FONT_BODY, "note": sizes.FONT_SMALL, "quote": sizes.FONT_BODY}
BOLD_STYLES = ("heading", "result")


class BrowserScene(Scene):
    """The offline browser over the feed: full screen, the round goes on (time passes, pages cost time)."""

    holds_round = True

    def __init__(self, browser: Browser) -> None:
        super().__init__()
        self.browser = browser
        self.driver = browser.driver
        self.tab = "web"  # "web" or "post" (the pinned first tab)
        self.focus_key = "query"
        self.scroller = Scroller()
        self.field = pygame.Rect(0, 0, 0, 0)
        self.content: Optional[pygame.Surface] = None
        self.links: list[tuple[Block, int, int]] = []  # clickable blocks: (block, top, height) in content coordinates
        self.result_bottoms: list[int] = []
        self.seen_results = 0
        self.next_tick = 0.0
        self.toast = ""
        self.toast_until = 0.0

    @property
    def name(self) -> str:  # type: ignore[override]
        return "search" if self.tab == "web" and self.browser.place.kind == "results" else "page"

    # --- layout ---------------------------------------------------------------------------------
    def layout(self, ctx: "Context") -> None:
        m = ctx.metrics
        pad = m.px(16)
        bar_buttons, bar_h = self._bar(ctx)
        width = min(m.px(BODY_MAX_WIDTH), m.width - 2 * pad - m.px(sizes.SCROLLBAR_WIDTH))
        left = (m.width - width) // 2
        y = bar_h + m.px(10)
        search_w = min(m.px(140), width // 3)
        button_h = m.px(sizes.BUTTON_HEIGHT)
        self.field = pygame.Rect(left, y, width - search_w - m.px(8), button_h)
        row = [Button("query", ctx.tr("Search the web"), self.field, Move("focus-query"), style="area"),
               Button("search", ctx.tr("Search"), pygame.Rect(self.field.right + m.px(8), y, search_w, button_h), Move("search"), style="primary", hint="Enter")]
        chips, y = self._chip_row(ctx, left, width, self.field.bottom + m.px(8))
        self.fixed = bar_buttons + row + chips
        view = pygame.Rect(left, y + m.px(8), width, max(m.px(60), m.height - y - m.px(8) - pad))
        track = pygame.Rect(view.right + m.px(4), view.y, m.px(sizes.SCROLLBAR_WIDTH), view.height)
        self.content = self._paint(ctx, width)
        self.scroller.line = m.px(40)
        self.scroller.set_geometry(view, track, self.content.get_height())
        self.place_buttons()

    def _bar(self, ctx: "Context") -> tuple[list[Button], int]:
        m, tr, text = ctx.metrics, ctx.tr, ctx.text
        button_h = m.px(sizes.BUTTON_HEIGHT)
        bar_h = max(m.px(sizes.TOP_BAR_HEIGHT), button_h + m.px(10))
        top = (bar_h - button_h) // 2
        x = m.px(12)
        buttons = []
        for key, label, enabled in (("back", tr("Back"), self.browser.can_back()), ("forward", tr("Forward"), self.browser.can_forward())):
            width = text.measure(label, sizes.FONT_BODY, bold=True)[0] + m.px(24)
            buttons.append(Button(key, label, pygame.Rect(x, top, width, button_h), Move(key), enabled=enabled))
            x += width + m.px(6)
        x += m.px(8)
        for key, label in (("tab-post", tr("The post")), ("tab-web", tr("The web"))):
            width = text.measure(label, sizes.FONT_BODY, bold=True)[0] + m.px(28)
            buttons.append(Button(key, label, pygame.Rect(x, top, width, button_h), Move(key), style="choice", selected=self.tab == key[4:]))
            x += width + m.px(6)
        close_w = text.measure(tr("Close"), sizes.FONT_BODY, bold=True)[0] + text.measure("Esc", sizes.FONT_SMALL)[0] + m.px(40)
        buttons.append(Button("close", tr("Close"), pygame.Rect(m.width - m.px(12) - close_w, top, close_w, button_h), Move("close"), hint="Esc"))
        self.time_x = (x + m.px(10), buttons[-1].rect.x - m.px(10))
        return buttons, bar_h

    def _chip_row(self, ctx: "Context", left: int, width: int, y: int) -> tuple[list[Button], int]:
        """Keyword chips, then the account and picture checks, flowing onto as many lines as they need."""
        m, tr, text = ctx.metrics, ctx.tr, ctx.text
        height = text.line_height(sizes.FONT_BODY) + m.px(12)
        items = [(f"chip-{index}", chip, Move("chip", chip), "choice") for index, chip in enumerate(self.browser.chips())]
        items.append(("profile", tr("Check the account"), Move("profile"), "secondary"))
        if self.browser.has_picture():
            items.append(("picture", tr("Search this picture"), Move("picture"), "secondary"))
        buttons, x = [], left
        for key, label, move, style in items:
            w = min(width, text.measure(label, sizes.FONT_BODY)[0] + m.px(24))
            if x > left and x + w > left + width:
                x, y = left, y + height + m.px(6)
            buttons.append(Button(key, label, pygame.Rect(x, y, w, height), move, style=style, bold=False))
            x += w + m.px(6)
        return buttons, y + height

    def place_buttons(self) -> None:
        view, offset = self.scroller.view, int(self.scroller.offset)
        links = [Button(f"link-{index}", block.text, pygame.Rect(view.x, view.y + top - offset, view.width, height), block.move, style="area")
                 for index, (block, top, height) in enumerate(self.links)]
        self.buttons = self.fixed + links
        self._placed_offset = offset
        if self.focus_key not in {b.key for b in self.focusable()}:
            self.focus_key = "query"

    def button_at(self, pos):
        for button in reversed(self.buttons):
            if button.key.startswith("link-") and not self.scroller.view.collidepoint(pos):
                continue
            if button.rect.collidepoint(pos):
                return button
        return None

    def on_focus_changed(self, button: Button) -> None:
        if button.key.startswith("link-"):
            _, top, height = self.links[int(button.key[5:])]
            self.scroller.ensure_visible(top, top + height, ctx_margin(self.scroller))

    # --- painting the body --------------------------------------------------------------------
    def _paint(self, ctx: "Context", width: int) -> pygame.Surface:
        m, theme, text = ctx.metrics, ctx.theme, ctx.text
        blocks = present_post_tab(self.browser, ctx.tr) if self.tab == "post" else present_place(self.browser, ctx.tr)
        pieces, self.links, self.result_bottoms = [], [], []
        y, indent = m.px(6), m.px(12)
        for block in blocks:
            size = STYLE_SIZES[block.style]
            colour = theme.accent if block.move is not None else (theme.muted if block.style in ("meta", "note") else theme.text)
            inset = indent if block.style == "quote" else 0
            marks = tuple((a, b, theme.highlight) for a, b in block.marks)
            surface = text.render(block.text, width - inset - m.px(8), size, colour, bold=block.style in BOLD_STYLES, highlights=marks)
            gap = m.px(14) if block.style in ("heading", "result") and y > m.px(6) else m.px(4)
            y += gap
            pieces.append((block, surface, inset, y))
            if block.move is not None:
                self.links.append((block, y - m.px(3), surface.get_height() + m.px(6)))
            if block.style == "snippet":
                self.result_bottoms.append(y + surface.get_height())
            y += surface.get_height()
        content = pygame.Surface((width, max(1, y + m.px(10))), pygame.SRCALPHA)
        for block, surface, inset, top in pieces:
            if block.style == "quote":
                pygame.draw.rect(content, theme.card_border, pygame.Rect(0, top, m.px(4), surface.get_height()))
            content.blit(surface, (inset, top))
            if block.move is not None:
                pygame.draw.line(content, theme.accent, (inset, top + surface.get_height()), (inset + surface.get_width(), top + surface.get_height()))
        return content

    # --- input -----------------------------------------------------------------------------------
    def handle(self, user_input: UserInput, ctx: "Context") -> Optional[Transition]:
        intent = user_input.intent
        if self.focus_key == "query" and self.tab == "web":
            if intent is Intent.TEXT:
                self.browser.type_text(user_input.text)
                return None
            if intent is Intent.ERASE:
                self.browser.erase()
                return None
            if user_input.printable:
                return None
            if intent is Intent.CONFIRM:
                return self.on_message(Move("search"), ctx)
        elif intent in (Intent.ERASE, Intent.LEFT, Intent.RIGHT):
            return self.on_message(Move("forward" if intent is Intent.RIGHT else "back"), ctx)
        if intent in (Intent.NEXT_POST, Intent.PREV_POST) and self.links:
            self._step_link(1 if intent is Intent.NEXT_POST else -1)
            return None
        if self.scroller.handle_page(user_input):
            return None
        return self.handle_widgets(user_input, ctx)

    def _step_link(self, step: int) -> None:
        """Down / Up: the next or previous link of the body (from the query box, the first link)."""
        keys = [f"link-{index}" for index in range(len(self.links))]
        if self.focus_key in keys:
            index = min(max(0, keys.index(self.focus_key) + step), len(keys) - 1)
        else:
            index = 0 if step > 0 else len(keys) - 1
        self.focus_key = keys[index]
        button = self.button(self.focus_key)
        if button is not None:
            self.on_focus_changed(button)

    def on_choose(self, index: int, ctx: "Context") -> Optional[Transition]:
        found = self.browser.results
        if self.name == "search" and found is not None and 0 <= index < len(found.results):
            return self.on_message(Move("result", found.results[index].page, found.results[index].rank), ctx)
        return None

    def on_back(self, ctx: "Context") -> Optional[Transition]:
        return self.on_message(Move("close"), ctx)

    def on_message(self, message: Any, ctx: "Context") -> Optional[Transition]:
        if not isinstance(message, Move):
            return None
        now = round_now(ctx, self.driver)
        browser, kind = self.browser, message.kind
        if kind == "close":
            browser.close(now)
            return Pop()
        if kind in ("focus-query", "tab-post", "tab-web", "chip", "suggestion"):
            return self._local(message)
        moved = self._move(message, now)
        if self.driver.over:
            return Pop()
        if browser.rejected is not None and not moved:
            self.toast, self.toast_until = rejection_text(ctx, browser.rejected), ctx.time + 2.5
        if moved:
            self.tab = "web"
            self.seen_results = 0
            self.scroller.scroll_to(0, instant=True)
            self.focus_key = "link-0" if kind == "search" else self.focus_key
        self.relayout()
        return None

    def _local(self, message: Move) -> None:
        """Moves that stay on the screen: focus the query box, switch tabs, tap a chip or a suggestion."""
        if message.kind == "focus-query":
            self.tab, self.focus_key = "web", "query"
        elif message.kind in ("tab-post", "tab-web"):
            self.tab = message.kind[4:]
            self.scroller.scroll_to(0, instant=True)
        elif message.kind == "chip":
            self.tab = "web"
            self.browser.add_chip(message.key)
            self.focus_key = "query"
        else:
            self.browser.query, self.browser.query_source = message.key, "typed"
            self.focus_key = "search"
        self.relayout()
        return None

    def _move(self, message: Move, now: float) -> bool:
        browser, kind = self.browser, message.kind
        if kind == "search":
            return browser.search(now, shown=self._results_in_view())
        if kind in ("back", "forward"):
            return browser.back(now) if kind == "back" else browser.forward(now)
        if kind in ("result", "page"):
            return browser.open_page(message.key, now, rank=message.rank)
        if kind == "about":
            return browser.about(message.key, now)
        if kind == "domain":
            return browser.open_domain(message.key, now)
        if kind == "profile":
            return browser.profile(now)
        return kind == "picture" and browser.picture(now)

    def _results_in_view(self) -> int:
        """How many results the body shows at once without scrolling (sent with the query: `shown`)."""
        view_h = self.scroller.view.height
        per_result = max(1, (self.result_bottoms[0] if self.result_bottoms else view_h // 4))
        return max(1, view_h // per_result)

    # --- time and drawing ------------------------------------------------------------------------
    def update(self, dt: float, ctx: "Context") -> Optional[Transition]:
        if self.driver.state.time_limit is not None and ctx.time >= self.next_tick:
            self.next_tick = ctx.time + TICK_EVERY
            self.driver.apply(Tick(), round_now(ctx, self.driver))
            if self.driver.over:
                return Pop()
        self.scroller.update(dt)
        if int(self.scroller.offset) != getattr(self, "_placed_offset", 0):
            self.place_buttons()
        self._note_results_seen(ctx)
        return None

    def _note_results_seen(self, ctx: "Context") -> None:
        if self.name != "search" or not self.result_bottoms:
            return
        bottom = self.scroller.offset + self.scroller.view.height
        seen = sum(1 for end in self.result_bottoms if end <= bottom + 1)
        if seen > self.seen_results:
            self.seen_results = seen
            self.browser.saw_results(seen, round_now(ctx, self.driver))

    def draw(self, surface: pygame.Surface, ctx: "Context") -> None:
        m, theme, text = ctx.metrics, ctx.theme, ctx.text
        surface.fill(theme.page)
        bar_h = self.field.y - m.px(10)
        pygame.draw.rect(surface, theme.top_bar, pygame.Rect(0, 0, m.width, bar_h))
        pygame.draw.line(surface, theme.card_border, (0, bar_h - 1), (m.width, bar_h - 1))
        clock = text.render_line(time_line(self.browser, ctx.tr), sizes.FONT_SMALL, theme.top_bar_text)
        room = self.time_x[1] - self.time_x[0]
        surface.blit(clock, (self.time_x[0], (bar_h - clock.get_height()) // 2), pygame.Rect(0, 0, max(0, room), clock.get_height()))
        self._draw_query(surface, ctx)
        assert self.content is not None
        view = self.scroller.view
        pygame.draw.rect(surface, theme.card, view.inflate(m.px(16), m.px(8)), border_radius=m.px(8))
        self.scroller.blit_content(surface, self.content)
        self.scroller.draw(surface, ctx)
        self.draw_buttons(surface, ctx, [b for b in self.fixed if b.key != "query"])
        focused = self.button(self.focus_key) if self.focus_key else None
        if focused is not None and focused.key.startswith("link-") and view.colliderect(focused.rect):
            clip = surface.get_clip()
            surface.set_clip(view.inflate(m.px(8), m.px(8)))
            draw_focus_ring(surface, focused.rect, ctx, m.px(6))
            surface.set_clip(clip)
        if self.toast and ctx.time < self.toast_until:
            draw_toast(surface, ctx, self.toast)

    def _draw_query(self, surface: pygame.Surface, ctx: "Context") -> None:
        m, theme, text = ctx.metrics, ctx.theme, ctx.text
        editing = self.focus_key == "query" and self.tab == "web"
        pygame.draw.rect(surface, theme.card, self.field, border_radius=m.px(6))
        pygame.draw.rect(surface, theme.accent if editing else theme.card_border, self.field, width=m.px(2) if editing else 1, border_radius=m.px(6))
        query = self.browser.query
        shown = text.render_line(query or ctx.tr("Search the web"), sizes.FONT_BODY, theme.text if query else theme.muted)
        room = self.field.width - m.px(24)
        area = pygame.Rect(max(0, shown.get_width() - room) if query else 0, 0, room, shown.get_height())
        x = self.field.x + m.px(12)
        surface.blit(shown, (x, self.field.centery - shown.get_height() // 2), area)
        if editing and int(ctx.time * 2) % 2 == 0:
            caret = x + (min(shown.get_width(), room) if query else 0) + 1
            pygame.draw.line(surface, theme.text, (caret, self.field.y + m.px(8)), (caret, self.field.bottom - m.px(8)), 2)


def ctx_margin(scroller: Scroller) -> int:
    """The room kept around a link scrolled into view: a little of the text around it."""
    return max(4, scroller.line // 4)
