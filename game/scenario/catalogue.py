"""The built-in technique catalogue (`techniques.yaml`), in English or Khmer.

`catalogue(language)` returns `{id: Technique}` in that language, falling back to English for
any text a language lacks. The data file is read once, through the same safe YAML reader as
scenarios. Never imports pygame.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from game.scenario.model import Framework, Technique
from game.scenario.yamlsafe import decode_yaml_bytes, parse_yaml

DATA_FILE = "techniques.yaml"
FALLBACK_LANGUAGE = "en"
TEXT_FIELDS = ("name", "definition", "tip")


@lru_cache(maxsize=1)
def _entries() -> tuple[dict, ...]:
    raw = resources.files("game.scenario").joinpath(DATA_FILE).read_bytes()
    text, problems = decode_yaml_bytes(raw, DATA_FILE)
    document, more = parse_yaml(text or "", DATA_FILE)
    problems += more
    if problems or document is None or not isinstance(document.data, list):
        raise RuntimeError("the built-in technique catalogue is damaged: " + "; ".join(p.format() for p in problems))
    return tuple(document.data)


@lru_cache(maxsize=8)
def _catalogue(language: str) -> tuple[tuple[str, Technique], ...]:
    techniques = []
    for entry in _entries():
        english = entry[FALLBACK_LANGUAGE]
        local = entry.get(language) or {}
        texts = {name: local.get(name) or english[name] for name in TEXT_FIELDS}
        technique = Technique(id=entry["id"], framework=Framework(entry["framework"]), **texts)
        techniques.append((technique.id, technique))
    return tuple(techniques)


def catalogue(language: str = "en") -> dict[str, Technique]:
    """Every built-in technique, keyed by id, with texts in `language` (English where a text is missing)."""
    return dict(_catalogue(str(getattr(language, "value", language))))


def technique_ids() -> list[str]:
    """The built-in technique ids, in catalogue order."""
    return [entry["id"] for entry in _entries()]
