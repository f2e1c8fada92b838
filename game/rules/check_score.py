"""Scores of the pre/post quick check (after MIST, Maertens et al.) and its entry in the result record.

MIST's scores, adapted to any form length and to a "not sure" answer:
- V (veracity discernment): answers that are right: a real item judged real, a fake item judged fake.
  "Not sure" is never right.
- r: real items judged real.  f: fake items judged fake.
- d (distrust): how far the number of "fake" answers exceeds the number of fake items,
  max(0, fake answers − fake items). With a 50/50 form that is "more than half".
- n (naivety): the same for "real" answers, max(0, real answers − real items).
- d′ and criterion c: signal detection with the log-linear correction (Hautus 1995), through the
  rules' own `scoring.discernment`. A "fake" answer is the signal response ("this is
  misinformation"), as a flag is in the game; "real" and "not sure" are not. So a hit is a fake item
  judged fake, a false alarm a real item judged fake; "not sure" on a fake item is a miss and on a
  real item a correct rejection. Negative c = quick to call things fake (sceptical); positive c = lets
  things through (trusting).

`add_check(record, moment, entry)` puts a check's entry into a result record under
`checks.pre` / `checks.post` (see docs/results-format.md). No pygame, no clock reads, no file I/O.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, Iterable, Optional

from game.rules.scoring import Discernment, discernment
from game.scenario.quiz import QuizVerdict

CHECK_MOMENTS = ("pre", "post")


@dataclass(frozen=True)
class CheckScore:
    """MIST-style scores of one check, with signal-detection figures."""

    items: int
    real_items: int
    fake_items: int
    correct: int  # V
    real_detected: int  # r
    fake_detected: int  # f
    distrust: int  # d
    naivety: int  # n
    answered_real: int
    answered_fake: int
    not_sure: int
    unanswered: int
    signal: Discernment

    @property
    def d_prime(self) -> float:
        return self.signal.d_prime

    @property
    def criterion(self) -> float:
        return self.signal.criterion


def score_answers(pairs: Iterable[tuple[QuizVerdict | str, Optional[str]]]) -> CheckScore:
    """Score (verdict, answer) pairs; answer is "real", "fake", "not-sure" or None (not answered).

    An unanswered item counts like "not sure" (never right, not a "fake" answer).
    """
    items = real_items = fake_items = 0
    real_detected = fake_detected = answered_real = answered_fake = not_sure = unanswered = 0
    false_alarms = 0
    for verdict, answer in pairs:
        verdict = QuizVerdict(verdict)
        items += 1
        real_items += verdict is QuizVerdict.real
        fake_items += verdict is QuizVerdict.fake
        if answer == "real":
            answered_real += 1
            real_detected += verdict is QuizVerdict.real
        elif answer == "fake":
            answered_fake += 1
            fake_detected += verdict is QuizVerdict.fake
            false_alarms += verdict is QuizVerdict.real
        elif answer is None:
            unanswered += 1
        else:
            not_sure += 1
    hits = fake_detected
    return CheckScore(
        items=items,
        real_items=real_items,
        fake_items=fake_items,
        correct=real_detected + fake_detected,
        real_detected=real_detected,
        fake_detected=fake_detected,
        distrust=max(0, answered_fake - fake_items),
        naivety=max(0, answered_real - real_items),
        answered_real=answered_real,
        answered_fake=answered_fake,
        not_sure=not_sure,
        unanswered=unanswered,
        signal=discernment(hits, fake_items - hits, false_alarms, real_items - false_alarms),
    )


def score_entry(score: CheckScore) -> dict[str, Any]:
    """The score keys of a record's check entry (JSON-ready)."""
    return {
        "items": score.items,
        "V": score.correct,
        "r": score.real_detected,
        "f": score.fake_detected,
        "d": score.distrust,
        "n": score.naivety,
        "not_sure": score.not_sure,
        "unanswered": score.unanswered,
        "d_prime": score.d_prime,
        "criterion": score.criterion,
        "hit_rate": score.signal.hit_rate,
        "false_alarm_rate": score.signal.false_alarm_rate,
    }


def add_check(record: dict[str, Any], moment: str, entry: dict[str, Any]) -> dict[str, Any]:
    """A copy of the result record with the check entry under `checks[moment]` ("pre" or "post").

    Other checks already in the record are kept; the record passed in is not changed.
    """
    if moment not in CHECK_MOMENTS:
        raise ValueError(f"A check is 'pre' or 'post', not {moment!r}.")
    updated = dict(record)
    checks = dict(record.get("checks") or {})
    checks[moment] = copy.deepcopy(entry)
    updated["checks"] = checks
    return updated
