"""A few golden screenshots, compared with a tolerance (fonts may anti-alias slightly differently).

Most UI tests check the view-model; these only guard the overall look. To accept a deliberate
change of look, run `FEEDWISE_UPDATE_GOLDEN=1 pytest tests/ui/test_golden.py` and review the PNGs.
"""

import os
from pathlib import Path

import pygame
import pytest

from pilot import Pilot

GOLDEN = Path(__file__).resolve().parent / "golden"
MAX_CHANGED_PIXELS = 0.02  # share of pixels that may differ by more than the per-pixel tolerance
PIXEL_TOLERANCE = 48


def compare(name: str, image: pygame.Surface) -> None:
    path = GOLDEN / f"{name}.png"
    if os.environ.get("FEEDWISE_UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        pygame.image.save(image, str(path))
    assert path.is_file(), f"{path} is missing: run FEEDWISE_UPDATE_GOLDEN=1 pytest {__file__}"
    expected = pygame.image.load(str(path))
    assert expected.get_size() == image.get_size()
    changed = 0
    step = 2  # every other pixel in each direction is enough to see a change of look
    width, height = image.get_size()
    for y in range(0, height, step):
        for x in range(0, width, step):
            a, b = image.get_at((x, y)), expected.get_at((x, y))
            if abs(a.r - b.r) + abs(a.g - b.g) + abs(a.b - b.b) > PIXEL_TOLERANCE:
                changed += 1
    share = changed / ((width // step) * (height // step))
    assert share <= MAX_CHANGED_PIXELS, f"{name}: {share:.1%} of pixels changed (allowed {MAX_CHANGED_PIXELS:.0%})"


@pytest.mark.parametrize("screen", ["menu", "feed"])
def test_the_screen_looks_as_it_did(scenario_dir, screen):
    pilot = Pilot.start(scenario_dir, size=(1024, 600))
    if screen == "feed":
        pilot.press("return")
        pilot.press("return")
        assert pilot.screen() == "feed"
    pilot.frames(2)
    compare(screen, pilot.image())
