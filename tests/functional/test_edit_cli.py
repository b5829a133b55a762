"""`inhouse <thing> edit ID ...`: only the options given change, the record prints as the lists show
it, a bad value names its option (exit 2), an unknown id exits 3, a name another record has exits 4,
and every edit is in the audit log with before and after."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.gitrepo import GitRepoBuilder

MONDAY = date.today() - timedelta(days=date.today().weekday())
WEEK = (MONDAY - timedelta(weeks=3)).isoformat()


@pytest.fixture
def world(cli):
    cli.ok("partner", "add", "Quantia Labs", "--domain", "quantialabs.io")
    cli.ok("partner", "add", "BrightPath AI")
    cli.ok("engagement", "add", "ETA", "--partner", "Quantia Labs", "--start", "2025-06-02", "--plan", "30,60")
    cli.ok("person", "add", "Priya Raman", "--side", "internal", "--email", "priya@acme.example")
    cli.ok("person", "add", "Mei Chen", "--side", "partner", "--partner", "Quantia Labs", "--email", "mei@q.io")
    return cli


def test_a_partner_edit_changes_only_what_is_given_and_is_audited(world):
    cli = world
    partner = next(p for p in cli.ok("partner", "list", "--json").json if p["name"] == "Quantia Labs")
    edited = cli.ok("partner", "edit", "Quantia Labs", "--notes", "Second call went well", "--json").json
    assert edited == {**partner, "notes": "Second call went well"}
    assert cli.ok("partner", "list", "--json").json[1] == edited  # the list row is the same shape
    renamed = cli.ok("partner", "edit", str(partner["id"]), "--name", "Quantia", "--website", "quantia.io", "--json")
    assert (renamed.json["name"], renamed.json["website"]) == ("Quantia", "https://quantia.io")

    change = next(
        e
        for e in cli.ok("audit", "--type", "partners", "--json").json["entries"]
        if e["action"] == "update" and e["after"].get("name") == "Quantia"
    )
    assert change["before"]["name"] == "Quantia Labs" and change["record_id"] == partner["id"]

    clash = cli("partner", "edit", "Quantia", "--name", "brightpath ai")
    assert clash.exit_code == 4 and "already exists" in clash.stderr
    bad = cli("partner", "edit", "Quantia", "--status", "dreaming")
    assert bad.exit_code == 2 and "status (--status) must be one of" in bad.stderr
    assert cli("partner", "edit", "Nobody", "--notes", "x").exit_code == 3
    nothing = cli("partner", "edit", "Quantia")
    assert nothing.exit_code == 2 and "nothing to change" in nothing.stderr


def test_a_drill_saved_with_a_bad_number_can_be_put_right(world):
    cli = world
    added = cli.ok(
        "drill", "add", "Raise the cache TTL", "--person", "Priya Raman",
        "--outcome", "stuck", "--stuck", "Terraform state", "--hours", "9999", "--on", WEEK, "--json",
    ).json  # fmt: skip
    fixed = cli.ok("drill", "edit", str(added["id"]), "--training-hours", "6", "--json").json
    assert fixed["training_hours"] == 6 and fixed["stuck_points"] == ["Terraform state"]
    assert fixed["training"]["requested_hours"] == 6
    # the rules of a new drill hold for the drill as changed
    alone = cli("drill", "edit", str(added["id"]), "--outcome", "alone")
    assert alone.exit_code == 2 and "stuck_points must be empty" in alone.stderr
    done = cli.ok("drill", "edit", str(added["id"]), "--outcome", "alone", "--no-stuck-points", "--json").json
    assert (done["outcome"], done["stuck_points"]) == ("alone", [])
    partner_side = cli("drill", "edit", str(added["id"]), "--person", "Mei Chen")
    assert partner_side.exit_code == 2 and "partner side" in partner_side.stderr
    negative = cli("drill", "edit", str(added["id"]), "--training-hours", "-1")
    assert negative.exit_code == 2 and "training_hours (--training-hours) must be a finite number" in negative.stderr
    assert cli("drill", "edit", "999", "--training-hours", "1").exit_code == 3
    assert cli.ok("drill", "list", "--json").json["drills"][0] == {k: v for k, v in done.items() if k != "training"}


def test_people_engagements_phases_and_assets_are_edited(world, tmp_path):
    cli = world
    mei = next(p for p in cli.ok("person", "list", "--json").json if p["name"] == "Mei Chen")
    moved = cli.ok("person", "edit", str(mei["id"]), "--side", "internal", "--email", "mei@acme.example", "--json")
    assert (moved.json["side"], moved.json["partner"], moved.json["emails"]) == ("internal", None, ["mei@acme.example"])
    taken = cli("person", "edit", str(mei["id"]), "--email", "priya@acme.example")
    assert taken.exit_code == 4 and "already belongs to Priya Raman" in taken.stderr

    engagement = cli.ok("engagement", "edit", "ETA", "--name", "ETA prediction", "--plan", "40,70", "--json").json
    assert engagement["name"] == "ETA prediction" and [y["internal_share"] for y in engagement["plan"]] == [0.4, 0.7]
    falling = cli("engagement", "edit", "ETA prediction", "--plan", "70,40")
    assert falling.exit_code == 2 and "plan must not fall" in falling.stderr

    cli.ok("engagement", "phase", "ETA prediction", "project", "--on", "2025-09-01", "--reason", "Scope proven")
    phases = cli.ok("engagement", "show", "ETA prediction", "--json").json["phases"]
    shown = cli.ok("engagement", "phase-edit", str(phases[1]["id"]), "--reason", "Routing scope proven", "--json")
    assert shown.json["phases"][1]["reason"] == "Routing scope proven" and shown.json["phase"] == "project"
    first = cli("engagement", "phase-edit", str(phases[0]["id"]), "--on", "2025-07-01")
    assert first.exit_code == 2 and "start_date" in first.stderr

    asset = cli.ok("asset", "add", "ETA model", "--kind", "model", "--held-by", "partner", "--json").json
    held = cli.ok("asset", "edit", str(asset["id"]), "--held-by", "internal", "--holder", "ML team", "--json").json
    assert held == {**asset, "held_by": "internal", "holder": "ML team"}

    repo = GitRepoBuilder(tmp_path / "eta")
    repo.commit("Priya Raman <priya@acme.example>", "2026-01-05", {"README.md": "# ETA\n"})
    linked = cli.ok("repo", "add", str(repo.path), "--json").json
    renamed = cli.ok("repo", "edit", str(linked["id"]), "--name", "eta-core", "--rev", "main", "--json").json
    assert renamed == {**linked, "name": "eta-core", "default_rev": "main"}


def test_reviews_decisions_references_and_users_are_edited(world):
    cli = world
    review = cli.ok(
        "review", "add", "--week", WEEK, "--done", "Tuned", "--why", "drift", "--next", "ship", "--json"
    ).json
    edited = cli.ok("review", "edit", str(review["id"]), "--done", "Tuned the model", "--json").json
    assert {**review, "done": "Tuned the model"} == {**edited, "flags": review["flags"]}
    decision = cli.ok("decision", "add", "Keep the feature store", "--by", "joint", "--on", WEEK, "--json").json
    changed = cli.ok("decision", "edit", str(decision["id"]), "--why", "Exit plan", "--json").json
    assert changed == {**decision, "rationale": "Exit plan"}

    reference = cli.ok("partner", "reference", "add", "Quantia Labs", "Northwind", "--json").json
    answered = cli.ok("partner", "reference", "edit", str(reference["id"]), "--still-running", "yes", "--json").json
    assert answered == {**reference, "still_running": "yes"}

    cli.ok("user", "add", "mei@q.io", "--name", "Mei", "--role", "partner", "--partner", "Quantia Labs")
    lead = cli.ok("user", "edit", "mei@q.io", "--role", "lead", "--name", "Mei Chen", "--json").json
    assert (lead["role"], lead["partner"], lead["name"]) == ("lead", None, "Mei Chen")
    cli.ok("user", "add", "ada@acme.example", "--name", "Ada", "--role", "admin")
    last = cli("user", "edit", "ada@acme.example", "--role", "viewer")
    assert last.exit_code == 4 and "last active admin" in last.stderr
