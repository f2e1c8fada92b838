"""`python main.py validate`: GCC-style lines, a summary, exit codes 0/1/2, --strict, --json, no pygame."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from game.cli import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "scenarios" / "example" / "example.en.yaml"
GOOD = {
    "id": "good",
    "title": "Good",
    "language": "en",
    "accounts": [{"id": "news", "name": "News", "handle": "@news"}],
    "posts": [
        {"id": "p1", "author": "news", "text": "Rain tonight.", "verdict": "reliable", "explanation": "Fine."},
        {"id": "p2", "author": "news", "text": "SHOCKING prices!", "verdict": "misinformation",
         "techniques": [{"id": "emotional-language", "evidence": "SHOCKING", "note": "Caps."}],
         "clues": {"search": "Nobody else reports it."}, "explanation": "Made up."},
    ],
}


def write(folder: Path, name: str, data) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_clean_file_exits_0_with_summary(project, capsys):
    write(project, "good.en.yaml", GOOD)
    assert main(["validate", "good.en.yaml"]) == 0
    assert capsys.readouterr().out == "checked 1 file: no problems\n"


def test_errors_print_gcc_lines_with_path_as_given_and_exit_1(project, capsys):
    broken = dict(GOOD, posts=[dict(GOOD["posts"][0]), dict(GOOD["posts"][1], techniques=[{"id": "emotional-language", "evidence": "SHOCKING news", "note": "x"}])])
    write(project, "scenarios/x/x.en.yaml", broken)
    assert main(["validate", "scenarios/x/x.en.yaml"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("scenarios/x/x.en.yaml:")
    assert lines[0].endswith(": error: post 'p2': evidence \"SHOCKING news\" is not in the post text or link title")
    line, column = lines[0].split(":")[1:3]
    assert int(line) > 0 and int(column) > 0
    assert lines[-1] == "checked 1 file: 1 error, 0 warnings"


def test_folders_are_scanned_recursively_for_yaml_and_yml(project, capsys):
    write(project, "lib/a/a.en.yaml", GOOD)
    write(project, "lib/b/deeper/b.en.yml", dict(GOOD, id="b"))
    write(project, "lib/notes.txt", "not yaml")
    assert main(["validate", "lib"]) == 0
    assert capsys.readouterr().out == "checked 2 files: no problems\n"


def test_warnings_pass_unless_strict(project, capsys):
    write(project, "w.en.yaml", dict(GOOD, posts=[GOOD["posts"][0], {k: v for k, v in GOOD["posts"][1].items() if k != "clues"}]))
    assert main(["validate", "w.en.yaml"]) == 0
    assert ": warning: post 'p2': no verify clue" in capsys.readouterr().out
    assert main(["validate", "--strict", "w.en.yaml"]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == "checked 1 file: 0 errors, 1 warning (--strict: warnings count as errors)"


def test_json_lists_every_problem(project, capsys):
    write(project, "bad.en.yaml", "- a list\n")
    assert main(["validate", "--json", "bad.en.yaml", "missing.yaml"]) == 1
    problems = json.loads(capsys.readouterr().out)
    assert [p["code"] for p in problems] == ["not-a-mapping", "file-missing"]
    assert set(problems[0]) == {"file", "line", "column", "severity", "code", "message"}
    assert problems[0]["file"] == "bad.en.yaml" and problems[0]["line"] == 1


def test_json_with_no_problems_is_an_empty_list(project, capsys):
    write(project, "good.en.yaml", GOOD)
    assert main(["validate", "--json", "good.en.yaml"]) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize(
    "content, expected",
    [
        (None, "missing.yaml: error: no such file"),
        (b"", "missing.yaml:1:1: error: the file is empty"),
        (b"\x00\xff\x00", "missing.yaml:1:1: error: this is a binary file"),
        (b"title: caf\xe9\n", "missing.yaml:1:11: error: the file is not UTF-8"),
        (b"- one\n- two\n", "missing.yaml:1:1: error: the top level of a scenario must be fields"),
    ],
)
def test_bad_files_get_plain_messages(project, capsys, content, expected):
    if content is not None:
        (project / "missing.yaml").write_bytes(content)
    assert main(["validate", "missing.yaml"]) == 1
    output = capsys.readouterr()
    assert output.out.startswith(expected)
    assert "Traceback" not in output.out + output.err


def test_folder_without_scenarios(project, capsys):
    (project / "empty").mkdir()
    assert main(["validate", "empty"]) == 1
    assert capsys.readouterr().out.startswith("empty: error: no scenario files (*.yaml or *.yml) in this folder")


def test_a_named_pipe_in_a_folder_is_refused_at_once(project):
    """A pipe blocks any reader until a writer comes; validate must name it instead of hanging."""
    write(project, "lib/a/a.en.yaml", GOOD)
    os.mkfifo(project / "lib" / "pipe.yaml")
    done = subprocess.run([sys.executable, str(REPO / "main.py"), "validate", "lib"], capture_output=True, text=True, timeout=60, cwd=project)
    assert done.returncode == 1
    assert "lib/pipe.yaml: error: this is a named pipe, not a file" in done.stdout
    assert done.stdout.splitlines()[-1] == "checked 2 files: 1 error, 0 warnings"


def test_usage_errors_exit_2(capsys):
    assert main(["validate"]) == 2
    assert main(["validate", "--no-such-option", "x.yaml"]) == 2


def test_validate_never_imports_pygame():
    code = (
        "import sys; from game.cli import main; "
        f"rc = main(['validate', {str(EXAMPLE)!r}]); "
        "assert rc == 0, rc; "
        "assert 'pygame' not in sys.modules, 'pygame was imported'; print('ok')"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")


def test_main_py_validate_runs_headless_as_a_program():
    result = subprocess.run([sys.executable, "main.py", "validate", str(EXAMPLE)], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout.splitlines()[-1]) == (0, "checked 1 file: no problems")
