"""Checks on a parsed scenario document: types, cross-references, assets and warnings.

Turns pydantic's errors into located, plain-English messages with hints ("did you mean
'misinformation'?"), and adds the checks a type system cannot make: unknown authors and
techniques, duplicate ids, evidence missing from the post, images that are missing, unsafe,
broken or too large, and facilitator warnings. Cross-reference checks read the raw data
defensively, so they run (and report) even when some fields have the wrong type.

The pieces the quiz loader shares (`Context`, `check_types`, `mapping_items`, `text_at`,
`image_references`, `check_image_references`, `did_you_mean`) are public; the loaders call them, never private helpers.

Reads image headers with Pillow; never imports pygame; never raises for bad input.
"""

from __future__ import annotations

import difflib
import enum
import os
import typing
import warnings
from pathlib import Path, PurePosixPath
from typing import Any, Iterable, Optional

from pydantic import BaseModel, ValidationError

from game.resources import command_name
from game.scenario.hints import evidence_near, placeholder, quoted_in_curly
from game.scenario.errors import Problem
from game.scenario.model import Scenario, Verdict
from game.scenario.yamlsafe import Document

MAX_IMAGE_SIDE = 4096
LONG_POST_CHARS = 600
MIN_RELIABLE_SHARE = 0.30
IMAGE_FORMATS = ("PNG", "JPEG")

_KIND_OF_LIST = {"posts": "post", "accounts": "account", "techniques": "technique", "items": "item", "sites": "site", "pages": "page"}
_PLAIN_TYPES = {bool: "true or false", int: "a whole number", float: "a number", str: "text", type(None): "empty"}
_VALUE_NAMES = {dict: "a group of fields", list: "a list"}


# ----------------------------------------------------------------------------------------------
# Helpers


def close_match(word: Any, choices: Iterable[str]) -> Optional[str]:
    """The choice closest to `word` (case-insensitively), or None."""
    if not isinstance(word, str):
        return None
    choices = list(choices)
    lowered = {choice.lower(): choice for choice in choices}
    if word.lower() in lowered and lowered[word.lower()] != word:
        return lowered[word.lower()]
    found = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[found[0]] if found else None


def did_you_mean(word: Any, choices: Iterable[str]) -> str:
    match = close_match(word, choices)
    return f" (did you mean '{match}'?)" if match else ""


def _describe_value(value: Any) -> str:
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (true/false)"
    if value is None:
        return "empty"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"'{shown}'"
    return _VALUE_NAMES.get(type(value), type(value).__name__)


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin is typing.Union or (origin is not None and getattr(origin, "__name__", "") == "UnionType"):
            options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation


def annotation_at(loc: tuple, root: Any = Scenario) -> Any:
    """The model, enum or type expected at a pydantic error location, or None when unknown."""
    annotation: Any = root
    for part in loc:
        annotation = _unwrap(annotation)
        if isinstance(part, int):
            if typing.get_origin(annotation) is list:
                annotation = typing.get_args(annotation)[0]
                continue
            return None
        if isinstance(annotation, type) and issubclass(annotation, BaseModel) and part in annotation.model_fields:
            annotation = annotation.model_fields[part].annotation
        else:
            return None
    return _unwrap(annotation)


def _fields_of(annotation: Any) -> list[str]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


def _raw_at(data: Any, path: tuple) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


