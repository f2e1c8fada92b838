"""A sample feed for `doctor`'s FPS check and the UI benchmarks: N generated posts (every other one with
a picture, some with link previews, Khmer and English text) shown in the real feed scene.

Pictures are generated into a temporary folder; nothing is written to the learner's data folder and
no result file is written (the round has no observers).
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

import pygame

from game.app.library import ScenarioLibrary
from game.app.round_driver import RoundDriver
from game.scenario.catalogue import catalogue
from game.scenario.model import LoadedScenario, Scenario
from game.store.settings import Settings
from game.ui.app import App, Window
from game.ui.context import Context, Services
from game.ui.graph import SceneGraph

TEXTS = (
    "Heavy rain is expected tonight. Families along the river road should move valuables upstairs. Shelters are open at the three public schools.",
    "SHOCKING!!! Doctors hate this: boiled lemon leaves cure dengue in one night. Share before they delete it!",
    "ការងារនៅក្រៅប្រទេស ប្រាក់ខែ ៣០០០ ដុល្លារ មិនត្រូវការបទពិសោធន៍។ ផ្ញើរូបថតលិខិតឆ្លងដែនរបស់អ្នកថ្ងៃនេះ!",
    "The market road is closed on Sunday for repairs. Buses will use the river road instead.",
    "ក្រសួងសុខាភិបាលរំលឹកថា គ្រុនឈាមអាចការពារបាន ដោយសម្អាតទឹកដែលដក់នៅជុំវិញផ្ទះ។",
)
IMAGE_COUNT = 6


def sample_scenario(posts: int, folder: Path) -> LoadedScenario:

    images = folder / "images"
    images.mkdir(parents=True, exist_ok=True)
    for index in range(IMAGE_COUNT):
        picture = pygame.Surface((800, 450 + 40 * index))
        picture.fill((40 + 30 * index, 120, 200 - 20 * index))
        pygame.draw.circle(picture, (250, 250, 250), (400, 220), 120)
        pygame.image.save(picture, str(images / f"picture-{index}.png"))
    accounts = [
        {"id": "council", "name": "Riverbank Council", "handle": "@council", "verified": True, "followers": 48000},
        {"id": "rumours", "name": "NEWS NOW 24h!!", "handle": "@newsnow24h", "followers": 312},
        {"id": "sokha", "name": "សុខា ចាន់", "handle": "@sokha.chan", "followers": 845},
    ]
    items = []
    for index in range(posts):
        post = {
            "id": f"post-{index}",
            "author": accounts[index % 3]["id"],
            "time": f"{1 + index % 23}h",
            "text": TEXTS[index % len(TEXTS)],
            "stats": {"likes": 37 * index, "shares": 3 * index, "comments": 2},
            "comments": [{"name": "Dara", "text": "Is this true?"}, {"name": "Vanna", "text": "Check the source first."}],
            "verdict": "reliable",
            "explanation": "A sample post.",
        }
        if index % 2 == 0:
            post["image"] = {"file": f"images/picture-{index % IMAGE_COUNT}.png", "alt": "A sample picture"}
        if index % 5 == 3:
            post["link"] = {"url": "https://news.example/story", "title": "A sample headline for the link card", "domain": "news.example"}
        items.append(post)
    scenario = Scenario.model_validate(
        {"id": "sample-feed", "title": "Sample feed", "language": "en", "accounts": accounts, "posts": items}
    )
    path = folder / "sample-feed.en.yaml"
    return LoadedScenario(scenario=scenario, path=str(path), sha256=hashlib.sha256(b"sample").hexdigest(), techniques=catalogue("en"))


def sample_feed_app(posts: int = 40, size: tuple[int, int] = (1280, 720)):
    """(app, window) showing the feed scene of a generated round; the caller drives frames."""

    pygame.display.init()
    pygame.font.init()
    folder = Path(tempfile.mkdtemp(prefix="feedwise-sample-"))
    window = Window(size)
    services = Services(data_dir=folder, results_dir=folder / "results", library=ScenarioLibrary(), save_settings=False)
    ctx = Context(Settings(), window.surface.get_size(), services, window)
    loaded = sample_scenario(posts, folder)
    driver = RoundDriver.start(loaded, player_name="sample", language="en")
    return App(ctx, SceneGraph().feed(driver)), window
