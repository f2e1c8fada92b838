"""The "why?" question when flagging: pick the techniques you saw from a short list, or "Not sure".

The list mixes the post's own techniques with plausible distractors (seeded, see
`present.reason_options`). Once the post was checked, a row of chips below asks what settled it
(`present.settled_options`: who is behind it, other outlets disagree, an old photo). It pops with
`FlagReasons(post, reasons, settled_by)`, or None when cancelled.
Keys: 1-9 tick an option, Tab reaches the chips, Enter flags (or ticks the focused one), Esc cancels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

import pygame

from game.app.present import NOT_SURE, reason_options, settled_options
from game.rules.state import RoundState
from game.ui import theme as sizes
from game.ui.messages import FlagReasons
from game.ui.parts import dialog_rect, draw_dialog
from game.ui.scene import Pop, Scene, Transition
from game.ui.widgets import Button, draw_checkbox, draw_focus_ring, draw_shade

if TYPE_CHECKING:
    from game.ui.context import Context


class ReasonsScene(Scene):
    name = "flag-reasons"
    overlay = True

    def __init__(self, state: RoundState, post_id: str) -> None:
        super().__init__()
        self.state = state
        self.post_id = post_id
        self.options: tuple[tuple[str, str], ...] = ()
        self.chosen: list[str] = []
        self.settled: list[str] = []
        self.chip_options: tuple[tuple[str, str], ...] = ()
        self.box = pygame.Rect(0, 0, 0, 0)
        self.focus_key = "flag"

    def layout(self, ctx: "Context") -> None:
        m, tr, text = ctx.metrics, ctx.tr, ctx.text
        self.options = reason_options(self.state, self.post_id, tr)
        self.chip_options = settled_options(self.state, self.post_id, tr)
        pad = m.px(22)
        width = min(m.px(560), m.width - m.px(32))
        inner = width - 2 * pad
        header = text.layout(tr("Why is this post misleading?"), inner, sizes.FONT_TITLE, bold=True).height
        header += text.layout(tr("Tick the tricks you noticed. You can tick more than one."), inner, sizes.FONT_SMALL).height + m.px(12)
        button_h = m.px(sizes.BUTTON_HEIGHT)
        chips = self._chip_rects(ctx, inner)
        chips_h = (max(rect.bottom for rect in chips) + m.px(12)) if chips else 0
        available = m.height - m.px(32) - 2 * pad - header - chips_h - button_h - m.px(16)
        options = self._option_rects(ctx, inner, available)
        options_h = max((rect.bottom for rect in options), default=0)
        self.box = dialog_rect(ctx, 560, pad + header + options_h + chips_h + m.px(12) + button_h + pad)
        self.header_h = header
        top = self.box.y + pad + header
        buttons = [Button(f"reason-{technique}", name, rect.move(self.box.x + pad, top), ("toggle", technique), style="area", selected=technique in self.chosen)
                   for (technique, name), rect in zip(self.options, options)]
        self.chips_top = top + options_h + m.px(6)
        for (key, label), rect in zip(self.chip_options, chips):
            buttons.append(Button(f"settled-{key}", label, rect.move(self.box.x + pad, self.chips_top), ("settle", key), style="area", selected=key in self.settled))
        button_w = (inner - m.px(12)) // 2
        y = self.box.bottom - pad - button_h
        buttons.append(Button("cancel", tr("Cancel"), pygame.Rect(self.box.x + pad, y, button_w, button_h), ("cancel",), hint="Esc"))
        buttons.append(Button("flag", tr("Flag it"), pygame.Rect(self.box.right - pad - button_w, y, button_w, button_h), ("flag",), style="danger", hint="Enter"))
        self.buttons = buttons

    def _option_rects(self, ctx: "Context", inner: int, available: int) -> list[pygame.Rect]:
        """The technique rows relative to the list's top: one column, or two when one would not fit."""
        m, text = ctx.metrics, ctx.text
        gap = m.px(6)
        count = max(1, len(self.options))
        wanted = max(m.px(40), text.line_height(sizes.FONT_BODY) + m.px(12))
        columns = 2 if count > 3 and count * (wanted + gap) > available else 1
        self.label_font = sizes.FONT_SMALL if columns == 2 else sizes.FONT_BODY  # half a row is narrow: smaller names
        rows = -(-count // columns)
        row_h = min(wanted, max(m.px(28), available // rows - gap))
        column_w = (inner - (columns - 1) * m.px(8)) // columns
        return [pygame.Rect((index // rows) * (column_w + m.px(8)), (index % rows) * (row_h + gap), column_w, row_h)
                for index in range(len(self.options))]

    def _chip_rects(self, ctx: "Context", inner: int) -> list[pygame.Rect]:
        """The chips' rectangles relative to the chip area: a heading line, then chips filling rows."""
        m, text = ctx.metrics, ctx.text
        if not self.chip_options:
            return []
        top = text.layout(ctx.tr("What settled it? (optional)"), inner, sizes.FONT_SMALL, bold=True).height + m.px(4)
        height = text.line_height(sizes.FONT_SMALL) + m.px(14)
        rects, x, y = [], 0, top
        for _, label in self.chip_options:
            width = min(inner, text.render_line("✓ " + label, sizes.FONT_SMALL, ctx.theme.text, bold=True).get_width() + m.px(24))
            if x and x + width > inner:
                x, y = 0, y + height + m.px(6)
            rects.append(pygame.Rect(x, y, width, height))
            x += width + m.px(8)
        return rects

    def settle(self, key: str) -> None:
        """Tick or untick a "what settled it" chip."""
        self.settled = [k for k in self.settled if k != key] if key in self.settled else self.settled + [key]
        for button in self.buttons:
            if button.key.startswith("settled-"):
                button.selected = button.message[1] in self.settled

    def toggle(self, technique: str) -> None:
        if technique in self.chosen:
            self.chosen.remove(technique)
        elif technique == NOT_SURE:
            self.chosen = [NOT_SURE]
        else:
            self.chosen = [t for t in self.chosen if t != NOT_SURE] + [technique]
        for button in self.buttons:
            if button.key.startswith("reason-"):
                button.selected = button.message[1] in self.chosen

    def activate(self, button: Button, ctx: "Context") -> Optional[Transition]:
        """A click on a tick box or chip ticks it and leaves the focus where it was, so Enter still flags."""
        if button.key.startswith(("reason-", "settled-")):
            return self.on_message(button.message, ctx) if button.enabled else None
        return super().activate(button, ctx)

    def on_choose(self, index: int, ctx: "Context") -> Optional[Transition]:
        if 0 <= index < len(self.options):
            self.toggle(self.options[index][0])
        return None

    def on_message(self, message: Any, ctx: "Context") -> Optional[Transition]:
        if message[0] == "toggle":
            self.toggle(message[1])
            return None
        if message[0] == "settle":
            self.settle(message[1])
            return None
        if message[0] == "flag":
            return self.on_confirm(ctx)
        return Pop(None)

    def on_confirm(self, ctx: "Context") -> Optional[Transition]:
        reasons = tuple(t for t in self.chosen if t != NOT_SURE)
        settled = tuple(key for key, _ in self.chip_options if key in self.settled)
        return Pop(FlagReasons(self.post_id, reasons, settled))

    def on_back(self, ctx: "Context") -> Optional[Transition]:
        return Pop(None)

    def draw(self, surface: pygame.Surface, ctx: "Context") -> None:
        m, theme, text, tr = ctx.metrics, ctx.theme, ctx.text, ctx.tr
        draw_shade(surface, ctx)
        draw_dialog(surface, self.box, ctx)
        pad = m.px(22)
        inner = self.box.width - 2 * pad
        y = self.box.y + pad
        title = text.render(tr("Why is this post misleading?"), inner, sizes.FONT_TITLE, theme.text, bold=True)
        surface.blit(title, (self.box.x + pad, y))
        y += title.get_height()
        surface.blit(text.render(tr("Tick the tricks you noticed. You can tick more than one."), inner, sizes.FONT_SMALL, theme.muted), (self.box.x + pad, y))
        for index, button in enumerate(b for b in self.buttons if b.key.startswith("reason-")):
            rect = button.rect
            background = theme.badge if button.selected else (theme.button if button.key == self.hover_key else theme.link_card)
            pygame.draw.rect(surface, background, rect, border_radius=m.px(6))
            box_side = min(m.px(20), rect.height - m.px(8))
            box = pygame.Rect(rect.x + m.px(10), rect.centery - box_side // 2, box_side, box_side)
            draw_checkbox(surface, box, button.selected, ctx)
            number = text.render_line(tr.digits(str(index + 1)), sizes.FONT_SMALL, theme.muted, bold=True)
            surface.blit(number, (rect.right - number.get_width() - m.px(10), rect.centery - number.get_height() // 2))
            label = text.render_line(button.label, self.label_font, theme.text, bold=button.selected)
            room = rect.width - box_side - number.get_width() - m.px(34)
            surface.blit(label, (box.right + m.px(10), rect.centery - label.get_height() // 2), area=pygame.Rect(0, 0, room, label.get_height()))
            if button.key == self.focus_key:
                draw_focus_ring(surface, rect, ctx, m.px(6))
        self._draw_chips(surface, ctx)
        self.draw_buttons(surface, ctx, [b for b in self.buttons if not b.key.startswith(("reason-", "settled-"))])

    def _draw_chips(self, surface: pygame.Surface, ctx: "Context") -> None:
        m, theme, text, tr = ctx.metrics, ctx.theme, ctx.text, ctx.tr
        chips = [b for b in self.buttons if b.key.startswith("settled-")]
        if not chips:
            return
        pad = m.px(22)
        surface.blit(text.render(tr("What settled it? (optional)"), self.box.width - 2 * pad, sizes.FONT_SMALL, theme.text, bold=True), (self.box.x + pad, self.chips_top))
        for button in chips:
            background = theme.badge if button.selected else (theme.button if button.key == self.hover_key else theme.link_card)
            pygame.draw.rect(surface, background, button.rect, border_radius=button.rect.height // 2)
            pygame.draw.rect(surface, theme.accent if button.selected else theme.card_border, button.rect, width=m.px(2) if button.selected else 1, border_radius=button.rect.height // 2)
            label = text.render_line(("✓ " if button.selected else "") + button.label, sizes.FONT_SMALL, theme.text, bold=True)
            surface.blit(label, (button.rect.centerx - label.get_width() // 2, button.rect.centery - label.get_height() // 2), area=pygame.Rect(0, 0, button.rect.width - m.px(8), label.get_height()))
            if button.key == self.focus_key:
                draw_focus_ring(surface, button.rect, ctx, button.rect.height // 2)
