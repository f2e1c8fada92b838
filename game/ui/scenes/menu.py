"""The menu: language, player name or ID, scenario picker and settings (text size, high contrast, fullscreen).

Each scenario is shown in the learner's language when that version exists; otherwise the menu says
which language it is in. Settings apply at once and are saved for the next run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

import pygame

from game.i18n import N_
from game.store.settings import TEXT_SIZES
from game.ui import theme as sizes
from game.ui.input import Intent, UserInput
from game.ui.scene import Push, Scene, Transition
from game.ui.scenes.common import draw_toast, draw_top_bar
from game.ui.scenes.profiles import LEARNER_MESSAGES, draw_profile_note, learner_buttons, menu_message, menu_resumed, resume_offer
from game.ui.scrolling import Scroller
from game.ui.widgets import Button, draw_focus_ring, draw_panel

if TYPE_CHECKING:
    from game.ui.context import Context
    from game.ui.library import ScenarioFamily

LANGUAGE_NAMES = {"en": "English", "km": "ខ្មែរ"}  # each language in its own script: never translated
ONLY_IN = {"en": N_("Only in English"), "km": N_("Only in Khmer")}
MAX_NAME = 40


class MenuScene(Scene):
    name = "menu"

    def __init__(self, ctx: "Context", selected: Optional[str] = None) -> None:
        super().__init__()
        self.player_name = ctx.settings.player_name
        self.selected = selected or ctx.settings.last_scenario
        self.families: list["ScenarioFamily"] = []
        self.scroller = Scroller()
        self.entry_height = 0
        self.list_rect = pygame.Rect(0, 0, 0, 0)
        self.name_rect = pygame.Rect(0, 0, 0, 0)
        self.left_x = 0
        self.toast = ""
        self.toast_until = 0.0
        self.focus_key = "start"

    # --- layout ---------------------------------------------------------------------------
    def layout(self, ctx: "Context") -> None:
        m, tr = ctx.metrics, ctx.tr
        self.families = ctx.services.library.ordered(ctx.language)
        if self.families and not any(f.family_id == self.selected for f in self.families):
            self.selected = self.families[0].family_id
        bar = m.px(sizes.TOP_BAR_HEIGHT)
        margin = m.px(24)
        button_h = m.px(sizes.BUTTON_HEIGHT)
        buttons: list[Button] = []

        # Language, top right.
        x = m.width - margin
        for code in reversed(("en", "km")):
            width = ctx.text.measure(LANGUAGE_NAMES[code], sizes.FONT_BODY, bold=True)[0] + m.px(28)
            x -= width
            buttons.insert(0, Button(f"lang-{code}", LANGUAGE_NAMES[code], pygame.Rect(x, (bar - button_h) // 2, width, button_h), ("language", code), style="choice", selected=ctx.language == code))
            x -= m.px(8)

        # Left column: name and settings.
        left_w = min(m.px(340), int((m.width - 3 * margin) * 0.38))
        self.left_x = margin
        y = bar + margin + ctx.text.line_height(sizes.FONT_SMALL) + m.px(4)
        self.name_rect = pygame.Rect(margin, y, left_w, m.px(44))
        buttons.append(Button("name", tr("Your name or ID"), self.name_rect, ("focus-name",), style="area"))
        y = self.name_rect.bottom + margin + ctx.text.line_height(sizes.FONT_TITLE) + m.px(8) + ctx.text.line_height(sizes.FONT_SMALL) + m.px(4)
        step_w = (left_w - 3 * m.px(8)) // 4
        for index, factor in enumerate(TEXT_SIZES):
            label = ctx.tr.digits(f"{round(factor * 100)}%")
            buttons.append(Button(f"size-{index}", label, pygame.Rect(margin + index * (step_w + m.px(8)), y, step_w, button_h), ("text-size", index), style="choice", selected=ctx.settings.text_size == index))
        y += button_h + m.px(12)
        on, off = tr("On"), tr("Off")
        contrast = tr("High contrast: {state}", state=on if ctx.settings.high_contrast else off)
        buttons.append(Button("contrast", contrast, pygame.Rect(margin, y, left_w, button_h), ("contrast",), style="choice", selected=ctx.settings.high_contrast))
        y += button_h + m.px(12)
        fullscreen = tr("Fullscreen: {state}", state=on if ctx.settings.fullscreen else off)
        buttons.append(Button("fullscreen", fullscreen, pygame.Rect(margin, y, left_w, button_h), ("fullscreen",), style="choice", selected=ctx.settings.fullscreen, hint="F11"))
        y += button_h + m.px(12)
        buttons += learner_buttons(ctx, pygame.Rect(margin, y, left_w, m.height - margin - button_h - m.px(12) - y))  # My history, Switch learner, Practice
        quit_w = min(left_w, m.px(160))
        buttons.append(Button("quit", tr("Quit"), pygame.Rect(margin, m.height - margin - button_h, quit_w, button_h), ("quit",), hint="Esc"))

        # Right column: the scenario list and Start.
        right_x = margin + left_w + margin
        right_w = m.width - right_x - margin
        list_top = bar + margin + ctx.text.line_height(sizes.FONT_TITLE) + m.px(8)
        list_bottom = m.height - margin - button_h - m.px(16)
        if ctx.services.library.broken:
            list_bottom -= ctx.text.line_height(sizes.FONT_SMALL)
        self.list_rect = pygame.Rect(right_x, list_top, right_w, max(m.px(80), list_bottom - list_top))
        pad = m.px(12)
        self.entry_height = pad * 2 + ctx.text.line_height(sizes.FONT_BODY) + 2 * ctx.text.line_height(sizes.FONT_SMALL) + ctx.text.line_height(sizes.FONT_SMALL) + m.px(4)
        gap = m.px(10)
        content = len(self.families) * (self.entry_height + gap)
        track = pygame.Rect(self.list_rect.right - m.px(sizes.SCROLLBAR_WIDTH), self.list_rect.y, m.px(sizes.SCROLLBAR_WIDTH), self.list_rect.height)
        self.scroller.line = m.px(40)
        self.scroller.set_geometry(self.list_rect, track, content)
        self.entry_gap = gap
        start_w = min(m.px(240), right_w)
        buttons.append(Button("start", tr("Start"), pygame.Rect(self.list_rect.right - start_w, m.height - margin - button_h, start_w, button_h), ("start",), style="primary", enabled=bool(self.families), hint="Enter"))
        self.static_buttons = buttons
        self._place_entries(ctx)

    def _entry_width(self, ctx: "Context") -> int:
        bar_room = ctx.metrics.px(sizes.SCROLLBAR_WIDTH + 6) if self.scroller.scrollable else 0
        return self.list_rect.width - bar_room

    def _place_entries(self, ctx: "Context") -> None:
        """Scenario entries move with the list's scroll, so their buttons are rebuilt when it moves."""
        entries = []
        for index, family in enumerate(self.families):
            y = self.list_rect.y + index * (self.entry_height + self.entry_gap) - int(self.scroller.offset)
            rect = pygame.Rect(self.list_rect.x, y, self._entry_width(ctx), self.entry_height)
            title = family.version_for(ctx.language).scenario.title
            entries.append(Button(f"scenario-{family.family_id}", title, rect, ("scenario", family.family_id), style="area", selected=family.family_id == self.selected))
        self.buttons = self.static_buttons[:-1] + entries + self.static_buttons[-1:]
        self._placed_offset = int(self.scroller.offset)

    def button_at(self, pos: tuple[int, int]) -> Optional[Button]:
        for button in reversed(self.buttons):
            if button.key.startswith("scenario-") and not self.list_rect.collidepoint(pos):
                continue
            if button.rect.collidepoint(pos):
                return button
        return None

    def on_focus_changed(self, button: Button) -> None:
        if button.key.startswith("scenario-"):
            self.selected = button.message[1]
            self._scroll_to_selected()

    def _scroll_to_selected(self) -> None:
        index = next((i for i, f in enumerate(self.families) if f.family_id == self.selected), 0)
        top = index * (self.entry_height + self.entry_gap)
        self.scroller.ensure_visible(top, top + self.entry_height)

    # --- input ------------------------------------------------------------------------------
    def handle(self, user_input: UserInput, ctx: "Context") -> Optional[Transition]:
        intent = user_input.intent
        editing = self.focus_key == "name"
        if editing:
            if intent is Intent.TEXT:
                self.player_name = (self.player_name + user_input.text)[:MAX_NAME]
                return None
            if intent is Intent.ERASE:
                self.player_name = self.player_name[:-1]
                return None
            if user_input.printable:
                return None
            if intent is Intent.CONFIRM:
                self.focus_key = "start"
                return None
        if self.scroller.handle(user_input):
            return None
        if intent in (Intent.NEXT_POST, Intent.PREV_POST) and self.families:
            keys = [f.family_id for f in self.families]
            index = keys.index(self.selected) if self.selected in keys else 0
            index = max(0, min(len(keys) - 1, index + (1 if intent is Intent.NEXT_POST else -1)))
            self.selected = keys[index]
            if self.focus_key and self.focus_key.startswith("scenario-"):
                self.focus_key = f"scenario-{self.selected}"
            self._scroll_to_selected()
            self._place_entries(ctx)
            return None
        if intent is Intent.CONFIRM and self.focus_key and self.focus_key.startswith("scenario-"):
            self.selected = self.focus_key[len("scenario-"):]
            return self.start(ctx)
        return self.handle_widgets(user_input, ctx)

    def on_back(self, ctx: "Context") -> Optional[Transition]:
        from game.ui.scenes.confirm import ConfirmScene

        return Push(ConfirmScene.quit_game(ctx))

    def on_message(self, message: Any, ctx: "Context") -> Optional[Transition]:
        kind = message[0]
        if kind == "language":
            self._remember_name(ctx)
            ctx.update_settings(language=message[1])
        elif kind == "text-size":
            ctx.update_settings(text_size=message[1])
        elif kind == "contrast":
            ctx.update_settings(high_contrast=not ctx.settings.high_contrast)
        elif kind == "fullscreen":
            ctx.update_settings(fullscreen=not ctx.settings.fullscreen)
        elif kind == "scenario":
            if self.selected == message[1] and self.focus_key == f"scenario-{message[1]}" and getattr(self, "_last_click", None) == message[1]:
                return self.start(ctx)
            self.selected = message[1]
            self._last_click = message[1]
            self._place_entries(ctx)
        elif kind in LEARNER_MESSAGES:
            return menu_message(self, message, ctx)
        elif kind == "start":
            return self.start(ctx)
        elif kind == "quit":
            return self.on_back(ctx)
        return None

    def on_confirm(self, ctx: "Context") -> Optional[Transition]:
        return self.start(ctx)

    def on_resume(self, result: Any, ctx: "Context") -> Optional[Transition]:
        return menu_resumed(self, result, ctx)  # the switch-learner and resume dialogs

    def _remember_name(self, ctx: "Context") -> None:
        name = " ".join(self.player_name.split())
        if name != ctx.settings.player_name:
            ctx.update_settings(player_name=name)

    def selected_family(self) -> Optional["ScenarioFamily"]:
        return next((f for f in self.families if f.family_id == self.selected), None)

    def start(self, ctx: "Context") -> Optional[Transition]:
        from game.ui.scenes.briefing import BriefingScene

        family = self.selected_family()
        if family is None:
            self._say(ctx, ctx.tr("Choose a scenario first."))
            return None
        self._remember_name(ctx)
        ctx.update_settings(last_scenario=family.family_id)
        offer = resume_offer(ctx, family, self.player_name)  # this learner left a round of it unfinished
        if offer is not None:
            return Push(offer)
        return Push(BriefingScene(family.version_for(ctx.language)))

    def _say(self, ctx: "Context", message: str) -> None:
        self.toast = message
        self.toast_until = ctx.time + 3.0

    def update(self, dt: float, ctx: "Context") -> Optional[Transition]:
        self.scroller.update(dt)
        if int(self.scroller.offset) != self._placed_offset:
            self._place_entries(ctx)
        return None

    # --- drawing ------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, ctx: "Context") -> None:
        m, theme, text, tr = ctx.metrics, ctx.theme, ctx.text, ctx.tr
        surface.fill(theme.page)
        draw_top_bar(surface, ctx, tr("Learn to spot misinformation and scams"))
        margin = m.px(24)
        bar = m.px(sizes.TOP_BAR_HEIGHT)

        # Name field.
        label = text.render_line(tr("Your name or ID"), sizes.FONT_SMALL, theme.muted, bold=True)
        surface.blit(label, (self.name_rect.x, self.name_rect.y - label.get_height() - m.px(4)))
        pygame.draw.rect(surface, theme.card, self.name_rect, border_radius=m.px(6))
        editing = self.focus_key == "name"
        pygame.draw.rect(surface, theme.accent if editing else theme.card_border, self.name_rect, width=m.px(2) if editing else 1, border_radius=m.px(6))
        shown = self.player_name or ("" if editing else tr("Type your name or ID"))
        colour = theme.text if self.player_name else theme.muted
        typed = text.render_line(shown, sizes.FONT_BODY, colour) if shown else None
        x = self.name_rect.x + m.px(10)
        if typed is not None:
            room = self.name_rect.width - m.px(24)
            area = pygame.Rect(max(0, typed.get_width() - room), 0, room, typed.get_height())
            surface.blit(typed, (x, self.name_rect.centery - typed.get_height() // 2), area)
            x += min(typed.get_width(), room) if self.player_name else 0
        if editing and int(ctx.time * 2) % 2 == 0:
            pygame.draw.line(surface, theme.text, (x + 1, self.name_rect.y + m.px(10)), (x + 1, self.name_rect.bottom - m.px(10)), 2)
        draw_profile_note(surface, ctx, self)  # "Welcome back: 3 rounds" / "New learner"

        # Settings headings.
        y = self.name_rect.bottom + margin
        surface.blit(text.render_line(tr("Settings"), sizes.FONT_TITLE, theme.text, bold=True), (self.left_x, y))
        y += text.line_height(sizes.FONT_TITLE) + m.px(8)
        surface.blit(text.render_line(tr("Text size"), sizes.FONT_SMALL, theme.muted, bold=True), (self.left_x, y))

        # Scenario list.
        heading = text.render_line(tr("Choose a scenario"), sizes.FONT_TITLE, theme.text, bold=True)
        surface.blit(heading, (self.list_rect.x, bar + margin))
        clip = surface.get_clip()
        surface.set_clip(self.list_rect)
        for button in self.buttons:
            if button.key.startswith("scenario-") and button.rect.colliderect(self.list_rect):
                self._draw_entry(surface, button, ctx)
        surface.set_clip(clip)
        self.scroller.draw(surface, ctx)
        if not self.families:
            empty = text.render(tr("No scenarios found. Add a folder with --scenarios DIR."), self.list_rect.width, sizes.FONT_BODY, theme.muted)
            surface.blit(empty, self.list_rect.topleft)
        broken = ctx.services.library.broken
        if broken:
            note = tr("{count} scenario files have errors and are not shown. Run: python main.py validate", count=len(broken))
            line = text.render_line(note, sizes.FONT_SMALL, theme.bad)
            surface.blit(line, (self.list_rect.x, self.list_rect.bottom + m.px(4)), area=pygame.Rect(0, 0, self.list_rect.width, line.get_height()))

        self.draw_buttons(surface, ctx, [b for b in self.buttons if not b.key.startswith("scenario-") and b.key != "name"])
        if self.focus_key == "name":
            draw_focus_ring(surface, self.name_rect, ctx, m.px(6))
        if self.toast and ctx.time < self.toast_until:
            draw_toast(surface, ctx, self.toast)

    def _draw_entry(self, surface: pygame.Surface, button: Button, ctx: "Context") -> None:
        m, theme, text, tr = ctx.metrics, ctx.theme, ctx.text, ctx.tr
        family = next(f for f in self.families if f"scenario-{f.family_id}" == button.key)
        loaded = family.version_for(ctx.language)
        scenario = loaded.scenario
        rect = button.rect
        draw_panel(surface, rect, ctx, colour=theme.badge if button.selected else theme.card, radius=8)
        if button.selected:
            pygame.draw.rect(surface, theme.accent, rect, width=m.px(2), border_radius=m.px(8))
        if button.key == self.hover_key and not button.selected:
            pygame.draw.rect(surface, theme.muted, rect, width=1, border_radius=m.px(8))
        pad = m.px(12)
        inner = rect.width - 2 * pad
        y = rect.y + pad
        title = text.render_line(scenario.title, sizes.FONT_BODY, theme.text, bold=True)
        surface.blit(title, (rect.x + pad, y), area=pygame.Rect(0, 0, inner, title.get_height()))
        y += text.line_height(sizes.FONT_BODY)
        if scenario.description:
            description = text.render(scenario.description, inner, sizes.FONT_SMALL, theme.muted)
            surface.blit(description, (rect.x + pad, y), area=pygame.Rect(0, 0, inner, 2 * text.line_height(sizes.FONT_SMALL)))
        y += 2 * text.line_height(sizes.FONT_SMALL)
        mode = tr("Practice") if scenario.mode.value == "practice" else tr("Assessment")
        meta = tr("{posts} posts · about {minutes} min · {mode}", posts=len(scenario.posts), minutes=scenario.estimated_minutes, mode=mode)
        notes = []
        if not family.has_language(ctx.language):
            notes.append(tr(ONLY_IN.get(scenario.language.value, "Only in English")))
        elif scenario.translation_status.value == "draft":
            notes.append(tr("Translation not yet reviewed"))
        meta_surface = text.render_line(meta, sizes.FONT_SMALL, theme.text)
        surface.blit(meta_surface, (rect.x + pad, y))
        if notes:
            note = text.render_line("  ·  " + "; ".join(notes), sizes.FONT_SMALL, theme.warn, bold=True)
            surface.blit(note, (rect.x + pad + meta_surface.get_width(), y), area=pygame.Rect(0, 0, max(1, inner - meta_surface.get_width()), note.get_height()))
        if button.key == self.focus_key:
            draw_focus_ring(surface, rect, ctx, m.px(8))
