"""The JSON Schema of quiz files (the pre/post quick check), exported from `game.scenario.quiz`.

`quiz_schema()` builds it; `quiz_schema_text()` is the exact text of `scenarios/quiz.schema.json`
(regenerate with `python tools/export_schema.py`, or `python main.py schema --quiz`; a test fails
when the file is stale). Pure: no file I/O, no pygame.
"""

from __future__ import annotations

from typing import Any

from game.scenario import model
from game.scenario.quiz import QUIZ_ENUM_MEANINGS, Difficulty, Form, Quiz, QuizVerdict
from game.scenario.schema import model_schema, properties_without_description, schema_json

QUIZ_SCHEMA_ID = "https://feedwise.example/schemas/quiz-v1.schema.json"

_MEANINGS = {
    "Language": model._ENUM_MEANINGS[model.Language],
    "TranslationStatus": model._ENUM_MEANINGS[model.TranslationStatus],
    "QuizVerdict": QUIZ_ENUM_MEANINGS[QuizVerdict],
    "Form": QUIZ_ENUM_MEANINGS[Form],
    "Difficulty": QUIZ_ENUM_MEANINGS[Difficulty],
}


def quiz_schema() -> dict[str, Any]:
    return model_schema(Quiz, schema_id=QUIZ_SCHEMA_ID, title="Feedwise quick-check quiz (format v1)", enum_meanings=_MEANINGS)


def quiz_schema_text() -> str:
    """The schema as written to `scenarios/quiz.schema.json` (stable key order, trailing newline)."""
    return schema_json(quiz_schema())


def quiz_fields_without_description(schema: dict[str, Any] | None = None) -> list[str]:
    """Every property in the schema that has no description (should be none)."""
    return properties_without_description(schema or quiz_schema(), "Quiz")
