"""The recency knowledge model's pure functions, on hand-built file records (values worked out by hand)."""

from __future__ import annotations

from array import array

import pytest

from inhouse.analysis.git.authorship import file_authors
from inhouse.analysis.git.history import FileRecord
from inhouse.analysis.git.recency import _faded, authors_under, decay, file_knowledge, knowers
from inhouse.analysis.git.trailers import CO_AUTHOR, REVIEWER

HEAD = 1000  # the head's day


def record(changes: list[tuple[int, int]], credits: list[tuple[int, int, int]] = ()) -> FileRecord:
    """``changes``: (person, day) per commit, the first one adding the file; ``credits``: (entry, person, kind)."""
    flat = array("q", [v for person, day in changes for v in (person, day, 1, 0)])
    return FileRecord(
        path="a.py",
        creator=changes[0][0],
        created=changes[0][1],
        changes=flat,
        credits=array("q", [v for c in credits for v in c]),
    )


def test_the_faded_weights_are_decay_itself_from_its_table():
    # a table per head day grown as older days come; days before 1970 and after the head computed as they come
    for days in ([990, 1000, 400], [10, 0, 999, 1003, -5], [700, 100]):
        assert _faded(days, HEAD, 90.0) == [decay(HEAD - d, 90.0) for d in days]
    assert _faded([5], 2000, 90.0) == [decay(1995, 90.0)] and _faded([], HEAD, 90.0) == []
    assert _faded([HEAD - 90], HEAD, 90.0) == [0.5]  # one half-life: exactly half, as the threshold expects


def test_decay_halves_every_half_life_and_never_grows():
    assert decay(0, 30) == 1.0
    assert decay(30, 30) == pytest.approx(0.5)
    assert decay(90, 30) == pytest.approx(0.125)  # 2^-3
    assert decay(-5, 30) == 1.0  # dated after the head: as new


def test_knowledge_adds_decayed_commits_co_authors_and_half_weighted_reviews():
    # people 0, 1, 2 are identities 0, 1, 2; half-life 100 days
    rec = record(
        [(0, HEAD - 200), (1, HEAD - 100), (0, HEAD)],
        [(1, 2, REVIEWER), (2, 2, CO_AUTHOR)],
    )
    scores = file_knowledge(rec, [0, 1, 2], (), HEAD, 100)
    # 0: 2^-2 + 1 = 1.25; 1: 2^-1 = 0.5; 2: reviewer of entry 1 (0.5 * 0.5 = 0.25) + co-author of entry 2 (1)
    assert scores == pytest.approx({0: 1.25, 1: 0.5, 2: 1.25})
    # best 1.25: 0 and 2 pass 0.75 * 1.25 = 0.9375; 1 (0.5) does not
    assert knowers(scores) == {0, 2}


def test_one_identity_credited_twice_for_a_commit_counts_once_at_the_higher_weight():
    # raw people 1 and 2 are both identity 1 (two addresses of one person), 3 is identity 0 (the author again)
    rec = record([(0, HEAD)], [(0, 1, REVIEWER), (0, 2, CO_AUTHOR), (0, 3, REVIEWER)])
    scores = file_knowledge(rec, [0, 1, 1, 0], (), HEAD, 90)
    # identity 1: max(0.5, 1) = 1, not 1.5; identity 0: its author credit 1, not 1.5
    assert scores == pytest.approx({0: 1.0, 1: 1.0})


def test_ignored_identities_count_for_nothing_but_their_co_authors_do():
    rec = record([(0, HEAD - 90)], [(0, 1, CO_AUTHOR)])  # a bot's commit, co-authored by a person
    scores = file_knowledge(rec, [0, 1], {0}, HEAD, 90)
    assert scores == pytest.approx({1: 0.5})
    assert knowers(scores) == {1}  # 0.5 is the absolute threshold itself


def test_the_thresholds():
    assert knowers({}) == frozenset()
    assert knowers({0: 0.49}) == frozenset()  # below one commit one half-life old
    assert knowers({0: 4.0, 1: 3.0, 2: 2.99}) == {0, 1}  # 0.75 of 4 is 3: 3 passes, 2.99 does not
    assert knowers({0: 0.125, 1: 0.5}) == {1}  # an old author faded out beside a recent one


def test_authors_under_each_model():
    rec = record([(0, HEAD - 365), (1, HEAD - 10)])
    owner = [0, 1]
    # avelino2016: the creator 3.293 + 1.098 - 0.321 ln 2 = 4.1685; the other 3.293 + 0.164 = 3.457 (0.829)
    assert authors_under("avelino2016", HEAD)(rec, owner, ()) == file_authors(rec, owner) == {0, 1}
    # recency (90 days): 2^(-365/90) = 0.0601 and 2^(-10/90) = 0.9259: the creator has faded out
    assert authors_under("recency", HEAD, 90)(rec, owner, ()) == {1}
    # a half-life of 10 years: 0.9330 and 0.9981 (0.935 of it): both
    assert authors_under("recency", HEAD, 3650)(rec, owner, ()) == {0, 1}
