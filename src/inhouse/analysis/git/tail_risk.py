"""Tail risk: the knowledge at risk as a distribution over partner people leaving.

After Rigby, Zhu, Donadelli and Mockus, "Quantifying and Mitigating Turnover-Induced
Knowledge Loss: Case Studies of Chrome and a project at Avaya" (ICSE 2016): one number
(the files orphaned if the whole partner left) hides how the loss is spread; they report
the loss as a distribution with its tail, borrowing the financial value-at-risk.

Here each partner person leaves, independently, with probability ``p``. A counted file is
*lost* when no internal person authors it (DOA, Avelino et al., ICPC 2016) and every partner
person who authors it left; files no partner person authors are not at stake (no partner
leaving changes them). Files are grouped by their set of partner authors, so the loss of one
outcome is a sum over groups. The distribution is exact (every subset weighed by its
probability) for up to ``EXACT_LIMIT`` partner authors, else sampled (Monte Carlo, a fixed
seed, ``samples`` draws). Reported: the expected loss (always exact: each group is lost with
probability ``p`` to the power of its size), the 95th percentile (value at risk), the expected
shortfall (the mean loss over the worst 5% of outcomes) and the chance of a loss over three
times the expected one (Rigby et al.'s tail measure).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from inhouse.domain.common import Side
from inhouse.domain.knowledge import TailRisk

EXACT_LIMIT = 16
SAMPLES = 20_000
SEED = 2016
LEAVE_PROBABILITY = 0.2
LEVEL = 0.95


def stake(authors_by_path: Mapping[str, Collection[int]], sides: Sequence[Side]) -> dict[frozenset[int], int]:
    """The files at stake, grouped by their partner authors: partner authors -> files."""
    groups: dict[frozenset[int], int] = {}
    for authors in authors_by_path.values():
        if any(sides[a] is Side.INTERNAL for a in authors):
            continue
        partner = frozenset(a for a in authors if sides[a] is Side.PARTNER)
        if partner:
            groups[partner] = groups.get(partner, 0) + 1
    return groups


def _summary(losses: Any, weights: Any, expected: float) -> tuple[int, float, float]:
    """(95th percentile, expected shortfall, P(loss > 3 x expected)) of weighted outcomes."""
    import numpy as np

    order = np.argsort(losses, kind="stable")
    losses, weights = losses[order], weights[order] / weights.sum()
    cumulative = np.cumsum(weights)
    var = int(losses[min(int(np.searchsorted(cumulative, LEVEL - 1e-12)), len(losses) - 1)])
    # the mean over the worst (1 - LEVEL) of the probability mass, splitting the outcome at the cut
    above = np.clip(cumulative - LEVEL, 0.0, None)
    share = np.minimum(weights, above)
    shortfall = float((share * losses).sum() / (1 - LEVEL))
    over = float(weights[losses > 3 * expected + 1e-9].sum())
    return var, shortfall, over


def tail_risk(
    authors_by_path: Mapping[str, Collection[int]],
    sides: Sequence[Side],
    p: float = LEAVE_PROBABILITY,
    *,
    samples: int = SAMPLES,
    seed: int = SEED,
    exact_limit: int = EXACT_LIMIT,
    groups: Mapping[frozenset[int], int] | None = None,
) -> TailRisk:
    """The distribution of files lost when each partner person leaves with probability ``p``
    (``groups``: :func:`stake`, when found already)."""
    groups = stake(authors_by_path, sides) if groups is None else groups
    people = sorted({a for g in groups for a in g})
    n = len(people)
    expected = sum(count * p ** len(g) for g, count in groups.items())
    index = {a: i for i, a in enumerate(people)}
    exact = n <= exact_limit
    if not groups:
        var, shortfall, over = 0, 0.0, 0.0
    elif exact:
        import numpy as np

        # loss of every subset S of leavers: the files whose partner authors all lie in S
        # (a sum over the subsets of S: the zeta transform, n passes over the 2^n subsets)
        loss = np.zeros(1 << n, dtype=np.int64)
        for g, count in groups.items():
            loss[sum(1 << index[a] for a in g)] += count
        for i in range(n):
            view = loss.reshape(-1, 2, 1 << i)
            view[:, 1, :] += view[:, 0, :]
        leavers = np.zeros(1 << n, dtype=np.int64)
        for i in range(n):
            leavers += (np.arange(1 << n) >> i) & 1
        weights = np.power(p, leavers) * np.power(1 - p, n - leavers)
        var, shortfall, over = _summary(loss, weights, expected)
    else:
        import numpy as np

        rng = np.random.default_rng(seed)
        members = np.zeros((len(groups), n), dtype=np.int32)
        for row, g in enumerate(groups):
            members[row, [index[a] for a in g]] = 1
        sizes = members.sum(axis=1)
        counts = np.array(list(groups.values()), dtype=np.int64)
        losses = []
        for start in range(0, samples, 2000):
            gone = (rng.random((min(2000, samples - start), n)) < p).astype(np.int32)
            losses.append(((gone @ members.T) == sizes) @ counts)
        sampled = np.concatenate(losses)
        var, shortfall, over = _summary(sampled, np.ones(len(sampled)), expected)
    return TailRisk(
        leave_probability=p,
        files=len(authors_by_path),
        at_stake=sum(groups.values()),
        partner_people=n,
        method="exact" if exact else "monte-carlo",
        samples=0 if exact else samples,
        expected=round(expected, 4),
        p95=var,
        expected_shortfall=round(shortfall, 4),
        over_3x_expected=round(over, 4),
    )
