"""`inhouse scan --leaves / --inactive-days`: chosen leavers end to end, with hand-worked counts."""

from __future__ import annotations

from tests.gitrepo import GitRepoBuilder, lines

ANN = "Ann Inside <ann@acme.com>"
PAT = "Pat Partner <pat@quantialabs.io>"
RAJ = "Raj Partner <raj@quantialabs.io>"


def _repo(tmp_path):
    repo = GitRepoBuilder(tmp_path / "eta")
    repo.commit(PAT, "2025-06-10", {"model/train.py": lines(30), "model/eval.py": lines(10, "e")})
    repo.commit(RAJ, "2025-07-10", {"serve/api.py": lines(12, "api")})
    repo.commit(ANN, "2025-09-10", {"app/report.py": lines(8, "r")})
    return repo


def _linked(cli, tmp_path) -> GitRepoBuilder:
    """:func:`_repo` linked to Quantia Labs' engagement, Ann registered inside."""
    repo = _repo(tmp_path)
    cli.ok("partner", "add", "Quantia Labs", "--domain", "quantialabs.io")
    cli.ok("engagement", "add", "ETA prediction", "--partner", "Quantia Labs", "--start", "2025-06-02")
    cli.ok("person", "add", "Ann Inside", "--side", "internal", "--email", "ann@acme.com")
    cli.ok("repo", "add", str(repo.path), "--engagement", "ETA prediction")
    return repo


def test_chosen_leavers_in_the_json_and_the_text(cli, tmp_path):
    repo = _linked(cli, tmp_path)
    # Raj alone leaves: serve/api.py (his only) loses its author; Pat's 2 files stay known outside
    data = cli.ok("scan", str(repo.path), "--json", "--leaves", "raj@quantialabs.io").json
    # who inside could take over: the one file of Raj's nobody inside knows, not all the partner's
    assert [f["path"] for f in data["successors"]] == ["serve/api.py"]
    gone = data["leavers"]
    assert gone["people"] == ["raj@quantialabs.io"] and gone["rule"] == "chosen: raj@quantialabs.io"
    assert (gone["files"], gone["orphaned_files"], gone["unknown_files"], gone["other_only_files"]) == (4, 3, 1, 2)
    # the history ends 2025-09-10: Pat is 92 days inactive, Raj 62
    data = cli.ok("scan", str(repo.path), "--json", "--inactive-days", "90").json
    assert data["leavers"]["people"] == ["pat@quantialabs.io"]
    assert (data["leavers"]["orphaned_files"], data["leavers"]["unknown_files"]) == (3, 2)
    text = cli.ok("scan", str(repo.path), "--leaves", "Pat Partner,raj@quantialabs.io").stdout
    assert "If pat@quantialabs.io, raj@quantialabs.io left" in text
    said = " ".join(text.split())  # the console wraps long lines
    assert "3 of 4 files would be known by nobody who stays, and 3 of 4 would have no internal author" in said
    assert "without --json" not in text
    assert "folders" not in data  # no folder has the 5 files a truck factor needs: the key is left out


def test_partner_people_gone_after_their_contract_ended(cli, tmp_path):
    repo = _linked(cli, tmp_path)
    # Pat's last commit is on 2025-06-10, Raj's on 2025-07-10: a commit on the day itself is not after it
    both = cli.ok("scan", str(repo.path), "--json", "--gone-after", "2025-07-10").json["leavers"]
    assert both["people"] == ["pat@quantialabs.io", "raj@quantialabs.io"]
    assert both["rule"] == "partner people with no commit after 2025-07-10"
    assert (both["files"], both["orphaned_files"], both["unknown_files"], both["other_only_files"]) == (4, 3, 3, 0)
    pat = cli.ok("scan", str(repo.path), "--json", "--gone-after", "2025-07-09").json["leavers"]
    assert pat["people"] == ["pat@quantialabs.io"] and (pat["orphaned_files"], pat["unknown_files"]) == (3, 2)
    bad = cli("scan", str(repo.path), "--gone-after", "10/07/2025")
    assert bad.exit_code == 2 and "--gone-after" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
