"""Assets, exit readiness and status on real databases (SQLite and PostgreSQL), with and without
stored scan, contract and documentation results."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from inhouse.domain.assets import AssetIn, HeldBy
from inhouse.domain.common import Phase, Side
from inhouse.domain.docs_audit import DocsAuditIn
from inhouse.domain.drills import Drill, DrillOutcome
from inhouse.domain.engagements import Engagement, PhaseChange
from inhouse.domain.knowledge import ScanResult
from inhouse.domain.organisations import Partner, Person
from inhouse.domain.repos import Repo
from inhouse.domain.results import AnalysisResult
from inhouse.domain.reviews import WeeklyReview
from inhouse.domain.shapes import validated
from inhouse.errors import Conflict, InvalidInput, NotFound
from inhouse.services import assets, docs_audit, exit_readiness, status
from inhouse.services import drills as drill_service
from tests.gitrepo import GitRepoBuilder, lines
from tests.unit.test_exit_readiness_rules import contract

TODAY = date(2026, 11, 27)


def _engagement(ws, name="ETA prediction", start=date(2025, 6, 2)) -> int:
    with ws.uow() as uow:
        client = uow.clients.list()[0]
        partner = uow.partners.by_name(client.id, "Quantia Labs") or uow.partners.add(
            Partner(name="Quantia Labs", client_id=client.id, email_domains=["quantialabs.io"])
        )
        if not uow.people.list(client.id):
            uow.people.add(Person(name="Ann Inside", side=Side.INTERNAL, emails=["ann@acme.com"], client_id=client.id))
            uow.people.add(
                Person(
                    name="Pat Partner",
                    side=Side.PARTNER,
                    emails=["pat@quantialabs.io"],
                    client_id=client.id,
                    partner_id=partner.id,
                )
            )
        engagement = uow.engagements.add(
            Engagement(
                name=name,
                client_id=client.id,
                partner_id=partner.id,
                start_date=start,
                phase=Phase.PROJECT,
                phases=[PhaseChange(Phase.PROJECT, start, "start")],
            )
        )
        uow.commit()
        return engagement.id


def _asset(name, kind, held_by, **more):
    return validated(AssetIn, name=name, kind=kind, held_by=held_by, **more)


def _contract_payload(*args, **changes):
    """A contract review as it is stored."""
    return contract(*args, **changes).payload.model_dump(mode="json")


def _scan_payload(path, share=0.3, orphaned=0.6):
    """A scan as it is stored."""
    report = {
        "repo": path,
        "rev": "HEAD",
        "commits": 40,
        "identities": [],
        "truck_factor": {"value": 1, "authors": ["pat@quantialabs.io"]},
        "offboarding": {
            "side": "partner",
            "files": 10,
            "orphaned_files": round(orphaned * 10),
            "orphaned_share": orphaned,
            "orphaned_lines": 300,
            "by_directory": [{"path": "serving", "files": 4, "orphaned_files": 4}],
        },
        "trajectory": [
            {
                "period": "year 2",
                "start": "2026-06-02",
                "end": "2027-06-01",
                "commits": 30,
                "internal_commit_share": share,
                "internal_line_share": share,
                "internal_authorship_share": share,
                "plan_internal_share": 0.6,
            }
        ],
    }
    return ScanResult.model_validate(report).model_dump(mode="json")


def test_asset_inventory_is_stored_and_checked(ws):
    _engagement(ws)
    added = assets.add(ws, None, _asset("eta-prediction", "repo", "internal", holder="Acme GitHub"))
    assert (added.kind, added.held_by, added.engagement) == ("repository", "internal", "ETA prediction")
    assets.add(ws, None, _asset("Deploy key", "credentials", "Partner", holder="Pat Partner", location="vault://x"))
    with pytest.raises(Conflict):
        assets.add(ws, None, _asset("deploy KEY", "credential", "partner"))
    with pytest.raises(InvalidInput, match="^kind must be one of 'repository'"):
        _asset("x", "laptop", "internal")
    with pytest.raises(InvalidInput, match="^held_by must be one of 'internal', 'partner' or 'shared'"):
        _asset("x", "model", "everyone")
    with pytest.raises(InvalidInput, match="^name must not be blank"):
        _asset("  ", "model", "internal")
    with pytest.raises(InvalidInput, match="^name must be at most 200 characters"):
        _asset("x" * 301, "model", "internal")
    with pytest.raises(InvalidInput, match="^notes must be at most 20000 characters"):
        _asset("x", "model", "internal", notes="n" * 20_001)
    with pytest.raises(InvalidInput, match="^owner is not a known field"):
        _asset("x", "model", "internal", owner="me")
    with pytest.raises(NotFound):
        assets.add(ws, "Nope", _asset("x", "model", "internal"))
    with pytest.raises(Conflict):  # all or nothing: the first row is not kept either
        assets.add_many(ws, "ETA prediction", [_asset("m", "model", "shared"), _asset("M", "model", "shared")])
    rows = assets.list_all(ws)
    assert [(r.kind, r.name) for r in rows] == [("credential", "Deploy key"), ("repository", "eta-prediction")]
    assert [r.name for r in assets.list_all(ws, held_by=HeldBy.PARTNER)] == ["Deploy key"]
    assert list(rows[0].model_dump(mode="json")) == [
        "id",
        "engagement_id",
        "kind",
        "name",
        "held_by",
        "holder",
        "location",
        "notes",
        "engagement",
    ]


def test_nothing_stored_yet_is_not_measured_never_an_error(ws):
    _engagement(ws)
    readiness = exit_readiness.readiness(ws, "ETA prediction")
    assert readiness.status == "at_risk" and readiness.partner == "Quantia Labs"
    assert all(not item.measured for item in readiness.items)
    data = status.engagement_status(ws, "ETA prediction", TODAY)
    assert {light.color for light in data.lights} == {"grey", "amber"}  # exit readiness at risk
    assert data.light == "amber" and len(data.next_actions) == 3
    assert [s.area for s in data.sections] == [
        "trajectory",
        "knowledge",
        "contract",
        "participation",
        "drills",
        "exit_readiness",
    ]


def test_with_stored_scan_contract_audit_drills_reviews_and_assets(ws, tmp_path):
    engagement_id = _engagement(ws)
    repo = GitRepoBuilder(tmp_path / "code")
    repo.commit(
        "Pat <pat@quantialabs.io>",
        "2026-01-05",
        {
            "serving/api.py": lines(10),
            "docs/RUNBOOK.md": "# Runbook\n\n## Troubleshooting\n\n"
            "Restart the API pod and check the model registry "
            "for the promoted version before anything else.\n",
        },
    )
    path = str(repo.path.resolve())
    with ws.uow() as uow:
        linked = uow.repos.add(Repo(engagement_id=engagement_id, name="code", path=path))
        uow.results.add(
            AnalysisResult(
                kind="scan", subject=path, payload=_scan_payload(path), engagement_id=engagement_id, repo_id=linked.id
            )
        )
        uow.results.add(
            AnalysisResult(
                kind="contract", subject="1", payload=_contract_payload(exit_="absent"), engagement_id=engagement_id
            )
        )
        uow.drills.add(
            Drill(
                engagement_id=engagement_id,
                performed_on=date(2026, 11, 4),
                person="Ann Inside",
                modification="Roll back a model",
                outcome=DrillOutcome.STUCK,
                stuck_points=["Registry"],
                training_hours=30.0,
            )
        )
        for n in range(8):
            uow.reviews.add(
                WeeklyReview(
                    engagement_id=engagement_id,
                    week_of=date(2026, 9, 28) + timedelta(weeks=n),
                    done="d",
                    why="w",
                    next="n",
                    attendees=["Ann Inside", "Pat Partner"],
                )
            )
        uow.commit()
    audited = docs_audit.audit(ws, DocsAuditIn(repo=path))
    assert audited.engagement == "ETA prediction" and audited.result_id
    by_name = docs_audit.audit(ws, DocsAuditIn(repo="code"))  # the registered repository's name
    assert by_name.repo == path and by_name.engagement == "ETA prediction"
    assets.add(ws, None, _asset("Model registry", "model", "partner", holder="Quantia Labs"))

    readiness = exit_readiness.readiness(ws).model_dump(mode="json")
    items = {i["key"]: i for i in readiness["items"]}
    assert readiness["status"] == "blocked"
    assert items["contract.exit"]["status"] == "blocked"
    assert items["contract.deliverable_ownership"]["status"] == "ready"
    assert items["docs.operations_guide"]["status"] == "at_risk"  # troubleshooting only
    assert items["docs.operations_guide"]["evidence"] == {
        "source": "docs_audit",
        "ref": "code: docs/RUNBOOK.md",
        "result_id": by_name.result_id,
        "record_id": None,
        "quote": None,
    }
    assert items["docs.setup"]["status"] == "blocked"
    assert items["knowledge.offboarding.code"]["status"] == "blocked"
    assert items["drills.latest"]["status"] == "blocked"
    assert items["drills.training"]["status"] == "at_risk"  # 30 h asked, 20 h in the contract
    assert items["inventory"]["status"] == "at_risk" and "linked repository code" in items["inventory"]["reason"]

    data = status.engagement_status(ws, str(engagement_id), TODAY).model_dump(mode="json")
    colors = {light["name"]: light["color"] for light in data["lights"]}
    assert colors == {
        "trajectory": "red",
        "knowledge": "red",
        "contract": "red",
        "participation": "green",
        "drills": "red",
        "exit_readiness": "red",
    }
    assert data["light"] == "red" and len(data["next_actions"]) == 3
    first = data["next_actions"][0]
    assert first["area"] == "knowledge" and first["evidence"]["source"] == "scan"
    assert data["exit_readiness"]["status"] == "blocked"


def test_latest_result_wins_and_odd_payloads_are_skipped(ws):
    engagement_id = _engagement(ws)
    with ws.uow() as uow:
        uow.results.add(
            AnalysisResult(
                kind="contract", subject="1", payload=_contract_payload("vendor"), engagement_id=engagement_id
            )
        )
        uow.results.add(
            AnalysisResult(kind="contract", subject="2", payload=_contract_payload(), engagement_id=engagement_id)
        )
        uow.results.add(
            AnalysisResult(
                kind="contract", subject="3", payload=[_contract_payload("vendor")], engagement_id=engagement_id
            )
        )
        uow.results.add(
            AnalysisResult(kind="contract", subject="4", payload={"unexpected": True}, engagement_id=engagement_id)
        )
        uow.commit()
    items = {i.key: i for i in exit_readiness.readiness(ws).items}
    assert items["contract.deliverable_ownership"].status == "ready"
    assert items["contract.deliverable_ownership"].evidence.ref == "msa.md: clauses.deliverable_ownership"
    training = drill_service.list_drills(ws).training  # the latest review is not one: its hours are unknown
    assert (training.contract_hours, training.contract, training.status) == (None, None, "unknown")


def test_stored_scans_and_audits_that_are_not_their_model_are_not_measured(ws, tmp_path):
    engagement_id = _engagement(ws)
    path = str(tmp_path / "code")
    older_scan = {**_scan_payload(path), "orphans": ["serving/api.py"]}  # a key no scan has
    older_audit = {"repo": path, "rev": "HEAD", "operations_guide": {"status": "present"}, "items": []}
    with ws.uow() as uow:
        for kind, payload in (("scan", older_scan), ("docs_audit", older_audit), ("contract", {"clauses": {}})):
            uow.results.add(AnalysisResult(kind=kind, subject=path, payload=payload, engagement_id=engagement_id))
        uow.commit()
    items = {i.key: i for i in exit_readiness.readiness(ws).items}
    unmeasured = [k for k, i in items.items() if not i.measured]
    assert unmeasured == [
        "contract.deliverable_ownership",
        "contract.exit",
        "contract.source_access",
        "docs.operations_guide",
        "docs.setup",
        "docs.model_card",
        "docs.datasheet",
        "knowledge.offboarding",
        "drills.latest",
        "drills.training",
        "inventory",
    ]
    assert items["knowledge.offboarding"].reason.startswith("not measured yet: scan the repositories")
    data = status.engagement_status(ws, "ETA prediction", TODAY)
    lights = {light.name: light.color for light in data.lights}
    assert lights["trajectory"] == lights["knowledge"] == lights["contract"] == "grey"
    training = drill_service.list_drills(ws).training
    assert (training.contract_hours, training.contract, training.status) == (None, None, "unknown")


def test_the_latest_readable_scan_of_a_repository_counts(ws, tmp_path):
    engagement_id = _engagement(ws)
    path = str(tmp_path / "code")
    with ws.uow() as uow:
        readable = uow.results.add(
            AnalysisResult(kind="scan", subject=path, payload=_scan_payload(path), engagement_id=engagement_id)
        )
        uow.results.add(
            AnalysisResult(
                kind="scan", subject=path, payload={"repo": path, "offboarding": "?"}, engagement_id=engagement_id
            )
        )
        uow.commit()
    item = {i.key: i for i in exit_readiness.readiness(ws).items}["knowledge.offboarding.code"]
    assert item.measured and item.status == "blocked" and item.evidence.result_id == readable.id
    data = status.engagement_status(ws, "ETA prediction", TODAY)
    knowledge = next(s for s in data.sections if s.area == "knowledge")
    assert knowledge.color == "red" and knowledge.actions[0].evidence.result_id == readable.id


def test_several_engagements_need_a_name(ws):
    _engagement(ws)
    _engagement(ws, "Demand forecast", date(2026, 1, 5))
    with pytest.raises(InvalidInput, match="several engagements"):
        exit_readiness.readiness(ws)
    rows = status.all_engagements(ws, TODAY)
    assert [r.name for r in rows] == ["ETA prediction", "Demand forecast"]
    assert list(rows[0].model_dump(mode="json")) == [
        "id",
        "engagement_id",
        "name",
        "partner",
        "phase",
        "year",
        "as_of",
        "light",
        "lights",
        "sections",
        "next_actions",
        "exit_readiness",
    ]
    assert list(rows[0].model_dump(mode="json")["lights"][0]) == ["name", "title", "color", "reason"]
