"""`--check-bank DIR` on autoplay (and play), item order seeded per trainee and recorded, no invented source line."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


def _autoplay(tmp_path, *arguments):
    command = [sys.executable, "main.py", "autoplay", "tutorial", "--policy", "random", "--data-dir", str(tmp_path / "home"),
               "--session", "BANK-1", "--results", str(tmp_path / "results"), *arguments]  # fmt: skip
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=180, env={**os.environ, "SDL_VIDEODRIVER": "dummy"})


def _checks(tmp_path) -> dict:
    records = [json.loads(path.read_text(encoding="utf-8")) for path in sorted((tmp_path / "results").glob("*.json"))]
    return {phase: entry for record in records for phase, entry in (record.get("checks") or {}).items()}


@pytest.fixture
def fakes_first_bank(tmp_path):
    """A copy of the built-in bank rewritten fakes-first, as a programme's own instrument might be."""
    bank = tmp_path / "bank"
    shutil.copytree(ROOT / "scenarios" / "checks", bank)
    for name in ("form-a.en.yaml", "form-b.en.yaml"):
        data = yaml.safe_load((bank / name).read_text(encoding="utf-8"))
        data["items"].sort(key=lambda item: item["verdict"] != "fake")
        (bank / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return bank


def _file_order(bank: Path, form: str) -> list[str]:
    return [item["id"] for item in yaml.safe_load((bank / f"form-{form.lower()}.en.yaml").read_text(encoding="utf-8"))["items"]]


def test_autoplay_uses_the_bank_and_the_order_follows_seed(tmp_path, fakes_first_bank):
    done = _autoplay(tmp_path / "a", "--check", "both", "--check-bank", str(fakes_first_bank), "--seed", "11")
    assert done.returncode == 0, done.stderr
    first = _checks(tmp_path / "a")
    assert set(first) == {"pre", "post"}
    for entry in first.values():
        assert entry["shuffled"] is True and isinstance(entry["seed"], int)
        shown = [answer["item"] for answer in sorted(entry["answers"], key=lambda answer: answer["order"])]
        assert sorted(shown) == sorted(_file_order(fakes_first_bank, entry["form"])) and shown != _file_order(fakes_first_bank, entry["form"])
        first_half = [answer["verdict"] for answer in sorted(entry["answers"], key=lambda answer: answer["order"])][: len(shown) // 2]
        assert set(first_half) == {"real", "fake"}  # a fakes-first bank is mixed
    again = _autoplay(tmp_path / "b", "--check", "both", "--check-bank", str(fakes_first_bank), "--seed", "11")
    assert again.returncode == 0, again.stderr
    second = _checks(tmp_path / "b")
    assert [a["item"] for a in second["pre"]["answers"]] == [a["item"] for a in first["pre"]["answers"]]
    other = _autoplay(tmp_path / "c", "--check", "pre", "--check-bank", str(fakes_first_bank), "--seed", "12")
    assert other.returncode == 0, other.stderr
    assert [a["item"] for a in _checks(tmp_path / "c")["pre"]["answers"]] != [a["item"] for a in first["pre"]["answers"]]


def test_a_broken_bank_is_refused_with_a_located_message(tmp_path, fakes_first_bank):
    form = fakes_first_bank / "form-a.en.yaml"
    form.write_text(form.read_text(encoding="utf-8").replace("verdict: fake", "verdict: maybe", 1), encoding="utf-8")
    done = _autoplay(tmp_path, "--check", "pre", "--check-bank", str(fakes_first_bank))
    assert done.returncode == 2
    assert f"--check-bank {fakes_first_bank}" in done.stderr and "form-a.en.yaml:" in done.stderr and "validate" in done.stderr


def test_check_bank_needs_check(tmp_path, fakes_first_bank):
    done = _autoplay(tmp_path, "--check-bank", str(fakes_first_bank))
    assert done.returncode == 2 and "--check-bank needs --check" in done.stderr