class Context:
    """Where problems are reported: the file, the document's marks, the model it should match, the problems so far."""

    def __init__(self, file: str, document: Document, root: Any = Scenario):
        self.root = root  # the model the document should match (Scenario, or Quiz for quiz files)
        self.file = file
        self.document = document
        self.data = document.data
        self.problems: list[Problem] = []

    def add(self, path: tuple, severity: str, code: str, message: str, *, at_key: bool = False) -> None:
        line, column = self.document.key_mark(path) if at_key else self.document.mark(path)
        self.problems.append(Problem(self.file, line, column, severity, code, message))

    def error(self, path: tuple, code: str, message: str, *, at_key: bool = False) -> None:
        self.add(path, "error", code, message, at_key=at_key)

    def warning(self, path: tuple, code: str, message: str, *, at_key: bool = False) -> None:
        self.add(path, "warning", code, message, at_key=at_key)

    def owner(self, loc: tuple) -> tuple[str, tuple]:
        """("post 'p3': ", rest-of-loc) for a location inside a post, account or technique."""
        if len(loc) >= 2 and loc[0] in _KIND_OF_LIST and isinstance(loc[1], int):
            kind = _KIND_OF_LIST[loc[0]]
            item_id = _raw_at(self.data, loc[:2] + ("id",))
            label = f"{kind} '{item_id}'" if isinstance(item_id, str) and item_id else f"{kind} #{loc[1] + 1}"
            return f"{label}: ", loc[2:]
        return "", loc


def _field_label(rest: tuple) -> str:
    if not rest:
        return "this item"
    last = rest[-1]
    if isinstance(last, int):
        parent = rest[-2] if len(rest) >= 2 else "list"
        return f"item {last + 1} of '{parent}'"
    return f"'{last}'"


# ----------------------------------------------------------------------------------------------
# Types and fields: pydantic errors in plain words


def report_pydantic_error(context: Context, error: dict) -> None:
    loc = tuple(part for part in error["loc"] if isinstance(part, (str, int)))
    kind = error["type"]
    value = error.get("input")
    prefix, rest = context.owner(loc)
    label = _field_label(rest)
    expected = annotation_at(loc, context.root)

    if kind == "missing":
        hint = ""
        if isinstance(expected, type) and issubclass(expected, enum.Enum):
            hint = "; use one of " + ", ".join(f"'{member.value}'" for member in expected)
        context.error(loc[:-1], "missing-field", f"{prefix}the required field {label} is missing{hint}")
        return
    if kind == "extra_forbidden":
        allowed = _fields_of(annotation_at(loc[:-1], context.root))
        hint = did_you_mean(loc[-1], allowed)
        if not hint and allowed:
            hint = "; the fields allowed here are: " + ", ".join(allowed)
        context.error(loc, "unknown-field", f"{prefix}unknown field '{loc[-1]}'{hint}", at_key=True)
        return
    if kind == "enum" or (isinstance(expected, type) and issubclass(expected, enum.Enum) and kind.endswith("_type")):
        values = [member.value for member in expected] if isinstance(expected, type) and issubclass(expected, enum.Enum) else []
        options = ", ".join(f"'{v}'" for v in values)
        context.error(loc, "bad-value", f"{prefix}{label} cannot be {_describe_value(value)}; use one of {options}{did_you_mean(value, values)}")
        return
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        fields = _fields_of(expected)
        shown = f" (with fields such as {', '.join(fields[:3])})" if fields else ""
        context.error(loc, "wrong-type", f"{prefix}{label} should be a group of fields{shown}, but it is {_describe_value(value)}")
        return
    if kind == "list_type":
        context.error(loc, "wrong-type", f"{prefix}{label} should be a list, each item on its own line starting with '- ', but it is {_describe_value(value)}")
        return
    if kind == "string_type":
        if value is None:
            context.error(loc, "empty-value", f"{prefix}{label} is empty; write some text after the ':'")
        elif isinstance(value, (bool, int, float)):
            context.error(loc, "wrong-type", f"{prefix}{label} should be text, but it is {_describe_value(value)}; put it in quotes, e.g. \"{str(value).lower() if isinstance(value, bool) else value}\"")
        else:
            context.error(loc, "wrong-type", f"{prefix}{label} should be text, but it is {_describe_value(value)}")
        return
    if kind == "string_too_short":
        context.error(loc, "empty-value", f"{prefix}{label} must not be empty")
        return
    if kind == "string_pattern_mismatch":
        pattern = (error.get("ctx") or {}).get("pattern", "")
        if pattern.startswith("^(now"):
            rule = "use 'now', or a number followed by m (minutes), h (hours), d (days) or w (weeks), e.g. '45m', '3h', '2d'"
        else:
            rule = "use lower-case letters, digits, '-' and '_' only, starting with a letter or digit (at most 64), e.g. 'market-fire'"
        context.error(loc, "bad-value", f"{prefix}{label} cannot be {_describe_value(value)}: {rule}")
        return
    if kind in ("int_type", "int_parsing", "int_from_float"):
        context.error(loc, "wrong-type", f"{prefix}{label} should be a whole number, but it is {_describe_value(value)}")
        return
    if kind in ("bool_type", "bool_parsing"):
        context.error(loc, "wrong-type", f"{prefix}{label} should be true or false, but it is {_describe_value(value)}")
        return
    if kind == "too_short":
        minimum = (error.get("ctx") or {}).get("min_length", 1)
        context.error(loc, "empty-list", f"{prefix}{label} needs at least {minimum} item{'s' if minimum != 1 else ''}")
        return
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        ctx = error.get("ctx") or {}
        words = {"greater_than_equal": "at least", "less_than_equal": "at most", "greater_than": "more than", "less_than": "less than"}[kind]
        limit = next(iter(ctx.values()), "")
        context.error(loc, "bad-value", f"{prefix}{label} must be {words} {limit}, but it is {_describe_value(value)}")
        return
    message = error.get("msg", "is not valid")
    context.error(loc, "bad-value", f"{prefix}{label}: {message[0].lower() + message[1:] if message else message}")


