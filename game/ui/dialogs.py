"""The dialog every part of the game opens: `ConfirmScene`, a yes/no question (quitting the game,
leaving the menu, ending a round early).

`ConfirmScene` pops with `Confirmed(key)` when the learner agrees (or quits the app directly for the
quit dialog) and with None when they cancel (Esc or the cancel button). Dialogs open no other screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional

import pygame

from game.ui import theme as sizes
from game.ui.parts import dialog_rect, draw_question_dialog, question_height
from game.ui.scene import Pop, Quit, Scene, Transition
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.ui.context import Context


@dataclass(frozen=True)
class Confirmed:
    key: str


class ConfirmScene(Scene):
    name = "confirm"
    overlay = True

    def __init__(self, key: str, question: str, detail: str, confirm_label: str, cancel_label: str, quits: bool = False) -> None:
        super().__init__()
        self.key = key
        self.question = question
        self.detail = detail
        self.confirm_label = confirm_label
        self.cancel_label = cancel_label
        self.quits = quits
        self.focus_key = "cancel"
        self.box = pygame.Rect(0, 0, 0, 0)

    @classmethod
    def quit_game(cls, ctx: "Context", in_round: bool = False, round_kept: bool = False) -> "ConfirmScene":
        """The quit question; `round_kept`: a round left now can be finished later (learner history)."""
        detail = ""
        if in_round:
            if round_kept:
                detail = ctx.tr("Your round is not finished. Your answers so far are saved: you can finish it later from My history.")
            else:  # no learner history (or a classroom session): the round is lost
                detail = ctx.tr("Your round is not finished. Answers so far are not scored.")
        return cls("quit", ctx.tr("Quit Feedwise?"), detail, ctx.tr("Quit"), ctx.tr("Stay"), quits=True)

    def layout(self, ctx: "Context") -> None:
        m = ctx.metrics
        base = round(460 * min(1.3, m.text_scale))  # wider with large text, so sentences wrap less
        width = min(m.px(base), m.width - m.px(32))
        inner = width - 2 * m.px(24)
        height = question_height(ctx, self.question, self.detail, inner) + m.px(24) + m.px(sizes.BUTTON_HEIGHT) + m.px(24)
        self.box = dialog_rect(ctx, base, height)
        button_w = (inner - m.px(12)) // 2
        y = self.box.bottom - m.px(24) - m.px(sizes.BUTTON_HEIGHT)
        x = self.box.x + m.px(24)
        self.buttons = [
            Button("cancel", self.cancel_label, pygame.Rect(x, y, button_w, m.px(sizes.BUTTON_HEIGHT)), "cancel", hint="Esc"),
            Button("confirm", self.confirm_label, pygame.Rect(x + button_w + m.px(12), y, button_w, m.px(sizes.BUTTON_HEIGHT)), "confirm", style="danger" if self.quits else "primary"),
        ]

    def on_message(self, message: Any, ctx: "Context") -> Optional[Transition]:
        if message == "confirm":
            return Quit() if self.quits else Pop(Confirmed(self.key))
        return Pop(None)

    def on_back(self, ctx: "Context") -> Optional[Transition]:
        return Pop(None)

    def draw(self, surface: pygame.Surface, ctx: "Context") -> None:
        draw_question_dialog(surface, ctx, self.box, self.question, self.detail)
        self.draw_buttons(surface, ctx)


class LeaveRoundScene(Scene):
    """Leaving a round: "Keep playing" (Esc), "Save and leave" (when the round can be resumed later),
    or "Finish now" (undecided posts count as skipped, and the dialog says so). Pops with
    `Confirmed("leave")`, `Confirmed("finish")`, or None to keep playing."""

    name = "confirm"  # the screen (and screenshot) name of every question dialog
    overlay = True
    key = "finish"

    def __init__(self, undecided: int, can_save: bool) -> None:
        super().__init__()
        self.confirm_label = ""  # "Finish now", in the trainee's language (what bots and tests click)
        self.undecided = undecided
        self.can_save = can_save
        self.focus_key = "cancel"
        self.box = pygame.Rect(0, 0, 0, 0)
        self.question = self.detail = ""

    def _words(self, ctx: "Context") -> tuple[str, str]:
        tr = ctx.tr
        finish = (tr("Finish now: the {count} posts you have not decided count as skipped, and the round is scored.", count=self.undecided)
                  if self.undecided else tr("Finish now: every post is decided, and the round is scored."))
        if self.can_save:
            save = tr("Save and leave: your answers so far are kept and nothing is scored. You can resume the round from the menu.")
            return tr("Leave this round?"), save + "\n\n" + finish
        return tr("Finish the round now?"), finish

    def layout(self, ctx: "Context") -> None:
        m = ctx.metrics
        self.question, self.detail = self._words(ctx)
        base = round(500 * min(1.3, m.text_scale))
        width = min(m.px(base), m.width - m.px(32))
        inner = width - 2 * m.px(24)
        button_h = m.px(sizes.BUTTON_HEIGHT)
        labels = [("cancel", ctx.tr("Keep playing"), "Esc", "secondary")]
        if self.can_save:
            labels.append(("leave", ctx.tr("Save and leave"), "", "secondary"))
        self.confirm_label = ctx.tr("Finish now")
        labels.append(("finish", self.confirm_label, "", "danger"))
        rows = len(labels)
        height = question_height(ctx, self.question, self.detail, inner) + m.px(20) + rows * (button_h + m.px(8)) + m.px(16)
        self.box = dialog_rect(ctx, base, height)
        y = self.box.bottom - m.px(16) - rows * (button_h + m.px(8)) + m.px(8)
        self.buttons = []
        for key, label, hint, style in labels:
            rect = pygame.Rect(self.box.x + m.px(24), y, inner, button_h)
            self.buttons.append(Button(key, label, rect, key, hint=hint, style=style))
            y += button_h + m.px(8)

    def on_message(self, message: Any, ctx: "Context") -> Optional[Transition]:
        return Pop(None) if message == "cancel" else Pop(Confirmed(str(message)))

    def on_back(self, ctx: "Context") -> Optional[Transition]:
        return Pop(None)

    def draw(self, surface: pygame.Surface, ctx: "Context") -> None:
        draw_question_dialog(surface, ctx, self.box, self.question, self.detail)
        self.draw_buttons(surface, ctx)
