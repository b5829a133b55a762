"""`inhouse docs audit`, `asset`, `exit-readiness` and `status` end to end: output, --json, errors."""

from __future__ import annotations

import pytest

from tests.conftest import Cli
from tests.gitrepo import GitRepoBuilder, lines

README = (
    "# Scorer\n\n## Installation\n\nRun `pip install -e .` and then `scorer serve` to start the API on "
    "port 8080 with the default model.\n"
)


def _setup(cli: Cli) -> None:
    cli.ok("partner", "add", "Quantia Labs", "--domain", "quantialabs.io")
    cli.ok("engagement", "add", "ETA prediction", "--partner", "Quantia Labs", "--start", "2025-06-02")


def _repo(tmp_path, name="code"):
    repo = GitRepoBuilder(tmp_path / name)
    repo.commit("Pat <pat@quantialabs.io>", "2026-01-05", {"api/serve.py": lines(10), "README.md": README})
    return repo


def _results(cli: Cli) -> list[dict]:
    return cli.ok("engagement", "show", "--json").json["analyses"]


def test_docs_audit_stores_its_result_with_the_linked_engagement(cli, tmp_path):
    _setup(cli)
    repo = _repo(tmp_path)
    cli.ok("repo", "add", str(repo.path), "-e", "ETA prediction")
    data = cli.ok("docs", "audit", str(repo.path / "api"), "--json").json
    assert data["engagement"] == "ETA prediction" and data["repo"] == str(repo.path.resolve())
    assert set(data) >= {
        "repo",
        "rev",
        "head",
        "operations_guide",
        "counts",
        "items",
        "rule",
        "documents",
        "warnings",
        "summary",
        "result_id",
    }
    setup = next(i for i in data["items"] if i["kind"] == "setup")
    assert (setup["status"], setup["file"], setup["section"]) == ("present", "README.md", "Installation")
    assert set(setup) == {
        "kind",
        "title",
        "group",
        "status",
        "file",
        "section",
        "line",
        "match",
        "reason",
        "currency",
        "also",
    }
    assert [a["kind"] for a in _results(cli)] == ["docs_audit"]
    text = cli.ok("docs", "audit", str(repo.path)).stdout
    assert "operations guide" in text and "Installation" in text and "for engagement 'ETA prediction'" in text


def test_docs_audit_of_an_unlinked_repository_and_errors(cli, tmp_path):
    _setup(cli)
    repo = _repo(tmp_path)
    assert cli.ok("docs", "audit", str(repo.path), "--json").json["engagement"] is None
    named = cli.ok("docs", "audit", str(repo.path), "-e", "ETA prediction", "--json").json
    assert named["engagement"] == "ETA prediction"
    (tmp_path / "plain").mkdir()
    for args, code, message in [
        (["docs", "audit", str(tmp_path / "plain")], 5, "not a git repository"),
        (["docs", "audit", str(tmp_path / "nowhere")], 3, "no such folder"),
        (["docs", "audit", str(repo.path), "--rev", "v9"], 3, "revision 'v9' does not exist"),
        (["docs", "audit", str(repo.path), "--stale-share", "2"], 2, "stale_share must be ≤ 1"),
        (["docs", "audit", str(repo.path), "--stale-share", "nan"], 2, "stale_share must be a finite number"),
        (["docs", "audit", str(repo.path), "--min-commits", "0"], 2, "min_commits must be ≥ 1"),
        (["docs", "audit", "  "], 2, "repo must not be blank"),
        (["docs", "audit", str(repo.path), "-e", "Nope"], 3, "no engagement 'Nope'"),
    ]:
        result = cli(*args)
        assert result.exit_code == code and message in result.stderr, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1
    assert [a["kind"] for a in _results(cli)] == ["docs_audit"]  # the errors stored nothing


def test_asset_add_and_list(cli_any):
    _setup(cli_any)
    added = cli_any.ok(
        "asset",
        "add",
        "eta-prediction",
        "--kind",
        "repository",
        "--held-by",
        "internal",
        "--holder",
        "Acme GitHub",
        "--json",
    ).json
    assert set(added) == {"id", "engagement_id", "engagement", "kind", "name", "held_by", "holder", "location", "notes"}
    cli_any.ok("asset", "add", "Deploy key", "-k", "credential", "--held-by", "partner", "--holder", "Pat")
    rows = cli_any.ok("asset", "list", "--json").json
    assert [(r["name"], r["held_by"]) for r in rows] == [("Deploy key", "partner"), ("eta-prediction", "internal")]
    assert len(cli_any.ok("asset", "list", "--held-by", "partner", "-e", "ETA prediction", "--json").json) == 1
    assert "Deploy key" in cli_any.ok("asset", "list").stdout
    for args, code, message in [
        (["asset", "add", "Deploy key", "-k", "credential", "--held-by", "partner"], 4, "already lists"),
        (["asset", "add", "X", "-k", "laptop", "--held-by", "partner"], 2, "kind must be one of 'repository'"),
        (["asset", "add", "X", "-k", "model", "--held-by", "nobody"], 2, "held_by must be one of 'internal'"),
        (["asset", "add", "X" * 301, "-k", "model", "--held-by", "partner"], 2, "name must be at most 200 characters"),
        (["asset", "add", " ", "-k", "model", "--held-by", "partner"], 2, "name must not be blank"),
        (
            ["asset", "add", "X", "-k", "model", "--held-by", "partner", "--location", "s3://a\x00b"],
            2,
            "location must not contain NUL",
        ),
        (["asset", "add", "X", "-k", "model", "--held-by", "internal", "-e", "Nope"], 3, "no engagement"),
        (["asset", "list", "--held-by", "someone"], 2, "invalid --held-by 'someone'"),
    ]:
        result = cli_any(*args)
        assert result.exit_code == code and message in result.stderr, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1
    assert len(cli_any.ok("asset", "list", "--json").json) == 2  # the errors stored nothing


