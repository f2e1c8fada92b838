"""The built-in technique catalogue: the agreed ids, both languages, English fallback."""

from __future__ import annotations

from game.scenario.catalogue import catalogue, technique_ids
from game.scenario.model import Framework

AGREED_IDS = [
    "impersonation", "emotional-language", "polarization", "conspiracy", "discrediting", "trolling",
    "fake-experts", "logical-fallacy", "impossible-expectations", "cherry-picking",
    "too-good-to-be-true", "urgency-pressure", "impersonating-officials", "phishing-link", "money-mule",
    "out-of-context-image", "fake-document", "clickbait", "fake-engagement", "scapegoating",
    "hijacked-page", "borrowed-authority",
]


def test_catalogue_has_exactly_the_agreed_ids_once_each():
    assert sorted(technique_ids()) == sorted(AGREED_IDS)
    assert len(technique_ids()) == len(set(technique_ids()))


def test_frameworks_match_the_issue():
    english = catalogue("en")
    for technique_id in AGREED_IDS[:6]:
        assert english[technique_id].framework is Framework.bad_news
    for technique_id in AGREED_IDS[6:10]:
        assert english[technique_id].framework is Framework.flicc
    assert english["phishing-link"].framework is Framework.fraud
    assert english["out-of-context-image"].framework is Framework.media


def test_khmer_text_is_khmer_for_every_technique():
    khmer = catalogue("km")
    for technique in khmer.values():
        for text in (technique.name, technique.definition, technique.tip):
            assert any("\u1780" <= ch <= "\u17ff" for ch in text), (technique.id, text)


def test_unknown_language_falls_back_to_english():
    assert catalogue("fr") == catalogue("en")
    assert catalogue("en")["clickbait"].name == "Clickbait"


def test_every_definition_and_tip_is_one_line():
    for language in ("en", "km"):
        for technique in catalogue(language).values():
            assert "\n" not in technique.definition and "\n" not in technique.tip


def test_callers_cannot_change_the_catalogue():
    first = catalogue("en")
    first.pop("clickbait")
    assert "clickbait" in catalogue("en")
