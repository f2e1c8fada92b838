"""Translation checks across scenario files: Ren'Py's `translate --count` idea for `validate`.

Each language version of a scenario is a complete file that validates alone; a translation names
the scenario it translates with `translation_of: <id>` and keeps the same post ids. This module
compares a translation with its original by *structure only* (post ids and order, verdicts,
technique ids, authors, accounts, round settings), never by text, so fixing a typo in one language
never invalidates another. It also reports orphaned translations, links to itself or to another
translation, translations whose `translation_status` hides that they are translations, and
(as severity "info") drafts not yet reviewed by a native speaker. `languages_table` gives the
at-a-glance list of which scenario exists in which language, and its review status.

The original is looked for next to the translation first (its folder, even files not given to
`validate`), then among all the files being validated. Files are read with the loader's own safe
reader; problems inside a file are the single-file checker's business and are not repeated here.
Never imports pygame; never raises for bad input.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from game.scenario.errors import Problem
from game.scenario.loader import read_source
from game.scenario.model import Language, Scoring, ToolSeconds
from game.scenario.validate import mapping_items
from game.scenario.yamlsafe import Document, decode_yaml_bytes, parse_yaml

YAML_SUFFIXES = (".yaml", ".yml")
LANGUAGE_NAMES = {"en": "English", "km": "Khmer"}
STATUS_WORDS = {
    "original": "original",
    "draft": "draft: not reviewed by a native speaker",
    "reviewed": "reviewed by a native speaker",
}
# Round settings that change scores: a translation that differs here is not the same exercise.
_SETTING_DEFAULTS: dict[str, Any] = {"mode": "practice", "ask_reasons": True, "time_limit_seconds": None}
_GROUP_DEFAULTS: dict[str, dict[str, Any]] = {
    "scoring": Scoring().model_dump(),
    "tool_seconds": ToolSeconds().model_dump(),
}


@dataclass(frozen=True)
class PostFacts:
    index: int
    id: str
    verdict: Optional[str]
    author: Optional[str]
    technique_ids: tuple[str, ...]
    text: Optional[str] = None


@dataclass
class ScenarioFacts:
    """The structure of one scenario file, read defensively from its YAML (wrong types become None)."""

    file: str
    document: Document
    id: str
    language: Optional[str]
    translation_of: Optional[str]
    status: Optional[str]  # as written; None when the field is absent (the model's default is 'original')
    posts: list[PostFacts] = field(default_factory=list)
    account_ids: list[tuple[int, str]] = field(default_factory=list)

    @property
    def data(self) -> dict:
        return self.document.data

    @property
    def effective_status(self) -> str:
        return self.status if self.status in STATUS_WORDS else "original"

    def where(self, path: tuple = ()) -> str:
        """'health.en.yaml line 12', for pointing at the other file in a message."""
        line, _ = self.document.mark(path)
        return f"{self.file} line {line}" if line else self.file

    def folder(self) -> str:
        return os.path.normcase(os.path.abspath(os.path.dirname(self.file) or "."))


def _text(item: Any, key: str) -> Optional[str]:
    value = item.get(key) if isinstance(item, dict) else None
    return value if isinstance(value, str) and value else None


def read_facts(file: str) -> Optional[ScenarioFacts]:
    """The structure of a scenario file, or None when it cannot be read, is not a scenario, or has no id."""

    try:
        raw, _ = read_source(file)
        if raw is None:
            return None
        text, _ = decode_yaml_bytes(raw, file)
        if text is None:
            return None
        document, _ = parse_yaml(text, file)
    except Exception:  # a broken file is the single-file checker's to report, never a traceback here
        return None
    if document is None or not isinstance(document.data, dict) or "kind" in document.data:
        return None  # not a scenario (quizzes say `kind: quiz`)
    data = document.data
    scenario_id = _text(data, "id")
    if scenario_id is None:
        return None
    posts = []
    for index, post in mapping_items(data, "posts"):
        post_id = _text(post, "id")
        if post_id is None:
            continue
        techniques = tuple(sorted({technique_id for _, use in mapping_items(post, "techniques") if (technique_id := _text(use, "id"))}))
        posts.append(PostFacts(index, post_id, _text(post, "verdict"), _text(post, "author"), techniques, _text(post, "text")))
    accounts = [(index, account_id) for index, account in mapping_items(data, "accounts") if (account_id := _text(account, "id"))]
    return ScenarioFacts(file, document, scenario_id, _text(data, "language"), _text(data, "translation_of"),
                         _text(data, "translation_status"), posts, accounts)


@dataclass
class Group:
    """One scenario and its language versions, as found among the validated files."""

    id: str
    versions: list[ScenarioFacts] = field(default_factory=list)
    original_missing: bool = False

    def line(self) -> str:
        order = {language.value: number for number, language in enumerate(Language)}
        versions = sorted(self.versions, key=lambda facts: (facts.translation_of is not None, order.get(facts.language or "", 99), facts.file))
        parts = [f"{facts.language or '?'} ({_status_words(facts)})" for facts in versions]
        text = f"{self.id}: " + ", ".join(parts)
        present = {facts.language for facts in versions}
        absent = [f"{LANGUAGE_NAMES[language.value]} ({language.value})" for language in Language if language.value not in present]
        if self.original_missing:
            text += f"; the original '{self.id}' was not found"
        elif absent:
            text += "; no " + " or ".join(absent) + " version"
        return text


def _status_words(facts: ScenarioFacts) -> str:
    if facts.translation_of and facts.effective_status == "original":
        return "translation_status not set: treat it as a draft"
    return STATUS_WORDS[facts.effective_status]


@dataclass
class TranslationReport:
    problems: list[Problem] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    linked: bool = False  # True when any checked file is or has a translation, or has a review status

    def languages_table(self) -> list[str]:
        """Lines for `validate`'s text output: each scenario with its languages and review status."""
        if not self.linked:
            return []
        return ["languages:"] + ["  " + group.line() for group in sorted(self.groups, key=lambda group: group.id)]


