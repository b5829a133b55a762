"""Imported pull/merge request reviews as knowledge: logins matched to identities, credited by the
recency model and the successor ranking, never by avelino2016 (values worked out by hand)."""

from __future__ import annotations

from array import array
from datetime import UTC, datetime
from typing import Any

import pytest

from inhouse.analysis.git import ScanOptions, SideRules, scan_repository
from inhouse.analysis.git.history import DAY, FileRecord
from inhouse.analysis.git.identities import IdentityGroup
from inhouse.analysis.git.recency import file_knowledge
from inhouse.analysis.git.review_credit import ImportedReviews, credited, from_changes, review_counts
from inhouse.domain.code_reviews import ChangeRequest, CodeReview
from inhouse.domain.common import Side
from inhouse.domain.knowledge import ScanResult
from tests.gitrepo import GitRepoBuilder, lines

ANN = "Ann Archer <ann@acme.com>"
BOB = "Bob Baker <bob@acme.com>"
PAT = "Pat Partner <pat@partner.io>"
RULES = SideRules(internal_domains=("acme.com",), partner_domains=("partner.io",))


def _day(text: str) -> int:
    return int(datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp()) // DAY


def change(
    number: int, paths: tuple[str, ...], *reviews: tuple[str, str | None], merged: str | None = None
) -> ChangeRequest:
    return ChangeRequest(
        number=number,
        author="pat",
        state="merged" if merged else "open",
        created=datetime(2023, 3, 1, 9, tzinfo=UTC),
        merged=datetime.fromisoformat(merged).replace(tzinfo=UTC) if merged else None,
        paths=paths,
        reviews=tuple(
            CodeReview(reviewer=r, state="approved", submitted=datetime.fromisoformat(s) if s else None)
            for r, s in reviews
        ),
    )


def test_reviews_become_a_small_stable_value():
    changes = [
        change(2, ("b.py", "a.py"), ("bob", "2023-03-05T10:00:00"), ("bob", "2023-03-09T10:00:00"), ("ann", None)),
        change(1, ("a.py",), ("pat", "2023-03-02T10:00:00")),  # only its author answered: no review
        change(3, (), ("ann", "2023-03-02T10:00:00")),  # no files
        change(4, ("c.py",), ("ann", None), merged="2023-03-20T18:00:00"),
    ]
    found = from_changes(changes)
    # bob: his last review (03-09); ann without a date: the day it was merged, else opened (03-01)
    assert found == ImportedReviews(
        (
            (("a.py", "b.py"), (("ann", _day("2023-03-01")), ("bob", _day("2023-03-09")))),
            (("c.py",), (("ann", _day("2023-03-20")),)),
        )
    )
    assert from_changes(reversed(changes)) == found and hash(found) == hash(from_changes(changes))
    assert repr(found).startswith("ImportedReviews(2, ") and len(repr(found)) < 40
    assert repr(found) != repr(ImportedReviews(found.changes[:1]))
    assert from_changes(changes[1:3]) is None


def _group(index: int, name: str, email: str, *, bot: bool = False) -> IdentityGroup:
    return IdentityGroup(index, email, [name], [email], Side.INTERNAL, bot, [index])


def test_logins_match_identities_by_the_review_sharing_rules():
    groups = [
        _group(0, "Ann Archer", "ann@acme.com"),
        _group(1, "Bob Baker", "1234+bbaker@users.noreply.github.com"),
        _group(2, "Sam Smith", "sam@acme.com"),
        _group(3, "Sam Smith", "sam.smith@partner.io"),  # a second "samsmith": that login matches nobody
        _group(4, "Build Bot", "ci@acme.com", bot=True),
    ]
    reviews = ImportedReviews(
        (
            (("a.py", "b.py"), (("ANN", 10), ("annarcher", 12), ("bbaker", 11), ("samsmith", 9))),
            (("b.py",), (("sam", 13), ("ci", 14), ("carol", 15))),
        )
    )
    found = credited(reviews, groups, {4})
    # ann's two logins on one change are one review, on the later day; sam by email, not by name;
    # the bot and carol (nobody in the history) credit nothing
    assert found == {"a.py": [(0, 12), (1, 11)], "b.py": [(0, 12), (1, 11), (2, 13)]}
    assert review_counts(found) == {"a.py": {0: 1, 1: 1}, "b.py": {0: 1, 1: 1, 2: 1}}
    assert credited(None, groups, ()) == {}


