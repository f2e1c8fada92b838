"""Numbers, counts, scores and post times in English and Khmer (game.lang.locale_format; docs/translating.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.lang.locale_format import (
    KHMER_DIGITS,
    format_clock,
    format_count,
    format_decimal,
    format_integer,
    format_percent,
    format_points,
    format_relative_time,
    format_score,
    format_seconds,
    localise_digits,
    parse_post_time,
    western_digits,
)


@pytest.mark.parametrize(("value", "english", "khmer"), [
    (0, "0", "០"),
    (7, "7", "៧"),
    (950, "950", "៩៥០"),
    (1000, "1K", "១ពាន់"),
    (1299, "1.2K", "១,២ពាន់"),
    (9999, "9.9K", "៩,៩ពាន់"),
    (12_800, "12K", "១២ពាន់"),
    (999_999, "999K", "៩៩៩ពាន់"),
    (1_000_000, "1M", "១លាន"),
    (2_350_000, "2.3M", "២,៣លាន"),
    (3_000_000_000, "3B", "៣ពាន់លាន"),
])
def test_counts_are_compact_and_cut_like_a_feed(value, english, khmer):
    assert format_count("en", value) == english
    assert format_count("km", value) == khmer


@pytest.mark.parametrize(("value", "english", "khmer"), [
    ("now", "Just now", "អម្បាញ់មិញ"),
    ("1m", "1 minute ago", "១ នាទីមុន"),
    ("45m", "45 minutes ago", "៤៥ នាទីមុន"),
    ("1h", "1 hour ago", "១ ម៉ោងមុន"),
    ("3h", "3 hours ago", "៣ ម៉ោងមុន"),
    ("2d", "2 days ago", "២ ថ្ងៃមុន"),
    ("1w", "1 week ago", "១ សប្ដាហ៍មុន"),
])
def test_relative_times_read_naturally(value, english, khmer):
    assert format_relative_time("en", value) == english
    assert format_relative_time("km", value) == khmer


def test_short_relative_times():
    assert format_relative_time("en", "3h", short=True) == "3h"
    assert format_relative_time("en", "45m", short=True) == "45 min"
    assert format_relative_time("km", "3h", short=True) == "៣ ម៉ោង"


def test_a_time_that_is_not_a_post_time_is_shown_as_written():
    assert parse_post_time("yesterday") is None
    assert format_relative_time("en", "yesterday") == "yesterday"
    assert format_relative_time("km", "2019-04") == "២០១៩-០៤"


def test_grouping_and_decimals_follow_each_language():
    assert format_integer("en", 1234567) == "1,234,567"
    assert format_integer("km", 1234567) == "១.២៣៤.៥៦៧"
    assert format_decimal("en", 1.5) == "1.5"
    assert format_decimal("km", 1.5) == "១,៥"
    assert format_decimal("km", 12345.25) == "១២.៣៤៥,២៥"
    assert format_decimal("en", 2.0) == "2"
    assert format_decimal("en", -0.84, places=2) == "-0.84"
    assert format_decimal("km", -0.001, places=2) == "០,០០"  # no '-0'
    assert format_decimal("en", float("nan")) == "-"


def test_scores_percentages_clocks_and_seconds():
    assert format_points("km", 10, signed=True) == "+១០"
    assert format_points("km", -5, signed=True) == "-៥"
    assert format_points("en", 0, signed=True) == "0"
    assert format_score("km", 42, 60) == "៤២ / ៦០"
    assert format_percent("en", 0.755) == "76%"
    assert format_percent("km", 0.4) == "៤០%"
    assert format_clock("km", 245) == "៤:០៥"
    assert format_clock("en", -3) == "0:00"
    assert format_seconds("en", 1) == "1 second"
    assert format_seconds("en", 30) == "30 seconds"
    assert format_seconds("km", 30) == "៣០ វិនាទី"


def test_unknown_language_falls_back_to_english():
    assert format_count("fr", 1500) == "1.5K"
    assert localise_digits("fr", "12") == "12"


@given(st.integers(min_value=0, max_value=10**12))
def test_khmer_numbers_use_only_khmer_digits_and_read_back(value):
    khmer = format_integer("km", value)
    assert not any(character.isascii() and character.isdigit() for character in khmer)
    assert int(western_digits(khmer).replace(".", "")) == value
    assert set(format_count("km", value)) - set(KHMER_DIGITS) <= set(".,ពាន់លា")


@given(st.integers(min_value=0, max_value=10**12))
def test_compact_count_never_overstates(value):
    shown = format_count("en", value)
    multiplier = {"K": 10**3, "M": 10**6, "B": 10**9}.get(shown[-1], 1)
    number = float(shown.rstrip("KMB").replace(",", ""))
    assert number * multiplier <= value < (number + (0.1 if "." in shown or number < 10 else 1)) * multiplier + 1
