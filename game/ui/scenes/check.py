"""The pre/post quick check on screen: an intro, then one screen per item with Real / Fake / Not sure.

`CheckIntroScene` explains the check (it is not scored for the trainee; answer honestly) and replaces
itself with `CheckItemScene`, which runs the pure check round (`game.rules.quick_check`): each answer
is an `AnswerItem` command through `apply_check`, with the app clock as `now`. Keys: R / F / N, or
1 / 2 / 3, or the three big buttons. No feedback of any kind is shown during a check: the next item
simply appears. When the last item is answered the scene pops with `CheckFinished`.

Esc does nothing here: a check is short and has one way on. A new item ignores answers for a moment
(`ANSWER_GUARD`) so that a double click cannot answer two items.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import pygame

from game.lang.i18n import N_
from game.rules.quick_check import Answer, AnswerItem, CheckOver, CheckState, apply_check, new_check
from game.scenario.quiz import LoadedQuiz
from game.ui import theme as sizes
from game.ui.input import Intent, UserInput
from game.ui.messages import CheckFinished
from game.ui.parts import MessageScene, draw_top_bar
from game.ui.scene import Pop, Replace, Scene, Transition
from game.ui.widgets import Button, draw_panel

if TYPE_CHECKING:
    from game.ui.context import Context

ANSWER_GUARD = 0.3  # seconds a new item ignores answers (no double-click answers two items)
ANSWER_KEYS = {Intent.REAL: Answer.real, Intent.FLAG: Answer.fake, Intent.SKIP: Answer.not_sure}
ANSWER_ORDER = (Answer.real, Answer.fake, Answer.not_sure)  # also the digit keys 1, 2, 3


def _check_title(ctx: "Context", moment: str) -> str:
    return ctx.tr("Quick check: before") if moment == "pre" else ctx.tr("Quick check: after")


class CheckIntroScene(MessageScene):
    name = "check-intro"
    bar_title = N_("Quick check")
    button_label = N_("Begin the check")
    button_key = "begin"
    panel_width = 680

    def __init__(self, loaded: LoadedQuiz, moment: str, seed: Optional[int] = None) -> None:
        super().__init__()
        self.loaded = loaded
        self.moment = moment
        self.seed = seed  # the trainee's item order (see TraineeRun.check_seed)

    def _paragraphs(self, ctx: "Context") -> list[tuple[str, int, bool, tuple]]:
        tr, theme = ctx.tr, ctx.theme
        count = len(self.loaded.quiz.items)
        parts = [(_check_title(ctx, self.moment), sizes.FONT_HEADING, True, theme.text)]
        if self.moment == "post":
            parts.append((tr("Well done: you have finished the scenarios. One last short check, with different headlines."), sizes.FONT_BODY, False, theme.text))
        parts.append((tr("You will see {count} short headlines and posts, one at a time. For each one, decide: is it real, or is it fake (misinformation or a scam)?", count=count), sizes.FONT_BODY, False, theme.text))
        parts.append((tr("This check is not part of your score, and you will not see right or wrong answers. It helps your trainer see what the class has learned. Answer honestly; if you cannot tell, choose Not sure."), sizes.FONT_BODY, True, theme.accent))
        parts.append((tr("Keys: R = Real, F = Fake, N = Not sure (or 1, 2, 3)."), sizes.FONT_BODY, False, theme.muted))
        return parts

    def on_confirm(self, ctx: "Context") -> Optional[Transition]:
        return Replace(CheckItemScene(self.loaded, self.moment, self.seed))


class CheckItemScene(Scene):
    name = "check-item"

    def __init__(self, loaded: LoadedQuiz, moment: str, seed: Optional[int] = None) -> None:
        super().__init__()
        self.loaded = loaded
        self.moment = moment
        self.seed = seed
        self.state: Optional[CheckState] = None
        self.shown_at = 0.0
        self.card = pygame.Rect(0, 0, 0, 0)
        self.card_surface: Optional[pygame.Surface] = None
        self.images: dict[str, Optional[pygame.Surface]] = {}
        self.focus_key = None

    # --- the check round --------------------------------------------------------------------
    def start(self, ctx: "Context") -> CheckState:
        if self.state is None:
            # Items in a seeded order drawn per trainee (recorded in the entry), so a bank written fakes-first is mixed.
            self.state = new_check(self.loaded.quiz, moment=self.moment, seed=self.seed, shuffle=True, now=ctx.time)
            self.shown_at = ctx.time
        return self.state

    def ready(self, ctx: "Context") -> bool:
        """True once the item on screen accepts an answer (see ANSWER_GUARD)."""
        return self.state is not None and not self.state.over and ctx.time - self.shown_at >= ANSWER_GUARD

    def answer(self, answer: Answer, ctx: "Context") -> Optional[Transition]:
        state = self.start(ctx)
        if not self.ready(ctx) or state.current is None:
            return None
        step = apply_check(state, AnswerItem(state.current, answer), now=ctx.time)
        if step.rejected is not None:
            return None
        self.state = step.state
        if any(isinstance(event, CheckOver) for event in step.events):
            return Pop(CheckFinished(self.state, self.loaded))
        self.shown_at = ctx.time
        self.focus_key = None  # no answer stays highlighted: nothing hints at the previous choice
        self.hover_key = None
        self.relayout()
        return None

    # --- layout -------------------------------------------------------------------------------
    def _image(self, item) -> Optional[pygame.Surface]:
        if item.image is None:
            return None
        if item.id not in self.images:
            try:
                self.images[item.id] = pygame.image.load(str(Path(self.loaded.path).parent / item.image.file)).convert()
            except (pygame.error, OSError, FileNotFoundError):
                self.images[item.id] = None
        return self.images[item.id]

    def layout(self, ctx: "Context") -> None:
        m, tr, text = ctx.metrics, ctx.tr, ctx.text
        state = self.start(ctx)
        bar = m.px(sizes.TOP_BAR_HEIGHT)
        gap = m.px(16)
        button_h = m.px(64)
        width = min(m.px(760), m.width - 2 * m.px(24))
        hint_h = text.line_height(sizes.FONT_SMALL)
        question_h = text.line_height(sizes.FONT_BODY)
        bottom = m.height - m.px(20) - hint_h - m.px(8)
        buttons_y = bottom - button_h
        card_bottom = buttons_y - m.px(12) - question_h - m.px(12)
        card_top = bar + m.px(6) + gap
        self.card_surface = self._paint_card(ctx, width - 2 * m.px(24), card_bottom - card_top - 2 * m.px(20)) if state.current else None
        card_h = (self.card_surface.get_height() if self.card_surface else 0) + 2 * m.px(20)
        self.card = pygame.Rect((m.width - width) // 2, card_top + max(0, (card_bottom - card_top - card_h) // 2), width, card_h)
        self.question_y = buttons_y - m.px(12) - question_h
        self.hint_y = bottom + m.px(8)
        button_w = (width - 2 * m.px(12)) // 3
        labels = {Answer.real: (tr("Real"), "R"), Answer.fake: (tr("Fake"), "F"), Answer.not_sure: (tr("Not sure"), "N")}
        self.buttons = []
        for index, answer in enumerate(ANSWER_ORDER):
            label, key = labels[answer]
            rect = pygame.Rect(self.card.x + index * (button_w + m.px(12)), buttons_y, button_w, button_h)
            self.buttons.append(Button(f"answer-{answer.value}", label, rect, ("answer", answer), style="secondary", hint=key, size=sizes.FONT_TITLE))

    def _paint_card(self, ctx: "Context", width: int, max_height: int) -> pygame.Surface:
        m, text, theme, tr = ctx.metrics, ctx.text, ctx.theme, ctx.tr
        assert self.state is not None and self.state.current is not None
        item = self.state.item(self.state.current)
        blocks: list[tuple[pygame.Surface, int]] = []
        y = 0
        source = None
        if item.source:  # no source line when the item has none: MIST items give no such cue
            source = text.render(item.source, width, sizes.FONT_BODY, theme.muted, bold=True)
            blocks.append((source, y))
            y += source.get_height() + m.px(10)
        words = text.render(item.text, width, sizes.FONT_TITLE, theme.text)
        if y + words.get_height() > max_height:  # large text: a smaller size keeps the whole headline on screen
            words = text.render(item.text, width, sizes.FONT_BODY, theme.text)
        blocks.append((words, y))
        y += words.get_height()
        picture = self._image(item)
        if picture is not None:
            room_h = max_height - y - m.px(12)
            if room_h > m.px(60):
                scale = min(width / picture.get_width(), room_h / picture.get_height(), 1.5)
                size = (max(1, int(picture.get_width() * scale)), max(1, int(picture.get_height() * scale)))
                y += m.px(12)
                blocks.append((pygame.transform.smoothscale(picture, size), y))
                y += size[1]
        elif item.image is not None and item.image.alt:
            alt = text.render(tr("[Picture: {alt}]", alt=item.image.alt), width, sizes.FONT_SMALL, theme.muted)
            y += m.px(10)
            blocks.append((alt, y))
            y += alt.get_height()
        card = pygame.Surface((width, max(1, min(y, max_height))), pygame.SRCALPHA)  # never over the question below
        for surface, top in blocks:
            card.blit(surface, ((width - surface.get_width()) // 2 if surface is not source and surface is not words else 0, top))
        return card

    # --- input --------------------------------------------------------------------------------
    def handle(self, user_input: UserInput, ctx: "Context") -> Optional[Transition]:
        intent = user_input.intent
        if intent in ANSWER_KEYS:
            return self.answer(ANSWER_KEYS[intent], ctx)
        if intent is Intent.CHOOSE and 0 <= user_input.index < len(ANSWER_ORDER):
            return self.answer(ANSWER_ORDER[user_input.index], ctx)
        return self.handle_widgets(user_input, ctx)

    def on_message(self, message: Any, ctx: "Context") -> Optional[Transition]:
        if message[0] == "answer":
            return self.answer(message[1], ctx)
        return None

    def on_back(self, ctx: "Context") -> Optional[Transition]:
        return None

    # --- drawing ------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, ctx: "Context") -> None:
        m, theme, text, tr = ctx.metrics, ctx.theme, ctx.text, ctx.tr
        surface.fill(theme.page)
        bar = draw_top_bar(surface, ctx, _check_title(ctx, self.moment))
        state = self.state
        if state is None:
            return
        total = len(state.order)
        position = min(state.position, total)
        progress = text.render_line(tr("{position} of {total}", position=position, total=total), sizes.FONT_BODY, theme.text, bold=True)
        surface.blit(progress, (m.width - m.px(20) - progress.get_width(), (bar - progress.get_height()) // 2))
        track = pygame.Rect(0, bar, m.width, m.px(6))
        pygame.draw.rect(surface, theme.card_border, track)
        pygame.draw.rect(surface, theme.accent, pygame.Rect(0, bar, int(m.width * (position - 1) / max(1, total)), m.px(6)))
        if self.card_surface is not None:
            draw_panel(surface, self.card, ctx, radius=12)
            surface.blit(self.card_surface, (self.card.x + m.px(24), self.card.y + m.px(20)))
        question = text.render_line(tr("Is this real or fake?"), sizes.FONT_BODY, theme.text, bold=True)
        surface.blit(question, ((m.width - question.get_width()) // 2, self.question_y))
        self.draw_buttons(surface, ctx)
        hint = text.render_line(tr("Keys: R = Real, F = Fake, N = Not sure (or 1, 2, 3)."), sizes.FONT_SMALL, theme.muted)
        surface.blit(hint, ((m.width - hint.get_width()) // 2, self.hint_y))
