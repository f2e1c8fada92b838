"""Classroom session mode, driven like a player through the real app: name entry -> quick check ->
playlist -> thank you -> name entry again; results land in the session's folder with its code; a kiosk
ignores Esc and the window close; a results folder that fails keeps a local copy."""

import json
import shutil
from pathlib import Path

import pygame
import pytest
from pilot import Pilot

from game.app.options import LaunchOptions
from game.app.session import SessionOptions
from game.store.session_save import save_result
from game.ui.session import build_session_app

GUARD_FRAMES = 12  # more than ANSWER_GUARD (0.3 s) at the pilot's 30 frames a second


def start_session(tmp_path, scenario_dir, *, playlist=("pilot-town",), checks=(), kiosk=False, code="CLASS-7", results=None, form_seed=None):
    launch = LaunchOptions(
        scenario_dirs=(str(scenario_dir),),
        size=(1024, 600),
        include_builtin=False,
        results_dir=str(results or tmp_path / "shared"),
        data_dir=str(tmp_path / "home"),
    )
    session = SessionOptions(code=code, playlist=list(playlist), checks=tuple(checks), kiosk=kiosk, form_seed=form_seed)
    app, window, flow = build_session_app(launch, session)
    pilot = Pilot(app, window)
    pilot.frames(1)
    return pilot, flow


def enter_name(pilot, name):
    assert pilot.screen() == "name-entry"
    pilot.type(name)
    pilot.press("return")


def end_round_early(pilot):
    """From the briefing: start the round, end it at once (Esc, confirm) and reach the debrief."""
    assert pilot.screen() == "briefing"
    pilot.press("return")
    assert pilot.screen() == "feed"
    pilot.press("escape")
    assert pilot.screen() == "confirm"
    pilot.click(pilot.scene.confirm_label)  # "End round", in the trainee's language
    assert pilot.screen() == "debrief"


def answer_check(pilot, keys):
    for key in keys:
        assert pilot.screen() == "check-item"
        pilot.frames(GUARD_FRAMES)
        pilot.press(key)


def result_records(folder):
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(Path(folder).glob("*.json"))]


@pytest.fixture(autouse=True)
def _display():
    pygame.display.init()
    yield
    pygame.display.quit()


class TestOneTraineeThroughThePlaylist:
    def test_name_entry_then_each_scenario_then_thank_you_then_name_entry_again(self, tmp_path, scenario_dir):
        pilot, flow = start_session(tmp_path, scenario_dir, playlist=("pilot-town", "pilot-town"))
        assert pilot.screen() == "name-entry"
        assert "Back" not in pilot.labels()
        enter_name(pilot, "T07")
        end_round_early(pilot)
        assert pilot.labels() == ["Continue"]  # a session's debrief leads on, never to the menu
        pilot.press("escape")
        assert pilot.screen() == "debrief"
        pilot.click("Continue")
        assert pilot.screen() == "briefing" and pilot.scene.place[0] == 2
        end_round_early(pilot)
        pilot.click("Continue")
        assert pilot.screen() == "thank-you"
        pilot.click("Next trainee")
        assert pilot.screen() == "name-entry"
        assert pilot.scene.typed == ""  # the next trainee starts with an empty name

        records = result_records(tmp_path / "shared")
        assert len(records) == 2
        assert {r["session"] for r in records} == {"CLASS-7"}
        assert {r["player"]["name"] for r in records} == {"T07"}
        assert "checks" not in records[0]

    def test_the_start_button_waits_for_a_name(self, tmp_path, scenario_dir):
        pilot, _ = start_session(tmp_path, scenario_dir)
        pilot.press("return")
        assert pilot.screen() == "name-entry"
        assert pilot.scene.toast == "Type your name or ID first."
        pilot.type("   ")
        pilot.press("return")
        assert pilot.screen() == "name-entry"
        pilot.type("Sokha")
        pilot.click("Start")
        assert pilot.screen() == "briefing"

    def test_the_briefing_has_no_way_back_to_a_menu(self, tmp_path, scenario_dir):
        pilot, _ = start_session(tmp_path, scenario_dir)
        enter_name(pilot, "T01")
        assert "Back" not in pilot.labels()
        pilot.press("escape")
        assert pilot.screen() == "briefing"

    def test_the_trainee_can_switch_the_language_and_the_next_trainee_starts_in_the_session_language(self, tmp_path, scenario_dir):
        pilot, _ = start_session(tmp_path, scenario_dir)
        pilot.click("ខ្មែរ")
        assert pilot.app.ctx.language == "km"
        enter_name(pilot, "T02")
        end_round_early(pilot)
        pilot.press("return")
        assert pilot.screen() == "thank-you"
        pilot.press("return")
        assert pilot.screen() == "name-entry" and pilot.app.ctx.language == "en"