def check_types(context: Context) -> Optional[BaseModel]:
    """The document as the context's model (a Scenario, or a Quiz), or None after reporting every type problem."""
    try:
        return context.root.model_validate(context.data)
    except ValidationError as errors:
        for error in errors.errors(include_url=False):
            report_pydantic_error(context, error)
        return None


# ----------------------------------------------------------------------------------------------
# Cross-references, read from the raw data


def mapping_items(data: Any, key: str) -> list[tuple[int, dict]]:
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, list):
        return []
    return [(index, item) for index, item in enumerate(value) if isinstance(item, dict)]


def text_at(item: Any, *keys: str) -> Optional[str]:
    for key in keys:
        item = item.get(key) if isinstance(item, dict) else None
    return item if isinstance(item, str) else None


def _check_unique_ids(context: Context, key: str, kind: str, taken: dict[str, str] | None = None) -> set[str]:
    seen: dict[str, tuple] = {}
    for index, item in mapping_items(context.data, key):
        item_id = text_at(item, "id")
        if item_id is None:
            continue
        path = (key, index, "id")
        if item_id in seen:
            first_line = context.document.mark(seen[item_id])[0]
            context.error(path, "duplicate-id", f"duplicate {kind} id '{item_id}' (first used at line {first_line}); every {kind} needs its own id")
        elif taken and item_id in taken:
            context.error(path, "duplicate-id", f"{kind} id '{item_id}' is already a built-in technique ({taken[item_id]}); use the built-in one or give yours another id")
        else:
            seen[item_id] = path
    return set(seen)


