"""xAPI (Experience API 1.0.3) statements from result records, as JSON lines for a learning record store.

Per round: one `answered` statement per post decision (`result.response` is the action,
`result.success` whether it was right), one `completed` statement, and one `passed` or `failed`
statement, both with `result.score.scaled` and an ISO 8601 `result.duration`; a round ended early gets
one `terminated` statement instead, and a round saved unfinished (`status: in-progress`) none.
Per quick check taken (`checks.pre`, `checks.post`): one `answered` statement per item answered
and one `completed` statement carrying V, r, f, d, n, d′ and c.

`statements_for_record(record)` is the pure entry point (used by `report --xapi` and by sync to a
learning record store); `json_lines(record)` gives one record's lines, so the file is streamed.

- The actor is a pseudonymous account `{homePage, name: player id}`: never a name or an e-mail.
- Technique ids go in `object.definition.extensions` and `context.extensions`, under
  `https://feedwise.example/xapi/extensions/...` (a fictional, stable IRI space).
- Statement ids are UUID 5 values derived from `STATEMENT_FORMAT`, the result id and the item, so
  exporting again gives the same ids (an LRS ignores the duplicates), and a changed statement
  format gets new ids. Timestamps come from the record, never from the clock.

The statement functions are pure (dicts and text); `XapiFile` streams them into the command's output file.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

IRI_BASE = "https://feedwise.example/xapi"
PLAYER_HOME_PAGE = "https://feedwise.example/players"
EXTENSION = IRI_BASE + "/extensions/"
STATEMENT_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, IRI_BASE)
# The version of the statements' shape. It is part of every statement id, so a changed shape gets new
# ids and a learning record store keeps both instead of refusing the new ones as conflicting duplicates.
STATEMENT_FORMAT = "feedwise-xapi/2"
PASS_THRESHOLD = 0.6  # score.scaled at or above this is `passed` (a record's own `passed` wins)

VERBS = {
    name: {"id": f"http://adlnet.gov/expapi/verbs/{name}", "display": {"en-US": name}}
    for name in ("answered", "completed", "passed", "failed", "terminated")
}
ACTIVITY_TYPES = {
    "interaction": "http://adlnet.gov/expapi/activities/cmi.interaction",
    "assessment": "http://adlnet.gov/expapi/activities/assessment",
}
CHOICES = (("share", "Share the post"), ("flag", "Flag it as misinformation"), ("skip", "Skip the post"))
CHECK_CHOICES = (("real", "Real news"), ("fake", "Fake news"), ("not-sure", "Not sure"))


_NAMESPACE_BYTES = STATEMENT_NAMESPACE.bytes


def fast_uuid5(name: str) -> str:
    """`str(uuid.uuid5(STATEMENT_NAMESPACE, name))`, without building UUID objects (it runs per statement)."""
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + name.encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def statement_id(result_id: str, *parts: object) -> str:
    """The same statement always gets the same id: UUID 5 of `STATEMENT_FORMAT`, the result id and what it is about."""
    return fast_uuid5("|".join([STATEMENT_FORMAT, result_id, *map(str, parts)]))


def parse_timestamp(text: str) -> datetime:
    """An ISO 8601 timestamp from a record (with `Z` or an offset) as an aware UTC datetime."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def format_timestamp(moment: datetime) -> str:
    """`2025-03-10T09:00:07.500Z`: UTC to the millisecond."""
    return moment.astimezone(timezone.utc).replace(tzinfo=None).isoformat(timespec="milliseconds") + "Z"


def iso_duration(seconds: float) -> str:
    """ISO 8601 duration such as `PT1M5.5S`, to 0.01 s as xAPI stores it."""
    hundredths = max(0, round(seconds * 100))
    hours, rest = divmod(hundredths, 360000)
    minutes, rest = divmod(rest, 6000)
    whole, fraction = divmod(rest, 100)
    second_text = f"{whole}.{fraction:02d}".rstrip("0").rstrip(".") if fraction else str(whole)
    text = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    return text + (f"{second_text}S" if rest or text == "PT" else "")


