"""The report's pre/post section: paired confidence intervals by hand, the plain sentence, and the HTML."""

from __future__ import annotations

import pytest
from report_factory import builtin_index, real_class

from game.rules.quick_check import check_entry, check_policy, new_check, play_check
from game.rules.check_score import add_check
from game.rules.counterbalance import form_for, form_order
from game.scenario.quiz_loader import load_check_bank
from game.report.aggregate import build_report
from game.report.checks import MeanChange, PrePostSummary, mean_change, t_quantile_975
from game.report.html import render_html
from game.report.prepost import describe_change, form_split, prepost_html, prepost_reading, prepost_summary
from game.report.sources import post_texts, technique_texts


def record(player: str, started: str, checks: dict) -> dict:
    return {"player": {"id": player, "name": player.title()}, "started_at": started, "checks": checks}


def check(form: str, d_prime: float, criterion: float, correct: int | None = None) -> dict:
    entry = {"form": form, "d_prime": d_prime, "criterion": criterion}
    if correct is not None:
        entry.update(V=correct, items=20)
    return entry


# Four trainees. d′ changes: +0.5, +1.0, 0.0, +1.5; criterion changes: −0.2, −0.4, −0.3, −0.1.
CLASS = [
    record("amy", "2025-03-10T09:00:00Z", {"pre": check("A", 0.5, 0.3, 12), "post": check("B", 1.0, 0.1, 14)}),
    record("ben", "2025-03-10T09:00:00Z", {"pre": check("B", 0.2, 0.2, 11)}),
    record("ben", "2025-03-10T09:40:00Z", {"post": check("A", 1.2, -0.2, 15)}),
    record("chea", "2025-03-10T09:00:00Z", {"pre": check("A", 1.0, 0.0), "post": check("B", 1.0, -0.3)}),
    record("dara", "2025-03-10T09:00:00Z", {"pre": check("B", 0.0, 0.5), "post": check("A", 1.5, 0.4)}),
    record("eve", "2025-03-10T09:00:00Z", {"pre": check("A", 0.0, 0.0)}),  # no post check: left out
]


class TestConfidenceIntervalsByHand:
    def test_mean_change_in_d_prime_and_criterion_with_paired_t_intervals(self):
        summary = prepost_summary(CLASS)
        assert [pair.player_id for pair in summary.pairs] == ["amy", "ben", "chea", "dara"]
        # d′: mean 0.75; sd = sqrt((0.0625 + 0.0625 + 0.5625 + 0.5625) / 3) = 0.645497; se = 0.322749;
        # t(0.975, 3) = 3.182; half width = 1.027; interval −0.277 to 1.777.
        assert summary.d_prime_change.mean == pytest.approx(0.75)
        assert summary.d_prime_change.low == pytest.approx(-0.2770, abs=1e-3)
        assert summary.d_prime_change.high == pytest.approx(1.7770, abs=1e-3)
        # c: mean −0.25; sd = sqrt(0.05 / 3) = 0.129099; se = 0.064550; half width = 0.2054; −0.4554 to −0.0446.
        assert summary.criterion_change.mean == pytest.approx(-0.25)
        assert summary.criterion_change.low == pytest.approx(-0.4554, abs=1e-3)
        assert summary.criterion_change.high == pytest.approx(-0.0446, abs=1e-3)

    def test_two_trainees_use_t_with_one_degree_of_freedom(self):
        # differences 1 and 3: mean 2, sd sqrt(2), se 1, t(0.975, 1) = 12.706
        change = mean_change([1.0, 3.0])
        assert (change.low, change.high) == pytest.approx((2 - 12.706, 2 + 12.706), abs=1e-3)

    @pytest.mark.parametrize("df, known", [(1, 12.7062), (2, 4.3027), (5, 2.5706), (10, 2.2281), (20, 2.0860), (30, 2.0423), (31, 2.0395), (40, 2.0211), (60, 2.0003), (120, 1.9799), (1000, 1.9623)])
    def test_t_quantile_matches_published_tables(self, df, known):
        assert t_quantile_975(df) == pytest.approx(known, abs=6e-4)

    def test_scores_right_are_carried_when_the_entries_have_them(self):
        amy, ben, chea, _ = prepost_summary(CLASS).pairs
        assert (amy.pre_correct, amy.post_correct, amy.pre_items) == (12, 14, 20)
        assert (ben.pre_form, ben.post_form, ben.post_correct) == ("B", "A", 15)
        assert chea.pre_correct is None

    def test_form_split_counts_the_first_form(self):
        assert form_split(prepost_summary(CLASS)) == {"A": 2, "B": 2}


