"""Incremental scans: fold only the commits that are new since the stored history.

The stored :class:`History` holds raw facts (see ``history.py``), so folding the
commits of ``OLD..NEW`` into the history of ``OLD`` gives the facts of a full scan of
``NEW``: ``OLD..NEW`` is exactly the set of commits reachable from NEW and not from
OLD. When OLD is no longer an ancestor of NEW the history was rewritten (rebase,
force-push, amended commits): the stored facts are dropped and NEW is scanned fully.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from inhouse.analysis.git.gitcmd import GitRepo
from inhouse.analysis.git.history import History
from inhouse.analysis.git.mining import FULL_ID


@dataclass
class MiningPlan:
    history: History
    exclude: str | None  # mine ``head`` but not what this commit reaches
    note: str | None = None  # why a stored history could not be reused

    @property
    def incremental(self) -> bool:
        return self.exclude is not None


def plan_mining(
    repo: GitRepo, head: str, mode: str, previous: dict[str, Any] | None, *, ancestor: str | None = None
) -> MiningPlan:
    """How to mine ``head``: onto the stored history ``previous`` when it can be read and its head
    is an ancestor of ``head`` (``ancestor``: a commit already known to be one), else afresh."""
    boundaries = repo.shallow_boundaries()
    fresh = History(mode=mode, boundaries=boundaries)
    if not previous:
        return MiningPlan(fresh, None)
    try:
        history = History.from_state(previous)
    except (KeyError, IndexError, TypeError, ValueError):  # binascii.Error is a ValueError
        return MiningPlan(fresh, None, "the stored scan could not be read: scanned fully")
    if history is None:
        return MiningPlan(fresh, None, "the stored scan was written by another version: scanned fully")
    if history.mode != mode:
        return MiningPlan(fresh, None, f"the stored scan used {history.mode} mode, this one {mode}: scanned fully")
    if history.boundaries != boundaries:
        return MiningPlan(fresh, None, "the shallow clone's depth changed since the stored scan: scanned fully")
    if not history.head:
        return MiningPlan(fresh, None)
    if not FULL_ID.fullmatch(history.head):  # a stored head is a commit id, never a revision to resolve
        return MiningPlan(fresh, None, "the stored scan could not be read: scanned fully")
    if history.head in (head, ancestor) or repo.is_ancestor(history.head, head):
        history.tracking = True  # the files the new commits change are kept as they were (trajectory.py)
        return MiningPlan(history, history.head)
    return MiningPlan(
        fresh,
        None,
        f"history was rewritten since the stored scan (commit "
        f"{history.head[:12]} is no longer an ancestor of the scanned "
        "revision): scanned fully",
    )