def check_references(context: Context, catalogue_names: dict[str, str]) -> None:
    data = context.data
    account_ids = _check_unique_ids(context, "accounts", "account")
    _check_unique_ids(context, "posts", "post")
    custom_ids = _check_unique_ids(context, "techniques", "technique", catalogue_names)
    known_techniques = set(catalogue_names) | custom_ids
    verdicts = {verdict.value for verdict in Verdict}
    accounts_listed = isinstance(data, dict) and isinstance(data.get("accounts"), list)

    for index, post in mapping_items(data, "posts"):
        prefix, _ = context.owner(("posts", index))
        author = text_at(post, "author")
        if author is not None and accounts_listed and author not in account_ids:
            hint = did_you_mean(author, account_ids)
            context.error(("posts", index, "author"), "unknown-author", f"{prefix}author '{author}' is not an account in 'accounts'{hint}")
        text = text_at(post, "text") or ""
        link_title = text_at(post, "link", "title") or ""
        techniques = post.get("techniques")
        techniques = techniques if isinstance(techniques, list) else []
        for number, use in enumerate(techniques):
            if not isinstance(use, dict):
                continue
            technique_id = text_at(use, "id")
            if technique_id is not None and technique_id not in known_techniques:
                hint = did_you_mean(technique_id, known_techniques)
                context.error(("posts", index, "techniques", number, "id"), "unknown-technique",
                              f"{prefix}unknown technique '{technique_id}'{hint}; see '{command_name()} techniques', or define it under 'techniques:' at the top of the file")
            evidence = text_at(use, "evidence")
            if evidence and evidence not in text and evidence not in link_title:
                folded = evidence.casefold()
                near = ""
                for source in (text, link_title):
                    start = source.casefold().find(folded)
                    if start >= 0 and len(source.casefold()) == len(source):
                        near = f"; the post has \"{source[start:start + len(evidence)]}\": the quote must match exactly, capitals included"
                        break
                if not near:
                    hint = evidence_near(evidence, text) or evidence_near(evidence, link_title)
                    near = f"; {hint}" if hint else ""
                context.error(("posts", index, "techniques", number, "evidence"), "evidence-not-found",
                              f"{prefix}evidence \"{evidence}\" is not in the post text or link title{near}")
        verdict = text_at(post, "verdict")
        if verdict in verdicts and Verdict(verdict).is_misinformation:
            if not techniques:
                context.error(("posts", index, "verdict"), "no-technique",
                              f"{prefix}a {verdict} post needs at least one technique under 'techniques:', each with an id, evidence and a note")
            clues = post.get("clues")
            if not (isinstance(clues, dict) and any(isinstance(value, str) and value for value in clues.values())):
                context.warning(("posts", index, "verdict"), "no-clue",
                                f"{prefix}no verify clue: add at least one under 'clues:' (source, search, reverse_image or fact_check) so learners can check this post")
        if len(text) > LONG_POST_CHARS:
            context.warning(("posts", index, "text"), "long-post", f"{prefix}the text is {len(text)} characters long; keep posts under about {LONG_POST_CHARS} so they fit on screen")
        image = post.get("image")
        if isinstance(image, dict) and isinstance(image.get("file"), str) and not text_at(image, "alt"):
            context.warning(("posts", index, "image"), "no-alt-text", f"{prefix}the image has no alt text: add 'alt:' saying what the picture shows")

    posts = mapping_items(data, "posts")
    if posts:
        judged = [text_at(post, "verdict") for _, post in posts]
        reliable = sum(1 for verdict in judged if verdict == Verdict.reliable.value)
        all_judged = all(verdict in verdicts for verdict in judged)  # else the verdict errors say enough
        if all_judged and reliable / len(posts) < MIN_RELIABLE_SHARE:
            context.warning(("posts",), "few-reliable",
                            f"only {reliable} of {len(posts)} posts ({reliable / len(posts):.0%}) are reliable; keep at least 30% (40% is better), "
                            "or learners are trained to flag everything instead of to tell true from false", at_key=True)


# ----------------------------------------------------------------------------------------------
# Images


def _unsafe_path_reason(value: str) -> Optional[str]:
    if "\\" in value:
        return "use '/' between folder names, not '\\'"
    if value.startswith("/") or (len(value) > 1 and value[1] == ":") or os.path.isabs(value):
        return "it must be a path relative to the scenario file, e.g. 'images/photo.png', not an absolute path"
    if ".." in PurePosixPath(value).parts:
        return "it must stay inside the scenario's folder: '..' is not allowed"
    return None


