"""game/resources.py: the one lookup of the game's data files, in a checkout (this test run)."""

import ast
import sys
from pathlib import Path

from game import resources

REPO = Path(__file__).resolve().parents[1]


def test_in_a_checkout_the_root_folders_are_found_at_the_repository_root():
    assert resources.scenarios_dir() == REPO / "scenarios"
    assert resources.fonts_dir() == REPO / "assets" / "fonts"
    assert (resources.checks_dir() / "form-a.en.yaml").is_file()
    assert resources.schema_file().is_file()
    assert (resources.locale_dir() / "km.po").is_file()
    assert resources.scenario_package_file("techniques.yaml").is_file()


def test_packaged_data_wins_over_the_checkout(tmp_path, monkeypatch):
    package = tmp_path / "game"
    (package / "_data" / "scenarios" / "tutorial").mkdir(parents=True)
    (package / "_data" / "assets" / "fonts").mkdir(parents=True)
    monkeypatch.setattr(resources, "package_dir", lambda subpackage="": package / subpackage if subpackage else package)
    assert resources.scenarios_dir() == package / "_data" / "scenarios"
    assert resources.fonts_dir() == package / "_data" / "assets" / "fonts"
    assert resources.web_dir() == package / "_data" / "scenarios" / "web"


def test_the_command_named_in_messages(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["main.py", "validate"])
    assert resources.command_name() == "python main.py"
    monkeypatch.setattr(sys, "argv", ["/venv/bin/feedwise", "validate"])
    assert resources.command_name() == "feedwise"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "C:/Feedwise/feedwise.exe")
    assert resources.command_name() == "feedwise"


def test_resources_is_the_lowest_layer():
    tree = ast.parse((REPO / "game" / "resources.py").read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not {name for name in imported if name == "game" or name.startswith("game.")}, imported


def test_no_module_finds_data_next_to_its_own_file():
    offenders = []
    for path in sorted((REPO / "game").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "__file__" in line and not line.lstrip().startswith("#"):
                offenders.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert offenders == []
