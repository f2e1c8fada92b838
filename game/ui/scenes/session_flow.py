"""The order of a classroom session, as a scene at the bottom of the stack.

`SessionScene` is never seen: it pushes each step and continues when that step pops back to it:
name entry -> pre check (intro, items) -> for each playlist scenario: briefing, feed, debrief ->
post check -> thank you -> name entry for the next trainee. A result that could not be written to the
results folder is announced at once (`SaveProblemScene`) after the debrief, and again on the thank-you
screen. `SessionBriefingScene` is the usual briefing without a way back to the menu.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Optional

import pygame

from game.rules.counterbalance import form_for
from game.rules.quick_check import check_entry
from game.ui import theme as sizes
from game.ui.round_driver import RoundDriver
from game.ui.scene import Push, Replace, Scene, Transition
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.check import CheckFinished, CheckIntroScene
from game.ui.scenes.handover import SaveProblemScene, ThankYouScene
from game.ui.scenes.name_entry import NameEntryScene
from game.ui.session import SessionPlan, SessionResultObserver, TraineeRun

if TYPE_CHECKING:
    from game.scenario.model import LoadedScenario
    from game.ui.context import Context


class SessionScene(Scene):
    name = "session"

    def __init__(self, plan: SessionPlan) -> None:
        super().__init__()
        self.plan = plan
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
        return Push(NameEntryScene(self.plan.code or "", self.plan.titles, self.plan.checks, self.plan.kiosk))

    def _check(self, ctx: "Context", moment: str) -> Optional[Transition]:
        assert self.trainee is not None
        bank = self.plan.check_bank
        loaded = bank.quiz(form_for(moment, self.trainee.order), ctx.language) if bank is not None else None
        if loaded is None:
            return None
        self.stage = f"{moment}-check"
        return Push(CheckIntroScene(loaded, moment, self.trainee.check_seed(moment)))

    def _round(self, ctx: "Context") -> Transition:
        self.stage = "round"
        loaded = self.plan.playlist[self.index].version_for(ctx.language)
        return Push(SessionBriefingScene(loaded, self, self.index))

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
        self.trainee.take_problems()  # the thank-you screen shows every problem of this trainee
        self.stage = "thank-you"
        return Push(ThankYouScene(self.trainee.name, self.trainee.outcomes, self.trainee.rounds_finished))

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
                return Push(SaveProblemScene(problems))
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


class SessionBriefingScene(BriefingScene):
    """The briefing of a session's round: no way back to a menu, and the scenario's place in the playlist."""

    def __init__(self, loaded: "LoadedScenario", flow: SessionScene, index: int) -> None:
        super().__init__(loaded)
        self.flow = flow
        self.index = index

    def layout(self, ctx: "Context") -> None:
        super().layout(ctx)
        self.buttons = [b for b in self.buttons if b.key != "back"]

    def on_back(self, ctx: "Context") -> Optional[Transition]:
        return None

    def on_message(self, message: Any, ctx: "Context") -> Optional[Transition]:
        return self.on_confirm(ctx) if message == "start" else None

    def on_confirm(self, ctx: "Context") -> Optional[Transition]:
        from game.ui.scenes.feed import FeedScene

        return Replace(FeedScene(start_session_round(ctx, self.loaded, self.flow, self.index)))

    def draw(self, surface: pygame.Surface, ctx: "Context") -> None:
        super().draw(surface, ctx)
        m = ctx.metrics
        total = len(self.flow.plan.playlist)
        if total > 1:
            label = ctx.text.render_line(ctx.tr("Scenario {number} of {total}", number=self.index + 1, total=total), sizes.FONT_BODY, ctx.theme.text, bold=True)
            bar = m.px(sizes.TOP_BAR_HEIGHT)
            surface.blit(label, (m.width - m.px(20) - label.get_width(), (bar - label.get_height()) // 2))


def start_session_round(ctx: "Context", loaded: "LoadedScenario", flow: SessionScene, index: int) -> RoundDriver:
    """A round of the playlist for the trainee, written through the session's observer (plus any others)."""
    services = ctx.services
    trainee = flow.trainee
    assert trainee is not None
    last = index == len(flow.plan.playlist) - 1
    observers = [SessionResultObserver(trainee, last)] + [factory() for factory in services.observer_factories]
    driver = RoundDriver.start(
        loaded,
        player_name=trainee.name,
        language=ctx.language,
        session=flow.plan.code,
        observers=observers,
        wall_clock=services.wall_clock,
        seed=services.seed,
        shuffle=services.shuffle,
    )
    driver.clock_origin = ctx.time
    return driver
