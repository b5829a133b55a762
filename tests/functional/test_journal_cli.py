"""The weekly record from the command line: reviews, decisions, tasks, participation and drills,
their --json shapes, and user errors (one line, non-zero, nothing stored)."""

from __future__ import annotations

from datetime import date, timedelta

from tests.conftest import Cli

THIS_MONDAY = date.today() - timedelta(days=date.today().weekday())


def _setup(cli: Cli) -> None:
    cli.ok("partner", "add", "Quantia Labs", "--domain", "quantialabs.io")
    cli.ok("engagement", "add", "ETA", "--partner", "Quantia Labs", "--start", "2025-06-02")
    cli.ok("person", "add", "Ann Inside", "--side", "internal", "--email", "ann@acme.com")
    cli.ok("person", "add", "Pat Partner", "--side", "partner", "--partner", "Quantia Labs")


def _week(n: int) -> str:
    """The Monday ``n`` weeks ago."""
    return (THIS_MONDAY - timedelta(days=7 * n)).isoformat()


def test_review_decision_task_drill_and_participation(cli_any, tmp_path):
    cli = cli_any
    _setup(cli)
    added = cli.ok(
        "review",
        "add",
        "--week",
        _week(3),
        "--done",
        "Built the lane model",
        "--why",
        "n/a",
        "--next",
        "Backtest it",
        "--attendee",
        "Pat Partner",
        "--json",
    ).json
    assert set(added) == {
        "id",
        "engagement",
        "week_of",
        "done",
        "why",
        "next",
        "attendees",
        "internal_attendees",
        "decisions",
        "flags",
        "written_by",
        "author",
        "author_user_id",
        "confirmed_by",
        "confirmed_on",
        "confirmation_note",
    }
    assert added["written_by"] == "internal" and added["author"] and added["author_user_id"] is None  # the operator
    assert [(f["flag"], f["section"]) for f in added["flags"]] == [
        ("boilerplate", "why"),
        ("no_internal_attendee", None),
    ]
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / f"{_week(2)}.md").write_text(
        "## Done\nBacktested\n## Why\nTo trust it\n## Next\nShip\n## Attendees\n- Ann Inside\n- Pat Partner\n"
    )
    imported = cli.ok("review", "import", str(notes), "-e", "ETA", "--json").json
    assert imported["added"] == [_week(2)] and imported["flags"] == 0
    text = cli.ok("review", "list").stdout
    assert "2 review(s), 1 flagged" in text
    decision = cli.ok(
        "decision",
        "add",
        "Use GBMs",
        "--decider",
        "Ann Inside",
        "--decider",
        "Pat Partner",
        "--why",
        "Easier to run",
        "--on",
        _week(2),
        "--json",
    ).json
    assert decision["decided_by"] == "joint" and decision["review_week"] == _week(2)
    assert cli.ok("decision", "list", "--json").json == [decision]
    out = tmp_path / "adr"
    exported = cli.ok("decision", "export", str(out), "--format", "adr-tools", "--json").json
    assert exported["files"] == ["0001-use-gbms.md"] and (out / "0001-use-gbms.md").read_text().startswith(
        "# 1. Use GBMs"
    )
    csv = tmp_path / "tasks.csv"
    csv.write_text(
        f"date,title,assignee,status\n{_week(2)},Retrain,Ann Inside,done\n{_week(1)},Deploy,Pat Partner,done\n"
    )
    tasks = cli.ok("task", "import", str(csv), "--format", "plain", "--json").json
    assert (tasks["tasks"], tasks["internal"], tasks["partner"], tasks["format"]) == (2, 1, 1, "plain")
    assert [t["side"] for t in cli.ok("task", "list", "--json").json] == ["internal", "partner"]
    drill = cli.ok(
        "drill",
        "add",
        "Roll back a model",
        "--person",
        "Ann Inside",
        "--outcome",
        "stuck",
        "--stuck",
        "registry",
        "--stuck",
        "credentials",
        "--on",
        _week(1),
        "--json",
    ).json
    assert drill["training_hours"] == 8.0 and drill["training"]["requested_hours"] == 8.0
    drills = cli.ok("drill", "list", "--json").json
    assert set(drills) == {"engagement", "drills", "training"} and len(drills["training"]["requests"]) == 2
    report = cli.ok("participation", "ETA", "--json").json
    assert set(report) == {"engagement", "as_of", "tracking_since", "internal_people", "weeks", "summary", "alert"}
    assert report["tracking_since"] == _week(3) and report["internal_people"] == ["Ann Inside"]
    weeks = {w["week_of"]: w for w in report["weeks"]}
    assert weeks[_week(3)]["internal_participation"] is False
    assert weeks[_week(2)]["decisions"]["internal_or_joint_share"] == 1.0
    assert weeks[_week(1)]["review"] is False and weeks[_week(1)]["tasks"]["internal_share"] == 0.0
    assert report["alert"]["active"] is False  # one week without a review; the current week is not over
    alert = cli.ok("participation", "--weeks", "1").stdout
    assert "Delegate and wait:" in alert and "no weekly review for 1 week (" in alert


