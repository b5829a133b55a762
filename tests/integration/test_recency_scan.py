"""The recency knowledge model through ``inhouse scan``: real histories with controlled dates and
credit trailers, the same repository scanned under both models, every figure worked out by hand."""

from __future__ import annotations

import pytest

from tests.gitrepo import GitRepoBuilder, lines

ANN = "Ann Archer <ann@acme.com>"  # internal
PAT = "Pat Partner <pat@partner.io>"  # partner
QUINN = "Quinn Quill <quinn@partner.io>"  # partner
RAE = "Rae Reviewer <rae@acme.com>"  # internal, only ever reviews
SIDES = ("--internal-domain", "acme.com", "--partner-domain", "partner.io")


def _message(subject: str, *trailers: str) -> str:
    return subject + "\n\nWhy it changed.\n\n" + "\n".join(trailers) + "\n"


@pytest.fixture
def repo(tmp_path) -> GitRepoBuilder:
    """Head committed on 2023-04-01. Ages at the head: 2023-01-01 is 90 days old (31 + 28 + 31),
    2023-03-02 is 30 days old, 2023-04-01 is 0."""
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(PAT, "2023-01-01", {"old.py": lines(5, "o"), "old2.py": lines(5, "p"), "faded.py": lines(5, "f")})
    repo.commit(ANN, "2023-03-02", {"faded.py": lines(6, "f")})
    repo.commit(PAT, "2023-04-01", {"paired.py": lines(5, "q")}, message=_message("pair", f"Co-authored-by: {ANN}"))
    repo.commit(
        PAT,
        "2023-04-01",
        {"reviewed.py": lines(5, "r"), "fresh.py": lines(5, "s")},
        message=_message("add", f"Reviewed-by: {RAE}"),
    )
    repo.commit(QUINN, "2023-04-01", {"reviewed.py": lines(6, "r")}, message=_message("fix", f"Reviewed-by: {RAE}"))
    return repo


def _scan(cli, monkeypatch, repo: GitRepoBuilder, model: str | None) -> dict:
    if model is None:
        monkeypatch.delenv("INHOUSE_KNOWLEDGE_MODEL", raising=False)
        monkeypatch.delenv("INHOUSE_KNOWLEDGE_HALF_LIFE_DAYS", raising=False)
    else:
        monkeypatch.setenv("INHOUSE_KNOWLEDGE_MODEL", model)
        monkeypatch.setenv("INHOUSE_KNOWLEDGE_HALF_LIFE_DAYS", "30")
    return cli.ok("scan", str(repo.path), *SIDES, "--json").json


def _email(scan: dict, ident: str) -> str:
    return next(i["emails"][0] for i in scan["identities"] if i["id"] == ident)


def _authored(scan: dict) -> dict[str, int]:
    return {i["emails"][0]: i["files_authored"] for i in scan["identities"]}


def test_avelino2016_reads_commits_alone(cli, monkeypatch, repo):
    scan = _scan(cli, monkeypatch, repo, None)
    assert scan["knowledge_model"] == "avelino2016" and scan.get("knowledge_half_life_days") is None
    # DOA (Avelino et al.): a file's creator alone has 3.293 + 1.098 = 4.391.
    # old, old2, paired, fresh: {Pat}; the trailers give Ann and Rae nothing.
    # faded: Pat 3.293 + 1.098 - 0.321 ln 2 = 4.1685, Ann 3.293 + 0.164 = 3.457 (0.829 of it): {Pat, Ann}.
    # reviewed: Pat 4.1685, Quinn 3.457: {Pat, Quinn}.
    assert _authored(scan) == {"pat@partner.io": 6, "ann@acme.com": 1, "quinn@partner.io": 1}
    # Greedy: removing Pat leaves 2 of 6 files with an author (2 * 2 < 6): truck factor 1.
    assert scan["truck_factor"]["value"] == 1
    assert [_email(scan, a) for a in scan["truck_factor"]["authors"]] == ["pat@partner.io"]
    # The partner gone: every file but faded has no internal author, and no author left at all.
    off = scan["offboarding"]
    assert (off["files"], off["orphaned_files"], off["unknown_files"]) == (6, 5, 5)


