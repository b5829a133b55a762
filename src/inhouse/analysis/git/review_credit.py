"""Imported pull/merge request reviews as knowledge: who reviewed which file, and when.

Thongtanunam et al. (ICSE 2016) found that most developers who know a module only review its
changes, and Bus Factor Explorer (Jabrayilzade et al., ASE 2023) credits reviews as well as
commits. The scan takes the engagement's imported reviews (``code_reviews.py`` reads them, the
store keeps them) as :class:`ImportedReviews`, an immutable value whose ``repr`` is short and
stable (the report of a commit is kept under a key made from the options' ``repr``).

A reviewer's login is matched to an identity of the scan by the rules of the review-sharing
figures (``code_reviews_sharing.login_keys``: an email's local part, the login of a GitHub
noreply address, a name without spaces, case ignored); a login two identities claim, a bot's
and one of nobody in the history match none. Each reviewer of a change request counts once for
each file it changed, on the day of their last review of it (else the day it was merged, else
opened). The ``recency`` model credits them as it credits ``Reviewed-by`` trailers, and the
successor ranking adds them to its review term; ``avelino2016`` reads commits alone.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from inhouse.analysis.git.code_reviews_sharing import login_owners
from inhouse.analysis.git.history import DAY
from inhouse.analysis.git.identities import IdentityGroup
from inhouse.domain.code_reviews import ChangeRequest

Reviewed = tuple[tuple[str, ...], tuple[tuple[str, int], ...]]  # (paths, ((login, UTC day), ...))
Credits = dict[str, list[tuple[int, int]]]  # path -> (identity, UTC day) per review


@dataclass(frozen=True, repr=False)
class ImportedReviews:
    """The reviewed change requests: for each, the files it changed and each reviewer's login
    with the day of their review. Hashable; its ``repr`` is the count and a digest."""

    changes: tuple[Reviewed, ...] = ()

    def __repr__(self) -> str:
        text = json.dumps(self.changes, separators=(",", ":"))
        digest = hashlib.sha256(text.encode("utf-8", "backslashreplace")).hexdigest()[:16]
        return f"ImportedReviews({len(self.changes)}, {digest})"


def _day(moment: datetime) -> int:
    """The UTC day of ``moment`` (a moment without a zone is taken as UTC, as the store keeps it)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp()) // DAY


def from_changes(changes: Iterable[ChangeRequest]) -> ImportedReviews | None:
    """The reviews of ``changes`` (those with files and reviewers), in a stable order; None when there is none."""
    found: list[Reviewed] = []
    for change in changes:
        reviewers = change.reviewers
        if not change.paths or not reviewers:
            continue
        fallback = _day(change.merged or change.created)
        last: dict[str, int] = {}
        for review in change.reviews:
            if review.reviewer in reviewers and review.submitted is not None:
                last[review.reviewer] = max(last.get(review.reviewer, 0), _day(review.submitted))
        found.append((tuple(sorted(set(change.paths))), tuple((r, last.get(r, fallback)) for r in sorted(reviewers))))
    return ImportedReviews(tuple(sorted(found))) if found else None


def credited(reviews: ImportedReviews | None, groups: Sequence[IdentityGroup], ignored: Collection[int]) -> Credits:
    """Each file's reviews by identity: path -> [(identity, day)], logins matched to ``groups``."""
    if reviews is None:
        return {}
    owner_of = login_owners((g.index, g.names, g.emails) for g in groups if g.index not in ignored)
    out: Credits = {}
    for paths, reviewers in reviews.changes:
        latest: dict[int, int] = {}  # two logins of one identity on one change: one review, the later
        for login, day in reviewers:
            ident = owner_of(login)
            if ident is not None:
                latest[ident] = max(latest.get(ident, day), day)
        if latest:
            for path in paths:
                out.setdefault(path, []).extend(sorted(latest.items()))
    return out


def review_counts(credits: Mapping[str, Sequence[tuple[int, int]]]) -> dict[str, dict[int, int]]:
    """The reviews of each file by identity (the successor ranking's review term)."""
    out: dict[str, dict[int, int]] = {}
    for path, given in credits.items():
        per = out.setdefault(path, {})
        for ident, _day in given:
            per[ident] = per.get(ident, 0) + 1
    return out
