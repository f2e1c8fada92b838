"""The result record: a plain JSON-ready dict describing one played round (format "feedwise-result/1").

Every key is documented in docs/results-format.md. The caller passes in ids and times (the rules read
no clock and make no ids); `game.store.results.write_result` saves the record. No pygame, no file I/O.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Optional, Union

from game.rules.browse import browsing_entry
from game.rules.debrief import debrief
from game.rules.scoring import is_correct, points_for, right_reason
from game.rules.state import RoundState

RESULT_FORMAT = "feedwise-result/1"
Timestamp = Union[str, datetime]


def iso_utc(value: Timestamp) -> str:
    """An ISO 8601 UTC timestamp string ("2025-01-31T09:15:00Z") from a string or an aware datetime."""
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(f"{value!r} is not an ISO 8601 time such as 2025-01-31T09:15:00Z.") from None
    if moment.tzinfo is None:
        raise ValueError(f"{value!r} has no time zone; pass a UTC time such as 2025-01-31T09:15:00Z.")
    moment = moment.astimezone(timezone.utc)
    text = moment.isoformat(timespec="milliseconds" if moment.microsecond else "seconds")
    return text.replace("+00:00", "Z")


# Rounds whose figures count nowhere (history, practice, class averages): left early, or not over.
# `time-up` rounds count: the time limit is part of the game.
UNCOUNTED_STATUSES = frozenset({"ended-early", "in-progress"})


def _status(state: RoundState) -> str:
    if not state.over:
        return "in-progress"
    return {"all-decided": "complete", "ended": "ended-early", "time-up": "time-up"}.get(state.end_reason or "", "complete")


def decision_entry(state: RoundState, post_id: str) -> dict[str, Any]:
    """The result-record entry for one decided post (the keys of `decisions` in docs/results-format.md)."""
    decision = state.decision(post_id)
    if decision is None:
        raise ValueError(f"Post {post_id!r} has no decision yet.")
    post = state.post(post_id)
    return {
        "post": post_id,
        "order": state.position(post_id),
        "action": decision.action.value,
        "tools": [tool.value for tool in state.tools_on(post_id)],
        "reasons": list(decision.reasons),
        "settled_by": list(decision.settled_by),
        "correct": is_correct(post, decision.action),
        "points": points_for(state, decision),
        "seconds": round(decision.seconds, 3),
        **browsing_entry(state, post_id),  # queries, pages, lateral (pinned); ranks_clicked, results_seen_before_click
        # extra keys
        "verdict": post.verdict.value,
        "techniques": [use.id for use in post.techniques],
        "right_reason": right_reason(state.loaded, post, decision.action, decision.reasons),
        "decided_at": round(decision.at, 3),
        "auto": decision.auto,
    }


def result_record(
    state: RoundState,
    *,
    result_id: str,
    player_id: str,
    player_name: str,
    session: Optional[str],
    started_at: Timestamp,
    finished_at: Timestamp,
    app_version: Optional[str] = None,
) -> dict[str, Any]:
    """The result record of a round. `result_id` should be a uuid4 string made by the caller."""
    loaded = state.loaded
    scenario = loaded.scenario
    summary = debrief(state)
    report = summary.score
    d = report.discernment
    decisions = [decision_entry(state, post_id) for post_id in state.order if state.decision(post_id) is not None]
    return {
        "format": RESULT_FORMAT,
        "result_id": str(result_id),
        "scenario": {
            "id": scenario.id,
            "title": scenario.title,
            "language": scenario.language.value,
            "sha256": loaded.sha256,
        },
        "player": {"id": str(player_id), "name": str(player_name)},
        "session": session or None,
        "mode": state.mode.value,
        "seed": state.seed,
        "started_at": iso_utc(started_at),
        "finished_at": iso_utc(finished_at),
        "decisions": decisions,
        "score": {"points": report.points, "max_points": report.max_points},
        "discernment": {
            "hits": d.hits,
            "misses": d.misses,
            "false_alarms": d.false_alarms,
            "correct_rejections": d.correct_rejections,
            "hit_rate": d.hit_rate,
            "false_alarm_rate": d.false_alarm_rate,
            "d_prime": d.d_prime,
            "criterion": d.criterion,
            "hit_rate_raw": d.hit_rate_raw,
            "false_alarm_rate_raw": d.false_alarm_rate_raw,
        },
        "harmful_shares": report.harmful_shares,
        "missed_techniques": list(summary.missed_techniques),
        # extra keys
        "status": _status(state),
        "app_version": app_version,
        "shuffled": state.shuffled,
        "feed": list(state.order),
        "time_limit_seconds": state.time_limit,
        "elapsed_seconds": round(state.elapsed, 3),
        "tools_used": report.tools_used,
        "right_reasons": report.right_reasons,
        "techniques": [
            {"id": t.id, "caught": t.caught, "missed": t.missed, "named": t.named} for t in summary.techniques
        ],
        "reading": [{"id": message.id, "params": dict(message.params)} for message in summary.reading],
        "scoring": scenario.scoring.model_dump(),
    }
