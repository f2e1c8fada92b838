"""Playing a whole round, debriefing it and saving the result never imports pygame."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).parent

SCRIPT = textwrap.dedent(
    """
    import json, sys, uuid
    sys.path.insert(0, {here!r})
    from rules_factory import small_loaded
    from game.rules import new_round
    from game.rules.bots import make_policy, play
    from game.rules.debrief import debrief, render_reading_en
    from game.rules.record import result_record
    from game.rules.state import state_from_dict, state_to_dict
    from game.store.results import read_result, write_result

    loaded = small_loaded()
    state, events = play(new_round(loaded, seed=4, shuffle=True), make_policy("random", 4))
    state = state_from_dict(json.loads(json.dumps(state_to_dict(state))), loaded)
    summary = debrief(state)
    record = result_record(state, result_id=str(uuid.uuid4()), player_id="p1", player_name="Dara",
                           session=None, started_at="2025-01-01T00:00:00Z", finished_at="2025-01-01T00:05:00Z")
    path = write_result({folder!r}, record)
    assert read_result(path) == record
    print(json.dumps({{"pygame": sorted(m for m in sys.modules if m.split(".")[0] == "pygame"),
                      "reading": render_reading_en(summary.reading), "file": str(path)}}))
    """
)


def test_whole_round_to_result_file_imports_no_pygame(tmp_path):
    script = SCRIPT.format(here=str(HERE), folder=str(tmp_path / "results"))
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=HERE.parent.parent
    )
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout.strip().splitlines()[-1])
    assert report["pygame"] == []
    assert report["reading"] and Path(report["file"]).is_file()
