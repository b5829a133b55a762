"""Credit trailers (Co-authored-by, Reviewed-by) read from real histories, kept in the facts,
folded incrementally exactly as a full scan folds them."""

from __future__ import annotations

from datetime import date

from inhouse.analysis.git import ScanOptions, SideRules, scan_repository
from inhouse.analysis.git.gitcmd import GitRepo
from inhouse.analysis.git.history import History
from inhouse.analysis.git.mining import iter_commits
from inhouse.analysis.git.trailers import CO_AUTHOR, MAX_TRAILERS, REVIEWER, parse_trailers
from tests.gitrepo import GitRepoBuilder, as_stored, lines

ANN = "Ann Archer <ann@acme.com>"
PAT = "Pat Partner <pat@partner.io>"
OPTIONS = ScanOptions(
    rules=SideRules(internal_domains=("acme.com",), partner_domains=("partner.io",)),
    start=date(2022, 1, 1),
)


def _message(subject: str, *trailers: str) -> str:
    return subject + "\n\nWhy it changed.\n\n" + "\n".join(trailers) + "\n"


def test_parse_keeps_credit_trailers_only_and_bounds_them():
    raw = b"\x1f".join(
        [
            b"Co-authored-by: Bee Bop <bee@x.io>",
            b"reviewed-by: Cee Dee <CEE@y.io>",
            b"Signed-off-by: Ann Archer <ann@acme.com>",  # not credit: never asked for, dropped if given
            b"Reviewed-by: Ann Archer <ANN@acme.com>",  # the author herself
            b"Reviewed-by: Bee Bop <bee@X.io>",  # already credited
            b"Co-authored-by: no email here",
            b"Co-authored-by: Long <" + b"l" * 400 + b"@x.io>",
        ]
    )
    assert parse_trailers(raw, ("Ann Archer", "ann@acme.com")) == (
        (CO_AUTHOR, "Bee Bop", "bee@x.io"),
        (REVIEWER, "Cee Dee", "CEE@y.io"),
    )
    many = b"\x1f".join(b"Reviewed-by: R%d <r%d@x.io>" % (i, i) for i in range(50))
    assert len(parse_trailers(many)) == MAX_TRAILERS
    assert parse_trailers(b"") == ()


def test_mining_reads_the_trailer_block_of_each_commit(tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(
        PAT,
        "2022-01-10",
        {"a.py": lines(5)},
        message=_message("add a", "Co-authored-by: Ann Archer <ann@acme.com>", "Signed-off-by: Pat <pat@partner.io>"),
    )
    repo.commit(ANN, "2022-02-10", {"a.py": lines(6)}, message="Reviewed-by: Pat <pat@partner.io> in a subject")
    repo.commit(ANN, "2022-03-10", {"a.py": lines(7)}, message=_message("fix", "Reviewed-by: Pat <pat@partner.io>"))
    git = GitRepo.open(repo.path)
    credits = [c.credits for c in iter_commits(git, git.resolve("HEAD"))]
    assert credits == [
        ((CO_AUTHOR, "Ann Archer", "ann@acme.com"),),
        (),  # a subject line is no trailer block
        ((REVIEWER, "Pat", "pat@partner.io"),),
    ]


def _repo(tmp_path) -> GitRepoBuilder:
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(
        PAT,
        "2022-01-10",
        {"m/train.py": lines(40), "m/data.py": lines(10, "d")},
        message=_message("start", "Co-authored-by: Ann Archer <ann@acme.com>"),
    )
    repo.branch("side")
    repo.commit(
        PAT,
        "2022-02-10",
        {"m/train.py": lines(45)},
        message=_message("tune", "Reviewed-by: Rae Reviewer <rae@acme.com>"),
    )
    return repo


def test_facts_keep_each_files_credits_by_entry(tmp_path):
    repo = _repo(tmp_path)
    state = scan_repository(repo.path, OPTIONS).state
    history = History.from_state(as_stored(state))
    assert history is not None
    people = {email: i for i, (_name, email) in enumerate(history.people)}
    assert list(people) == ["pat@partner.io", "ann@acme.com", "rae@acme.com"]  # author first, then trailers
    train = history.files[history.path_key["m/train.py"]]
    data = history.files[history.path_key["m/data.py"]]
    # train.py: entry 0 (its addition) co-authored by Ann, entry 1 (the change) reviewed by Rae
    assert list(train.credits) == [0, people["ann@acme.com"], CO_AUTHOR, 1, people["rae@acme.com"], REVIEWER]
    assert list(data.credits) == [0, people["ann@acme.com"], CO_AUTHOR]
    assert history.credited_commits == [1, 1]


def test_credited_only_people_are_no_identities_and_change_no_authorship(tmp_path):
    repo = _repo(tmp_path)
    report = scan_repository(repo.path, OPTIONS).report
    assert [i.id for i in report.identities] == ["pat@partner.io"]
    assert report.truck_factor.value == 1


def test_incremental_fold_of_trailers_equals_a_full_scan(tmp_path):
    repo = _repo(tmp_path)
    first = scan_repository(repo.path, OPTIONS)
    repo.commit(
        ANN,
        "2022-03-10",
        {"m/data.py": lines(12, "d")},
        message=_message("data", "Reviewed-by: Pat Partner <pat@partner.io>", "Co-authored-by: Nia New <nia@acme.com>"),
    )
    repo.checkout("side")
    repo.commit(
        ANN, "2022-03-12", {"m/eval.py": lines(4, "e")}, message=_message("eval", "Reviewed-by: Rae <rae@acme.com>")
    )
    repo.checkout("main")
    repo.merge("side", ANN, "2022-04-01")
    again = scan_repository(repo.path, OPTIONS, previous=as_stored(first.state))
    full = scan_repository(repo.path, OPTIONS)
    assert again.report.incremental and not full.report.incremental
    assert again.state is not None and full.state is not None
    for key in ("people", "files", "path_key", "credited_commits"):
        assert again.state[key] == full.state[key], key
    history = History.from_state(full.state)
    assert history is not None
    assert history.credited_commits == [2, 3]
    eval_py = history.files[history.path_key["m/eval.py"]]
    rae = history.people.index(("Rae", "rae@acme.com"))  # a raw person of its own; identities join it by email
    assert list(eval_py.credits) == [0, rae, REVIEWER]
