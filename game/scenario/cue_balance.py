"""The cue-balance check: does any surface cue, alone or with the others, give the verdict away?

Items (`CueItem`) come from scenarios (`items_from_scenario`) and quick-check forms
(`items_from_quiz`); a future item kind (a chat) only needs its own `items_from_...` built on
`game.scenario.cues.extract`. `check(items)` groups them by language and pool ("scenarios" or
"checks"), then for each pool:
- per cue, the AUC of misleading vs reliable items in each group (a scenario or a form) and pooled;
  a group of fewer than MIN_ITEMS items gets its figures as information only;
- a leave-one-group-out logistic regression over all cues together (`game.scenario.cue_model`).
It warns for any checked AUC outside AUC_BOUNDS and for a held-out model AUC above MODEL_LIMIT.
Pure: no pygame, no clock, no file access.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Optional, Sequence

from game.scenario.cue_model import auc, held_out_auc
from game.scenario.cues import CUE_BY_ID, CUE_IDS, CUES, check_item_cues, post_cues

AUC_BOUNDS = (0.30, 0.70)
MODEL_LIMIT = 0.65
MIN_ITEMS = 10
POOLS = ("scenarios", "checks")
LIBRARY = "library"


@dataclass(frozen=True)
class CueItem:
    """One judged item: which group (scenario or form) it belongs to, its verdict and its cue values."""

    id: str
    group: str
    file: str
    language: str
    pool: str
    misleading: bool
    cues: dict


@dataclass(frozen=True)
class Scope:
    """AUC per cue over one group, or over the whole pool (`group == LIBRARY`). `checked`: warnings apply."""

    group: str
    file: str
    items: int
    misleading: int
    reliable: int
    checked: bool
    aucs: dict  # cue id -> AUC or None (no items of one kind show the cue)


@dataclass(frozen=True)
class CueWarning:
    language: str
    pool: str
    scope: str
    file: str
    cue: str  # a cue id, or "model"
    auc: float
    leans: str  # "misleading" or "reliable"
    message: str


@dataclass(frozen=True)
class PoolReport:
    language: str
    pool: str
    groups: tuple[Scope, ...]
    library: Scope
    model_auc: Optional[float]
    model_cues: tuple[str, ...]


@dataclass(frozen=True)
class CueReport:
    pools: tuple[PoolReport, ...]
    warnings: tuple[CueWarning, ...] = field(default=())


def items_from_scenario(loaded) -> list[CueItem]:
    """The posts of a `LoadedScenario` as cue items (one group: the scenario)."""
    scenario = loaded.scenario
    accounts = {account.id: account for account in scenario.accounts}
    return [
        CueItem(post.id, scenario.id, loaded.path, scenario.language.value, "scenarios", post.verdict.is_misinformation,
                post_cues(post, accounts[post.author]))
        for post in scenario.posts
    ]


def items_from_quiz(loaded) -> list[CueItem]:
    """The items of a `LoadedQuiz` (one quick-check form) as cue items (one group: the form)."""
    quiz = loaded.quiz
    return [
        CueItem(item.id, quiz.id, loaded.path, quiz.language.value, "checks", item.verdict.is_fake, check_item_cues(item))
        for item in quiz.items
    ]


def _scope(group: str, file: str, items: Sequence[CueItem], checked: bool) -> Scope:
    aucs = {}
    for cue in CUE_IDS:
        shown = [item for item in items if item.cues.get(cue) is not None]
        aucs[cue] = auc([i.cues[cue] for i in shown if i.misleading], [i.cues[cue] for i in shown if not i.misleading])
    misleading = sum(1 for item in items if item.misleading)
    return Scope(group, file, len(items), misleading, len(items) - misleading, checked, aucs)


def _model_rows(items: Sequence[CueItem]) -> tuple[tuple[str, ...], list[list[Optional[float]]]]:
    """The cues any item shows, and each item's values (log(1 + x) for heavy-tailed counts)."""
    cues = tuple(cue for cue in CUE_IDS if any(item.cues.get(cue) is not None for item in items))
    rows = []
    for item in items:
        row = []
        for cue in cues:
            value = item.cues.get(cue)
            row.append(None if value is None else math.log1p(value) if CUE_BY_ID[cue].log_scale else value)
        rows.append(row)
    return cues, rows


