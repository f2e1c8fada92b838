"""The messages screens and widgets send, as frozen values matched by type (never tuples).

- Widget messages, which a button carries and the scene's `on_message` receives: `PostAction`
  (an action on a post, with `rules.Action`), `FinishRound`.
- Results a screen pops with, which the screen below receives in `on_resume`: `FlagReasons` (the
  reasons dialog), `CheckFinished` (a quick check). `Confirmed` (the yes/no dialog) is in
  `game.ui.dialogs`.

Plain data: no pygame, no drawing, no screen opened from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FlagReasons:
    """The flag-reasons dialog's answer: flag `post` for these technique ids, settled by these checks."""

    post: str
    reasons: tuple[str, ...]
    settled_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckFinished:
    """What a finished check pops with: its final state and the quiz file it came from."""

    state: Any  # game.rules.quick_check.CheckState
    loaded: Any  # game.scenario.quiz.LoadedQuiz
