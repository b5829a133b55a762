"""`inhouse audit`: the CLI's writes are logged as the local operator's; filters, paging and --json."""

from __future__ import annotations

import getpass


def test_the_cli_writes_as_the_operator_and_audit_lists_them(cli_any):
    cli = cli_any
    cli.ok("partner", "add", "Quantia Labs", "--domain", "quantialabs.io")
    cli.ok("engagement", "add", "ETA", "--partner", "Quantia Labs", "--start", "2026-01-05")
    page = cli.ok("audit", "--json").json
    assert set(page) == {"entries", "next_before_id"} and page["next_before_id"] is None
    entry = next(e for e in page["entries"] if e["record_type"] == "partners" and e["action"] == "insert")
    assert set(entry) == {
        "id",
        "at",
        "actor",
        "actor_kind",
        "role",
        "address",
        "action",
        "record_type",
        "record_id",
        "engagement_id",
        "before",
        "after",
        "summary",
    }
    assert (entry["actor"], entry["actor_kind"], entry["address"]) == (getpass.getuser(), "operator", "cli")
    assert entry["after"]["email_domains"] == ["quantialabs.io"] and entry["summary"] == "partner Quantia Labs added"
    ids = [e["id"] for e in page["entries"]]
    assert ids == sorted(ids, reverse=True)

    only = cli.ok("audit", "--type", "engagements", "--json").json["entries"]
    assert [(e["action"], e["summary"]) for e in only] == [("insert", "engagement ETA added")]
    scoped = cli.ok("audit", "--engagement", "ETA", "--json").json["entries"]
    assert scoped and {e["engagement_id"] for e in scoped} == {only[0]["record_id"]}
    assert cli.ok("audit", "--user", "nobody@example.com", "--json").json["entries"] == []
    assert cli.ok("audit", "--user", getpass.getuser(), "--json").json["entries"]


def test_paging_and_the_table(cli):
    for n in range(3):
        cli.ok("partner", "add", f"P{n}")
    first = cli.ok("audit", "--type", "partners", "--limit", "2", "--json").json
    assert [e["summary"] for e in first["entries"]] == ["partner P2 added", "partner P1 added"]
    rest = cli.ok("audit", "--type", "partners", "--before", str(first["next_before_id"]), "--json").json
    assert [e["summary"] for e in rest["entries"]] == ["partner P0 added"] and rest["next_before_id"] is None
    shown = cli.ok("audit", "--type", "partners", "--limit", "2").stdout
    assert "Audit log" in shown and "P2" in shown and "P1" in shown and "P0" not in shown
    assert f"--before {first['next_before_id']}" in shown
    assert "No entry matches" in cli.ok("audit", "--since", "2999-01-01").stdout


def test_bad_filters_are_one_line_and_exit_2(cli):
    for args, says in (
        (("--since", "yesterday"), "since must be a date"),
        (("--type", "web_sessions"), "record_type must be one of"),
        (("--action", "edit"), "action must be one of"),
        (("--limit", "0"), "limit must be ≥ 1"),
    ):
        result = cli("audit", *args)
        assert result.exit_code == 2, (args, result.stdout, result.stderr)
        assert says in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert cli("audit", "--engagement", "Nope").exit_code == 3
