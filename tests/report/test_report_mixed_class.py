"""The class report v2 on a mixed English/Khmer class: one scenario, honest figures, who needs help, pre/post."""

from __future__ import annotations

import copy
import random
import re

import pytest
from report_factory import KHMER_NAME, builtin_index, ended_early, mixed_class

from game.report.aggregate import build_report, most_missed
from game.report.csv import DECISION_COLUMNS, TRAINEE_COLUMNS, decisions_csv, trainees_csv
from game.report.html import render_html
from game.report.people import when
from game.report.sample import _sample_check
from game.report.sources import post_texts, technique_texts


@pytest.fixture(scope="module")
def index():
    return builtin_index()


@pytest.fixture(scope="module")
def records():
    return mixed_class()


class TestOneClassAnyLanguage:
    def test_a_translation_counts_as_its_original_scenario(self, records, index):
        report = build_report(records, index=index)
        assert [row[0] for row in report.overview.scenarios] == ["jobs-abroad"]
        assert report.overview.scenarios[0][2] == "en 10, km 3"
        assert {post.key.scenario_id for post in report.posts} == {"jobs-abroad"}
        assert all(post.answers == 13 and post.languages == {"en": 10, "km": 3} for post in report.posts)
        assert report.language_rounds == {"en": 10, "km": 3}

    def test_post_text_in_the_chosen_language_through_the_library(self, index):
        khmer, english = post_texts(index, "km"), post_texts(index, "en")
        key = next(key for key in khmer if key.scenario_id == "jobs-abroad")
        assert re.search("[\u1780-\u17ff]", khmer[key]) and not re.search("[\u1780-\u17ff]", english[key])
        assert all(key.scenario_id != "jobs-abroad-km" for key in khmer)

    def test_decisions_csv_has_language_and_auto_and_the_original_id(self, records, index):
        text = decisions_csv(records, index)
        header, *rows = [line.split(",") for line in text.lstrip("\ufeff").splitlines()]
        assert tuple(header) == DECISION_COLUMNS and {"language", "auto"} <= set(header)
        scenario, language = header.index("scenario"), header.index("language")
        assert {row[scenario] for row in rows} == {"jobs-abroad"}
        assert sum(row[language] == "km" for row in rows) == 3 * 16


class TestHonestFigures:
    def test_ended_early_and_unfinished_rounds_are_left_out_and_listed(self, records, index):
        early = ended_early(records[2], decided=1)
        unfinished = ended_early(records[3], decided=4, status="in-progress")
        before = build_report(records, index=index)
        after = build_report(records + [early, unfinished], index=index)
        assert after.overview.rounds == before.overview.rounds == 13
        assert after.overview.mean_d_prime == before.overview.mean_d_prime
        assert [post.answers for post in after.posts] == [post.answers for post in before.posts]
        listed = {(row.status, row.decided, row.posts) for row in after.uncounted}
        assert listed == {("ended-early", 1, 16), ("in-progress", 4, 16)}
        page = render_html(after)
        assert 'id="uncounted"' in page and "1 of 16" in page and "4 of 16" in page

    def test_time_up_rounds_count(self, records, index):
        timed_out = ended_early(records[4], decided=10)
        timed_out["status"] = "time-up"
        report = build_report(records + [timed_out], index=index)
        assert report.overview.rounds == 14 and not report.uncounted

    def test_the_csv_marks_which_decisions_are_counted(self, records, index):
        text = decisions_csv([ended_early(records[0])], index)
        rows = [line.split(",") for line in text.lstrip("\ufeff").splitlines()[1:]]
        assert {row[-1] for row in rows} == {"false"} and sum(row[-2] == "ended" for row in rows) == 15


