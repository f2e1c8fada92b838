"""`python main.py history [--learner NAME] [--json] [--data-dir DIR]`: list the rounds in the learner history.

Reads `<data dir>/history.sqlite3` (never creates it). With `--json`, prints a JSON list with one
object per attempt: `id`, `date`, `learner`, `scenario`, `scenario_title`, `language`, `mode`, `kind`,
`status` (finished | unfinished), `counted` (false for a round ended early: its figures count
nowhere), `decisions` (count), `score`, `max_score`, `d_prime`, `criterion`, `session`, `started_at`,
`finished_at`. The table shows a round ended early as status "ended early". Discarded attempts are not listed. No pygame.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

NAME = "history"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(NAME, help="List the rounds recorded in the learner history.")
    parser.add_argument("--learner", metavar="NAME", help="Only this learner's rounds (name, any case).")
    parser.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
    parser.add_argument("--data-dir", metavar="DIR", help="Data folder (default: FEEDWISE_HOME or the user data folder).")


def attempt_json(attempt: Any) -> dict[str, Any]:
    """The `history --json` form of one attempt."""
    return {
        "id": attempt.id,
        "date": attempt.started_at[:10],
        "learner": attempt.learner_name,
        "learner_id": attempt.learner_id,
        "scenario": attempt.scenario_id,
        "scenario_title": attempt.scenario_title,
        "language": attempt.language,
        "mode": attempt.mode,
        "kind": attempt.kind,
        "status": attempt.status,
        "counted": attempt.counted,
        "decisions": attempt.decisions,
        "score": attempt.score,
        "max_score": attempt.max_score,
        "d_prime": attempt.d_prime,
        "criterion": attempt.criterion,
        "session": attempt.session,
        "started_at": attempt.started_at,
        "finished_at": attempt.finished_at,
    }


def _table(rows: list[dict[str, Any]]) -> str:
    headers = ["date", "learner", "scenario", "mode", "status", "decisions", "score", "d'"]
    lines = [headers]
    for row in rows:
        score = "-" if row["score"] is None else f"{row['score']}/{row['max_score']}"
        d_prime = "-" if row["d_prime"] is None else f"{row['d_prime']:.2f}"
        status = row["status"] if row["counted"] else "ended early"
        lines.append([row["date"], row["learner"], row["scenario"], row["mode"], status, str(row["decisions"]), score, d_prime])
    widths = [max(len(line[i]) for line in lines) for i in range(len(headers))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() for line in lines)


def run(args: argparse.Namespace) -> int:
    # Imported when the command runs, not at start-up: the CLI loads every command's parser.
    from game.store.history import History, HistoryError, history_path

    try:
        if not history_path(args.data_dir).exists():
            if args.learner:
                print(f"feedwise history: no learner called {args.learner!r} (no history yet in {history_path(args.data_dir).parent}).", file=sys.stderr)
                return 1
            rows: list[dict[str, Any]] = []
        else:
            with History.open_read_only(args.data_dir) as history:
                learner = None
                if args.learner:
                    learner = history.find_learner(args.learner)
                    if learner is None:
                        known = ", ".join(found.name for found in history.list_learners()) or "none yet"
                        print(f"feedwise history: no learner called {args.learner!r} (learners: {known}).", file=sys.stderr)
                        return 1
                rows = [attempt_json(attempt) for attempt in history.attempts(learner)]
    except HistoryError as error:
        print(f"feedwise history: {error}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif rows:
        print(_table(rows))
    else:
        print("No rounds recorded yet.")
    return 0
