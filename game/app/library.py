"""The scenarios the menu offers: built-in ones from `scenarios/` plus any folders given with `--scenarios`.

Every file is read with the one loader (`game.scenario.loader.check_file`). Files of one scenario in
several languages are grouped (a translation names its original with `translation_of`), and the menu
shows each scenario in the learner's language when that version exists, saying so when it does not.
A broken file is listed with its first problem instead of stopping the game. No pygame here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Sequence

from game.scenario.loader import check_file
from game.scenario.model import LoadedScenario
from game.scenario.quiz_loader import is_quiz_file

BUILTIN_DIR = Path(__file__).resolve().parents[2] / "scenarios"


@dataclass(frozen=True)
class BrokenFile:
    path: str
    message: str


@dataclass
class ScenarioFamily:
    """One scenario and its translations, by language."""

    family_id: str
    versions: dict[str, LoadedScenario] = field(default_factory=dict)

    def version_for(self, language: str) -> LoadedScenario:
        if language in self.versions:
            return self.versions[language]
        original = next((v for v in self.versions.values() if v.scenario.translation_of is None), None)
        return original or next(iter(self.versions.values()))

    def has_language(self, language: str) -> bool:
        return language in self.versions

    @property
    def languages(self) -> list[str]:
        return sorted(self.versions)

    def sort_key(self, language: str) -> tuple:
        scenario = self.version_for(language).scenario
        return (scenario.menu_order, scenario.title.casefold(), self.family_id)


@dataclass
class ScenarioLibrary:
    families: list[ScenarioFamily] = field(default_factory=list)
    broken: list[BrokenFile] = field(default_factory=list)

    def ordered(self, language: str) -> list[ScenarioFamily]:
        return sorted(self.families, key=lambda family: family.sort_key(language))

    def find(self, key: str) -> Optional[ScenarioFamily]:
        """A family by its id, or by the id or path of any of its files."""
        for family in self.families:
            if family.family_id == key:
                return family
            for loaded in family.versions.values():
                if loaded.scenario.id == key or _same_path(loaded.path, key):
                    return family
        return None

    def add(self, loaded: LoadedScenario, first: bool = False) -> ScenarioFamily:
        """Add a loaded scenario (e.g. one given on the command line), grouped with its translations."""
        scenario = loaded.scenario
        family_id = scenario.translation_of or scenario.id
        family = next((f for f in self.families if f.family_id == family_id), None)
        if family is None:
            family = ScenarioFamily(family_id)
            if first:
                self.families.insert(0, family)
            else:
                self.families.append(family)
        family.versions.setdefault(scenario.language.value, loaded)
        return family


def _same_path(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def scenario_files(folder: Path) -> list[Path]:
    """Scenario YAML files in a folder and its sub-folders (one level of `<id>/` folders is typical)."""
    folder = Path(folder)
    if folder.is_file():
        return [folder]
    files = [p for p in folder.rglob("*.yaml") if p.is_file() and "images" not in p.parts]
    files += [p for p in folder.rglob("*.yml") if p.is_file() and "images" not in p.parts]
    return sorted(files)


def load_library(folders: Iterable[Path]) -> ScenarioLibrary:

    library = ScenarioLibrary()
    seen: set[Path] = set()
    for folder in folders:
        folder = Path(folder)
        if not folder.exists():
            library.broken.append(BrokenFile(str(folder), "This folder does not exist."))
            continue
        for path in scenario_files(folder):
            resolved = path.resolve()
            if resolved in seen or path.name.endswith(".schema.json") or is_quiz_file(path):
                continue
            seen.add(resolved)
            loaded, problems = check_file(str(path), decode_images=False)  # headers only: a fast start
            if loaded is None:
                errors = [p for p in problems if getattr(p, "severity", "error") == "error"] or list(problems)
                first = errors[0] if errors else None
                message = getattr(first, "message", "could not be read") if first else "could not be read"
                library.broken.append(BrokenFile(str(path), message))
                continue
            library.add(loaded)
    return library


def default_folders(extra: Sequence[str] = ()) -> list[Path]:
    folders = [BUILTIN_DIR] if BUILTIN_DIR.is_dir() else []
    return folders + [Path(p) for p in extra]


def resolve_scenario(key: str, library: ScenarioLibrary) -> tuple[Optional[LoadedScenario], Optional[ScenarioFamily], str]:
    """A scenario named on the command line: a file path, or the id of a scenario in the library.

    Returns (loaded, family, error message). A path is loaded with the one loader and added to the library.
    """

    path = Path(key)
    if path.suffix in (".yaml", ".yml") or path.exists():
        if not path.is_file():
            return None, None, f"{key}: no such scenario file."
        loaded, problems = check_file(str(path))
        if loaded is None:
            lines = [
                f"{getattr(p, 'file', key)}:{getattr(p, 'line', '?')}: {getattr(p, 'message', p)}"
                for p in problems
                if getattr(p, "severity", "error") == "error"
            ]
            return None, None, "\n".join(lines) or f"{key}: the scenario has errors."
        existing = library.find(str(path))
        family = existing or library.add(loaded, first=True)
        return loaded, family, ""
    family = library.find(key)
    if family is None:
        known = ", ".join(sorted(f.family_id for f in library.families)) or "none"
        return None, None, f"No scenario '{key}'. Built-in scenarios: {known}. Or give a path to a scenario file."
    return None, family, ""
