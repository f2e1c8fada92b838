"""Safe, located YAML reading for facilitator-written files (scenarios, the technique catalogue).

Reads the YAML *event stream* (libyaml's fast C parser when present, PyYAML's pure-Python
parser otherwise) and builds plain Python data in one pass, recording where every value
and every key sits. It refuses what a facilitator never needs and an attacker might use.

Refused, reported as an error, and read on past, so the later checks still see the rest of the file:
- anchors and aliases (`&a`, `*a`: alias bombs explode only when traversed, and validation traverses):
  an anchored node is kept as written; an alias is never expanded, it reads as empty (None);
- duplicate keys (PyYAML would silently keep the last one): the FIRST value is kept;
- any tag except the plain core ones (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq`),
  so `!!python/...` never reaches a constructor: the value is read without its tag (a scalar as text).

Fatal, since nothing sensible is left to read: syntax errors, bad characters, more than one document,
a field name that is a list or group, nesting deeper than `MAX_DEPTH`, files larger than `MAX_BYTES`.

Strings stay strings: plain scalars resolve like JSON (YAML 1.2 core schema), so `no`, `yes`,
`on`, `off`, `12:30` and `2024-01-01` stay text; `true`/`false`, `null`/`~`, and plain decimal
numbers become booleans, None and numbers.

Never imports pygame and never raises for bad input: problems come back as `Problem` values.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Union

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from game.scenario.hints import curly_quotes, indentation_hint
from game.scenario.errors import Problem

try:  # libyaml is about 20 times faster; PyYAML's pure-Python parser is the fallback.
    from yaml import CSafeLoader as _EventLoader

    LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _EventLoader  # type: ignore[assignment]

    LIBYAML = False

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 32

Path_ = tuple[Union[str, int], ...]
Mark = tuple[int, int]  # 1-based line, column

_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_CORE + name for name in ("str", "int", "float", "bool", "null")}
_NON_SPECIFIC = "!"
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_SPECIAL_FLOATS = {
    ".inf": math.inf, ".Inf": math.inf, ".INF": math.inf,
    "+.inf": math.inf, "+.Inf": math.inf, "+.INF": math.inf,
    "-.inf": -math.inf, "-.Inf": -math.inf, "-.INF": -math.inf,
    ".nan": math.nan, ".NaN": math.nan, ".NAN": math.nan,
}
_NUMBER_START = frozenset("0123456789+-.")
_NO_VALUE = object()
_ALIAS_KEY = object()  # stands for a mapping key written as an alias: that pair is left out


@dataclass
class Document:
    """Parsed YAML data plus where each part of it was written.

    `marks[path]` is the (line, column) of the value at `path` (a tuple of keys and list indexes);
    `key_marks[path]` is where the key naming that value was written.
    `stand_ins` holds the marks of values the reader made up in place of refused ones (aliases,
    read as None): a later check's complaint at exactly such a mark is about the stand-in, not the file.
    """

    data: Any
    marks: dict[Path_, Mark] = field(default_factory=dict)
    key_marks: dict[Path_, Mark] = field(default_factory=dict)
    stand_ins: set[Mark] = field(default_factory=set)

    def mark(self, path: Path_) -> Mark:
        """The mark of the value at `path`, or of its nearest written ancestor."""
        path = tuple(path)
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))

    def key_mark(self, path: Path_) -> Mark:
        path = tuple(path)
        return self.key_marks.get(path) or self.mark(path)


def without_stand_in_follow_ups(document: Document, problems: list[Problem]) -> list[Problem]:
    """Drop later checks' problems located exactly where the reader put a stand-in value (an alias read as None).

    The reader has already reported the alias there; "this field is empty" on top would only repeat it.
    """
    if not document.stand_ins:
        return problems
    return [problem for problem in problems if (problem.line, problem.column) not in document.stand_ins]


class _Stop(Exception):
    """Reading cannot go on (syntax error, too deep ...); the problem is already recorded."""


def resolve_plain(value: str) -> Any:
    """JSON-like resolution of a plain (unquoted) scalar."""
    if not value or value in _NULLS:
        return None if value in _NULLS else value
    first = value[0]
    if first in _NUMBER_START:
        if _INT.match(value):
            return int(value)
        if _FLOAT.match(value) and any(ch.isdigit() for ch in value):
            return float(value)
        if value in _SPECIAL_FLOATS:
            return _SPECIAL_FLOATS[value]
        return value
    if value in _BOOLS:
        return _BOOLS[value]
    return value


def _resolve_tagged(value: str, tag: str) -> tuple[Any, bool]:
    """A scalar with an explicit core tag. Returns (value, fits) where fits says the text suits the tag."""
    if tag == _CORE + "str":
        return value, True
    resolved = resolve_plain(value)
    if tag == _CORE + "null":
        return None, resolved is None
    if tag == _CORE + "bool":
        return resolved, isinstance(resolved, bool)
    if tag == _CORE + "int":
        return resolved, isinstance(resolved, int) and not isinstance(resolved, bool)
    if tag == _CORE + "float":
        if isinstance(resolved, int) and not isinstance(resolved, bool):
            resolved = float(resolved)
        return resolved, isinstance(resolved, float)
    return value, False


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag


def line_column(text: str, index: int) -> Mark:
    """1-based line and column of a character index in text."""
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


_SYNTAX_HINTS = {
    "mapping values are not allowed": "text containing ': ' must be put in quotes, e.g. text: \"Note: ...\"",
    "that cannot start any token": "use spaces, not tabs, to indent; and put text starting with @, ` or % in quotes",
    "tab character": "use spaces, not tabs, to indent",
    "could not find expected ':'": "each field needs a ':' after its name; text running over several lines needs '|' or quotes",
    "did not find expected key": "check the indentation: fields of the same item must line up exactly",
    "did not find expected '-' indicator": "check the indentation: items of a list must line up exactly",
    "found unexpected end of stream": "a quote was opened but never closed",
    "found undefined tag handle": "remove the '!' before the value, or put the value in quotes",
}


class _Reader:
    """One pass over the event stream, building data and marks and collecting problems."""

    def __init__(self, text: str, file: str, max_depth: int):
        self.text = text
        self.file = file
        self.max_depth = max_depth
        self.problems: list[Problem] = []
        self.document = Document(data=None)

    def problem(self, mark: Mark, code: str, message: str) -> None:
        self.problems.append(Problem(self.file, mark[0], mark[1], "error", code, message))

    def read(self) -> tuple[Document | None, list[Problem]]:
        loader = _EventLoader(self.text)
        try:
            self._consume(loader)
        except _Stop:
            return None, self.problems
        except yaml.MarkedYAMLError as error:
            self._syntax_problem(error)
            return None, self.problems
        except yaml.reader.ReaderError as error:
            mark = line_column(self.text, error.position) if isinstance(self.text, str) else (1, 1)
            self.problem(mark, "yaml-bad-character", f"the file contains a character YAML does not allow ({error.character!r}); delete it or retype the text around it")
            return None, self.problems
        except yaml.YAMLError as error:  # pragma: no cover - every PyYAML error above is marked
            self.problem((1, 1), "yaml-syntax", f"YAML syntax error: {error}")
            return None, self.problems
        finally:
            loader.dispose()
        return self.document, self.problems  # refusals read past (see the module docstring) leave a document

    def _syntax_problem(self, error: yaml.MarkedYAMLError) -> None:
        mark = error.problem_mark or error.context_mark
        where = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        problem = (error.problem or "the text cannot be read as YAML").strip()
        message = f"YAML syntax error: {problem}"
        if error.context and error.context_mark is not None and error.problem_mark is not None:
            message += f" ({error.context} at line {error.context_mark.line + 1})"
        special = self._special_hint(where[0])
        if special:
            message += f"; hint: {special}"
        else:
            for needle, hint in _SYNTAX_HINTS.items():
                if needle in problem:
                    message += f"; hint: {hint}"
                    break
        self.problem(where, "yaml-syntax", message)

    def _special_hint(self, line_number: int) -> str | None:
        """Curly quotes or an indentation a space off, on the line of the error or the one before, say more than the usual hint."""
        lines = self.text.split("\n")
        for number in (line_number, line_number - 1):
            if 1 <= number <= len(lines):
                curly = curly_quotes(lines[number - 1])
                if curly:
                    return f"line {number}: {curly}"
        return indentation_hint(lines, line_number)

    def _consume(self, loader) -> None:
        document = self.document
        marks = document.marks
        key_marks = document.key_marks
        # Each frame: [container, path, is_mapping, pending_key, pending_key_mark]
        stack: list[list] = []
        documents = 0
        root_set = False
        get_event = loader.get_event
        check_event = loader.check_event
        while check_event():
            event = get_event()
            kind = type(event)
            start = event.start_mark
            mark = (start.line + 1, start.column + 1)
            if kind is ScalarEvent:
                tag = event.tag
                if tag is None and event.implicit[0]:
                    value = resolve_plain(event.value)
                elif tag is None or tag == _NON_SPECIFIC:
                    value = event.value
                elif tag in _SCALAR_TAGS:
                    value, fits = _resolve_tagged(event.value, tag)
                    if not fits:
                        self.problem(mark, "yaml-tag", f"the value {event.value!r} does not fit its tag {_short_tag(tag)}; remove the tag")
                        value = event.value  # read on as text, the way a refused tag is
                else:
                    self._bad_tag(mark, tag)
                    value = event.value
                if event.anchor is not None:
                    self._anchor(mark, event.anchor)
                container = _NO_VALUE
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                tag = event.tag
                if tag is not None and tag != _NON_SPECIFIC and tag != _CORE + ("map" if kind is MappingStartEvent else "seq"):
                    self._bad_tag(mark, tag)
                if event.anchor is not None:
                    self._anchor(mark, event.anchor)
                value = {} if kind is MappingStartEvent else []
                container = value
                if len(stack) >= self.max_depth:
                    self.problem(mark, "yaml-too-deep", f"the data is nested more than {self.max_depth} levels deep; scenarios never need that much")
                    raise _Stop
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                stack.pop()
                continue
            elif kind is AliasEvent:  # never expanded: the alias reads as empty
                self.problem(mark, "yaml-alias", f"aliases ('*{event.anchor}') are not allowed: write the value out in full")
                value = None
                container = _NO_VALUE
                document.stand_ins.add(mark)
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self.problem(mark, "yaml-many-documents", "only one YAML document per file: remove the '---' line that starts a second one")
                    raise _Stop
                continue
            else:  # stream start/end, document end
                continue

            # Place the value in its parent.
            if not stack:
                if root_set:  # pragma: no cover - the parser allows one root node per document
                    continue
                document.data = value
                marks[()] = mark
                root_set = True
                path: Path_ = ()
            else:
                frame = stack[-1]
                parent = frame[0]
                if frame[2]:  # mapping
                    if frame[3] is _NO_VALUE:  # this is a key
                        if container is not _NO_VALUE:
                            self.problem(mark, "yaml-complex-key", "a field name must be plain text, not a list or a group of fields")
                            raise _Stop
                        frame[3] = event.value if kind is ScalarEvent else _ALIAS_KEY  # an alias key is reported already
                        frame[4] = mark
                        continue
                    key = frame[3]
                    key_mark = frame[4]
                    frame[3] = _NO_VALUE
                    path = frame[1] + (key,)
                    if key is _ALIAS_KEY:  # the pair is left out; its value is still read (and checked) on the side
                        path = frame[1] + (("alias-key", key_mark),)
                    elif key in parent:  # the first value stays; the second is read (and checked) on the side
                        first = key_marks.get(path, (0, 0))[0]
                        self.problem(key_mark, "yaml-duplicate-key", f"the field '{key}' appears twice in the same place (first at line {first}); keep only one; the first one is used for the other checks")
                        path = frame[1] + (("duplicate", key_mark),)
                    else:
                        parent[key] = value
                    key_marks[path] = key_mark
                else:
                    path = frame[1] + (len(parent),)
                    parent.append(value)
                marks[path] = mark
            if container is not _NO_VALUE:
                stack.append([container, path, kind is MappingStartEvent, _NO_VALUE, None])

    def _bad_tag(self, mark: Mark, tag: str) -> None:
        shown = _short_tag(tag)
        self.problem(mark, "yaml-tag", f"the tag '{shown}' is not allowed in scenario files: remove it (values are plain text, numbers, true/false, lists and fields)")

    def _anchor(self, mark: Mark, anchor: str) -> None:
        self.problem(mark, "yaml-anchor", f"anchors ('&{anchor}') are not allowed: write each value out in full")


def parse_yaml(text: str, file: str, *, max_depth: int = MAX_DEPTH) -> tuple[Document | None, list[Problem]]:
    """Parse YAML text into a `Document`; never raises for bad input.

    Returns (document, problems). The document is None when reading had to stop (a syntax error, too deep ...);
    after refusals that are read past (aliases, anchors, duplicate keys, tags) it is the best reading of the
    file and `problems` lists the refusals. Either way, any problem means the file must not be used as it is.
    """
    return _Reader(text, file, max_depth).read()


def decode_yaml_bytes(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """Turn a file's bytes into text, refusing oversized, binary and non-UTF-8 files with plain messages."""
    if len(raw) > MAX_BYTES:
        return None, [Problem(file, 0, 0, "error", "file-too-large", f"the file is {len(raw) / 1048576:.1f} MB; scenario files may be at most {MAX_BYTES // 1048576} MB")]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(file, 1, 1, "error", "file-encoding", "the file is saved as UTF-16; save it as UTF-8 in your editor")]
    nul = raw.find(b"\x00", 0, 8192)
    if nul >= 0:
        return None, [Problem(file, 1, 1, "error", "file-binary", "this is a binary file, not a YAML text file")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        prefix = raw[: error.start]
        line = prefix.count(b"\n") + 1
        column = len(prefix[prefix.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
        byte = raw[error.start]
        return None, [Problem(file, line, column, "error", "file-encoding", f"the file is not UTF-8 text (byte 0x{byte:02x}); save it as UTF-8 in your editor")]
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, []
