"""My history: the learner's past rounds (date, scenario, mode, score, d′; unfinished ones marked), a
progress chart of score and d′ per round, and what to do with the selected round: Review (its debrief,
read-only), Replay (the same scenario in a fresh order), Resume or Discard (unfinished rounds).

Keyboard: Up/Down (or J/K) choose a round, Enter opens it (Review, or Resume when unfinished), Tab
moves between buttons, Esc goes back. Review, Replay and Resume open their screens through the
`HistoryExits` it is given (game/ui/graph.py). The rows come from the History API through
`ctx.services.history`; nothing here writes to the history except Discard (after confirming).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, Protocol

import pygame

from game.app.history_words import format_date, scenario_title
from game.lang.i18n import N_
from game.store.history import Attempt, HistoryError, Learner
from game.ui import theme as sizes
from game.ui.chart import ProgressChart, decimal_text, progress_points
from game.ui.dialogs import Confirmed, ConfirmScene
from game.ui.input import Intent, UserInput
from game.ui.parts import button_height, draw_toast, draw_top_bar, fit_line
from game.ui.scene import Pop, Push, Scene, Transition
from game.ui.scrolling import Scroller
from game.ui.widgets import Button, draw_focus_ring, draw_panel

if TYPE_CHECKING:
    from game.ui.context import Context

MODE_NAMES = {"practice": N_("Practice"), "assessment": N_("Assessment")}


# --- words and numbers ---------------------------------------------------------------------------


def score_text(ctx: "Context", attempt: Attempt) -> str:
    if attempt.score is None or attempt.max_score is None:
        return "–"
    return ctx.tr("{points} / {max_points}", points=attempt.score, max_points=attempt.max_score)


def d_prime_text(ctx: "Context", attempt: Attempt) -> str:
    return "–" if attempt.d_prime is None else decimal_text(ctx.language, attempt.d_prime, 2)


def _guarded(ctx: "Context", scene: Any, make: Any) -> Optional[Transition]:
    """Run a history action; a history problem becomes a toast on the scene, never a crash."""
    try:
        return make()
    except (HistoryError, ValueError) as problem:
        scene.toast, scene.toast_until = str(problem), ctx.time + 5.0
        return None


# --- the screen ----------------------------------------------------------------------------------


class HistoryExits(Protocol):
    def review(self, ctx: "Context", attempt: Attempt) -> Scene: ...

    def replay(self, ctx: "Context", attempt: Attempt) -> Transition: ...

    def resume(self, ctx: "Context", attempt_id: str) -> Transition: ...


class HistoryScene(Scene):
    name = "history"

    def __init__(self, ctx: "Context", learner: Optional[Learner], name: str, exits: HistoryExits) -> None:
        super().__init__()
        self.exits = exits
        self.learner = learner
        self.learner_name = learner.name if learner is not None else name
        self.attempts: list[Attempt] = []  # newest first
        self.error = ""
        self.selected = 0
        self.scroller = Scroller()
        self.chart = ProgressChart()
        self.chart_rect = pygame.Rect(0, 0, 0, 0)
        self.list_rect = pygame.Rect(0, 0, 0, 0)
        self.row_height = 0
        self.columns: list[tuple[int, int]] = []
        self.toast = ""
        self.toast_until = 0.0
        self.focus_key = "open"
        self._post_counts: dict[str, int] = {}
        self._placed_offset = 0
        self.reload(ctx)

    # --- data -----------------------------------------------------------------------------------
    def reload(self, ctx: "Context") -> None:
        service = ctx.services.history
        self.error = ""
        self.attempts = []
        try:
            if service is None:
                self.error = ctx.tr("The learner history is switched off.")
            elif service.history() is None:
                self.error = service.error
            elif self.learner is None:
                self.learner = service.find_learner(self.learner_name)
            if not self.error and self.learner is not None:
                self.attempts = list(reversed(service.attempts(self.learner)))
        except HistoryError as problem:
            self.error = str(problem)
        self.selected = min(self.selected, max(0, len(self.attempts) - 1))
        self.relayout()

    @property
    def current(self) -> Optional[Attempt]:
        return self.attempts[self.selected] if self.attempts else None

    # --- layout ---------------------------------------------------------------------------------
    def layout(self, ctx: "Context") -> None:
        m, tr, text = ctx.metrics, ctx.tr, ctx.text
        bar = m.px(sizes.TOP_BAR_HEIGHT)
        margin = m.px(20)
        button_h = button_height(ctx)
        width = min(m.width - 2 * margin, m.px(1100))
        left = (m.width - width) // 2
        footer_y = m.height - margin - button_h
        chart_h = max(m.px(130), min(m.px(230), int((footer_y - bar) * 0.36)))
        self.chart_rect = pygame.Rect(left, bar + m.px(12), width, chart_h)
        header_h = text.line_height(sizes.FONT_SMALL) + m.px(6)
        list_top = self.chart_rect.bottom + m.px(12) + header_h
        self.list_rect = pygame.Rect(left, list_top, width, max(m.px(60), footer_y - m.px(12) - list_top))
        self.row_height = text.line_height(sizes.FONT_BODY) + m.px(14)
        track = pygame.Rect(self.list_rect.right - m.px(sizes.SCROLLBAR_WIDTH), self.list_rect.y, m.px(sizes.SCROLLBAR_WIDTH), self.list_rect.height)
        self.scroller.line = self.row_height
        self.scroller.set_geometry(self.list_rect, track, len(self.attempts) * self.row_height)
        self._columns(ctx)

        buttons: list[Button] = [Button("back", tr("Back"), pygame.Rect(left, footer_y, min(m.px(180), width // 4), button_h), ("back",), hint="Esc")]
        attempt = self.current
        actions: list[tuple[str, str, Any, str]] = []
        if self.error and ctx.services.history is not None and ctx.services.history.damaged:
            actions.append(("new-history", tr("Start a new history"), ("new-history",), "danger"))
        elif attempt is not None and attempt.status == "unfinished":
            actions += [("open", tr("Resume"), ("resume",), "primary"), ("discard", tr("Discard"), ("discard",), "danger"), ("replay", tr("Replay"), ("replay",), "secondary")]
        elif attempt is not None:
            actions += [("open", tr("Review"), ("review",), "primary"), ("replay", tr("Replay"), ("replay",), "secondary")]
        gap = m.px(10)
        x = left + width
        for key, label, message, style in reversed(actions):
            label_w = text.measure(label, sizes.FONT_BODY, bold=True)[0] + m.px(32)
            button_w = max(m.px(120), min(m.px(220), label_w))
            x -= button_w
            buttons.insert(1, Button(key, label, pygame.Rect(x, footer_y, button_w, button_h), message, style=style))
            x -= gap
        self.static_buttons = buttons
        if self.focus_key not in [b.key for b in buttons] and not (self.focus_key or "").startswith("attempt-"):
            self.focus_key = "open" if attempt is not None else "back"
        self._place_rows(ctx)

    def _columns(self, ctx: "Context") -> None:
        """x offsets and widths of Date, Scenario, Mode, Score, d′ inside a row."""
        m, text = ctx.metrics, ctx.text
        pad = m.px(12)
        inner = self.list_rect.width - 2 * pad - m.px(sizes.SCROLLBAR_WIDTH + 4)
        dates = [format_date(ctx.tr, "2025-12-28T23:59:00Z")] + [format_date(ctx.tr, a.started_at) for a in self.attempts]
        date_w = min(inner // 3, max(text.measure(words, sizes.FONT_SMALL)[0] for words in dates) + m.px(14))
        score_w = max(text.measure(ctx.tr("Score"), sizes.FONT_SMALL, bold=True)[0], text.measure(ctx.tr("{points} / {max_points}", points=188, max_points=188), sizes.FONT_BODY)[0]) + m.px(14)
        d_w = max(text.measure("d'", sizes.FONT_SMALL, bold=True)[0], text.measure(decimal_text(ctx.language, -2.88), sizes.FONT_BODY)[0]) + m.px(14)
        mode_w = max(text.measure(ctx.tr(name), sizes.FONT_SMALL, bold=name == "Unfinished")[0] for name in (*MODE_NAMES.values(), N_("Unfinished"), N_("Ended early"))) + m.px(14)
        title_w = max(m.px(80), inner - date_w - score_w - d_w - mode_w)
        x = pad
        self.columns = []
        for column_w in (date_w, title_w, mode_w, score_w, d_w):
            self.columns.append((x, column_w))
            x += column_w

    def _place_rows(self, ctx: "Context") -> None:
        rows = []
        for index, attempt in enumerate(self.attempts):
            y = self.list_rect.y + index * self.row_height - int(self.scroller.offset)
            rect = pygame.Rect(self.list_rect.x, y, self.list_rect.width - ctx.metrics.px(sizes.SCROLLBAR_WIDTH + 4), self.row_height - ctx.metrics.px(2))
            rows.append(Button(f"attempt-{attempt.id}", scenario_title(ctx.tr, ctx.services.library, attempt), rect, ("select", index), style="area", selected=index == self.selected, focusable=False))
        self.buttons = self.static_buttons[:1] + rows + self.static_buttons[1:]
        self._placed_offset = int(self.scroller.offset)

    def button_at(self, pos: tuple[int, int]) -> Optional[Button]:
        for button in reversed(self.buttons):
            if button.key.startswith("attempt-") and not self.list_rect.collidepoint(pos):
                continue
            if button.rect.collidepoint(pos):
                return button
        return None

    # --- input ----------------------------------------------------------------------------------
    def select(self, index: int, ctx: "Context") -> None:
        if not self.attempts:
            return
        self.selected = max(0, min(len(self.attempts) - 1, index))
        top = self.selected * self.row_height
        self.scroller.ensure_visible(top, top + self.row_height)
        self.relayout()

    def handle(self, user_input: UserInput, ctx: "Context") -> Optional[Transition]:
        if self.scroller.handle(user_input):
            return None
        if user_input.intent in (Intent.NEXT_POST, Intent.PREV_POST):
            self.select(self.selected + (1 if user_input.intent is Intent.NEXT_POST else -1), ctx)
            return None
        return self.handle_widgets(user_input, ctx)

    def on_confirm(self, ctx: "Context") -> Optional[Transition]:
        return self.on_message(("resume",) if self.current and self.current.status == "unfinished" else ("review",), ctx)

    def on_message(self, message: Any, ctx: "Context") -> Optional[Transition]:
        kind = message[0]
        attempt = self.current
        if kind == "back":
            return Pop()
        if kind == "select":
            if message[1] == self.selected and getattr(self, "_last_click", None) == message[1]:
                self._last_click = None
                return self.on_confirm(ctx)  # a second click on the selected round opens it
            self._last_click = message[1]
            self.select(message[1], ctx)
            return None
        if kind == "new-history":
            return _guarded(ctx, self, lambda: self._start_new_history(ctx))
        if attempt is None:
            return None
        if kind == "review" and attempt.status == "finished":
            return _guarded(ctx, self, lambda: Push(self.exits.review(ctx, attempt)))
        if kind == "replay":
            return _guarded(ctx, self, lambda: self.exits.replay(ctx, attempt))
        if kind == "resume" and attempt.status == "unfinished":
            return _guarded(ctx, self, lambda: self.exits.resume(ctx, attempt.id))
        if kind == "discard" and attempt.status == "unfinished":
            tr = ctx.tr
            detail = tr("{title}, {date}. Its answers will not count. This cannot be undone.", title=scenario_title(ctx.tr, ctx.services.library, attempt), date=format_date(ctx.tr, attempt.started_at))
            return Push(ConfirmScene("discard", tr("Discard this unfinished round?"), detail, tr("Discard"), tr("Keep it")))
        return None

    def _start_new_history(self, ctx: "Context") -> Optional[Transition]:
        moved = ctx.services.history.start_new_history()
        if moved is not None:
            self.toast, self.toast_until = ctx.tr("The old history file was kept as {file}.", file=moved.name), ctx.time + 6.0
        self.reload(ctx)
        return None

    def on_resume(self, result: Any, ctx: "Context") -> Optional[Transition]:
        if isinstance(result, Confirmed) and result.key == "discard" and self.current is not None:
            attempt = self.current
            try:
                ctx.services.history.discard(attempt.id)
                self.toast, self.toast_until = ctx.tr("The unfinished round was discarded."), ctx.time + 3.0
            except HistoryError as problem:
                self.toast, self.toast_until = str(problem), ctx.time + 5.0
        self.reload(ctx)
        return None

    def on_back(self, ctx: "Context") -> Optional[Transition]:
        return Pop()

    def update(self, dt: float, ctx: "Context") -> Optional[Transition]:
        self.scroller.update(dt)
        if int(self.scroller.offset) != self._placed_offset:
            self._place_rows(ctx)
        return None

    # --- drawing --------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, ctx: "Context") -> None:
        m, theme, text, tr = ctx.metrics, ctx.theme, ctx.text, ctx.tr
        surface.fill(theme.page)
        draw_top_bar(surface, ctx, tr("My history: {name}", name=self.learner_name))
        draw_panel(surface, self.chart_rect, ctx, radius=8)
        selected = self.current.id if self.current is not None and self.current.status == "finished" else None
        chart = self.chart.surface(ctx, self.chart_rect.inflate(-m.px(8), -m.px(8)).size, progress_points(list(reversed(self.attempts))), selected)
        surface.blit(chart, (self.chart_rect.x + m.px(4), self.chart_rect.y + m.px(4)))

        header_y = self.list_rect.y - text.line_height(sizes.FONT_SMALL) - m.px(4)
        for (x, width), heading in zip(self.columns, (tr("Date"), tr("Scenario"), tr("Mode"), tr("Score"), "d'")):
            label = text.render_line(heading, sizes.FONT_SMALL, theme.muted, bold=True)
            surface.blit(label, (self.list_rect.x + x, header_y), area=pygame.Rect(0, 0, width - m.px(6), label.get_height()))

        if self.error or not self.attempts:
            message = self.error or tr("No rounds yet. Play a scenario or practise your weak spots: your rounds and progress will show here.")
            note = text.render(message, self.list_rect.width - m.px(24), sizes.FONT_BODY, theme.bad if self.error else theme.muted)
            surface.blit(note, (self.list_rect.x + m.px(12), self.list_rect.y + m.px(8)), area=pygame.Rect(0, 0, note.get_width(), self.list_rect.height - m.px(8)))
        clip = surface.get_clip()
        surface.set_clip(self.list_rect)
        for button in self.buttons:
            if button.key.startswith("attempt-") and button.rect.colliderect(self.list_rect):
                self._draw_row(surface, button, ctx)
        surface.set_clip(clip)
        self.scroller.draw(surface, ctx)
        self.draw_buttons(surface, ctx, [b for b in self.buttons if not b.key.startswith("attempt-")])
        if self.toast and ctx.time < self.toast_until:
            draw_toast(surface, ctx, self.toast)

    def _draw_row(self, surface: pygame.Surface, button: Button, ctx: "Context") -> None:
        m, theme, text, tr = ctx.metrics, ctx.theme, ctx.text, ctx.tr
        attempt = self.attempts[button.message[1]]
        rect = button.rect
        draw_panel(surface, rect, ctx, colour=theme.badge if button.selected else theme.card, radius=6)
        if button.selected:
            pygame.draw.rect(surface, theme.accent, rect, width=m.px(2), border_radius=m.px(6))
        elif button.key == self.hover_key:
            pygame.draw.rect(surface, theme.muted, rect, width=1, border_radius=m.px(6))
        unfinished = attempt.status == "unfinished"
        mode = tr(MODE_NAMES.get(attempt.mode, attempt.mode)) if attempt.counted else tr("Ended early")
        if unfinished:
            score = tr("{decided} of {total} decided", decided=attempt.decisions, total=self._post_count(ctx, attempt))
        else:
            score = score_text(ctx, attempt)
        cells = (
            (format_date(ctx.tr, attempt.started_at), sizes.FONT_SMALL, theme.muted, False),
            (scenario_title(ctx.tr, ctx.services.library, attempt), sizes.FONT_BODY, theme.text, True),
            (tr("Unfinished") if unfinished else mode, sizes.FONT_SMALL, theme.warn if unfinished or not attempt.counted else theme.text, unfinished),
            (score, sizes.FONT_BODY if not unfinished else sizes.FONT_SMALL, theme.text, not unfinished),
            ("" if unfinished else d_prime_text(ctx, attempt), sizes.FONT_BODY, theme.text, False),
        )
        if unfinished:  # "3 of 10 decided" needs the room of both number columns
            (score_x, score_w), (_, d_w) = self.columns[3], self.columns[4]
            columns = self.columns[:3] + [(score_x, score_w + d_w), (score_x + score_w + d_w, 0)]
        else:
            columns = self.columns
        for (x, width), (words, size, colour, bold) in zip(columns, cells):
            if not words or width <= 0:
                continue
            room = width - m.px(8)
            line = text.render_line(fit_line(ctx, words, size, room, bold), size, colour, bold=bold)
            surface.blit(line, (rect.x + x, rect.centery - line.get_height() // 2), area=pygame.Rect(0, 0, room, line.get_height()))
        if button.key == self.focus_key:
            draw_focus_ring(surface, rect, ctx, m.px(6))

    def _post_count(self, ctx: "Context", attempt: Attempt) -> int:
        cache = self._post_counts
        if attempt.id not in cache:
            try:
                cache[attempt.id] = ctx.services.history.post_count(attempt.id)
            except HistoryError:
                cache[attempt.id] = 0
        return cache[attempt.id]