def test_exit_readiness_and_status_before_anything_is_measured(cli):
    _setup(cli)
    readiness = cli.ok("exit-readiness", "--json").json
    assert readiness["status"] == "at_risk" and {i["measured"] for i in readiness["items"]} == {False}
    text = cli.ok("exit-readiness", "ETA prediction").stdout
    assert "Exit readiness of ETA prediction" in text and "0 blocked" in text
    data = cli.ok("status", "ETA prediction", "--as-of", "2026-11-27", "--json").json
    assert data["as_of"] == "2026-11-27" and data["light"] == "amber"
    assert [a["color"] for a in data["next_actions"]] == ["grey", "grey", "grey"]
    text = cli.ok("status", "--as-of", "2026-11-27").stdout
    assert "ETA prediction with Quantia Labs" in text and "Next actions" in text


def test_exit_readiness_and_status_with_results(cli, tmp_path):
    _setup(cli)
    repo = _repo(tmp_path)
    for n in range(3):
        repo.commit("Ann <ann@acme.com>", f"2026-02-0{n + 2}", {"api/serve.py": lines(12 + n)})
    cli.ok("person", "add", "Ann Inside", "--side", "internal", "--email", "ann@acme.com")
    cli.ok("repo", "add", str(repo.path), "-e", "ETA prediction")
    cli.ok("scan", str(repo.path), "--internal-domain", "acme.com")
    cli.ok("docs", "audit", str(repo.path))
    cli.ok("asset", "add", "code", "-k", "repository", "--held-by", "internal")
    cli.ok(
        "drill",
        "add",
        "Change the API port",
        "--person",
        "Ann Inside",
        "--outcome",
        "with_help",
        "--stuck",
        "Deployment",
        "--on",
        "2026-11-02",
    )
    readiness = cli.ok("exit-readiness", "--json").json
    items = {i["key"]: i for i in readiness["items"]}
    assert items["docs.setup"]["status"] == "ready" and items["docs.setup"]["measured"]
    assert items["knowledge.offboarding.code"]["measured"]
    assert items["drills.latest"]["status"] == "at_risk"
    assert items["asset." + str(cli.ok("asset", "list", "--json").json[0]["id"])]["status"] == "ready"
    data = cli.ok("status", "--as-of", "2026-11-27", "--json").json
    assert isinstance(data, list) and len(data) == 1
    lights = {light["name"]: light["color"] for light in data[0]["lights"]}
    assert lights["trajectory"] != "grey" and lights["knowledge"] != "grey"
    assert lights["contract"] == "grey" and lights["drills"] == "amber"
    assert all(a["evidence"]["ref"] for a in data[0]["next_actions"])


@pytest.mark.parametrize(
    "args,code,message",
    [
        (["status", "--as-of", "2026-13-01"], 2, "invalid --as-of date"),
        (["status", "--as-of", "1969-12-31"], 2, "as_of must not be before 1970-01-01"),
        (["status", "Nope"], 3, "no engagement 'Nope'"),
        (["exit-readiness", "Nope"], 3, "no engagement 'Nope'"),
    ],
)
def test_status_and_readiness_errors(cli, args, code, message):
    _setup(cli)
    result = cli(*args)
    assert result.exit_code == code and message in result.stderr


def test_several_engagements(cli):
    _setup(cli)
    cli.ok("engagement", "add", "Demand forecast", "--partner", "Quantia Labs", "--start", "2026-01-05")
    result = cli("exit-readiness")
    assert result.exit_code == 2 and "several engagements" in result.stderr
    assert [row["name"] for row in cli.ok("status", "--json").json] == ["ETA prediction", "Demand forecast"]


def test_commands_need_a_workspace(tmp_path):
    result = Cli(f"sqlite:///{tmp_path / 'none.db'}")("asset", "list")
    assert result.exit_code == 6 and "inhouse init" in result.stderr


def test_status_json_and_the_engagement_api_speak_the_same_lights(cli, tmp_path):
    """One shape: a light's ``name`` is its area in ``status --json`` and in the web API alike."""
    from inhouse.bootstrap import Workspace
    from inhouse.settings import load_settings
    from inhouse.web import create_app
    from tests.webclient import WebClient

    _setup(cli)
    cli_status = cli.ok("status", "ETA prediction", "--json").json
    ws = Workspace(load_settings(database_url=cli.url))
    with WebClient(create_app(ws)) as client:
        page = client.get(f"/api/engagements/{cli_status['id']}").json()
        schema = client.get("/openapi.json").json()["components"]["schemas"]
    ws.dispose()
    assert page["status"]["lights"] == cli_status["lights"]
    assert [light["name"] for light in page["status"]["lights"]] == [
        "trajectory",
        "knowledge",
        "contract",
        "participation",
        "drills",
        "exit_readiness",
    ]
    assert page["status"]["lights"][0]["title"] == "Dependency trajectory"
    assert {k: v for k, v in page["status"].items() if k != "as_of"} == {
        k: v for k, v in cli_status.items() if k != "as_of"
    }
    assert page["exit_readiness"] == cli_status["exit_readiness"]
    assert set(schema["Light"]["properties"]) == {"name", "title", "color", "reason"}
    assert schema["Color"]["enum"] == ["green", "amber", "red", "grey"]
