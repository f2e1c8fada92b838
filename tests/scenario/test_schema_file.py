"""The exported JSON Schema: up to date, every field described, enum meanings listed."""

from __future__ import annotations

import json
from pathlib import Path

from game.scenario.schema import fields_without_description, scenario_schema, schema_text

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "scenarios" / "scenario.schema.json"


def test_schema_file_is_not_stale():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), "run: python tools/export_schema.py"


def test_every_field_has_a_description():
    assert fields_without_description() == []


def test_enums_list_the_meaning_of_each_value():
    definitions = scenario_schema()["$defs"]
    verdict = definitions["Verdict"]
    assert verdict["enum"] == ["reliable", "misinformation", "scam"]
    assert len(verdict["enumDescriptions"]) == 3
    for name in ("Language", "Mode", "Verdict", "TranslationStatus", "Framework"):
        assert len(definitions[name]["enumDescriptions"]) == len(definitions[name]["enum"])


def test_schema_pins_the_top_level():
    schema = json.loads(schema_text())
    assert {"id", "title", "language", "accounts", "posts"} <= set(schema["required"])
    assert schema["additionalProperties"] is False
