"""The game's start-up scan reads picture headers only (`validate` decodes them), and a picture damaged
past its header never stops the game: the card draws without it."""

from pathlib import Path

import pygame
from PIL import Image
from pilot import Pilot

from game.app.library import load_library
from game.scenario.loader import check_file

SCENARIO = """\
id: cut-picture
title: A damaged picture
language: en
accounts:
  - {id: news, name: News, handle: "@news"}
posts:
  - id: p1
    author: news
    text: Rain expected tonight.
    image: {file: cut.png, alt: Clouds over Phnom Penh}
    verdict: reliable
    explanation: A plain weather notice.
"""


def _scenario_with_a_truncated_png(folder: Path) -> Path:
    Image.effect_noise((300, 200), 60).convert("RGB").save(folder / "cut.png")
    data = (folder / "cut.png").read_bytes()
    (folder / "cut.png").write_bytes(data[: len(data) // 2])  # the header is intact, the pixels are not
    path = folder / "cut-picture.en.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    return path


def test_validate_decodes_pictures_and_the_start_up_scan_reads_headers_only(tmp_path):
    path = _scenario_with_a_truncated_png(tmp_path)
    loaded, problems = check_file(path)
    assert loaded is None and [problem.code for problem in problems] == ["image-bad"]
    loaded, problems = check_file(path, decode_images=False)
    assert loaded is not None and problems == []
    library = load_library([tmp_path])
    assert not library.broken


def test_a_picture_damaged_past_its_header_does_not_stop_the_round(tmp_path):
    pygame.display.init()
    try:
        _scenario_with_a_truncated_png(tmp_path)
        pilot = Pilot.start(tmp_path)
        pilot.type("Dara")
        pilot.press("return")
        assert pilot.screen() == "briefing"
        pilot.press("return")
        assert pilot.screen() == "feed"
        pilot.frames(5)  # the card with the damaged picture is painted
        pilot.press("s")
        pilot.frames(2)
        assert pilot.app.running and pilot.screen() in ("feedback", "debrief")
    finally:
        pygame.display.quit()
