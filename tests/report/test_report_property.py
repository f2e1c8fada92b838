"""Property: 10,000 mutated result records through the whole report (reading, figures, HTML, CSV, xAPI, Excel).

A seeded mutator damages realistic records the way files get damaged or hand-edited: deep nesting,
huge integers, wrong types, NaN and infinity, bad dates, missing keys, very long text. Whatever
happens, no exception escapes, every refused record has a reason naming the key, every accepted
record is one the results module accepts too, and the outputs count exactly the accepted ones.
A smaller folder of such files goes through the real command line.
"""

from __future__ import annotations

import copy
import csv
import json
import random
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from game.report.aggregate import ReportBuilder
from game.report.csv import CsvExport
from game.report.html import render_html
from game.report.reading import NotAResult, parse_result
from game.report.sample import FULL_SCENARIOS, full_record
from game.report.xapi import XapiFile
from game.report.xlsx import XlsxExport
from game.store.results import check_record

MUTATED = 10_000
ROOT = Path(__file__).resolve().parents[2]
HUGE, DEEP = "__huge_integer__", "__deep_nesting__"
ODD_VALUES = (None, True, False, 0, -1, 2**63, 1e308, -1e308, "", "x" * 20_000, "not a date", "2025-13-45T99:00:00Z",
              [], [1, 2], {}, {"a": 1}, float("nan"), float("inf"), float("-inf"), HUGE, DEEP, "ឈ្មោះ", "=cmd|' /C calc'!A0")  # fmt: skip


def _paths(value, prefix=()):
    """Every (path) inside a record: the places a mutation can hit."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, prefix + (index,))


def mutate(record: dict, rng: random.Random) -> bytes:
    """A damaged copy of the record as file bytes (one to three mutations)."""
    record = copy.deepcopy(record)
    for _ in range(rng.choice((1, 1, 2, 3))):
        places = [path for path in _paths(record) if path]
        path = rng.choice(places)
        parent = record
        for key in path[:-1]:
            parent = parent[key]
        action = rng.random()
        if action < 0.15 and isinstance(parent, dict):
            del parent[path[-1]]
        elif action < 0.25 and isinstance(parent[path[-1]], (int, float)) and not isinstance(parent[path[-1]], bool):
            parent[path[-1]] = parent[path[-1]] * rng.choice((-1, 10**6, 0.5))
        else:
            parent[path[-1]] = copy.deepcopy(rng.choice(ODD_VALUES))
    text = json.dumps(record, ensure_ascii=False, allow_nan=True)
    text = text.replace(f'"{HUGE}"', "7" * 5000).replace(f'"{DEEP}"', "[" * 50_000 + "]" * 50_000)
    return text.encode("utf-8")


def _bases() -> list[dict]:
    rng = random.Random(14)
    return [full_record(rng, scenario=FULL_SCENARIOS[n % 4], with_check=("pre", "post", None)[n % 3], session="LAB-1") for n in range(30)]


def test_ten_thousand_mutated_records_through_every_output(tmp_path):
    rng = random.Random(20251204)
    bases = _bases()
    builder = ReportBuilder()
    csv_export, xapi, xlsx = CsvExport(tmp_path / "csv"), XapiFile(tmp_path / "x.jsonl"), XlsxExport(tmp_path / "r.xlsx")
    accepted, refused, decisions = 0, 0, 0
    for number in range(MUTATED):
        data = mutate(bases[number % len(bases)], rng)
        try:
            record = parse_result(data)
        except NotAResult as problem:
            refused += 1
            assert problem.kind in {"damaged", "foreign", "version", "corrupted"} and problem.reason
            continue
        assert check_record(record) == []
        record["result_id"] = f"{record['result_id']}-{number}"  # mutants of one base are different rounds here
        accepted += 1
        decisions += len(record["decisions"])
        for sink in (builder, csv_export, xapi, xlsx):
            sink.add(record)
    report = builder.finish()
    page = render_html(report, files_seen=MUTATED)
    csv_export.finish(report.trainees)
    xapi.finish()
    xlsx.finish(report, files_seen=MUTATED, skipped=refused)

    assert accepted + refused == MUTATED and accepted > 1000 and refused > 3000
    assert report.overview.rounds + report.overview.unfinished_rounds == accepted
    assert "nan" not in page.replace("nano", "") and "inf" not in page.replace("info", "").replace("infor", "")
    with open(tmp_path / "csv" / "decisions.csv", encoding="utf-8-sig", newline="") as handle:
        assert sum(1 for _ in csv.reader(handle)) - 1 == decisions
    book = openpyxl.load_workbook(tmp_path / "r.xlsx", read_only=True)
    assert book["Decisions"].max_row - 1 == decisions
    assert all(json.loads(line)["id"] for line in (tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines())


def test_a_folder_of_mutated_files_through_the_command(tmp_path):
    rng = random.Random(7)
    bases = _bases()
    folder = tmp_path / "results"
    folder.mkdir()
    good_ids = []
    for number in range(300):
        record = dict(bases[number % len(bases)], result_id=f"round-{number:03d}")
        if number < len(bases):
            good_ids.append(record["result_id"])
            data = json.dumps(record, ensure_ascii=False).encode()
        else:
            data = mutate(record, rng)
        (folder / f"r{number:03d}.json").write_bytes(data)
    out = tmp_path / "out"
    finished = subprocess.run(
        [sys.executable, "main.py", "report", str(folder), "-o", str(out / "r.html"), "--csv", str(out / "csv"),
         "--xapi", str(out / "x.jsonl"), "--xlsx", str(out / "r.xlsx")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert finished.returncode == 0, finished.stderr
    assert "Traceback" not in finished.stderr + finished.stdout
    listed = [line for line in finished.stdout.splitlines() if line.startswith(f"  {folder}")]
    assert listed and all(line.split(".json: ", 1)[1].strip() for line in listed)  # each bad file with its reason
    rounds = int(finished.stdout.split(" rounds", 1)[0].rsplit(", ", 1)[1])
    assert rounds == 300 - len(listed)  # every file is either reported or listed
    with open(out / "csv" / "decisions.csv", encoding="utf-8-sig", newline="") as handle:
        reported = {row["result_id"] for row in csv.DictReader(handle)}
    assert set(good_ids) <= reported
    assert (out / "r.xlsx").is_file() and (out / "csv" / "check_items.csv").is_file()
