"""The start of a classroom session: each trainee types a name or ID (and may switch the language).

The scene pops with the typed name (spaces tidied). It shows the session code and what the session
holds (the scenarios, the quick check) so a trainee knows what to expect. In a kiosk there is no Quit
button and Esc does nothing: only the facilitator's key combination leaves (see docs/sessions.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Optional, Sequence

import pygame

from game.ui import theme as sizes
from game.ui.dialogs import ConfirmScene
from game.ui.input import Intent, UserInput
from game.ui.parts import draw_toast, draw_top_bar
from game.ui.scene import Pop, Push, Scene, Transition
from game.ui.widgets import Button, draw_panel

if TYPE_CHECKING:
    from game.ui.context import Context

MAX_NAME = 40
LANGUAGE_NAMES = {"en": "English", "km": "ខ្មែរ"}  # each language in its own script: never translated


class NameEntryScene(Scene):
    name = "name-entry"

    def __init__(self, session_code: str, titles_for: Optional[Callable[[str], list[str]]] = None, checks: Sequence[str] = (), kiosk: bool = False) -> None:
        """`titles_for(language)`: the playlist's scenario titles in that language."""
        super().__init__()
        self.session_code = session_code
        self.titles_for = titles_for
        self.checks = tuple(checks)
        self.kiosk = kiosk
        self.typed = ""
        self.focus_key = "name"
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.field = pygame.Rect(0, 0, 0, 0)
        self.toast = ""
        self.toast_until = 0.0

    # --- layout ---------------------------------------------------------------------------
    def _about(self, ctx: "Context") -> list[str]:
        tr = ctx.tr
        lines = []
        titles = self.titles_for(ctx.language) if self.titles_for else []
        if titles:
            lines.append(tr("You will play: {titles}", titles=", ".join(titles)))
        if self.checks == ("pre", "post"):
            lines.append(tr("Before and after the scenarios, a short quick check."))
        elif self.checks == ("pre",):
            lines.append(tr("Before the scenarios, a short quick check."))
        elif self.checks == ("post",):
            lines.append(tr("After the scenarios, a short quick check."))
        return lines

    def layout(self, ctx: "Context") -> None:
        m, tr, text = ctx.metrics, ctx.tr, ctx.text
        bar = m.px(sizes.TOP_BAR_HEIGHT)
        button_h = m.px(sizes.BUTTON_HEIGHT)
        buttons: list[Button] = []
        x = m.width - m.px(24)
        for code in reversed(("en", "km")):
            width = text.measure(LANGUAGE_NAMES[code], sizes.FONT_BODY, bold=True)[0] + m.px(28)
            x -= width
            buttons.insert(0, Button(f"lang-{code}", LANGUAGE_NAMES[code], pygame.Rect(x, (bar - button_h) // 2, width, button_h), ("language", code), style="choice", selected=ctx.language == code))
            x -= m.px(8)
        width = min(m.px(600), m.width - 2 * m.px(24))
        inner = width - 2 * m.px(28)
        height = m.px(28)
        height += text.layout(tr("Welcome"), inner, sizes.FONT_HEADING, bold=True).height + m.px(8)
        height += text.layout(tr("Type your name or ID, then press Enter."), inner, sizes.FONT_BODY).height + m.px(16)
        height += m.px(52) + m.px(20) + button_h + m.px(20)
        for line in self._about(ctx):
            height += text.layout(line, inner, sizes.FONT_SMALL).height + m.px(4)
        height += m.px(24)
        room = m.height - bar - 2 * m.px(16)
        self.panel = pygame.Rect((m.width - width) // 2, bar + max(m.px(16), (room - height) // 2 + m.px(16)), width, min(height, room))
        y = self.panel.y + m.px(28)
        y += text.layout(tr("Welcome"), inner, sizes.FONT_HEADING, bold=True).height + m.px(8)
        y += text.layout(tr("Type your name or ID, then press Enter."), inner, sizes.FONT_BODY).height + m.px(16)
        self.field = pygame.Rect(self.panel.x + m.px(28), y, inner, m.px(52))
        buttons.append(Button("name", tr("Your name or ID"), self.field, ("focus-name",), style="area"))
        start_w = min(m.px(240), inner)
        buttons.append(Button("start", tr("Start"), pygame.Rect(self.panel.right - m.px(28) - start_w, self.field.bottom + m.px(20), start_w, button_h), ("start",), style="primary", enabled=bool(self.name_typed()), hint="Enter"))
        if not self.kiosk:
            quit_w = min(m.px(160), m.width // 4)
            buttons.append(Button("quit", tr("Quit"), pygame.Rect(m.px(24), m.height - m.px(24) - button_h, quit_w, button_h), ("quit",), hint="Esc"))
        self.buttons = buttons

    def name_typed(self) -> str:
        return " ".join(self.typed.split())

    # --- input ------------------------------------------------------------------------------
    def handle(self, user_input: UserInput, ctx: "Context") -> Optional[Transition]:
        intent = user_input.intent
        if self.focus_key == "name":
            if intent is Intent.TEXT:
                before = bool(self.name_typed())
                self.typed = (self.typed + user_input.text.replace("\n", " "))[:MAX_NAME]
                if before != bool(self.name_typed()):
                    self.relayout()
                return None
            if intent is Intent.ERASE:
                self.typed = self.typed[:-1]
                if not self.name_typed():
                    self.relayout()
                return None
            if user_input.printable:
                return None
            if intent is Intent.CONFIRM:
                return self.submit(ctx)
        return self.handle_widgets(user_input, ctx)

    def on_message(self, message: Any, ctx: "Context") -> Optional[Transition]:
        kind = message[0]
        if kind == "language":
            ctx.update_settings(language=message[1])
            self.focus_key = "name"
        elif kind == "focus-name":
            self.focus_key = "name"
        elif kind == "start":
            return self.submit(ctx)
        elif kind == "quit":
            return self.on_back(ctx)
        return None

    def on_confirm(self, ctx: "Context") -> Optional[Transition]:
        return self.submit(ctx)

    def on_back(self, ctx: "Context") -> Optional[Transition]:
        if self.kiosk:
            return None  # a kiosk: only the facilitator's key combination leaves

        return Push(ConfirmScene.quit_game(ctx))

    def submit(self, ctx: "Context") -> Optional[Transition]:
        name = self.name_typed()
        if not name:
            self.toast = ctx.tr("Type your name or ID first.")
            self.toast_until = ctx.time + 3.0
            self.focus_key = "name"
            return None
        return Pop(name)

    # --- drawing ------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, ctx: "Context") -> None:
        m, theme, text, tr = ctx.metrics, ctx.theme, ctx.text, ctx.tr
        surface.fill(theme.page)
        draw_top_bar(surface, ctx, tr("Session {code}", code=self.session_code) if self.session_code else tr("Quick check"))
        draw_panel(surface, self.panel, ctx, radius=12)
        inner = self.panel.width - 2 * m.px(28)
        x, y = self.panel.x + m.px(28), self.panel.y + m.px(28)
        heading = text.render(tr("Welcome"), inner, sizes.FONT_HEADING, theme.text, bold=True)
        surface.blit(heading, (x, y))
        y += heading.get_height() + m.px(8)
        prompt = text.render(tr("Type your name or ID, then press Enter."), inner, sizes.FONT_BODY, theme.muted)
        surface.blit(prompt, (x, y))

        editing = self.focus_key == "name"
        pygame.draw.rect(surface, theme.card, self.field, border_radius=m.px(6))
        pygame.draw.rect(surface, theme.accent if editing else theme.card_border, self.field, width=m.px(2) if editing else 1, border_radius=m.px(6))
        shown = self.typed or ("" if editing else tr("Type your name or ID"))
        caret_x = self.field.x + m.px(12)
        if shown:
            typed = text.render_line(shown, sizes.FONT_TITLE, theme.text if self.typed else theme.muted)
            room = self.field.width - m.px(28)
            area = pygame.Rect(max(0, typed.get_width() - room), 0, room, typed.get_height())
            surface.blit(typed, (caret_x, self.field.centery - typed.get_height() // 2), area)
            if self.typed:
                caret_x += min(typed.get_width(), room)
        if editing and int(ctx.time * 2) % 2 == 0:
            pygame.draw.line(surface, theme.text, (caret_x + 1, self.field.y + m.px(12)), (caret_x + 1, self.field.bottom - m.px(12)), 2)

        start = self.button("start")
        y = (start.rect.bottom if start else self.field.bottom) + m.px(20)
        for line in self._about(ctx):
            rendered = text.render(line, inner, sizes.FONT_SMALL, theme.muted)
            if y + rendered.get_height() > self.panel.bottom:
                break
            surface.blit(rendered, (x, y))
            y += rendered.get_height() + m.px(4)
        self.draw_buttons(surface, ctx, [b for b in self.buttons if b.key != "name"])
        if self.toast and ctx.time < self.toast_until:
            draw_toast(surface, ctx, self.toast)
