"""Scoring: points for each decision, the best achievable score, and signal-detection figures.

The rubric and its reasons are in docs/scoring.md. Weights come from the scenario's `scoring`
(the model holds the defaults). A flag is a "this is misinformation" answer; a share or a skip is
"not misinformation". Rates use the log-linear correction (Hautus 1995): (count + 0.5) / (n + 1).
No pygame, no clock reads, no file I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist
from typing import Iterable, Optional

from game.rules.commands import Action
from game.rules.state import Decision, RoundState
from game.scenario.model import LoadedScenario, Post, Scoring

_STANDARD_NORMAL = NormalDist()


def outcome_points(scoring: Scoring, post: Post, action: Action) -> int:
    """Points for an action on a post, before any reason bonus or tool cost."""
    if post.verdict.is_misinformation:
        return {
            Action.flag: scoring.flag_misinformation,
            Action.share: scoring.share_misinformation,
            Action.skip: scoring.skip_misinformation,
        }[action]
    return {
        Action.flag: scoring.flag_reliable,
        Action.share: scoring.share_reliable,
        Action.skip: scoring.skip_reliable,
    }[action]


def nameable_techniques(loaded: LoadedScenario, post: Post) -> tuple[str, ...]:
    """The post's technique ids a learner can name (those the scenario knows), without repeats."""
    ids: list[str] = []
    for use in post.techniques:
        if use.id in loaded.techniques and use.id not in ids:
            ids.append(use.id)
    return tuple(ids)


def right_reason(loaded: LoadedScenario, post: Post, action: Action, reasons: Iterable[str]) -> bool:
    """True when the scenario asks for reasons and a flag names at least one of the post's techniques."""
    if action is not Action.flag or not loaded.scenario.ask_reasons:
        return False
    return bool(set(reasons) & set(nameable_techniques(loaded, post)))


def is_correct(post: Post, action: Action) -> bool:
    """Right when a flag meets misinformation, or a share or skip meets a reliable post."""
    return (action is Action.flag) == post.verdict.is_misinformation


def decision_points(loaded: LoadedScenario, post: Post, action: Action, reasons: Iterable[str], tools_used: int) -> int:
    """All points a decision earns: the outcome, the right-reason bonus and the cost of its tools."""
    scoring = loaded.scenario.scoring
    points = outcome_points(scoring, post, action) + scoring.tool_cost * tools_used
    if right_reason(loaded, post, action, reasons):
        points += scoring.right_reason_bonus
    return points


def best_points(loaded: LoadedScenario, post: Post) -> int:
    """The most a post can earn: the best action, the reason bonus if a flag can earn it, no tools."""
    scoring = loaded.scenario.scoring
    candidates = []
    for action in Action:
        points = outcome_points(scoring, post, action)
        if action is Action.flag and loaded.scenario.ask_reasons and nameable_techniques(loaded, post):
            points += scoring.right_reason_bonus
        candidates.append(points)
    return max(candidates)


def best_action(loaded: LoadedScenario, post: Post) -> Action:
    """The action that earns `best_points`; ties go to the correct answer (flag misinformation, share news)."""
    preferred = Action.flag if post.verdict.is_misinformation else Action.share
    ranked = sorted(
        Action,
        key=lambda action: (
            -decision_points(loaded, post, action, nameable_techniques(loaded, post), 0),
            action is not preferred,
            not is_correct(post, action),
        ),
    )
    return ranked[0]


def max_points(loaded: LoadedScenario) -> int:
    """The best achievable score: best action on every post, right reasons, no tools."""
    return sum(best_points(loaded, post) for post in loaded.scenario.posts)


def z_score(rate: float) -> float:
    """The standard normal quantile of a rate strictly between 0 and 1."""
    return _STANDARD_NORMAL.inv_cdf(rate)


@dataclass(frozen=True)
class Discernment:
    """Signal-detection figures. Rates are log-linear corrected; the `_raw` rates are not (None if no posts)."""

    hits: int
    misses: int
    false_alarms: int
    correct_rejections: int
    hit_rate: float
    false_alarm_rate: float
    d_prime: float
    criterion: float
    hit_rate_raw: Optional[float]
    false_alarm_rate_raw: Optional[float]


def discernment(hits: int, misses: int, false_alarms: int, correct_rejections: int) -> Discernment:
    """d′ = z(H) − z(F) and c = −(z(H) + z(F)) / 2 with the log-linear correction (Hautus 1995)."""
    misinformation = hits + misses
    reliable = false_alarms + correct_rejections
    hit_rate = (hits + 0.5) / (misinformation + 1)
    false_alarm_rate = (false_alarms + 0.5) / (reliable + 1)
    z_hit, z_false_alarm = z_score(hit_rate), z_score(false_alarm_rate)
    return Discernment(
        hits=hits,
        misses=misses,
        false_alarms=false_alarms,
        correct_rejections=correct_rejections,
        hit_rate=hit_rate,
        false_alarm_rate=false_alarm_rate,
        d_prime=(z_hit - z_false_alarm) + 0.0,  # + 0.0 turns a negative zero into 0.0
        criterion=-(z_hit + z_false_alarm) / 2 + 0.0,
        hit_rate_raw=hits / misinformation if misinformation else None,
        false_alarm_rate_raw=false_alarms / reliable if reliable else None,
    )


@dataclass(frozen=True)
class ScoreReport:
    """The score of a round so far. Signal-detection figures count decided posts only."""

    points: int
    max_points: int
    discernment: Discernment
    harmful_shares: int
    correct: int
    decided: int
    undecided: int
    tools_used: int
    right_reasons: int


def points_for(state: RoundState, decision: Decision) -> int:
    """Points a decision in this round earns, counting the tools used on its post."""
    post = state.post(decision.post)
    return decision_points(state.loaded, post, decision.action, decision.reasons, len(state.tools_on(decision.post)))


def score(state: RoundState) -> ScoreReport:
    """Score the round (finished or not). Tools used on undecided posts already cost their points."""
    loaded = state.loaded
    hits = misses = false_alarms = correct_rejections = harmful = correct = right = 0
    points = 0
    for decision in state.decisions:
        post = state.post(decision.post)
        points += points_for(state, decision)
        flagged = decision.action is Action.flag
        if post.verdict.is_misinformation:
            hits += flagged
            misses += not flagged
            harmful += decision.action is Action.share
        else:
            false_alarms += flagged
            correct_rejections += not flagged
        correct += is_correct(post, decision.action)
        right += right_reason(loaded, post, decision.action, decision.reasons)
    undecided_tools = sum(len(state.tools_on(post_id)) for post_id in state.undecided)
    points += loaded.scenario.scoring.tool_cost * undecided_tools
    return ScoreReport(
        points=points,
        max_points=max_points(loaded),
        discernment=discernment(hits, misses, false_alarms, correct_rejections),
        harmful_shares=harmful,
        correct=correct,
        decided=len(state.decisions),
        undecided=len(state.undecided),
        tools_used=len(state.tool_uses),
        right_reasons=right,
    )
