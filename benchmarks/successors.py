"""Successor ranking checked on real histories: who actually took over abandoned files.

    python benchmarks/successors.py /work/.mirror/jquery+jquery/repo [more repos] [--cache DIR]
    python benchmarks/successors.py REPO --inactive 180 --window 365 --cutoffs 8 --json out.json
    python benchmarks/successors.py REPO --partner-domain google.com     # also the tail risk
    python benchmarks/successors.py REPO1 REPO2 REPO3 --fit-on jquery --leave-one-out   # the weights

After Rigby, Zhu, Donadelli and Mockus (ICSE 2016), who recommend successors for files
abandoned by developers who left. Operationalised here, from the library's mined facts only
(``mining.mine`` into ``history.History``, identities by ``identities.merge_identities`` with
the repository's ``.mailmap`` and the default bot patterns, files by the default
``FileFilter``, knowledge by ``authorship.file_authors``):

* **cut-offs** T: ``--cutoffs`` days evenly spaced from two years after the first commit to
  ``--window`` days before the last one;
* **a leaver** at T: an identity with no commit (to any file) in the ``--inactive`` days up to T;
* **an abandoned file** at T: counted, alive at T (added on or before T, not deleted on or before
  T), with at least one DOA author from the history up to T, every one of them a leaver;
* **its actual successor**: the first identity other than those authors (bots left out) to
  commit to it in the ``--window`` days after T. A file whose first committer after T is one of
  its former authors (the leaver came back) or that nobody changes in the window is not a case.
  Each file is a case once, at the first cut-off where it is one;
* **candidates**: the identities (not bots) with a commit in the ``--inactive`` days up to T,
  i.e. those still there; ranked by ``successors.Neighbourhood.scores`` with facts up to T only
  (``file_facts(..., until=T)``, ``file_authors(..., until=T)``, the recent terms aged to T,
  commit days after T left out), with the module's weights.

With ``--fit-on NAME`` (the histories whose path holds NAME) the weights are searched over
``GRID`` and ``HALF_LIVES``: the weighting with the best mean top-3 rate over those histories
(ties: top-1, then grid order), and every history's rates with it, each labelled in-sample or
held-out. ``--leave-one-out`` does the same once per history, fitted on all the others.

Reported per history: cases, the share whose successor was a candidate at all (a newcomer
cannot be ranked by anything), top-1 and top-3 hit rates of the ranking, and two baselines
from the same candidates: the most active committer in the file's folder up to T, and the most
active committer overall in the ``--inactive`` days up to T. Paths are the files' latest paths
(a file renamed into another folder after T is judged in its new folder).

With ``--partner-domain``, the tail risk (``tail_risk.tail_risk``) at the last commit, with the
identities of that e-mail domain as the partner and every other person as internal; with
``--partner-top N``, the N identities with the most commits as the partner instead.
Deterministic; histories are mined once and kept under ``--cache`` (JSON states).
"""

from __future__ import annotations

import argparse
import json
import posixpath
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from inhouse.analysis.git.authorship import file_authors
from inhouse.analysis.git.filters import FileFilter
from inhouse.analysis.git.gitcmd import GitRepo
from inhouse.analysis.git.history import History
from inhouse.analysis.git.identities import Mailmap, SideRules, bot_matcher, merge_identities
from inhouse.analysis.git.mining import mine
from inhouse.analysis.git.successors import TERMS, WEIGHTS, Neighbourhood, Weights, file_facts, rank
from inhouse.analysis.git.tail_risk import tail_risk
from inhouse.domain.common import Side
from inhouse.store.knowledge import pack, unpack

HALF_LIVES = (30.0, 90.0, 180.0, 365.0)  # of the recent terms, searched by --fit-on / --leave-one-out
#: The weights searched: each term's candidate values (``review`` stays 1: no review data here).
GRID = {
    "touch": (0.0, 1.0, 2.0),
    "folder": (0.0, 1.0),
    "cochange": (0.0, 1.0),
    "review": (1.0,),
    "recent_file": (0.0, 1.0, 2.0, 4.0),
    "recent_folder": (0.0, 1.0, 2.0, 4.0),
    "recent_near": (0.0, 1.0, 2.0),
    "active": (0.0, 1.0, 2.0, 4.0),
}


