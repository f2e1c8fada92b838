"""The debrief: per-post feedback with evidence spans, clues, technique tallies and the reading."""

from __future__ import annotations

from game.rules import Action, EndRound, Flag, Share, Skip, UseTool, apply, new_round
from game.rules.clues import EvidenceSpan, evidence_spans
from game.rules.debrief import debrief, render_reading_en
from game.rules.messages import MESSAGE_IDS, Message, render_en
from game.scenario.model import Post, Tool, Verdict
from rules_factory import make_loaded, post, small_loaded


def played(loaded, *commands):
    state = new_round(loaded)
    for index, command in enumerate(commands):
        state = apply(state, command, float(index)).state
    return state


def reading_ids(summary):
    return [message.id for message in summary.reading]


def test_missed_post_carries_techniques_evidence_note_and_every_clue():
    state = played(small_loaded(), Flag("m1"), Share("r1"), Skip("m2"), Share("r2"))
    summary = debrief(state)
    (missed,) = summary.missed
    assert missed.post == "m2" and missed.verdict is Verdict.scam and missed.outcome == "miss"
    names = [t.name for t in missed.techniques]
    assert names == ["Too good to be true", "Urgency and pressure"]
    urgency = missed.techniques[1]
    text = state.post("m2").text
    (span,) = urgency.evidence_spans
    assert span.field == "text" and text[span.start : span.end] == urgency.evidence
    assert urgency.definition and urgency.tip and urgency.note == "How urgency-pressure works here."
    assert missed.tip == "High pay for easy work is a warning."
    assert {clue.tool for clue in missed.clues} == {Tool.source, Tool.search, Tool.fact_check}  # no picture
    assert summary.missed_techniques == ("too-good-to-be-true", "urgency-pressure")


def test_evidence_is_found_in_the_link_title_when_not_in_the_text():
    loaded = make_loaded([post("m", "misinformation", ("clickbait-ish",), text="Look!", link_title="SHOCK [clickbait-ish words]")])
    p = loaded.scenario.posts[0]
    assert evidence_spans(p, "[clickbait-ish words]") == (EvidenceSpan("link_title", 6, 27),)
    assert evidence_spans(p, "nowhere") == ()


def test_evidence_offsets_are_python_string_positions_in_khmer_text():
    text = "ព័ត៌មាន​បន្ទាន់! ចែករំលែកឥឡូវនេះ"
    p = Post.model_validate({"id": "k", "author": "a", "text": text, "verdict": "misinformation", "explanation": "x"})
    (span,) = evidence_spans(p, "ចែករំលែកឥឡូវនេះ")
    assert text[span.start : span.end] == "ចែករំលែកឥឡូវនេះ"


def test_false_alarm_explains_why_the_post_was_reliable():
    summary = debrief(played(small_loaded(), Flag("r1")))
    (alarm,) = summary.false_alarms
    assert alarm.post == "r1" and alarm.explanation == "Why r1 is reliable." and alarm.tip is None
    assert "flagged-reliable" in reading_ids(summary)


def test_per_technique_caught_versus_missed():
    loaded = make_loaded(
        [
            post("a", "misinformation", ("conspiracy", "impersonation")),
            post("b", "misinformation", ("conspiracy",)),
            post("c", "reliable"),
        ]
    )
    summary = debrief(played(loaded, Flag("a", ["impersonation"]), Share("b"), Share("c")))
    tallies = {t.id: (t.caught, t.missed, t.named) for t in summary.techniques}
    assert tallies == {"conspiracy": (1, 1, 0), "impersonation": (1, 0, 1)}
    assert summary.missed_techniques == ("conspiracy",)
    assert Message("practise-technique", {"technique": "conspiracy", "name": "Conspiracy", "missed": 1}) in summary.reading


def test_reading_names_harmful_shares_with_a_count():
    summary = debrief(played(small_loaded(), Share("m1"), Share("m2"), Share("r1"), Share("r2")))
    assert summary.reading[0] == Message("shared-harmful", {"count": 2})
    assert render_en(summary.reading[0]).startswith("You shared two harmful posts.")
    assert "bias-too-trusting" in reading_ids(summary) and "verify-before-deciding" in reading_ids(summary)


def test_reading_of_flagging_everything_points_at_bias():
    summary = debrief(played(small_loaded(), *(Flag(p) for p in ("m1", "r1", "m2", "r2"))))
    ids = reading_ids(summary)
    assert "bias-too-suspicious" in ids and "discernment-none" in ids and "name-the-technique" in ids


def test_reading_of_a_perfect_round():
    summary = debrief(
        played(small_loaded(), Flag("m1", ["emotional-language"]), Share("r1"), Flag("m2", ["urgency-pressure"]), Share("r2"))
    )
    assert reading_ids(summary) == ["perfect-round"] and summary.score.points == summary.score.max_points


def test_reading_of_time_up_and_ending_early():
    timed = small_loaded(time_limit_seconds=30)
    state = apply(apply(new_round(timed), Share("r1"), 1.0).state, UseTool("m2", "search"), 2.0).state
    assert state.end_reason == "time-up"
    assert debrief(state).reading[0] == Message("ran-out-of-time", {"skipped": 3})
    ended = debrief(played(small_loaded(), EndRound()))
    assert ended.reading[0] == Message("ended-early", {"skipped": 4})


def test_every_reading_message_has_english_text():
    rounds = [
        played(small_loaded(), Share("m1"), Flag("r1"), Skip("m2"), Share("r2")),
        played(small_loaded(), *(Flag(p) for p in ("m1", "r1", "m2", "r2"))),
        played(small_loaded(), EndRound()),
    ]
    for state in rounds:
        summary = debrief(state)
        for message, text in zip(summary.reading, render_reading_en(summary.reading)):
            assert message.id in MESSAGE_IDS and text and text != message.id


def test_default_clues_do_not_depend_on_the_verdict():
    from game.rules.clues import clue_for

    loaded = make_loaded(
        [post("m", "misinformation", ("conspiracy",), text="Same words.", image=True), post("r", "reliable", text="Same words.", image=True)]
    )
    fake, fine = loaded.scenario.posts
    for tool in Tool:
        fake_clue, fine_clue = clue_for(loaded, fake, tool), clue_for(loaded, fine, tool)
        assert fake_clue.message is not None and fake_clue.message == fine_clue.message
        assert "no other outlet" not in fake_clue.english().lower()


def test_feedback_event_is_the_same_item_the_debrief_uses():
    state = new_round(small_loaded())
    step = apply(state, Flag("m1", ["emotional-language"]), 1.0)
    feedback = step.events[1].feedback
    assert feedback == debrief(step.state).posts[0]
    assert feedback.action is Action.flag and feedback.right_reason and feedback.points == 13
