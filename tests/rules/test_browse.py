"""Browsing the offline web in the rules: tools keep their meaning, costs are charged once, pages cost time, lateral reading is logged."""

from __future__ import annotations

from game.rules import Browsed, CheckSource, ClosePage, Flag, OpenPage, Rejected, Search, SearchPicture, SeeResults, Share, Skip, apply, check, new_round
from game.rules.record import decision_entry, result_record
from game.rules.state import state_from_dict, state_to_dict
from game.scenario.model import Tool
from tests.rules.rules_factory import ACCOUNTS, make_loaded, post


def loaded(**settings):
    accounts = [dict(ACCOUNTS[0], site="dara-site"), ACCOUNTS[1]]
    linked = post("m2", "scam", ("too-good-to-be-true",))
    linked["link"] = {"url": "https://www.jobs-fast.example/apply", "title": "Apply now", "domain": "jobs.labour.example"}
    return make_loaded([post("m1", "misinformation", ("emotional-language",), image=True), post("r1"), linked], accounts=accounts, **settings)


def play(state, commands, start=1.0, step=5.0):
    events = []
    for number, command in enumerate(commands):
        result = apply(state, command, start + number * step)
        assert result.rejected is None, result.rejected
        state = result.state
        events.extend(result.events)
    return state, events


def test_a_query_uses_the_search_tool_once_however_many_queries():
    state, events = play(new_round(loaded()), [Search("m1", "market fire", "typed", shown=4), Search("m1", "fire 2019", "chips", shown=4)])
    assert state.tools_on("m1") == (Tool.search,)
    browsed = [event for event in events if isinstance(event, Browsed)]
    assert [(event.kind, event.tool, event.seconds) for event in browsed] == [("search", Tool.search, 30), ("search", None, 0)]
    assert state.tool_seconds_spent == 30


def test_each_page_costs_time_and_a_fact_checker_page_is_the_fact_check_tool():
    state, events = play(new_round(loaded()), [
        Search("m1", "market fire"),
        OpenPage("m1", "cbs-check", "check-before-share", "checkbeforeshare.example", "fact_checker", rank=1),
        OpenPage("m1", "cbs-other", "check-before-share", "checkbeforeshare.example", "fact_checker", rank=2),
        OpenPage("m1", "lotus-2019", "lotus-daily", "lotusdaily.example", "news", rank=3),
    ])
    assert state.tools_on("m1") == (Tool.search, Tool.fact_check)
    pages = [(event.tool, event.seconds) for event in events if isinstance(event, Browsed) and event.kind == "page"]
    assert pages == [(Tool.fact_check, 20 + 10), (None, 10), (None, 10)]
    assert state.tool_seconds_spent == 30 + 20 + 3 * 10


def test_source_and_picture_search_are_charged_once_per_post():
    state, _ = play(new_round(loaded()), [CheckSource("m1"), CheckSource("m1", site="lotus-daily"), SearchPicture("m1"), SearchPicture("m1")])
    assert state.tools_on("m1") == (Tool.source, Tool.reverse_image)
    state, _ = play(state, [Flag("m1", ["emotional-language"])], start=30)
    entry = decision_entry(state, "m1")
    assert entry["tools"] == ["source", "reverse_image"]
    assert entry["points"] == 10 + 3 - 1 * 2  # a hit, the right reason, two tools (never four)


def test_the_decision_logs_queries_pages_and_lateral_reading():
    state, _ = play(new_round(loaded()), [
        Search("m1", "market fire", "typed", shown=3),
        SeeResults("m1", 6),
        OpenPage("m1", "lotus-2019", "lotus-daily", "lotusdaily.example", "news", rank=2),
        ClosePage("m1"),
        Search("m1", "fire photo", "chips", shown=3),
        OpenPage("m1", "cbs-check", "check-before-share", "checkbeforeshare.example", "fact_checker", rank=1),
        OpenPage("m1", "linked", "tonle-daily", "tonledaily.example", "news"),
        Flag("m1", ["emotional-language"]),
    ], start=0.0, step=4.0)
    entry = decision_entry(state, "m1")
    assert entry["queries"] == [{"text": "market fire", "source": "typed"}, {"text": "fire photo", "source": "chips"}]
    assert entry["pages"] == [
        {"page": "lotus-2019", "seconds": 4.0, "rank": 2},
        {"page": "cbs-check", "seconds": 4.0, "rank": 1},
        {"page": "linked", "seconds": 4.0, "rank": None},
    ]
    assert entry["lateral"] is True
    assert entry["ranks_clicked"] == [2, 1]
    assert entry["results_seen_before_click"] == 6
    assert entry["seconds"] == 28.0 + 30 + 20 + 3 * 10  # real seconds on the post, plus search, fact_check and three pages


