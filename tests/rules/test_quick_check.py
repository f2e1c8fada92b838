"""The pre/post quick check in the rules core: MIST scores, the check round, its record entry, counterbalancing."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from game.rules.quick_check import (
    Answer,
    AnswerItem,
    CheckOver,
    FinishCheck,
    ItemAnswered,
    apply_check,
    check_entry,
    check_policy,
    new_check,
    play_check,
    score_check,
)
from game.rules.check_score import add_check, score_answers
from game.rules.counterbalance import form_for, form_order
from game.rules.events import Rejected
from game.scenario.quiz import Form, Quiz

Z_10_5_OF_11 = 1.6906216  # z(10.5 / 11), the log-linear rate of 10 out of 10 (normal tables)


def quiz(real: int = 2, fake: int = 2, form: str = "A") -> Quiz:
    items = [{"id": f"r{n}", "text": f"Real news {n}", "verdict": "real", "topic": "jobs"} for n in range(real)]
    items += [{"id": f"f{n}", "text": f"Fake news {n}", "verdict": "fake", "topic": "jobs"} for n in range(fake)]
    return Quiz.model_validate({"kind": "quiz", "id": "c", "title": "Check", "language": "en", "form": form, "items": items})


def answers(real_items: list[str], fake_items: list[str]) -> list[tuple[str, str]]:
    return [("real", answer) for answer in real_items] + [("fake", answer) for answer in fake_items]


def test_mixed_answers_on_a_20_item_form():
    # 10 real items: 7 judged real, 2 fake, 1 not sure. 10 fake items: 6 judged fake, 3 real, 1 not sure.
    score = score_answers(answers(["real"] * 7 + ["fake"] * 2 + ["not-sure"], ["fake"] * 6 + ["real"] * 3 + ["not-sure"]))
    assert (score.correct, score.real_detected, score.fake_detected) == (13, 7, 6)
    assert (score.distrust, score.naivety, score.not_sure) == (0, 0, 2)  # 8 "fake" and 10 "real" answers: neither exceeds 10
    # hits 6 of 10 fake, false alarms 2 of 10 real: H = 6.5/11, F = 2.5/11; z(H) = 0.22988, z(F) = -0.74786
    assert score.signal.hits == 6 and score.signal.false_alarms == 2
    assert score.d_prime == pytest.approx(0.22988 + 0.74786, abs=1e-4)
    assert score.criterion == pytest.approx(-(0.22988 - 0.74786) / 2, abs=1e-4)


def test_all_fake_is_full_distrust_and_no_discernment():
    score = score_answers(answers(["fake"] * 10, ["fake"] * 10))
    assert (score.correct, score.real_detected, score.fake_detected, score.distrust, score.naivety) == (10, 0, 10, 10, 0)
    assert score.d_prime == pytest.approx(0.0, abs=1e-12)
    assert score.criterion == pytest.approx(-Z_10_5_OF_11, abs=1e-6)  # as sceptical as the scale goes


def test_all_real_is_full_naivety_and_no_discernment():
    score = score_answers(answers(["real"] * 10, ["real"] * 10))
    assert (score.correct, score.real_detected, score.fake_detected, score.distrust, score.naivety) == (10, 10, 0, 0, 10)
    assert score.d_prime == pytest.approx(0.0, abs=1e-12)
    assert score.criterion == pytest.approx(Z_10_5_OF_11, abs=1e-6)


def test_all_not_sure_scores_nothing_and_counts_as_never_calling_fake():
    score = score_answers(answers(["not-sure"] * 10, ["not-sure"] * 10))
    assert (score.correct, score.real_detected, score.fake_detected, score.distrust, score.naivety, score.not_sure) == (0, 0, 0, 0, 0, 20)
    assert score.d_prime == pytest.approx(0.0, abs=1e-12)
    assert score.criterion == pytest.approx(Z_10_5_OF_11, abs=1e-6)  # like "real" for the criterion: nothing is called fake


def test_all_right_is_the_top_of_the_scale():
    score = score_answers(answers(["real"] * 10, ["fake"] * 10))
    assert (score.correct, score.distrust, score.naivety) == (20, 0, 0)
    assert score.d_prime == pytest.approx(2 * Z_10_5_OF_11, abs=1e-6)
    assert score.criterion == pytest.approx(0.0, abs=1e-12)


def test_distrust_counts_fake_answers_beyond_the_number_of_fake_items_on_a_16_item_form():
    # 8 real, 8 fake; 11 "fake" answers (5 on real items), 4 "real", 1 not sure.
    score = score_answers(answers(["fake"] * 5 + ["real"] * 3, ["fake"] * 6 + ["real"] + ["not-sure"]))
    assert (score.items, score.correct, score.distrust, score.naivety) == (16, 9, 3, 0)


def test_unanswered_items_count_like_not_sure():
    score = score_answers([("real", None), ("fake", None), ("fake", "fake"), ("real", "real")])
    assert (score.correct, score.unanswered, score.not_sure) == (2, 2, 0)


def test_items_are_answered_in_order_with_the_seconds_spent_and_no_correctness_in_events():
    state = new_check(quiz(), moment="pre", now=100.0)
    assert state.current == "r0"
    step = apply_check(state, AnswerItem("r0", "fake"), now=104.5)
    assert step.events == (ItemAnswered("r0", Answer.fake),)
    step = apply_check(step.state, AnswerItem("r1", Answer.real), now=106.0)
    assert [(response.item, response.seconds) for response in step.state.responses] == [("r0", 4.5), ("r1", 1.5)]
    assert step.state.current == "f0" and step.state.position == 3


def test_answering_the_last_item_ends_the_check():
    state = new_check(quiz(1, 1), moment="post")
    state = apply_check(state, AnswerItem("r0", "real"), 1).state
    step = apply_check(state, AnswerItem("f0", "not-sure"), 2)
    assert step.events[-1] == CheckOver("all-answered") and step.state.over and step.state.current is None


@pytest.mark.parametrize(
    "command, reason",
    [
        (AnswerItem("r1", "real"), "not-current"),
        (AnswerItem("nope", "real"), "unknown-item"),
        (AnswerItem("r0", "maybe"), "unknown-answer"),
        ("Share", "unknown-command"),
    ],
)
def test_commands_that_are_not_allowed_are_rejected_and_change_nothing(command, reason):
    state = new_check(quiz(), moment="pre")
    step = apply_check(state, command, 5)
    assert step.state is state
    assert isinstance(step.rejected, Rejected) and step.rejected.reason == reason


def test_finishing_early_leaves_the_rest_unanswered_and_later_answers_are_rejected():
    state = apply_check(new_check(quiz(), moment="pre"), AnswerItem("r0", "real"), 1).state
    step = apply_check(state, FinishCheck(), 2)
    assert step.events == (CheckOver("finished"),)
    assert apply_check(step.state, AnswerItem("r1", "real"), 3).rejected.reason == "check-over"
    entry = check_entry(step.state)
    assert entry["complete"] is False and entry["unanswered"] == 3 and entry["V"] == 1


def test_time_never_runs_backwards():
    state = apply_check(new_check(quiz(), moment="pre", now=10), AnswerItem("r0", "real"), 20).state
    state = apply_check(state, AnswerItem("r1", "real"), 15).state
    assert state.responses[-1].seconds == 0.0 and state.clock == 20


def test_shuffled_order_follows_the_seed():
    first = new_check(quiz(4, 4), moment="pre", seed=7, shuffle=True)
    again = new_check(quiz(4, 4), moment="pre", seed=7, shuffle=True)
    assert first.order == again.order and sorted(first.order) == sorted(item.id for item in quiz(4, 4).items)
    assert new_check(quiz(4, 4), moment="pre").order == ("r0", "r1", "r2", "r3", "f0", "f1", "f2", "f3")


def test_a_check_is_pre_or_post():
    with pytest.raises(ValueError):
        new_check(quiz(), moment="during")


def test_entry_has_the_mist_scores_and_every_answer_and_is_json():
    state, _ = play_check(new_check(quiz(), moment="pre"), check_policy("flag-all"))
    entry = check_entry(state, quiz_sha256="abc")
    assert {key: entry[key] for key in ("form", "quiz", "items", "V", "r", "f", "d", "n", "not_sure")} == {
        "form": "A", "quiz": "c", "items": 4, "V": 2, "r": 0, "f": 2, "d": 2, "n": 0, "not_sure": 0
    }
    assert entry["answers"][0] == {"item": "r0", "order": 1, "answer": "fake", "verdict": "real", "correct": False, "seconds": 1.0}
    assert entry["d_prime"] == pytest.approx(score_check(state).d_prime)
    assert json.loads(json.dumps(entry)) == entry


def test_add_check_puts_the_entry_under_checks_and_keeps_the_other_moment():
    record = {"format": "feedwise-result/1", "checks": {"pre": {"form": "A", "V": 3}}}
    updated = add_check(record, "post", {"form": "B", "V": 5})
    assert updated["checks"] == {"pre": {"form": "A", "V": 3}, "post": {"form": "B", "V": 5}}
    assert record["checks"] == {"pre": {"form": "A", "V": 3}}  # the original is not changed
    with pytest.raises(ValueError):
        add_check(record, "middle", {})


@pytest.mark.parametrize("name, expected_v", [("perfect", 4), ("share-all", 2), ("flag-all", 2), ("skip-all", 0)])
def test_bots_answer_with_the_games_policy_names(name, expected_v):
    state, events = play_check(new_check(quiz(), moment="post"), check_policy(name, 3))
    assert state.over and check_entry(state)["V"] == expected_v
    assert sum(isinstance(event, ItemAnswered) for event in events) == 4


def test_random_bot_is_seeded():
    play = lambda seed: [r.answer for r in play_check(new_check(quiz(5, 5), moment="pre"), check_policy("random", seed))[0].responses]  # noqa: E731
    assert play(1) == play(1)
    assert len({tuple(play(seed)) for seed in range(5)}) > 1


def test_autoplay_seed_odd_starts_with_form_a_even_with_form_b():
    assert form_order(seed=1) == (Form.A, Form.B)
    assert form_order(seed=7, player_id="anyone") == (Form.A, Form.B)
    assert form_order(seed=2) == (Form.B, Form.A)
    assert form_order(seed=0) == (Form.B, Form.A)
    assert form_order(seed="11") == (Form.A, Form.B)


def test_numbered_trainees_alternate_exactly_within_a_session():
    for session in ("TAKEO-1", "PP-LAB-3", None):
        orders = [form_order(player_id=f"T{number:02d}", session=session) for number in range(1, 21)]
        assert Counter(order[0] for order in orders) == {Form.A: 10, Form.B: 10}
        assert all(orders[i] != orders[i + 1] for i in range(19))


def test_named_trainees_are_balanced_on_average_and_deterministic():
    names = [f"trainee {chr(65 + n % 26)}{n // 26}x" for n in range(2000)]
    firsts = Counter(form_order(player_id=name, session="S1")[0] for name in names)
    assert 900 <= firsts[Form.A] <= 1100
    assert [form_order(player_id=name, session="S1") for name in names[:50]] == [form_order(player_id=name, session="S1") for name in names[:50]]
    assert form_order(player_id="  Sokha   Dara ", session="s1") == form_order(player_id="sokha dara", session="S1")


def test_form_for_takes_the_first_form_before_and_the_second_after():
    order = form_order(seed=3)
    assert (form_for("pre", order), form_for("post", order)) == (Form.A, Form.B)
    with pytest.raises(ValueError):
        form_order()


def test_the_whole_check_path_imports_no_pygame():
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "import sys\n"
        "from game.scenario.quiz_loader import load_check_bank\n"
        "from game.rules.quick_check import new_check, play_check, check_policy, check_entry\n"
        "from game.rules.counterbalance import form_order, form_for\n"
        "from game.report.prepost import prepost_html, prepost_summary\n"
        "quiz = load_check_bank().quiz(form_for('pre', form_order(seed=1))).quiz\n"
        "state, _ = play_check(new_check(quiz, moment='pre'), check_policy('random', 1))\n"
        "assert check_entry(state)['items'] == 20\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pygame'))\n"
    )
    root = Path(__file__).resolve().parents[2]
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=root)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "[]"