class _Checker:
    def __init__(self, given: list[ScenarioFacts]):
        self.given = given
        self.problems: list[Problem] = []
        self._siblings: dict[str, list[ScenarioFacts]] = {}

    def add(self, facts: ScenarioFacts, path: tuple, severity: str, code: str, message: str, *, at_key: bool = False) -> None:
        document = facts.document
        line, column = document.key_mark(path) if at_key else document.mark(path)
        self.problems.append(Problem(facts.file, line, column, severity, code, message))

    def siblings(self, folder: str, near: ScenarioFacts) -> list[ScenarioFacts]:
        """Scenario files in `folder` that were not given (read once per folder)."""
        if folder not in self._siblings:
            given_files = {os.path.normcase(os.path.abspath(facts.file)) for facts in self.given}
            directory = os.path.dirname(near.file) or "."
            found = []
            try:
                names = sorted(os.listdir(directory))
            except OSError:
                names = []
            for name in names:
                path = os.path.join(directory, name) if os.path.dirname(near.file) else name
                if name.lower().endswith(YAML_SUFFIXES) and not name.startswith(".") and os.path.normcase(os.path.abspath(path)) not in given_files:
                    facts = read_facts(path)
                    if facts is not None:
                        found.append(facts)
            self._siblings[folder] = found
        return self._siblings[folder]

    def find_original(self, translation: ScenarioFacts) -> tuple[Optional[ScenarioFacts], list[ScenarioFacts]]:
        """(the original, every candidate): next to the translation first, then among all given files."""
        wanted = translation.translation_of
        folder = translation.folder()
        nearby = [facts for facts in self.given if facts.folder() == folder and facts.id == wanted and facts is not translation]
        nearby += [facts for facts in self.siblings(folder, translation) if facts.id == wanted]
        candidates = nearby or [facts for facts in self.given if facts.id == wanted and facts is not translation]
        return (candidates[0] if candidates else None), candidates

    # ------------------------------------------------------------------------------------------

    def check_status(self, facts: ScenarioFacts) -> None:
        language = LANGUAGE_NAMES.get(facts.language or "", facts.language or "this language")
        if facts.translation_of and facts.effective_status == "original":
            said = "is missing" if facts.status is None else "says 'original'"
            path = ("translation_status",) if facts.status is not None else ("translation_of",)
            self.add(facts, path, "warning", "translation-status",
                     f"this file translates '{facts.translation_of}' but its translation_status {said}: set 'translation_status: draft' "
                     "until a native speaker has reviewed it, then 'reviewed'", at_key=facts.status is None)
        if facts.effective_status == "draft":
            self.add(facts, ("translation_status",), "info", "translation-draft",
                     f"the {language} text is a draft, not yet reviewed by a native speaker: have it reviewed before using it in class, "
                     "then set 'translation_status: reviewed'")

    def check_link(self, translation: ScenarioFacts) -> tuple[Optional[ScenarioFacts], bool]:
        """(the scenario `translation_of` names or None, whether to compare with it), after reporting a broken link."""
        wanted = translation.translation_of
        if wanted == translation.id:
            self.add(translation, ("translation_of",), "error", "translation-of-itself",
                     f"translation_of names this scenario's own id '{wanted}': give the id of the scenario this file translates, "
                     "or remove 'translation_of' if this file is an original")
            return None, False
        original, candidates = self.find_original(translation)
        if original is None:
            self.add(translation, ("translation_of",), "warning", "translation-orphaned",
                     f"the original '{wanted}' is not among the checked files nor in this folder, so this translation cannot be compared with it: "
                     f"put the original next to it, validate both together, or remove 'translation_of' if this file stands alone")
            return None, False
        if len(candidates) > 1:
            others = ", ".join(facts.file for facts in candidates)
            self.add(translation, ("translation_of",), "warning", "translation-ambiguous",
                     f"several files have the id '{wanted}' ({others}); compared with {original.file}: give each scenario its own id")
        if original.translation_of:
            self.add(translation, ("translation_of",), "error", "translation-of-translation",
                     f"'{wanted}' ({original.file}) is itself a translation of '{original.translation_of}': "
                     f"translate from the original, write 'translation_of: {original.translation_of}'")
            return original, False
        if original.language and original.language == translation.language:
            self.add(translation, ("language",), "warning", "translation-same-language",
                     f"this translation and its original '{wanted}' ({original.file}) are both in language '{original.language}': "
                     "a translation is in another language")
        return original, True

    def compare(self, original: ScenarioFacts, translation: ScenarioFacts) -> None:
        """Structure only: post ids and order, verdicts, technique ids, authors, accounts, settings. Never text."""
        name = f"the original '{original.id}'"
        original_posts = {post.id: post for post in original.posts}
        translated_posts = {post.id: post for post in translation.posts}
        for post in original.posts:
            if post.id not in translated_posts:
                self.add(translation, ("posts",), "error", "translation-missing-post",
                         f"post '{post.id}' of {name} ({original.where(('posts', post.index))}) is missing here: translate it, "
                         "keeping the id, or remove it from both files", at_key=True)
        for post in translation.posts:
            source = original_posts.get(post.id)
            if source is None:
                self.add(translation, ("posts", post.index, "id"), "error", "translation-extra-post",
                         f"post '{post.id}' is not in {name} ({original.file}): a translation keeps the original's post ids; "
                         "rename it to match, or add the post to the original too")
                continue
            self.compare_post(source, post, original, translation)
        common_original = [post.id for post in original.posts if post.id in translated_posts]
        common_translation = [post.id for post in translation.posts if post.id in original_posts]
        if common_original != common_translation:
            self.add(translation, ("posts",), "warning", "translation-post-order",
                     f"the posts are in a different order from {name} ({', '.join(common_original)}): keep the same order so both feeds match",
                     at_key=True)
        original_accounts = {account_id for _, account_id in original.account_ids}
        translated_accounts = {account_id for _, account_id in translation.account_ids}
        if original_accounts != translated_accounts and original.account_ids:
            self.add(translation, ("accounts",), "warning", "translation-accounts",
                     f"the accounts differ from {name} ({original.file}){_difference(original_accounts, translated_accounts)}: "
                     "keep the same account ids in every language", at_key=True)
        self.compare_settings(original, translation, name)

    def compare_post(self, source: PostFacts, post: PostFacts, original: ScenarioFacts, translation: ScenarioFacts) -> None:
        prefix = f"post '{post.id}': "
        where = original.where(("posts", source.index))
        if source.verdict and post.verdict and source.verdict != post.verdict:
            self.add(translation, ("posts", post.index, "verdict"), "error", "translation-verdict",
                     f"{prefix}the verdict is '{post.verdict}' but the original '{original.id}' says '{source.verdict}' ({where}): "
                     "a translation keeps every verdict")
        if source.technique_ids != post.technique_ids:
            path = ("posts", post.index, "techniques")
            if "techniques" not in translation.data["posts"][post.index]:
                path = ("posts", post.index, "id")
            self.add(translation, path, "error", "translation-techniques",
                     f"{prefix}the technique ids differ from the original '{original.id}' ({where})"
                     f"{_difference(set(source.technique_ids), set(post.technique_ids))}: a translation keeps the same techniques, "
                     "each with its own evidence quoted from the translated text", at_key=True)
        if source.text and source.text == post.text and original.language != translation.language:
            self.add(translation, ("posts", post.index, "text"), "warning", "translation-untranslated",
                     f"{prefix}the text is the same as in the original '{original.id}' ({where}): not translated yet?")
        if source.author and post.author and source.author != post.author:
            self.add(translation, ("posts", post.index, "author"), "warning", "translation-author",
                     f"{prefix}the author is '{post.author}' but the original '{original.id}' says '{source.author}' ({where})")

    def compare_settings(self, original: ScenarioFacts, translation: ScenarioFacts, name: str) -> None:
        for key, default in _SETTING_DEFAULTS.items():
            theirs, ours = original.data.get(key, default), translation.data.get(key, default)
            if theirs != ours:
                self.add(translation, (key,) if key in translation.data else ("id",), "warning", "translation-settings",
                         f"'{key}' is {_shown(ours)} here but {_shown(theirs)} in {name} ({original.file}): "
                         "results in the two languages would not be comparable", at_key=True)
        for key, defaults in _GROUP_DEFAULTS.items():
            theirs = _merged(defaults, original.data.get(key))
            ours = _merged(defaults, translation.data.get(key))
            changed = sorted(part for part in defaults if theirs.get(part) != ours.get(part))
            if changed:
                detail = ", ".join(f"{part}: {_shown(ours.get(part))} here, {_shown(theirs.get(part))} there" for part in changed)
                self.add(translation, (key,) if key in translation.data else ("id",), "warning", "translation-settings",
                         f"'{key}' differs from {name} ({original.file}) ({detail}): results in the two languages would not be comparable",
                         at_key=True)