def scenario_iri(scenario_id: str) -> str:
    return f"{IRI_BASE}/scenarios/{quote(scenario_id, safe='')}"


def post_iri(scenario_id: str, post_id: str) -> str:
    return f"{scenario_iri(scenario_id)}/posts/{quote(post_id, safe='')}"


def session_iri(session: str) -> str:
    return f"{IRI_BASE}/sessions/{quote(session, safe='')}"


def actor(player_id: str, home_page: str = PLAYER_HOME_PAGE) -> dict:
    """A pseudonymous actor: only the player id, never a name or an e-mail."""
    return {"objectType": "Agent", "account": {"homePage": home_page, "name": player_id}}


def _registration(result_id: str) -> str:
    try:
        return str(uuid.UUID(result_id))
    except ValueError:
        return str(uuid.uuid5(STATEMENT_NAMESPACE, result_id))


def _language(record: dict) -> str:
    return str(record["scenario"].get("language") or "en")


def _context(record: dict, extensions: dict | None = None, parent: bool = False) -> dict:
    context: dict = {"registration": _registration(record["result_id"]), "platform": "Feedwise", "language": _language(record)}
    activities: dict = {}
    if parent:
        activities["parent"] = [{"objectType": "Activity", "id": scenario_iri(record["scenario"]["id"])}]
    if record.get("session"):
        activities["grouping"] = [{"objectType": "Activity", "id": session_iri(record["session"])}]
    if activities:
        context["contextActivities"] = activities
    context_extensions = {EXTENSION + "mode": record.get("mode"), EXTENSION + "session": record.get("session")}
    context_extensions.update(extensions or {})
    context["extensions"] = {key: value for key, value in context_extensions.items() if value is not None}
    return context


def _choices(choices=CHOICES) -> list[dict]:
    return [{"id": choice, "description": {"en": text}} for choice, text in choices]


# Parts every statement of a kind shares (built once; statements are read-only data for writers and senders).
_POST_CHOICES = _choices()
_CHECK_CHOICES = _choices(CHECK_CHOICES)


def _scenario_object(record: dict) -> dict:
    scenario = record["scenario"]
    return {
        "objectType": "Activity",
        "id": scenario_iri(scenario["id"]),
        "definition": {
            "type": ACTIVITY_TYPES["assessment"],
            "name": {_language(record): str(scenario.get("title") or scenario["id"])},
        },
    }


def _scaled_score(record: dict) -> dict:
    points, maximum = record["score"]["points"], record["score"]["max_points"]
    scaled = min(1.0, max(-1.0, points / maximum)) if maximum else 0.0
    score = {"scaled": round(scaled, 4), "raw": points}
    if points <= maximum:
        score["max"] = maximum
    return score


def answered_statements(record: dict, home_page: str = PLAYER_HOME_PAGE) -> Iterator[dict]:
    """One `answered` statement per decision, timed by its `decided_at` (or the seconds spent on the posts up to it)."""
    started, finished = parse_timestamp(record["started_at"]), parse_timestamp(record["finished_at"])
    latest = max(finished, started)
    elapsed = 0.0
    scenario_id = record["scenario"]["id"]
    post_base = scenario_iri(scenario_id) + "/posts/"
    player_id = record["player"]["id"]
    decisions = sorted(record["decisions"], key=lambda decision: decision.get("order", 0))
    base_context = _context(record, parent=True)  # copied per statement below: only the extensions differ
    who = actor(player_id, home_page)
    result_id = record["result_id"]
    for decision in decisions:
        elapsed += float(decision["seconds"])
        decided_at = decision.get("decided_at")
        offset = decided_at if isinstance(decided_at, (int, float)) and not isinstance(decided_at, bool) else elapsed
        moment = min(started + timedelta(seconds=max(0.0, offset)), latest)
        techniques = list(decision.get("techniques") or [])
        definition: dict = {
            "type": ACTIVITY_TYPES["interaction"],
            "name": {"en": f"Post {decision['post']}"},
            "interactionType": "choice",
            "choices": _POST_CHOICES,
        }
        verdict = decision.get("verdict")
        if verdict is not None:
            definition["correctResponsesPattern"] = ["share", "skip"] if verdict == "reliable" else ["flag"]
            definition["extensions"] = {EXTENSION + "verdict": verdict, EXTENSION + "techniques": techniques}
        yield {
            "id": statement_id(result_id, "answered", decision["post"]),
            "actor": who,
            "verb": VERBS["answered"],
            "object": {"objectType": "Activity", "id": post_base + quote(decision["post"], safe=""), "definition": definition},
            "result": {
                "response": decision["action"],
                "success": bool(decision["correct"]),
                "duration": iso_duration(float(decision["seconds"])),
                "extensions": {
                    EXTENSION + "points": decision["points"],
                    EXTENSION + "tools": list(decision.get("tools") or []),
                    EXTENSION + "reasons": list(decision.get("reasons") or []),
                    **({EXTENSION + "auto": decision["auto"]} if decision.get("auto") else {}),
                },
            },
            "context": {
                **base_context,
                "extensions": {
                    **base_context["extensions"],
                    EXTENSION + "techniques": techniques,
                    EXTENSION + "order": decision.get("order"),
                },
            },
            "timestamp": format_timestamp(moment),
        }


