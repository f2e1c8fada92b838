"""AUC and a small logistic regression: can the surface cues, alone or together, give the verdict away?

`auc(misleading, reliable)` is the Mann-Whitney AUC: the chance that a random misleading item has a
higher value than a random reliable one, ties counted half (0.5 = no information).

`held_out_auc(rows, groups)` fits a logistic regression on every group (scenario) but one, scores the
one left out, and returns the AUC of all held-out scores pooled. Why a hand-written fit and not a
library: the data are tiny (at most a few hundred items, about 20 cues), the check must give the
same answer everywhere, and the game already ships no numeric library. Features are standardised on
each training fold (missing values become the fold's mean, i.e. 0), and an L2 penalty (LAMBDA, not on
the intercept) keeps the fit finite when one cue separates the training data perfectly, which is
exactly the case the check hunts for. Newton's method on the penalised log-likelihood converges in a
few steps; the linear solve is plain Gaussian elimination on a ~20x20 matrix.
Pure: no pygame, no clock, no file access, no randomness.
"""

from __future__ import annotations

import math
from typing import Optional, Sequence

LAMBDA = 1.0
MAX_STEPS = 50


def auc(misleading: Sequence[float], reliable: Sequence[float]) -> Optional[float]:
    """P(misleading value > reliable value) + half P(tie); None when either side is empty."""
    if not misleading or not reliable:
        return None
    wins = 0.0
    for high in misleading:
        for low in reliable:
            wins += 1.0 if high > low else 0.5 if high == low else 0.0
    return wins / (len(misleading) * len(reliable))


def _standardiser(rows: Sequence[Sequence[Optional[float]]]) -> list[tuple[float, float]]:
    """(mean, spread) per column over the given rows, ignoring missing values; spread 1 for a constant column."""
    scales = []
    for column in range(len(rows[0])):
        present = [row[column] for row in rows if row[column] is not None]
        mean = sum(present) / len(present) if present else 0.0
        variance = sum((value - mean) ** 2 for value in present) / len(present) if present else 0.0
        scales.append((mean, math.sqrt(variance) if variance > 1e-12 else 1.0))
    return scales


def _scaled(row: Sequence[Optional[float]], scales: list[tuple[float, float]]) -> list[float]:
    return [1.0] + [0.0 if value is None else (value - mean) / spread for value, (mean, spread) in zip(row, scales)]


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """x with matrix @ x = vector (Gaussian elimination with partial pivoting; the matrix is positive definite)."""
    size = len(vector)
    augmented = [list(matrix[i]) + [vector[i]] for i in range(size)]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(augmented[r][col]))
        augmented[col], augmented[pivot] = augmented[pivot], augmented[col]
        for row in range(col + 1, size):
            factor = augmented[row][col] / augmented[col][col]
            for k in range(col, size + 1):
                augmented[row][k] -= factor * augmented[col][k]
    solution = [0.0] * size
    for row in range(size - 1, -1, -1):
        total = augmented[row][size] - sum(augmented[row][k] * solution[k] for k in range(row + 1, size))
        solution[row] = total / augmented[row][row]
    return solution


def _sigmoid(value: float) -> float:
    return 1.0 / (1.0 + math.exp(-value)) if value >= 0 else math.exp(value) / (1.0 + math.exp(value))


def fit(x: list[list[float]], y: Sequence[int], penalty: float = LAMBDA) -> list[float]:
    """Weights (intercept first) of an L2-penalised logistic regression, by Newton's method."""
    size = len(x[0])
    weights = [0.0] * size
    for _ in range(MAX_STEPS):
        gradient = [0.0] * size
        hessian = [[0.0] * size for _ in range(size)]
        for row, label in zip(x, y):
            p = _sigmoid(sum(w * v for w, v in zip(weights, row)))
            for i in range(size):
                gradient[i] += (p - label) * row[i]
                for j in range(i, size):
                    hessian[i][j] += p * (1 - p) * row[i] * row[j]
        for i in range(size):
            for j in range(i):
                hessian[i][j] = hessian[j][i]
            if i:  # no penalty on the intercept
                gradient[i] += penalty * weights[i]
                hessian[i][i] += penalty
            hessian[i][i] += 1e-9
        step = _solve(hessian, gradient)
        weights = [w - s for w, s in zip(weights, step)]
        if max(abs(s) for s in step) < 1e-8:
            break
    return weights


def held_out_auc(rows: Sequence[Sequence[Optional[float]]], labels: Sequence[int], groups: Sequence[str]) -> Optional[float]:
    """Leave-one-group-out: the AUC of every item's score from a model fitted without its group.

    None when there are fewer than two groups, or a training fold or the whole lacks either class.
    """
    names = sorted(set(groups))
    if len(names) < 2 or not rows:
        return None
    scores: list[tuple[float, int]] = []
    for left_out in names:
        train = [i for i, group in enumerate(groups) if group != left_out]
        if len({labels[i] for i in train}) < 2:
            return None
        scales = _standardiser([rows[i] for i in train])
        weights = fit([_scaled(rows[i], scales) for i in train], [labels[i] for i in train])
        for i, group in enumerate(groups):
            if group == left_out:
                scores.append((sum(w * v for w, v in zip(weights, _scaled(rows[i], scales))), labels[i]))
    return auc([s for s, label in scores if label], [s for s, label in scores if not label])
