"""Numbers, counts, scores and relative times the way an English or a Khmer reader expects them.

Pure functions of (language, value): no catalogue, no clock, no pygame, no I/O. `game.lang.i18n` builds
on these; anything that shows a number to a learner goes through here, so the digits are the same
on every screen.

The choice for Khmer (see docs/translating.md): Khmer digits ០-៩ for every number the game shows,
with the CLDR `km` separators: "." groups thousands and "," marks decimals (១២.៣៤៥ and ១,៥), as in
Cambodian schoolbooks, newspapers and official documents. Khmer has no plural forms, so a count is
followed by the same word whatever the number ("១ ម៉ោងមុន", "៣ ម៉ោងមុន"). Compact counts use the
everyday words ពាន់ (thousand), លាន (million) and ពាន់លាន (billion). English uses Western digits,
"," for thousands and "." for decimals, and the K/M/B of social media.
"""

from __future__ import annotations

import math
import re
from typing import Optional

KHMER_DIGITS = "០១២៣៤៥៦៧៨៩"
_TO_KHMER = str.maketrans("0123456789", KHMER_DIGITS)
_TO_WESTERN = str.maketrans(KHMER_DIGITS, "0123456789")

# (group separator, decimal mark) per language; English is the fallback.
_SEPARATORS = {"en": (",", "."), "km": (".", ",")}

# Compact counts: (threshold, English suffix, Khmer word), largest first.
_COMPACT = ((1_000_000_000, "B", "ពាន់លាន"), (1_000_000, "M", "លាន"), (1_000, "K", "ពាន់"))

# Post times as scenario files write them ('now', '45m', '3h', '2d', '1w').
_TIME = re.compile(r"^([1-9][0-9]{0,3})([mhdw])$")
_UNITS_EN = {"m": ("minute", "min"), "h": ("hour", "h"), "d": ("day", "d"), "w": ("week", "w")}
_UNITS_KM = {"m": "នាទី", "h": "ម៉ោង", "d": "ថ្ងៃ", "w": "សប្ដាហ៍"}
JUST_NOW = {"en": "Just now", "km": "អម្បាញ់មិញ"}
KHMER_AGO = "មុន"  # "before": ៣ ម៉ោងមុន = 3 hours ago
KHMER_SECONDS = "វិនាទី"


def _language(language: str) -> str:
    return language if language in _SEPARATORS else "en"


def localise_digits(language: str, text: str) -> str:
    """Western digits in `text` written in the language's digits (Khmer: ០-៩); other characters unchanged."""
    return text.translate(_TO_KHMER) if _language(language) == "km" else text


def western_digits(text: str) -> str:
    """Khmer digits turned back into 0-9 (for parsing what a learner typed)."""
    return text.translate(_TO_WESTERN)


def _group(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[index:index + 3] for index in range(head, len(digits), 3)]
    return separator.join(parts)


def format_decimal(language: str, value: float | int, places: Optional[int] = None) -> str:
    """A number with grouped thousands: 12,345.5 / ១២.៣៤៥,៥.

    `places` fixes the decimals (2 -> '1.50'); None shows up to two, without trailing zeros
    (1.5 -> '1.5', 2.0 -> '2'). Negative numbers start with '-'. NaN and infinity show as '-'.
    """
    language = _language(language)
    group, decimal = _SEPARATORS[language]
    if isinstance(value, float) and not math.isfinite(value):
        return "-"
    shown = f"{abs(value):.{2 if places is None else places}f}"
    whole, _, fraction = shown.partition(".")
    if places is None:
        fraction = fraction.rstrip("0")
    text = _group(whole, group) + (decimal + fraction if fraction else "")
    if value < 0 and any(character not in "0.," for character in text):
        text = "-" + text
    return localise_digits(language, text)


def format_integer(language: str, value: int | float) -> str:
    """A whole number with grouped thousands: 12,345 / ១២.៣៤៥ (a float is rounded first)."""
    return format_decimal(language, int(round(value)), places=0)


def format_count(language: str, value: int) -> str:
    """An engagement count the way feeds show it, cut (not rounded) like Facebook does.

    English: 950, 1.2K, 12K, 999K, 1.2M, 3B. Khmer: ៩៥០, ១,២ពាន់, ១២ពាន់, ១,២លាន, ៣ពាន់លាន.
    """
    language = _language(language)
    value = max(0, int(value))
    for threshold, suffix, word in _COMPACT:
        if value >= threshold:
            scaled = value / threshold
            tenths = math.floor(scaled * 10 + 1e-9) / 10 if scaled < 10 else math.floor(scaled)
            number = format_decimal(language, tenths, places=1 if tenths < 10 and tenths % 1 else 0)
            return number + (word if language == "km" else suffix)
    return format_integer(language, value)


def format_percent(language: str, fraction: float) -> str:
    """A fraction (0.755) as a whole percentage: 76% / ៧៦%."""
    if not math.isfinite(fraction):
        return "-"
    return format_integer(language, round(fraction * 100)) + "%"


def format_points(language: str, points: int, *, signed: bool = False) -> str:
    """Points for the score: '42', or with `signed` '+10', '-5', '0' (Khmer: +១០, -៥, ០)."""
    text = format_integer(language, points)
    return "+" + text if signed and points > 0 else text


def format_score(language: str, points: int, max_points: int) -> str:
    """A score out of a maximum: '42 / 60' / '៤២ / ៦០'."""
    return f"{format_integer(language, points)} / {format_integer(language, max_points)}"


def format_clock(language: str, seconds: float) -> str:
    """A countdown as minutes:seconds: 4:05 / ៤:០៥ (negative counts as 0, hours as many minutes)."""
    whole = max(0, int(seconds))
    return localise_digits(language, f"{whole // 60}:{whole % 60:02d}")


def format_seconds(language: str, seconds: int) -> str:
    """A tool's time cost: '30 seconds' / '៣០ វិនាទី'."""
    if _language(language) == "km":
        return f"{format_integer(language, seconds)} {KHMER_SECONDS}"
    return f"{format_integer(language, seconds)} second{'' if seconds == 1 else 's'}"


def parse_post_time(value: str) -> Optional[tuple[int, str]]:
    """'3h' -> (3, 'h'); 'now' -> (0, 'now'); anything else -> None."""
    if value == "now":
        return 0, "now"
    match = _TIME.match(value or "")
    return (int(match.group(1)), match.group(2)) if match else None


def format_relative_time(language: str, value: str, *, short: bool = False) -> str:
    """A post's time ('now', '45m', '3h', '2d', '1w') as a reader expects it.

    Long (feed cards): '3 hours ago' / '៣ ម៉ោងមុន', 'Just now' / 'អម្បាញ់មិញ'.
    Short (tight spaces): '3h' / '៣ ម៉ោង'. A value that is not a post time is shown as written.
    """
    language = _language(language)
    parsed = parse_post_time(value)
    if parsed is None:
        return localise_digits(language, value)
    count, unit = parsed
    if unit == "now":
        return JUST_NOW[language]
    number = format_integer(language, count)
    if language == "km":
        word = _UNITS_KM[unit]
        return f"{number} {word}" if short else f"{number} {word}{KHMER_AGO}"
    name, abbreviation = _UNITS_EN[unit]
    if short:
        return f"{number}{abbreviation}" if unit != "m" else f"{number} {abbreviation}"
    return f"{number} {name}{'' if count == 1 else 's'} ago"
