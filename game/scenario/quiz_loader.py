"""The one quiz loader: quick-check forms are read, parsed and checked here, through the same safe
YAML reader (`yamlsafe`) and the same located, plain-English problems as scenarios.

- `is_quiz_file(path)` / `is_quiz_text(text)`: does the file say `kind: quiz` at its top level?
  (`validate` and the scenario library use it to tell quiz files from scenarios.)
- `check_quiz_file(path)` never raises: `(LoadedQuiz or None, problems)`, sorted in file order.
- `load_quiz(path)` returns the `LoadedQuiz` or raises `ScenarioError` listing every problem.
- `load_check_bank(folder)` loads every quiz in a folder, keyed by (language, form).

Checks beyond the types: at least `MIN_ITEMS` items, as many real as fake, unique item ids, images
(same rules as scenarios), and, against the other quiz files in the same folder, translations (same
item ids and verdicts as the original) and parallel forms (A and B of one language: same topics,
difficulty and length, as warnings). Never imports pygame.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

from game import resources
from game.scenario.errors import Problem, ScenarioError
from game.scenario.loader import read_head, read_source
from game.scenario.quiz import Form, LoadedQuiz, Quiz
from game.scenario.validate import (
    Context,
    check_image_references,
    check_types,
    did_you_mean,
    image_references,
    mapping_items,
    text_at,
)
from game.scenario.yamlsafe import decode_yaml_bytes, parse_yaml, without_stand_in_follow_ups

PathLike = Union[str, "os.PathLike[str]"]

MIN_ITEMS = 16
LONG_ITEM_CHARS = 300
BUILTIN_CHECKS = resources.checks_dir()
YAML_SUFFIXES = (".yaml", ".yml")
# `kind: quiz` as a top-level key (no indentation), optionally quoted, optionally followed by a comment;
# or, in JSON / flow style, the quoted pair "kind": "quiz".
_KIND_LINE = re.compile(r"""^kind[ \t]*:[ \t]*(["']?)quiz\1[ \t]*(#.*)?$|["']kind["'][ \t]*:[ \t]*["']quiz["']""", re.MULTILINE)


def is_quiz_text(text: str) -> bool:
    """True when the YAML text declares `kind: quiz` at its top level."""
    return _KIND_LINE.search(text) is not None


def is_quiz_file(path: PathLike) -> bool:
    """True when the file declares `kind: quiz` (reads at most the first 64 KB; False if unreadable)."""
    head = read_head(path)
    if head is None:
        return False
    return is_quiz_text(head.decode("utf-8", errors="replace"))


def _error(file: str, code: str, message: str, line: int = 0, column: int = 0) -> Problem:
    return Problem(file, line, column, "error", code, message)


# ----------------------------------------------------------------------------------------------
# One file


def _read_quiz(file: str) -> tuple[Optional[Quiz], Optional[bytes], Optional[Context], list[Problem]]:
    """Read, parse and check one file on its own. Returns (quiz or None, raw bytes, context, problems)."""
    raw, problems = read_source(file)
    if raw is None:
        return None, None, None, problems
    text, problems = decode_yaml_bytes(raw, file)
    if text is None:
        return None, raw, None, problems
    if not text.strip() or all(line.lstrip().startswith("#") or not line.strip() for line in text.splitlines()):
        return None, raw, None, [_error(file, "file-empty", "the file is empty; copy one of scenarios/checks/*.yaml to start a quiz", 1, 1)]
    document, yaml_problems = parse_yaml(text, file)
    if document is None:
        return None, raw, None, yaml_problems
    # As for scenarios: refusals the reader read past are errors, and the other checks still run.
    if not isinstance(document.data, dict):
        line, column = document.mark(())
        return None, raw, None, yaml_problems + [_error(file, "not-a-mapping", "the top level of a quiz must be fields such as 'kind: quiz', 'id:', 'form:' and 'items:'", line, column)]
    context = Context(file, document, root=Quiz)
    quiz = check_types(context)
    _check_items(context)
    check_image_references(context, Path(file).parent, image_references(context, "items", ("image", "file"), "image"))
    context.problems = yaml_problems + without_stand_in_follow_ups(document, context.problems)
    if any(problem.is_error for problem in context.problems):
        quiz = None
    return quiz, raw, context, context.problems


def _check_items(context: Context) -> None:
    items = mapping_items(context.data, "items")
    seen: dict[str, tuple] = {}
    texts: dict[str, int] = {}
    for index, item in items:
        prefix, _ = context.owner(("items", index))
        item_id = text_at(item, "id")
        if item_id is not None:
            if item_id in seen:
                first_line = context.document.mark(seen[item_id])[0]
                context.error(("items", index, "id"), "duplicate-id", f"duplicate item id '{item_id}' (first used at line {first_line}); every item needs its own id")
            else:
                seen[item_id] = ("items", index, "id")
        text = text_at(item, "text") or ""
        if len(text) > LONG_ITEM_CHARS:
            context.warning(("items", index, "text"), "long-item", f"{prefix}the text is {len(text)} characters long; keep check items under about {LONG_ITEM_CHARS} so they read like headlines")
        folded = " ".join(text.casefold().split())
        if folded and folded in texts:
            context.warning(("items", index, "text"), "duplicate-text", f"{prefix}the same text as item #{texts[folded] + 1}; each item should be different")
        elif folded:
            texts[folded] = index
        image = item.get("image")
        if isinstance(image, dict) and isinstance(image.get("file"), str) and not text_at(image, "alt"):
            context.warning(("items", index, "image"), "no-alt-text", f"{prefix}the image has no alt text: add 'alt:' saying what the picture shows")

    raw_items = context.data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        return  # the type check already says the list is missing or empty
    if len(raw_items) < MIN_ITEMS:
        context.error(("items",), "too-few-items", f"a form needs at least {MIN_ITEMS} items (it has {len(raw_items)}); with fewer, one lucky guess moves the score too much", at_key=True)
    verdicts = [text_at(item, "verdict") for _, item in items]
    if len(verdicts) == len(raw_items) and all(verdict in ("real", "fake") for verdict in verdicts):
        real, fake = verdicts.count("real"), verdicts.count("fake")
        if real != fake:
            context.error(("items",), "unbalanced-verdicts",
                          f"the form has {real} real and {fake} fake items; it needs exactly as many of each, so that answering 'fake' to everything scores no better than chance", at_key=True)


# ----------------------------------------------------------------------------------------------
# Against the other quiz files in the folder: translations and parallel forms


def _sibling_quizzes(file: str) -> list[tuple[str, Quiz]]:
    """The other quiz files in the same folder that load without errors."""
    folder = Path(file).parent
    own = Path(file).resolve()
    found: list[tuple[str, Quiz]] = []
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return found
    for name in names:
        path = folder / name
        if not name.lower().endswith(YAML_SUFFIXES) or name.startswith(".") or path.resolve() == own or not is_quiz_file(path):
            continue
        quiz, _, _, _ = _read_quiz(str(path))
        if quiz is not None:
            found.append((path.name, quiz))
    return found


def _check_translation(context: Context, quiz: Quiz, siblings: list[tuple[str, Quiz]]) -> None:
    original_id = quiz.translation_of
    if original_id is None:
        return
    if quiz.translation_status.value == "original":
        context.warning(("translation_status",), "translation-status", "a translation should say 'translation_status: draft' (or 'reviewed' once a native speaker has checked it), not 'original'", at_key=True)
    matches = [(name, other) for name, other in siblings if other.id == original_id]
    if not matches:
        hint = did_you_mean(original_id, [other.id for _, other in siblings])
        context.warning(("translation_of",), "translation-original-missing",
                        f"no quiz with id '{original_id}' in this folder{hint}, so the translation cannot be compared with its original")
        return
    name, original = matches[0]
    if original.form is not quiz.form:
        context.error(("form",), "translation-form", f"this file is form {quiz.form.value} but its original ({name}) is form {original.form.value}; a translation keeps the form")
    if original.language is quiz.language:
        context.warning(("language",), "translation-language", f"this translation is in the same language as its original ({name})")
    original_items = {item.id: item for item in original.items}
    own_ids = set()
    for index, item in enumerate(quiz.items):
        own_ids.add(item.id)
        source = original_items.get(item.id)
        if source is None:
            context.error(("items", index, "id"), "translation-extra-item", f"item '{item.id}' is not in the original ({name}){did_you_mean(item.id, original_items)}; a translation has exactly the original's items")
            continue
        if source.verdict is not item.verdict:
            context.error(("items", index, "verdict"), "translation-verdict", f"item '{item.id}': the verdict is '{item.verdict.value}' but the original ({name}) says '{source.verdict.value}'")
        if source.topic != item.topic:
            context.warning(("items", index, "topic"), "translation-topic", f"item '{item.id}': the topic is '{item.topic}' but the original ({name}) says '{source.topic}'")
        if bool(source.image) != bool(item.image):
            context.warning(("items", index), "translation-image", f"item '{item.id}': the original ({name}) {'has' if source.image else 'has no'} picture but the translation {'has' if item.image else 'has none'}")
    missing = [item_id for item_id in original_items if item_id not in own_ids]
    if missing:
        context.error(("items",), "translation-missing-item", f"the original ({name}) has items missing here: {', '.join(missing)}", at_key=True)


def _counts_text(counts: Counter) -> str:
    return ", ".join(f"{key} {counts[key]}" for key in sorted(counts)) or "none"


def _check_parallel_form(context: Context, quiz: Quiz, siblings: list[tuple[str, Quiz]]) -> None:
    partners = [(name, other) for name, other in siblings if other.language is quiz.language and other.form is not quiz.form]
    for name, other in partners:
        if len(other.items) != len(quiz.items):
            context.warning(("items",), "forms-length", f"this form has {len(quiz.items)} items but form {other.form.value} ({name}) has {len(other.items)}; parallel forms should be the same length", at_key=True)
        mine = Counter((item.topic, item.verdict.value) for item in quiz.items)
        theirs = Counter((item.topic, item.verdict.value) for item in other.items)
        if mine != theirs:
            differing = sorted(key for key in mine.keys() | theirs.keys() if mine[key] != theirs[key])
            details = "; ".join(f"{topic} {verdict}: {mine[(topic, verdict)]} here, {theirs[(topic, verdict)]} there" for topic, verdict in differing)
            context.warning(("items",), "forms-topics", f"forms {quiz.form.value} and {other.form.value} ({name}) do not match on topics ({details}); give both forms the same number of real and fake items on each topic", at_key=True)
        mine_difficulty = Counter(item.difficulty.value for item in quiz.items if item.difficulty)
        theirs_difficulty = Counter(item.difficulty.value for item in other.items if item.difficulty)
        if mine_difficulty != theirs_difficulty:
            context.warning(("items",), "forms-difficulty", f"forms {quiz.form.value} and {other.form.value} ({name}) differ in difficulty ({_counts_text(mine_difficulty)} here; {_counts_text(theirs_difficulty)} there)", at_key=True)


# ----------------------------------------------------------------------------------------------


def check_quiz_file(path: PathLike, *, compare_siblings: bool = True) -> tuple[Optional[LoadedQuiz], list[Problem]]:
    """Load and check one quiz file. Never raises; returns (quiz or None when there are errors, problems).

    With `compare_siblings`, the quiz is also checked against the other quiz files in its folder
    (its original, if it is a translation, and its parallel form in the same language).
    """
    file = os.fspath(path)
    try:
        quiz, raw, context, problems = _read_quiz(file)
        if quiz is not None and context is not None and compare_siblings:
            siblings = _sibling_quizzes(file)
            _check_translation(context, quiz, siblings)
            _check_parallel_form(context, quiz, siblings)
            problems = context.problems
            if any(problem.is_error for problem in problems):
                quiz = None
    except Exception as error:  # the last line of defence: a bug here must not become a traceback
        return None, [_error(file, "internal-error", f"unexpected problem while checking this quiz ({type(error).__name__}: {error}); please report it")]
    problems = sorted(problems, key=lambda problem: (problem.line, problem.column))
    if quiz is None or raw is None:
        return None, problems
    return LoadedQuiz(quiz=quiz, path=file, sha256=hashlib.sha256(raw).hexdigest()), problems


def load_quiz(path: PathLike) -> LoadedQuiz:
    """Load a quiz file, or raise `ScenarioError` with every problem found."""
    loaded, problems = check_quiz_file(path)
    if loaded is None:
        raise ScenarioError(problems)
    return loaded


@dataclass(frozen=True)
class CheckBank:
    """Every quiz form found in a folder, by (language, form), plus the problems of files that did not load."""

    forms: dict[tuple[str, str], LoadedQuiz]
    problems: tuple[Problem, ...] = ()

    def quiz(self, form: Union[Form, str], language: str = "en") -> Optional[LoadedQuiz]:
        """The form in the language, falling back to English when that language has no such form."""
        form_value = form.value if isinstance(form, Form) else str(form)
        return self.forms.get((language, form_value)) or self.forms.get(("en", form_value))

    def languages(self) -> list[str]:
        return sorted({language for language, _ in self.forms})


def load_check_bank(folder: PathLike = BUILTIN_CHECKS) -> CheckBank:
    """Load every quiz file in `folder` (not its sub-folders). Files with errors are left out; their problems are kept."""
    forms: dict[tuple[str, str], LoadedQuiz] = {}
    problems: list[Problem] = []
    base = Path(folder)
    try:
        names = sorted(os.listdir(base))
    except OSError as error:
        return CheckBank({}, (_error(str(base), "folder-unreadable", f"the check folder cannot be read ({error.strerror or error})"),))
    for name in names:
        path = base / name
        if not name.lower().endswith(YAML_SUFFIXES) or name.startswith(".") or not is_quiz_file(path):
            continue
        loaded, found = check_quiz_file(path, compare_siblings=False)
        problems.extend(found)
        if loaded is not None:
            key = (loaded.quiz.language.value, loaded.quiz.form.value)
            if key in forms:
                problems.append(_error(str(path), "duplicate-form", f"form {key[1]} in language '{key[0]}' is already given by {forms[key].path}; keep one"))
                continue
            forms[key] = loaded
    return CheckBank(forms, tuple(problems))

