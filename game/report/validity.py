"""Strict checks on a parsed result record before the report uses it: types, finite numbers, ranges, dates.

`record_problem(record)` returns the first thing wrong, located by its key path (for example
`decisions.3.seconds: nan is not a finite number`), or None. It is stricter than
`game.store.results.check_record` (no "12" for 12, no true for 1), so every record it accepts also
passes that check; on top it refuses NaN and infinite numbers, values no real round can have
(seconds beyond a day, points beyond a million, dates outside 2000-2100), and wrong types in the
extra keys the report reads (`status`, `verdict`, `techniques`, `auto`, `decided_at`, `checks`).
It walks only the keys it knows, so it never recurses into unknown data.

Pure: no file I/O, no clock reads.
"""

from __future__ import annotations

import math
from datetime import datetime, timezone

from game.store.results import RESULT_FORMAT

VERDICTS = frozenset({"reliable", "misinformation", "scam"})
ACTIONS = frozenset({"share", "flag", "skip"})
STATUSES = frozenset({"complete", "ended-early", "time-up", "in-progress"})
AUTOS = frozenset({"time-up", "ended"})
CHECK_ANSWERS = frozenset({"real", "fake", "not-sure"})
MAX_SECONDS = 86_400.0  # a day: no round or check answer takes longer
MAX_POINTS = 1_000_000
MAX_COUNT = 100_000
MAX_SDT = 50.0  # |d′| and |c| from any corrected rates stay far below this
MAX_TEXT = 10_000
YEARS = (2000, 2100)
CHECK_COUNTS = ("items", "V", "r", "f", "d", "n", "not_sure", "unanswered")


class Problem(Exception):
    """Raised inside the checks; `record_problem` turns it into its message."""


def _fail(path: str, message: str) -> None:
    raise Problem(f"{path}: {message}")


