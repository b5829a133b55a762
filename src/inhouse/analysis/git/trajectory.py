"""Internal share over time, beside the dependency plan, with a weighted forecast and its band.

Per period (month, quarter, year, or engagement year counted from the start date):

* ``internal_commit_share`` -- internal commits / all commits (bots and merges left out);
* ``internal_line_share`` -- lines added + deleted by internal identities / all, in the
  counted files (None in quick mode, which reads no line counts);
* ``internal_authorship_share`` -- files existing at the period's end that have at least
  one internal DOA author (Avelino et al., ICPC 2016), computed with the history up to
  that day only;
* ``internal_file_share`` -- the plan measure: the same count as the authorship share (files
  known inside among the counted files alive at the period's end), named for its role;
* ``plan_internal_share`` -- the plan's target for the engagement year the period starts in;
* ``gap`` -- the file share minus the plan;
* ``changes`` -- counted file changes in the period (one per file a commit adds, changes,
  renames or deletes; ignored identities left out), and ``low_activity`` when they are fewer
  than :func:`low_activity_threshold`: such a period is drawn apart and left out of the forecast.

The forecast fits a straight line through the file shares of the periods since the start by
weighted least squares, each period weighted by its changes times a recency weight halving
every :data:`RECENCY_HALF_LIFE_DAYS`, and tells when the plan's final share is reached at that
pace, with the dates at the pace plus and minus one standard error of the slope.
"""

from __future__ import annotations

import hashlib
import math
from bisect import bisect_left
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from inhouse.analysis.git.authorship import ABSOLUTE_THRESHOLD, NORMALISED_THRESHOLD, doa
from inhouse.analysis.git.history import FileRecord, History
from inhouse.domain.common import Side
from inhouse.domain.knowledge import Forecast, PeriodShare, ratio
from inhouse.domain.plans import DependencyPlan, add_years, engagement_year
from inhouse.errors import InvalidInput

PERIODS = ("month", "quarter", "year", "engagement-year")
EPOCH = date(1970, 1, 1)
LOW_ACTIVITY_CHANGES = 3
"""A period with fewer counted file changes than this is low-activity (see also the fraction)."""
LOW_ACTIVITY_FRACTION = 0.1
"""... or with fewer than this fraction of the median changes of the periods with any change."""
RECENCY_HALF_LIFE_DAYS = 365.25
"""The forecast's recency weight halves for every year a period lies before the latest one."""


def day_to_date(day: int) -> date:
    return EPOCH + timedelta(days=day)


def date_to_day(value: date) -> int:
    return (value - EPOCH).days


@dataclass(frozen=True)
class Period:
    label: str
    start: date
    end: date  # inclusive
    year: int  # engagement year the period starts in (0: before the start)


