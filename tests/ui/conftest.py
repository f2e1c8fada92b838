"""Fixtures for the UI tests: a small scenario folder, a started pilot, and a text renderer."""

import pygame
import pytest

from game.ui.text import TextRenderer
from pilot import Pilot, write_scenario


@pytest.fixture
def scenario_dir(tmp_path):
    pygame.display.init()
    write_scenario(tmp_path / "scenarios")
    return tmp_path / "scenarios"


@pytest.fixture
def pilot(scenario_dir):
    started = Pilot.start(scenario_dir)
    yield started
    pygame.display.quit()


@pytest.fixture(scope="module")
def renderer():
    """A text renderer at scale 1, one per test module."""
    pygame.font.init()
    return TextRenderer()