def test_recency_fades_old_authors_and_credits_co_authors_and_reviewers(cli, monkeypatch, repo):
    scan = _scan(cli, monkeypatch, repo, "recency")
    assert scan["knowledge_model"] == "recency" and scan["knowledge_half_life_days"] == 30
    # Weights 2^(-age/30): 90 days 0.125, 30 days 0.5, today 1. Knows: >= 0.5 and >= 0.75 of the best.
    # old, old2: Pat 0.125 < 0.5: nobody knows them.
    # faded: Pat 0.125, Ann 0.5: {Ann} (the old author faded out).
    # paired: Pat 1, Ann (co-author) 1: {Pat, Ann}.
    # fresh: Pat 1, Rae (reviewer) 0.5 * 1 = 0.5 < 0.75: {Pat}.
    # reviewed: Pat 1, Quinn 1, Rae 0.5 + 0.5 = 1: {Pat, Quinn, Rae} (the reviewer became a knower).
    # Rae commits nothing, so she is not listed among the identities.
    assert _authored(scan) == {"pat@partner.io": 3, "ann@acme.com": 2, "quinn@partner.io": 1}
    # Greedy over 6 files, 4 known: remove Pat (3) -> paired, reviewed, faded known (3 * 2 = 6, not < 6);
    # remove Ann (2) -> reviewed alone (1 * 2 < 6): truck factor 2.
    assert scan["truck_factor"]["value"] == 2
    assert [_email(scan, a) for a in scan["truck_factor"]["authors"]] == ["pat@partner.io", "ann@acme.com"]
    # The partner gone: old and old2 (known by nobody already) and fresh (Pat alone) have no author
    # left; reviewed keeps Rae, paired and faded Ann.
    off = scan["offboarding"]
    assert (off["files"], off["orphaned_files"], off["unknown_files"]) == (6, 3, 3)
    holders = {f["path"]: f["holder"] for f in scan["knowledge_map"]["files"]}
    assert holders == {
        "old.py": "nobody",
        "old2.py": "nobody",
        "faded.py": "internal",
        "paired.py": "both",
        "fresh.py": "partner",
        "reviewed.py": "both",
    }
    text = cli.ok("scan", str(repo.path), *SIDES).stdout
    assert "Knowledge model: recency (half-life 30 days" in text


def test_a_longer_half_life_keeps_the_old_author(cli, monkeypatch, repo):
    monkeypatch.setenv("INHOUSE_KNOWLEDGE_MODEL", "recency")
    monkeypatch.setenv("INHOUSE_KNOWLEDGE_HALF_LIFE_DAYS", "90")
    scan = cli.ok("scan", str(repo.path), *SIDES, "--json").json
    # Half-life 90: 90 days 0.5, 30 days 2^(-1/3) = 0.7937. old, old2: Pat 0.5: {Pat}.
    # faded: Pat 0.5, Ann 0.7937 (0.5 / 0.7937 = 0.63 < 0.75): {Ann}. The rest as with 30 days.
    assert _authored(scan) == {"pat@partner.io": 5, "ann@acme.com": 2, "quinn@partner.io": 1}
    # Known by nobody today: none (old and old2 are Pat's again).
    assert {f["holder"] for f in scan["knowledge_map"]["files"]} == {"partner", "internal", "both"}


@pytest.mark.parametrize(
    ("name", "value"),
    [("INHOUSE_KNOWLEDGE_MODEL", "newest"), ("INHOUSE_KNOWLEDGE_HALF_LIFE_DAYS", "0")],
)
def test_a_bad_knowledge_setting_is_one_line_naming_it(cli, monkeypatch, repo, name, value):
    monkeypatch.setenv(name, value)
    refused = cli("scan", str(repo.path))
    assert refused.exit_code == 2
    assert name in refused.stderr and "Traceback" not in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1


def test_ages_count_to_the_day_the_head_was_committed(cli, monkeypatch, tmp_path):
    repo = GitRepoBuilder(tmp_path / "late")
    repo.commit(PAT, "2023-01-01", {"x.py": lines(5)})
    # the head: written on 2023-01-01 too, but committed (rebased) on 2023-07-01, 181 days later
    repo.git(
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "rebased",
        env={
            **GitRepoBuilder._who_env(PAT, "2023-01-01"),
            "GIT_COMMITTER_DATE": "2023-07-01T12:00:00+00:00",
        },
    )
    monkeypatch.setenv("INHOUSE_KNOWLEDGE_MODEL", "recency")
    monkeypatch.setenv("INHOUSE_KNOWLEDGE_HALF_LIFE_DAYS", "30")
    scan = cli.ok("scan", str(repo.path), *SIDES, "--json").json
    # 2^(-181/30) = 0.015 < 0.5: by the snapshot's day Pat no longer knows x.py
    assert _authored(scan) == {"pat@partner.io": 0}
    assert scan["offboarding"]["unknown_files"] == 1
