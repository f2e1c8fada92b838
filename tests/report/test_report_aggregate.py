"""The class report as data: figures checked against small classes worked out by hand."""

from __future__ import annotations

import pytest

from game.report.aggregate import PostKey, TechniqueText, build_report
from game.report.checks import mean_change, summarize_checks


def decision(post, action, verdict, techniques=(), seconds=10.0, order=1):
    misleading = verdict != "reliable"
    return {
        "post": post, "order": order, "action": action, "tools": [], "reasons": [],
        "correct": (action == "flag") == misleading, "points": 0, "seconds": seconds,
        "verdict": verdict, "techniques": list(techniques),
    }  # fmt: skip


def record(player, decisions, *, points, max_points=20, d_prime=1.0, criterion=0.0, name="", session="S1", started="2025-03-10T09:00:00Z", checks=None):
    counts = {"hits": 0, "misses": 0, "false_alarms": 0, "correct_rejections": 0}
    for item in decisions:
        misleading = item["verdict"] != "reliable"
        flagged = item["action"] == "flag"
        key = ("hits" if flagged else "misses") if misleading else ("false_alarms" if flagged else "correct_rejections")
        counts[key] += 1
    result = {
        "format": "feedwise-result/1", "result_id": f"id-{player}-{started}", "session": session, "mode": "practice", "seed": 1,
        "scenario": {"id": "flood", "title": "Flood rumours", "language": "en", "sha256": "0" * 64},
        "player": {"id": player, "name": name or player.title()},
        "started_at": started, "finished_at": started.replace(":00:00", ":10:00"),
        "decisions": decisions, "score": {"points": points, "max_points": max_points},
        "discernment": {**counts, "hit_rate": 0.5, "false_alarm_rate": 0.5, "d_prime": d_prime, "criterion": criterion},
        "harmful_shares": sum(1 for d in decisions if d["action"] == "share" and d["verdict"] != "reliable"),
        "missed_techniques": sorted({t for d in decisions if d["verdict"] != "reliable" and d["action"] != "flag" for t in d["techniques"]}),
    }  # fmt: skip
    if checks is not None:
        result["checks"] = checks
    return result


@pytest.fixture
def small_class():
    """Three trainees, three posts: a (urgency), b (urgency + fake-experts), c (reliable)."""
    return [
        record("amy", [decision("a", "share", "scam", ["urgency-pressure"], 10), decision("b", "flag", "misinformation", ["urgency-pressure", "fake-experts"], 20), decision("c", "flag", "reliable", seconds=30)], points=5, d_prime=0.5, criterion=-0.5),
        record("ben", [decision("a", "skip", "scam", ["urgency-pressure"], 20), decision("b", "share", "misinformation", ["urgency-pressure", "fake-experts"], 40), decision("c", "share", "reliable", seconds=30)], points=-7, d_prime=-0.2, criterion=0.6),
        record("cat", [decision("a", "share", "scam", ["urgency-pressure"], 30), decision("b", "flag", "misinformation", ["urgency-pressure", "fake-experts"], 30), decision("c", "flag", "reliable", seconds=60)], points=15, d_prime=1.3, criterion=-0.4),
    ]  # fmt: skip


class TestOverviewOfASmallClass:
    def test_counts_means_and_accuracy(self, small_class):
        overview = build_report(small_class).overview
        assert (overview.trainees, overview.rounds, overview.decisions) == (3, 3, 9)
        assert overview.mean_score_percent == pytest.approx((25 - 35 + 75) / 3)
        assert overview.accuracy == pytest.approx(3 / 9)  # amy b, ben c, cat b
        assert overview.mean_d_prime == pytest.approx(1.6 / 3)
        assert overview.mean_criterion == pytest.approx(-0.1)
        assert overview.harmful_shares == 3
        assert overview.false_alarm_share == pytest.approx(2 / 3)

    def test_a_class_that_flags_too_much_is_told_to_discuss_what_makes_a_post_trustworthy(self, small_class):
        for item in small_class:
            item["discernment"]["criterion"] = -0.8
        readings = " ".join(build_report(small_class).overview.readings)
        assert "flags reliable posts too often" in readings and "67% of reliable posts" in readings
        assert "what makes a post trustworthy" in readings

    def test_a_trusting_class_is_told_it_lets_misinformation_through(self, small_class):
        for item in small_class:
            item["discernment"]["criterion"] = 0.9
        assert "lets too much misinformation through" in " ".join(build_report(small_class).overview.readings)

    def test_no_rounds_gives_an_empty_report_not_an_error(self):
        report = build_report([])
        assert report.overview.rounds == 0 and report.overview.accuracy is None and report.posts == ()
        assert "nothing to read" in report.overview.readings[0]