class TestKiosk:
    def test_esc_and_the_window_close_do_not_quit(self, tmp_path, scenario_dir):
        pilot, _ = start_session(tmp_path, scenario_dir, kiosk=True)
        assert "Quit" not in pilot.labels()
        pilot.press("escape")
        pilot.close_window()
        assert pilot.app.running and pilot.screen() == "name-entry"
        enter_name(pilot, "T03")
        pilot.close_window()
        pilot.press("escape")
        assert pilot.app.running and pilot.screen() == "briefing"

    def test_f11_does_not_leave_fullscreen(self, tmp_path, scenario_dir):
        pilot, _ = start_session(tmp_path, scenario_dir, kiosk=True)
        assert pilot.app.ctx.settings.fullscreen
        pilot.press("f11")
        assert pilot.app.ctx.settings.fullscreen

    def test_ctrl_shift_q_then_a_confirmation_quits(self, tmp_path, scenario_dir):
        pilot, _ = start_session(tmp_path, scenario_dir, kiosk=True)
        pilot.post([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_q, mod=pygame.KMOD_CTRL, unicode="", scancode=0)])
        assert pilot.screen() == "name-entry"  # Ctrl+Q alone is not the combination
        pilot.post([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_q, mod=pygame.KMOD_CTRL | pygame.KMOD_SHIFT, unicode="", scancode=0)])
        assert pilot.screen() == "confirm"
        pilot.press("escape")  # "Keep running"
        assert pilot.app.running and pilot.screen() == "name-entry"
        pilot.post([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_q, mod=pygame.KMOD_LCTRL | pygame.KMOD_LSHIFT, unicode="", scancode=0)])
        pilot.close_window()  # the window close still does nothing, even over the dialog
        assert pilot.app.running
        pilot.click("Close Feedwise")
        assert not pilot.app.running

    def test_a_kiosk_needs_a_fixed_playlist(self, tmp_path, scenario_dir):
        from game.app.options import LaunchError

        with pytest.raises(LaunchError, match="--kiosk needs a fixed playlist"):
            start_session(tmp_path, scenario_dir, playlist=(), kiosk=True)

    def test_outside_a_kiosk_the_window_close_asks_and_quits(self, tmp_path, scenario_dir):
        pilot, _ = start_session(tmp_path, scenario_dir)
        pilot.close_window()
        assert pilot.screen() == "confirm"
        pilot.close_window()
        assert not pilot.app.running


class TestQuickCheck:
    def test_pre_and_post_checks_are_stored_in_the_records_with_the_counterbalanced_forms(self, tmp_path, scenario_dir):
        pilot, flow = start_session(tmp_path, scenario_dir, playlist=("pilot-town", "pilot-town"), checks=("pre", "post"))
        enter_name(pilot, "T01")
        assert pilot.screen() == "check-intro"
        pilot.press("escape")
        assert pilot.screen() == "check-intro"
        pilot.click("Begin the check")
        items = len(pilot.scene.state.order)
        answer_check(pilot, ["r"] * items)
        end_round_early(pilot)
        pilot.press("return")
        end_round_early(pilot)
        pilot.press("return")
        assert pilot.screen() == "check-intro"
        pilot.press("return")
        answer_check(pilot, ["f"] * items)
        assert pilot.screen() == "thank-you"

        order = flow.trainee.order
        records = sorted(result_records(tmp_path / "shared"), key=lambda r: r["started_at"])
        assert len(records) == 2
        first, last = records
        assert set(first["checks"]) == {"pre"} and set(last["checks"]) == {"post"}
        assert first["checks"]["pre"]["form"] == order[0].value and last["checks"]["post"]["form"] == order[1].value
        assert order[0] != order[1]
        assert first["checks"]["pre"]["n"] == items // 2  # every answer "real": naivety = real answers - real items
        assert last["checks"]["post"]["d"] == items // 2
        assert all(answer["answer"] == "fake" for answer in last["checks"]["post"]["answers"])

    def test_numbered_ids_alternate_forms_in_a_session(self, tmp_path, scenario_dir):
        forms = []
        for name in ("T01", "T02"):
            pilot, flow = start_session(tmp_path, scenario_dir, checks=("pre",))
            enter_name(pilot, name)
            forms.append(flow.trainee.order)
        assert forms[0] != forms[1]

    def test_each_item_has_three_answers_with_keys_and_shows_no_feedback(self, tmp_path, scenario_dir):
        pilot, _ = start_session(tmp_path, scenario_dir, checks=("pre",))
        enter_name(pilot, "T01")
        pilot.press("return")
        scene = pilot.scene
        assert pilot.labels() == ["Real", "Fake", "Not sure"]
        assert [b.hint for b in scene.buttons] == ["R", "F", "N"]
        before = pilot.image()
        pilot.frames(GUARD_FRAMES)
        pilot.press("2")  # digit 2 = Fake
        assert scene.state.responses[-1].answer.value == "fake" and scene.state.position == 2
        assert pilot.labels() == ["Real", "Fake", "Not sure"] and scene.focus_key is None
        pilot.frames(GUARD_FRAMES)
        pilot.click("Not sure")
        pilot.frames(GUARD_FRAMES)
        pilot.press("1")
        assert [r.answer.value for r in scene.state.responses] == ["fake", "not-sure", "real"]
        assert pilot.image().get_size() == before.get_size()

    def test_a_double_press_answers_only_one_item(self, tmp_path, scenario_dir):
        pilot, _ = start_session(tmp_path, scenario_dir, checks=("pre",))
        enter_name(pilot, "T01")
        pilot.press("return")
        pilot.frames(GUARD_FRAMES)
        pilot.post([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_r, mod=0, unicode="", scancode=0)] * 2)
        assert len(pilot.scene.state.responses) == 1

    def test_the_check_is_in_khmer_for_a_khmer_trainee(self, tmp_path, scenario_dir):
        pilot, _ = start_session(tmp_path, scenario_dir, checks=("pre",))
        pilot.click("ខ្មែរ")
        enter_name(pilot, "T01")
        pilot.press("return")
        assert pilot.scene.loaded.quiz.language.value == "km"
        assert pilot.labels() == ["ពិត", "ក្លែងក្លាយ", "មិនប្រាកដ"]

    def test_leaving_during_the_post_check_still_writes_the_last_round(self, tmp_path, scenario_dir):
        pilot, flow = start_session(tmp_path, scenario_dir, checks=("post",))
        enter_name(pilot, "T04")
        end_round_early(pilot)
        assert result_records(tmp_path / "shared") == []  # held until the post check ends
        pilot.press("return")
        assert pilot.screen() == "check-intro"
        pilot.close_window()
        pilot.close_window()
        assert not pilot.app.running
        flow.flush()  # what `play` does when its loop ends
        records = result_records(tmp_path / "shared")
        assert len(records) == 1 and "checks" not in records[0]