class Case(NamedTuple):
    """One abandoned file: its candidates' terms (rows in tie order, columns :data:`TERMS`) for
    each half-life, and the row of its actual successor (-1: not a candidate)."""

    terms: dict[float, Any]
    successor: int


def _case(
    terms: dict[float, dict[str, dict[int, float]]], candidates: set[int], successor: int, ids: Sequence[str]
) -> Case:
    order = sorted(candidates, key=lambda i: ids[i])
    row = {ident: k for k, ident in enumerate(order)}
    matrices = {}
    for h, by_term in terms.items():
        m = np.zeros((len(order), len(TERMS)))
        for col, name in enumerate(TERMS):
            for ident, value in by_term.get(name, {}).items():
                if ident in row:
                    m[row[ident], col] = value
        matrices[h] = m
    return Case(matrices, row.get(successor, -1))


def grid() -> list[Weights]:
    combos: list[dict[str, float]] = [{}]
    for name in TERMS:
        combos = [{**c, name: v} for c in combos for v in GRID[name]]
    return [Weights(**c, half_life_days=h) for h in HALF_LIVES for c in combos]


def hits(cases: Sequence[Case], weights: Sequence[Weights]) -> Any:
    """Top-1 and top-3 hits of each weighting over ``cases``: an array (len(weights), 2)."""
    out = np.zeros((len(weights), 2), dtype=int)
    by_half_life: dict[float, list[int]] = {}
    for k, w in enumerate(weights):
        by_half_life.setdefault(w.half_life_days, []).append(k)
    for h, chosen in by_half_life.items():
        matrix = np.array([[getattr(weights[k], name) for name in TERMS] for k in chosen]).T
        for case in cases:
            if case.successor < 0:
                continue
            scores = np.round(case.terms[h] @ matrix, 9)  # candidates x weightings
            mine = scores[case.successor]
            ahead = (scores > mine).sum(axis=0) + (scores[: case.successor] == mine).sum(axis=0)
            out[chosen, 0] += (mine > 0) & (ahead < 1)
            out[chosen, 1] += (mine > 0) & (ahead < 3)
    return out


def fit(results: Sequence[dict[str, Any]], on: Sequence[int]) -> dict[str, Any]:
    """The grid's weighting with the best mean top-3 rate over the histories ``on`` (ties: top-1,
    then grid order), and every history's rates with it, each labelled in-sample or held-out."""
    weights = grid()
    table = [hits(r["_cases"], weights) / max(r["cases"], 1) for r in results]
    mean = sum(table[i] for i in on) / len(on)
    best = int(np.lexsort((-mean[:, 0], -mean[:, 1]))[0])
    return {
        "fit_on": [results[i]["repo"] for i in on],
        "weights": weights[best].__dict__,
        "histories": [
            {
                "repo": r["repo"],
                "sample": "in-sample" if i in on else "held-out",
                "top1_rate": round(float(table[i][best, 0]), 3),
                "top3_rate": round(float(table[i][best, 1]), 3),
                "active3_rate": r["active3_rate"],
            }
            for i, r in enumerate(results)
        ],
    }


def load(path: Path, cache: Path | None) -> tuple[GitRepo, History, str]:
    repo = GitRepo.open(path)
    head = repo.resolve("HEAD")
    mode = "exact" if repo.partial else "quick"
    stored = cache / f"{head[:16]}-{mode}.state" if cache else None
    if stored is not None and stored.exists():
        found = unpack(stored.read_bytes())
        history = History.from_state(found) if found is not None else None
        if history is not None:
            return repo, history, head
    history = History(mode=mode, boundaries=repo.shallow_boundaries())
    for commit in mine(repo, head, mode=mode):
        history.add(commit)
    history.head = head
    if stored is not None:
        stored.parent.mkdir(parents=True, exist_ok=True)
        stored.write_bytes(pack(history.to_state()))
    return repo, history, head


