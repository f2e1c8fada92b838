"""Benchmark: the facilitator's report over 10,000 result files (issue 8; goal <= 5 s).

Generates realistic records (`game.report.sample`) as result files in a temporary folder,
then times `python main.py report` in-process: reading, checking, aggregating and writing the HTML
(`report_10000_files_s`), and the same with the CSV and xAPI exports too
(`report_10000_files_all_outputs_s`). Generating the files is not timed.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.cli import main  # noqa: E402
from game.report.sample import sample_record  # noqa: E402

FILES = 10_000


def generate_results(folder: Path, count: int = FILES, seed: int = 8) -> None:
    """`count` result files in `folder`, written the way `write_result` writes them (indented JSON)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        session = f"LAB-{number % 25 + 1}"
        record = sample_record(rng, session=session, player_id=f"{session}-{number // 25:04d}")
        name = f"{session}_{record['player']['id']}_{record['result_id']}.json"
        (folder / name).write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _time_report(arguments: list[str]) -> float:
    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = main(["report", *arguments])
    elapsed = time.perf_counter() - started
    if code != 0:
        raise RuntimeError(f"report exited with {code}")
    return elapsed


def run() -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="feedwise-bench-report-") as temp:
        root = Path(temp)
        results = root / "results"
        generate_results(results)
        html_only = _time_report([str(results), "-o", str(root / "report.html")])
        all_outputs = _time_report(
            [str(results), "-o", str(root / "report.html"), "--csv", str(root / "csv"), "--xapi", str(root / "x.jsonl")]
        )
        report_bytes = os.path.getsize(root / "report.html")
    return {
        "report_10000_files_s": round(html_only, 3),
        "report_10000_files_all_outputs_s": round(all_outputs, 3),
        "report_10000_files_html_mb": round(report_bytes / 1e6, 2),
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
