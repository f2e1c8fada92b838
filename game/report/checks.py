"""The pre/post quick check in the class report: the hook for the pre/post issue (issue 9).

Records may carry `checks: {pre: {form, V, r, f, d, n, d_prime, criterion}, post: {...}}`.
`summarize_checks(records)` pairs each trainee's earliest `pre` with their latest `post` and returns
a `PrePostSummary` (per-trainee rows and the class's mean change in d′ and criterion, each with a
paired 95% confidence interval), or None when no trainee has both, so the report shows no
pre/post section at all. The quiz itself, its scoring and the wording belong to issue 9.

Pure: no file I/O, no clock reads.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist, fmean, stdev

# Two-sided 95% quantiles of Student's t for 1..30 degrees of freedom; beyond 30, `_t_series` (error < 1e-5).
_T_975 = (
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
)  # fmt: skip


@dataclass(frozen=True)
class CheckPair:
    player_id: str
    name: str
    pre_form: str
    post_form: str
    pre_d_prime: float
    post_d_prime: float
    pre_criterion: float
    post_criterion: float
    # MIST's V (items right) and the form length, when the check entries carry them (issue 9).
    pre_correct: int | None = None
    post_correct: int | None = None
    pre_items: int | None = None
    post_items: int | None = None


@dataclass(frozen=True)
class MeanChange:
    mean: float
    low: float | None  # 95% confidence interval (paired t); None with fewer than two trainees
    high: float | None


@dataclass(frozen=True)
class PrePostSummary:
    pairs: tuple[CheckPair, ...]
    d_prime_change: MeanChange
    criterion_change: MeanChange


def _t_series(probability: float, degrees_of_freedom: int) -> float:
    """Student's t quantile by the Cornish-Fisher expansion (Abramowitz & Stegun 26.7.5); good for df > 30."""
    z = NormalDist().inv_cdf(probability)
    v = float(degrees_of_freedom)
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
    return z + g1 / v + g2 / v**2 + g3 / v**3 + g4 / v**4


def t_quantile_975(degrees_of_freedom: int) -> float:
    if degrees_of_freedom < 1:
        raise ValueError("at least one degree of freedom is needed")
    return _T_975[degrees_of_freedom - 1] if degrees_of_freedom <= len(_T_975) else _t_series(0.975, degrees_of_freedom)


def mean_change(differences: Sequence[float]) -> MeanChange:
    """Mean of paired differences with its 95% confidence interval (Student's t)."""
    mean = fmean(differences)
    if len(differences) < 2:
        return MeanChange(mean, None, None)
    half_width = t_quantile_975(len(differences) - 1) * stdev(differences) / math.sqrt(len(differences))
    return MeanChange(mean, mean - half_width, mean + half_width)


def _count(check: dict, key: str) -> int | None:
    value = check.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _usable(check: object) -> bool:
    return isinstance(check, dict) and all(
        isinstance(check.get(key), (int, float)) and not isinstance(check.get(key), bool) for key in ("d_prime", "criterion")
    )


def summarize_checks(records: Sequence[dict]) -> PrePostSummary | None:
    """Pre → post per trainee and the class's mean change, or None when no trainee has both checks."""
    first_pre: dict[str, tuple[str, dict]] = {}
    last_post: dict[str, tuple[str, dict]] = {}
    names: dict[str, str] = {}
    for record in records:
        checks = record.get("checks")
        if not isinstance(checks, dict):
            continue
        player_id = record["player"]["id"]
        names[player_id] = str(record["player"].get("name") or "")
        moment = record["started_at"]
        if _usable(checks.get("pre")) and (player_id not in first_pre or moment < first_pre[player_id][0]):
            first_pre[player_id] = (moment, checks["pre"])
        if _usable(checks.get("post")) and (player_id not in last_post or moment >= last_post[player_id][0]):
            last_post[player_id] = (moment, checks["post"])
    pairs = tuple(
        CheckPair(
            player_id=player_id,
            name=names[player_id],
            pre_form=str(first_pre[player_id][1].get("form") or ""),
            post_form=str(last_post[player_id][1].get("form") or ""),
            pre_d_prime=float(first_pre[player_id][1]["d_prime"]),
            post_d_prime=float(last_post[player_id][1]["d_prime"]),
            pre_criterion=float(first_pre[player_id][1]["criterion"]),
            post_criterion=float(last_post[player_id][1]["criterion"]),
            pre_correct=_count(first_pre[player_id][1], "V"),
            post_correct=_count(last_post[player_id][1], "V"),
            pre_items=_count(first_pre[player_id][1], "items"),
            post_items=_count(last_post[player_id][1], "items"),
        )
        for player_id in sorted(first_pre.keys() & last_post.keys(), key=lambda pid: (names[pid].casefold(), pid))
    )
    if not pairs:
        return None
    return PrePostSummary(
        pairs=pairs,
        d_prime_change=mean_change([pair.post_d_prime - pair.pre_d_prime for pair in pairs]),
        criterion_change=mean_change([pair.post_criterion - pair.pre_criterion for pair in pairs]),
    )