def evaluate(
    repo: GitRepo,
    history: History,
    head: str,
    *,
    inactive: int,
    window: int,
    cutoffs: int,
    partner_domains: Sequence[str] = (),
    partner_top: int = 0,
) -> dict[str, Any]:
    started = time.perf_counter()
    mailmap = Mailmap((repo.show_file(head, ".mailmap") or b"").decode("utf-8", "replace"))
    weights = [0] * len(history.people)
    for (person, _day), count in history.commit_days.items():
        weights[person] += count
    groups, owner = merge_identities(
        history.people, weights, mailmap=mailmap, rules=SideRules(), bots=bot_matcher(None)
    )
    ignored = {g.index for g in groups if g.bot}
    ids = [g.id for g in groups]
    activity: dict[int, list[int]] = {}  # identity -> days with commits (any file)
    commit_days: dict[tuple[int, int], int] = {}  # (identity, day) -> commits (any file)
    for (person, day), count in history.commit_days.items():
        ident = owner[person]
        if ident not in ignored:
            activity.setdefault(ident, []).extend([day] * count)
            commit_days[(ident, day)] = commit_days.get((ident, day), 0) + count
    files = FileFilter()
    records = [r for r in history.files if r.changes and files.counts(r.path)]
    assert history.first_day is not None and history.last_day is not None
    first, last = history.first_day + 730, history.last_day - window
    days = [first + (last - first) * k // max(cutoffs - 1, 1) for k in range(cutoffs)] if last > first else []

    seen: set[int] = set()
    counts = {"cases": 0, "reachable": 0, "top1": 0, "top3": 0, "folder1": 0, "folder3": 0, "active1": 0, "active3": 0}
    skipped = {"returned": 0, "untouched": 0}
    cases: list[Case] = []
    for cut in days:
        recent = {i: sum(1 for d in ds if cut - inactive < d <= cut) for i, ds in activity.items()}
        candidates = {i for i, n in recent.items() if n}
        alive = [r for r in records if 0 <= r.created <= cut and not (0 <= r.deleted <= cut) and r.changes[1] <= cut]
        authors = {r.path: file_authors(r, owner, ignored, until=cut) for r in alive}
        facts = {r.path: file_facts(r, owner, ignored, until=cut) for r in alive}
        change_days = {p: d for p, (d, _) in facts.items()}
        active = {k: n for k, n in commit_days.items() if k[1] <= cut}
        hood = Neighbourhood(authors, change_days, today=cut, activity=active)
        hoods = {
            h: Neighbourhood(authors, change_days, today=cut, weights=Weights(half_life_days=h), activity=active)
            for h in HALF_LIVES
        }
        folder_commits: dict[str, dict[int, int]] = {}
        for p, (_, touches) in facts.items():
            counter = folder_commits.setdefault(posixpath.dirname(p), {})
            for i, n in touches.items():
                counter[i] = counter.get(i, 0) + n
        for r in alive:
            known = authors[r.path]
            if not known or known & candidates or id(r) in seen:
                continue
            successor = None
            for person, day in zip(r.changes[0::4], r.changes[1::4], strict=False):
                ident = owner[person]
                if cut < day <= cut + window and ident not in ignored:
                    successor = ident
                    break
            if successor is None:
                skipped["untouched"] += 1
                continue
            if successor in known:
                skipped["returned"] += 1
                continue
            seen.add(id(r))
            counts["cases"] += 1
            counts["reachable"] += successor in candidates
            scores = hood.scores(r.path, candidates, facts[r.path][1])
            ranked = [i for i, _ in rank(scores, lambda i: ids[i], 3)]
            folder = folder_commits.get(posixpath.dirname(r.path), {})
            by_folder = [
                i for i, _ in rank({i: float(n) for i, n in folder.items() if i in candidates}, lambda i: ids[i])
            ]
            by_activity = [i for i, _ in rank({i: float(recent[i]) for i in candidates}, lambda i: ids[i])]
            for name, top in (("top", ranked), ("folder", by_folder), ("active", by_activity)):
                counts[f"{name}1"] += top[:1] == [successor]
                counts[f"{name}3"] += successor in top[:3]
            terms = {h: near.terms(r.path, facts[r.path][1]) for h, near in hoods.items()}
            cases.append(_case(terms, candidates - known, successor, ids))
    n = counts["cases"] or 1
    result: dict[str, Any] = {
        "repo": str(repo.path),
        "commits": history.commits + history.merges,
        "cutoffs": len(days),
        **counts,
        **{f"skipped_{k}": v for k, v in skipped.items()},
        **{
            f"{k}_rate": round(counts[k] / n, 3)
            for k in ("reachable", "top1", "top3", "folder1", "folder3", "active1", "active3")
        },
        "top3_of_reachable": round(counts["top3"] / (counts["reachable"] or 1), 3),
    }
    if partner_domains or partner_top:
        busiest = sorted(activity, key=lambda i: (-len(activity[i]), ids[i]))[:partner_top]
        result["tail_risk"] = _tail(history, head, repo, groups, owner, ignored, partner_domains, set(busiest))
    result["weights"] = WEIGHTS.__dict__
    result["seconds"] = round(time.perf_counter() - started, 1)
    result["_cases"] = cases
    return result


def _tail(
    history: History,
    head: str,
    repo: GitRepo,
    groups: Sequence[Any],
    owner: Sequence[int],
    ignored: set[int],
    partner_domains: Sequence[str],
    chosen: set[int],
) -> dict[str, Any]:
    """The tail risk at ``head``: the partner is the named domains' people (or ``chosen``),
    everyone else inside."""
    rules = SideRules(partner_domains=tuple(partner_domains))

    def side(g: Any) -> Side:
        if g.bot:
            return Side.OTHER
        partner = g.index in chosen or (partner_domains and rules.side_of((), g.emails) is Side.PARTNER)
        return Side.PARTNER if partner else Side.INTERNAL

    sides = [side(g) for g in groups]
    tree = repo.tree_files(head)
    files = FileFilter().at_commit(repo, tree)
    authors_by_path = {}
    for path in sorted(p for p in tree if files.counts(p)):
        key = history.path_key.get(path)
        record = history.files[key] if key is not None else None
        authors_by_path[path] = file_authors(record, owner, ignored) if record else frozenset()
    risk = tail_risk(authors_by_path, sides)
    return {
        "partner_domains": list(partner_domains),
        "partner_top": len(chosen),
        "partner_identities": sum(1 for s in sides if s is Side.PARTNER),
        **(risk.model_dump(mode="json") if risk is not None else {}),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repos", nargs="+", type=Path)
    parser.add_argument("--inactive", type=int, default=180, help="days without a commit that make a leaver")
    parser.add_argument("--window", type=int, default=365, help="days after the cut-off to find the successor in")
    parser.add_argument("--cutoffs", type=int, default=8)
    parser.add_argument("--cache", type=Path, help="keep mined histories here (JSON states)")
    parser.add_argument("--partner-domain", action="append", default=[], help="also report the tail risk")
    parser.add_argument("--partner-top", type=int, default=0, help="tail risk with the N busiest as the partner")
    parser.add_argument("--fit-on", action="append", default=[], help="search the weights on the histories so named")
    parser.add_argument("--leave-one-out", action="store_true", help="search on all but one, report that one")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    out = []
    for path in args.repos:
        start = time.perf_counter()
        repo, history, head = load(path, args.cache)
        mined = time.perf_counter() - start
        result = evaluate(
            repo,
            history,
            head,
            inactive=args.inactive,
            window=args.window,
            cutoffs=args.cutoffs,
            partner_domains=args.partner_domain,
            partner_top=args.partner_top,
        )
        result["load_seconds"] = round(mined, 1)
        print(json.dumps({k: v for k, v in result.items() if k != "_cases"}), flush=True)
        out.append(result)
    fits = []
    if args.fit_on:
        fits.append(fit(out, [i for i, r in enumerate(out) if any(n in r["repo"] for n in args.fit_on)]))
    if args.leave_one_out:
        fits.extend(fit(out, [j for j in range(len(out)) if j != i]) for i in range(len(out)))
    for found in fits:
        print(json.dumps(found), flush=True)
    for r in out:
        del r["_cases"]
    out.extend(fits)
    if args.json:
        args.json.write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
