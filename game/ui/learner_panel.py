"""The menu's learner panel: the note under the name field ("Welcome back: 3 rounds" / "New
learner"), the My history, Switch learner and Practice my weak spots buttons, and what they and the
learner dialogs lead to.

A profile is chosen or created by the name typed in the menu (no password); its pseudonymous id
comes from the history and never changes for that name. The panel never touches the menu: it
answers each button and each closed dialog with messages (`Say`, `AskForName`, `UseName`,
`NameCleared`, `Go`) that the menu applies. Screens are opened through the exits it is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional, Protocol, Union

import pygame

from game.app.history_observer import HistoryService
from game.app.rounds import build_weak_spots_round, fresh_seed
from game.rules.practice import PracticeUnavailable
from game.store.history import HistoryError
from game.ui import theme as sizes
from game.ui.scene import Push, Scene, Transition
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.app.library import ScenarioFamily
    from game.scenario.model import LoadedScenario
    from game.store.history import Attempt
    from game.ui.context import Context


@dataclass(frozen=True)
class OpenHistory:
    """The My history button."""


@dataclass(frozen=True)
class OpenPractice:
    """The Practice my weak spots button."""


@dataclass(frozen=True)
class SwitchLearner:
    """The Switch learner button."""


LEARNER_BUTTONS = (OpenHistory, OpenPractice, SwitchLearner)


@dataclass(frozen=True)
class Say:
    """Show `text` in the menu's toast."""

    text: str


@dataclass(frozen=True)
class AskForName:
    """The name field is empty: tell the learner and focus it."""

    text: str


@dataclass(frozen=True)
class UseName:
    """Put `name` in the name field and remember it; `welcome` is shown when set."""

    name: str
    welcome: bool = False


@dataclass(frozen=True)
class NameCleared:
    """A new learner: the name field is emptied and focused."""


@dataclass(frozen=True)
class Go:
    """Open another screen."""

    transition: Transition


PanelMessage = Union[Say, AskForName, UseName, NameCleared, Go]


class LearnerExits(Protocol):
    def switch_learner(self, ctx: "Context", current: str) -> Scene: ...

    def resume_offer(self, ctx: "Context", attempt: "Attempt", family_id: str, total_posts: int) -> Scene: ...

    def history(self, ctx: "Context", name: str) -> Transition: ...

    def resume(self, ctx: "Context", attempt_id: str) -> Transition: ...

    def briefing(self, loaded: "LoadedScenario") -> Scene: ...


def typed(name: str) -> str:
    return " ".join(name.split())


