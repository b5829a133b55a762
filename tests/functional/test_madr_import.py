"""Importing a folder of MADR decisions from the command line: nineteen records of varied shapes
all import, and one without a date of its own takes its file's last commit (read through the safe
git runner); outside a work tree such a record still needs --date."""

from __future__ import annotations

from tests.conftest import Cli
from tests.gitrepo import GitRepoBuilder
from tests.madr_samples import TITLES, UNDATED, nineteen

ANN = "Ann Inside <ann@acme.com>"


def _setup(cli: Cli) -> None:
    cli.ok("partner", "add", "Quantia Labs", "--domain", "quantialabs.io")
    cli.ok("engagement", "add", "ETA", "--partner", "Quantia Labs", "--start", "2025-06-02")
    cli.ok("person", "add", "Ann Inside", "--side", "internal", "--email", "ann@acme.com")
    cli.ok("person", "add", "Pat Partner", "--side", "partner", "--partner", "Quantia Labs")


def test_nineteen_madr_decisions_import_with_commit_dates(cli, tmp_path):
    _setup(cli)
    files = nineteen()
    repo = GitRepoBuilder(tmp_path / "project")
    names = sorted(files)
    repo.commit(ANN, "2025-11-03", {f"docs/decisions/{n}": files[n] for n in names[:10]} | {"README.md": "x\n"})
    repo.commit(ANN, "2025-12-01", {f"docs/decisions/{n}": files[n] for n in names[10:]})
    repo.commit(ANN, "2026-01-05", {f"docs/decisions/{names[3]}": files[names[3]] + "\nEdited.\n"})
    (repo.path / "docs/decisions/README.md").write_text("# Decisions\n\nThe index.\n")
    (repo.path / "docs/decisions/adr-template.md").write_text("# {short title}\n")
    imported = cli.ok(
        "decision", "import", str(repo.path / "docs/decisions"), "-e", "ETA", "--decided-by", "joint", "--json"
    ).json
    assert len(imported["added"]) == 19 and imported["unchanged"] == []
    rows = {r["title"]: r for r in cli.ok("decision", "list", "-e", "ETA", "--json").json}
    assert len(rows) == 19
    by_file = {name: rows[f"{TITLES[name[5:-3]]} ({int(name[:4])})"] for name in names}
    assert by_file[names[3]]["decided_on"] == "2026-01-05"  # its own last commit
    assert by_file[names[4]]["decided_on"] == "2025-11-03"
    assert by_file[names[11]]["decided_on"] == "2025-12-01"
    assert by_file["0000-madr4.md"]["decided_on"] == "2025-09-15"  # a date of its own wins
    assert by_file["0000-madr4.md"]["deciders"] == ["Ann Inside", "Pat Partner"]
    from_commits = {n[5:-3] for n in names if by_file[n]["decided_on"] in ("2025-11-03", "2025-12-01", "2026-01-05")}
    assert from_commits == UNDATED


def test_outside_a_work_tree_an_undated_record_needs_a_date(cli, tmp_path):
    _setup(cli)
    folder = tmp_path / "loose"
    folder.mkdir()
    for name, text in list(nineteen().items())[:7]:
        (folder / name).write_text(text)
    refused = cli("decision", "import", str(folder), "-e", "ETA", "--decided-by", "joint")
    assert refused.exit_code == 2 and "no date" in refused.stderr and "\n" not in refused.stderr.strip()
    assert cli.ok("decision", "list", "-e", "ETA", "--json").json == []
    dated = cli.ok(
        "decision", "import", str(folder), "-e", "ETA", "--decided-by", "joint", "--date", "2025-12-15", "--json"
    ).json
    assert len(dated["added"]) == 7


def test_one_file_in_a_work_tree_takes_its_commit_date(cli, tmp_path):
    _setup(cli)
    repo = GitRepoBuilder(tmp_path / "one")
    text = nineteen()["0003-template-values.md"]
    repo.commit(ANN, "2025-10-20", {"adr/0003-retrain.md": text})
    cli.ok("decision", "import", str(repo.path / "adr/0003-retrain.md"), "-e", "ETA", "--decided-by", "joint")
    [row] = cli.ok("decision", "list", "-e", "ETA", "--json").json
    assert row["decided_on"] == "2025-10-20" and row["title"] == "Retrain monthly (3)"
