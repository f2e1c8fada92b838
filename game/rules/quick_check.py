"""The pre/post quick check as pure state and commands, like the round engine but with no feedback.

- `new_check(quiz, moment=..., seed=None, shuffle=False, now=0.0) -> CheckState`
- `apply_check(state, command, now) -> CheckStep` (next state + events; never raises).
  Commands: `AnswerItem(item, answer)` with answer "real", "fake" or "not-sure" (an `Answer`), for the
  current item only (one screen per item, in order); `FinishCheck()` ends it early (the rest stay
  unanswered and count like "not sure").
  Events: `ItemAnswered(item, answer)` (deliberately without correctness: a check shows no feedback),
  `CheckOver(reason)`, and the rules' `Rejected(reason, message)` for a command that is not allowed.
- `check_entry(state)`: the JSON-ready entry for the result record's `checks.pre` / `checks.post`
  (scores from `check_score`, plus every answer). Store it with `check_score.add_check`.
- Bots for autoplay and tests: `check_policy(name, seed)` with the game's policy names, `play_check`.

`now` is real seconds passed in by the shell (never read here). No pygame, no file I/O.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, replace
from enum import Enum
from functools import cached_property
from typing import Any, Optional, Protocol, Union

from game.rules.check_score import CHECK_MOMENTS, CheckScore, score_answers, score_entry
from game.rules.events import Rejected
from game.scenario.quiz import Quiz, QuizItem, QuizVerdict

Seed = Union[int, str, None]


class Answer(str, Enum):
    """A trainee's answer to a check item."""

    real = "real"
    fake = "fake"
    not_sure = "not-sure"


# ----------------------------------------------------------------------------------------------
# Commands and events


@dataclass(frozen=True)
class AnswerItem:
    """Answer the item on screen. `answer` is an `Answer` or its value ("real", "fake", "not-sure")."""

    item: str
    answer: Union[Answer, str]

    def __post_init__(self) -> None:
        answer = self.answer
        if not isinstance(answer, Answer) and isinstance(answer, str):
            try:
                answer = Answer(answer.replace("_", "-"))
            except ValueError:
                return  # left as given; apply_check rejects it as "unknown-answer"
        object.__setattr__(self, "answer", answer)


@dataclass(frozen=True)
class FinishCheck:
    """End the check now; unanswered items count like "not sure"."""


CheckCommand = Union[AnswerItem, FinishCheck]


@dataclass(frozen=True)
class ItemAnswered:
    """An item was answered. Carries no correctness: the check gives no feedback."""

    item: str
    answer: Answer


@dataclass(frozen=True)
class CheckOver:
    """The check ended: `reason` is "all-answered" or "finished" (ended early)."""

    reason: str


CheckEvent = Union[ItemAnswered, CheckOver, Rejected]

CHECK_REJECTION_REASONS = {
    "check-over": "The check is over.",
    "unknown-item": "There is no such item in this check.",
    "not-current": "Only the item on screen can be answered.",
    "unknown-answer": "An answer is 'real', 'fake' or 'not-sure'.",
    "unknown-command": "This is not a command the check knows.",
}


# ----------------------------------------------------------------------------------------------
# State


@dataclass(frozen=True)
class ItemResponse:
    """One answered item: `at` is seconds since the check started, `seconds` the time spent on it."""

    item: str
    answer: Answer
    at: float
    seconds: float


@dataclass(frozen=True)
class CheckState:
    """One check being taken. Make it with `new_check`; change it only through `apply_check`."""

    quiz: Quiz
    moment: str
    order: tuple[str, ...]
    seed: Seed = None
    shuffled: bool = False
    start: float = 0.0
    clock: float = 0.0
    responses: tuple[ItemResponse, ...] = ()
    end_reason: Optional[str] = None

    @cached_property
    def items_by_id(self) -> dict[str, QuizItem]:
        return {item.id: item for item in self.quiz.items}

    @property
    def over(self) -> bool:
        return self.end_reason is not None

    @property
    def current(self) -> Optional[str]:
        """The id of the item on screen, or None once the check is over."""
        if self.over or len(self.responses) >= len(self.order):
            return None
        return self.order[len(self.responses)]

    @property
    def position(self) -> int:
        """1-based number of the item on screen (len(order) + 1 once all are answered)."""
        return len(self.responses) + 1

    def item(self, item_id: str) -> QuizItem:
        return self.items_by_id[item_id]

    def answer_to(self, item_id: str) -> Optional[Answer]:
        return next((response.answer for response in self.responses if response.item == item_id), None)

    @property
    def elapsed(self) -> float:
        return self.clock - self.start


def new_check(quiz: Quiz, *, moment: str, seed: Seed = None, shuffle: bool = False, now: float = 0.0) -> CheckState:
    """A fresh check of the quiz at real time `now`. With `shuffle`, the item order follows `seed`."""
    if moment not in CHECK_MOMENTS:
        raise ValueError(f"A check is 'pre' or 'post', not {moment!r}.")
    order = [item.id for item in quiz.items]
    if shuffle:
        if seed is None:
            seed = random.SystemRandom().randrange(2**31)
        random.Random(f"check|{seed}").shuffle(order)
    start = float(now) if _finite(now) else 0.0
    return CheckState(quiz=quiz, moment=moment, order=tuple(order), seed=seed, shuffled=shuffle, start=start, clock=start)


