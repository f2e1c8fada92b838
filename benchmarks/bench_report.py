"""Benchmark: the facilitator's report over 50,000 realistic result files (issue 14).

Generates records with every key the game writes (`game.report.sample.full_record`: 14-16
decisions each, one scenario with a Khmer translation, a pre or post check on some) as indented
result files in a temporary folder; generating them is not timed. Then, each in a child process
whose own peak RSS is measured (`os.wait4`):

- the floor: `json.loads(path.read_bytes())` over every file and nothing more;
- `python main.py report` with HTML + CSV + xAPI (`report_full_50k_*`);
- `python main.py report` with the XLSX alone (`report_xlsx_50k_*`; HTML is always written).

Keys (pinned): `report_full_50k_ratio` (full report seconds / floor seconds, goal <= 2.5),
`report_full_50k_rss_mb` (goal <= 400), `report_xlsx_50k_s` (goal <= 60 s, same memory bound);
with siblings `<key>_floor` (the floor's figure measured in the same run), `_goal`, and the raw seconds.
`FEEDWISE_BENCH_REPORT_FILES` sets another number of files (for a quick look).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.report.sample import FULL_SCENARIOS, full_record  # noqa: E402

FILES = int(os.environ.get("FEEDWISE_BENCH_REPORT_FILES", "50000"))
GOALS = {"report_full_50k_ratio": 2.5, "report_full_50k_rss_mb": 400.0, "report_xlsx_50k_s": 60.0}
FLOOR_SCRIPT = """
import json, os, sys
for folder, _dirs, names in os.walk(sys.argv[1]):
    for name in names:
        with open(os.path.join(folder, name), "rb") as handle:
            json.loads(handle.read())
"""


def generate_results(folder: Path, count: int = FILES, seed: int = 14) -> None:
    """`count` result files in `folder`, written the way `write_result` writes them (indented JSON)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        session = f"LAB-{number % 25 + 1}"
        player = f"{session}-{number // 25 % 400:04d}"
        check = ("pre", None, None, "post")[number % 4]
        record = full_record(rng, scenario=FULL_SCENARIOS[number % len(FULL_SCENARIOS)], session=session, player_id=player,
                             with_check=check)  # fmt: skip
        name = f"{session}_{player}_{record['result_id']}.json"
        (folder / name).write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def run_child(arguments: list[str]) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one child process, which must succeed."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, *arguments], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    error = child.stderr.read().decode("utf-8", "replace") if child.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(arguments[:3])} failed: {error[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is in kB on Linux


def run() -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="feedwise-bench-report-") as temp:
        root = Path(temp)
        results = root / "results"
        generate_results(results)
        run_child(["-c", FLOOR_SCRIPT, str(results)])  # once to warm the file cache, as every run below finds it
        floor_s, floor_mb = run_child(["-c", FLOOR_SCRIPT, str(results)])
        full_s, full_mb = run_child(["main.py", "report", str(results), "-o", str(root / "report.html"),
                                     "--csv", str(root / "csv"), "--xapi", str(root / "x.jsonl")])  # fmt: skip
        xlsx_s, xlsx_mb = run_child(["main.py", "report", str(results), "-o", str(root / "r2.html"), "--xlsx", str(root / "r.xlsx")])
        html_mb = os.path.getsize(root / "report.html") / 1e6
    return {
        "report_full_50k_ratio": round(full_s / floor_s, 2),
        "report_full_50k_ratio_floor": round(floor_s, 2),
        "report_full_50k_ratio_goal": GOALS["report_full_50k_ratio"],
        "report_full_50k_s": round(full_s, 2),
        "report_full_50k_rss_mb": round(full_mb, 1),
        "report_full_50k_rss_mb_floor": round(floor_mb, 1),
        "report_full_50k_rss_mb_goal": GOALS["report_full_50k_rss_mb"],
        "report_xlsx_50k_s": round(xlsx_s, 2),
        "report_xlsx_50k_s_floor": round(floor_s, 2),
        "report_xlsx_50k_s_goal": GOALS["report_xlsx_50k_s"],
        "report_xlsx_50k_rss_mb": round(xlsx_mb, 1),
        "report_50k_html_mb": round(html_mb, 2),
        "report_50k_files": FILES,
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