def summary_with(d_prime: MeanChange, criterion: MeanChange, trainees: int = 10) -> PrePostSummary:
    return PrePostSummary(pairs=tuple(range(trainees)), d_prime_change=d_prime, criterion_change=criterion)  # type: ignore[arg-type]


CLEAR_UP, CLEAR_DOWN, UNCLEAR = MeanChange(0.6, 0.2, 1.0), MeanChange(-0.3, -0.5, -0.1), MeanChange(0.1, -0.2, 0.4)


class TestThePlainSentence:
    def test_class_data_reads_as_more_scepticism_not_better_discernment(self):
        sentence = prepost_reading(prepost_summary(CLASS))
        assert sentence.startswith("The change is mostly more scepticism, not better discernment")
        assert "(d′ +0.75, 95% CI −0.28 to +1.78)" in sentence and "(criterion c −0.25, 95% CI −0.46 to −0.04)" in sentence

    def test_clear_d_prime_gain_without_a_criterion_shift_is_better_discernment(self):
        assert prepost_reading(summary_with(CLEAR_UP, UNCLEAR)).startswith("The change is mostly better discernment")

    def test_both_changes_are_weighed_on_one_scale(self):
        # |Δd′| / 2 = 0.3 against |Δc| = 0.3 → discernment; against |Δc| = 0.5 → scepticism
        assert prepost_reading(summary_with(CLEAR_UP, CLEAR_DOWN)).endswith("the change is mostly better discernment.")
        assert prepost_reading(summary_with(CLEAR_UP, MeanChange(-0.5, -0.7, -0.3))).endswith("the change is mostly more scepticism.")

    def test_no_clear_change_says_so(self):
        assert prepost_reading(summary_with(UNCLEAR, UNCLEAR)).startswith("No clear change with 10 trainees")

    def test_more_trusting_and_worse_are_named(self):
        assert "more trusting" in prepost_reading(summary_with(UNCLEAR, MeanChange(0.4, 0.1, 0.7)))
        assert prepost_reading(summary_with(MeanChange(-0.6, -1.0, -0.2), UNCLEAR)).startswith("The class got worse")

    def test_one_trainee_is_too_few(self):
        assert "too few" in prepost_reading(summary_with(MeanChange(0.5, None, None), MeanChange(0.0, None, None), trainees=1))

    def test_describe_change_signs_and_interval(self):
        assert describe_change(MeanChange(0.5, -0.1, 1.1)) == "+0.50 (95% CI −0.10 to +1.10)"
        assert describe_change(MeanChange(-0.25, None, None)) == "−0.25"


class TestInTheReport:
    def test_no_check_data_gives_no_section(self):
        assert prepost_html(None) == ""

    def test_section_has_the_sentence_the_cards_and_each_trainee(self):
        html = prepost_html(prepost_summary(CLASS))
        assert 'id="prepost-reading"' in html and "mostly more scepticism" in html
        assert html.count("<tr>") == 5  # header + four trainees
        assert "12/20 → 14/20" in html and "B → A" in html and "2 started with form A and 2 with form B" in html

    def test_real_checks_played_by_bots_end_up_in_the_html_report(self):
        bank = load_check_bank()
        records = real_class(trainees=4)
        for number, result in enumerate(records):
            order = form_order(player_id=result["player"]["id"], session="S1")
            for moment, policy in (("pre", "share-all"), ("post", "perfect")):
                loaded = bank.quiz(form_for(moment, order), "en")
                state, _ = play_check(new_check(loaded.quiz, moment=moment, seed=number), check_policy(policy, number))
                records[number] = result = add_check(result, moment, check_entry(state, quiz_sha256=loaded.sha256))
        report = build_report(records, technique_texts())
        page = render_html(report, post_texts=post_texts(builtin_index(), "en"))
        assert 'id="prepost"' in page and "10/20 → 20/20" in page
        assert "got better at telling true from false" in page
