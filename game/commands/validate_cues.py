"""`python main.py validate --cues PATH...`: the cue-balance check, printed as tables or as JSON.

Loads every scenario and quick-check file under PATH (files that do not load are reported as errors
and left out), runs `game.scenario.cue_balance.check` and prints, per language and pool, a table of
AUC per cue (one column per scenario or form, then the pooled library), the held-out model AUC, and
a `warning:` line for each imbalance. Exit codes as `validate`: 1 with any error, or with --strict
and any warning. See docs/scenario-format.md, "Cue balance". Never imports pygame.
"""

from __future__ import annotations

import argparse
import json

from game.scenario.cue_balance import AUC_BOUNDS, LIBRARY, MIN_ITEMS, MODEL_LIMIT, CueReport, check, items_from_quiz, items_from_scenario
from game.scenario.cues import CUES
from game.scenario.errors import Problem
from game.scenario.loader import check_file
from game.scenario.quiz_loader import check_quiz_file, is_quiz_file


def load_items(files: list[str]) -> tuple[list, list[Problem]]:
    """Cue items of every file that loads, and the errors of those that do not."""
    items, problems = [], []
    for file in files:
        if is_quiz_file(file):
            loaded, found = check_quiz_file(file, compare_siblings=False)
            extract = items_from_quiz
        else:
            loaded, found = check_file(file, decode_images=False)
            extract = items_from_scenario
        if loaded is None:
            problems.extend(problem for problem in found if problem.is_error)
        else:
            items.extend(extract(loaded))
    return items, problems


def _figure(value) -> str:
    return "  -  " if value is None else f"{value:.2f}"


def _mark(value, checked: bool) -> str:
    low, high = AUC_BOUNDS
    flagged = checked and value is not None and not low <= value <= high
    return _figure(value) + ("*" if flagged else " ")


def table_lines(report: CueReport) -> list[str]:
    """One table per language and pool: a row per cue, a column per group and one for the pooled library."""
    lines = []
    for pool in report.pools:
        scopes = pool.groups + (pool.library,)
        lines.append(f"cue balance, {pool.language}, {pool.pool}: AUC of misleading vs reliable (0.50 = no information; "
                     f"* outside {AUC_BOUNDS[0]:.2f}-{AUC_BOUNDS[1]:.2f})")
        widths = [max(len(scope.group) + (1 if not scope.checked else 0), 6) for scope in scopes]
        header = [scope.group + ("" if scope.checked else "°") for scope in scopes]
        label_width = max(len(cue.label) for cue in CUES)
        lines.append("  " + "cue".ljust(label_width) + "  " + "  ".join(h.rjust(w) for h, w in zip(header, widths)))
        counts = [f"{scope.misleading}/{scope.reliable}" for scope in scopes]
        lines.append("  " + "misleading/reliable".ljust(label_width) + "  " + "  ".join(c.rjust(w) for c, w in zip(counts, widths)))
        for cue in CUES:
            if all(scope.aucs[cue.id] is None for scope in scopes):
                continue  # a cue these items cannot show (a check item has no followers)
            values = [_mark(scope.aucs[cue.id], scope.checked) for scope in scopes]
            lines.append("  " + cue.label.ljust(label_width) + "  " + "  ".join(v.rjust(w) for v, w in zip(values, widths)))
        model = _figure(pool.model_auc)
        lines.append(f"  all cues together, held out one {('scenario' if pool.pool == 'scenarios' else 'form')} at a time: "
                     f"AUC {model} (limit {MODEL_LIMIT:.2f})")
        if any(not scope.checked for scope in scopes):
            lines.append(f"  ° fewer than {MIN_ITEMS} items: information only, no warnings")
        lines.append("")
    return lines


def warning_line(warning) -> str:
    where = warning.file if warning.scope != LIBRARY else f"{warning.pool} library ({warning.language})"
    return f"{where}: warning: cue balance ({warning.language}, {warning.scope}): {warning.message}"


def as_json(report: CueReport, problems: list[Problem]) -> dict:
    def scope(s):
        return {"group": s.group, "file": s.file, "items": s.items, "misleading": s.misleading, "reliable": s.reliable,
                "checked": s.checked, "auc": dict(s.aucs)}

    return {
        "bounds": list(AUC_BOUNDS),
        "model_limit": MODEL_LIMIT,
        "min_items": MIN_ITEMS,
        "cues": [{"id": cue.id, "label": cue.label, "family": cue.family} for cue in CUES],
        "pools": [
            {"language": p.language, "pool": p.pool, "groups": [scope(s) for s in p.groups], "library": scope(p.library),
             "model": {"auc": p.model_auc, "cues": list(p.model_cues), "limit": MODEL_LIMIT}}
            for p in report.pools
        ],
        "warnings": [{"language": w.language, "pool": w.pool, "scope": w.scope, "file": w.file, "cue": w.cue,
                      "auc": w.auc, "leans": w.leans, "message": w.message} for w in report.warnings],
        "problems": [problem.as_dict() for problem in problems],
    }


def run(files: list[str], problems: list[Problem], args: argparse.Namespace) -> int:
    items, load_problems = load_items(files)
    problems = problems + load_problems
    report = check(items)
    if args.json:
        print(json.dumps(as_json(report, problems), indent=2, ensure_ascii=False))
    else:
        for problem in problems:
            print(problem.format())
        for line in table_lines(report):
            print(line)
        for warning in report.warnings:
            print(warning_line(warning))
        errors = sum(1 for problem in problems if problem.is_error)
        print(f"cue balance: {len(files)} files, {len(items)} items, {errors} errors, {len(report.warnings)} warnings"
              + (" (--strict: warnings count as errors)" if args.strict and report.warnings else ""))
    errors = any(problem.is_error for problem in problems)
    return 1 if errors or (args.strict and report.warnings) else 0