def test_pages_of_the_posts_own_account_or_link_are_not_lateral_reading():
    state, _ = play(new_round(loaded()), [
        OpenPage("m1", "dara-home", "dara-site", "dara.example", "news"),  # the account's own site
        Skip("m1"),
        OpenPage("m2", "apply", "jobs-fast", "jobs-fast.example", "scam", rank=None),  # the link's real domain
        OpenPage("m2", "shown", "labour-lookalike", "www.jobs.labour.example", "scam"),  # the link's shown domain
        Skip("m2"),
        Share("r1"),
    ])
    assert decision_entry(state, "m1")["lateral"] is False
    assert decision_entry(state, "m2")["lateral"] is False
    entry = decision_entry(state, "r1")
    assert (entry["queries"], entry["pages"], entry["lateral"], entry["ranks_clicked"], entry["results_seen_before_click"]) == ([], [], False, [], None)


def test_without_a_click_from_results_results_seen_is_null():
    state, _ = play(new_round(loaded()), [Search("m1", "fire", shown=4), OpenPage("m1", "p", "lotus-daily", "lotusdaily.example"), Skip("m1")])
    assert decision_entry(state, "m1")["results_seen_before_click"] is None
    assert decision_entry(state, "m1")["ranks_clicked"] == []


def test_a_page_still_open_when_time_runs_out_is_closed_and_counted():
    state, events = play(new_round(loaded(time_limit_seconds=60)), [Search("m1", "fire"), OpenPage("m1", "p", "lotus-daily", "lotusdaily.example", rank=1)], start=0, step=2)
    assert not state.over
    step = apply(state, Skip("r1"), 25.0)  # 25 real + 30 search + 10 page > 60
    assert step.state.over and step.state.end_reason == "time-up"
    record = result_record(step.state, result_id="r", player_id="p", player_name="P", session=None,
                           started_at="2025-01-01T00:00:00Z", finished_at="2025-01-01T00:01:00Z")
    m1 = next(entry for entry in record["decisions"] if entry["post"] == "m1")
    assert m1["auto"] == "time-up" and m1["pages"] == [{"page": "p", "seconds": 23.0, "rank": 1}]


def test_browsing_commands_are_rejected_when_they_make_no_sense():
    state = new_round(loaded())
    state, _ = play(state, [Share("r1")])
    rejected = {
        "unknown-post": Search("nope", "x"),
        "tool-after-decision": OpenPage("r1", "p", "s"),
        "bad-query": Search("m1", "   "),
        "no-image": SearchPicture("m2"),
        "bad-page": OpenPage("m1", "p", "s", rank=0),
    }
    for reason, command in rejected.items():
        rejection = check(state, command)
        assert isinstance(rejection, Rejected) and rejection.reason == reason, (reason, rejection)
        assert apply(state, command, 10.0).state is state
    assert check(state, Search("m1", "x", source="voice")).reason == "bad-query"


def test_browsing_survives_saving_and_resuming():
    scenario = loaded()
    state, _ = play(new_round(scenario), [Search("m1", "fire", "chips", shown=2), SeeResults("m1", 5), OpenPage("m1", "p", "lotus-daily", "lotusdaily.example", "news", rank=3)])
    again = state_from_dict(state_to_dict(state), scenario)
    assert again.queries == state.queries and again.page_views == state.page_views
    older = state_to_dict(state)
    del older["queries"], older["page_views"]  # a round saved before the offline web
    assert state_from_dict(older, scenario).queries == ()


def test_what_settled_a_flag_is_kept_in_the_decision_the_record_and_a_saved_round():
    scenario = loaded()
    state, _ = play(new_round(scenario), [Search("m1", "market fire"), Flag("m1", (), ["old-photo", "source", "old-photo"])])
    assert state.decision("m1").settled_by == ("old-photo", "source")  # once each, in the order ticked
    assert decision_entry(state, "m1")["settled_by"] == ["old-photo", "source"]
    again = state_from_dict(state_to_dict(state), scenario)
    assert again.decision("m1").settled_by == ("old-photo", "source")
    plain, _ = play(state, [Share("r1")])
    assert decision_entry(plain, "r1")["settled_by"] == []


def test_an_unknown_settled_reason_is_rejected_and_changes_nothing():
    state = new_round(loaded())
    result = apply(state, Flag("m1", (), ("gut-feeling",)), 1.0)
    assert result.rejected is not None and result.rejected.reason == "unknown-settled-by"
    assert "gut-feeling" in result.rejected.message and "old-photo" in result.rejected.message
    assert result.state.decision("m1") is None


def test_what_settled_a_flag_never_changes_the_points():
    scenario = loaded()
    with_chip, _ = play(new_round(scenario), [Search("m1", "market fire"), Flag("m1", (), ("other-outlets",))])
    without, _ = play(new_round(scenario), [Search("m1", "market fire"), Flag("m1")])
    assert decision_entry(with_chip, "m1")["points"] == decision_entry(without, "m1")["points"]
