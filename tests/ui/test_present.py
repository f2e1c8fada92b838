"""View-models as data: what each screen shows, built purely from the rules state."""

import dataclasses

import pygame
import pytest
from pilot import write_scenario

from game.app.present import NOT_SURE, present_debrief, present_feed, present_feedback, present_post, present_verify, reason_options
from game.lang.i18n import Translator
from game.rules.commands import Flag, Share, Skip, UseTool
from game.rules.debrief import debrief
from game.rules.engine import apply, new_round
from game.rules.messages import Message
from game.scenario.loader import load_scenario

EN, KM = Translator("en"), Translator("km")


@pytest.fixture
def loaded(tmp_path):
    pygame.display.init()
    return load_scenario(write_scenario(tmp_path))


def play(state, *commands):
    for index, command in enumerate(commands):
        state = apply(state, command, float(index + 1)).state
    return state


class TestFeedView:
    def test_progress_and_posts_in_feed_order(self, loaded):
        state = play(new_round(loaded), Share("road"))
        view = present_feed(state, EN)
        assert [p.id for p in view.posts] == ["road", "cure", "jobs"]
        assert (view.decided, view.total, view.progress_text) == (1, 3, "Decided 1 of 3")
        assert view.posts[0].decision == "share" and view.posts[0].decision_text == "You shared this post"
        assert view.posts[1].decision is None and view.time_left_text == ""

    def test_a_post_shows_author_badge_time_counts_and_link_domain(self, loaded):
        state = new_round(loaded)
        road = present_post(state, "road", EN)
        assert (road.author_name, road.handle, road.verified, road.time_text) == ("Town Council", "@towncouncil", True, "2 hours ago")
        assert road.comments_text == "2 comments" and road.likes_text == "120"
        cure = present_post(state, "cure", EN)
        assert cure.likes_text == "5.4K" and cure.image_file.endswith("leaves.png")
        assert present_post(state, "jobs", EN).link.domain == "JOBS-FAST.EXAMPLE"

    def test_khmer_view_uses_khmer_words_and_digits(self, loaded):
        view = present_feed(new_round(loaded), KM)
        assert view.posts[0].time_text == "២ ម៉ោងមុន"
        assert view.progress_text == "បានសម្រេច ០ ក្នុងចំណោម ៣"


class TestEvidence:
    def test_evidence_spans_point_at_the_quoted_words(self, loaded):
        state = new_round(loaded)
        post = present_post(state, "cure", EN, with_evidence=True)
        quoted = {post.text[start:end] for start, end in post.text_highlights}
        assert quoted == {"SHOCKING!", "Share before they delete it!"}
        assert present_post(state, "cure", EN).text_highlights == ()


class TestFlagReasons:
    def test_options_hold_the_post_techniques_distractors_and_not_sure(self, loaded):
        state = new_round(loaded, seed=5)
        options = reason_options(state, "cure", EN)
        ids = [technique for technique, _ in options]
        assert {"emotional-language", "urgency-pressure"} <= set(ids)
        assert ids[-1] == NOT_SURE and len(ids) == 6
        assert len(set(ids)) == len(ids)

    def test_the_same_seed_gives_the_same_list_and_another_seed_may_differ(self, loaded):
        first = reason_options(new_round(loaded, seed=5), "cure", EN)
        assert reason_options(new_round(loaded, seed=5), "cure", EN) == first
        others = {reason_options(new_round(loaded, seed=seed), "cure", EN) for seed in range(10)}
        assert len(others) > 1


class TestVerifyView:
    def test_tools_show_cost_and_reveal_their_clue_only_once_used(self, loaded):
        state = play(new_round(loaded), UseTool("cure", "fact_check"))
        tools = {t.tool: t for t in present_verify(state, "cure", EN).tools}
        assert tools["fact_check"].used and "no evidence" in tools["fact_check"].clue
        assert tools["source"].clue == "" and tools["source"].cost_text == "Takes 20 seconds"
        road_tools = {t.tool: t for t in present_verify(state, "road", EN).tools}
        assert not road_tools["reverse_image"].available


class TestFeedbackAndDebrief:
    def test_feedback_says_wrong_names_the_technique_and_highlights_evidence(self, loaded):
        state = play(new_round(loaded), Skip("cure"))
        view = present_feedback(state, debrief(state).posts[1], EN)
        assert not view.correct and view.headline == "Not quite"
        assert view.summary == "You skipped this post. It was misinformation."
        assert [t.id for t in view.techniques] == ["emotional-language", "urgency-pressure"]
        assert view.post.text_highlights and view.tip

    def test_debrief_counts_the_grid_and_lists_misses_and_false_alarms(self, loaded):
        state = play(new_round(loaded), Flag("road"), Flag("cure", ("emotional-language",)), Share("jobs"))
        view = present_debrief(state, debrief(state), EN)
        assert (view.hits, view.misses, view.false_alarms, view.correct_rejections) == (1, 1, 1, 0)
        assert [item.post.id for item in view.missed] == ["jobs"]
        assert [item.post.id for item in view.false_alarms_items] == ["road"]
        assert view.missed[0].post.text_highlights
        assert view.discernment_sentence.startswith("Discernment (d′ = ")
        assert view.bias_sentence.startswith("Bias (c = ")
        assert view.score_text.startswith("Score: ")


class TestCueLessons:
    def test_a_cue_lesson_reaches_the_feedback_card_and_the_debrief_in_the_learners_language(self, loaded):
        state = play(new_round(loaded), Flag("road"), Share("cure"), Share("jobs"))
        result = debrief(state)
        lesson = Message("cue-loud-clue", {"clue": "The council's own page."})
        road = dataclasses.replace(result.posts[0], cue_lesson=lesson)
        assert present_feedback(state, road, EN).lesson == "This post is loud, but it is real: “The council's own page.” Official alerts are often urgent, with “!!”, capitals or emoji."
        assert present_feedback(state, road, KM).lesson.startswith("ការផុសនេះសរសេរបែបស្រែកខ្លាំងៗ")
        view = present_debrief(state, dataclasses.replace(result, false_alarms=(road,)), EN)
        assert view.false_alarms_items[0].lesson.startswith("This post is loud, but it is real")
        assert present_feedback(state, result.posts[1], EN).lesson == ""  # no cue misled here
