"""The briefing: what the round asks of the learner, and the controls, before the feed starts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Optional

import pygame

from game.lang.i18n import N_
from game.ui import theme as sizes
from game.ui.input import UserInput
from game.ui.parts import draw_top_bar
from game.ui.scene import Pop, Scene, Transition
from game.ui.scrolling import Scroller
from game.ui.widgets import Button, draw_panel

if TYPE_CHECKING:
    from game.scenario.model import LoadedScenario
    from game.ui.context import Context

CONTROLS = (
    (N_("J / K or Down / Up"), N_("Move to the next or previous post")),
    ("S", N_("Share the post with your friends")),
    ("F", N_("Flag it as misinformation or a scam")),
    ("V", N_("Verify: check the source, search, reverse image, fact-check")),
    ("N", N_("Not sure: skip the post")),
    ("C", N_("Open or close the comments")),
    (N_("Tab, Enter"), N_("Move between buttons, press the focused button")),
    ("Esc", N_("Go back or close a window")),
    (N_("Mouse"), N_("Click any button; scroll with the wheel or the scrollbar")),
)


class BriefingScene(Scene):
    name = "briefing"

    def __init__(self, loaded: "LoadedScenario", start: Callable[["Context"], Optional[Transition]], can_go_back: bool = True, place: Optional[tuple[int, int]] = None) -> None:
        super().__init__()
        self.loaded = loaded
        self.start = start  # the exit to the round (game.ui.graph)
        self.can_go_back = can_go_back  # a classroom session's briefing has no way back to a menu
        self.place = place  # (number, total) of the scenario in a session's playlist
        self.scroller = Scroller()
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.content: Optional[pygame.Surface] = None
        self.focus_key = "start"

    def _paragraphs(self, ctx: "Context") -> list[tuple[str, int, bool, tuple]]:
        tr, theme = ctx.tr, ctx.theme
        scenario = self.loaded.scenario
        posts = len(scenario.posts)
        parts = [(scenario.title, sizes.FONT_HEADING, True, theme.text)]
        if scenario.description:
            parts.append((scenario.description, sizes.FONT_BODY, False, theme.muted))
        parts.append((tr("Your task"), sizes.FONT_TITLE, True, theme.text))
        parts.append((tr("Your feed has {count} posts. Some are true and useful; some are misinformation or scams. For each post, decide:", count=posts), sizes.FONT_BODY, False, theme.text))
        parts.append((tr("• Share it if it is reliable and worth passing on.\n• Flag it if it is misleading or a scam, and say why.\n• Not sure: skip it when you cannot tell."), sizes.FONT_BODY, False, theme.text))
        parts.append((tr("Verify before you decide when a post makes you unsure. Checking takes time, just as it does in real life."), sizes.FONT_BODY, False, theme.text))
        if scenario.mode.value == "practice":
            parts.append((tr("Practice round: after each decision you will see whether you were right, and why."), sizes.FONT_BODY, True, theme.accent))
        else:
            parts.append((tr("Assessment round: you will see your results only at the end."), sizes.FONT_BODY, True, theme.accent))
        if scenario.time_limit_seconds:
            minutes = max(1, round(scenario.time_limit_seconds / 60))
            parts.append((tr("You have {minutes} minutes. Verify tools use up some of this time.", minutes=minutes), sizes.FONT_BODY, True, theme.warn))
        parts.append((tr("Controls"), sizes.FONT_TITLE, True, theme.text))
        return parts

    def layout(self, ctx: "Context") -> None:
        m, tr = ctx.metrics, ctx.tr
        bar = m.px(sizes.TOP_BAR_HEIGHT)
        margin = m.px(20)
        width = min(m.px(760), m.width - 2 * margin)
        button_h = m.px(sizes.BUTTON_HEIGHT)
        self.panel = pygame.Rect((m.width - width) // 2, bar + margin, width, m.height - bar - 3 * margin - button_h)
        inner = width - 2 * m.px(24)
        self.content = self._paint_content(ctx, inner)
        view = self.panel.inflate(-2 * m.px(24), -2 * m.px(16))
        track = pygame.Rect(self.panel.right - m.px(sizes.SCROLLBAR_WIDTH) - m.px(4), self.panel.y + m.px(8), m.px(sizes.SCROLLBAR_WIDTH), self.panel.height - m.px(16))
        self.scroller.line = m.px(40)
        self.scroller.set_geometry(view, track, self.content.get_height())
        button_w = min(m.px(220), (width - m.px(12)) // 2)
        y = self.panel.bottom + margin
        self.buttons = [
            Button("back", tr("Back"), pygame.Rect(self.panel.x, y, button_w, button_h), "back", hint="Esc"),
            Button("start", tr("Start the round"), pygame.Rect(self.panel.right - button_w, y, button_w, button_h), "start", style="primary", hint="Enter"),
        ]
        if not self.can_go_back:
            self.buttons = [b for b in self.buttons if b.key != "back"]

    def _paint_content(self, ctx: "Context", width: int) -> pygame.Surface:
        m, text, theme, tr = ctx.metrics, ctx.text, ctx.theme, ctx.tr
        blocks: list[tuple[pygame.Surface, int, int]] = []
        y = 0
        for words, size, bold, colour in self._paragraphs(ctx):
            if size in (sizes.FONT_TITLE,) and blocks:
                y += m.px(10)
            surface = text.render(words, width, size, colour, bold=bold)
            blocks.append((surface, 0, y))
            y += surface.get_height() + m.px(8)
        key_w = max(text.measure(tr(key), sizes.FONT_BODY, bold=True)[0] for key, _ in CONTROLS) + m.px(24)
        key_w = min(key_w, width // 3)
        for key, meaning in CONTROLS:
            key_surface = text.render(tr(key), key_w - m.px(12), sizes.FONT_BODY, theme.accent, bold=True)
            meaning_surface = text.render(tr(meaning), width - key_w, sizes.FONT_BODY, theme.text)
            blocks.append((key_surface, 0, y))
            blocks.append((meaning_surface, key_w, y))
            y += max(key_surface.get_height(), meaning_surface.get_height()) + m.px(4)
        content = pygame.Surface((width, max(1, y)), pygame.SRCALPHA)
        for surface, x, top in blocks:
            content.blit(surface, (x, top))
        return content

    def handle(self, user_input: UserInput, ctx: "Context") -> Optional[Transition]:
        if self.scroller.handle_page(user_input):
            return None
        return self.handle_widgets(user_input, ctx)

    def on_message(self, message: Any, ctx: "Context") -> Optional[Transition]:
        if message == "start":
            return self.on_confirm(ctx)
        return self.on_back(ctx)

    def on_back(self, ctx: "Context") -> Optional[Transition]:
        return Pop() if self.can_go_back else None

    def on_confirm(self, ctx: "Context") -> Optional[Transition]:
        return self.start(ctx)

    def update(self, dt: float, ctx: "Context") -> Optional[Transition]:
        self.scroller.update(dt)
        return None

    def draw(self, surface: pygame.Surface, ctx: "Context") -> None:
        surface.fill(ctx.theme.page)
        draw_top_bar(surface, ctx, ctx.tr("Before you start"))
        draw_panel(surface, self.panel, ctx, radius=10)
        if self.content is not None:
            self.scroller.blit_content(surface, self.content)
        self.scroller.draw(surface, ctx)
        self.draw_buttons(surface, ctx)
        if self.place is not None:
            m = ctx.metrics
            words = ctx.tr("Scenario {number} of {total}", number=self.place[0], total=self.place[1])
            label = ctx.text.render_line(words, sizes.FONT_BODY, ctx.theme.text, bold=True)
            bar = m.px(sizes.TOP_BAR_HEIGHT)
            surface.blit(label, (m.width - m.px(20) - label.get_width(), (bar - label.get_height()) // 2))