def round_statements(record: dict, home_page: str = PLAYER_HOME_PAGE) -> Iterator[dict]:
    """`completed` and `passed` or `failed` for a round; `terminated` for one ended early; none for one saved unfinished."""
    if record.get("status") == "in-progress":
        return
    started, finished = parse_timestamp(record["started_at"]), parse_timestamp(record["finished_at"])
    duration = iso_duration(max(0.0, (finished - started).total_seconds()))
    score = _scaled_score(record)
    passed = record.get("passed")
    if not isinstance(passed, bool):
        passed = score["scaled"] >= PASS_THRESHOLD
    discernment = record["discernment"]
    round_extensions = {
        EXTENSION + "d-prime": discernment.get("d_prime"),
        EXTENSION + "criterion": discernment.get("criterion"),
        EXTENSION + "harmful-shares": record.get("harmful_shares"),
        EXTENSION + "missed-techniques": list(record.get("missed_techniques") or []),
    }
    round_extensions = {key: value for key, value in round_extensions.items() if value is not None}
    ended_early = record.get("status") == "ended-early"
    for verb in ("terminated",) if ended_early else ("completed", "passed" if passed else "failed"):
        result: dict = {"score": score, "duration": duration, "completion": not ended_early, "extensions": round_extensions}
        if verb in ("passed", "failed"):
            result["success"] = passed
        yield {
            "id": statement_id(record["result_id"], verb),
            "actor": actor(record["player"]["id"], home_page),
            "verb": dict(VERBS[verb]),
            "object": _scenario_object(record),
            "result": result,
            "context": _context(record),
            "timestamp": format_timestamp(finished),
        }


def check_iri(entry: dict) -> str:
    return f"{IRI_BASE}/checks/{quote(str(entry.get('form') or entry.get('quiz') or 'check'), safe='')}"


def _check_object(entry: dict, phase: str) -> dict:
    return {
        "objectType": "Activity",
        "id": check_iri(entry),
        "definition": {"type": ACTIVITY_TYPES["assessment"], "name": {"en": f"Quick check, form {entry.get('form') or '?'}"},
                       "extensions": {EXTENSION + "quiz": entry.get("quiz"), EXTENSION + "phase": phase}},
    }  # fmt: skip


def _check_context(record: dict, entry: dict, phase: str) -> dict:
    context = _context(record, {EXTENSION + "phase": phase, EXTENSION + "form": entry.get("form")})
    context["language"] = str(entry.get("language") or _language(record))
    return context


