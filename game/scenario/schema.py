"""The JSON Schema of scenario files, exported from the models in `model.py`.

`scenario_schema()` builds it; `schema_text()` is the exact text of `scenarios/scenario.schema.json`
(regenerate that file with `python tools/export_schema.py`; a test fails when it is stale).
Enums carry `enumDescriptions` (the VS Code / SchemaStore style) listing each value's meaning; a
post's technique `id` offers the catalogue's ids the same way (`$defs/TechniqueId`), while still
allowing a scenario's own techniques. Pure apart from reading the catalogue through its loader; no pygame.
"""

from __future__ import annotations

import json
from typing import Any, Mapping

from pydantic import BaseModel

from game.scenario import model
from game.scenario.model import Scenario

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "https://feedwise.example/schemas/scenario-v1.schema.json"

_ENUM_MEANINGS = {
    cls.__name__: model._ENUM_MEANINGS[cls]
    for cls in (model.Language, model.Mode, model.Verdict, model.Tool, model.TranslationStatus, model.Framework)
}


def model_schema(
    model_class: type[BaseModel], *, schema_id: str, title: str, enum_meanings: Mapping[str, Mapping[str, str]]
) -> dict[str, Any]:
    """The JSON Schema of a pydantic model, its enums (by `$defs` name) described with `enum_meanings`."""
    schema = model_class.model_json_schema()
    for name, definition in schema.get("$defs", {}).items():
        meanings = enum_meanings.get(name)
        if meanings is not None:
            definition["enumDescriptions"] = [meanings[value] for value in definition["enum"]]
            definition["markdownEnumDescriptions"] = [f"`{value}`: {meanings[value]}" for value in definition["enum"]]
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": schema_id,
        "title": title,
        **{key: value for key, value in schema.items() if key != "title"},
    }


def schema_json(schema: dict[str, Any]) -> str:
    """A schema as written to a `.schema.json` file (stable key order, trailing newline)."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def properties_without_description(schema: dict[str, Any], root_name: str) -> list[str]:
    """Every property in `schema` (the root object called `root_name`) that has no description."""
    objects = {root_name: schema, **schema.get("$defs", {})}
    return [
        f"{object_name}.{field_name}"
        for object_name, definition in objects.items()
        for field_name, field_schema in definition.get("properties", {}).items()
        if not field_schema.get("description")
    ]


def technique_ids_schema(techniques: Mapping[str, Any]) -> dict[str, Any]:
    """The catalogue's technique ids as an enum with each one's name and definition, for completion in editors."""
    ids = list(techniques)
    return {
        "type": "string",
        "title": "TechniqueId",
        "description": "A technique from the built-in catalogue (python main.py techniques).",
        "enum": ids,
        "enumDescriptions": [f"{techniques[i].name}: {techniques[i].definition}" for i in ids],
        "markdownEnumDescriptions": [f"`{i}`: **{techniques[i].name}**. {techniques[i].definition}" for i in ids],
    }


def with_technique_ids(schema: dict[str, Any], techniques: Mapping[str, Any]) -> dict[str, Any]:
    """`TechniqueUse.id` offers the catalogue's ids (enum with descriptions); a scenario's own technique still fits."""
    definitions = schema["$defs"]
    definitions["TechniqueId"] = technique_ids_schema(techniques)
    field = definitions["TechniqueUse"]["properties"]["id"]
    own = {"type": "string", "pattern": field["pattern"],
           "description": "A technique of this scenario's own, defined under `techniques:` at the top of the file."}  # fmt: skip
    definitions["TechniqueUse"]["properties"]["id"] = {
        "description": field["description"],
        "title": field.get("title", "Id"),
        "anyOf": [{"$ref": "#/$defs/TechniqueId"}, own],
    }
    return schema


def scenario_schema(techniques: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The schema; technique ids from `techniques` (default: the built-in English catalogue)."""
    if techniques is None:
        from game.scenario.catalogue import catalogue  # the catalogue's own loader reads techniques.yaml

        techniques = catalogue("en")
    schema = model_schema(Scenario, schema_id=SCHEMA_ID, title="Feedwise scenario (format v1)", enum_meanings=_ENUM_MEANINGS)
    return with_technique_ids(schema, techniques)


def schema_text() -> str:
    """The schema as written to `scenarios/scenario.schema.json` (stable key order, trailing newline)."""
    return schema_json(scenario_schema())


def fields_without_description(schema: dict[str, Any] | None = None) -> list[str]:
    """Every property in the schema that has no description (should be none)."""
    return properties_without_description(schema or scenario_schema(), "Scenario")
