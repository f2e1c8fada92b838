"""What the report adds to the records from the installed game: technique texts, post texts, the Khmer font.

- `technique_texts(language)`: names, definitions and tips from the built-in catalogue
  (`game.scenario.catalogue.catalogue`); `main_language(counts)` picks the language most rounds used.
- `scenario_index(scenarios)`: the scenarios the command found through the scenario library,
  grouped by `translation_of` (a translation counts as its original), with titles and post texts;
- `post_texts(index, language)`: each post's text in the chosen language (the original's otherwise).
- `khmer_font_face()`: an `@font-face` rule embedding the bundled Noto Sans Khmer, so Khmer
  renders even on a PC without a Khmer font.

Each one gives an empty answer rather than failing: the report still works without them.
Only `technique_texts` and `khmer_font_face` read files (the installed catalogue and font); never writes any.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from pathlib import Path

from game import resources
from game.report.aggregate import TechniqueText
from game.scenario.catalogue import catalogue
from game.report.index import PostKey, ScenarioIndex, post_texts, scenario_index  # noqa: F401 (the report's sources in one place)

KHMER_FONT = resources.fonts_dir() / "NotoSansKhmer-Regular.ttf"


def main_language(languages: Mapping[str, int]) -> str:
    """The language most rounds were played in (English when there are none, or on a tie), from counts per language."""
    if not languages:
        return "en"
    top = max(languages.values())
    return "en" if languages.get("en") == top else max(languages, key=lambda language: (languages[language], language))


def technique_texts(language: str = "en") -> dict[str, TechniqueText]:
    """Technique texts from the built-in catalogue, in `language`."""
    try:
        techniques = catalogue(language)
    except Exception:  # a damaged or missing catalogue must not stop the report
        return {}
    return {
        technique_id: TechniqueText(name=technique.name, tip=technique.tip, definition=technique.definition)
        for technique_id, technique in techniques.items()
    }


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
