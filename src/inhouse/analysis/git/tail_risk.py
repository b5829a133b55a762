"""Tail risk: the knowledge at risk as a distribution over partner people leaving.

After Rigby, Zhu, Donadelli and Mockus, "Quantifying and Mitigating Turnover-Induced
Knowledge Loss: Case Studies of Chrome and a project at Avaya" (ICSE 2016): one number
(the files orphaned if the whole partner left) hides how the loss is spread; they report
the loss as a distribution with its tail, borrowing the financial value-at-risk.

Here each partner person leaves, independently, with probability ``p``. A counted file is
*lost* when no internal person authors it (DOA, Avelino et al., ICPC 2016) and every partner
person who authors it left; files no partner person authors are not at stake (no partner
leaving changes them). Files are grouped by their set of partner authors, so the loss of one
outcome is a sum over groups. Partner authors who share no group leave independently of each
other's files, so they split into components (people linked through the groups) whose losses are
independent. The distribution is exact when no component has more than ``EXACT_LIMIT`` members:
each component's over every subset of its members, the components' by convolution, in plain
Python while that is small work (``PLAIN_BUDGET``). Otherwise it is exact over every subset of all
partner authors (numpy) when they are at most ``EXACT_LIMIT``, else sampled (Monte Carlo, a fixed
seed, ``samples`` draws). Reported: the expected loss (always exact: each group is lost with
probability ``p`` to the power of its size), the 95th percentile (value at risk), the expected
shortfall (the mean loss over the worst 5% of outcomes) and the chance of a loss over three
times the expected one (Rigby et al.'s tail measure).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from inhouse.analysis.git.identities import UnionFind
from inhouse.domain.common import Side
from inhouse.domain.knowledge import TailRisk

EXACT_LIMIT = 16
PLAIN_BUDGET = 400_000  # steps of the plain-Python exact distribution (about 0.1 s) before numpy is worth importing
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


def components(groups: Mapping[frozenset[int], int]) -> list[tuple[list[int], list[tuple[frozenset[int], int]]]]:
    """The partner authors linked through shared groups, each component with its groups, in a
    stable order (by the component's first person)."""
    people = sorted({a for g in groups for a in g})
    index = {a: i for i, a in enumerate(people)}
    sets = UnionFind(len(people))
    for g in groups:
        first, *rest = (index[a] for a in g)
        for other in rest:
            sets.union(first, other)
    members: dict[int, list[int]] = {}
    for i, a in enumerate(people):
        members.setdefault(sets.find(i), []).append(a)
    held: dict[int, list[tuple[frozenset[int], int]]] = {r: [] for r in members}
    for g, count in groups.items():
        held[sets.find(index[min(g)])].append((g, count))
    return [(members[r], held[r]) for r in sorted(members)]


def _component_losses(people: Sequence[int], held: Sequence[tuple[frozenset[int], int]], p: float) -> dict[int, float]:
    """One component's loss distribution (loss -> probability): every subset of its ``people``
    leaving, the files of the groups inside the subset lost (a sum over the subsets: the zeta
    transform, one pass per person)."""
    k = len(people)
    bit = {a: 1 << i for i, a in enumerate(people)}
    loss = [0] * (1 << k)
    for g, count in held:
        loss[sum(bit[a] for a in g)] += count
    for i in range(k):
        step = 1 << i
        for base in range(0, 1 << k, step << 1):
            upper = slice(base + step, base + (step << 1))
            loss[upper] = map(int.__add__, loss[upper], loss[base : base + step])
    weight = [p**j * (1 - p) ** (k - j) for j in range(k + 1)]
    dist: dict[int, float] = {}
    for subset, lost in enumerate(loss):
        dist[lost] = dist.get(lost, 0.0) + weight[subset.bit_count()]
    return dist


def _plain_distribution(
    parts: Sequence[tuple[list[int], list[tuple[frozenset[int], int]]]], p: float
) -> list[tuple[int, float]] | None:
    """The exact loss distribution as sorted (loss, probability) pairs, by components and
    convolution in plain Python; None when that would take more than :data:`PLAIN_BUDGET` steps."""
    steps = sum(len(people) << len(people) for people, _ in parts)
    if steps > PLAIN_BUDGET:
        return None
    total: dict[int, float] = {0: 1.0}
    for people, held in parts:
        dist = _component_losses(people, held, p)
        steps += len(total) * len(dist)
        if steps > PLAIN_BUDGET:
            return None
        joined: dict[int, float] = {}
        for a, pa in total.items():
            for b, pb in dist.items():
                joined[a + b] = joined.get(a + b, 0.0) + pa * pb
        total = joined
    return sorted(total.items())


def _plain_summary(dist: Sequence[tuple[int, float]], expected: float) -> tuple[int, float, float]:
    """:func:`_summary` of a distribution given as sorted (loss, probability) pairs."""
    mass = sum(w for _, w in dist)
    cumulative, var, shortfall, over = 0.0, dist[-1][0], 0.0, 0.0
    found = False
    for lost, w in dist:
        w /= mass
        cumulative += w
        if not found and cumulative >= LEVEL - 1e-12:
            var, found = lost, True
        shortfall += min(w, max(cumulative - LEVEL, 0.0)) * lost
        if lost > 3 * expected + 1e-9:
            over += w
    return var, shortfall / (1 - LEVEL), over


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
    parts = components(groups)
    small = all(len(members) <= exact_limit for members, _ in parts)
    plain = _plain_distribution(parts, p) if groups and small else None
    exact = not groups or plain is not None or n <= exact_limit
    if not groups:
        var, shortfall, over = 0, 0.0, 0.0
    elif plain is not None:
        var, shortfall, over = _plain_summary(plain, expected)
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