def check_image_file(folder: Path, value: str, decode: bool = True) -> Optional[tuple[str, str]]:
    """(code, reason) when an image path is unsafe, missing or unusable, else None.

    Reads the header first; decodes the pixels (only of images within the size cap) when `decode` is set.
    The game starts with `decode=False`: it draws a stand-in for a picture damaged past its header.
    """
    reason = _unsafe_path_reason(value)
    if reason:
        return "image-path", reason
    root = folder.resolve()
    target = folder / value
    try:
        resolved = target.resolve()
        resolved.relative_to(root)
    except ValueError:
        return "image-path", "it points outside the scenario's folder (through a link); copy the picture into the folder"
    except OSError as error:
        return "image-missing", f"the file cannot be opened ({error.strerror or error})"
    if not resolved.exists():
        return "image-missing", "the file does not exist (image paths start from the scenario file's folder)"
    if not resolved.is_file():
        return "image-missing", f"'{value}' is a folder, not an image file"

    from PIL import Image as PILImage  # Pillow reads the header first; imported only when there are images

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(resolved, formats=IMAGE_FORMATS) as picture:
                width, height = picture.size
                if width > MAX_IMAGE_SIDE or height > MAX_IMAGE_SIDE:
                    return "image-too-large", f"the picture is {width}x{height} pixels; each side may be at most {MAX_IMAGE_SIDE}: make it smaller"
                if decode:
                    picture.load()
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        return "image-too-large", f"the picture is far too large; each side may be at most {MAX_IMAGE_SIDE} pixels"
    except PILImage.UnidentifiedImageError:
        return "image-bad", "the file is not a PNG or JPEG picture"
    except (OSError, ValueError, SyntaxError, EOFError) as error:
        return "image-bad", f"the picture is damaged and cannot be read ({error})"
    return None


def check_image_references(context: Context, folder: Path, references: Iterable[tuple[tuple, str, str]], decode: bool = True) -> None:
    """Report each `(path, label, file)` whose picture cannot be used (each file is checked once)."""
    results: dict[str, Optional[tuple[str, str]]] = {}
    for path, label, value in references:
        if value not in results:
            results[value] = check_image_file(folder, value, decode)
        outcome = results[value]
        if outcome:
            code, reason = outcome
            context.error(path, code, f"{label} '{value}' cannot be used: {reason}")


def image_references(context: Context, list_key: str, field: tuple[str, ...], label: str) -> list[tuple[tuple, str, str]]:
    """`(path, label, file)` for each item of the list `list_key` that names a picture at `field`."""
    references = []
    for index, item in mapping_items(context.data, list_key):
        file = text_at(item, *field)
        if file:
            prefix, _ = context.owner((list_key, index))
            references.append(((list_key, index, *field), prefix + label, file))
    return references


def check_images(context: Context, folder: Path, decode: bool = True) -> None:
    references = image_references(context, "accounts", ("avatar",), "avatar")
    references += image_references(context, "posts", ("image", "file"), "image")
    check_image_references(context, folder, references, decode)


# ----------------------------------------------------------------------------------------------


def _strings(value: Any, path: tuple = ()):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))


def check_text_hints(context: Context) -> None:
    """Text inside curly quotes, and placeholder text left from the template."""
    for path, value in _strings(context.data):
        prefix, _ = context.owner(path)
        curly = quoted_in_curly(value)
        if curly:
            context.warning(path, "curly-quoted", f"{prefix}{curly}")
        left = placeholder(value)
        if left:
            context.warning(path, "placeholder-text", f"{prefix}{left}")


def validate_document(document: Document, file: str, folder: Path, catalogue_names: dict[str, str], decode_images: bool = True) -> tuple[Optional[Scenario], list[Problem]]:
    """All checks on a parsed document whose top level is a mapping. Returns (scenario or None, problems)."""
    context = Context(file, document)
    scenario = check_types(context)
    check_references(context, catalogue_names)
    check_text_hints(context)
    check_images(context, folder, decode_images)
    if any(problem.is_error for problem in context.problems):
        scenario = None
    return scenario, context.problems
