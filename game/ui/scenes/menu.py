"""The menu: language, player name or ID, scenario picker and settings (text size, high contrast, fullscreen).

Each scenario is shown in the learner's language when that version exists; otherwise the menu says
which language it is in. Settings apply at once and are saved for the next run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

import pygame

from game.lang.i18n import N_
from game.resources import command_name
from game.store.settings import TEXT_SIZES
from game.ui import theme as sizes
from game.ui.dialogs import Confirmed, ConfirmScene
from game.ui.input import Intent, UserInput
from game.ui.learner_panel import LEARNER_BUTTONS, AskForName, Go, LearnerExits, LearnerPanel, NameCleared, PanelMessage, Say, UseName
from game.ui.parts import draw_toast, draw_top_bar
from game.ui.scene import Push, Scene, Transition
from game.ui.scrolling import Scroller
from game.ui.widgets import Button, draw_checkbox, draw_focus_ring, draw_panel

if TYPE_CHECKING:
    from game.app.library import ScenarioFamily
    from game.ui.context import Context

LANGUAGE_NAMES = {"en": "English", "km": "ខ្មែរ"}  # each language in its own script: never translated
ONLY_IN = {"en": N_("Only in English"), "km": N_("Only in Khmer")}
MAX_NAME = 40


class MenuScene(Scene):
    name = "menu"

    def __init__(self, ctx: "Context", exits: LearnerExits, selected: Optional[str] = None) -> None:
        super().__init__()
        self.exits = exits
        self.learner_panel = LearnerPanel(ctx.services.history, exits)
        self.player_name = ctx.settings.player_name
        self.selected = selected or ctx.settings.last_scenario
        self.families: list["ScenarioFamily"] = []
        self.scroller = Scroller()  # the scenario list
        self.left_scroller = Scroller()  # the left column (name and settings), when large text makes it tall
        self.left_view = pygame.Rect(0, 0, 0, 0)
        self.left_items: list[tuple[Button, pygame.Rect]] = []  # each left-column button and its place in the column
        self.left_labels: dict[str, int] = {}
        self._left_offset = 0
        self.pointer = (0, 0)
        self.entry_height = 0
        self.list_rect = pygame.Rect(0, 0, 0, 0)
        self.name_rect = pygame.Rect(0, 0, 0, 0)
        self.left_x = 0
        self.toast = ""
        self.toast_until = 0.0
        self.focus_key = "start"
        self.note_own_line = False
        self.asked_for_name = False  # the "Play without a name?" question is open

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

        # Left column: name and settings. It scrolls when large text makes it taller than the window;
        # Quit stays pinned at the bottom, level with Start.
        left_w = min(m.px(340), int((m.width - 3 * margin) * 0.38))
        self.left_x = margin
        button_h = max(button_h, ctx.text.font(sizes.FONT_BODY, bold=True).get_height() + m.px(10))
        quit_w = min(left_w, max(m.px(160), ctx.text.measure(tr("Quit") + "  (Esc)", sizes.FONT_BODY, bold=True)[0] + m.px(24)))
        quit_rect = pygame.Rect(margin, m.height - margin - button_h, quit_w, button_h)
        ring = m.px(ctx.theme.focus_width) + m.px(3)  # room for focus rings at the edges of the clip
        view_top = bar + m.px(12)
        self.left_view = pygame.Rect(margin - ring, view_top, left_w + 2 * ring, max(m.px(60), quit_rect.y - m.px(12) - view_top))
        left: list[tuple[Button, pygame.Rect]] = []
        self.left_labels: dict[str, int] = {}
        y = margin - m.px(12)
        self.left_labels["name"] = y
        y += ctx.text.line_height(sizes.FONT_SMALL) + m.px(4)
        name_box = pygame.Rect(margin, y, left_w, max(m.px(44), ctx.text.line_height(sizes.FONT_BODY) + m.px(10)))
        left.append((Button("name", tr("Your name or ID"), name_box, ("focus-name",), style="area"), name_box))
        y = name_box.bottom + m.px(4)
        self.left_labels["note"] = y
        note_h = self.learner_panel.note_height(ctx, left_w)
        y += note_h + (m.px(14) if note_h else m.px(4))
        remember_h = max(m.px(30), ctx.text.layout(tr("Remember me on this PC"), left_w - m.px(34), sizes.FONT_SMALL, bold=True).height + m.px(8))
        rect = pygame.Rect(margin, y, left_w, remember_h)
        left.append((Button("remember", tr("Remember me on this PC"), rect, ("remember",), style="area", selected=ctx.settings.remember_me), rect))
        y += remember_h + m.px(10)
        for button in self.learner_panel.buttons(ctx, pygame.Rect(margin, y, left_w, 0), button_h):  # My history, Switch learner, Practice
            left.append((button, button.rect.copy()))
            y = max(y, button.rect.bottom + m.px(12))
        y += m.px(4)
        self.left_labels["settings"] = y
        y += ctx.text.line_height(sizes.FONT_TITLE) + m.px(4)
        self.left_labels["text-size"] = y
        y += ctx.text.line_height(sizes.FONT_SMALL) + m.px(4)
        gap = m.px(8)
        labels = [ctx.tr.digits(f"{round(factor * 100)}%") for factor in TEXT_SIZES]
        widest = max(ctx.text.measure(label, sizes.FONT_BODY, bold=True)[0] for label in labels) + m.px(16)
        per_row = 4 if widest * 4 + 3 * gap <= left_w else 2  # a 2 x 2 grid when four in a row would be cramped
        step_w = (left_w - (per_row - 1) * gap) // per_row
        for index, label in enumerate(labels):
            row, column = divmod(index, per_row)
            rect = pygame.Rect(margin + column * (step_w + gap), y + row * (button_h + gap), step_w, button_h)
            left.append((Button(f"size-{index}", label, rect, ("text-size", index), style="choice", selected=ctx.settings.text_size == index), rect))
        y += (len(labels) // per_row) * (button_h + gap) + m.px(4)
        y = self._switches(ctx, left, pygame.Rect(margin, y, left_w, button_h))
        content_h = y - m.px(12) + ring
        self.left_items = left
        left_track = pygame.Rect(margin + left_w + ring + m.px(2), self.left_view.y, m.px(8), self.left_view.height)
        self.left_scroller.line = m.px(40)
        self.left_scroller.set_geometry(self.left_view, left_track, content_h)
        self._place_left()
        buttons += [button for button, _ in left]
        buttons.append(Button("quit", tr("Quit"), quit_rect, ("quit",), hint="Esc"))

        # Right column: the scenario list and Start.
        right_x = margin + left_w + margin
        right_w = m.width - right_x - margin
        list_top = bar + margin + ctx.text.line_height(sizes.FONT_TITLE) + m.px(8)
        list_bottom = quit_rect.y - m.px(16)
        if ctx.services.library.broken:
            list_bottom -= ctx.text.line_height(sizes.FONT_SMALL)
        self.list_rect = pygame.Rect(right_x, list_top, right_w, max(m.px(80), list_bottom - list_top))
        pad = m.px(12)
        # Title, two lines of description, the facts line; a warning note ("Only in English")
        # gets a line of its own when it does not fit after the facts.
        inner = right_w - 2 * pad - m.px(sizes.SCROLLBAR_WIDTH + 6)
        self.note_own_line = any(self._note_needs_line(ctx, family, inner) for family in self.families)  # then for every entry, so they look alike
        small_lines = 4 if self.note_own_line else 3
        self.entry_height = pad * 2 + ctx.text.line_height(sizes.FONT_BODY) + small_lines * ctx.text.line_height(sizes.FONT_SMALL) + m.px(4)
        gap = m.px(10)
        content = len(self.families) * (self.entry_height + gap)
        track = pygame.Rect(self.list_rect.right - m.px(sizes.SCROLLBAR_WIDTH), self.list_rect.y, m.px(sizes.SCROLLBAR_WIDTH), self.list_rect.height)
        self.scroller.line = m.px(40)
        self.scroller.set_geometry(self.list_rect, track, content)
        self.entry_gap = gap
        start_w = min(m.px(240), right_w)
        buttons.append(Button("start", tr("Start"), pygame.Rect(self.list_rect.right - start_w, quit_rect.y, start_w, button_h), ("start",), style="primary", enabled=bool(self.families), hint="Enter"))
        self.static_buttons = buttons
        self._place_entries(ctx)

    def _place_left(self) -> None:
        """Move the left column's buttons to follow its scroll offset."""
        offset = int(self.left_scroller.offset)
        top = self.left_view.y
        for button, rect in self.left_items:
            button.rect = rect.move(0, top - offset)
            if button.key == "name":
                self.name_rect = button.rect
        self._left_offset = offset

    def _in_left_column(self, key: str) -> bool:
        return any(button.key == key for button, _ in self.left_items)

    def _entry_facts(self, ctx: "Context", family: "ScenarioFamily") -> tuple[str, str]:
        """An entry's facts line ("5 posts · about 5 min · Practice") and its warning note, if any."""
        tr = ctx.tr
        scenario = family.version_for(ctx.language).scenario
        mode = tr("Practice") if scenario.mode.value == "practice" else tr("Assessment")
        meta = tr("{posts} posts · about {minutes} min · {mode}", posts=len(scenario.posts), minutes=scenario.estimated_minutes, mode=mode)
        note = ""
        if not family.has_language(ctx.language):
            note = tr(ONLY_IN.get(scenario.language.value, "Only in English"))
        # A draft translation is the facilitators' business (validate and the class report say so), not the trainees'.
        return meta, note

    def _note_needs_line(self, ctx: "Context", family: "ScenarioFamily", inner: int) -> bool:
        meta, note = self._entry_facts(ctx, family)
        if not note:
            return False
        return ctx.text.measure(meta, sizes.FONT_SMALL)[0] + ctx.text.measure("  ·  " + note, sizes.FONT_SMALL, bold=True)[0] > inner

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
            if not self.left_view.collidepoint(pos) and self._in_left_column(button.key):
                continue
            if button.rect.collidepoint(pos):
                return button
        return None

    def on_focus_changed(self, button: Button) -> None:
        for item, rect in self.left_items:
            if item.key == button.key:
                ring = self.left_x - self.left_view.x
                self.left_scroller.ensure_visible(rect.top, rect.bottom, ring)
                return
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
        if intent is Intent.POINTER_MOVE:
            self.pointer = user_input.pos
        if intent in (Intent.POINTER_DOWN, Intent.POINTER_MOVE, Intent.POINTER_UP) and (self.left_scroller.dragging or (intent is Intent.POINTER_DOWN and self.left_scroller.track.inflate(8, 0).collidepoint(user_input.pos))):
            if self.left_scroller.handle(user_input):
                return None
        if intent is Intent.SCROLL and self.left_scroller.scrollable and self.left_view.collidepoint(self.pointer):
            self.left_scroller.handle(user_input)  # the wheel over the left column scrolls it
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
        return Push(ConfirmScene.quit_game(ctx))

    def on_message(self, message: Any, ctx: "Context") -> Optional[Transition]:
        if isinstance(message, LEARNER_BUTTONS):
            return self._apply(self.learner_panel.pressed(message, self.player_name, ctx), ctx)
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
        elif kind == "remember":
            ctx.update_settings(remember_me=not ctx.settings.remember_me)
            self._remember_learner(ctx)
        elif kind == "scenario":
            if self.selected == message[1] and self.focus_key == f"scenario-{message[1]}" and getattr(self, "_last_click", None) == message[1]:
                return self.start(ctx)
            self.selected = message[1]
            self._last_click = message[1]
            self._place_entries(ctx)
        elif kind == "start":
            return self.start(ctx)
        elif kind == "quit":
            return self.on_back(ctx)
        return None

    def on_confirm(self, ctx: "Context") -> Optional[Transition]:
        return self.start(ctx)

    def on_resume(self, result: Any, ctx: "Context") -> Optional[Transition]:
        if isinstance(result, Confirmed) and result.key == "guest":
            self.asked_for_name = False
            return self._briefing(ctx)
        if result is None and self.asked_for_name:
            self.asked_for_name = False
            self.focus_key = "name"  # "Type my name": back to the name field
            return None
        return self._apply(self.learner_panel.dialog_closed(result, ctx), ctx)  # the switch-learner and resume dialogs

    def _apply(self, messages: list[PanelMessage], ctx: "Context") -> Optional[Transition]:
        """Carry out what the learner panel asks for; the last `Go` is the screen to open."""
        transition = None
        for message in messages:
            if isinstance(message, Say):
                self._say(ctx, message.text)
            elif isinstance(message, AskForName):
                self._say(ctx, message.text)
                self.focus_key = "name"
            elif isinstance(message, UseName):
                if message.welcome:
                    self.player_name = message.name
                self._remember_name(ctx)
                if message.welcome:
                    self._say(ctx, ctx.tr("Welcome back, {name}.", name=message.name))
            elif isinstance(message, NameCleared):
                self.player_name = ""
                self.focus_key = "name"
            elif isinstance(message, Go):
                transition = message.transition
        return transition

    def _remember_name(self, ctx: "Context") -> None:
        name = " ".join(self.player_name.split())
        if name != ctx.settings.player_name:
            ctx.update_settings(player_name=name)

    def _switches(self, ctx: "Context", left: list, row: pygame.Rect) -> int:
        """High contrast and Fullscreen: side by side when both labels fit half the column, else stacked.
        Returns the y below them."""
        m, tr = ctx.metrics, ctx.tr
        on, off = tr("On"), tr("Off")
        contrast = tr("High contrast: {state}", state=on if ctx.settings.high_contrast else off)
        fullscreen = tr("Fullscreen: {state}", state=on if ctx.settings.fullscreen else off)
        half = (row.width - m.px(8)) // 2
        fits = all(ctx.text.measure(label, sizes.FONT_BODY, bold=True)[0] + m.px(20) <= half for label in (contrast, fullscreen + "  (F11)"))
        first = pygame.Rect(row.x, row.y, half if fits else row.width, row.height)
        second = first.move(half + m.px(8), 0) if fits else first.move(0, row.height + m.px(12))
        left.append((Button("contrast", contrast, first, ("contrast",), style="choice", selected=ctx.settings.high_contrast), first))
        left.append((Button("fullscreen", fullscreen, second, ("fullscreen",), style="choice", selected=ctx.settings.fullscreen, hint="F11"), second))
        return second.bottom + m.px(12)

    def _draw_remember(self, surface: pygame.Surface, ctx: "Context") -> None:
        """The "Remember me on this PC" tick box (off by default: the next trainee starts with an empty name)."""
        m, theme, text = ctx.metrics, ctx.theme, ctx.text
        button = self.button("remember")
        if button is None:
            return
        side = m.px(20)
        box = pygame.Rect(button.rect.x + m.px(2), button.rect.y + m.px(5), side, side)
        draw_checkbox(surface, box, ctx.settings.remember_me, ctx)
        label = text.render(button.label, button.rect.width - m.px(34), sizes.FONT_SMALL, theme.text, bold=True)
        surface.blit(label, (box.right + m.px(10), button.rect.y + m.px(4)))
        if button.key == self.focus_key:
            draw_focus_ring(surface, button.rect, ctx, m.px(6))

    def _remember_learner(self, ctx: "Context") -> None:
        """Switch learner lists only those who chose "remember me on this PC"."""
        service = ctx.services.history
        if service is not None:
            service.remember(self.player_name, ctx.settings.remember_me)

    def selected_family(self) -> Optional["ScenarioFamily"]:
        return next((f for f in self.families if f.family_id == self.selected), None)

    def start(self, ctx: "Context") -> Optional[Transition]:
        family = self.selected_family()
        if family is None:
            self._say(ctx, ctx.tr("Choose a scenario first."))
            return None
        self._remember_name(ctx)
        ctx.update_settings(last_scenario=family.family_id)
        if not " ".join(self.player_name.split()):
            self.asked_for_name = True
            detail = ctx.tr("Type your name or ID to keep your results in My history. As a guest, nothing of this round is saved.")
            return Push(ConfirmScene("guest", ctx.tr("Play without a name?"), detail, ctx.tr("Play as guest"), ctx.tr("Type my name")))
        if ctx.settings.remember_me:
            self._remember_learner(ctx)
        offer = self.learner_panel.resume_offer(ctx, family, self.player_name)  # this learner left a round of it unfinished
        if offer is not None:
            return Push(offer)
        return self._briefing(ctx)

    def _briefing(self, ctx: "Context") -> Optional[Transition]:
        family = self.selected_family()
        return Push(self.exits.briefing(family.version_for(ctx.language))) if family is not None else None

    def _say(self, ctx: "Context", message: str) -> None:
        self.toast = message
        self.toast_until = ctx.time + 3.0

    def update(self, dt: float, ctx: "Context") -> Optional[Transition]:
        self.scroller.update(dt)
        self.left_scroller.update(dt)
        if int(self.left_scroller.offset) != self._left_offset:
            self._place_left()
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

        # Left column (clipped to its view: it scrolls when large text makes it taller than the window).
        clip = surface.get_clip()
        surface.set_clip(self.left_view.clip(clip) if clip else self.left_view)
        top = self.left_view.y - int(self.left_scroller.offset)
        label = text.render_line(tr("Your name or ID"), sizes.FONT_SMALL, theme.muted, bold=True)
        surface.blit(label, (self.left_x, top + self.left_labels["name"]))
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
        self.learner_panel.draw_note(surface, ctx, self.player_name, (self.left_x + m.px(2), top + self.left_labels["note"]), self.name_rect.width - m.px(2))  # "Welcome back: 3 rounds" / "New learner"
        surface.blit(text.render_line(tr("Settings"), sizes.FONT_TITLE, theme.text, bold=True), (self.left_x, top + self.left_labels["settings"]))
        surface.blit(text.render_line(tr("Text size"), sizes.FONT_SMALL, theme.muted, bold=True), (self.left_x, top + self.left_labels["text-size"]))
        left_keys = {button.key for button, _ in self.left_items}
        self.draw_buttons(surface, ctx, [b for b in self.buttons if b.key in left_keys and b.key not in ("name", "remember")])
        self._draw_remember(surface, ctx)
        if self.focus_key == "name":
            draw_focus_ring(surface, self.name_rect, ctx, m.px(6))
        surface.set_clip(clip)
        self.left_scroller.draw(surface, ctx)

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
            note = tr("{count} scenario files have errors and are not shown. Run: {command} validate", count=len(broken), command=command_name())
            line = text.render_line(note, sizes.FONT_SMALL, theme.bad)
            surface.blit(line, (self.list_rect.x, self.list_rect.bottom + m.px(4)), area=pygame.Rect(0, 0, self.list_rect.width, line.get_height()))

        self.draw_buttons(surface, ctx, [b for b in self.buttons if not b.key.startswith("scenario-") and b.key not in left_keys])
        if self.toast and ctx.time < self.toast_until:
            draw_toast(surface, ctx, self.toast)

    def _draw_entry(self, surface: pygame.Surface, button: Button, ctx: "Context") -> None:
        m, theme, text = ctx.metrics, ctx.theme, ctx.text
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
            words = scenario.description
            lines = text.layout(words, inner, sizes.FONT_SMALL).lines
            if len(lines) > 2:  # show where the description was cut
                words = words[: lines[1].end].rstrip()
                while len(words) > lines[1].start and text.measure(words[lines[1].start:] + "…", sizes.FONT_SMALL)[0] > inner:
                    words = words[:-1].rstrip().rstrip("\u17d2")  # never leave a Khmer COENG without its consonant
                words += "…"
            description = text.render(words, inner, sizes.FONT_SMALL, theme.muted)
            surface.blit(description, (rect.x + pad, y), area=pygame.Rect(0, 0, inner, 2 * text.line_height(sizes.FONT_SMALL)))
        y += 2 * text.line_height(sizes.FONT_SMALL)
        meta, note = self._entry_facts(ctx, family)
        meta_surface = text.render_line(meta, sizes.FONT_SMALL, theme.text)
        surface.blit(meta_surface, (rect.x + pad, y), area=pygame.Rect(0, 0, inner, meta_surface.get_height()))
        if note:
            if self.note_own_line:
                note_surface = text.render_line(note, sizes.FONT_SMALL, theme.warn, bold=True)
                surface.blit(note_surface, (rect.x + pad, y + text.line_height(sizes.FONT_SMALL)), area=pygame.Rect(0, 0, inner, note_surface.get_height()))
            else:
                note_surface = text.render_line("  ·  " + note, sizes.FONT_SMALL, theme.warn, bold=True)
                surface.blit(note_surface, (rect.x + pad + meta_surface.get_width(), y))
        if button.key == self.focus_key:
            draw_focus_ring(surface, rect, ctx, m.px(8))
