"""The "why?" question when flagging: pick the techniques you saw from a short list, or "Not sure".

The list mixes the post's own techniques with plausible distractors (seeded, see
`present.reason_options`). It pops with `FlagReasons(post, reasons)`, or None when cancelled.
Keys: 1-9 tick an option, Enter flags, Esc cancels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

import pygame

from game.app.present import NOT_SURE, reason_options
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
        self.box = pygame.Rect(0, 0, 0, 0)
        self.focus_key = "flag"

    def layout(self, ctx: "Context") -> None:
        m, tr, text = ctx.metrics, ctx.tr, ctx.text
        self.options = reason_options(self.state, self.post_id, tr)
        pad = m.px(22)
        width = min(m.px(560), m.width - m.px(32))
        inner = width - 2 * pad
        row_h = max(m.px(40), text.line_height(sizes.FONT_BODY) + m.px(12))
        header = text.layout(tr("Why is this post misleading?"), inner, sizes.FONT_TITLE, bold=True).height
        header += text.layout(tr("Tick the tricks you noticed. You can tick more than one."), inner, sizes.FONT_SMALL).height + m.px(12)
        button_h = m.px(sizes.BUTTON_HEIGHT)
        gap = m.px(6)
        available = m.height - m.px(32) - 2 * pad - header - button_h - m.px(16)
        row_h = min(row_h, max(m.px(28), available // max(1, len(self.options)) - gap))
        height = pad + header + len(self.options) * (row_h + gap) + m.px(12) + button_h + pad
        self.box = dialog_rect(ctx, 560, height)
        self.header_h = header
        y = self.box.y + pad + header
        buttons = []
        for index, (technique, name) in enumerate(self.options):
            rect = pygame.Rect(self.box.x + pad, y, inner, row_h)
            buttons.append(Button(f"reason-{technique}", name, rect, ("toggle", technique), style="area", selected=technique in self.chosen))
            y += row_h + gap
        button_w = (inner - m.px(12)) // 2
        y = self.box.bottom - pad - button_h
        buttons.append(Button("cancel", tr("Cancel"), pygame.Rect(self.box.x + pad, y, button_w, button_h), ("cancel",), hint="Esc"))
        buttons.append(Button("flag", tr("Flag it"), pygame.Rect(self.box.right - pad - button_w, y, button_w, button_h), ("flag",), style="danger", hint="Enter"))
        self.buttons = buttons

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

    def on_choose(self, index: int, ctx: "Context") -> Optional[Transition]:
        if 0 <= index < len(self.options):
            self.toggle(self.options[index][0])
        return None

    def on_message(self, message: Any, ctx: "Context") -> Optional[Transition]:
        if message[0] == "toggle":
            self.toggle(message[1])
            return None
        if message[0] == "flag":
            return self.on_confirm(ctx)
        return Pop(None)

    def on_confirm(self, ctx: "Context") -> Optional[Transition]:
        reasons = tuple(t for t in self.chosen if t != NOT_SURE)
        return Pop(FlagReasons(self.post_id, reasons))

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
            label = text.render_line(button.label, sizes.FONT_BODY, theme.text, bold=button.selected)
            room = rect.width - box_side - m.px(60)
            surface.blit(label, (box.right + m.px(10), rect.centery - label.get_height() // 2), area=pygame.Rect(0, 0, room, label.get_height()))
            if button.key == self.focus_key:
                draw_focus_ring(surface, rect, ctx, m.px(6))
        self.draw_buttons(surface, ctx, [b for b in self.buttons if not b.key.startswith("reason-")])
