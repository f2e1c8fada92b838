"""Learner profiles in the menu: the "Switch learner" list of recent learners (shared PCs), the offer to
resume an unfinished round, "My history" and "Practice my weak spots".

A profile is chosen or created by the name typed in the menu (no password); its pseudonymous id comes
from the history and never changes for that name. The menu calls the small hooks at the bottom
(`learner_buttons`, `menu_message`, `menu_resumed`, `resume_offer`, `draw_profile_note`), so the menu
itself only gains a few lines. Dialogs pop with a tuple the menu hands back to `menu_resumed`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

import pygame

from game.store.history import Attempt, HistoryError
from game.ui import theme as sizes
from game.ui.input import Intent, UserInput
from game.ui.scene import Pop, Push, Scene, Transition
from game.ui.scenes.common import button_height, dialog_rect, draw_question_dialog, question_height
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.app.library import ScenarioFamily
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
        # Imported here: the scenes still import each other (until the scene graph is wired in one place).
        from game.ui.scenes.history import format_date, scenario_title

        tr = ctx.tr
        detail = tr(
            "{title}: you decided {decided} of {total} posts on {date}. Your answers so far are saved.",
            title=scenario_title(ctx, attempt),
            decided=attempt.decisions,
            total=total_posts,
            date=format_date(ctx, attempt.updated_at),
        )
        choices = [
            ("resume", tr("Resume where I stopped"), ("resume", attempt.id), "primary"),
            ("start-new", tr("Start again"), ("start-new", family_id), "secondary"),
            ("cancel", tr("Cancel"), ("cancel",), "secondary"),
        ]
        super().__init__(tr("You have an unfinished round"), detail, choices)
        self.attempt = attempt


# --- menu hooks ------------------------------------------------------------------------------------


def learner_buttons(ctx: "Context", area: pygame.Rect, button_h: Optional[int] = None) -> list[Button]:
    """My history, Switch learner and Practice my weak spots, from the top of `area` down (the menu's left
    column). My history and Switch learner share a row when both labels fit; otherwise each gets its own row."""
    if ctx.services.history is None:
        return []
    m, tr = ctx.metrics, ctx.tr
    button_h = button_h or m.px(sizes.BUTTON_HEIGHT)
    gap = m.px(10)
    half = (area.width - gap) // 2
    labels = (tr("My history"), tr("Switch learner"))
    side_by_side = all(ctx.text.measure(label, sizes.FONT_BODY, bold=True)[0] + m.px(16) <= half for label in labels)
    if side_by_side:
        history = pygame.Rect(area.x, area.y, half, button_h)
        switch = pygame.Rect(area.x + half + gap, area.y, area.width - half - gap, button_h)
    else:
        history = pygame.Rect(area.x, area.y, area.width, button_h)
        switch = pygame.Rect(area.x, history.bottom + gap, area.width, button_h)
    return [
        Button("my-history", labels[0], history, ("my-history",)),
        Button("switch-learner", labels[1], switch, ("switch-learner",)),
        Button("practice", tr("Practice my weak spots"), pygame.Rect(area.x, switch.bottom + gap, area.width, button_h), ("practice",)),
    ]


def _typed_name(menu: Any) -> str:
    return " ".join(menu.player_name.split())


def menu_message(menu: Any, message: Any, ctx: "Context") -> Optional[Transition]:
    """The menu's learner buttons."""
    kind = message[0]
    if kind == "switch-learner":
        return Push(SwitchLearnerScene(ctx, menu.player_name))
    name = _typed_name(menu)
    if not name:
        menu._say(ctx, ctx.tr("Type your name or ID first."))
        menu.focus_key = "name"
        return None
    menu._remember_name(ctx)
    if kind == "my-history":
        # Imported here: the scenes still import each other (until the scene graph is wired in one place).
        from game.ui.scenes.history import open_history

        return open_history(ctx, name)
    if kind == "practice":
        return start_practice(menu, ctx, name)
    return None


