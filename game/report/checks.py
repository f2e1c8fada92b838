"""The pre/post quick check in the class report: the hook for the pre/post issue (issue 9).

Records may carry `checks: {pre: {form, V, r, f, d, n, d_prime, criterion}, post: {...}}`.
`CheckCollector` takes records one at a time (so the report can stream) and gives the summary, the
trainees with only one phase, and per-item counts; `summarize_checks(records)` pairs each trainee's earliest `pre` with their latest `post` and returns
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


@dataclass(frozen=True)
class SinglePhase:
    """A trainee with only one of the two checks (listed, never paired)."""

    player_id: str
    name: str
    phase: str  # "pre" or "post": the one they took
    form: str
    d_prime: float


@dataclass(frozen=True)
class ItemStat:
    """One check item over the class: how often it was answered, got wrong, or answered "not sure"."""

    form: str
    item: str
    verdict: str
    answers: int
    wrong: int
    not_sure: int

    @property
    def wrong_rate(self) -> float:
        return self.wrong / self.answers if self.answers else 0.0


class CheckCollector:
    """Collects the checks of records one at a time: each trainee's earliest pre and latest post, and item counts."""

    def __init__(self) -> None:
        self.first_pre: dict[str, tuple[str, dict]] = {}
        self.last_post: dict[str, tuple[str, dict]] = {}
        self.names: dict[str, str] = {}
        self.items: dict[tuple[str, str], list] = {}  # (form, item) -> [verdict, answers, wrong, not sure]

    def add(self, record: dict) -> None:
        checks = record.get("checks")
        if not isinstance(checks, dict):
            return
        player_id = record["player"]["id"]
        self.names[player_id] = str(record["player"].get("name") or "")
        moment = record["started_at"]
        pre, post = checks.get("pre"), checks.get("post")
        if _usable(pre) and (player_id not in self.first_pre or moment < self.first_pre[player_id][0]):
            self.first_pre[player_id] = (moment, pre)
        if _usable(post) and (player_id not in self.last_post or moment >= self.last_post[player_id][0]):
            self.last_post[player_id] = (moment, post)
        for entry in (pre, post):
            if isinstance(entry, dict):
                self._add_items(entry)

    def _add_items(self, entry: dict) -> None:
        form = str(entry.get("form") or "")
        for answer in entry.get("answers") or ():
            if answer.get("answer") is None:  # not reached: not an answer
                continue
            counts = self.items.setdefault((form, answer["item"]), [str(answer.get("verdict") or ""), 0, 0, 0])
            counts[1] += 1
            counts[2] += not answer["correct"]
            counts[3] += answer["answer"] == "not-sure"

    def summary(self) -> PrePostSummary | None:
        return _summary(self.first_pre, self.last_post, self.names)

    def singles(self) -> tuple[SinglePhase, ...]:
        """Trainees who took only the pre or only the post check, by name."""
        rows = []
        for phase, found, other in (("pre", self.first_pre, self.last_post), ("post", self.last_post, self.first_pre)):
            for player_id, (_, entry) in found.items():
                if player_id not in other:
                    rows.append(SinglePhase(player_id, self.names[player_id], phase, str(entry.get("form") or ""), float(entry["d_prime"])))
        return tuple(sorted(rows, key=lambda row: (row.name.casefold(), row.player_id)))

    def item_stats(self) -> tuple[ItemStat, ...]:
        """Every item answered, most often wrong first."""
        stats = [ItemStat(form, item, verdict, answers, wrong, not_sure) for (form, item), (verdict, answers, wrong, not_sure) in self.items.items()]
        stats.sort(key=lambda stat: (-stat.wrong_rate, -stat.wrong, stat.form, stat.item))
        return tuple(stats)


def _pair(player_id: str, name: str, pre: dict, post: dict) -> CheckPair:
    return CheckPair(
        player_id=player_id,
        name=name,
        pre_form=str(pre.get("form") or ""),
        post_form=str(post.get("form") or ""),
        pre_d_prime=float(pre["d_prime"]),
        post_d_prime=float(post["d_prime"]),
        pre_criterion=float(pre["criterion"]),
        post_criterion=float(post["criterion"]),
        pre_correct=_count(pre, "V"),
        post_correct=_count(post, "V"),
        pre_items=_count(pre, "items"),
        post_items=_count(post, "items"),
    )


def _summary(first_pre: dict, last_post: dict, names: dict) -> PrePostSummary | None:
    both = sorted(first_pre.keys() & last_post.keys(), key=lambda pid: (names[pid].casefold(), pid))
    pairs = tuple(_pair(pid, names[pid], first_pre[pid][1], last_post[pid][1]) for pid in both)
    if not pairs:
        return None
    return PrePostSummary(
        pairs=pairs,
        d_prime_change=mean_change([pair.post_d_prime - pair.pre_d_prime for pair in pairs]),
        criterion_change=mean_change([pair.post_criterion - pair.pre_criterion for pair in pairs]),
    )


def summarize_checks(records: Sequence[dict]) -> PrePostSummary | None:
    """Pre → post per trainee and the class's mean change, or None when no trainee has both checks."""
    collector = CheckCollector()
    for record in records:
        collector.add(record)
    return collector.summary()
