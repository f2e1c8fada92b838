"""The JSON Schema of quiz files (the pre/post quick check), exported from `game.scenario.quiz`.

`quiz_schema()` builds it; `quiz_schema_text()` is the exact text of `scenarios/quiz.schema.json`
(regenerate with `python tools/export_schema.py`, or `python main.py schema --quiz`; a test fails
when the file is stale). Pure: no file I/O, no pygame.
"""

from __future__ import annotations

import json
from typing import Any

from game.scenario import model
from game.scenario.quiz import QUIZ_ENUM_MEANINGS, Difficulty, Form, Quiz, QuizVerdict
from game.scenario.schema import SCHEMA_DIALECT

QUIZ_SCHEMA_ID = "https://feedwise.example/schemas/quiz-v1.schema.json"

_MEANINGS = {
    "Language": model._ENUM_MEANINGS[model.Language],
    "TranslationStatus": model._ENUM_MEANINGS[model.TranslationStatus],
    "QuizVerdict": QUIZ_ENUM_MEANINGS[QuizVerdict],
    "Form": QUIZ_ENUM_MEANINGS[Form],
    "Difficulty": QUIZ_ENUM_MEANINGS[Difficulty],
}


def quiz_schema() -> dict[str, Any]:
    schema = Quiz.model_json_schema()
    for name, definition in schema.get("$defs", {}).items():
        meanings = _MEANINGS.get(name)
        if meanings is not None:
            definition["enumDescriptions"] = [meanings[value] for value in definition["enum"]]
            definition["markdownEnumDescriptions"] = [f"`{value}`: {meanings[value]}" for value in definition["enum"]]
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": QUIZ_SCHEMA_ID,
        "title": "Feedwise quick-check quiz (format v1)",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def quiz_schema_text() -> str:
    """The schema as written to `scenarios/quiz.schema.json` (stable key order, trailing newline)."""
    return json.dumps(quiz_schema(), indent=2, ensure_ascii=False) + "\n"


def quiz_fields_without_description(schema: dict[str, Any] | None = None) -> list[str]:
    """Every property in the schema that has no description (should be none)."""
    schema = schema or quiz_schema()
    objects = {"Quiz": schema, **schema.get("$defs", {})}
    return [
        f"{object_name}.{field_name}"
        for object_name, definition in objects.items()
        for field_name, field_schema in definition.get("properties", {}).items()
        if not field_schema.get("description")
    ]
