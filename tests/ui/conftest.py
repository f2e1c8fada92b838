"""Fixtures for the game's scene tests: a small scenario folder and a started pilot."""

import pygame
import pytest

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