def start_practice(menu: Any, ctx: "Context", name: str) -> Optional[Transition]:
    """Build a "Practice my weak spots" round for this learner and show its briefing."""
    # Imported here: the scenes still import each other (until the scene graph is wired in one place).
    from game.app.rounds import build_weak_spots_round, fresh_seed
    from game.rules.practice import PracticeUnavailable
    from game.ui.scenes.briefing import BriefingScene

    tr = ctx.tr
    service = ctx.services.history
    learner = service.learner(name)
    if learner is None:
        menu._say(ctx, service.error or tr("Your history cannot be opened."))
        return None
    try:
        loaded = build_weak_spots_round(
            service,
            learner,
            ctx.services.library,
            language=ctx.language,
            seed=fresh_seed(ctx.services.seed),
            title=tr("Practice my weak spots"),
            description=tr("About ten posts chosen for you: more of the tricks you have missed, and those you have not practised for a while. You see feedback after each decision."),
        )
    except PracticeUnavailable:
        menu._say(ctx, tr("There are not enough scenarios in this language to build a practice round yet."))
        return None
    except HistoryError as problem:
        menu._say(ctx, str(problem))
        return None
    return Push(BriefingScene(loaded))


def resume_offer(ctx: "Context", family: "ScenarioFamily", name: str) -> Optional[Scene]:
    """The resume dialog when this learner left a round of this scenario unfinished; None otherwise."""
    service = ctx.services.history
    if service is None or not " ".join(name.split()):
        return None
    learner = service.find_learner(name)
    if learner is None:
        return None
    attempt = service.unfinished_for(learner, [loaded.scenario.id for loaded in family.versions.values()])
    if attempt is None:
        return None
    try:
        total = len(service.require().attempt_scenario(attempt.id).scenario.posts)
    except HistoryError:
        return None
    return ResumeOfferScene(ctx, attempt, family.family_id, total)


def menu_resumed(menu: Any, result: Any, ctx: "Context") -> Optional[Transition]:
    """What the menu does when one of these dialogs closes."""
    if not isinstance(result, tuple) or not result:
        return None
    kind = result[0]
    if kind == "learner":
        menu.player_name = result[1]
        menu._remember_name(ctx)
        menu._say(ctx, ctx.tr("Welcome back, {name}.", name=result[1]))
        return None
    if kind == "new-learner":
        menu.player_name = ""
        menu.focus_key = "name"
        return None
    if kind == "resume":
        # Imported here: the scenes still import each other (until the scene graph is wired in one place).
        from game.ui.scenes.history import resume_transition

        try:
            return resume_transition(ctx, result[1])
        except HistoryError as problem:
            menu._say(ctx, str(problem))
            return None
    if kind == "start-new":
        # Imported here: the scenes still import each other (until the scene graph is wired in one place).
        from game.ui.scenes.briefing import BriefingScene

        family = ctx.services.library.find(result[1])
        return Push(BriefingScene(family.version_for(ctx.language))) if family is not None else None
    return None


def profile_note(ctx: "Context", name: str) -> str:
    """A short line under the name field: a returning learner or a new profile."""
    service = ctx.services.history
    if service is None or not " ".join(name.split()):
        return ""
    learner = service.find_learner(name)
    if learner is None:
        return ctx.tr("New learner: your profile is made when you start.") if service.history() is not None else ""
    try:
        rounds = len(service.attempts(learner))
    except HistoryError:
        return ""
    return ctx.tr.plural("Welcome back: 1 round in your history.", "Welcome back: {count} rounds in your history.", rounds)


def profile_note_height(ctx: "Context", width: int) -> int:
    """The room the note needs under the name field: the tallest of its possible texts, wrapped to `width`
    (so the menu does not jump while a name is typed)."""
    if ctx.services.history is None:
        return 0
    tr = ctx.tr
    candidates = (
        tr("New learner: your profile is made when you start."),
        tr.plural("Welcome back: 1 round in your history.", "Welcome back: {count} rounds in your history.", 188),
    )
    return max(ctx.text.layout(words, width, sizes.FONT_SMALL).height for words in candidates)


def draw_profile_note(surface: pygame.Surface, ctx: "Context", menu: Any, pos: tuple[int, int], width: int) -> None:
    """Draw `profile_note` (wrapped to `width`) at `pos` under the menu's name field; it is looked up
    again only when the name changes."""
    name = _typed_name(menu)
    key = (name.casefold(), ctx.layout_token, width)
    cached = getattr(menu, "_profile_note", None)
    if cached is None or cached[0] != key:
        words = profile_note(ctx, name)
        note = ctx.text.render(words, width, sizes.FONT_SMALL, ctx.theme.muted) if words else None
        cached = (key, note)
        menu._profile_note = cached
    note = cached[1]
    if note is not None:
        surface.blit(note, pos)
