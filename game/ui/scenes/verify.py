"""The verify panel: the four SIFT-style tools for one post, each showing its time cost and, once used, its clue.

Choosing a tool (click, Enter on the focused tool, or keys 1-4) sends `UseTool` to the rules; the
clue comes back from the rules and is shown in the panel. Esc or Done closes the panel.

The tool list scrolls when the window is short: a tool that gets the keyboard focus is scrolled
wholly into view (with a margin), and a revealed clue is scrolled into view at once; the focus then
moves to Done, so the ring is never left on a tool cut off at the edge of the list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

import pygame

from game.app.present import VerifyView, present_verify
from game.app.round_driver import RoundDriver
from game.rules.commands import UseTool
from game.ui import theme as sizes
from game.ui.input import UserInput
from game.ui.parts import dialog_rect, draw_dialog, draw_toast, rejection_text, round_now
from game.ui.scene import Pop, Scene, Transition
from game.ui.scrolling import Scroller
from game.ui.widgets import Button, draw_focus_ring, draw_shade

if TYPE_CHECKING:
    from game.ui.context import Context


class VerifyScene(Scene):
    name = "verify"
    overlay = True

    def __init__(self, driver: RoundDriver, post_id: str) -> None:
        super().__init__()
        self.driver = driver
        self.post_id = post_id
        self.view: Optional[VerifyView] = None
        self.box = pygame.Rect(0, 0, 0, 0)
        self.scroller = Scroller()
        self.rows: list[tuple[str, int, int]] = []  # (tool, top, height) in content coordinates
        self.content: Optional[pygame.Surface] = None
        self.toast = ""
        self.toast_until = 0.0
        self.focus_key = "tool-source"
        self.row_margin = 8  # pixels kept around a tool scrolled into view (scaled in `layout`)
        self._reveal: Optional[str] = None

    def layout(self, ctx: "Context") -> None:
        m, tr, text = ctx.metrics, ctx.tr, ctx.text
        self.view = present_verify(self.driver.state, self.post_id, tr)
        self.box = dialog_rect(ctx, 640, m.height - m.px(40))
        pad = m.px(22)
        self.row_margin = m.px(8)
        inner = self.box.width - 2 * pad - m.px(sizes.SCROLLBAR_WIDTH)
        header_h = pad + text.line_height(sizes.FONT_TITLE) + text.line_height(sizes.FONT_SMALL) + m.px(10)
        button_h = m.px(sizes.BUTTON_HEIGHT)
        view_rect = pygame.Rect(self.box.x + pad, self.box.y + header_h, inner, self.box.height - header_h - button_h - 2 * pad)
        self.content = self._paint(ctx, inner)
        track = pygame.Rect(self.box.right - pad // 2 - m.px(sizes.SCROLLBAR_WIDTH), view_rect.y, m.px(sizes.SCROLLBAR_WIDTH), view_rect.height)
        self.scroller.line = m.px(40)
        self.scroller.set_geometry(view_rect, track, self.content.get_height())
        done_w = min(m.px(200), self.box.width - 2 * pad)
        self.done_button = Button("done", tr("Done"), pygame.Rect(self.box.right - pad - done_w, self.box.bottom - pad - button_h, done_w, button_h), ("done",), style="primary", hint="Esc")
        self.place_buttons()

    def on_focus_changed(self, button: Button) -> None:
        """Tab onto a tool: scroll it wholly into view."""
        self.scroll_to_tool(button.key, instant=False)

    def scroll_to_tool(self, key: str, instant: bool) -> None:
        row = next((r for r in self.rows if f"tool-{r[0]}" == key), None)
        if row is None:
            return
        self.scroller.ensure_visible(row[1], row[1] + row[2], self.row_margin)
        if instant:
            self.scroller.offset = self.scroller.target
            self.place_buttons()

    def place_buttons(self) -> None:
        view = self.scroller.view
        offset = int(self.scroller.offset)
        buttons = []
        assert self.view is not None
        for tool_view, (tool, top, height) in zip(self.view.tools, self.rows):
            rect = pygame.Rect(view.x, view.y + top - offset, view.width, height)
            buttons.append(Button(f"tool-{tool}", tool_view.name, rect, ("tool", tool), style="area", enabled=tool_view.available and not tool_view.used and not self.view.decided))
        self.buttons = buttons + [self.done_button]
        self._placed_offset = offset
        if self.focus_key not in {b.key for b in self.focusable()}:
            self.focus_key = next((b.key for b in self.focusable()), "done")

    def button_at(self, pos):
        for button in reversed(self.buttons):
            if button.key.startswith("tool-") and not self.scroller.view.collidepoint(pos):
                continue
            if button.rect.collidepoint(pos):
                return button
        return None

    def _paint(self, ctx: "Context", width: int) -> pygame.Surface:
        m, theme, text = ctx.metrics, ctx.theme, ctx.text
        assert self.view is not None
        pieces: list[tuple[pygame.Surface, tuple[int, int]]] = []
        boxes: list[tuple[pygame.Rect, bool, bool]] = []
        self.rows = []
        y = self.row_margin  # room above the first tool for its border and focus ring
        pad = m.px(12)
        digits = [ctx.tr.digits(str(index + 1)) for index in range(len(self.view.tools))]
        number_w = max([m.px(30)] + [text.measure(d, sizes.FONT_TITLE, bold=True)[0] + m.px(10) for d in digits])
        for index, tool in enumerate(self.view.tools):
            top = y
            enabled = tool.available and not tool.used and not self.view.decided
            name_colour = theme.text if tool.available else theme.muted
            number = text.render_line(ctx.tr.digits(str(index + 1)), sizes.FONT_TITLE, theme.accent if enabled else theme.muted, bold=True)
            cost = text.render_line(tool.cost_text, sizes.FONT_SMALL, theme.muted)
            name = text.render(tool.name, width - 2 * pad - number_w - cost.get_width() - m.px(8), sizes.FONT_BODY, name_colour, bold=True)
            pieces.append((number, (pad, y + pad)))
            pieces.append((name, (pad + number_w, y + pad)))
            pieces.append((cost, (width - pad - cost.get_width(), y + pad)))
            y += pad + name.get_height()
            question = text.render(tool.unavailable_text or tool.question, width - 2 * pad - number_w, sizes.FONT_SMALL, theme.muted)
            pieces.append((question, (pad + number_w, y)))
            y += question.get_height()
            if tool.used:
                clue = text.render(tool.clue, width - 2 * pad - number_w - 2 * m.px(10), sizes.FONT_BODY, theme.text)
                clue_box = pygame.Rect(pad + number_w, y + m.px(6), width - 2 * pad - number_w, clue.get_height() + 2 * m.px(8))
                boxes.append((clue_box, False, True))
                pieces.append((clue, (clue_box.x + m.px(10), clue_box.y + m.px(8))))
                y = clue_box.bottom
            y += pad
            boxes.insert(0, (pygame.Rect(0, top, width, y - top), enabled, False))
            self.rows.append((tool.tool, top, y - top))
            y += m.px(10)
        y += self.row_margin - m.px(10)  # the same room below the last tool
        content = pygame.Surface((width, max(1, y)), pygame.SRCALPHA)
        for rect, enabled, is_clue in boxes:
            if is_clue:
                pygame.draw.rect(content, theme.badge, rect, border_radius=m.px(6))
                pygame.draw.rect(content, theme.accent, pygame.Rect(rect.x, rect.y, m.px(4), rect.height))
            else:
                pygame.draw.rect(content, theme.card if enabled else theme.link_card, rect, border_radius=m.px(8))
                pygame.draw.rect(content, theme.card_border, rect, width=1, border_radius=m.px(8))
        for surface, pos in pieces:
            content.blit(surface, pos)
        return content

    def handle(self, user_input: UserInput, ctx: "Context") -> Optional[Transition]:
        if self.scroller.handle(user_input):
            return None
        return self.handle_widgets(user_input, ctx)

    def on_choose(self, index: int, ctx: "Context") -> Optional[Transition]:
        assert self.view is not None
        if 0 <= index < len(self.view.tools):
            return self.on_message(("tool", self.view.tools[index].tool), ctx)
        return None

    def on_message(self, message: Any, ctx: "Context") -> Optional[Transition]:
        if message[0] == "done":
            return Pop()
        if message[0] == "tool":
            step = self.driver.apply(UseTool(self.post_id, message[1]), round_now(ctx, self.driver))
            if self.driver.over:
                return Pop()
            if step.rejected is not None:
                self.toast = rejection_text(ctx, step.rejected.reason)
                self.toast_until = ctx.time + 2.5
            self.relayout()
            if step.rejected is None:
                self._reveal = message[1]
                self.focus_key = "done"  # the used tool can't be chosen again; Tab goes back to the tools
        return None

    def on_back(self, ctx: "Context") -> Optional[Transition]:
        return Pop()

    def update(self, dt: float, ctx: "Context") -> Optional[Transition]:
        if self._reveal is not None and self.rows:
            # At once, not eased: the clue has just appeared and is what the learner wants to read.
            self.scroll_to_tool(f"tool-{self._reveal}", instant=True)
            self._reveal = None
        self.scroller.update(dt)
        if int(self.scroller.offset) != self._placed_offset:
            self.place_buttons()
        return None

    def draw(self, surface: pygame.Surface, ctx: "Context") -> None:
        m, theme, text = ctx.metrics, ctx.theme, ctx.text
        assert self.view is not None and self.content is not None
        draw_shade(surface, ctx)
        draw_dialog(surface, self.box, ctx)
        pad = m.px(22)
        title = text.render_line(self.view.title, sizes.FONT_TITLE, theme.text, bold=True)
        surface.blit(title, (self.box.x + pad, self.box.y + pad))
        sub = self.view.author_line + (f"  ·  {self.view.time_left_text}" if self.view.time_left_text else "")
        surface.blit(text.render_line(sub, sizes.FONT_SMALL, theme.muted), (self.box.x + pad, self.box.y + pad + title.get_height()))
        view = self.scroller.view
        self.scroller.blit_content(surface, self.content)
        self._draw_scroll_edges(surface, ctx, view)
        clip = surface.get_clip()
        surface.set_clip(view)
        for button in self.buttons:
            if button.key.startswith("tool-"):
                if button.key == self.hover_key and button.enabled:
                    pygame.draw.rect(surface, theme.accent, button.rect, width=m.px(2), border_radius=m.px(8))
                if button.key == self.focus_key:
                    draw_focus_ring(surface, button.rect.inflate(-m.px(8), -m.px(8)), ctx, m.px(8))
        surface.set_clip(clip)
        self.scroller.draw(surface, ctx)
        self.draw_buttons(surface, ctx, [self.done_button])
        if self.toast and ctx.time < self.toast_until:
            draw_toast(surface, ctx, self.toast)

    def _draw_scroll_edges(self, surface: pygame.Surface, ctx: "Context", view: pygame.Rect) -> None:
        """A soft shadow at an edge of the list where more tools are hidden, so a tool cut by the
        edge reads as "scroll for more", not as a drawing fault."""
        height = ctx.metrics.px(10)
        key = ("verify-edge", view.width, height, ctx.theme.name)
        shades = ctx.cache.small.get(key)
        if shades is None:
            top = pygame.Surface((view.width, height), pygame.SRCALPHA)
            strength = 90 if ctx.theme.name == "light" else 200
            for row in range(height):
                alpha = int(strength * (1 - row / height) ** 2)
                shade = (0, 0, 0, alpha) if ctx.theme.name == "light" else (*ctx.theme.card, alpha)
                top.fill(shade, pygame.Rect(0, row, view.width, 1))
            shades = ctx.cache.small[key] = (top, pygame.transform.flip(top, False, True))
        if self.scroller.offset > 0.5:
            surface.blit(shades[0], view.topleft)
        if self.scroller.offset < self.scroller.max_offset - 0.5:
            surface.blit(shades[1], (view.x, view.bottom - height))
