"""UI strings: Khmer entries keep their fields, numbers and times read naturally.

That every string the player sees (and every rules message) has a Khmer entry is checked by the
one string scan in tests/test_khmer_catalogue.py."""

import re
from pathlib import Path

from game.lang import i18n

ROOT = Path(__file__).resolve().parents[2]


def test_khmer_entries_keep_the_same_fields_as_english():
    import polib

    for entry in polib.pofile(str(ROOT / "game" / "locale" / "km.po")):
        if entry.msgctxt == i18n.RULES_CONTEXT:
            continue
        english = set(re.findall(r"\{\w+\}", entry.msgid + entry.msgid_plural))
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            assert set(re.findall(r"\{\w+\}", text)) <= english, entry.msgid


def test_the_catalogue_is_read_from_the_po_source_with_no_compiled_file():
    assert (ROOT / "game" / "locale" / "km.po").is_file()
    assert not list((ROOT / "game" / "locale").glob("*.mo"))
    assert i18n.translate("km", "Share") == "ចែករំលែក"


def test_english_is_the_msgid_and_unknown_strings_fall_back_to_it():
    assert i18n.translate("en", "Share") == "Share"
    assert i18n.translate("km", "A string nobody translated") == "A string nobody translated"


def test_numbers_use_khmer_digits_and_separators_in_khmer():
    assert i18n.format_number("en", 48200) == "48,200"
    assert i18n.format_number("km", 48200) == "៤៨.២០០"
    assert i18n.translate("km", "Decided {decided} of {total}", decided=3, total=12) == "បានសម្រេច ៣ ក្នុងចំណោម ១២"


def test_relative_times_read_as_phrases():
    assert i18n.relative_time("en", "3h") == "3 hours ago"
    assert i18n.relative_time("en", "1d") == "1 day ago"
    assert i18n.relative_time("en", "now") == "Just now"
    assert i18n.relative_time("km", "3h") == "៣ ម៉ោងមុន"
    assert i18n.relative_time("km", "45m") == "៤៥ នាទីមុន"


def test_compact_counts_like_a_feed():
    assert i18n.compact_count("en", 950) == "950"
    assert i18n.compact_count("en", 1500) == "1.5K"
    assert i18n.compact_count("en", 15000) == "15K"
    assert i18n.compact_count("en", 2_300_000) == "2.3M"
    assert i18n.compact_count("km", 1500) == "១,៥ពាន់"


def test_rules_messages_translate_with_their_parameters():
    from game.rules.messages import Message

    text = i18n.translate_message("km", Message("flagged-reliable", {"count": 2}))
    assert "២" in text and "count" not in text
    english = i18n.translate_message("en", Message("flagged-reliable", {"count": 2}))
    assert english.startswith("You flagged two reliable posts")
    source = i18n.translate_message("km", Message("clue-source-account", {"name": "A", "handle": "@a", "joined": None, "followers": 1200, "verified": False, "bio": ""}))
    assert "True" not in source and "False" not in source and "None" not in source and "១.២០០" in source

