"""What one analysis keeps for the next (analysis/git/memo.py): a rescan that reuses it gives what a
full analysis of the same facts gives, and an entry made under other inputs is not reused."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from inhouse.analysis.git import ScanOptions, SideRules, scan_repository
from inhouse.analysis.git.history import History
from inhouse.analysis.git.identities import (
    AGENT,
    AGENTS,
    BOT,
    DEFAULT_AGENT_PATTERNS,
    DEFAULT_BOT_PATTERNS,
    DEFAULT_WORDS,
    PERSON,
    bot_matcher,
    person_kinds,
)
from inhouse.analysis.git.review_credit import ImportedReviews
from tests.gitrepo import GitRepoBuilder, as_stored, comparable, lines

ANN = "Ann Archer <ann@acme.com>"
PAT = "Pat Partner <pat@partner.io>"
RAJ = "Raj Rao <raj@partner.io>"
BOT_AUTHOR = "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>"
OPTIONS = ScanOptions(
    rules=SideRules(internal_domains=("acme.com",), partner_domains=("partner.io",)),
    start=date(2022, 1, 1),
    period="month",
)


def _stored(outcome) -> dict:
    return as_stored(outcome.state)  # as the store keeps it


def test_person_kinds_checks_only_the_authors_new_since():
    people = [("Ann", "ann@acme.com"), ("dependabot[bot]", "x@y.z"), ("Copilot", "c@github.com")]
    bots = bot_matcher(None)
    assert person_kinds(people, bots) == PERSON + BOT + AGENT
    assert person_kinds(people, None) == PERSON * 3  # --include-bots: everyone is a person
    # the first two were found before (here deliberately wrong, to show they are not checked again)
    assert person_kinds(people, bots, known=AGENT + AGENT) == AGENT + AGENT + AGENT


def _history(tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(PAT, "2022-01-10", {"m/train.py": lines(40), "m/data.py": lines(10, "d"), "README.md": lines(3)})
    repo.commit(ANN, "2022-02-10", {"m/train.py": lines(45), "app/api.py": lines(20, "api")})
    repo.commit(BOT_AUTHOR, "2022-02-11", {"requirements.txt": lines(2, "req")})
    repo.commit(PAT, "2022-03-10", {"m/data.py": lines(14, "d")})
    return repo


def test_a_rescan_reusing_the_memo_equals_a_full_analysis(tmp_path):
    repo = _history(tmp_path)
    first = scan_repository(repo.path, OPTIONS)
    memo = first.state["memo"]
    assert set(memo) >= {"kinds", "counts", "sums", "authors", "tail_risk"}
    # new work: an old file changed across months, a new person, a rename and a deletion
    repo.commit(RAJ, "2022-04-02", {"m/train.py": lines(50), "m/new.py": lines(5, "n")})
    repo.commit(ANN, "2022-05-20", rename={"app/api.py": "app/service.py"})
    repo.commit(PAT, "2022-06-01", {"m/data.py": None, "m/train.py": lines(52)})
    again = scan_repository(repo.path, OPTIONS, previous=_stored(first))
    full = scan_repository(repo.path, OPTIONS)
    assert again.report.incremental and not full.report.incremental
    assert comparable(again.report) == comparable(full.report)
    assert again.state["memo"] == full.state["memo"]


def test_an_entry_made_under_other_inputs_is_computed_again(tmp_path):
    repo = _history(tmp_path)
    first = _stored(scan_repository(repo.path, OPTIONS))
    repo.commit(ANN, "2022-04-02", {"m/train.py": lines(50)})
    full = scan_repository(repo.path, OPTIONS)
    # kept answers that no longer hold: a wrong bot verdict under other patterns, a wrong sum
    # under another filter, wrong authors under other identities
    spoiled = as_stored(first)
    spoiled["memo"]["kinds"] = {"key": "other patterns", "kinds": AGENT * len(spoiled["people"])}
    spoiled["memo"]["sums"]["key"] = "another filter"
    spoiled["memo"]["sums"]["added"] = [10**6] * len(spoiled["people"])
    spoiled["memo"]["authors"]["key"] = "other identities"
    spoiled["memo"]["authors"]["authors"] = [[0]] * len(spoiled["files"])
    spoiled["memo"]["tail_risk"]["key"] = "other groups"
    again = scan_repository(repo.path, OPTIONS, previous=spoiled)
    assert comparable(again.report) == comparable(full.report)
    # other options (bots counted as people, docs counted) against the same stored facts
    other = ScanOptions(rules=OPTIONS.rules, include_bots=True, period="quarter")
    assert comparable(scan_repository(repo.path, other, previous=first).report) == comparable(
        scan_repository(repo.path, other).report
    )


def test_a_history_restored_twice_does_not_share_its_memo(tmp_path):
    state = _stored(scan_repository(_history(tmp_path).path, OPTIONS))
    one, two = History.from_state(state), History.from_state(state)
    assert one is not None and two is not None
    one.memo["kinds"] = {"key": "changed", "kinds": ""}
    assert two.memo["kinds"] != one.memo["kinds"] and state["memo"]["kinds"]["key"] != "changed"


def test_a_damaged_state_means_a_full_scan_not_a_crash(tmp_path):
    repo = _history(tmp_path)
    state = _stored(scan_repository(repo.path, OPTIONS))
    repo.commit(ANN, "2022-04-02", {"m/train.py": lines(50)})
    full = scan_repository(repo.path, OPTIONS)
    for damage in (
        {"commit_days": [[1]]},
        {"ints": "not base64!"},
        {"ints": state["ints"][:-12]},  # numbers missing: the counts do not add up
        {"files": [["a.py", -1]]},
        {"people": None},
    ):
        again = scan_repository(repo.path, OPTIONS, previous={**state, **damage})
        assert not again.report.incremental
        assert "the stored scan could not be read: scanned fully" in again.report.warnings
        assert comparable(again.report) == comparable(full.report)


def test_every_default_pattern_needs_one_of_the_words_that_skip_the_regexes():
    # the words are what the patterns spell out, never behind an optional group or a class
    for pattern in (*DEFAULT_BOT_PATTERNS, *DEFAULT_AGENT_PATTERNS):
        literal = re.sub(r"\\[bdsS]|\(\w+ \)\?|[\\^$?+*()]", "", pattern).lower()
        assert any(word in literal for word in DEFAULT_WORDS), pattern


def test_the_words_give_what_the_regexes_give():
    bots = bot_matcher(None)
    assert bots is not None
    words = sorted({w for w in DEFAULT_WORDS} | {"Bot", "GITHUB", "Travis-CI", "CoPilot", "jenkins"})
    people = [
        *[(f"{w} builder", f"x@{w}.io") for w in words],
        *[(f"Ann {w}", "ann@acme.com") for w in words],
        *[(name.upper(), email.upper()) for name, email in [("travis ci", "t@x.org"), ("claude", "c@x.org")]],
        ("Ann Archer", "ann@acme.com"), ("ROBOTICS Team", "r@acme.com"), ("Zoë Brandt", "zoe@acme.com"),
        ("ſnyk-bot", "s@x.io"), ("Claude", "noreply@anthropic.com"), ("K\u212a", "k@x.io"),
    ]  # fmt: skip
    by_regex = "".join(
        AGENT if AGENTS.search(f"{n} <{e}>") else BOT if bots.search(f"{n} <{e}>") else PERSON for n, e in people
    )
    assert person_kinds(people, bots) == by_regex
    assert BOT in by_regex and AGENT in by_regex and PERSON in by_regex


RECENCY = ScanOptions(rules=OPTIONS.rules, start=date(2022, 1, 1), period="month", knowledge_model="recency")


def test_a_recency_rescan_fades_the_kept_knowledge_and_equals_a_full_analysis(tmp_path):
    repo = _history(tmp_path)
    reviews = ImportedReviews(
        (
            (("m/train.py",), (("ann", 19030),)),  # Ann reviewed train.py on 2022-02-07
            (("app/api.py", "m/data.py"), (("pat", 19050), ("raj", 19400))),  # Raj's review after every head
        )
    )
    options = replace(RECENCY, reviews=reviews)
    first = scan_repository(repo.path, options)
    entries = first.state["memo"]["authors"]["authors"]
    assert sum(isinstance(e, list) for e in entries) >= 2  # settled files keep their candidates
    for day in ("2022-04-02", "2022-06-08", "2022-09-06"):  # 2022-06-08 is one half-life after 2022-03-10
        repo.commit(RAJ, day, {"m/new.py": lines(5, day)})
        again = scan_repository(repo.path, options, previous=_stored(first))
        full = scan_repository(repo.path, options)
        assert again.report.incremental
        assert comparable(again.report) == comparable(full.report)
        assert again.report.offboarding == full.report.offboarding
        first = again
    # the kept entries are what answers: one spoiled (train.py known by someone else) shows it
    stored = _stored(first)
    train = [r[0] for r in stored["files"]].index("m/train.py")
    entry = stored["memo"]["authors"]["authors"][train]
    other = next(i for i in range(3) if i not in entry[2::2])  # an identity the file's entry does not name
    stored["memo"]["authors"]["authors"][train] = [entry[0], entry[1], other, 10.0**6]
    repo.commit(RAJ, "2022-09-07", {"m/new.py": lines(6, "x")})
    spoiled = scan_repository(repo.path, options, previous=stored)
    assert comparable(spoiled.report) != comparable(scan_repository(repo.path, options).report)
    # kept under another half-life, or other reviews: computed again, the same as a full analysis
    for other in (replace(options, knowledge_half_life_days=30.0), replace(options, reviews=None)):
        assert comparable(scan_repository(repo.path, other, previous=_stored(first)).report) == comparable(
            scan_repository(repo.path, other).report
        )


def test_recency_candidates_and_their_fading():
    from inhouse.analysis.git.recency import candidates, knowers, knowers_later

    scores = {0: 4.0, 1: 3.5, 2: 1.0}
    kept = candidates(scores)
    assert kept == [(0, 4.0), (1, 3.5)]  # 2 is below 0.75 of the best at every later head
    assert knowers_later(kept, 0, 90) == knowers(scores) == {0, 1}
    assert knowers_later(kept, 180, 90) == knowers({i: v / 4 for i, v in scores.items()}) == {0, 1}  # 1.0, 0.875
    assert knowers_later(kept, 270, 90) is None  # 0.5 and 0.4375: 0.5 is too near to trust the rounding
    assert knowers_later([(1, 3.5)], 270, 90) == frozenset()
    assert knowers_later([(0, 4.0)], 269, 90) == {0}
    assert candidates({0: 4.0, 1: 3.0}) is None  # exactly 0.75 of the best: computed each time
    assert candidates({}) == []
