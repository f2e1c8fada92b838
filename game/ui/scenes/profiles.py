"""The learner dialogs the menu opens: "Switch learner" (the recent learners on a shared PC) and the
offer to resume an unfinished round. Each pops with the picked choice as a tuple (`("learner",
name)`, `("new-learner",)`, `("resume", attempt_id)`, `("start-new", family_id)`) or None; the
menu's learner panel (`game.ui.learner_panel`) reads it. No other screen is opened from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

import pygame

from game.app.history_words import format_date, scenario_title
from game.store.history import Attempt
from game.ui.input import Intent, UserInput
from game.ui.parts import button_height, dialog_rect, draw_question_dialog, question_height
from game.ui.scene import Pop, Scene, Transition
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.ui.context import Context

LEARNER_MESSAGES = ("my-history", "practice", "switch-learner")


class ChoiceDialog(Scene):
    """A dialog with a title, a sentence and a column of buttons; Up/Down/Tab move, Enter picks, Esc cancels.
    It pops with the picked button's message (a tuple) or None."""

    overlay = True

    def __init__(self, title: str, detail: str, choices: list[tuple[str, str, Any, str]]) -> None:
        super().__init__()
        self.title = title
        self.detail = detail
        self.choices = choices  # (key, label, message, style)
        self.focus_key = choices[0][0] if choices else None
        self.box = pygame.Rect(0, 0, 0, 0)

    def layout(self, ctx: "Context") -> None:
        m = ctx.metrics
        base = round(480 * min(1.3, m.text_scale))  # wider with large text, so sentences wrap less
        width = min(m.px(base), m.width - m.px(32))
        inner = width - 2 * m.px(24)
        button_h = button_height(ctx)
        gap = m.px(8)
        height = question_height(ctx, self.title, self.detail, inner) + m.px(20) + len(self.choices) * (button_h + gap) - gap + m.px(24)
        self.box = dialog_rect(ctx, base, height)
        y = self.box.bottom - m.px(24) - len(self.choices) * (button_h + gap) + gap
        self.buttons = []
        for key, label, message, style in self.choices:
            self.buttons.append(Button(key, label, pygame.Rect(self.box.x + m.px(24), y, inner, button_h), message, style=style))
            y += button_h + gap

    def handle(self, user_input: UserInput, ctx: "Context") -> Optional[Transition]:
        if user_input.intent in (Intent.NEXT_POST, Intent.PREV_POST):
            self.move_focus(1 if user_input.intent is Intent.NEXT_POST else -1)
            return None
        return self.handle_widgets(user_input, ctx)

    def on_message(self, message: Any, ctx: "Context") -> Optional[Transition]:
        return Pop(None if message == ("cancel",) else message)

    def on_back(self, ctx: "Context") -> Optional[Transition]:
        return Pop(None)

    def draw(self, surface: pygame.Surface, ctx: "Context") -> None:
        draw_question_dialog(surface, ctx, self.box, self.title, self.detail)
        self.draw_buttons(surface, ctx)


class SwitchLearnerScene(ChoiceDialog):
    """The recent learners on this PC (most recently active first), "New learner" and Cancel."""

    name = "switch-learner"

    def __init__(self, ctx: "Context", current: str) -> None:
        tr = ctx.tr
        service = ctx.services.history
        learners = service.recent_learners() if service is not None else []
        choices = []
        for index, learner in enumerate(learners):
            here = " ".join(current.split()).casefold() == learner.name.casefold()
            choices.append((f"learner-{index}", learner.name, ("learner", learner.name), "choice" if not here else "primary"))
        choices.append(("new-learner", tr("New learner"), ("new-learner",), "secondary"))
        choices.append(("cancel", tr("Cancel"), ("cancel",), "secondary"))
        detail = tr("Choose your name. Your history stays on this computer; no password is needed.") if learners else tr("No learners on this computer yet. Type your name in the menu.")
        super().__init__(tr("Who is learning?"), detail, choices)


class ResumeOfferScene(ChoiceDialog):
    """Offered when the learner picks a scenario they left unfinished: Resume, Start again, Cancel."""

    name = "resume-offer"

    def __init__(self, ctx: "Context", attempt: Attempt, family_id: str, total_posts: int) -> None:
        tr = ctx.tr
        detail = tr(
            "{title}: you decided {decided} of {total} posts on {date}. Your answers so far are saved.",
            title=scenario_title(ctx.tr, ctx.services.library, attempt),
            decided=attempt.decisions,
            total=total_posts,
            date=format_date(ctx.tr, attempt.updated_at),
        )
        choices = [
            ("resume", tr("Resume where I stopped"), ("resume", attempt.id), "primary"),
            ("start-new", tr("Start again"), ("start-new", family_id), "secondary"),
            ("cancel", tr("Cancel"), ("cancel",), "secondary"),
        ]
        super().__init__(tr("You have an unfinished round"), detail, choices)
        self.attempt = attempt
