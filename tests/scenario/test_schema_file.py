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


def test_technique_ids_are_an_enum_with_descriptions_from_the_catalogue():
    from game.scenario.catalogue import catalogue

    schema = json.loads(schema_text())
    techniques = schema["$defs"]["TechniqueId"]
    assert techniques["enum"] == list(catalogue("en"))
    assert len(techniques["enumDescriptions"]) == len(techniques["enum"])
    assert all(catalogue("en")[i].name in text for i, text in zip(techniques["enum"], techniques["enumDescriptions"]))
    use = schema["$defs"]["TechniqueUse"]["properties"]["id"]
    assert use["anyOf"][0] == {"$ref": "#/$defs/TechniqueId"} and use["description"]


def test_the_schema_checks_a_technique_id_and_still_allows_a_scenarios_own():
    import jsonschema

    schema = json.loads(schema_text())
    use = {"$defs": schema["$defs"], **schema["$defs"]["TechniqueUse"]}
    jsonschema.validate({"id": "fake-experts", "evidence": "x", "note": "y"}, use)
    jsonschema.validate({"id": "my-own-trick", "evidence": "x", "note": "y"}, use)
    try:
        jsonschema.validate({"id": "Fake Experts!", "evidence": "x", "note": "y"}, use)
    except jsonschema.ValidationError:
        pass
    else:
        raise AssertionError("an id that is not a technique id passed")
