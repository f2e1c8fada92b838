"""The quick check on screen: items in the trainee's seeded order, and no source line for an item without one."""

import shutil
from pathlib import Path

import pygame
import pytest
import yaml
from pilot import Pilot

from game.app.options import LaunchOptions
from game.app.session import SessionOptions
from game.ui.session import build_session_app

ROOT = Path(__file__).resolve().parents[2]
GUARD_FRAMES = 30


@pytest.fixture(autouse=True)
def _display():
    pygame.display.init()
    yield
    pygame.display.quit()


def _bank_without_sources(tmp_path) -> Path:
    bank = tmp_path / "bank"
    shutil.copytree(ROOT / "scenarios" / "checks", bank)
    for path in bank.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in data["items"]:
            item.pop("source", None)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return bank


def _start(tmp_path, scenario_dir, bank, seed=None):
    launch = LaunchOptions(scenario_dirs=(str(scenario_dir),), size=(1024, 600), include_builtin=False,
                           results_dir=str(tmp_path / "shared"), data_dir=str(tmp_path / "home"))  # fmt: skip
    session = SessionOptions(code="C-1", playlist=["pilot-town"], checks=("pre",), check_folder=str(bank), check_seed=seed)
    app, window, flow = build_session_app(launch, session)
    pilot = Pilot(app, window)
    pilot.frames(1)
    pilot.type("T01")
    pilot.press("return")
    pilot.press("return")  # past the check's introduction
    assert pilot.screen() == "check-item"
    return pilot


def test_an_item_without_a_source_shows_no_source_line(tmp_path, scenario_dir, monkeypatch):
    pilot = _start(tmp_path, scenario_dir, _bank_without_sources(tmp_path))
    scene = pilot.scene
    rendered = []
    original = type(pilot.app.ctx.text).render

    def spy(self, text, *args, **kwargs):
        rendered.append(text)
        return original(self, text, *args, **kwargs)

    monkeypatch.setattr(type(pilot.app.ctx.text), "render", spy)
    scene.card_surface = None
    scene.relayout()
    pilot.frames(1)
    item = scene.state.item(scene.state.current)
    assert item.source is None and item.text in rendered
    assert "Unknown source" not in rendered and pilot.app.ctx.tr("Unknown source") not in rendered


def test_the_items_follow_the_trainees_seeded_order(tmp_path, scenario_dir):
    bank = _bank_without_sources(tmp_path)
    first = _start(tmp_path / "a", scenario_dir, bank, seed=3).scene.state
    again = _start(tmp_path / "b", scenario_dir, bank, seed=3).scene.state
    other = _start(tmp_path / "c", scenario_dir, bank, seed=4).scene.state
    file_order = [item.id for item in first.quiz.items]
    assert first.shuffled and first.order == again.order and first.seed == again.seed
    assert first.order != tuple(file_order) and other.order != first.order
