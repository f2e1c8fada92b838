"""The built-in technique catalogue (`techniques.yaml`), in English or Khmer.

`catalogue(language)` returns `{id: Technique}` in that language, falling back to English for
any text a language lacks. The data file is read once, through the same safe YAML reader as
scenarios, and checked by `catalogue_problems`: every entry needs an id, a known framework and,
in English and in Khmer, a one-line name, definition, tip and example. Never imports pygame.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from game.scenario.model import Framework, Technique
from game.scenario.yamlsafe import decode_yaml_bytes, parse_yaml

DATA_FILE = "techniques.yaml"
FALLBACK_LANGUAGE = "en"
TEXT_FIELDS = ("name", "definition", "tip", "example")
REQUIRED_LANGUAGES = ("en", "km")


def _entry_problems(index: int, entry) -> list[str]:
    if not isinstance(entry, dict):
        return [f"entry {index + 1} is not a mapping"]
    name = entry.get("id") or f"entry {index + 1}"
    problems = [] if entry.get("id") else [f"{name} has no id"]
    if entry.get("framework") not in {framework.value for framework in Framework}:
        problems.append(f"{name}: unknown framework {entry.get('framework')!r}")
    for language in REQUIRED_LANGUAGES:
        texts = entry.get(language)
        if not isinstance(texts, dict):
            problems.append(f"{name} has no {language} texts")
            continue
        for field in TEXT_FIELDS:
            value = texts.get(field)
            if not isinstance(value, str) or not value.strip():
                problems.append(f"{name} has no {language} {field}")
            elif "\n" in value.strip():
                problems.append(f"{name}: the {language} {field} must be one line")
    return problems


def catalogue_problems(entries) -> list[str]:
    """Plain messages for everything wrong with the catalogue's entries; an empty list when it is sound."""
    if not isinstance(entries, (list, tuple)):
        return ["the catalogue must be a list of techniques"]
    problems = [problem for index, entry in enumerate(entries) for problem in _entry_problems(index, entry)]
    ids = [entry.get("id") for entry in entries if isinstance(entry, dict)]
    problems += [f"{technique_id} is listed more than once" for technique_id in sorted({i for i in ids if ids.count(i) > 1})]
    return problems


@lru_cache(maxsize=1)
def _entries() -> tuple[dict, ...]:
    raw = resources.files("game.scenario").joinpath(DATA_FILE).read_bytes()
    text, problems = decode_yaml_bytes(raw, DATA_FILE)
    document, more = parse_yaml(text or "", DATA_FILE)
    problems += more
    messages = [p.format() for p in problems] + (catalogue_problems(document.data) if document is not None else ["unreadable"])
    if messages:
        raise RuntimeError("the built-in technique catalogue is damaged: " + "; ".join(messages))
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
