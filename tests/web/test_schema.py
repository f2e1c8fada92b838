"""The exported JSON Schema of web files: up to date and every field described."""

from __future__ import annotations

from pathlib import Path

from game.web.schema import web_fields_without_description, web_schema, web_schema_text

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "scenarios" / "web.schema.json"


def test_the_web_schema_file_is_not_stale():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == web_schema_text(), "run: python tools/export_schema.py"


def test_every_field_is_described_and_enums_explained():
    assert web_fields_without_description() == []
    definitions = web_schema()["$defs"]
    for name in ("Role", "SiteKind"):
        assert len(definitions[name]["enumDescriptions"]) == len(definitions[name]["enum"]) > 3
    assert web_schema()["properties"]["kind"]["const"] == "web"
