"""The wheel carries the game's data, and `game.resources` finds it there (not in the checkout).

Builds the wheel with the project's own backend (hatchling, no network: no build isolation),
unpacks it into a temporary folder and runs Python there with the checkout out of sight.
"""

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(out), str(REPO)],
                   check=True, capture_output=True, text=True)
    (built,) = out.glob("feedwise-*.whl")
    return built


def test_the_wheel_holds_fonts_scenarios_quiz_banks_locale_and_catalogue(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "game/__main__.py",
        "game/resources.py",
        "game/locale/km.po",
        "game/scenario/techniques.yaml",
        "game/scenario/template.km.yaml",
        "game/_data/scenarios/scenario.schema.json",
        "game/_data/scenarios/tutorial/tutorial.en.yaml",
        "game/_data/scenarios/checks/form-a.km.yaml",
        "game/_data/assets/fonts/NotoSansKhmer-Regular.ttf",
        "game/_data/assets/fonts/NotoColorEmoji-Subset.ttf",
    }
    assert expected - names == set()
    pictures = [name for name in names if name.startswith("game/_data/scenarios/") and name.endswith(".png")]
    assert len(pictures) == len(list((REPO / "scenarios").rglob("*.png")))
    assert not [name for name in names if "__pycache__" in name]


def test_resources_finds_the_data_inside_the_unpacked_wheel(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = (
        "import json; from game import resources as r; "
        "print(json.dumps([str(p) for p in (r.scenarios_dir(), r.fonts_dir(), r.locale_dir(), r.checks_dir())]))"
    )
    done = subprocess.run([sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(site)!r}); {probe}"],
                          cwd=tmp_path, check=True, capture_output=True, text=True)
    folders = [Path(text) for text in json.loads(done.stdout)]
    assert all(site in folder.parents for folder in folders), folders
    assert all(folder.is_dir() for folder in folders)
