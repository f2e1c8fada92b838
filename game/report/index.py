"""The installed scenarios as the report needs them: translations grouped under their original, titles, post texts.

`scenario_index(scenarios)` takes the scenarios the command found through the scenario library and
groups them by `translation_of`, so a class that played `jobs-abroad` in English and its Khmer
translation is one scenario in every table. `post_texts(index, language)` gives each post's text in
the chosen language. `PostKey` names a post of an original scenario.

Pure: the caller finds and loads the files; nothing here reads a file or guesses a folder name.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PostKey:
    scenario_id: str  # the original scenario's id (a translation's posts count under it)
    post: str


@dataclass(frozen=True)
class ScenarioIndex:
    """The installed scenarios as the report needs them, grouped by `translation_of`.

    `family` maps every scenario id (original or translation) to the original's id;
    `titles` and `texts` are keyed by (original id, language) and (original id, post id, language).
    """

    family: Mapping[str, str] = field(default_factory=dict)
    titles: Mapping[tuple[str, str], str] = field(default_factory=dict)
    texts: Mapping[tuple[str, str, str], str] = field(default_factory=dict)
    original_language: Mapping[str, str] = field(default_factory=dict)

    def family_of(self, scenario_id: str) -> str:
        return self.family.get(scenario_id, scenario_id)

    def title(self, family_id: str, language: str, fallback: str = "") -> str:
        key = (family_id, language)
        if key in self.titles:
            return self.titles[key]
        original = (family_id, self.original_language.get(family_id, ""))
        return self.titles.get(original, fallback or family_id)


def scenario_index(scenarios: Iterable[object]) -> ScenarioIndex:
    """Index loaded scenarios (`LoadedScenario` or `Scenario`), as the command finds them in the scenario library.

    Pure: the caller finds and loads the files; nothing here guesses folder names.
    """
    family: dict[str, str] = {}
    titles: dict[tuple[str, str], str] = {}
    texts: dict[tuple[str, str, str], str] = {}
    original_language: dict[str, str] = {}
    for item in scenarios:
        scenario = getattr(item, "scenario", item)
        language = getattr(scenario.language, "value", scenario.language)
        family_id = scenario.translation_of or scenario.id
        family[scenario.id] = family_id
        if scenario.translation_of is None:
            original_language[family_id] = language
        titles.setdefault((family_id, language), scenario.title)
        for post in scenario.posts:
            texts.setdefault((family_id, post.id, language), post.text or "")
    return ScenarioIndex(family=family, titles=titles, texts=texts, original_language=original_language)


def post_texts(index: ScenarioIndex, language: str) -> dict[PostKey, str]:
    """Each installed post's text in `language`, or in its scenario's original language when not translated."""
    best: dict[PostKey, tuple[int, str]] = {}
    for (family_id, post_id, text_language), text in index.texts.items():
        rank = 2 if text_language == language else (1 if text_language == index.original_language.get(family_id) else 0)
        key = PostKey(family_id, post_id)
        if key not in best or rank > best[key][0]:
            best[key] = (rank, text)
    return {key: text for key, (_, text) in best.items()}
