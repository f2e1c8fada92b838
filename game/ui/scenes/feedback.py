"""Practice-mode feedback after each decision: right or wrong, the technique(s), the post with its
evidence highlighted, the explanation and a tip. Enter or Continue closes it. (Assessment rounds
never show this scene: the rules send no feedback there.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

import pygame

from game.app.present import FeedbackView
from game.ui import theme as sizes
from game.ui.cards import card_surface
from game.ui.input import UserInput
from game.ui.parts import Document, dialog_rect, draw_dialog, draw_mark
from game.ui.scene import Pop, Scene, Transition
from game.ui.scrolling import Scroller
from game.ui.widgets import Button, draw_shade

if TYPE_CHECKING:
    from game.ui.context import Context


class FeedbackScene(Scene):
    name = "feedback"
    overlay = True

    def __init__(self, view: FeedbackView) -> None:
        super().__init__()
        self.view = view
        self.box = pygame.Rect(0, 0, 0, 0)
        self.scroller = Scroller()
        self.page: Optional[pygame.Surface] = None
        self.focus_key = "continue"

    def layout(self, ctx: "Context") -> None:
        m, tr, text, theme = ctx.metrics, ctx.tr, ctx.text, ctx.theme
        view = self.view
        self.box = dialog_rect(ctx, 700, m.height - m.px(32))
        pad = m.px(22)
        header_h = pad + max(m.px(44), text.line_height(sizes.FONT_HEADING)) + m.px(8)
        button_h = m.px(sizes.BUTTON_HEIGHT)
        inner = self.box.width - 2 * pad - m.px(sizes.SCROLLBAR_WIDTH) - m.px(6)
        doc = Document(ctx, inner)
        doc.text(view.summary, sizes.FONT_BODY, theme.text, bold=True)
        doc.text(view.points_text + (f"  ·  {view.reasons_line}" if view.reasons_line else ""), sizes.FONT_SMALL, theme.muted)
        if view.techniques:
            doc.gap(4)
            doc.text(tr("Technique used"), sizes.FONT_SMALL, theme.muted, bold=True, gap=4)
            doc.badges([(t.name, t.named) for t in view.techniques])
        doc.gap(2)
        card = card_surface(view.post, inner, False, ctx, show_actions=False)
        doc.surface(card, 0, gap=10)
        if view.techniques:
            doc.text(tr("The evidence is highlighted in the post."), sizes.FONT_SMALL, theme.muted, gap=8)
            for technique in view.techniques:
                doc.text(tr("{name}: {note}", name=technique.name, note=technique.note), sizes.FONT_BODY, theme.text, gap=4)
        if view.lesson:
            doc.text(view.lesson, sizes.FONT_BODY, theme.accent, bold=True, gap=6)
        doc.text(view.explanation, sizes.FONT_BODY, theme.text, gap=10)
        if view.tip:
            doc.text(tr("Tip: {tip}", tip=view.tip), sizes.FONT_BODY, theme.accent, bold=True, gap=6)
        self.page = doc.build()
        view_rect = pygame.Rect(self.box.x + pad, self.box.y + header_h, inner, self.box.height - header_h - button_h - 2 * pad)
        track = pygame.Rect(self.box.right - pad // 2 - m.px(sizes.SCROLLBAR_WIDTH), view_rect.y, m.px(sizes.SCROLLBAR_WIDTH), view_rect.height)
        self.scroller.line = m.px(40)
        self.scroller.set_geometry(view_rect, track, self.page.get_height())
        width = min(m.px(240), self.box.width - 2 * pad)
        self.buttons = [Button("continue", tr("Continue"), pygame.Rect(self.box.right - pad - width, self.box.bottom - pad - button_h, width, button_h), ("continue",), style="primary", hint="Enter")]

    def handle(self, user_input: UserInput, ctx: "Context") -> Optional[Transition]:
        if self.scroller.handle_page(user_input):
            return None
        return self.handle_widgets(user_input, ctx)

    def on_message(self, message: Any, ctx: "Context") -> Optional[Transition]:
        return Pop()

    def on_back(self, ctx: "Context") -> Optional[Transition]:
        return Pop()

    def update(self, dt: float, ctx: "Context") -> Optional[Transition]:
        self.scroller.update(dt)
        return None

    def draw(self, surface: pygame.Surface, ctx: "Context") -> None:
        m, theme, text = ctx.metrics, ctx.theme, ctx.text
        draw_shade(surface, ctx)
        draw_dialog(surface, self.box, ctx)
        pad = m.px(22)
        radius = m.px(20)
        draw_mark(surface, (self.box.x + pad + radius, self.box.y + pad + radius), radius, self.view.correct, ctx)
        headline = text.render_line(self.view.headline, sizes.FONT_HEADING, theme.good if self.view.correct else theme.bad, bold=True)
        surface.blit(headline, (self.box.x + pad + 2 * radius + m.px(12), self.box.y + pad + radius - headline.get_height() // 2))
        if self.page is not None:
            self.scroller.blit_content(surface, self.page)
        self.scroller.draw(surface, ctx)
        self.draw_buttons(surface, ctx)
