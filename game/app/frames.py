"""The frame-loop contract shared by `play`, `autoplay`, the session autopilot and the tests.

An app is anything with `running` and `frame(events, dt, surface) -> bool` (`game.ui.app.App`).
A `FrameSource` is where a loop gets its events, frame time and surface, and where it shows a
finished frame (pygame's queue and display in `game.ui.frames`; a test may pass its own).
A `Pilot` is a bot that plays like a person between frames (`game.ui.autopilot`).
`run_frames` is the one loop: pilot step, frame, show, and for a paced demo a wait that keeps
drawing. No pygame here and no clock of its own: time comes from the source.
"""

from __future__ import annotations

from typing import Any, Callable, Optional, Protocol, Sequence


class FrameApp(Protocol):
    running: bool

    def frame(self, events: Sequence[Any], dt: float, surface: Any) -> bool: ...


class FrameSource(Protocol):
    def events(self) -> list[Any]: ...  # the input events of this frame

    def tick(self) -> float: ...  # the time this frame stands for, in seconds

    def surface(self) -> Any: ...  # what the frame draws on

    def show(self) -> None: ...  # put the drawn frame on screen

    def now(self) -> float: ...  # a monotonic clock in seconds, for paced waits


class Pilot(Protocol):
    finished: bool  # the pilot reached the screen it plays to

    def step(self) -> bool: ...  # post what a player does next; True when a decision was made


def run_frames(
    app: FrameApp,
    source: FrameSource,
    *,
    pilot: Optional[Pilot] = None,
    max_frames: Optional[int] = None,
    pace: float = 0.0,
    after_frame: Optional[Callable[[], None]] = None,
) -> int:
    """Run frames until the app stops, the pilot finishes or `max_frames` ran; returns the frames run.

    When the pilot finishes one more frame is drawn without input (so its screen is shown and shot).
    With `pace` > 0 the loop keeps drawing for `pace` seconds after each decision (a projected demo).
    """
    frames = 0
    while app.running and (max_frames is None or frames < max_frames):
        decided = pilot.step() if pilot is not None else False
        dt = source.tick()
        if not app.frame(source.events(), dt, source.surface()):
            break
        source.show()
        frames += 1
        if after_frame is not None:
            after_frame()
        if pilot is not None and pilot.finished:
            app.frame([], dt, source.surface())
            break
        if decided and pace > 0:
            wait(app, source, pace)
    return frames


def wait(app: FrameApp, source: FrameSource, seconds: float) -> None:
    """Keep drawing (and the window responsive) for `seconds`."""
    end = source.now() + seconds
    while app.running and source.now() < end:
        app.frame(source.events(), source.tick(), source.surface())
        source.show()
