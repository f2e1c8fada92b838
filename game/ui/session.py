"""The classroom session's app: `SessionApp` (a kiosk ignores the window close, Alt+F4, Esc and F11;
only Ctrl+Shift+Q followed by a confirmation leaves, docs/sessions.md) and `build_session_app`, which
opens the window and starts the session flow from a `game.app.session.SessionPlan`.

The plan, the trainee's run and the result observer are pygame-free, in `game/app/session.py`; the
screens are in `game/ui/scenes/` (name_entry, check, handover, session_flow).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from game.app.options import LaunchOptions
from game.app.session import SessionOptions, plan_session
from game.ui.app import App
from game.ui.dialogs import ConfirmScene
from game.ui.graph import SessionGraph
from game.ui.launch import build_app
from game.ui.scene import Push
from game.ui.scenes.session_flow import SessionScene


class SessionApp(App):
    """The app in session mode. A kiosk ignores the window close, F11 and Esc at the top level;
    Ctrl+Shift+Q then a confirmation is the facilitator's way out."""

    def __init__(self, ctx, flow, kiosk: bool) -> None:
        super().__init__(ctx, flow)
        self.flow = flow
        self.kiosk = kiosk
        self.window_locked = kiosk
        self.apply(flow.begin(ctx))

    def quit_requested(self):
        if self.kiosk:
            return None
        return super().quit_requested()

    def keeps_unfinished_rounds(self) -> bool:
        return False  # a session's round left early is not kept for later

    def facilitator_exit_requested(self):
        if isinstance(self.top, ConfirmScene) and self.top.key == "facilitator-exit":
            return None
        tr = self.ctx.tr
        return Push(
            ConfirmScene(
                "facilitator-exit",
                tr("Close Feedwise on this computer?"),
                tr("For the facilitator: this ends the session here. Results already saved are kept; a round in progress is not saved."),
                tr("Close Feedwise"),
                tr("Keep running"),
                quits=True,
            )
        )


def build_session_app(launch: LaunchOptions, session: SessionOptions) -> tuple[SessionApp, Any, SessionScene]:
    """(app, window, flow) for a session; raises `LaunchError` with a plain message."""
    if session.kiosk:
        os.environ.setdefault("SDL_WINDOWS_NO_CLOSE_ON_ALT_F4", "1")
        launch.fullscreen = True
    launch.session = session.code
    launch.save_settings = False  # shared PCs: one trainee's choices are not saved for the next
    launch.scenario = None
    launch.start_at = "menu"
    app, window = build_app(launch)
    ctx = app.ctx
    services = ctx.services
    plan = plan_session(session, services.library, language=ctx.language, results_dir=Path(services.results_dir), data_dir=services.data_dir)
    flow = SessionGraph(plan).flow()
    return SessionApp(ctx, flow, session.kiosk), window, flow