def check_statements(record: dict, home_page: str = PLAYER_HOME_PAGE) -> Iterator[dict]:
    """Per check taken: one `answered` statement per item answered, then `completed` with the check's scores."""
    checks = record.get("checks")
    if not isinstance(checks, dict):
        return
    started = parse_timestamp(record["started_at"])
    who = actor(record["player"]["id"], home_page)
    for phase in ("pre", "post"):
        entry = checks.get(phase)
        if not isinstance(entry, dict):
            continue
        context = _check_context(record, entry, phase)
        base = check_iri(entry) + "/items/"
        for answer in entry.get("answers") or ():
            if answer.get("answer") is None:
                continue
            definition = {"type": ACTIVITY_TYPES["interaction"], "name": {"en": f"Item {answer['item']}"},
                          "interactionType": "choice", "choices": _CHECK_CHOICES}  # fmt: skip
            if answer.get("verdict"):
                definition["correctResponsesPattern"] = [str(answer["verdict"])]
            result = {"response": answer["answer"], "success": bool(answer["correct"])}
            if answer.get("seconds") is not None:
                result["duration"] = iso_duration(float(answer["seconds"]))
            yield {
                "id": statement_id(record["result_id"], "check", phase, answer["item"]),
                "actor": who,
                "verb": VERBS["answered"],
                "object": {"objectType": "Activity", "id": base + quote(str(answer["item"]), safe=""), "definition": definition},
                "result": result,
                "context": {**context, "extensions": {**context["extensions"], EXTENSION + "order": answer.get("order")}},
                "timestamp": format_timestamp(started),
            }
        yield _check_result(record, entry, phase, who, context, started)


def _check_result(record: dict, entry: dict, phase: str, who: dict, context: dict, started: datetime) -> dict:
    items, right = entry.get("items"), entry.get("V")
    result: dict = {"completion": bool(entry.get("complete", True)), "extensions": {
        EXTENSION + key.lower().replace("_", "-"): entry.get(key)
        for key in ("V", "r", "f", "d", "n", "d_prime", "criterion", "not_sure", "unanswered") if entry.get(key) is not None
    }}  # fmt: skip
    if isinstance(items, int) and isinstance(right, int) and items > 0:
        result["score"] = {"raw": right, "min": 0, "max": items, "scaled": round(min(1.0, right / items), 4)}
    if entry.get("elapsed_seconds") is not None:
        result["duration"] = iso_duration(float(entry["elapsed_seconds"]))
    return {
        "id": statement_id(record["result_id"], "check", phase, "completed"),
        "actor": who,
        "verb": dict(VERBS["completed"]),
        "object": _check_object(entry, phase),
        "result": result,
        "context": context,
        "timestamp": format_timestamp(started),
    }


def statements_for_record(record: dict, home_page: str = PLAYER_HOME_PAGE) -> list[dict]:
    """Every statement for one checked result record, in a stable order: the round's, then its checks'."""
    return [*answered_statements(record, home_page), *round_statements(record, home_page), *check_statements(record, home_page)]


def statements(records: Iterable[dict], home_page: str = PLAYER_HOME_PAGE) -> Iterator[dict]:
    """Every statement for the records, in a stable order."""
    for record in records:
        yield from statements_for_record(record, home_page)


# Keys stay in the order the statements are built in (the same every time); statements hold no cycles.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False, allow_nan=False)


def json_lines(record: dict, home_page: str = PLAYER_HOME_PAGE) -> tuple[str, int]:
    """One record's statements as JSON lines, and how many there are."""
    found = statements_for_record(record, home_page)
    return "".join(_ENCODER.encode(statement) + "\n" for statement in found), len(found)


def to_json_lines(records: Iterable[dict], home_page: str = PLAYER_HOME_PAGE) -> str:
    """The statements as JSON lines (UTF-8 text, one statement per line); for small sets and tests."""
    return "".join(json_lines(record, home_page)[0] for record in records)


class XapiFile:
    """The statements file written one record at a time (`add`), appearing only when complete (`finish`)."""

    def __init__(self, path, home_page: str = PLAYER_HOME_PAGE) -> None:
        from game.store.atomic import AtomicFile  # the only file access here: the command's output

        self.file = AtomicFile(path, encoding="utf-8", newline="")
        self.home_page = home_page
        self.count = 0

    def add(self, record: dict) -> None:
        text, count = json_lines(record, self.home_page)
        self.file.write(text)
        self.count += count

    def finish(self):
        return self.file.commit()

    def discard(self) -> None:
        self.file.discard()
