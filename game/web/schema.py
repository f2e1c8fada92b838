"""The JSON Schema of web files (the offline web), exported from `game.web.model`.

`web_schema()` builds it; `web_schema_text()` is the exact text of `scenarios/web.schema.json`
(regenerate with `python tools/export_schema.py`; a test fails when the file is stale).
Pure: no file I/O, no pygame.
"""

from __future__ import annotations

from typing import Any

from game.scenario import model
from game.scenario.schema import model_schema, properties_without_description, schema_json
from game.web.model import ROLE_MEANINGS, SITE_KIND_MEANINGS, WebFile

WEB_SCHEMA_ID = "https://feedwise.example/schemas/web-v1.schema.json"

_MEANINGS = {
    "Language": model._ENUM_MEANINGS[model.Language],
    "TranslationStatus": model._ENUM_MEANINGS[model.TranslationStatus],
    "Role": ROLE_MEANINGS,
    "SiteKind": SITE_KIND_MEANINGS,
}


def web_schema() -> dict[str, Any]:
    return model_schema(WebFile, schema_id=WEB_SCHEMA_ID, title="Feedwise offline web (format v1)", enum_meanings=_MEANINGS)


def web_schema_text() -> str:
    """The schema as written to `scenarios/web.schema.json` (stable key order, trailing newline)."""
    return schema_json(web_schema())


def web_fields_without_description(schema: dict[str, Any] | None = None) -> list[str]:
    """Every property in the schema that has no description (should be none)."""
    return properties_without_description(schema or web_schema(), "WebFile")
