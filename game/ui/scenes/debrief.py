"""The debrief: score, the 2x2 grid of hits / misses / false alarms / correct rejections with d′ and
bias in plain sentences, the missed posts with their evidence highlighted and technique tips, the false
alarms with why each post was fine, and techniques caught versus missed. Buttons: Replay and Menu, or
Continue in a classroom session (whichever `DebriefExits` it is given). Also `ReviewScene`, the
read-only debrief of a past round opened from My history.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Optional

import pygame

from game.app.debrief_web import PageNote, WebNotes, web_notes
from game.app.history_words import format_date
from game.app.present import DebriefView, decision_words, present_debrief, settled_words
from game.app.round_driver import RoundDriver, save_outcome
from game.rules.debrief import debrief
from game.store.history import Attempt, HistoryError
from game.ui import theme as sizes
from game.ui.cards import card_surface
from game.ui.input import UserInput
from game.ui.parts import Document, draw_toast, draw_top_bar
from game.ui.scene import Pop, Scene, Transition
from game.ui.scrolling import Scroller
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.ui.context import Context


Exit = Callable[["Context", Any], Optional[Transition]]  # (ctx, the round's driver) -> the next screen


@dataclass(frozen=True)
class DebriefExits:
    """Where the debrief leads: Replay and Menu (Esc) for a player, or only Continue in a session."""

    replay: Optional[Exit] = None
    leave: Optional[Exit] = None
    onward: Optional[Exit] = None


class DebriefScene(Scene):
    name = "debrief"

    def __init__(self, driver: RoundDriver, exits: DebriefExits) -> None:
        super().__init__()
        self.driver = driver
        self.exits = exits
        self.view: Optional[DebriefView] = None
        self.scroller = Scroller()
        self.page: Optional[pygame.Surface] = None
        self.focus_key = "menu"

    def layout(self, ctx: "Context") -> None:
        m, tr = ctx.metrics, ctx.tr
        self.result = debrief(self.driver.state)
        self.view = present_debrief(self.driver.state, self.result, tr)
        self.notes = self._web_notes(ctx)
        bar = m.px(sizes.TOP_BAR_HEIGHT)
        button_h = m.px(sizes.BUTTON_HEIGHT)
        footer = button_h + 2 * m.px(12)
        width = min(m.px(760), m.width - 2 * m.px(16) - 2 * m.px(sizes.SCROLLBAR_WIDTH))
        self.page = self._paint(ctx, width - 2 * m.px(20))
        column = pygame.Rect((m.width - width) // 2, bar, width, m.height - bar - footer)
        view = column.inflate(-2 * m.px(20), 0)
        track = pygame.Rect(m.width - m.px(sizes.SCROLLBAR_WIDTH) - m.px(4), bar + m.px(4), m.px(sizes.SCROLLBAR_WIDTH), column.height - m.px(8))
        self.column = column
        self.scroller.line = m.px(40)
        self.scroller.set_geometry(view, track, self.page.get_height() + m.px(24))
        button_w = min(m.px(200), (width - m.px(12)) // 2)
        y = m.height - footer + m.px(12)
        self.buttons = [
            Button("replay", tr("Replay"), pygame.Rect(column.centerx - button_w - m.px(6), y, button_w, button_h), ("replay",)),
            Button("menu", tr("Menu"), pygame.Rect(column.centerx + m.px(6), y, button_w, button_h), ("menu",), style="primary", hint="Esc"),
        ]
        if self.exits.onward is not None:  # a classroom session: one way on, to the next scenario (game/ui/graph.py)
            self.buttons = [Button("continue", tr("Continue"), pygame.Rect(column.centerx - button_w // 2, y, button_w, button_h), ("continue",), style="primary", hint="Enter")]
            self.focus_key = "continue"

    def _web_notes(self, ctx: "Context") -> WebNotes:
        """The settling pages of the missed posts and the pages the trainee opened, when the scenario has a web."""
        state, view = self.driver.state, self.view
        web = ctx.services.web
        pages = web.pages_of(state.scenario.language.value, state.scenario.id) if web is not None else None
        missed = tuple(item.post.id for item in view.missed) if view else ()
        return web_notes(state, pages, missed)

    def _found(self, doc: Document, ctx: "Context", post_id: str) -> None:
        """What the trainee opened while checking this post: each page's title, site and seconds."""
        theme, tr = ctx.theme, ctx.tr
        found = self.notes.found.get(post_id, ())
        if not found:
            return
        doc.text(tr("What you found when you checked"), sizes.FONT_SMALL, theme.text, bold=True, gap=2)
        for note in found:
            where = tr("another source") if note.other_source else tr("the post's own source")
            line = tr("{title} ({site}, {seconds} s, {where})", title=note.title, site=note.site, seconds=tr.number(round(note.seconds)), where=where)
            doc.text("• " + line, sizes.FONT_SMALL, theme.text, indent=ctx.metrics.px(12), gap=2)
        decision = self.driver.state.decision(post_id)
        if decision is not None and decision.settled_by:
            doc.text(tr("You said it was settled by: {reasons}", reasons=settled_words(decision.settled_by, tr)), sizes.FONT_SMALL, theme.muted, indent=ctx.metrics.px(12), gap=2)
        doc.gap(8)

    def _checked_right(self, doc: Document, ctx: "Context") -> None:
        """The posts the trainee checked on the web and then judged right, with what each check found."""
        theme, tr = ctx.theme, ctx.tr
        right = [item for item in self.result.posts if item.correct and item.post in self.notes.found]
        if not right:
            return
        doc.rule()
        doc.text(tr("Posts you checked and got right"), sizes.FONT_TITLE, theme.text, bold=True)
        for item in right:
            text = self.driver.state.post(item.post).text.replace("\n", " ")
            quote = text if len(text) <= 90 else text[:88].rstrip() + "…"
            doc.text(f"“{quote}”", sizes.FONT_BODY, theme.text, gap=2)
            doc.text(decision_words(item.action, tr), sizes.FONT_SMALL, theme.good, bold=True, gap=4)
            self._found(doc, ctx, item.post)

    def _would_have_told(self, doc: Document, ctx: "Context", note: PageNote) -> None:
        theme, tr = ctx.theme, ctx.tr
        doc.text(tr("The page that would have told you"), sizes.FONT_SMALL, theme.accent, bold=True, gap=2)
        doc.text(note.title, sizes.FONT_BODY, theme.text, bold=True, gap=2)
        doc.text(f"{note.site}  ·  {tr.digits(str(note.date))}", sizes.FONT_SMALL, theme.muted, gap=2)
        doc.text(note.excerpt, sizes.FONT_BODY, theme.text, gap=10)

    def _grid(self, ctx: "Context", width: int) -> pygame.Surface:
        m, theme, text, tr = ctx.metrics, ctx.theme, ctx.text, ctx.tr
        view = self.view
        assert view is not None
        label_w = min(m.px(170), width // 4)
        cell_w = (width - label_w - m.px(8)) // 2
        head_h = text.line_height(sizes.FONT_SMALL) * 2 + m.px(6)
        cell_h = text.line_height(sizes.FONT_HEADING) + 2 * text.line_height(sizes.FONT_SMALL) + m.px(14)
        grid = pygame.Surface((width, head_h + 2 * (cell_h + m.px(8))), pygame.SRCALPHA)
        for column, heading in enumerate((tr("You flagged it"), tr("You shared or skipped it"))):
            label = text.render(heading, cell_w - m.px(8), sizes.FONT_SMALL, theme.muted, bold=True, align="center")
            grid.blit(label, (label_w + m.px(8) + column * cell_w + (cell_w - label.get_width()) // 2, head_h - label.get_height() - m.px(4)))
        rows = (
            (tr("Misleading posts"), ((tr("Hits"), view.hits, True, tr("caught")), (tr("Misses"), view.misses, False, tr("got past you")))),
            (tr("Reliable posts"), ((tr("False alarms"), view.false_alarms, False, tr("wrongly flagged")), (tr("Correct rejections"), view.correct_rejections, True, tr("rightly trusted")))),
        )
        y = head_h
        for row_label, cells in rows:
            label = text.render(row_label, label_w - m.px(8), sizes.FONT_BODY, theme.text, bold=True)
            grid.blit(label, (0, y + (cell_h - label.get_height()) // 2))
            for column, (name, count, good, meaning) in enumerate(cells):
                rect = pygame.Rect(label_w + m.px(8) + column * cell_w, y, cell_w - m.px(8), cell_h)
                colour = theme.good if good else theme.bad
                pygame.draw.rect(grid, theme.card, rect, border_radius=m.px(8))
                pygame.draw.rect(grid, colour if count else theme.card_border, rect, width=m.px(2) if count else 1, border_radius=m.px(8))
                number = text.render_line(tr.number(count), sizes.FONT_HEADING, colour if count else theme.muted, bold=True)
                grid.blit(number, (rect.centerx - number.get_width() // 2, rect.y + m.px(4)))
                title = text.render_line(name, sizes.FONT_SMALL, theme.text, bold=True)
                grid.blit(title, (rect.centerx - title.get_width() // 2, rect.y + m.px(4) + number.get_height()), area=pygame.Rect(0, 0, rect.width, title.get_height()))
                sub = text.render_line(meaning, sizes.FONT_SMALL, theme.muted)
                grid.blit(sub, (rect.centerx - sub.get_width() // 2, rect.y + m.px(4) + number.get_height() + title.get_height()), area=pygame.Rect(0, 0, rect.width, sub.get_height()))
            y += cell_h + m.px(8)
        return grid

    def _paint(self, ctx: "Context", width: int) -> pygame.Surface:
        m, theme, tr = ctx.metrics, ctx.theme, ctx.tr
        view = self.view
        assert view is not None
        doc = Document(ctx, width)
        doc.gap(16)
        doc.text(view.title, sizes.FONT_TITLE, theme.muted, bold=True, gap=2)
        doc.text(view.score_text, sizes.FONT_HEADING, theme.accent, bold=True, gap=10)
        for sentence in view.reading:
            doc.text("• " + sentence, sizes.FONT_BODY, theme.text, gap=4)
        doc.gap(8)
        doc.surface(self._grid(ctx, width), gap=8)
        doc.text(view.discernment_sentence, sizes.FONT_BODY, theme.text, gap=4)
        doc.text(view.bias_sentence, sizes.FONT_BODY, theme.text, gap=12)

        doc.rule()
        doc.text(tr("What you missed"), sizes.FONT_TITLE, theme.text, bold=True)
        if not view.missed:
            doc.text(tr("Nothing: you flagged every misleading post."), sizes.FONT_BODY, theme.good, gap=12)
        for item in view.missed:
            doc.text(item.decision_text, sizes.FONT_SMALL, theme.bad, bold=True, gap=4)
            doc.surface(card_surface(item.post, width, False, ctx, show_actions=False), gap=8)
            if item.lesson:
                doc.text(item.lesson, sizes.FONT_BODY, theme.accent, bold=True, gap=6)
            doc.badges([(t.name, False) for t in item.techniques])
            for technique in item.techniques:
                doc.text(tr("{name}: {note}", name=technique.name, note=technique.note), sizes.FONT_BODY, theme.text, gap=2)
                if technique.tip:
                    doc.text(tr("Tip: {tip}", tip=technique.tip), sizes.FONT_SMALL, theme.accent, bold=True, indent=m.px(12), gap=6)
            doc.text(item.explanation, sizes.FONT_BODY, theme.muted, gap=10)
            told = self.notes.would_have_told.get(item.post.id)
            if told is not None:
                self._would_have_told(doc, ctx, told)
            self._found(doc, ctx, item.post.id)
            doc.gap(6)

        doc.rule()
        doc.text(tr("False alarms: these posts were fine"), sizes.FONT_TITLE, theme.text, bold=True)
        if not view.false_alarms_items:
            doc.text(tr("None: you did not flag any reliable post."), sizes.FONT_BODY, theme.good, gap=12)
        for item in view.false_alarms_items:
            doc.surface(card_surface(item.post, width, False, ctx, show_actions=False), gap=6)
            if item.lesson:
                doc.text(item.lesson, sizes.FONT_BODY, theme.accent, bold=True, gap=6)
            doc.text(tr("Why it was fine: {why}", why=item.explanation), sizes.FONT_BODY, theme.text, gap=10)
            self._found(doc, ctx, item.post.id)
            doc.gap(6)

        self._checked_right(doc, ctx)
        if view.tallies:
            doc.rule()
            doc.text(tr("Techniques: caught and missed"), sizes.FONT_TITLE, theme.text, bold=True)
            for tally in view.tallies:
                colour = theme.bad if tally.missed else theme.good
                doc.text(tr("{name}: {note}", name=tally.name, note=f"{tally.caught_text} · {tally.missed_text}"), sizes.FONT_BODY, colour if tally.missed else theme.text, gap=4)
        self._saved_note(doc, ctx)
        return doc.build()

    def _saved_note(self, doc: Any, ctx: "Context") -> None:
        """Where the result went: saved, saved on this computer only (the asked place failed), or not saved."""
        tr, theme = ctx.tr, ctx.theme
        outcome = save_outcome(self.driver)
        if outcome is None:
            return
        doc.gap(10)
        if outcome.shared:
            doc.text(tr("Your result was saved."), sizes.FONT_SMALL, theme.muted)
        elif outcome.saved:
            doc.text(tr("Your result was saved on this computer only"), sizes.FONT_BODY, theme.bad, bold=True, gap=4)
            doc.text(tr("A copy of your result is kept on this computer, in {folder}. Please tell your facilitator.", folder=str(outcome.path.parent)),
                     sizes.FONT_BODY, theme.text)  # fmt: skip
        else:
            doc.text(tr("Your result was not saved"), sizes.FONT_BODY, theme.bad, bold=True, gap=4)
            doc.text(tr("A result could not be saved at all. Please tell your facilitator now."), sizes.FONT_BODY, theme.text)

    def handle(self, user_input: UserInput, ctx: "Context") -> Optional[Transition]:
        if self.scroller.handle_page(user_input):
            return None
        return self.handle_widgets(user_input, ctx)

    def on_message(self, message: Any, ctx: "Context") -> Optional[Transition]:
        if message[0] == "continue" and self.exits.onward is not None:
            return self.exits.onward(ctx, self.driver)
        if message[0] == "replay" and self.exits.replay is not None:
            return self.exits.replay(ctx, self.driver)
        return self.on_back(ctx)

    def on_back(self, ctx: "Context") -> Optional[Transition]:
        return self.exits.leave(ctx, self.driver) if self.exits.leave is not None else None

    def update(self, dt: float, ctx: "Context") -> Optional[Transition]:
        self.scroller.update(dt)
        return None

    def draw(self, surface: pygame.Surface, ctx: "Context") -> None:
        m, theme = ctx.metrics, ctx.theme
        surface.fill(theme.page)
        pygame.draw.rect(surface, theme.card, self.column)
        if self.page is not None:
            self.scroller.blit_content(surface, self.page)
        self.scroller.draw(surface, ctx)
        draw_top_bar(surface, ctx, ctx.tr("Round results"))
        footer = pygame.Rect(0, self.column.bottom, m.width, m.height - self.column.bottom)
        pygame.draw.rect(surface, theme.top_bar, footer)
        pygame.draw.line(surface, theme.card_border, footer.topleft, footer.topright)
        self.draw_buttons(surface, ctx)


class ReviewScene(DebriefScene):
    """A past round's debrief, read-only: Replay plays it again, Back returns to My history."""

    name = "review"

    def __init__(self, reviewed: Any, attempt: Attempt, replay: Callable[["Context"], Optional[Transition]]) -> None:
        super().__init__(reviewed, DebriefExits())
        self.attempt = attempt
        self.replay = replay
        self.focus_key = "back"
        self.toast = ""
        self.toast_until = 0.0

    def layout(self, ctx: "Context") -> None:
        super().layout(ctx)
        m = ctx.metrics  # the debrief's footer, with Replay and Back (whatever buttons the debrief itself shows)
        button_h = m.px(sizes.BUTTON_HEIGHT)
        button_w = min(m.px(200), (self.column.width - m.px(12)) // 2)
        y = self.column.bottom + m.px(12)
        self.buttons = [
            Button("replay", ctx.tr("Replay"), pygame.Rect(self.column.centerx - button_w - m.px(6), y, button_w, button_h), ("replay",)),
            Button("back", ctx.tr("Back"), pygame.Rect(self.column.centerx + m.px(6), y, button_w, button_h), ("back",), style="primary", hint="Esc"),
        ]
        self.focus_key = self.focus_key if self.focus_key in ("replay", "back") else "back"

    def on_message(self, message: Any, ctx: "Context") -> Optional[Transition]:
        if message[0] == "replay":
            try:
                return self.replay(ctx)
            except (HistoryError, ValueError) as problem:  # a history problem is a toast, never a crash
                self.toast, self.toast_until = str(problem), ctx.time + 5.0
                return None
        return Pop()

    def on_back(self, ctx: "Context") -> Optional[Transition]:
        return Pop()

    def draw(self, surface: pygame.Surface, ctx: "Context") -> None:
        super().draw(surface, ctx)
        title = ctx.tr("Review of {date} (read-only)", date=format_date(ctx.tr, self.attempt.finished_at or self.attempt.started_at))
        draw_top_bar(surface, ctx, title)
        if self.toast and ctx.time < self.toast_until:
            draw_toast(surface, ctx, self.toast)
