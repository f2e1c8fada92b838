"""The scene graph: every screen of the game and every way from one to another, wired in one place.

A scene never imports another scene. It receives at construction the exits it needs (this graph,
seen through a small Protocol the scene declares, or plain callables), and asks them for the next
screen: `exits.debrief(driver)`, `exits.briefing(loaded)`. `SceneGraph` is the graph of a player at
the menu; `SessionGraph` is a classroom session's, which gives the briefing no way back and the
debrief one way on, to the next scenario.

To add a screen: write its scene in `game/ui/scenes/`, add one method here that builds it with its
exits, and call that method from the screens that lead to it (docs/architecture.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, Sequence

from game.app.browser import Browser
from game.app.history_observer import kept_in_history
from game.app.round_driver import ResultFileObserver, RoundDriver
from game.app.rounds import fresh_seed, replay_scenario, resumed_driver, reviewed_round
from game.app.session import SessionPlan, SessionResultObserver, TraineeRun
from game.ui.scene import Pop, Push, Replace, Reset, Scene, Transition
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.browser import BrowserScene
from game.ui.scenes.check import CheckIntroScene
from game.ui.scenes.debrief import DebriefExits, DebriefScene, ReviewScene
from game.ui.scenes.feed import FeedScene
from game.ui.scenes.feedback import FeedbackScene
from game.ui.scenes.handover import SaveProblemScene, ThankYouScene
from game.ui.scenes.history import HistoryScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.name_entry import NameEntryScene
from game.ui.scenes.profiles import ResumeOfferScene, SwitchLearnerScene
from game.ui.scenes.reasons import ReasonsScene
from game.ui.scenes.session_flow import SessionScene
from game.ui.scenes.verify import VerifyScene

if TYPE_CHECKING:
    from game.app.present import FeedbackView
    from game.rules.state import RoundState
    from game.scenario.model import LoadedScenario
    from game.scenario.quiz import LoadedQuiz
    from game.store.history import Attempt
    from game.store.session_save import SaveOutcome
    from game.ui.context import Context


class SceneGraph:
    """The screens of a player who starts at the menu."""

    # --- rounds ------------------------------------------------------------------------------------
    def observers(self, ctx: "Context") -> list:
        """The round observers: the result file writer, then the learner history and any others."""
        services = ctx.services
        guest = not " ".join(ctx.settings.player_name.split()) and services.result_file is None and services.session is None
        files = [] if guest else [ResultFileObserver(services.results_dir, services.result_file, services.data_dir / "results")]  # a guest's round is not saved
        return files + [factory() for factory in services.observer_factories]

    def new_round(self, ctx: "Context", loaded: "LoadedScenario", *, seed: Optional[int] = None, shuffle: Optional[bool] = None) -> RoundDriver:
        """A new round of `loaded` for the current player. `seed`/`shuffle` override the services'
        (Replay from My history asks for a fresh order)."""
        services = ctx.services
        history = services.history
        driver = RoundDriver.start(
            loaded,
            player_name=ctx.settings.player_name,
            language=ctx.language,
            session=services.session,
            observers=self.observers(ctx),
            wall_clock=services.wall_clock,
            seed=services.seed if seed is None else seed,
            shuffle=services.shuffle if shuffle is None else shuffle,
            player_id=history.player_id(ctx.settings.player_name) if history is not None else None,
        )
        driver.clock_origin = ctx.time  # the app time at which this round's `now` is 0
        return driver

    # --- the menu and a round ----------------------------------------------------------------------
    def menu(self, ctx: "Context", selected: Optional[str] = None) -> Scene:
        return MenuScene(ctx, self, selected=selected)

    def briefing(self, loaded: "LoadedScenario", *, seed: Optional[int] = None, shuffle: Optional[bool] = None) -> Scene:
        """The briefing, then a new round: every round starts here, Replay too, so none starts by mistake."""
        return BriefingScene(loaded, start=lambda ctx: Replace(self.feed(self.new_round(ctx, loaded, seed=seed, shuffle=shuffle))))

    def feed(self, driver: RoundDriver, focus_index: int = 0) -> Scene:
        return FeedScene(driver, self, focus_index=focus_index)

    def verify(self, ctx: "Context", driver: RoundDriver, post_id: str) -> Scene:
        """The small offline browser (`search`, `page`) when the scenario has a web; else the verify panel."""
        webs = ctx.services.web
        scenario = driver.state.scenario
        if webs is not None and webs.covers(scenario.language.value, scenario.id, post_id):
            return BrowserScene(Browser(driver, post_id, webs.for_language(scenario.language.value)))
        return VerifyScene(driver, post_id)

    def reasons(self, state: "RoundState", post_id: str) -> Scene:
        return ReasonsScene(state, post_id)

    def feedback(self, view: "FeedbackView") -> Scene:
        return FeedbackScene(view)

    def debrief(self, driver: RoundDriver) -> Scene:
        return DebriefScene(driver, DebriefExits(replay=self._replay_round, leave=self._back_to_menu))

    def can_leave(self, ctx: "Context", driver: RoundDriver) -> bool:
        return kept_in_history(driver)

    def leave(self, ctx: "Context", driver: RoundDriver) -> Optional[Transition]:
        """Save and leave: back to the menu; the round stays unfinished in the history."""
        return self._back_to_menu(ctx, driver) if kept_in_history(driver) else None

    def _replay_round(self, ctx: "Context", driver: Any) -> Transition:
        return Replace(self.briefing(driver.loaded))

    def _back_to_menu(self, ctx: "Context", driver: Any) -> Transition:
        scenario = driver.loaded.scenario
        return Reset(self.menu(ctx, selected=scenario.translation_of or scenario.id))

    # --- the learner's history ---------------------------------------------------------------------
    def switch_learner(self, ctx: "Context", current: str) -> Scene:
        return SwitchLearnerScene(ctx, current)

    def resume_offer(self, ctx: "Context", attempt: "Attempt", family_id: str, total_posts: int) -> Scene:
        return ResumeOfferScene(ctx, attempt, family_id, total_posts)

    def history(self, ctx: "Context", name: str) -> Transition:
        """My history for the learner of this name (the profile may not exist yet)."""
        service = ctx.services.history
        learner = service.find_learner(name) if service is not None else None
        return Push(HistoryScene(ctx, learner, " ".join(name.split()), self))

    def review(self, ctx: "Context", attempt: "Attempt") -> Scene:
        return ReviewScene(reviewed_round(ctx.services.history, attempt.id), attempt, replay=lambda later: self.replay(later, attempt))

    def resume(self, ctx: "Context", attempt_id: str) -> Transition:
        """Carry on an unfinished round from its saved state, at its first undecided post."""
        services = ctx.services
        driver = resumed_driver(services.history, attempt_id, observers=self.observers(ctx), language=ctx.language, wall_clock=services.wall_clock)
        driver.clock_origin = ctx.time - driver.state.clock  # the round's clock carries on where it stopped
        undecided = driver.state.undecided
        return Push(self.feed(driver, focus_index=driver.state.order.index(undecided[0]) if undecided else 0))

    def replay(self, ctx: "Context", attempt: "Attempt") -> Transition:
        """The same scenario again, in a fresh order (a new seed, shuffled)."""
        loaded = replay_scenario(ctx.services.history, attempt, ctx.services.library)
        return Push(self.briefing(loaded, seed=fresh_seed(ctx.services.seed), shuffle=True))


class SessionGraph(SceneGraph):
    """The screens of a classroom session (game/ui/session.py): name entry, the checks, the playlist's
    rounds without a way back to a menu, and the thank-you screen."""

    def __init__(self, plan: SessionPlan) -> None:
        self.plan = plan

    def can_leave(self, ctx: "Context", driver: RoundDriver) -> bool:
        return False  # a session's round has no menu to go back to: finish it, or keep playing

    def flow(self) -> SessionScene:
        return SessionScene(self.plan, self)

    def name_entry(self) -> Scene:
        plan = self.plan
        return NameEntryScene(plan.code or "", plan.titles, plan.checks, plan.kiosk)

    def check_intro(self, loaded: "LoadedQuiz", moment: str, seed: Optional[int] = None) -> Scene:
        return CheckIntroScene(loaded, moment, seed)

    def thank_you(self, trainee: TraineeRun) -> Scene:
        return ThankYouScene(trainee.name, trainee.outcomes, trainee.rounds_finished)

    def save_problem(self, problems: Sequence["SaveOutcome"]) -> Scene:
        return SaveProblemScene(problems)

    def session_round(self, trainee: TraineeRun, loaded: "LoadedScenario", index: int) -> Scene:
        """The briefing of the playlist's round `index`: no way back, and its place in the playlist."""
        total = len(self.plan.playlist)

        def start(ctx: "Context") -> Transition:
            return Replace(self.feed(self._session_driver(ctx, trainee, loaded, index)))

        return BriefingScene(loaded, start=start, can_go_back=False, place=(index + 1, total) if total > 1 else None)

    def debrief(self, driver: RoundDriver) -> Scene:
        return DebriefScene(driver, DebriefExits(onward=lambda ctx, finished: Pop(finished)))

    def _session_driver(self, ctx: "Context", trainee: TraineeRun, loaded: "LoadedScenario", index: int) -> RoundDriver:
        """A round of the playlist for the trainee, written through the session's observer (plus any others)."""
        services = ctx.services
        last = index == len(self.plan.playlist) - 1
        observers = [SessionResultObserver(trainee, last)] + [factory() for factory in services.observer_factories]
        driver = RoundDriver.start(
            loaded,
            player_name=trainee.name,
            language=ctx.language,
            session=self.plan.code,
            observers=observers,
            wall_clock=services.wall_clock,
            seed=services.seed,
            shuffle=services.shuffle,
        )
        driver.clock_origin = ctx.time
        return driver
