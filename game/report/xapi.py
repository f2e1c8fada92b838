"""xAPI (Experience API 1.0.3) statements from result records, as JSON lines for a learning record store.

Per round: one `answered` statement per post decision (`result.response` is the action,
`result.success` whether it was right), one `completed` statement, and one `passed` or `failed`
statement (not for a round saved unfinished, `status: in-progress`), both with `result.score.scaled` and an ISO 8601 `result.duration`.

- The actor is a pseudonymous account `{homePage, name: player id}`: never a name or an e-mail.
- Technique ids go in `object.definition.extensions` and `context.extensions`, under
  `https://feedwise.example/xapi/extensions/...` (a fictional, stable IRI space).
- Statement ids are UUID 5 values derived from the result id, so exporting again gives the same
  ids and an LRS ignores the duplicates. Timestamps come from the record, never from the clock.

Pure: builds dicts and text; the command writes them.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

IRI_BASE = "https://feedwise.example/xapi"
PLAYER_HOME_PAGE = "https://feedwise.example/players"
EXTENSION = IRI_BASE + "/extensions/"
STATEMENT_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, IRI_BASE)
PASS_THRESHOLD = 0.6  # score.scaled at or above this is `passed` (a record's own `passed` wins)

VERBS = {
    name: {"id": f"http://adlnet.gov/expapi/verbs/{name}", "display": {"en-US": name}}
    for name in ("answered", "completed", "passed", "failed")
}
ACTIVITY_TYPES = {
    "interaction": "http://adlnet.gov/expapi/activities/cmi.interaction",
    "assessment": "http://adlnet.gov/expapi/activities/assessment",
}
CHOICES = (("share", "Share the post"), ("flag", "Flag it as misinformation"), ("skip", "Skip the post"))


def statement_id(result_id: str, *parts: object) -> str:
    """The same statement always gets the same id: UUID 5 of the result id and what the statement is about."""
    return str(uuid.uuid5(STATEMENT_NAMESPACE, "|".join([result_id, *map(str, parts)])))


def parse_timestamp(text: str) -> datetime:
    """An ISO 8601 timestamp from a record (with `Z` or an offset) as an aware UTC datetime."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def format_timestamp(moment: datetime) -> str:
    text = moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    return f"{text}.{moment.microsecond // 1000:03d}Z"


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


def _choices() -> list[dict]:
    return [{"id": choice, "description": {"en": text}} for choice, text in CHOICES]


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
            "choices": _choices(),
        }
        verdict = decision.get("verdict")
        if verdict is not None:
            definition["correctResponsesPattern"] = ["share", "skip"] if verdict == "reliable" else ["flag"]
            definition["extensions"] = {EXTENSION + "verdict": verdict, EXTENSION + "techniques": techniques}
        yield {
            "id": statement_id(record["result_id"], "answered", decision["post"]),
            "actor": actor(player_id, home_page),
            "verb": dict(VERBS["answered"]),
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
    """The `completed` statement and the `passed` or `failed` statement of a round (none for a round saved unfinished)."""
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
    for verb in ("completed", "passed" if passed else "failed"):
        result: dict = {"score": score, "duration": duration, "completion": True, "extensions": round_extensions}
        if verb != "completed":
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


def statements(records: Iterable[dict], home_page: str = PLAYER_HOME_PAGE) -> Iterator[dict]:
    """Every statement for the records, in a stable order."""
    for record in records:
        yield from answered_statements(record, home_page)
        yield from round_statements(record, home_page)


def to_json_lines(records: Iterable[dict], home_page: str = PLAYER_HOME_PAGE) -> str:
    """The statements as JSON lines (UTF-8 text, one statement per line, keys sorted)."""
    return "".join(
        json.dumps(statement, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
        for statement in statements(records, home_page)
    )