class TestAResultsFolderThatFails:
    def test_the_record_is_kept_locally_and_the_trainee_is_told(self, tmp_path, scenario_dir):
        shared = tmp_path / "usb" / "results"
        pilot, flow = start_session(tmp_path, scenario_dir, results=shared)
        enter_name(pilot, "T05")
        shutil.rmtree(tmp_path / "usb")  # the USB stick is pulled mid-round
        end_round_early(pilot)
        pilot.press("return")
        assert pilot.screen() == "save-problem"
        local = result_records(tmp_path / "home" / "results")
        assert len(local) == 1 and local[0]["session"] == "CLASS-7"
        assert not shared.exists()  # never silently re-created on the wrong disk
        pilot.press("return")
        assert pilot.screen() == "thank-you"
        texts = [words for words, *_ in pilot.scene._paragraphs(pilot.app.ctx)]
        assert any("kept on this computer" in words and str(tmp_path / "home" / "results") in words for words in texts)
        assert any("T05" in line and "copy is kept" in line for line in flow.unreported_lines())

    def test_the_next_round_goes_to_the_results_folder_again_once_it_is_back(self, tmp_path, scenario_dir):
        shared = tmp_path / "usb"
        pilot, _ = start_session(tmp_path, scenario_dir, playlist=("pilot-town", "pilot-town"), results=shared)
        enter_name(pilot, "T06")
        shutil.rmtree(shared)
        end_round_early(pilot)
        pilot.press("return")
        pilot.press("return")  # OK on the save problem
        shared.mkdir()
        end_round_early(pilot)
        assert len(result_records(shared)) == 1
        assert len(result_records(tmp_path / "home" / "results")) == 1


def a_record(tmp_path):
    from datetime import datetime, timezone

    from pilot import write_scenario

    from game.rules.engine import new_round
    from game.rules.record import result_record
    from game.scenario.loader import load_scenario

    path = write_scenario(tmp_path / "scenarios")
    state = new_round(load_scenario(str(path)))
    moment = datetime(2025, 3, 1, 10, 0, tzinfo=timezone.utc)
    return result_record(state, result_id="r-1", player_id="p-1", player_name="A", session="S", started_at=moment, finished_at=moment)


class TestSaveResult:
    def test_writes_into_the_folder_when_it_works(self, tmp_path):
        (tmp_path / "shared").mkdir()
        outcome = save_result(a_record(tmp_path), tmp_path / "shared", tmp_path / "local")
        assert outcome.shared and outcome.path.parent == tmp_path / "shared" and outcome.problem == ""

    def test_a_file_in_place_of_the_folder_falls_back_to_the_local_copy(self, tmp_path):
        (tmp_path / "shared").write_text("not a folder")
        outcome = save_result(a_record(tmp_path), tmp_path / "shared", tmp_path / "local")
        assert outcome.local_copy and outcome.path.parent == tmp_path / "local"
        assert "shared" in outcome.problem

    def test_with_no_fallback_nothing_is_claimed(self, tmp_path):
        outcome = save_result(a_record(tmp_path), tmp_path / "missing", None)
        assert not outcome.saved and "not there" in outcome.problem
