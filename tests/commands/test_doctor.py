"""`doctor` prints a ✓ line per check and exits 0 on a healthy machine, non-zero when a check fails."""

import argparse

from game.commands import doctor


def run_doctor(tmp_path, **overrides):
    args = argparse.Namespace(frames=20, data_dir=str(tmp_path / "data"))
    vars(args).update(overrides)
    return doctor.run(args)


def test_a_healthy_machine_passes_every_check(tmp_path, capsys):
    assert run_doctor(tmp_path) == 0
    out = capsys.readouterr().out
    for label in ("pygame-ce installed", "SDL version", "SDL_ttf version", "Khmer shaping works", "fonts found", "data folder writable", "frames per second"):
        assert f"✓ {label}" in out
    assert "✗" not in out


def test_khmer_shaping_is_measured_by_width(tmp_path):
    check = doctor.check_khmer_shaping()
    assert check.ok
    shaped, unshaped = [int(part.split()[1]) for part in check.detail.split(" < ")]
    assert shaped < unshaped


def test_pygame_and_pygame_ce_installed_together_is_a_failure(monkeypatch):
    from importlib import metadata

    class Fake:
        def __init__(self, name):
            self.metadata = {"Name": name}

    monkeypatch.setattr(metadata, "distributions", lambda: [Fake("pygame-ce"), Fake("pygame")])
    check = doctor.check_distributions()
    assert not check.ok
    assert "both `pygame` and `pygame-ce`" in check.detail


def test_an_unwritable_data_folder_fails_with_exit_code_1(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert run_doctor(tmp_path, data_dir=str(blocker / "data")) == 1
    out = capsys.readouterr().out
    assert "✗ data folder writable" in out
