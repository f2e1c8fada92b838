"""The JSON Schema of scenario files, exported from the models in `model.py`.

`scenario_schema()` builds it; `schema_text()` is the exact text of `scenarios/scenario.schema.json`
(regenerate that file with `python tools/export_schema.py`; a test fails when it is stale).
Enums carry `enumDescriptions` (the VS Code / SchemaStore style) listing each value's meaning.
Pure: no file I/O, no pygame.
"""

from __future__ import annotations

import json
from typing import Any

from game.scenario import model
from game.scenario.model import Scenario

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "https://feedwise.example/schemas/scenario-v1.schema.json"

_ENUMS = {cls.__name__: cls for cls in (model.Language, model.Mode, model.Verdict, model.Tool, model.TranslationStatus, model.Framework)}


def scenario_schema() -> dict[str, Any]:
    schema = Scenario.model_json_schema()
    for name, definition in schema.get("$defs", {}).items():
        enum_class = _ENUMS.get(name)
        if enum_class is not None:
            meanings = model._ENUM_MEANINGS[enum_class]
            definition["enumDescriptions"] = [meanings[value] for value in definition["enum"]]
            definition["markdownEnumDescriptions"] = [f"`{value}`: {meanings[value]}" for value in definition["enum"]]
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        "title": "Feedwise scenario (format v1)",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def schema_text() -> str:
    """The schema as written to `scenarios/scenario.schema.json` (stable key order, trailing newline)."""
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"


def fields_without_description(schema: dict[str, Any] | None = None) -> list[str]:
    """Every property in the schema that has no description (should be none)."""
    schema = schema or scenario_schema()
    missing = []
    objects = {"Scenario": schema, **schema.get("$defs", {})}
    for object_name, definition in objects.items():
        for field_name, field_schema in definition.get("properties", {}).items():
            if not field_schema.get("description"):
                missing.append(f"{object_name}.{field_name}")
    return missing
