"""`python main.py report DIR... -o report.html [--csv OUTDIR] [--xapi FILE] [--session CODE]`."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "report"))
from report_factory import KHMER_NAME, khmer_scenario, real_class, real_record, write_all, write_bad_files  # noqa: E402

from game.cli import main  # noqa: E402
from game.commands.report import _Progress  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def lab(tmp_path):
    """Two PCs' result folders (one with damaged files), two sessions."""
    pc1, pc2 = tmp_path / "pc1", tmp_path / "pc2"
    morning = real_class(trainees=4, session="MON-AM")
    write_all(pc1, morning[:2])
    write_all(pc2, morning[2:] + [real_record(khmer_scenario(), player_id="km-01", player_name=KHMER_NAME, session="MON-AM", minute=30)])
    write_all(pc2, real_class(trainees=3, session="TUE-PM"))
    bad = write_bad_files(pc1 / "junk", morning[0])
    return tmp_path, [pc1, pc2], bad


class TestReportCommand:
    def test_writes_html_csv_and_xapi_and_summarises_skipped_files(self, lab, capsys):
        root, folders, bad = lab
        out = root / "out"
        code = main(["report", *map(str, folders), "-o", str(out / "report.html"), "--csv", str(out / "csv"), "--xapi", str(out / "x.jsonl")])
        captured = capsys.readouterr()

        assert code == 0
        page = (out / "report.html").read_text(encoding="utf-8")
        assert "Feedwise class report" in page and KHMER_NAME in page and 'id="skipped"' in page
        assert (out / "csv" / "decisions.csv").read_bytes().startswith(b"\xef\xbb\xbf")
        with open(out / "csv" / "trainees.csv", encoding="utf-8-sig", newline="") as handle:
            assert len(list(csv.DictReader(handle))) == 8
        statements = [json.loads(line) for line in (out / "x.jsonl").read_text(encoding="utf-8").splitlines()]
        assert statements and all(statement["actor"]["account"]["name"] for statement in statements)
        assert "8 trainees, 8 rounds" in captured.out
        assert f"{len(bad)} files skipped:" in captured.out
        for name in bad:
            assert name in captured.out
        assert "Reading result files" in captured.err
        assert [path.name for path in out.rglob(".*")] == [], "a temporary output file was left behind"

    def test_session_filter_keeps_only_that_session(self, lab, capsys):
        root, folders, _ = lab
        assert main(["report", *map(str, folders), "-o", str(root / "r.html"), "--session", "TUE-PM"]) == 0
        out = capsys.readouterr().out
        assert "3 trainees, 3 rounds in session TUE-PM" in out and "5 result(s) from other sessions left out" in out
        assert "session TUE-PM" in (root / "r.html").read_text(encoding="utf-8")

    def test_an_unknown_session_writes_nothing_and_exits_1_with_a_hint(self, lab, capsys):
        root, folders, _ = lab
        assert main(["report", *map(str, folders), "-o", str(root / "r.html"), "--session", "WED"]) == 1
        assert "Check the session code" in capsys.readouterr().err and not (root / "r.html").exists()

    def test_the_session_matches_without_regard_to_case(self, lab, capsys):
        root, folders, _ = lab
        assert main(["report", *map(str, folders), "-o", str(root / "r.html"), "--session", "tue-pm"]) == 0
        assert "3 trainees, 3 rounds in session tue-pm" in capsys.readouterr().out
        assert "session TUE-PM" in (root / "r.html").read_text(encoding="utf-8")

    def test_an_unknown_session_names_the_sessions_found(self, lab, capsys):
        root, folders, _ = lab
        assert main(["report", *map(str, folders), "-o", str(root / "r.html"), "--session", "WED"]) == 1
        assert "Sessions found: MON-AM (5), TUE-PM (3)" in capsys.readouterr().err

    def test_xlsx_and_the_four_csv_files(self, lab, capsys):
        root, folders, _ = lab
        out = root / "out"
        code = main(["report", *map(str, folders), "-o", str(out / "r.html"), "--csv", str(out / "csv"), "--xlsx", str(out / "r.xlsx")])
        assert code == 0
        printed = capsys.readouterr().out
        assert f"Excel: {out / 'r.xlsx'}" in printed
        assert sorted(path.name for path in (out / "csv").iterdir()) == ["check_items.csv", "checks.csv", "decisions.csv", "trainees.csv"]
        assert (out / "r.xlsx").read_bytes()[:2] == b"PK"

    def test_an_xlsx_name_must_end_in_xlsx(self, lab, capsys):
        root, folders, _ = lab
        assert main(["report", *map(str, folders), "-o", str(root / "r.html"), "--xlsx", str(root / "r.xls")]) == 2
        assert ".xlsx" in capsys.readouterr().err

    def test_times_are_in_the_pcs_local_zone_and_the_zone_is_named(self, lab):
        root, folders, _ = lab
        environment = dict(os.environ, TZ="Asia/Phnom_Penh")
        subprocess.run([sys.executable, "main.py", "report", *map(str, folders), "-o", str(root / "tz.html")],
                       cwd=REPO, env=environment, check=True, capture_output=True)  # fmt: skip
        page = (root / "tz.html").read_text(encoding="utf-8")
        assert "times in UTC+07:00" in page and "2025-03-10 16:00" in page  # the rounds started at 09:00 UTC

    def test_a_folder_with_only_bad_files_exits_1_and_lists_them(self, tmp_path, capsys):
        write_bad_files(tmp_path / "junk", real_class(trainees=1)[0])
        assert main(["report", str(tmp_path / "junk"), "-o", str(tmp_path / "r.html")]) == 1
        captured = capsys.readouterr()
        assert "No valid result files" in captured.err and "truncated.json" in captured.out
        assert not (tmp_path / "r.html").exists()

    def test_an_empty_folder_exits_1(self, tmp_path, capsys):
        (tmp_path / "empty").mkdir()
        assert main(["report", str(tmp_path / "empty"), "-o", str(tmp_path / "r.html")]) == 1

    @pytest.mark.parametrize("arguments", [["report"], ["report", "no-such-folder"], ["report", ".", "--bogus"]])
    def test_usage_errors_exit_2(self, arguments, capsys, tmp_path, monkeypatch):
        monkeypatch.chdir(tmp_path)
        assert main(arguments) == 2
        assert capsys.readouterr().err

    def test_output_that_is_a_folder_is_a_usage_error(self, lab, capsys):
        root, folders, _ = lab
        assert main(["report", str(folders[0]), "-o", str(root)]) == 2
        assert "that is a folder" in capsys.readouterr().err

    def test_running_again_replaces_the_outputs_with_identical_ones(self, lab, capsys):
        root, folders, _ = lab
        arguments = ["report", *map(str, folders), "-o", str(root / "r.html"), "--xapi", str(root / "x.jsonl")]
        assert main(arguments) == 0
        first = (root / "r.html").read_bytes(), (root / "x.jsonl").read_bytes()
        assert main(arguments) == 0
        assert ((root / "r.html").read_bytes(), (root / "x.jsonl").read_bytes()) == first

    def test_the_real_command_line_works_end_to_end(self, lab):
        root, folders, _ = lab
        result = subprocess.run(
            [sys.executable, "main.py", "report", str(folders[1]), "-o", str(root / "cli.html")],
            cwd=REPO, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert "6 trainees, 6 rounds" in result.stdout and (root / "cli.html").is_file()


class TestProgress:
    def test_progress_lines_for_a_large_folder_when_not_a_terminal(self):
        stream = io.StringIO()
        progress = _Progress(stream)
        for done in range(500, 10_001, 500):
            progress(done, 10_000)
        lines = stream.getvalue().splitlines()
        assert lines[0] == "Reading result files: 500 of 10000" and lines[-1] == "Reading result files: 10000 of 10000"
        assert len(lines) == 11  # the first update, then one a tenth

    def test_a_small_folder_gets_one_final_line(self):
        stream = io.StringIO()
        _Progress(stream)(12, 12)
        assert stream.getvalue() == "Reading result files: 12 of 12\n"


def test_the_report_never_imports_pygame():
    code = (
        "import sys, game.commands.report, game.report.html, game.report.csv, game.report.xapi, "
        "game.report.sample, game.report; game.report.sources.technique_texts(); "
        "print('pygame' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr
