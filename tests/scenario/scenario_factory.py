"""Helpers for scenario tests: a small valid scenario as data, and a way to write it as a file."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

VALID = {
    "id": "sample",
    "title": "Sample",
    "language": "en",
    "accounts": [
        {"id": "news", "name": "News", "handle": "@news"},
        {"id": "jobs", "name": "Jobs", "handle": "@jobs"},
    ],
    "posts": [
        {"id": "p1", "author": "news", "text": "Rain expected tonight.", "verdict": "reliable", "explanation": "A plain weather notice."},
        {
            "id": "p2",
            "author": "jobs",
            "text": "SHOCKING pay! Earn $500 a day, no experience.",
            "verdict": "scam",
            "techniques": [{"id": "too-good-to-be-true", "evidence": "Earn $500 a day", "note": "Far above normal pay."}],
            "clues": {"source": "A page made last week."},
            "explanation": "A scam job offer.",
        },
    ],
}


def valid_data() -> dict:
    return copy.deepcopy(VALID)


class _NoAliasDumper(yaml.SafeDumper):
    """Writes shared objects out in full: the loader refuses anchors and aliases."""

    def ignore_aliases(self, data):
        return True


def dump(data) -> str:
    return yaml.dump(data, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False)


def write(folder: Path, content, name: str = "sample.en.yaml") -> Path:
    """Write a scenario (a dict, YAML text or bytes) to folder/name and return the path."""
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_text(dump(content), encoding="utf-8")
    return path