def make_periods(kind: str, first: date, last: date, start: date) -> list[Period]:
    """Consecutive periods covering ``first``..``last`` (and, for engagement years, from ``start``)."""
    if kind not in PERIODS:
        raise InvalidInput(f"unknown period {kind!r}: expected one of {', '.join(PERIODS)}")
    periods: list[Period] = []
    if kind == "engagement-year":
        if first < start:
            periods.append(Period("before start", first, start - timedelta(days=1), 0))
        n = 1
        while add_years(start, n - 1) <= last:
            begin, end = add_years(start, n - 1), add_years(start, n) - timedelta(days=1)
            periods.append(Period(f"year {n}", begin, end, n))
            n += 1
        return periods
    months = {"month": 1, "quarter": 3, "year": 12}[kind]
    cursor = date(first.year, (first.month - 1) // months * months + 1, 1)
    while cursor <= last:
        month_index = cursor.year * 12 + cursor.month - 1 + months
        nxt = date(month_index // 12, month_index % 12 + 1, 1)
        if kind == "month":
            label = f"{cursor:%Y-%m}"
        elif kind == "quarter":
            label = f"{cursor.year}-Q{(cursor.month - 1) // 3 + 1}"
        else:
            label = str(cursor.year)
        end = nxt - timedelta(days=1)
        year = engagement_year(max(cursor, start), start) if end >= start else 0
        periods.append(Period(label, cursor, end, year))
        cursor = nxt
    return periods


def internal_trajectory(
    history: History,
    owner: Sequence[int],
    sides: Sequence[Side],
    ignored: Collection[int],
    counts: Callable[[str], bool],
    *,
    kind: str,
    start: date | None,
    plan: DependencyPlan | None,
    lines_known: bool,
    filter_key: str = "",
) -> tuple[list[PeriodShare], Forecast | None]:
    """The shares per period and the forecast; ``filter_key`` names what ``counts`` decides (the
    sums over the files are kept in ``history.trajectory`` and reused when only a few changed)."""
    if history.first_day is None or history.last_day is None:
        return [], None
    first, last = day_to_date(history.first_day), day_to_date(history.last_day)
    start = start or first
    periods = make_periods(kind, first, last, start)
    ends = [date_to_day(p.end) for p in periods]
    n = len(periods)
    internal = [s is Side.INTERNAL for s in sides]

    commits, internal_commits = [0] * n, [0] * n
    for (person, day), count in history.commit_days.items():
        ident = owner[person]
        k = bisect_left(ends, day)
        if ident in ignored or k >= n:
            continue
        commits[k] += count
        if internal[ident]:
            internal_commits[k] += count

    lines, internal_lines, alive, with_internal, changes = _file_sums(
        history, owner, ignored, internal, counts, ends, repr((kind, start, ends, lines_known, filter_key))
    )

    threshold = low_activity_threshold(changes)
    shares: list[PeriodShare] = []
    for k, p in enumerate(periods):
        target = plan.target_for_year(p.year) if (plan and p.year >= 1) else None
        commit_share = _ratio(internal_commits[k], commits[k])
        file_share = _ratio(with_internal[k], alive[k])
        shares.append(
            PeriodShare(
                period=p.label,
                start=p.start,
                end=p.end,
                commits=commits[k],
                internal_commit_share=commit_share,
                internal_line_share=_ratio(internal_lines[k], lines[k]) if lines_known else None,
                internal_authorship_share=file_share,
                plan_internal_share=target,
                gap=PeriodShare.gap_of(file_share, target),
                internal_file_share=file_share,
                changes=changes[k],
                low_activity=changes[k] < threshold,
            )
        )
    forecast = forecast_plan(periods, shares, plan) if plan else None
    return shares, forecast


def low_activity_threshold(changes: Sequence[int]) -> float:
    """The changes a period needs not to be low-activity: :data:`LOW_ACTIVITY_CHANGES`, or
    :data:`LOW_ACTIVITY_FRACTION` of the median over the periods with any change if that is more
    (a quarter with one small commit in a history of hundreds a quarter says little)."""
    busy = sorted(c for c in changes if c)
    if not busy:
        return LOW_ACTIVITY_CHANGES
    half = len(busy) // 2
    median = busy[half] if len(busy) % 2 else (busy[half - 1] + busy[half]) / 2
    return max(LOW_ACTIVITY_CHANGES, LOW_ACTIVITY_FRACTION * median)


def _file_sums(
    history: History,
    owner: Sequence[int],
    ignored: Collection[int],
    internal: Sequence[bool],
    counts: Callable[[str], bool],
    ends: Sequence[int],
    key: str,
) -> tuple[list[int], list[int], list[int], list[int], list[int]]:
    """Lines, internal lines, files alive, files with an internal author and changes, per period.

    Summed over every counted file, or -- when the facts are the stored ones with a few files
    changed by new commits (``history.before``), the periods, filter and identities of the old
    people are those of the stored sums -- the stored sums with each changed file's old share
    taken out and its new share put in. A file's share depends only on its own record and on
    which of its people are one identity, internal or ignored, so the two ways agree."""
    n = len(ends)
    people = len(history.people)
    kept = history.trajectory
    sums: list[list[int]]
    if (
        history.tracking
        and kept is not None
        and kept.get("key") == key
        and all(name in kept for name in _SUMS)  # sums stored before ``changes`` existed: summed anew
        and isinstance(kept.get("people"), int)
        and kept["people"] <= people
        and kept.get("identities") == _identities(owner, internal, ignored, kept["people"])
    ):
        sums = [list(kept[name]) for name in _SUMS]
        for index, old in history.before.items():
            record = history.files[index]
            since = _first_changed_period(old, record, ends) if old is not None and old.path == record.path else 0
            if old is not None and counts(old.path):
                _fold_into(sums, old, owner, ignored, internal, ends, -1, since)
            if counts(record.path):
                _fold_into(sums, record, owner, ignored, internal, ends, 1, since)
    else:
        sums = [[0] * n for _ in _SUMS]
        for record in history.files:
            if counts(record.path):
                _fold_file(record, owner, ignored, internal, ends, *sums)
    history.trajectory = {
        "key": key,
        "people": people,
        "identities": _identities(owner, internal, ignored, people),
        **dict(zip(_SUMS, sums, strict=True)),
    }
    lines, internal_lines, alive, with_internal, changes = sums
    return lines, internal_lines, alive, with_internal, changes


_SUMS = ("lines", "internal_lines", "alive", "with_internal", "changes")


def _identities(owner: Sequence[int], internal: Sequence[bool], ignored: Collection[int], people: int) -> str:
    """The first ``people`` people as the shares see them: who is one identity with whom (by the
    first of them), and whether that identity is internal or ignored."""
    first: dict[int, int] = {}
    parts = []
    for person in range(people):
        ident = owner[person]
        parts.append(f"{first.setdefault(ident, person)},{int(internal[ident])},{int(ident in ignored)}")
    return hashlib.sha256(";".join(parts).encode()).hexdigest()


def _first_changed_period(old: FileRecord, record: FileRecord, ends: Sequence[int]) -> int:
    """The first period in which ``record``'s share can differ from ``old``'s, when ``record`` is
    ``old`` with entries appended (what new commits do to a file): a period's share depends only on
    the entries up to its end, so the periods before the first new entry keep their share. 0 when
    the record changed otherwise (a rename, a deletion, an entry rewritten)."""
    if (
        old.created != record.created
        or old.deleted != record.deleted
        or old.creator != record.creator
        or old.readds != record.readds[: len(old.readds)]
        or old.changes != record.changes[: len(old.changes)]
        or old.drops != record.drops[: len(old.drops)]
    ):
        return 0
    days = [*record.changes[len(old.changes) + 1 :: 4], *record.drops[len(old.drops) + 1 :: 3]]
    return bisect_left(ends, min(days)) if days else len(ends)


def _fold_into(
    sums: list[list[int]],
    record: FileRecord,
    owner: Sequence[int],
    ignored: Collection[int],
    internal: Sequence[bool],
    ends: Sequence[int],
    sign: int,
    since: int = 0,
) -> None:
    """Add (``sign`` 1) or take out (-1) ``record``'s share of the periods from ``since`` on."""
    n = len(ends)
    if since >= n:
        return
    share: list[list[int]] = [[0] * n for _ in _SUMS]
    lines, internal_lines, alive, with_internal, changed = share
    _fold_file(
        record, owner, ignored, internal, ends, lines, internal_lines, alive, with_internal, changed, since=since
    )
    for total, part in zip(sums, share, strict=True):
        for k in range(since, n):
            total[k] += sign * part[k]


def _fold_file(
    record: FileRecord,
    owner: Sequence[int],
    ignored: Collection[int],
    internal: Sequence[bool],
    ends: Sequence[int],
    lines: list[int],
    internal_lines: list[int],
    alive: list[int],
    with_internal: list[int],
    changed: list[int],
    *,
    since: int = 0,
) -> None:
    """Add ``record``'s share to the sums of the periods from ``since`` on (the periods before are
    left as they are, the deliveries before them still counted towards the authors: as deliveries
    so far, without finding their period)."""
    n = len(ends)
    per: dict[int, list[int]] = {}  # identity -> deliveries per period
    added_at: dict[int, int] = {}  # identity -> first period in which it added the file (FA)
    first_k = n
    touched: set[int] = set()  # the periods some delivery falls in
    earlier: dict[int, int] = {}  # identity -> deliveries in the periods before ``since``
    cut = ends[since - 1] if 0 < since <= n else None  # the last day of the periods before ``since``
    changes = record.changes
    additions = record.additions()
    for entry, (person, day, added, deleted) in enumerate(
        zip(changes[0::4], changes[1::4], changes[2::4], changes[3::4], strict=False)
    ):
        ident = owner[person]
        if ident in ignored:
            continue
        if cut is not None and day <= cut:  # a period before ``since``: which one does not matter from ``since`` on
            first_k = min(first_k, since - 1)
            if ident not in per:
                per[ident] = [0] * n
            if entry in additions:
                added_at[ident] = min(added_at.get(ident, n), since - 1)
            else:
                earlier[ident] = earlier.get(ident, 0) + 1
            continue
        k = bisect_left(ends, day)
        if k >= n:
            continue
        if k < first_k:
            first_k = k
        counts = per.get(ident)
        if counts is None:
            counts = per[ident] = [0] * n
        changed[k] += 1
        if entry in additions:  # first authorship, not a delivery (as in authorship.file_doa)
            if k < added_at.get(ident, n):
                added_at[ident] = k
        else:
            counts[k] += 1
            touched.add(k)
        lines[k] += added + deleted
        if internal[ident]:
            internal_lines[k] += added + deleted
    drops = record.drops
    for i in range(0, len(drops), 3):
        ident = owner[drops[i]]
        k = bisect_left(ends, drops[i + 1])
        if ident in ignored or k >= n or k < since:
            continue
        lines[k] += drops[i + 2]
        changed[k] += 1
        if internal[ident]:
            internal_lines[k] += drops[i + 2]
    created_k = bisect_left(ends, record.created) if record.created >= 0 else first_k
    gone_k = bisect_left(ends, record.deleted) if record.deleted >= 0 else n
    lo, hi = max(created_k, since), min(gone_k, n)  # the periods it is alive in, from ``since`` on
    if lo >= hi:
        return
    _add_one(alive, lo, hi)
    insiders = [i for i in per if internal[i]]  # a file nobody inside touched has no internal author
    if not insiders:
        return
    # The authors change only in a period with a delivery or a first authorship: from one such
    # moment to the next the file keeps the authors (and the answer) of the moment's period.
    running = {ident: earlier.get(ident, 0) for ident in per}
    deliveries = sorted(touched)
    moments = sorted({m for m in (*touched, *added_at.values()) if lo < m < hi})
    taken = 0
    for begin, end in zip([lo, *moments], [*moments, hi], strict=True):
        while taken < len(deliveries) and deliveries[taken] <= begin:
            for ident, counts in per.items():
                running[ident] += counts[deliveries[taken]]
            taken += 1
        if _has_internal_author(running, added_at, insiders, begin, n):
            _add_one(with_internal, begin, end)


def _add_one(sums: list[int], lo: int, hi: int) -> None:
    """One more in each of the periods ``lo`` to ``hi - 1``."""
    sums[lo:hi] = [v + 1 for v in sums[lo:hi]]


def _has_internal_author(
    running: Mapping[int, int], added_at: Mapping[int, int], insiders: Sequence[int], k: int, n: int
) -> bool:
    """Whether one of ``insiders`` is a DOA author in period ``k`` (``running``: deliveries so far,
    ``added_at``: the period of each first authorship): ``authors_from_doa`` over every identity,
    with the largest DOA found from the largest deliveries alone (a DOA grows with them), so only
    the insiders' own DOA is computed."""
    total = sum(running.values())
    first_most, other_most = -1, 0  # the most deliveries of a first author, of anyone else
    for ident, d in running.items():
        if added_at.get(ident, n) <= k:
            if d > first_most:
                first_most = d
        elif d > other_most:
            other_most = d
    best = max(
        doa(True, first_most, total - first_most) if first_most >= 0 else -math.inf,
        doa(False, other_most, total - other_most) if other_most > 0 else -math.inf,
    )
    if best <= 0:
        return False
    for ident in insiders:
        d, first = running[ident], added_at.get(ident, n) <= k
        if d or first:
            value = doa(first, d, total - d)
            if value >= ABSOLUTE_THRESHOLD and value / best > NORMALISED_THRESHOLD:
                return True
    return False


_ratio = ratio


def forecast_plan(periods: Sequence[Period], shares: Sequence[PeriodShare], plan: DependencyPlan) -> Forecast:
    """When the file share reaches the plan's final share: a line fitted by weighted least
    squares through the periods since the start that are not low-activity, from the latest
    of them at the fitted pace; the band is the pace plus and minus one standard error."""
    used = [
        (p, s)
        for p, s in zip(periods, shares, strict=False)
        if p.year >= 1 and s.internal_file_share is not None and not s.low_activity
    ]
    final = plan.final_share
    if not used:
        return Forecast(metric="internal_file_share", final_share=final)
    xs = [(date_to_day(p.start) + date_to_day(p.end)) / 2 / 365.25 for p, _ in used]
    ys = [float(s.internal_file_share or 0.0) for _, s in used]
    half_life = RECENCY_HALF_LIFE_DAYS / 365.25
    ws = [s.changes * 0.5 ** ((xs[-1] - x) / half_life) for (_, s), x in zip(used, xs, strict=True)]
    current, current_x = ys[-1], xs[-1]
    current_on = EPOCH + timedelta(days=round(current_x * 365.25))
    fit = weighted_slope(xs, ys, ws)
    pace, stderr = fit if fit else (None, None)
    base = {
        "metric": "internal_file_share",
        "final_share": final,
        "current_share": current,
        "current_on": current_on,
        "pace_per_year": None if pace is None else round(pace, 4),
        "pace_stderr": None if stderr is None else round(stderr, 4),
        "periods_used": len(used),
    }
    if current >= final:
        return Forecast(**base, reached_on=used[-1][0].end, already_reached=True)

    def when(rate: float | None) -> date | None:
        if rate is None or rate <= 0:
            return None
        return current_on + timedelta(days=round((final - current) / rate * 365.25))

    band = (None, None) if pace is None or stderr is None else (when(pace + stderr), when(pace - stderr))
    return Forecast(**base, reached_on=when(pace), earliest_on=band[0], latest_on=band[1])


def weighted_slope(xs: Sequence[float], ys: Sequence[float], ws: Sequence[float]) -> tuple[float, float | None] | None:
    """The slope of the weighted least-squares line and its standard error
    (sqrt(sum w r^2 / (n - 2) / sum w (x - mean)^2), None under three points); None when the
    points do not fix a slope. Scaling every weight alike changes neither."""
    kept = [(x, y, w) for x, y, w in zip(xs, ys, ws, strict=True) if w > 0]  # a weightless point says nothing
    xs, ys, ws = [x for x, _, _ in kept], [y for _, y, _ in kept], [w for _, _, w in kept]
    total = sum(ws)
    if len(xs) < 2:
        return None
    mean_x = sum(w * x for w, x in zip(ws, xs, strict=True)) / total
    mean_y = sum(w * y for w, y in zip(ws, ys, strict=True)) / total
    sxx = sum(w * (x - mean_x) ** 2 for w, x in zip(ws, xs, strict=True))
    if sxx <= 1e-12 * total:
        return None
    slope = sum(w * (x - mean_x) * (y - mean_y) for w, x, y in zip(ws, xs, ys, strict=True)) / sxx
    if len(xs) < 3:
        return slope, None
    residual = sum(w * (y - mean_y - slope * (x - mean_x)) ** 2 for w, x, y in zip(ws, xs, ys, strict=True))
    return slope, math.sqrt(residual / (len(xs) - 2) / sxx)
