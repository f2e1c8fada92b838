"""UI strings in the learner's language: gettext `.po` catalogues read at run time with polib.

English is the msgid itself; `game/locale/<language>.po` holds the other languages (Khmer: `km.po`).
The `.po` files are parsed directly, so the game works straight after `pip install -e .`, with no
compile step and no network. Also here: numbers in the learner's digits, compact counts ("1.2K")
and relative post times ("3h" -> "3 hours ago" / "៣ ម៉ោងមុន").

Digits: Khmer text uses Khmer digits (០-៩) everywhere the game shows a number, with the CLDR `km`
separators (group ".", decimal ","). English uses Western digits. The formatting itself lives in
`game.lang.locale_format` (pure, no catalogue); the functions here are the UI's entry points to it.

Messages from the rules core (`game.rules.messages.Message`, an id with parameters) are translated
with `translate_message`: English comes from the message's own `english()` (this layer sits below
the rules and never imports them), other languages from the catalogue entry whose context is
`rules` and whose msgid is the message id.

Pure functions over read-only catalogues: no pygame, no clock, no writes.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any, Mapping

from game.lang import locale_format

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"  # game/locale/<language>.po
LANGUAGES = ("en", "km")
RULES_CONTEXT = "rules"

_FIELD = re.compile(r"\{(\w+)\}")


def N_(msgid: str) -> str:
    """Mark a string for translation where it is defined (menus, tables); translate it where it is shown."""
    return msgid


@functools.lru_cache(maxsize=None)
def _catalogue(language: str) -> Mapping[tuple[str, str, int], str]:
    """(context, msgid, plural index) -> translated text, for one language; empty when no .po file exists."""
    path = LOCALE_DIR / f"{language}.po"
    if language == "en" or not path.is_file():
        return {}
    import polib  # imported lazily: only a language other than English reads a catalogue

    entries: dict[tuple[str, str, int], str] = {}
    for entry in polib.pofile(str(path), wrapwidth=0):
        if entry.obsolete or "fuzzy" in entry.flags:
            continue
        context = entry.msgctxt or ""
        if entry.msgid_plural:
            for index, text in entry.msgstr_plural.items():
                if text:
                    entries[(context, entry.msgid, int(index))] = text
        elif entry.msgstr:
            entries[(context, entry.msgid, 0)] = entry.msgstr
    return entries


def catalogue_entries(language: str) -> Mapping[tuple[str, str, int], str]:
    """Every translated entry of a language, for tests and tools."""
    return _catalogue(language)


def format_number(language: str, value: float | int) -> str:
    """A number as the learner reads it: '1,234' / '១.២៣៤', '0.56' / '០,៥៦' (game.lang.locale_format)."""
    return locale_format.format_decimal(language, value)


def localise_digits(language: str, text: str) -> str:
    """Western digits in `text` turned into the language's digits."""
    return locale_format.localise_digits(language, text)


def _format(language: str, template: str, params: Mapping[str, Any]) -> str:
    if not params:
        return template

    def field(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in params:
            return match.group(0)
        value = params[name]
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, (int, float)):
            return format_number(language, value)
        return str(value)

    return _FIELD.sub(field, template)


def translate(language: str, msgid: str, **params: Any) -> str:
    """`msgid` in `language` with `{name}` fields filled from `params`; falls back to English."""
    template = _catalogue(language).get(("", msgid, 0), msgid)
    return _format(language, template, params)


def translate_plural(language: str, singular: str, plural: str, count: int, **params: Any) -> str:
    """The singular or plural form for `count` (Khmer has one form); `{count}` is filled in too."""
    params = {"count": count, **params}
    catalogue = _catalogue(language)
    if language == "km":
        template = catalogue.get(("", singular, 0), plural)
    else:
        template = singular if count == 1 else plural
    return _format(language, template, params)


def translate_message(language: str, message: Any) -> str:
    """A rules `Message` (id, params) in `language`; English comes from the rules' own wording."""
    message_id = message[0]
    params = dict(message[1]) if len(message) > 1 and message[1] else {}
    template = _catalogue(language).get((RULES_CONTEXT, message_id, 0)) if language != "en" else None
    if template is None:
        return message.english()  # the rules' own wording (game.rules.messages.Message.english)
    shown = {}
    for name, value in params.items():
        if value is None or value == "":
            value = translate(language, _RULES_EMPTY.get(name, N_("not shown")))
        elif isinstance(value, bool):
            value = translate(language, N_("yes") if value else N_("no"))
        shown[name] = value
    return _format(language, template, shown)


_RULES_EMPTY = {"bio": N_("empty")}


def relative_time(language: str, value: str) -> str:
    """A post's time ('now', '45m', '3h', '2d', '1w') as a phrase: '3 hours ago' / '៣ ម៉ោងមុន' (game.lang.locale_format)."""
    return locale_format.format_relative_time(language, value)


def compact_count(language: str, value: int) -> str:
    """An engagement count the way feeds show it: 950, 1.2K, 15K, 2.3M / ១,២ពាន់ (game.lang.locale_format)."""
    return locale_format.format_count(language, value)


class Translator:
    """A language bound to `translate`: `tr = Translator("km"); tr("Share")`. Holds no other state."""

    __slots__ = ("language",)

    def __init__(self, language: str) -> None:
        self.language = language if language in LANGUAGES else "en"

    def __call__(self, msgid: str, **params: Any) -> str:
        return translate(self.language, msgid, **params)

    def plural(self, singular: str, plural: str, count: int, **params: Any) -> str:
        return translate_plural(self.language, singular, plural, count, **params)

    def message(self, message: Any) -> str:
        return translate_message(self.language, message)

    def number(self, value: float | int) -> str:
        return format_number(self.language, value)

    def digits(self, text: str) -> str:
        return localise_digits(self.language, text)

    def time_ago(self, value: str) -> str:
        return relative_time(self.language, value)

    def count(self, value: int) -> str:
        return compact_count(self.language, value)
