"""The built-in technique catalogue: the agreed ids, both languages, English fallback."""

from __future__ import annotations

from game.scenario.catalogue import catalogue, catalogue_problems, technique_ids
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


def test_every_technique_has_a_one_line_example_in_english_and_khmer():
    english, khmer = catalogue("en"), catalogue("km")
    for technique_id in technique_ids():
        assert english[technique_id].example and "\n" not in english[technique_id].example, technique_id
        assert any("\u1780" <= ch <= "\u17ff" for ch in khmer[technique_id].example), technique_id
        assert khmer[technique_id].example != english[technique_id].example


def test_new_techniques_for_trustworthy_looking_fakes():
    english = catalogue("en")
    assert "renamed" in english["hijacked-page"].definition
    assert "logo" in english["borrowed-authority"].definition
    assert english["hijacked-page"].framework is Framework.fraud


def test_khmer_catalogue_uses_the_standard_spelling_of_oy():
    for technique in catalogue("km").values():
        for text in (technique.name, technique.definition, technique.tip, technique.example):
            assert "ឲ្យ" not in text, technique.id


def _entry(**changes):
    texts = {"name": "N", "definition": "D.", "tip": "T.", "example": "E."}
    entry = {"id": "sample", "framework": "fraud", "en": dict(texts), "km": dict(texts)}
    entry.update(changes)
    return entry


def test_catalogue_loader_refuses_an_entry_without_an_example():
    assert catalogue_problems([_entry()]) == []
    missing = _entry(km={"name": "N", "definition": "D.", "tip": "T."})
    assert catalogue_problems([missing]) == ["sample has no km example"]
    blank = _entry(en={"name": "N", "definition": "D.", "tip": "T.", "example": "  "})
    assert catalogue_problems([blank]) == ["sample has no en example"]
    two_lines = _entry(en={"name": "N", "definition": "D.", "tip": "T.", "example": "one\ntwo"})
    assert catalogue_problems([two_lines]) == ["sample: the en example must be one line"]


def test_catalogue_loader_refuses_other_damage():
    assert catalogue_problems([_entry(framework="nope")]) == ["sample: unknown framework 'nope'"]
    assert catalogue_problems([_entry(), _entry()]) == ["sample is listed more than once"]
    assert catalogue_problems([_entry(id=None)]) == ["entry 1 has no id"]
    assert catalogue_problems({"id": "x"}) == ["the catalogue must be a list of techniques"]
    assert catalogue_problems(["text"]) == ["entry 1 is not a mapping"]
