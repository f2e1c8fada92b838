"""`python main.py new NAME [--lang]`: a commented template that validates with no errors; the only warning points at its placeholder text."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.commands.new import installed_schema
from game.scenario.loader import check_file

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("language", ["en", "km"])
def test_new_scenario_validates_cleanly(tmp_path, monkeypatch, capsys, language):
    monkeypatch.chdir(tmp_path)
    assert main(["new", "market-fire", "--lang", language]) == 0
    path = tmp_path / "market-fire" / f"market-fire.{language}.yaml"
    assert f"created market-fire/market-fire.{language}.yaml" in capsys.readouterr().out
    loaded, problems = check_file(path)
    assert [(problem.severity, problem.code, problem.line) for problem in problems] == [("warning", "placeholder-text", 13 if language == "km" else 12)]
    assert loaded.scenario.id == "market-fire" and loaded.scenario.language.value == language
    assert (tmp_path / "market-fire" / "images").is_dir()
    text = path.read_text(encoding="utf-8")
    assert text.count("\n#") + text.count("  # ") > 10  # a commented template


def test_modeline_outside_the_project_points_at_the_installed_schema(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    main(["new", "outside"])
    first = (tmp_path / "outside" / "outside.en.yaml").read_text().splitlines()[0]
    assert first == f"# yaml-language-server: $schema={installed_schema().as_posix()}"
    assert installed_schema().is_file()


def test_modeline_inside_scenarios_is_relative(monkeypatch):
    target = REPO / "scenarios" / "zz-new-command-test"
    try:
        monkeypatch.chdir(REPO)
        assert main(["new", "scenarios/zz-new-command-test"]) == 0
        first = (target / "zz-new-command-test.en.yaml").read_text().splitlines()[0]
        assert first == "# yaml-language-server: $schema=../scenario.schema.json"
    finally:
        for path in sorted(target.rglob("*"), reverse=True):
            path.rmdir() if path.is_dir() else path.unlink()
        target.rmdir()


def test_existing_file_is_never_overwritten(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    main(["new", "keep"])
    target = tmp_path / "keep" / "keep.en.yaml"
    target.write_text("my work")
    assert main(["new", "keep"]) == 1
    assert target.read_text() == "my work"
    assert "already exists" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["Market Fire", "../UP", "_leading", "bad!name"])
def test_bad_names_are_usage_errors(tmp_path, monkeypatch, capsys, name):
    monkeypatch.chdir(tmp_path)
    assert main(["new", name]) == 2
    assert "cannot be a scenario id" in capsys.readouterr().err