class LearnerPanel:
    """The learner part of the menu, for one history service (None: no history, no panel)."""

    def __init__(self, service: Optional[HistoryService], exits: LearnerExits) -> None:
        self.service = service
        self.exits = exits
        self._note: Optional[tuple[Any, Optional[pygame.Surface]]] = None

    @property
    def shown(self) -> bool:
        return self.service is not None

    # --- buttons ---------------------------------------------------------------------------------
    def buttons(self, ctx: "Context", area: pygame.Rect, button_h: Optional[int] = None) -> list[Button]:
        """My history, Switch learner and Practice my weak spots, from the top of `area` down. My history
        and Switch learner share a row when both labels fit; otherwise each gets its own row."""
        if not self.shown:
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
            Button("my-history", labels[0], history, OpenHistory()),
            Button("switch-learner", labels[1], switch, SwitchLearner()),
            Button("practice", tr("Practice my weak spots"), pygame.Rect(area.x, switch.bottom + gap, area.width, button_h), OpenPractice()),
        ]

    def pressed(self, message: Any, name: str, ctx: "Context") -> list[PanelMessage]:
        """What one of the panel's buttons leads to, for the name typed in the menu."""
        if isinstance(message, SwitchLearner):
            return [Go(Push(self.exits.switch_learner(ctx, name)))]
        name = typed(name)
        if not name:
            return [AskForName(ctx.tr("Type your name or ID first."))]
        if isinstance(message, OpenHistory):
            return [UseName(name), Go(self.exits.history(ctx, name))]
        return [UseName(name)] + self._practice(ctx, name)

    def _practice(self, ctx: "Context", name: str) -> list[PanelMessage]:
        """Build a "Practice my weak spots" round for this learner and show its briefing."""
        tr, service = ctx.tr, self.service
        assert service is not None
        learner = service.learner(name)
        if learner is None:
            return [Say(service.error or tr("Your history cannot be opened."))]
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
            return [Say(tr("There are not enough scenarios in this language to build a practice round yet."))]
        except HistoryError as problem:
            return [Say(str(problem))]
        return [Go(Push(self.exits.briefing(loaded)))]

    # --- the learner dialogs ------------------------------------------------------------------------
    def resume_offer(self, ctx: "Context", family: "ScenarioFamily", name: str) -> Optional[Scene]:
        """The resume dialog when this learner left a round of this scenario unfinished; None otherwise."""
        service = self.service
        if service is None or not typed(name):
            return None
        learner = service.find_learner(name)
        if learner is None:
            return None
        attempt = service.unfinished_for(learner, [loaded.scenario.id for loaded in family.versions.values()])
        if attempt is None:
            return None
        try:
            total = service.post_count(attempt.id)
        except HistoryError:
            return None
        return self.exits.resume_offer(ctx, attempt, family.family_id, total)

    def dialog_closed(self, result: Any, ctx: "Context") -> list[PanelMessage]:
        """What the switch-learner and resume dialogs lead to when they close."""
        if not isinstance(result, tuple) or not result:
            return []
        kind = result[0]
        if kind == "learner":
            return [UseName(result[1], welcome=True)]
        if kind == "new-learner":
            return [NameCleared()]
        if kind == "resume":
            try:
                return [Go(self.exits.resume(ctx, result[1]))]
            except HistoryError as problem:
                return [Say(str(problem))]
        if kind == "start-new":
            family = ctx.services.library.find(result[1])
            return [Go(Push(self.exits.briefing(family.version_for(ctx.language))))] if family is not None else []
        return []

    # --- the note under the name field -----------------------------------------------------------
    def note(self, ctx: "Context", name: str) -> str:
        """A short line under the name field: a returning learner or a new profile."""
        service = self.service
        if service is None or not typed(name):
            return ""
        learner = service.find_learner(name)
        if learner is None:
            return ctx.tr("New learner: your profile is made when you start.") if service.history() is not None else ""
        try:
            rounds = len(service.attempts(learner))
        except HistoryError:
            return ""
        return ctx.tr.plural("Welcome back: 1 round in your history.", "Welcome back: {count} rounds in your history.", rounds)

    def note_height(self, ctx: "Context", width: int) -> int:
        """The room the note needs: the tallest of its possible texts, wrapped to `width` (so the menu
        does not jump while a name is typed)."""
        if not self.shown:
            return 0
        tr = ctx.tr
        candidates = (
            tr("New learner: your profile is made when you start."),
            tr.plural("Welcome back: 1 round in your history.", "Welcome back: {count} rounds in your history.", 188),
        )
        return max(ctx.text.layout(words, width, sizes.FONT_SMALL).height for words in candidates)

    def draw_note(self, surface: pygame.Surface, ctx: "Context", name: str, pos: tuple[int, int], width: int) -> None:
        """Draw the note (wrapped to `width`) at `pos`; it is looked up again only when the name changes."""
        name = typed(name)
        key = (name.casefold(), ctx.layout_token, width)
        if self._note is None or self._note[0] != key:
            words = self.note(ctx, name)
            self._note = (key, ctx.text.render(words, width, sizes.FONT_SMALL, ctx.theme.muted) if words else None)
        if self._note[1] is not None:
            surface.blit(self._note[1], pos)
