"""`inhouse scan` end to end on a real SQLite workspace and a real generated repository."""

from __future__ import annotations

import pytest

from tests.gitrepo import GitRepoBuilder, lines

ANN = "Ann Inside <ann@acme.com>"
PAT = "Pat Partner <pat@quantialabs.io>"


@pytest.fixture
def repo(tmp_path):
    repo = GitRepoBuilder(tmp_path / "eta")
    repo.commit(PAT, "2025-06-10", {"model/train.py": lines(30), "serve/api.py": lines(10, "api")})
    repo.commit(PAT, "2025-07-10", {"model/train.py": lines(33)})
    repo.commit(ANN, "2025-08-10", {"app/report.py": lines(8, "r")})
    repo.commit(ANN, "2026-07-10", {"model/train.py": lines(35), "app/report.py": lines(9, "r")})
    return repo


@pytest.fixture
def engaged(cli, repo):
    cli.ok("partner", "add", "Quantia Labs", "--domain", "quantialabs.io")
    cli.ok("engagement", "add", "ETA prediction", "--partner", "Quantia Labs", "--start", "2025-06-02")
    cli.ok("person", "add", "Ann Inside", "--side", "internal", "--email", "ann@acme.com")
    cli.ok("repo", "add", str(repo.path), "--engagement", "ETA prediction")
    return cli


def test_scan_json_shape_and_storage(engaged, repo):
    data = engaged.ok("scan", str(repo.path), "--json", "--blame").json
    assert set(data) >= {
        "repo",
        "rev",
        "commits",
        "identities",
        "truck_factor",
        "offboarding",
        "trajectory",
        "ownership",
        "engagement",
        "result_id",
    }
    assert (data["engagement"], data["rev"], data["commits"]) == ("ETA prediction", "HEAD", 4)
    for ident in data["identities"]:
        assert set(ident) >= {
            "id",
            "names",
            "emails",
            "side",
            "commits",
            "lines_added",
            "lines_deleted",
            "files_authored",
        }
    assert {i["id"]: i["side"] for i in data["identities"]} == {
        "ann@acme.com": "internal",
        "pat@quantialabs.io": "partner",
    }
    assert set(data["truck_factor"]) >= {"value", "authors"}
    off = data["offboarding"]
    assert set(off) >= {"side", "files", "orphaned_files", "orphaned_share", "orphaned_lines", "by_directory"}
    assert off["side"] == "partner"
    assert set(off["by_directory"][0]) >= {"path", "files", "orphaned_files"}
    # serve/api.py is Pat's alone; model/train.py: Pat FA, DL=2, AC=1 -> 4.5335, Ann DL=1, AC=2 -> 3.1043
    assert (off["files"], off["orphaned_files"]) == (3, 2)
    assert [p["period"] for p in data["trajectory"]] == ["year 1", "year 2"]
    for period in data["trajectory"]:
        assert set(period) >= {
            "period",
            "start",
            "end",
            "internal_commit_share",
            "internal_line_share",
            "internal_authorship_share",
            "plan_internal_share",
        }
    assert [p["plan_internal_share"] for p in data["trajectory"]] == [0.3, 0.6]
    assert [p["internal_commit_share"] for p in data["trajectory"]] == [pytest.approx(1 / 3, abs=1e-4), 1.0]
    assert {o["identity"]: o["side"] for o in data["ownership"]} == {
        "pat@quantialabs.io": "partner",
        "ann@acme.com": "internal",
    }

    shown = engaged.ok("engagement", "show", "--json").json
    assert shown["knowledge"]["truck_factor"] == data["truck_factor"]["value"]
    assert shown["knowledge"]["orphaned_share"] == off["orphaned_share"]
    assert (shown["knowledge"]["period"], shown["knowledge"]["plan_internal_share"]) == ("year 2", 0.6)
    assert "scan" in [a["kind"] for a in shown["analyses"]]
    assert "Code knowledge: truck factor" in engaged.ok("engagement", "show").stdout


def test_rescan_is_incremental(engaged, repo):
    first = engaged.ok("scan", str(repo.path), "--json").json
    repo.commit(ANN, "2026-08-01", {"serve/api.py": lines(12, "api")})
    again = engaged.ok("scan", str(repo.path), "--json").json
    assert (again["incremental"], again["scanned_commits"], again["commits"]) == (True, 1, 5)
    assert again["result_id"] != first["result_id"]


def test_scan_without_engagement_uses_domains_and_org_map(cli, repo, tmp_path):
    org = tmp_path / "org.csv"
    org.write_text("pattern,side\nPat Partner,partner\n")
    data = cli.ok(
        "scan",
        str(repo.path),
        "--json",
        "--quick",
        "--period",
        "year",
        "--internal-domain",
        "acme.com",
        "--org-map",
        str(org),
    ).json
    assert data["engagement"] is None and data["mode"] == "quick"
    assert {i["id"]: i["side"] for i in data["identities"]} == {
        "ann@acme.com": "internal",
        "pat@quantialabs.io": "partner",
    }
    assert [p["period"] for p in data["trajectory"]] == ["2025", "2026"]


def test_human_summary(engaged, repo):
    out = engaged.ok("scan", str(repo.path)).stdout
    assert "Truck factor" in out and "If the partner left today" in out and "year 2" in out


@pytest.mark.parametrize(
    "args,code,message",
    [
        (["scan", "{missing}"], 3, "no such folder"),
        (["scan", "{plain}"], 5, "not a git repository"),
        (["scan", "{repo}", "--rev", "nope"], 3, "revision 'nope' does not exist"),
        (["scan", "{repo}", "--period", "week"], 2, "period must be one of"),
        (["scan", "{repo}", "--org-map", "{missing}"], 3, "org map"),
        (["scan", "{repo}", "--org-map", "{plain}"], 2, "is not a file"),
        (["scan", "{repo}", "--internal-domain", " "], 2, "internal_domains.0 must not be blank"),
        (["scan", "{repo}", "--rev", " "], 2, "rev must not be blank"),
        (["scan", " "], 2, "repository must not be blank"),
        (["repo", "add", "{repo}", "--name", " "], 2, "name must not be blank"),
        (["repo", "add", "{repo}", "--name", "x" * 301], 2, "name must be at most 200 characters"),
        (["repo", "add", "{repo}", "--engagement", "Nope"], 3, "Nope"),
        (["scan", "{repo}", "--alias", "lonely@x.io"], 2, "invalid alias"),
        (["scan", "{repo}", "--engagement", "Nope"], 3, "Nope"),
    ],
)
def test_user_errors_are_one_line(cli, repo, tmp_path, args, code, message):
    (tmp_path / "plain").mkdir()
    where = {"missing": tmp_path / "missing", "plain": tmp_path / "plain", "repo": repo.path}
    result = cli(*[a.format(**where) for a in args])
    assert result.exit_code == code, result.stderr + result.stdout
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 2  # one line (Rich may wrap a long path)
    assert "Traceback" not in result.stderr + result.stdout
