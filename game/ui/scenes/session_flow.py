"""The order of a classroom session, as a scene at the bottom of the stack.

`SessionScene` is never seen: it pushes each step and continues when that step pops back to it:
name entry -> pre check (intro, items) -> for each playlist scenario: briefing, feed, debrief ->
post check -> thank you -> name entry for the next trainee. A result that could not be written to the
results folder is announced at once (`SaveProblemScene`) after the debrief, and again on the thank-you
screen. Each step's screen comes from the `SessionExits` it is given (game.ui.graph.SessionGraph).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Optional, Protocol, Sequence

import pygame

from game.app.round_driver import RoundDriver
from game.app.session import SessionPlan, TraineeRun
from game.rules.counterbalance import form_for
from game.rules.quick_check import check_entry
from game.ui.messages import CheckFinished
from game.ui.scene import Push, Scene, Transition

if TYPE_CHECKING:
    from game.scenario.model import LoadedScenario
    from game.ui.context import Context


class SessionExits(Protocol):
    """The screens of a session's steps (game.ui.graph.SessionGraph)."""

    def name_entry(self) -> Scene: ...

    def check_intro(self, loaded: Any, moment: str, seed: Optional[int] = None) -> Scene: ...

    def session_round(self, trainee: TraineeRun, loaded: "LoadedScenario", index: int) -> Scene: ...

    def save_problem(self, problems: Sequence[Any]) -> Scene: ...

    def thank_you(self, trainee: TraineeRun) -> Scene: ...


class SessionScene(Scene):
    name = "session"

    def __init__(self, plan: SessionPlan, exits: SessionExits) -> None:
        super().__init__()
        self.plan = plan
        self.exits = exits
        self.trainee: Optional[TraineeRun] = None
        self.stage = "name"
        self.index = 0  # the playlist position of the next (or current) round
        self.after_problem: Optional[Callable[["Context"], Optional[Transition]]] = None
        self.trainees_done: list[TraineeRun] = []

    # --- the steps -----------------------------------------------------------------------------
    def begin(self, ctx: "Context") -> Transition:
        """Name entry for a new trainee, in the session's language."""
        if self.trainee is not None:
            self.trainee.flush()
            self.trainees_done.append(self.trainee)
        self.trainee = None
        self.index = 0
        self.stage = "name"
        if ctx.language != self.plan.language:
            ctx.update_settings(language=self.plan.language)
        return Push(self.exits.name_entry())

    def _check(self, ctx: "Context", moment: str) -> Optional[Transition]:
        assert self.trainee is not None
        bank = self.plan.check_bank
        loaded = bank.quiz(form_for(moment, self.trainee.order), ctx.language) if bank is not None else None
        if loaded is None:
            return None
        self.stage = f"{moment}-check"
        return Push(self.exits.check_intro(loaded, moment, self.trainee.check_seed(moment)))

    def _round(self, ctx: "Context") -> Transition:
        self.stage = "round"
        loaded = self.plan.playlist[self.index].version_for(ctx.language)
        assert self.trainee is not None
        return Push(self.exits.session_round(self.trainee, loaded, self.index))

    def _after_pre(self, ctx: "Context") -> Transition:
        return self._round(ctx)

    def _after_rounds(self, ctx: "Context") -> Transition:
        if self.index < len(self.plan.playlist):
            return self._round(ctx)
        if "post" in self.plan.checks:
            check = self._check(ctx, "post")
            if check is not None:
                return check
        return self._finish(ctx)

    def _finish(self, ctx: "Context") -> Transition:
        assert self.trainee is not None
        self.trainee.flush()
        if self.plan.after_trainee is not None:
            self.plan.after_trainee([outcome.path for outcome in self.trainee.outcomes])
        self.trainee.take_problems()  # the thank-you screen shows every problem of this trainee
        self.stage = "thank-you"
        return Push(self.exits.thank_you(self.trainee))

    # --- a step popped back ------------------------------------------------------------------------
    def on_resume(self, result: Any, ctx: "Context") -> Optional[Transition]:
        stage = self.stage
        if stage == "name":
            if not isinstance(result, str) or not result:
                return self.begin(ctx)
            self.trainee = TraineeRun(self.plan, result)
            if "pre" in self.plan.checks:
                check = self._check(ctx, "pre")
                if check is not None:
                    return check
            return self._round(ctx)
        if stage == "pre-check" and isinstance(result, CheckFinished):
            assert self.trainee is not None
            self.trainee.pre_entry = check_entry(result.state, quiz_sha256=result.loaded.sha256)
            return self._after_pre(ctx)
        if stage == "round":
            if not isinstance(result, RoundDriver):
                return self._round(ctx)  # nothing else leaves a session's round: show it again
            self.index += 1
            assert self.trainee is not None
            problems = self.trainee.take_problems()
            if problems:
                self.stage = "save-problem"
                self.after_problem = self._after_rounds
                return Push(self.exits.save_problem(problems))
            return self._after_rounds(ctx)
        if stage == "save-problem":
            follow = self.after_problem or self._after_rounds
            self.after_problem = None
            return follow(ctx)
        if stage == "post-check" and isinstance(result, CheckFinished):
            assert self.trainee is not None
            self.trainee.post_check_done(check_entry(result.state, quiz_sha256=result.loaded.sha256))
            return self._finish(ctx)
        if stage == "thank-you":
            return self.begin(ctx)
        return None

    # --- leaving ------------------------------------------------------------------------------------
    def flush(self) -> None:
        """The app is closing: write any record still held for the post check."""
        if self.trainee is not None:
            self.trainee.flush()

    def all_trainees(self) -> list[TraineeRun]:
        return self.trainees_done + ([self.trainee] if self.trainee is not None else [])

    def unreported_lines(self) -> list[str]:
        """For the console when the app closes: every result that is not in the results folder."""
        lines = []
        for trainee in self.all_trainees():
            for outcome in trainee.outcomes:
                if outcome.local_copy:
                    lines.append(f"{trainee.name}: the results folder failed ({outcome.problem}); a copy is kept in {outcome.path}")
                elif not outcome.saved:
                    lines.append(f"{trainee.name}: a result was NOT saved ({outcome.problem})")
        return lines

    def draw(self, surface: pygame.Surface, ctx: "Context") -> None:
        surface.fill(ctx.theme.page)
