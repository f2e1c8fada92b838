"""Hints for authoring mistakes a facilitator stumbles on: curly quotes, digits, indentation, template text.

- `curly_quotes(text)`: which curly quote or apostrophe stands where, and the straight one to use;
- `evidence_near(evidence, text)`: why a quote is not found although it is there in other letters
  (curly against straight quotes and apostrophes, Khmer digits against Western digits);
- `indentation_hint(lines, line)`: the line is indented differently from the line above it;
- `quoted_in_curly(value)`: a value written inside curly quotes, which YAML keeps as part of the text;
- `PLACEHOLDERS`: text of the template (`python main.py new`) that is meant to be replaced.

Pure: strings in, strings out; no file I/O.
"""

from __future__ import annotations

from typing import Optional

CURLY = {
    "\u201c": ("left double quotation mark", '"'),
    "\u201d": ("right double quotation mark", '"'),
    "\u201e": ("double low-9 quotation mark", '"'),
    "\u2018": ("left single quotation mark", "'"),
    "\u2019": ("right single quotation mark (curly apostrophe)", "'"),
    "\u00ab": ("left guillemet", '"'),
    "\u00bb": ("right guillemet", '"'),
}
_STRAIGHTEN = str.maketrans({char: straight for char, (_, straight) in CURLY.items()})
_KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
# Text of the scenario templates that is an instruction to replace, not content.
PLACEHOLDERS = frozenset({
    "One or two sentences shown in the scenario picker.",
    "សេណារីយ៉ូថ្មី។ សរសេរមួយ ឬពីរប្រយោគ ដែលបង្ហាញនៅពេលជ្រើសរើសសេណារីយ៉ូ។",
})  # fmt: skip
PLACEHOLDER_MARKERS = ("__ID__", "__TITLE__", "__FOLDER__", "__SCHEMA__")


def curly_quotes(text: str, column_offset: int = 1) -> Optional[str]:
    """'“ (left double quotation mark) at column 7 and ” (...) at column 19: use the straight " instead', or None."""
    found = [(index, char) for index, char in enumerate(text) if char in CURLY]
    if not found:
        return None
    places = " and ".join(f"{char} ({CURLY[char][0]}) at column {index + column_offset}" for index, char in found[:3])
    straight = sorted({CURLY[char][1] for _, char in found})
    offer = " or ".join(f"the straight {mark}" for mark in straight)
    return f"the text has {places}{' …' if len(found) > 3 else ''}: YAML only knows straight quotes; type {offer} instead"


def _digits(text: str) -> str:
    return text.translate(_KHMER_DIGITS)


def evidence_near(evidence: str, text: str) -> Optional[str]:
    """Why `evidence` is not found in `text` although the same words are there, or None."""
    if evidence.translate(_STRAIGHTEN) in text.translate(_STRAIGHTEN):
        marks = [char for char in evidence + text if char in CURLY]
        where = "the quote" if any(char in CURLY for char in evidence) else "the post"
        return (f"{where} uses {marks[0]} ({CURLY[marks[0]][0]}) where the other has the straight "
                f"{CURLY[marks[0]][1]}: copy the quote from the post text, or use the same mark in both")  # fmt: skip
    if _digits(evidence) in _digits(text) or _digits(evidence.translate(_STRAIGHTEN)) in _digits(text.translate(_STRAIGHTEN)):
        khmer_in_post = any("០" <= char <= "៩" for char in text)
        return ("the post writes the number in Khmer digits (such as ២៤) and the quote in Western digits (24)"
                if khmer_in_post else
                "the post writes the number in Western digits (such as 24) and the quote in Khmer digits (២៤)"
                ) + ": write the digits the same way as the post"  # fmt: skip
    return None


def quoted_in_curly(value: str) -> Optional[str]:
    """A hint when a whole value stands in curly quotes (YAML keeps them, and the game shows them)."""
    if len(value) >= 2 and value[0] in CURLY and value[-1] in CURLY:
        inner = value[1:-1]
        return (f"the value is written inside {value[0]} and {value[-1]}: YAML keeps curly quotes as part of the text, so the "
                f'game would show {value}; use straight quotes: "{inner}"')  # fmt: skip
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def indentation_hint(lines: list[str], line_number: int) -> Optional[str]:
    """A hint when line `line_number` (1-based) is indented off the lines around it by a space or so, or None."""
    if not 1 <= line_number <= len(lines):
        return None
    here = lines[line_number - 1]
    if not here.strip():
        return None
    above = next((line for line in reversed(lines[: line_number - 1]) if line.strip() and not line.lstrip().startswith("#")), None)
    if above is None:
        return None
    mine, theirs = _indent(here), _indent(above) + (2 if above.lstrip().startswith("- ") else 0)
    if mine == theirs or abs(mine - theirs) % 2 == 0 and abs(mine - theirs) > 1:
        return None
    return (f"check the indentation: line {line_number} starts with {mine} space{'s' if mine != 1 else ''} but the field above it "
            f"with {theirs}; fields of the same item must line up exactly")  # fmt: skip


def placeholder(value: str) -> Optional[str]:
    """A hint when a value is still the template's placeholder text."""
    if value.strip() in PLACEHOLDERS or any(marker in value for marker in PLACEHOLDER_MARKERS):
        return "this is the template's placeholder text: replace it with your own"
    return None