def pool_report(language: str, pool: str, items: Sequence[CueItem]) -> PoolReport:
    names = sorted({item.group for item in items})
    groups = []
    for name in names:
        members = [item for item in items if item.group == name]
        groups.append(_scope(name, members[0].file, members, len(members) >= MIN_ITEMS))
    library = _scope(LIBRARY, "", items, len(items) >= MIN_ITEMS)
    cues, rows = _model_rows(items)
    model = held_out_auc(rows, [int(item.misleading) for item in items], [item.group for item in items]) if cues else None
    return PoolReport(language, pool, tuple(groups), library, model, cues)


def _noun(pool: str) -> str:
    return "posts" if pool == "scenarios" else "items"


def cue_advice(cue_id: str, value: float, pool: str = "scenarios") -> tuple[str, str]:
    """(which way the cue leans, a plain message saying what to add) for an AUC outside the bounds."""
    cue, noun = CUE_BY_ID[cue_id], _noun(pool)
    if value > 0.5:
        return "misleading", (
            f"{cue.label} leans misleading (AUC {value:.2f}): {noun} {cue.high} are mostly misleading, "
            f"so a trainee can judge by it alone. Add reliable {noun} {cue.high}, such as {cue.reliable_high}, "
            f"or misleading {noun} {cue.low}, such as {cue.misleading_low}."
        )
    return "reliable", (
        f"{cue.label} leans reliable (AUC {value:.2f}): {noun} {cue.high} are mostly reliable, "
        f"so a trainee can judge by it alone. Add misleading {noun} {cue.high}, such as {cue.misleading_high}, "
        f"or reliable {noun} {cue.low}, such as {cue.reliable_low}."
    )


def _scope_warnings(report: PoolReport, scope: Scope) -> list[CueWarning]:
    warnings = []
    if not scope.checked:
        return warnings
    low, high = AUC_BOUNDS
    for cue in CUE_IDS:
        value = scope.aucs[cue]
        if value is not None and not low <= value <= high:
            leans, message = cue_advice(cue, value, report.pool)
            warnings.append(CueWarning(report.language, report.pool, scope.group, scope.file, cue, value, leans, message))
    return warnings


def _model_warning(report: PoolReport) -> list[CueWarning]:
    if report.model_auc is None or report.model_auc <= MODEL_LIMIT:
        return []
    noun = _noun(report.pool)
    message = (
        f"all cues together give the verdict away: a model trained on every group but one predicts the one left out "
        f"with AUC {report.model_auc:.2f} (limit {MODEL_LIMIT:.2f}). Even if each cue looks balanced, their mix does not: "
        f"add misleading {noun} that look trustworthy and reliable {noun} that look loud or humble."
    )
    return [CueWarning(report.language, report.pool, LIBRARY, "", "model", report.model_auc, "misleading", message)]


def check(items: Sequence[CueItem]) -> CueReport:
    """The cue-balance report for these items, per language and pool, with every warning."""
    pools, warnings = [], []
    for language in sorted({item.language for item in items}):
        for pool in POOLS:
            members = [item for item in items if item.language == language and item.pool == pool]
            if not members:
                continue
            report = pool_report(language, pool, members)
            pools.append(report)
            single = len(report.groups) == 1  # the library is that one group: do not say everything twice
            for scope in report.groups + (() if single else (report.library,)):
                warnings.extend(_scope_warnings(report, scope))
            warnings.extend(_model_warning(report))
    return CueReport(tuple(pools), tuple(warnings))


__all__ = ["AUC_BOUNDS", "CUES", "CueItem", "CueReport", "MIN_ITEMS", "MODEL_LIMIT", "check", "cue_advice",
           "items_from_quiz", "items_from_scenario", "pool_report"]
