"""The end of a trainee's turn in a classroom session, and the warning when a result could not be saved
where the facilitator asked.

- `ThankYouScene`: "thank you, hand over to the next trainee", with the save status of this trainee's
  results. Pops (Enter / the button) so the session goes back to name entry.
- `SaveProblemScene`: a dialog shown as soon as a result could not be written to the results folder
  (USB stick pulled, network drive gone): where the copy is kept on this computer, and that the
  facilitator must be told. Pops when acknowledged.

Both take plain data (`SaveOutcome`s from `game.store.session_save`), never the store itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, Sequence

import pygame

from game.lang.i18n import N_
from game.store.session_save import SaveOutcome
from game.ui import theme as sizes
from game.ui.parts import MessageScene, dialog_rect, draw_dialog
from game.ui.scene import Pop, Scene, Transition
from game.ui.widgets import Button, draw_shade

if TYPE_CHECKING:
    from game.ui.context import Context


def save_problem_lines(ctx: "Context", outcomes: Sequence[SaveOutcome]) -> list[str]:
    """Plain sentences about results that did not reach the results folder (empty when all did)."""
    tr = ctx.tr
    lines = []
    failed = [o for o in outcomes if not o.shared]
    if not failed:
        return lines
    last = failed[-1]
    if last.kind == "missing":
        lines.append(tr("The results folder {folder} is not there: was the USB stick removed or the network drive disconnected?", folder=last.folder))
    else:
        lines.append(tr("The results folder {folder} could not be written ({error}).", folder=last.folder, error=last.error))
    local = [o for o in failed if o.local_copy]
    if local:
        folders = sorted({str(o.path.parent) for o in local if o.path is not None})
        lines.append(tr("A copy of your result is kept on this computer, in {folder}. Please tell your facilitator.", folder=", ".join(folders)))
    if any(not o.saved for o in failed):
        lines.append(tr("A result could not be saved at all. Please tell your facilitator now."))
    return lines


class SaveProblemScene(Scene):
    name = "save-problem"
    overlay = True

    def __init__(self, outcomes: Sequence[SaveOutcome]) -> None:
        super().__init__()
        self.outcomes = tuple(outcomes)
        self.box = pygame.Rect(0, 0, 0, 0)
        self.focus_key = "ok"

    def _title(self, ctx: "Context") -> str:
        if any(not o.saved for o in self.outcomes):
            return ctx.tr("Your result was not saved")
        return ctx.tr("Your result was saved on this computer only")

    def layout(self, ctx: "Context") -> None:
        m = ctx.metrics
        inner = min(m.px(560), m.width - m.px(32)) - 2 * m.px(24)
        height = m.px(24) + ctx.text.layout(self._title(ctx), inner, sizes.FONT_TITLE, bold=True).height + m.px(10)
        for line in save_problem_lines(ctx, self.outcomes):
            height += ctx.text.layout(line, inner, sizes.FONT_BODY).height + m.px(8)
        height += m.px(16) + m.px(sizes.BUTTON_HEIGHT) + m.px(24)
        self.box = dialog_rect(ctx, 560, height)
        button_w = min(m.px(200), inner)
        self.buttons = [Button("ok", ctx.tr("OK"), pygame.Rect(self.box.right - m.px(24) - button_w, self.box.bottom - m.px(24) - m.px(sizes.BUTTON_HEIGHT), button_w, m.px(sizes.BUTTON_HEIGHT)), ("ok",), style="primary", hint="Enter")]

    def on_message(self, message: Any, ctx: "Context") -> Optional[Transition]:
        return Pop()

    def on_confirm(self, ctx: "Context") -> Optional[Transition]:
        return Pop()

    def on_back(self, ctx: "Context") -> Optional[Transition]:
        return Pop()

    def draw(self, surface: pygame.Surface, ctx: "Context") -> None:
        m, theme = ctx.metrics, ctx.theme
        draw_shade(surface, ctx)
        draw_dialog(surface, self.box, ctx)
        pygame.draw.rect(surface, theme.bad, pygame.Rect(self.box.x, self.box.y, m.px(8), self.box.height), border_top_left_radius=m.px(12), border_bottom_left_radius=m.px(12))
        inner = self.box.width - 2 * m.px(24)
        x, y = self.box.x + m.px(24), self.box.y + m.px(24)
        title = ctx.text.render(self._title(ctx), inner, sizes.FONT_TITLE, theme.bad, bold=True)
        surface.blit(title, (x, y))
        y += title.get_height() + m.px(10)
        bottom = self.buttons[0].rect.y - m.px(8) if self.buttons else self.box.bottom
        for line in save_problem_lines(ctx, self.outcomes):
            rendered = ctx.text.render(line, inner, sizes.FONT_BODY, theme.text)
            surface.blit(rendered, (x, y), area=pygame.Rect(0, 0, inner, max(0, bottom - y)))
            y += rendered.get_height() + m.px(8)
        self.draw_buttons(surface, ctx)


class ThankYouScene(MessageScene):
    name = "thank-you"
    bar_title = N_("Session finished")
    button_label = N_("Next trainee")
    button_key = "next"
    panel_width = 620

    def __init__(self, player_name: str, outcomes: Sequence[SaveOutcome], rounds: int) -> None:
        super().__init__()
        self.player_name = player_name
        self.outcomes = tuple(outcomes)
        self.rounds = rounds

    def _paragraphs(self, ctx: "Context") -> list[tuple[str, int, bool, tuple]]:
        tr, theme = ctx.tr, ctx.theme
        parts = [
            (tr("Thank you, {name}!", name=self.player_name), sizes.FONT_HEADING, True, theme.text),
            (tr("You have finished this session."), sizes.FONT_BODY, False, theme.text),
        ]
        problems = save_problem_lines(ctx, self.outcomes)
        if problems:
            parts += [(line, sizes.FONT_BODY, True, theme.bad) for line in problems]
        elif self.outcomes:
            parts.append((tr("Your results were saved."), sizes.FONT_BODY, False, theme.good))
        parts.append((tr("Please hand over to the next trainee."), sizes.FONT_TITLE, True, theme.accent))
        return parts

    def on_confirm(self, ctx: "Context") -> Optional[Transition]:
        return Pop()