BAD_COMMANDS = [
    (["review", "add", "--done", "x"], "needs --done, --why and --next", 2),
    (["review", "add", "--done", "a", "--why", "b", "--next", "c", "--week", "someday"], "invalid --week", 2),
    (["review", "add", "--done", "a", "--why", "b", "--next", "c", "--week", "2024-01-01"], "before the engagement", 2),
    (["review", "add", "--file", "NOTE"], "NOTE.md: no heading for next", 2),
    (["review", "import", "/no/such/folder"], "no such folder", 3),
    (["decision", "add", "X", "--on", "2026-01-01"], "no deciders", 2),
    (["decision", "add", "X", "--by", "vendor"], "invalid --by 'vendor'", 2),
    (["decision", "import", "ADR"], "0001-x.md: no title", 2),
    (["decision", "export", "OUT", "--format", "yaml"], "invalid --format 'yaml'", 2),
    (["task", "import", "BAD_CSV"], "line 3: date 'tomorrow' is not a date", 2),
    (["task", "import", "BAD_CSV", "--format", "jira"], "not a Jira CSV export", 2),
    (["drill", "add", "Change", "--person", "Ann Inside", "--outcome", "maybe"], "outcome must be one of", 2),
    (["drill", "add", "Change", "--person", "Zed", "--outcome", "alone"], "no person 'Zed' in this engagement", 3),
    (
        ["drill", "add", "Change", "--person", "Ann Inside", "--outcome", "alone", "--on", "2099-01-01"],
        "performed_on must not be in the future",
        2,
    ),
    (
        ["drill", "add", "Change", "--person", "Ann Inside", "--outcome", "alone", "--on", "1969-12-31"],
        "performed_on must not be before 1970-01-01",
        2,
    ),
    (
        ["drill", "add", "C", "--person", "Ann Inside", "--outcome", "stuck", "--stuck", "x", "--hours", "inf"],
        "hours_per_stuck_point must be a finite number ≥ 0",
        2,
    ),
    (
        ["drill", "add", "C", "--person", "Ann Inside", "--outcome", "stuck", "--stuck", "x", "--hours", "nan"],
        "hours_per_stuck_point must be a finite number ≥ 0",
        2,
    ),
    (
        ["drill", "add", "C", "--person", "Ann Inside", "--outcome", "stuck", "--stuck", "x", "--hours", "-1"],
        "hours_per_stuck_point must be a finite number ≥ 0",
        2,
    ),
    (
        ["drill", "add", "C", "--person", "Ann Inside", "--outcome", "stuck"],
        "stuck_points must name at least one point",
        2,
    ),
    (["decision", "add", "X", "--by", "joint", "--on", "2099-01-01"], "decided_on must not be in the future", 2),
    (["decision", "add", "X" * 100_000, "--by", "joint"], "title must be at most 200 characters", 2),
    (["decision", "add", "   ", "--by", "joint"], "title must not be blank", 2),
    (["review", "add", "--done", " ", "--why", " ", "--next", " "], "done must not be blank", 2),
    (
        ["review", "add", "--done", "a", "--why", "b", "--next", "c", "--week", "2099-01-05"],
        "week_of must not be in the future",
        2,
    ),
    (["drill", "add", "Change", "--person", "Pat Partner", "--outcome", "alone"], "on the partner side", 2),
    (["participation", "--weeks", "0"], "--weeks must be at least 1", 2),
    (["engagement", "phase", "ETA", "project", "--on", "2025-10-06", "--reason", " "], "reason must not be blank", 2),
]


