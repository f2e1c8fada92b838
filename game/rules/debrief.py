"""Debrief: what each decision teaches, per-technique tallies and a plain-language reading.

`post_feedback` builds the item for one post (the same item the engine sends in `FeedbackReady`
during practice rounds); `debrief` builds the whole end-of-round model. A post the learner got wrong
because of how it looked carries a `cue_lesson` (game.rules.cue_lessons). Technique names, definitions
and tips come from `loaded.techniques` (already in the scenario's language); the game's own words are
`Message`s the UI translates (`render_reading_en` gives English). No pygame, no clock, no file I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from game.rules.clues import Clue, EvidenceSpan, all_clues, evidence_spans
from game.rules.commands import Action
from game.rules.cue_lessons import cue_lesson
from game.rules.messages import Message, render_en
from game.rules.scoring import ScoreReport, is_correct, points_for, right_reason, score
from game.rules.state import RoundState
from game.scenario.model import Tool, Verdict

# |criterion| beyond this counts as a clear lean towards flagging (negative) or letting through (positive).
BIAS_THRESHOLD = 0.25


@dataclass(frozen=True)
class TechniqueFeedback:
    """A technique used in a post: what it is, how to spot it, and where the post shows it."""

    id: str
    name: str
    definition: str
    tip: str
    note: str
    evidence: str
    evidence_spans: tuple[EvidenceSpan, ...]
    named: bool  # the learner named this technique when flagging


@dataclass(frozen=True)
class PostFeedback:
    """The debrief item for one post. `action`, `correct`, `points` and `outcome` are None while undecided."""

    post: str
    position: int
    verdict: Verdict
    action: Optional[Action]
    correct: Optional[bool]
    points: Optional[int]
    outcome: Optional[str]  # "hit", "miss", "false-alarm" or "correct-rejection"
    harmful: bool  # misinformation that was shared
    auto: Optional[str]  # "time-up" or "ended" when skipped for the learner
    reasons: tuple[str, ...]
    right_reason: bool
    tools_used: tuple[Tool, ...]
    techniques: tuple[TechniqueFeedback, ...]
    explanation: str
    tip: Optional[str]  # the first technique's tip; None for a reliable post
    clues: tuple[Clue, ...]  # what every verify tool would have revealed
    cue_lesson: Optional[Message] = None  # a surface cue (badge, `!!`, followers...) misled the learner here


@dataclass(frozen=True)
class TechniqueTally:
    """How a technique fared across the round: posts flagged (caught), not flagged (missed), named."""

    id: str
    name: str
    caught: int
    missed: int
    named: int


@dataclass(frozen=True)
class Debrief:
    """The end-of-round model. `posts` is in feed order; the other post lists are subsets of it."""

    score: ScoreReport
    posts: tuple[PostFeedback, ...]
    missed: tuple[PostFeedback, ...]  # misinformation not flagged (shared or skipped)
    harmful: tuple[PostFeedback, ...]  # misinformation shared
    false_alarms: tuple[PostFeedback, ...]  # reliable posts flagged
    techniques: tuple[TechniqueTally, ...]
    missed_techniques: tuple[str, ...]
    reading: tuple[Message, ...]
    end_reason: Optional[str]


def _outcome(verdict: Verdict, action: Action) -> str:
    flagged = action is Action.flag
    if verdict.is_misinformation:
        return "hit" if flagged else "miss"
    return "false-alarm" if flagged else "correct-rejection"


def post_feedback(state: RoundState, post_id: str) -> PostFeedback:
    """The debrief item for one post of the round."""
    loaded = state.loaded
    post = state.post(post_id)
    decision = state.decision(post_id)
    reasons = decision.reasons if decision else ()
    techniques = []
    for use in post.techniques:
        known = loaded.techniques.get(use.id)
        techniques.append(
            TechniqueFeedback(
                id=use.id,
                name=known.name if known else use.id,
                definition=known.definition if known else "",
                tip=known.tip if known else "",
                note=use.note,
                evidence=use.evidence,
                evidence_spans=evidence_spans(post, use.evidence),
                named=use.id in reasons,
            )
        )
    tip = next((t.tip for t in techniques if t.tip), None) if post.verdict.is_misinformation else None
    outcome = _outcome(post.verdict, decision.action) if decision else None
    return PostFeedback(
        post=post.id,
        position=state.position(post.id),
        verdict=post.verdict,
        action=decision.action if decision else None,
        correct=is_correct(post, decision.action) if decision else None,
        points=points_for(state, decision) if decision else None,
        outcome=outcome,
        harmful=bool(decision and decision.action is Action.share and post.verdict.is_misinformation),
        auto=decision.auto if decision else None,
        reasons=reasons,
        right_reason=bool(decision and right_reason(loaded, post, decision.action, decision.reasons)),
        tools_used=state.tools_on(post.id),
        techniques=tuple(techniques),
        explanation=post.explanation,
        tip=tip,
        clues=all_clues(loaded, post),
        cue_lesson=cue_lesson(state.scenario, post, outcome if decision and decision.auto is None else None),
    )


def _tallies(items: Iterable[PostFeedback]) -> tuple[TechniqueTally, ...]:
    order: list[str] = []
    names: dict[str, str] = {}
    caught: dict[str, int] = {}
    missed: dict[str, int] = {}
    named: dict[str, int] = {}
    for item in items:
        if item.action is None:
            continue
        for technique in {t.id: t for t in item.techniques}.values():
            if technique.id not in names:
                order.append(technique.id)
                names[technique.id] = technique.name
            if item.action is Action.flag:
                caught[technique.id] = caught.get(technique.id, 0) + 1
            else:
                missed[technique.id] = missed.get(technique.id, 0) + 1
            named[technique.id] = named.get(technique.id, 0) + technique.named
    return tuple(
        TechniqueTally(id=i, name=names[i], caught=caught.get(i, 0), missed=missed.get(i, 0), named=named.get(i, 0))
        for i in order
    )


def reading(state: RoundState, report: ScoreReport, tallies: tuple[TechniqueTally, ...]) -> tuple[Message, ...]:
    """The plain-language reading of a round, most important first, as messages to translate."""
    d = report.discernment
    messages: list[Message] = []
    skipped_for_learner = sum(1 for decision in state.decisions if decision.auto is not None)
    if state.end_reason == "time-up":
        messages.append(Message("ran-out-of-time", {"skipped": skipped_for_learner}))
    elif state.end_reason == "ended" and skipped_for_learner:
        messages.append(Message("ended-early", {"skipped": skipped_for_learner}))
    if report.decided and report.correct == report.decided and not report.undecided:
        messages.append(Message("perfect-round", {}))
    if report.harmful_shares:
        messages.append(Message("shared-harmful", {"count": report.harmful_shares}))
    if d.misses - report.harmful_shares > 0:
        messages.append(Message("missed-misinformation", {"count": d.misses - report.harmful_shares}))
    if d.false_alarms:
        messages.append(Message("flagged-reliable", {"count": d.false_alarms}))
    if d.false_alarms and d.criterion < -BIAS_THRESHOLD:
        messages.append(Message("bias-too-suspicious", {"criterion": round(d.criterion, 2)}))
    elif d.misses and d.criterion > BIAS_THRESHOLD:
        messages.append(Message("bias-too-trusting", {"criterion": round(d.criterion, 2)}))
    if report.decided >= 2 and report.correct < report.decided:
        level = "strong" if d.d_prime >= 2 else "good" if d.d_prime >= 1 else "weak" if d.d_prime > 0.3 else "none"
        messages.append(Message(f"discernment-{level}", {"d_prime": round(d.d_prime, 2)}))
    weakest = max(tallies, key=lambda tally: tally.missed, default=None)
    if weakest is not None and weakest.missed:
        messages.append(Message("practise-technique", {"technique": weakest.id, "name": weakest.name, "missed": weakest.missed}))
    if state.scenario.ask_reasons and d.hits and report.right_reasons < d.hits:
        messages.append(Message("name-the-technique", {"named": report.right_reasons, "flagged": d.hits}))
    if (d.misses or d.false_alarms) and report.tools_used == 0:
        messages.append(Message("verify-before-deciding", {}))
    return tuple(messages)


def debrief(state: RoundState) -> Debrief:
    """The debrief of a round (normally a finished one; undecided posts are listed but not counted)."""
    report = score(state)
    items = tuple(post_feedback(state, post_id) for post_id in state.order)
    missed = tuple(i for i in items if i.outcome == "miss")
    tallies = _tallies(items)
    missed_techniques: list[str] = []
    for item in missed:
        for technique in item.techniques:
            if technique.id not in missed_techniques:
                missed_techniques.append(technique.id)
    return Debrief(
        score=report,
        posts=items,
        missed=missed,
        harmful=tuple(i for i in items if i.harmful),
        false_alarms=tuple(i for i in items if i.outcome == "false-alarm"),
        techniques=tallies,
        missed_techniques=tuple(missed_techniques),
        reading=reading(state, report, tallies),
        end_reason=state.end_reason,
    )


def render_reading_en(messages: Iterable[Message]) -> list[str]:
    """The reading in English, one sentence per message."""
    return [render_en(message) for message in messages]