class TestPostsAndTechniques:
    def test_per_post_percent_correct_wrong_action_and_seconds(self, small_class):
        posts = {post.key.post: post for post in build_report(small_class).posts}
        assert posts["a"].percent_correct == 0 and posts["a"].most_common_wrong_action == ("share", 2)
        assert posts["b"].percent_correct == pytest.approx(200 / 3) and posts["b"].most_common_wrong_action == ("share", 1)
        assert posts["c"].most_common_wrong_action == ("flag", 2) and posts["c"].mean_seconds == 40
        assert [post.key.post for post in build_report(small_class).posts] == ["a", "c", "b"]  # hardest first

    def test_miss_rate_per_technique_counts_every_answer_on_a_post_using_it(self, small_class):
        stats = {stat.technique: stat for stat in build_report(small_class).techniques}
        assert (stats["urgency-pressure"].seen, stats["urgency-pressure"].missed) == (6, 4)
        assert (stats["fake-experts"].seen, stats["fake-experts"].missed) == (3, 1)
        assert stats["urgency-pressure"].example.key == PostKey("flood", "a")

    def test_discussion_points_are_the_most_missed_techniques_with_their_tip(self, small_class):
        texts = {"urgency-pressure": TechniqueText("Urgency", tip="Slow down.")}
        report = build_report(small_class, texts)
        assert [point.technique for point in report.discussion] == ["urgency-pressure", "fake-experts"]
        assert report.discussion[0].text.tip == "Slow down."
        assert report.discussion[1].text.name == "Fake experts"  # made from the id when no catalogue knows it
        assert "Urgency" in report.overview.readings[-1]


class TestTrainees:
    def test_rounds_of_one_trainee_are_added_up(self, small_class):
        second = record("amy", [decision("a", "flag", "scam", ["urgency-pressure"])], points=13, max_points=13, d_prime=2.0, criterion=0.0, started="2025-03-11T09:00:00Z", session="S2")
        report = build_report([*small_class, second])
        amy = next(trainee for trainee in report.trainees if trainee.player_id == "amy")
        assert (amy.rounds, amy.points, amy.max_points, amy.decisions, amy.correct) == (2, 18, 33, 4, 2)
        assert amy.mean_d_prime == pytest.approx(1.25) and amy.sessions == ("S1", "S2")
        assert report.overview.trainees == 3 and report.overview.sessions == ("S1", "S2")


class TestPrePostChecks:
    def test_no_check_data_means_no_pre_post_summary(self, small_class):
        assert build_report(small_class).checks is None

    def test_mean_change_and_confidence_interval_match_a_hand_calculation(self):
        # differences 1, 2, 3: mean 2, sd 1, t(2) = 4.303, half width 4.303 / sqrt(3) = 2.4843
        change = mean_change([1.0, 2.0, 3.0])
        assert change.mean == 2 and change.low == pytest.approx(2 - 2.4843, abs=1e-3) and change.high == pytest.approx(2 + 2.4843, abs=1e-3)

    def test_each_trainee_pairs_the_earliest_pre_with_the_latest_post(self):
        records = [
            record("amy", [], points=0, started="2025-03-10T09:00:00Z", checks={"pre": {"form": "A", "d_prime": 0.2, "criterion": -0.1}}),
            record("amy", [], points=0, started="2025-03-10T10:00:00Z", checks={"post": {"form": "B", "d_prime": 1.2, "criterion": 0.1}}),
            record("ben", [], points=0, checks={"pre": {"form": "B", "d_prime": 0.5, "criterion": 0.0}}),
        ]
        summary = summarize_checks(records)
        assert [(pair.player_id, pair.pre_form, pair.post_form) for pair in summary.pairs] == [("amy", "A", "B")]
        assert summary.d_prime_change.mean == pytest.approx(1.0) and summary.d_prime_change.low is None