class TestWhoNeedsHelp:
    def test_needs_attention_comes_first_and_names_its_reasons(self, records, index):
        early = ended_early(records[2])
        report = build_report(records + [early], index=index)
        reasons = {trainee.player_id: trainee.attention for trainee in report.attention}
        sharer = next(trainee for trainee in report.trainees if trainee.harmful_shares >= 3)
        assert any("shared" in reason for reason in reasons[sharer.player_id])
        assert any("ended early" in reason for reason in reasons[early["player"]["id"]])
        page = render_html(report)
        assert page.index('id="attention"') < page.index('id="overview"')

    def test_the_trainees_table_is_sortable_and_problems_are_highlighted(self, records, index):
        page = render_html(build_report(records, index=index))
        table = page.split('id="trainees-table"')[1].split("</table>")[0]
        assert 'class="sortable"' in page.split('id="trainees-table"')[0][-60:] + table[:40]
        assert table.count('data-type="num"') >= 6 and 'class="num problem"' in table
        assert "data-value=" in table

    def test_scores_read_as_points_of_the_maximum_and_negatives_are_explained(self, records, index):
        report = build_report(records, index=index)
        negative = next(trainee for trainee in report.trainees if trainee.points < 0)
        page = render_html(report)
        shown = f"{negative.points:.0f} of {negative.max_points:.0f} points".replace("-", "−")
        assert shown in page and "can fall below 0" in page
        assert not re.search(r"−\d+%", page.split('id="trainees-table"')[1].split("</table>")[0])

    def test_discussion_points_are_ranked_like_the_chart(self, records, index):
        report = build_report(records, index=index)
        chart_order = [stat.technique for stat in report.techniques if stat.missed]
        assert [stat.technique for stat in report.discussion] == chart_order[:3]
        assert list(most_missed(report.techniques)) == list(report.discussion)

    def test_times_are_shown_in_the_given_zone_and_it_is_named(self, records, index):
        from datetime import timedelta, timezone

        phnom_penh = timezone(timedelta(hours=7))
        page = render_html(build_report(records, index=index), zone=phnom_penh, zone_name="UTC+07:00")
        assert when("2025-03-10T09:00:00Z", phnom_penh) == "2025-03-10 16:00"
        assert "2025-03-10 16:00" in page and "times in UTC+07:00" in page


class TestPrePost:
    @pytest.fixture(scope="class")
    def checked(self, records):
        rng = random.Random(9)
        records = copy.deepcopy(records)
        for number, record in enumerate(records[:8]):
            record["checks"] = {"pre": _sample_check(rng, "A", "en", number)}
        for record in records[:6]:
            record["checks"]["post"] = _sample_check(rng, "B", "en", 99)
        return records

    def test_trainees_carry_pre_post_d_prime_and_change(self, checked, index):
        report = build_report(checked, index=index)
        with_both = [trainee for trainee in report.trainees if trainee.post_d_prime is not None and trainee.pre_d_prime is not None]
        assert len(with_both) == 6
        assert all(trainee.d_prime_change == pytest.approx(trainee.post_d_prime - trainee.pre_d_prime) for trainee in with_both)
        header = trainees_csv(report.trainees).lstrip("\ufeff").splitlines()[0].split(",")
        assert tuple(header) == TRAINEE_COLUMNS and {"pre_d_prime", "post_d_prime", "d_prime_change"} <= set(header)

    def test_a_trainee_with_one_phase_is_listed_as_such(self, checked, index):
        report = build_report(checked, index=index)
        assert {(row.player_id, row.phase) for row in report.single_phase} == {(r["player"]["id"], "pre") for r in checked[6:8]}
        page = render_html(report)
        assert "Only one check (2)" in page and "only the pre check" in page

    def test_the_items_got_wrong_most_are_shown(self, checked, index):
        report = build_report(checked, index=index)
        rates = [item.wrong_rate for item in report.check_items]
        assert rates == sorted(rates, reverse=True) and sum(item.answers for item in report.check_items) == 14 * 20
        assert 'id="check-items-table"' in render_html(report)


def test_technique_texts_follow_the_chosen_language():
    english, khmer = technique_texts("en"), technique_texts("km")
    assert english and khmer and english.keys() == khmer.keys()
    assert any(re.search("[\u1780-\u17ff]", text.name) for text in khmer.values())


def test_khmer_names_stay_intact(records, index):
    page = render_html(build_report(records, index=index))
    assert KHMER_NAME in page