def _finite(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


# ----------------------------------------------------------------------------------------------
# Commands


@dataclass(frozen=True)
class CheckStep:
    """The result of applying a command: the next state and what happened."""

    state: CheckState
    events: tuple[CheckEvent, ...] = ()

    @property
    def rejected(self) -> Optional[Rejected]:
        return next((event for event in self.events if isinstance(event, Rejected)), None)


def _reject(reason: str) -> Rejected:
    return Rejected(reason, CHECK_REJECTION_REASONS[reason])


def check_allowed(state: CheckState, command: object) -> Optional[Rejected]:
    """Why `command` would be rejected now, or None if it is allowed (for enabling buttons)."""
    if isinstance(command, AnswerItem):
        if state.over:
            return _reject("check-over")
        if command.item not in state.items_by_id:
            return _reject("unknown-item")
        if command.item != state.current:
            return _reject("not-current")
        if not isinstance(command.answer, Answer):
            return _reject("unknown-answer")
        return None
    if isinstance(command, FinishCheck):
        return _reject("check-over") if state.over else None
    return _reject("unknown-command")


def apply_check(state: CheckState, command: object, now: float) -> CheckStep:
    """Apply a command at real time `now` (seconds; an earlier `now` than seen counts as no time passing)."""
    rejection = check_allowed(state, command)
    if rejection is not None:
        return CheckStep(state, (rejection,))
    clock = max(state.clock, float(now)) if _finite(now) else state.clock
    if isinstance(command, FinishCheck):
        return CheckStep(replace(state, clock=clock, end_reason="finished"), (CheckOver("finished"),))
    assert isinstance(command, AnswerItem) and isinstance(command.answer, Answer)
    previous = state.responses[-1].at if state.responses else 0.0
    at = clock - state.start
    response = ItemResponse(command.item, command.answer, at=at, seconds=max(0.0, at - previous))
    responses = state.responses + (response,)
    events: list[CheckEvent] = [ItemAnswered(command.item, command.answer)]
    end_reason = None
    if len(responses) == len(state.order):
        end_reason = "all-answered"
        events.append(CheckOver(end_reason))
    return CheckStep(replace(state, clock=clock, responses=responses, end_reason=end_reason), tuple(events))


# ----------------------------------------------------------------------------------------------
# Scores and the record entry


def score_check(state: CheckState) -> CheckScore:
    """MIST-style scores of the check so far; unanswered items count like "not sure"."""
    answers = {response.item: response.answer.value for response in state.responses}
    return score_answers((state.item(item_id).verdict, answers.get(item_id)) for item_id in state.order)


def check_entry(state: CheckState, *, quiz_sha256: Optional[str] = None) -> dict[str, Any]:
    """The entry for the result record's `checks.<moment>` (documented in docs/results-format.md)."""
    quiz = state.quiz
    responses = {response.item: response for response in state.responses}
    answers = []
    for position, item_id in enumerate(state.order, start=1):
        response = responses.get(item_id)
        verdict = state.item(item_id).verdict
        answer = response.answer.value if response else None
        answers.append(
            {
                "item": item_id,
                "order": position,
                "answer": answer,
                "verdict": verdict.value,
                "correct": answer == verdict.value,
                "seconds": round(response.seconds, 3) if response else None,
            }
        )
    return {
        "form": quiz.form.value,
        "quiz": quiz.id,
        "language": quiz.language.value,
        "sha256": quiz_sha256,
        **score_entry(score_check(state)),
        "complete": len(state.responses) == len(state.order),
        "seed": state.seed,
        "shuffled": state.shuffled,
        "elapsed_seconds": round(state.elapsed, 3),
        "answers": answers,
    }


# ----------------------------------------------------------------------------------------------
# Bots: the game's policy names, answering check items


class CheckPolicy(Protocol):
    name: str

    def next_command(self, state: CheckState) -> Optional[CheckCommand]: ...


_SAME_ANSWER = {"share-all": Answer.real, "flag-all": Answer.fake, "skip-all": Answer.not_sure}
CHECK_POLICY_NAMES = ("perfect", "share-all", "flag-all", "skip-all", "random")


@dataclass(frozen=True)
class AnswerPolicy:
    """Answers every item: perfect (always right), share-all (real), flag-all (fake), skip-all (not sure), random (seeded)."""

    name: str
    seed: Seed = None

    def next_command(self, state: CheckState) -> Optional[CheckCommand]:
        item_id = state.current
        if item_id is None:
            return None
        if self.name == "perfect":
            return AnswerItem(item_id, Answer.fake if state.item(item_id).verdict is QuizVerdict.fake else Answer.real)
        if self.name in _SAME_ANSWER:
            return AnswerItem(item_id, _SAME_ANSWER[self.name])
        return AnswerItem(item_id, random.Random(f"{self.seed}|check|{state.moment}|{item_id}").choice(list(Answer)))


def check_policy(name: str, seed: Seed = None) -> CheckPolicy:
    """The check bot for a game policy name (the same names as `bots.make_policy`)."""
    if name not in CHECK_POLICY_NAMES:
        raise ValueError(f"Unknown bot policy {name!r}; choose one of: {', '.join(CHECK_POLICY_NAMES)}.")
    return AnswerPolicy(name, seed)


def play_check(state: CheckState, policy: CheckPolicy, *, seconds_per_item: float = 1.0) -> tuple[CheckState, list[CheckEvent]]:
    """Let a policy answer until the check is over. Raises RuntimeError if the policy sends a rejected command."""
    events: list[CheckEvent] = []
    now = state.clock
    for _ in range(len(state.order) + 1):
        command = policy.next_command(state)
        if command is None:
            return state, events
        now += seconds_per_item
        step = apply_check(state, command, now)
        if step.rejected is not None:
            raise RuntimeError(f"Policy {policy.name!r} sent a rejected command {command!r}: {step.rejected.message}")
        events.extend(step.events)
        state = step.state
    return state, events