def test_recency_credits_imported_reviews_as_reviewed_by_trailers():
    record = FileRecord(path="a.py", creator=0, created=900, changes=array("q", [0, 900, 1, 0]))
    # half-life 100, head on day 1000: the commit is worth 0.5; a review on day 1000 is worth
    # 0.5 (REVIEW_WEIGHT), one on day 900 0.25; one after the head's day counts for nothing
    scores = file_knowledge(record, [0], (), 1000, 100, [(1, 1000), (2, 900), (1, 1001)])
    assert scores == pytest.approx({0: 0.5, 1: 0.5, 2: 0.25})


def test_a_scan_credits_imported_reviews_under_recency_only(tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(ANN, "2023-01-01", {"core/a.py": lines(5, "a")})
    repo.commit(PAT, "2023-04-01", {"core/p.py": lines(5, "p")})
    reviews = from_changes([change(7, ("core/p.py",), ("bob", "2023-04-01T12:00:00"), ("bbaker", None))])
    assert reviews is not None
    # Bob commits once (else he is no identity of the scan), long ago: "bob" is his email's local
    # part, "bobbaker" his name; "bbaker" matches nobody. His review counts once.
    repo.commit(BOB, "2022-06-01", {"web/x.py": lines(3, "x")})
    repo.commit(PAT, "2023-04-01", {"core/p.py": lines(6, "p")})

    def scan(**extra: Any) -> tuple[dict[str, tuple[str, ...]], ScanResult]:
        report = scan_repository(repo.path, ScanOptions(rules=RULES, **extra)).report
        return {f.path: tuple(s.identity for s in f.successors) for f in report.successors}, report

    plain, before = scan()
    credited_avelino, avelino = scan(reviews=reviews)
    # avelino2016 reads commits alone: the same authors and truck factor. p.py changed alone on its
    # one day (no co-change), so the ranking is by the active share (Ann's commit is the more
    # recent) until Bob's review (1.0) is added to his score: then he ranks first
    assert avelino.offboarding == before.offboarding and avelino.truck_factor == before.truck_factor
    assert plain["core/p.py"] == ("ann@acme.com", "bob@acme.com")
    assert credited_avelino["core/p.py"] == ("bob@acme.com", "ann@acme.com")
    # recency, half-life 90 days, head on 2023-04-01: Pat's two commits that day make 2.0, Bob's
    # review 0.5: below 0.75 x 2.0, so he does not know p.py; the same files as without it
    _, recency = scan(reviews=reviews, knowledge_model="recency")
    _, recency_before = scan(knowledge_model="recency")
    assert recency.offboarding == recency_before.offboarding


def test_a_fresh_review_makes_a_knower_under_recency(tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(BOB, "2023-01-01", {"web/x.py": lines(3, "x")})
    repo.commit(PAT, "2023-04-01", {"core/p.py": lines(5, "p")})
    reviews = from_changes([change(7, ("core/p.py",), ("bob", "2023-04-01T12:00:00"))])
    # p.py: Pat 1.0 (a commit of the head's day), Bob 0.5 (his review that day): 0.5 passes the
    # absolute threshold (0.5) but not 0.75 x 1.0; two reviews (two change requests) make 1.0 and pass
    two = from_changes(
        [
            change(7, ("core/p.py",), ("bob", "2023-04-01T12:00:00")),
            change(8, ("core/p.py",), ("bob", "2023-04-01T13:00:00")),
        ]
    )
    one = scan_repository(repo.path, ScanOptions(rules=RULES, reviews=reviews, knowledge_model="recency")).report
    both = scan_repository(repo.path, ScanOptions(rules=RULES, reviews=two, knowledge_model="recency")).report
    assert one.offboarding.orphaned_files == 1  # p.py: Pat's alone, orphaned if the partner left
    assert both.offboarding.orphaned_files == 0  # Bob, inside, knows it now
    plain = scan_repository(repo.path, ScanOptions(rules=RULES, knowledge_model="recency")).report
    assert plain.offboarding.orphaned_files == 1