def _merged(defaults: dict, value: Any) -> dict:
    merged = dict(defaults)
    if isinstance(value, dict):
        merged.update(value)
    return merged


def _shown(value: Any) -> str:
    if value is None:
        return "not set"
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"'{value}'" if isinstance(value, str) else str(value)


def _difference(expected: set[str], found: set[str]) -> str:
    parts = []
    missing = sorted(expected - found)
    extra = sorted(found - expected)
    if missing:
        parts.append("missing here: " + ", ".join(f"'{item}'" for item in missing))
    if extra:
        parts.append("not in the original: " + ", ".join(f"'{item}'" for item in extra))
    return " (" + "; ".join(parts) + ")" if parts else ""


def check_translations(files: Iterable[str]) -> TranslationReport:
    """Check the translation links among scenario files (as given to `validate`). Never raises."""
    given = [facts for file in files if (facts := read_facts(file)) is not None]
    checker = _Checker(given)
    report = TranslationReport()
    groups: dict[str, Group] = {}
    seen_languages: dict[tuple[str, str], ScenarioFacts] = {}
    for facts in given:
        if facts.translation_of or facts.effective_status != "original":
            report.linked = True
        checker.check_status(facts)
        if not facts.translation_of:
            groups.setdefault(facts.id, Group(facts.id)).versions.append(facts)
            continue
        original, comparable = checker.check_link(facts)
        root = facts.translation_of
        if original is not None and not comparable and original.translation_of:
            root = original.translation_of  # a translation of a translation: listed with the scenario it comes from
        group = groups.setdefault(root, Group(root))
        group.versions.append(facts)
        if original is None:
            group.original_missing = group.original_missing or facts.translation_of != facts.id
            continue
        if not comparable:
            continue
        if original not in given and original not in group.versions:
            group.versions.append(original)  # found next to the translation: shown in the table, not checked itself
        key = (original.id, facts.language or "")
        if key in seen_languages and facts.language:
            checker.add(facts, ("language",), "warning", "translation-duplicate-language",
                        f"'{original.id}' already has a {LANGUAGE_NAMES.get(facts.language, facts.language)} translation "
                        f"({seen_languages[key].file}): the menu can show only one per language")
        seen_languages.setdefault(key, facts)
        checker.compare(original, facts)
    for group in groups.values():
        if any(version.translation_of is None for version in group.versions):
            group.original_missing = False
    order = {facts.file: number for number, facts in enumerate(given)}
    report.problems = sorted(checker.problems, key=lambda problem: (order.get(problem.file, len(order)), problem.line, problem.column))
    report.groups = list(groups.values())
    return report

