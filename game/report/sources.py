"""What the report adds to the records from the installed game: technique texts, post texts, the Khmer font.

- `technique_texts(records)`: names, definitions and tips from the built-in catalogue
  (`game.scenario.catalogue.catalogue`) in the language most of the rounds were played in.
- `post_texts(records)`: the text of each post, read from the built-in scenario files when a
  scenario with the record's id and language is installed (`scenarios/<id>/<id>.<lang>.yaml`).
- `khmer_font_face()`: an `@font-face` rule embedding the bundled Noto Sans Khmer, so Khmer
  renders even on a PC without a Khmer font.

Each one gives an empty answer rather than failing: the report still works without them.
Reads files; never writes any.
"""

from __future__ import annotations

import base64
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from game.report.aggregate import PostKey, TechniqueText

REPOSITORY_ROOT = Path(__file__).resolve().parents[2]
SCENARIOS_DIR = REPOSITORY_ROOT / "scenarios"
KHMER_FONT = REPOSITORY_ROOT / "assets" / "fonts" / "NotoSansKhmer-Regular.ttf"


def main_language(records: Sequence[dict]) -> str:
    """The language most rounds were played in (English when there are none, or on a tie)."""
    languages = Counter(str(record["scenario"].get("language") or "en") for record in records)
    if not languages:
        return "en"
    top = max(languages.values())
    return "en" if languages.get("en") == top else languages.most_common(1)[0][0]


def technique_texts(records: Sequence[dict], language: str | None = None) -> dict[str, TechniqueText]:
    """Technique texts from the built-in catalogue, in `language` or the rounds' main language."""
    try:
        from game.scenario.catalogue import catalogue

        techniques = catalogue(language or main_language(records))
    except Exception:  # a damaged or missing catalogue must not stop the report
        return {}
    return {
        technique_id: TechniqueText(name=technique.name, tip=technique.tip, definition=technique.definition)
        for technique_id, technique in techniques.items()
    }


def _scenario_file(scenario_id: str, language: str, folder: Path) -> Path | None:
    if not scenario_id or "/" in scenario_id or "\\" in scenario_id or scenario_id.startswith("."):
        return None
    path = folder / scenario_id / f"{scenario_id}.{language}.yaml"
    return path if path.is_file() else None


def post_texts(records: Sequence[dict], folder: Path = SCENARIOS_DIR) -> dict[PostKey, str]:
    """The text of every post of the rounds' scenarios that is installed; empty for the others."""
    wanted = Counter((record["scenario"]["id"], str(record["scenario"].get("language") or "en")) for record in records)
    texts: dict[PostKey, str] = {}
    try:
        from game.scenario.loader import check_file
    except Exception:
        return texts
    # The most played language of a scenario wins when the class played several.
    for (scenario_id, language), _ in reversed(wanted.most_common()):
        path = _scenario_file(scenario_id, language, folder)
        if path is None:
            continue
        try:
            loaded, _problems = check_file(path)
        except Exception:
            continue
        if loaded is not None:
            texts.update({PostKey(scenario_id, post.id): post.text for post in loaded.scenario.posts})
    return texts


def khmer_font_face(path: Path = KHMER_FONT) -> str:
    """A CSS `@font-face` for "Noto Sans Khmer" with the bundled font inlined, or "" when it is missing."""
    try:
        data = path.read_bytes()
    except OSError:
        return ""
    encoded = base64.b64encode(data).decode("ascii")
    return (
        '@font-face { font-family: "Noto Sans Khmer"; font-style: normal; font-weight: 100 900; '
        f'src: local("Noto Sans Khmer"), url(data:font/ttf;base64,{encoded}) format("truetype"); '
        "unicode-range: U+1780-17FF, U+19E0-19FF, U+200B-200D, U+25CC; }"
    )
