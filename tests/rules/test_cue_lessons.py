"""Cue lessons: the debrief says when a badge, a loud style, a page's size or money misled the learner."""

from __future__ import annotations

from game.lang.i18n import translate_message
from game.rules import EndRound, Flag, Share, Skip, apply, new_round
from game.rules.cue_lessons import cue_lesson, misleading_kind, reliable_kind
from game.rules.debrief import debrief
from game.rules.messages import MESSAGE_IDS, render_en
from game.scenario.cues import post_cues
from game.scenario.model import LoadedScenario, Scenario
from rules_factory import TECHNIQUES

ACCOUNTS = [
    {"id": "hijacked", "name": "Ministry Aid Fund", "handle": "@aid.fund", "verified": True, "followers": 80000, "joined": "2016-05"},
    {"id": "oldpage", "name": "Kampot Talk", "handle": "@kampot.talk", "verified": False, "followers": 52000, "joined": "2014-02"},
    {"id": "newpage", "name": "Lending Desk", "handle": "@lending.desk", "verified": False, "followers": 300, "joined": "2 weeks ago"},
    {"id": "province", "name": "Provincial Hall", "handle": "@prov_hall", "verified": True, "followers": 98000, "joined": "2015-01"},
    {"id": "village", "name": "Prey Kabas Neighbours", "handle": "@preykabas", "verified": False, "followers": 240, "joined": "1 month ago"},
    {"id": "outlet", "name": "Tonle News", "handle": "@tonle", "verified": False, "followers": 5000, "joined": "2020-01"},
]
RENAMED = "The page changed its name from 'Lucky Shop' six days ago."


def _post(post_id, verdict, author, text, clues=None):
    data = {"id": post_id, "author": author, "text": text, "verdict": verdict, "explanation": f"Why {post_id}."}
    if verdict != "reliable":
        data["techniques"] = [{"id": "too-good-to-be-true", "evidence": text.split()[0], "note": "A test note."}]
    if clues:
        data["clues"] = clues
    return data


POSTS = [
    _post("hijack", "scam", "hijacked", "Cash support for every family. Register with your ID card.", {"source": RENAMED}),
    _post("rumour", "misinformation", "oldpage", "Schools close next month, a teacher says. Share it!!"),
    _post("calm-scam", "scam", "newpage", "Our licensed lending desk offers loans at fair rates. Licence number KH-4471.", {"search": "No licence KH-4471 exists in the central bank's register."}),
    _post("loud-scam", "scam", "newpage", "WIN NOW!! Free phone 🎁"),
    _post("alert", "reliable", "province", "Flood alert!! Move to higher ground now 🌊", {"source": "The provincial hall's page since 2015; the same alert is on the ministry's site."}),
    _post("neighbour", "reliable", "village", "A neighbour saw the bridge on road 31 closed this morning; the commune confirms it.", {}),
    _post("prices", "reliable", "outlet", "Petrol now costs 4,200 riel a litre, stations say."),
    _post("plain", "reliable", "outlet", "The library opens at eight on weekdays."),
]


def loaded() -> LoadedScenario:
    data = {"id": "cue-test", "title": "Cue test", "language": "en", "accounts": ACCOUNTS, "posts": POSTS}
    return LoadedScenario(scenario=Scenario.model_validate(data), path="memory://cue.en.yaml", sha256="0" * 64, techniques=dict(TECHNIQUES))


def lessons(*commands):
    state = new_round(loaded())
    for index, command in enumerate(commands):
        state = apply(state, command, float(index)).state
    return {item.post: item.cue_lesson for item in debrief(state).posts}


def kinds():
    scenario = loaded().scenario
    result = {}
    for post in scenario.posts:
        cues = post_cues(post, scenario.account(post.author))
        result[post.id] = misleading_kind(cues) if post.verdict.is_misinformation else reliable_kind(cues)
    return result


def test_each_post_shows_the_look_the_cue_extraction_finds():
    assert kinds() == {
        "hijack": "verified", "rumour": "established", "calm-scam": "calm", "loud-scam": None,
        "alert": "loud", "neighbour": "humble", "prices": "money", "plain": None,
    }


def test_a_shared_post_from_a_verified_page_quotes_the_source_clue():
    found = lessons(Share("hijack"))
    assert found["hijack"].id == "cue-verified-clue" and found["hijack"].params == {"clue": RENAMED}
    text = render_en(found["hijack"])
    assert text.startswith("This page is verified, but checking shows: “The page changed its name")
    assert text.endswith("” A badge shows who owns a page, not whether a post is true.")


def test_lessons_only_for_the_wrong_decisions_the_learner_made():
    found = lessons(Flag("hijack"), Skip("rumour"), Share("calm-scam"), Share("loud-scam"),
                    Flag("alert"), Flag("neighbour"), Flag("prices"), Flag("plain"))
    assert found["hijack"] is None  # flagged: right, nothing misled
    assert found["rumour"].id == "cue-established"  # skipped: a miss; no clue written
    assert found["calm-scam"].id == "cue-calm-clue" and "KH-4471" in found["calm-scam"].params["clue"]
    assert found["loud-scam"] is None  # nothing trustworthy about it
    assert found["alert"].id == "cue-loud-clue"
    assert render_en(found["alert"]).startswith("This post is loud, but it is real: “The provincial hall's page")
    assert found["neighbour"].id == "cue-humble"
    assert found["prices"].id == "cue-money"
    assert found["plain"] is None
    assert lessons(Share("alert"), Share("neighbour"))["alert"] is None  # shared a reliable post: right


def test_posts_skipped_for_the_learner_get_no_lesson():
    found = lessons(Share("plain"), EndRound())
    assert all(lesson is None for lesson in found.values())


def test_cue_lesson_ignores_undecided_posts():
    scenario = loaded().scenario
    assert cue_lesson(scenario, scenario.post("hijack"), None) is None
    assert cue_lesson(scenario, scenario.post("hijack"), "hit") is None


def test_every_lesson_has_english_and_khmer_wording():
    lesson_ids = sorted(i for i in MESSAGE_IDS if i.startswith("cue-"))
    assert len(lesson_ids) == 12
    for message_id in lesson_ids:
        message = (message_id, {"clue": "ទំព័រនេះប្ដូរឈ្មោះកាលពី ៦ ថ្ងៃមុន។"} if message_id.endswith("-clue") else {})
        english = render_en(message)
        khmer = translate_message("km", message)
        assert english != message_id and khmer != english
        assert any("\u1780" <= ch <= "\u17ff" for ch in khmer.replace("ទំព័រនេះប្ដូរឈ្មោះកាលពី ៦ ថ្ងៃមុន។", ""))
        if message_id.endswith("-clue"):
            assert "ទំព័រនេះប្ដូរឈ្មោះកាលពី ៦ ថ្ងៃមុន។" in khmer and "{clue}" not in khmer