def test_user_errors_are_one_line_and_store_nothing(cli, tmp_path):
    _setup(cli)
    files = {
        "BAD_CSV": tmp_path / "bad.csv",
        "OUT": tmp_path / "out",
        "NOTE": tmp_path / "NOTE.md",
        "ADR": tmp_path / "adr",
    }
    files["BAD_CSV"].write_text("date,title,assignee\n2026-01-05,Retrain,Ann Inside\ntomorrow,Deploy,Ann Inside\n")
    files["NOTE"].write_text("## Done\nx\n## Why\ny\n")
    files["ADR"].mkdir()
    (files["ADR"] / "0000-fine.md").write_text("# 0. Fine\n\nDate: 2026-01-05\n\n## Status\n\nAccepted\n")
    (files["ADR"] / "0001-x.md").write_text("no heading here\n")
    reads = [
        ("review", "list", "--json"),
        ("decision", "list", "--json"),
        ("task", "list", "--json"),
        ("drill", "list", "--json"),
        ("engagement", "show", "--json"),
    ]
    before = [cli.ok(*r).stdout for r in reads]
    for args, message, code in BAD_COMMANDS:
        result = cli(*[str(files[a]) if a in files else a for a in args])
        assert result.exit_code == code, (args, result.stderr)
        assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1, (args, result.stderr)
        assert "Traceback" not in result.stderr + result.stdout
    assert [cli.ok(*r).stdout for r in reads] == before


def test_the_demo_shows_flags_tasks_an_alert_period_and_training(tmp_path):
    folder = tmp_path / "demo"
    cli = Cli(f"sqlite:///{folder / 'inhouse.db'}")
    assert cli("demo", "--dir", str(folder), "--json", db=False).exit_code == 0
    flagged = cli.ok("review", "list", "--flagged", "--json").json
    assert {f["flag"] for r in flagged for f in r["flags"]} == {
        "empty",
        "boilerplate",
        "same_as_last_week",
        "no_internal_attendee",
    }
    tasks = cli.ok("task", "list", "--json").json
    assert len(tasks) > 50 and {"internal", "partner"} <= {t["side"] for t in tasks}
    report = cli.ok("participation", "--last", "0", "--json").json
    august = [p for p in report["alert"]["periods"] if p["from"] == "2026-08-10"]
    assert {p["kind"] for p in august} == {"no_review", "no_internal_participation"}
    assert all(p["weeks"] == 3 for p in august)
    assert 0 < report["summary"]["tasks_internal_share"] < 0.6
    assert cli.ok("drill", "list", "--json").json["training"]["requested_hours"] == 12.0
    decisions = cli.ok("decision", "list", "--json").json
    assert all(d["deciders"] for d in decisions)


def test_review_confirm_confirms_a_partner_written_review(cli):
    from inhouse.bootstrap import Workspace
    from inhouse.domain.accounts import Actor, Role, UserIn
    from inhouse.domain.reviews import ReviewIn
    from inhouse.services import accounts, reviews
    from inhouse.settings import load_settings

    _setup(cli)
    ws = Workspace(load_settings(database_url=cli.url))
    user = accounts.add(
        ws, UserIn(email="pat@quantialabs.io", name="Pat Kim", role=Role.PARTNER, partner="Quantia Labs")
    )
    partner = ws.acting(Actor(kind="user", label=user.email, user_id=user.id, role=Role.PARTNER))
    body = {"done": "Trained the lane model", "why": "Lanes drive the pricing", "next": "Backtest"}
    reviews.add(partner, "ETA", ReviewIn(week_of=_week(2), **body))
    cli.ok("review", "add", "-e", "ETA", "--week", _week(1), "--done", "Ran it", "--why", "To see", "--next", "Ship")
    ws.dispose()
    internal = cli("review", "confirm", _week(1), "-e", "ETA")
    assert internal.exit_code == 4 and "written internally: nothing to confirm" in internal.stderr
    missing = cli("review", "confirm", _week(5), "-e", "ETA")
    assert missing.exit_code == 3 and "no weekly review" in missing.stderr
    commented = cli.ok("review", "confirm", _week(2), "-e", "ETA", "--comment", "Which lanes?", "--json").json
    assert commented["confirmed_on"] is None and commented["confirmation_note"] == "Which lanes?"
    confirmed = cli.ok("review", "confirm", str(commented["id"]), "-e", "ETA", "--json").json
    assert confirmed["confirmed_on"] == date.today().isoformat() and confirmed["confirmed_by"]
    assert confirmed["written_by"] == "partner" and confirmed["author"] == "Pat Kim"
    again = cli("review", "confirm", _week(2), "-e", "ETA")
    assert again.exit_code == 4 and "already confirmed" in again.stderr
