"""Several game instances writing into one shared results folder at once, then the report reading it.

Each worker process writes its own results plus the same "shared" results (same result ids, so the
same file names) at the same moment: nothing may be overwritten, every file must be a valid result,
and the report must count each result once.
"""

from __future__ import annotations

import json
import multiprocessing
import random
import time

from game.report.reading import read_results
from game.report.sample import sample_record
from game.store.results import check_record, write_result

WORKERS = 4
OWN_RESULTS = 30
SHARED_RESULTS = 10


def _records(seed: int, count: int) -> list[dict]:
    rng = random.Random(seed)
    # Same session, player and finish time for all: the file names differ only by result id.
    same_times = {"started_at": "2025-03-10T09:50:00Z", "finished_at": "2025-03-10T10:00:00Z"}
    return [sample_record(rng, session="LAB-1", player_id="pc-lab", player_name="Dara") | same_times for _ in range(count)]


def _write_at(folder: str, worker: int, start_at: float) -> list[str]:
    own, shared = _records(1000 + worker, OWN_RESULTS), _records(7, SHARED_RESULTS)
    while time.time() < start_at:
        time.sleep(0.005)
    written = []
    for index, record in enumerate(own):
        written.append(str(write_result(folder, record)))
        if index < SHARED_RESULTS:
            written.append(str(write_result(folder, shared[index])))
    return written


def test_many_processes_writing_one_folder_lose_nothing_and_the_report_counts_each_result_once(tmp_path):
    folder = tmp_path / "shared-results"
    folder.mkdir()
    context = multiprocessing.get_context("spawn")
    start_at = time.time() + 2.0
    with context.Pool(WORKERS) as pool:
        written = pool.starmap(_write_at, [(str(folder), worker, start_at) for worker in range(WORKERS)])

    paths = [path for batch in written for path in batch]
    assert len(paths) == len(set(paths)) == WORKERS * (OWN_RESULTS + SHARED_RESULTS)
    files = sorted(folder.iterdir())
    assert [path.name for path in files if path.name.startswith(".")] == [], "a temporary file was left behind"
    assert len(files) == len(paths)
    for path in files:
        assert check_record(json.loads(path.read_text(encoding="utf-8"))) == []

    results = read_results([folder])
    assert len(results.records) == WORKERS * OWN_RESULTS + SHARED_RESULTS
    assert [item.kind for item in results.skipped] == ["duplicate"] * (WORKERS - 1) * SHARED_RESULTS