def _text(value: object, path: str, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        _fail(path, f"must be text, not {type(value).__name__}")
    if len(value) > MAX_TEXT:
        _fail(path, f"text of {len(value)} characters is too long")
    return value


def _integer(value: object, path: str, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        _fail(path, f"must be a whole number, not {type(value).__name__}")
    if not low <= value <= high:
        shown = str(value) if abs(value) < 10**12 else f"a {len(str(abs(value)))}-digit number"
        _fail(path, f"{shown} is out of range ({low} to {high})")
    return value


def _real(value: object, path: str, low: float, high: float) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        _fail(path, f"must be a number, not {type(value).__name__}")
    if isinstance(value, int) and abs(value) > 10**15:
        _fail(path, f"a {len(str(abs(value)))}-digit number is out of range ({low:g} to {high:g})")
    if not math.isfinite(value):
        _fail(path, f"{value} is not a finite number")
    if not low <= value <= high:
        _fail(path, f"{value:g} is out of range ({low:g} to {high:g})")
    return float(value)


def _text_list(value: object, path: str) -> None:
    if not isinstance(value, list):
        _fail(path, f"must be a list, not {type(value).__name__}")
    for index, item in enumerate(value):
        _text(item, f"{path}.{index}")


def _object(value: object, path: str) -> dict:
    if not isinstance(value, dict):
        _fail(path, f"must be an object, not {type(value).__name__}")
    return value


def _in(value: object, allowed: frozenset) -> bool:
    return isinstance(value, str) and value in allowed


def _date(value: object, path: str) -> datetime:
    text = _text(value, path)
    try:
        moment = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
    except ValueError:
        _fail(path, f"{text[:40]!r} is not a date and time (ISO 8601, such as 2025-03-01T02:00:00Z)")
    if not YEARS[0] <= moment.year <= YEARS[1]:
        _fail(path, f"{text[:40]!r} is not between the years {YEARS[0]} and {YEARS[1]}")
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def _decision(decision: object, path: str) -> None:
    decision = _object(decision, path)
    for key in ("post", "action"):
        _text(decision.get(key), f"{path}.{key}")
    if not _in(decision["action"], ACTIONS):
        _fail(f"{path}.action", f"{decision['action'][:40]!r} is not share, flag or skip")
    _integer(decision.get("order"), f"{path}.order", 0, MAX_COUNT)
    _text_list(decision.get("tools"), f"{path}.tools")
    _text_list(decision.get("reasons"), f"{path}.reasons")
    if not isinstance(decision.get("correct"), bool):
        _fail(f"{path}.correct", "must be true or false")
    _integer(decision.get("points"), f"{path}.points", -MAX_POINTS, MAX_POINTS)
    _real(decision.get("seconds"), f"{path}.seconds", 0.0, MAX_SECONDS)
    verdict = decision.get("verdict")
    if verdict is not None and not _in(verdict, VERDICTS):
        _fail(f"{path}.verdict", f"{str(verdict)[:40]!r} is not reliable, misinformation or scam")
    if decision.get("techniques") is not None:
        _text_list(decision["techniques"], f"{path}.techniques")
    if decision.get("decided_at") is not None:
        _real(decision["decided_at"], f"{path}.decided_at", 0.0, MAX_SECONDS)
    auto = decision.get("auto")
    if auto is not None and not _in(auto, AUTOS):
        _fail(f"{path}.auto", f"{str(auto)[:40]!r} is not null, time-up or ended")


def _check_entry(entry: object, path: str) -> None:
    entry = _object(entry, path)
    _text(entry.get("form"), f"{path}.form", optional=True)
    for key in ("quiz", "language"):
        _text(entry.get(key), f"{path}.{key}", optional=True)
    _real(entry.get("d_prime"), f"{path}.d_prime", -MAX_SDT, MAX_SDT)
    _real(entry.get("criterion"), f"{path}.criterion", -MAX_SDT, MAX_SDT)
    for key in CHECK_COUNTS:
        if entry.get(key) is not None:
            _integer(entry[key], f"{path}.{key}", 0, MAX_COUNT)
    if entry.get("elapsed_seconds") is not None:
        _real(entry["elapsed_seconds"], f"{path}.elapsed_seconds", 0.0, MAX_SECONDS)
    answers = entry.get("answers")
    if answers is None:
        return
    if not isinstance(answers, list):
        _fail(f"{path}.answers", f"must be a list, not {type(answers).__name__}")
    for index, answer in enumerate(answers):
        where = f"{path}.answers.{index}"
        answer = _object(answer, where)
        _text(answer.get("item"), f"{where}.item")
        _integer(answer.get("order"), f"{where}.order", 0, MAX_COUNT)
        if answer.get("answer") is not None and not _in(answer["answer"], CHECK_ANSWERS):
            _fail(f"{where}.answer", f"{str(answer['answer'])[:40]!r} is not real, fake, not-sure or null")
        _text(answer.get("verdict"), f"{where}.verdict", optional=True)
        if not isinstance(answer.get("correct"), bool):
            _fail(f"{where}.correct", "must be true or false")
        if answer.get("seconds") is not None:
            _real(answer["seconds"], f"{where}.seconds", 0.0, MAX_SECONDS)


def _checks(checks: object) -> None:
    checks = _object(checks, "checks")
    for phase in ("pre", "post"):
        if checks.get(phase) is not None:
            _check_entry(checks[phase], f"checks.{phase}")


PINNED_KEYS = ("format", "result_id", "scenario", "player", "session", "mode", "seed", "started_at", "finished_at",
               "decisions", "score", "discernment", "harmful_shares", "missed_techniques")  # fmt: skip


def _header(record: dict) -> None:
    for key in PINNED_KEYS:
        if key not in record:
            _fail(key, "missing (a pinned key of every result)")
    _text(record.get("result_id"), "result_id")
    scenario = _object(record.get("scenario"), "scenario")
    for key in ("id", "title", "language", "sha256"):
        _text(scenario.get(key), f"scenario.{key}")
    player = _object(record.get("player"), "player")
    for key in ("id", "name"):
        _text(player.get(key), f"player.{key}")
    _text(record.get("session"), "session", optional=True)
    _text(record.get("mode"), "mode")
    seed = record.get("seed")
    if seed is not None and not isinstance(seed, str):
        _integer(seed, "seed", -(2**63), 2**64)
    if _date(record.get("finished_at"), "finished_at") < _date(record.get("started_at"), "started_at"):
        _fail("finished_at", "is before started_at")
    status = record.get("status")
    if status is not None and not _in(status, STATUSES):
        _fail("status", f"{str(status)[:40]!r} is not complete, ended-early, time-up or in-progress")


def _totals(record: dict) -> None:
    score = _object(record.get("score"), "score")
    _integer(score.get("points"), "score.points", -MAX_POINTS, MAX_POINTS)
    _integer(score.get("max_points"), "score.max_points", 0, MAX_POINTS)
    discernment = _object(record.get("discernment"), "discernment")
    for key in ("hits", "misses", "false_alarms", "correct_rejections"):
        _integer(discernment.get(key), f"discernment.{key}", 0, MAX_COUNT)
    for key in ("hit_rate", "false_alarm_rate"):
        _real(discernment.get(key), f"discernment.{key}", 0.0, 1.0)
    for key in ("d_prime", "criterion"):
        _real(discernment.get(key), f"discernment.{key}", -MAX_SDT, MAX_SDT)
    _integer(record.get("harmful_shares"), "harmful_shares", 0, MAX_COUNT)
    _text_list(record.get("missed_techniques"), "missed_techniques")


def record_problem(record: object) -> str | None:
    """The first thing wrong with a parsed `feedwise-result/1` record, or None when the report can use it."""
    if not isinstance(record, dict):
        return "it is not a JSON object"
    if record.get("format") != RESULT_FORMAT:
        return f"it is not a Feedwise result (format is {str(record.get('format'))[:40]!r}, expected {RESULT_FORMAT!r})"
    try:
        _header(record)
        decisions = record.get("decisions")
        if not isinstance(decisions, list):
            _fail("decisions", f"must be a list, not {type(decisions).__name__}")
        if len(decisions) > MAX_COUNT:
            _fail("decisions", f"{len(decisions)} decisions is more than any round has")
        for index, decision in enumerate(decisions):
            _decision(decision, f"decisions.{index}")
        _totals(record)
        if record.get("checks") is not None:
            _checks(record["checks"])
    except Problem as problem:
        return str(problem)
    return None
