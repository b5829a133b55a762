"""`inhouse exit-readiness --register` end to end: the B_07.01 columns from a real workspace, as a
table, JSON and CSV, and the errors."""

from __future__ import annotations

import csv
import io

import pytest

from tests.conftest import Cli
from tests.functional.test_proposal_versions_cli import V1, V2
from tests.gitrepo import GitRepoBuilder, lines
from tests.webdata import CONTRACT_TEXT

CODES = [f"B_07.01.{n:04d}" for n in range(50, 130, 10)]


def _workspace(cli: Cli, tmp_path) -> None:
    cli.ok("partner", "add", "Quantia Labs", "--domain", "quantialabs.io")
    cli.ok("engagement", "add", "ETA prediction", "--partner", "Quantia Labs", "--start", "2025-06-02")
    repo = GitRepoBuilder(tmp_path / "code")
    repo.commit("Pat <pat@quantialabs.io>", "2026-01-05", {"api/serve.py": lines(10), "infra/deploy.py": lines(8)})
    for n in range(3):
        repo.commit("Ann <ann@acme.com>", f"2026-02-0{n + 2}", {"api/serve.py": lines(12 + n)})
    cli.ok("person", "add", "Ann Inside", "--side", "internal", "--email", "ann@acme.com")
    cli.ok("repo", "add", str(repo.path), "-e", "ETA prediction")
    cli.ok("scan", str(repo.path), "--internal-domain", "acme.com")
    contract = tmp_path / "quantia-msa.txt"
    contract.write_text(CONTRACT_TEXT)  # ownership to the client, 40 h of training, no exit clause
    cli.ok("contract", "check", str(contract), "-e", "ETA prediction")
    cli.ok("drill", "add", "Change the API port", "--person", "Ann Inside", "--outcome", "alone", "--on", "2025-10-01")


def test_the_register_derives_every_column_with_its_reason(cli, tmp_path):
    _workspace(cli, tmp_path)
    data = cli.ok("exit-readiness", "--register", "--as-of", "2026-11-27", "--json").json
    assert (data["template"], data["engagement"], data["partner"], data["as_of"]) == (
        "B_07.01",
        "ETA prediction",
        "Quantia Labs",
        "2026-11-27",
    )
    cells = {key: data[key] for key in list(data)[5:]}
    assert [c["code"] for c in cells.values()] == CODES
    assert all(c["reason"] for c in cells.values())
    # no exit clause: highly complex, the reason being the difficulty to ensure data portability
    assert cells["substitutability"]["value"] == "Highly complex substitutability"
    assert "the contract has no exit clause" in cells["substitutability"]["reason"]
    assert cells["substitutability_reason"]["value"] == "Difficulties in migrating or reintegrating"
    assert "no tested export recorded" in cells["substitutability_reason"]["reason"]
    # half the files (infra/deploy.py) only the partner wrote: reintegration is difficult, not easy
    assert cells["reintegration"]["value"] == "Difficult"
    assert "50% of files would have no internal author" in cells["reintegration"]["reason"]
    assert cells["reintegration"]["evidence"][0]["source"] == "scan"
    # the only drill is older than 12 months: the exit plan exists, untested
    assert (cells["exit_plan"]["value"], cells["exit_plan"]["test"]) == ("Yes", "untested")
    assert "the last drill, on 2025-10-01, is older than 12 months" in cells["exit_plan"]["reason"]
    assert cells["last_audit"]["value"] is None
    assert cells["alternatives"]["value"] == "Assessment not performed"
    # as of a day within the drill's 12 months, the same drill tests the plan
    earlier = cli.ok("exit-readiness", "--register", "--as-of", "2026-06-01", "--json").json
    assert (earlier["exit_plan"]["test"], earlier["exit_plan"]["tested_on"]) == ("tested", "2025-10-01")

    table = cli.ok("exit-readiness", "ETA prediction", "--register").stdout
    assert "B_07.01.0050" in table and "B_07.01.0120" in table and "untested" in table


def test_an_alternative_provider_counts_its_proposal_once_however_many_versions(cli, tmp_path):
    _workspace(cli, tmp_path)
    cli.ok("partner", "add", "Fathom", "--domain", "fathom.ai")
    for n, text in enumerate((V1, V2), start=1):
        path = tmp_path / f"fathom-v{n}.md"
        path.write_text(text)
        cli.ok("partner", "assess", str(path), "--partner", "Fathom")
    data = cli.ok("exit-readiness", "--register", "--as-of", "2026-11-27", "--json").json
    assert data["alternatives"]["value"] == "Yes"
    assert "Fathom (1 assessed proposal," in data["alternatives"]["reason"], data["alternatives"]


def test_the_register_csv_has_the_column_codes_and_neutralised_cells(cli, tmp_path):
    _workspace(cli, tmp_path)
    cli.ok("partner", "add", "@Evil AI")
    cli.ok("partner", "reference", "add", "@Evil AI", "Bank of Somewhere", "--similar-scale", "yes")
    result = cli.ok("exit-readiness", "--register", "--csv")
    assert result.stdout.startswith(",".join(CODES) + "\n")  # (the runner shows \r\n as \n)
    header, row = list(csv.reader(io.StringIO(result.stdout)))
    values = dict(zip(header, row, strict=True))
    assert values["B_07.01.0050"] == "Highly complex substitutability"
    assert values["B_07.01.0060"] == "Difficulties in migrating or reintegrating"
    assert values["B_07.01.0070"] == ""  # no audit of the provider recorded: left for the filer
    assert values["B_07.01.0110"] == "Yes"
    assert values["B_07.01.0120"] == "'@Evil AI"  # a spreadsheet shows it, never evaluates it
    data = cli.ok("exit-readiness", "--register", "--json").json
    assert data["alternative_providers"]["value"] == "@Evil AI"
    assert "1 reference check" in data["alternatives"]["reason"]


def test_the_checklist_csv_is_one_row_per_item(cli, tmp_path):
    _workspace(cli, tmp_path)
    rows = list(csv.DictReader(io.StringIO(cli.ok("exit-readiness", "--csv").stdout)))
    items = cli.ok("exit-readiness", "--json").json["items"]
    assert [r["key"] for r in rows] == [i["key"] for i in items]
    assert rows[0]["evidence.ref"] == items[0]["evidence"]["ref"]


@pytest.mark.parametrize(
    "args,code,message",
    [
        (["exit-readiness", "--as-of", "2026-11-27"], 2, "--as-of is for --register"),
        (["exit-readiness", "--register", "--as-of", "2026-13-01"], 2, "invalid --as-of date"),
        (["exit-readiness", "--register", "--as-of", "1969-12-31"], 2, "as_of must not be before 1970-01-01"),
        (["exit-readiness", "--register", "--json", "--csv"], 2, "--json and --csv cannot be used together"),
        (["exit-readiness", "Nope", "--register"], 3, "no engagement 'Nope'"),
    ],
)
def test_register_errors(cli, args, code, message):
    cli.ok("partner", "add", "Quantia Labs")
    cli.ok("engagement", "add", "ETA prediction", "--partner", "Quantia Labs", "--start", "2025-06-02")
    result = cli(*args)
    assert result.exit_code == code and message in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
