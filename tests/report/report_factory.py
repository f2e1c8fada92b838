"""Test helpers for the class report: real result records played through the rules, and folders of results.

`real_records(...)` plays built-in or in-memory scenarios with the bot policies and builds records
with the real `result_record`, so the report is tested on what the game really writes. Fake records
for volume (benchmarks, big folders) come from `game.report.sample`.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from pathlib import Path

from game.rules.bots import make_policy, play
from game.rules.engine import new_round
from game.rules.record import result_record
from game.scenario.loader import load_scenario
from game.scenario.model import LoadedScenario, Scenario
from game.scenario.catalogue import catalogue
from game.store.results import write_result

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
KHMER_NAME = "សុខា"
KHMER_TITLE = "ពាក្យចចាមអារ៉ាមអំពីទឹកជំនន់"


def builtin(scenario_id: str = "jobs-abroad") -> LoadedScenario:
    return load_scenario(SCENARIOS / scenario_id / f"{scenario_id}.en.yaml")


def khmer_scenario() -> LoadedScenario:
    """A small Khmer scenario in memory (its title and texts in Khmer script)."""
    scenario = Scenario.model_validate(
        {
            "id": "flood-km",
            "title": KHMER_TITLE,
            "language": "km",
            "accounts": [{"id": "dara", "name": "ដារ៉ា", "handle": "@dara"}],
            "posts": [
                {"id": "rumour", "author": "dara", "text": "ទឹកនឹងលិចភ្នំពេញ ចែករំលែកឥឡូវនេះ!", "verdict": "misinformation",
                 "techniques": [{"id": "urgency-pressure", "evidence": "ចែករំលែកឥឡូវនេះ", "note": "ប្រញាប់"}],
                 "explanation": "គ្មានប្រភព។"},
                {"id": "notice", "author": "dara", "text": "ព័ត៌មានអាកាសធាតុពីក្រសួង។", "verdict": "reliable", "explanation": "ប្រភពផ្លូវការ។"},
                {"id": "job", "author": "dara", "text": "ការងារប្រាក់ខែ ៣០០០ ដុល្លារ គ្មានបទពិសោធន៍", "verdict": "scam",
                 "techniques": [{"id": "too-good-to-be-true", "evidence": "៣០០០ ដុល្លារ", "note": "ល្អពេក"}],
                 "explanation": "ល្អពេក។"},
            ],
        }
    )  # fmt: skip
    return LoadedScenario(scenario=scenario, path="memory/flood-km.km.yaml", sha256="b" * 64, techniques=catalogue("km"))


def real_record(
    loaded: LoadedScenario,
    *,
    policy: str = "random",
    seed: int = 1,
    player_id: str = "p-001",
    player_name: str = "Dara",
    session: str | None = "LAB-1",
    minute: int = 0,
) -> dict:
    """The record of one round played by a bot through the real rules."""
    state = new_round(loaded, seed=seed, shuffle=True, now=0.0)
    state, _events = play(state, make_policy(policy, seed), seconds_per_command=7.0)
    return result_record(
        state,
        result_id=str(uuid.UUID(bytes=hashlib.sha256(f"{player_id}|{session}|{seed}|{minute}".encode()).digest()[:16], version=4)),
        player_id=player_id,
        player_name=player_name,
        session=session,
        started_at=f"2025-03-10T09:{minute:02d}:00Z",
        finished_at=f"2025-03-10T09:{minute + 5:02d}:30Z",
    )


def real_class(loaded: LoadedScenario | None = None, trainees: int = 6, session: str | None = "LAB-1") -> list[dict]:
    loaded = loaded or builtin()
    policies = ("random", "random", "perfect", "share-all", "flag-all", "random")
    return [
        real_record(
            loaded,
            policy=policies[number % len(policies)],
            seed=number + 1,
            player_id=f"{session or 'solo'}-{number + 1:03d}",
            player_name=("Sokha", "Dara", KHMER_NAME, "Bopha <b>&", "Vannak", "Srey Leak")[number % 6],
            session=session,
            minute=number,
        )
        for number in range(trainees)
    ]


def write_all(folder: Path, records: list[dict]) -> list[Path]:
    return [write_result(folder, record) for record in records]


def write_bad_files(folder: Path, good_record: dict) -> dict[str, str]:
    """Damaged and foreign files of every kind; returns {file name: expected skip kind}."""
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(good_record, ensure_ascii=False, indent=2)
    newer = dict(good_record, format="feedwise-result/2", result_id=str(uuid.uuid4()))
    damaged = dict(good_record, result_id=str(uuid.uuid4()))
    del damaged["decisions"]
    files = {
        "truncated.json": (text[: len(text) // 2].encode("utf-8"), "truncated"),
        "cut-in-a-string.json": (text[: text.index('"post": "') + 11].encode("utf-8"), "truncated"),
        "zero-filled.json": (text[:200].encode("utf-8") + bytes(3000), "truncated"),
        "corrupted.json": (text.replace('"decisions"', "decisions", 1).encode("utf-8"), "corrupted"),
        "empty.json": (b"", "empty"),
        "binary.json": (bytes(range(256)) * 4, "binary"),
        "latin1.json": ("{\"name\": \"caf\u00e9\"}".encode("latin-1"), "binary"),
        "foreign.json": (b'{"name": "some other app", "version": 3}', "foreign"),
        "list.json": (b"[1, 2, 3]", "foreign"),
        "newer.json": (json.dumps(newer).encode("utf-8"), "version"),
        "damaged.json": (json.dumps(damaged).encode("utf-8"), "damaged"),
        "notes.txt": (b"facilitator notes", "foreign"),
        "photo.png": (b"\x89PNG\r\n\x1a\n" + bytes(100), "foreign"),
    }
    for name, (data, _kind) in files.items():
        (folder / name).write_bytes(data)
    return {name: kind for name, (_data, kind) in files.items()}


def builtin_index():
    """The built-in scenarios indexed the way the report command finds them (through the scenario library)."""
    from game.commands.report import scenario_index

    return scenario_index([])


def mixed_class(session: str = "CLASS-3B") -> list[dict]:
    """13 trainees: 10 play jobs-abroad in English, 3 its Khmer translation (its own id, `translation_of: jobs-abroad`)."""
    english = builtin("jobs-abroad")
    khmer = load_scenario(SCENARIOS / "jobs-abroad" / "jobs-abroad.km.yaml")
    records = real_class(english, trainees=10, session=session)
    for number in range(3):
        records.append(real_record(khmer, policy=("random", "perfect", "share-all")[number], seed=50 + number,
                                   player_id=f"{session}-km{number + 1}", player_name=KHMER_NAME, session=session,
                                   minute=20 + number))  # fmt: skip
    return records


def ended_early(record: dict, decided: int = 1, status: str = "ended-early") -> dict:
    """The record as the game saves a round the trainee finished early: the rest filled in as skipped (`auto: ended`)."""
    copy = json.loads(json.dumps(record))
    copy["status"] = status
    copy["result_id"] = str(uuid.uuid5(uuid.NAMESPACE_URL, record["result_id"] + status))
    for decision in copy["decisions"][decided:]:
        decision.update(action="skip", auto="ended" if status == "ended-early" else "time-up")
    return copy
