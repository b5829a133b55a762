"""`inhouse scan --blame` with git blame's -w/-M/-C, and agents in the JSON."""

from __future__ import annotations

from tests.gitrepo import GitRepoBuilder

ANN = "Ann Inside <ann@acme.com>"
PAT = "Pat Partner <pat@quantialabs.io>"


def test_blame_options_change_the_line_ownership(cli, tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(PAT, "2025-06-10", {"app/a.py": "def f():\n    return 1\n\ndef g():\n    return 2\n"})
    repo.commit(ANN, "2025-06-11", {"app/a.py": "def f():\n        return 1\n\ndef g():\n        return 2\n"})
    repo.commit("Copilot <198982749+Copilot@users.noreply.github.com>", "2025-06-12", {"app/b.py": "x = 1\n"})
    base = ["scan", str(repo.path), "--internal-domain", "acme.com", "--partner-domain", "quantialabs.io", "--json"]
    plain = cli.ok(*base, "--blame").json
    assert {o["identity"]: o["lines"] for o in plain["ownership"]} == {"pat@quantialabs.io": 3, "ann@acme.com": 2}
    assert [b["kind"] for b in plain["bots"]] == ["agent"]  # written by an agent, held by nobody
    assert all("kind" not in i for i in plain["identities"])
    ignoring = cli.ok(*base, "--blame", "--blame-ignore-whitespace").json
    assert {o["identity"]: o["lines"] for o in ignoring["ownership"]} == {"pat@quantialabs.io": 5}
    again = cli.ok(*base, "--blame", "--blame-ignore-whitespace", "--blame-moves", "--blame-copies").json
    assert {o["identity"]: o["lines"] for o in again["ownership"]} == {"pat@quantialabs.io": 5}


def test_blame_options_need_blame(cli, tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(ANN, "2025-06-10", {"a.py": "x\n"})
    result = cli("scan", str(repo.path), "--blame-moves")
    assert result.exit_code == 2, result.stderr
    assert "go with --blame" in result.stderr


def test_the_summary_names_the_agents(cli, tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(ANN, "2025-06-10", {"a.py": "x\n"})
    repo.commit("Claude <noreply@anthropic.com>", "2025-06-11", {"b.py": "y\n"})
    out = cli.ok("scan", str(repo.path)).stdout
    assert "Written by AI agents, held by nobody: Claude (1 commits)" in " ".join(out.split())
