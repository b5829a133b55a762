"""Exit readiness rules: every area in each state, and unmeasured evidence never crashing."""

from __future__ import annotations

from datetime import date

import pytest

from inhouse.domain import exit_readiness as er
from inhouse.domain.assets import Asset, AssetKind, HeldBy
from inhouse.domain.contracts import ContractReview
from inhouse.domain.docs_audit import CurrencyRule, DocCounts, DocItem, DocsAudit, Location, OperationsGuide
from inhouse.domain.drills import Drill, DrillOutcome
from inhouse.domain.knowledge import ScanResult


def contract(ownership="client", exit_="full", access="during", hours=20.0, kt="present", flags=(), conditions=()):
    review = ContractReview.model_validate(
        {
            "file": "msa.md",
            "engagement_model": "project",
            "score": 80,
            "clauses": {
                "deliverable_ownership": {
                    "status": ownership,
                    "conditions": list(conditions),
                    "evidence": [{"text": "All Deliverables  belong\nto Client.", "start": 5, "end": 40}],
                },
                "knowledge_transfer": {"status": kt, "hours": hours, "evidence": []},
                "source_access": {"status": access, "evidence": []},
                "maintenance": {
                    "status": "present",
                    "free_months": 3,
                    "monthly_fee": 900,
                    "currency": "EUR",
                    "scope_defined": True,
                    "evidence": [],
                },
                "exit": {"status": exit_, "evidence": []},
            },
            "red_flags": [{"kind": k, "binds": b, "evidence": []} for k, b in flags],
            "recommendations": [],
        }
    )
    return er.StoredResult(review, result_id=7, subject="12", name="msa.md")


def _found(file, section):
    return Location(file=file, section=section, line=1, match="heading") if file else None


def audit(guide="present", setup="present", model="present", data="present"):
    parts = {
        "present": ("present",) * 3,
        "stale": ("present", "stale", "present"),
        "partial": ("present", "missing", "present"),
        "missing": ("missing",) * 3,
    }[guide]
    guide_kinds = ("how_it_works", "architecture", "troubleshooting")
    items = [
        DocItem.judged(k, s, f"{k} {s}", _found("docs/ops.md" if s != "missing" else None, k.title()))
        for k, s in zip(guide_kinds, parts, strict=True)
    ]
    items += [
        DocItem.judged("setup", setup, "setup", _found("README.md", "Setup")),
        DocItem.judged("model_card", model, "model"),
        DocItem.judged("datasheet", data, "data"),
    ]
    statuses = [i.status for i in items]
    report = DocsAudit(
        repo="/r",
        rev="HEAD",
        head=None,
        operations_guide=OperationsGuide(
            status=guide,
            covered=[k for k, s in zip(guide_kinds, parts, strict=True) if s != "missing"],
            stale=[k for k, s in zip(guide_kinds, parts, strict=True) if s == "stale"],
            missing=[k for k, s in zip(guide_kinds, parts, strict=True) if s == "missing"],
        ),
        counts=DocCounts(
            present=statuses.count("present"), stale=statuses.count("stale"), missing=statuses.count("missing")
        ),
        items=items,
        rule=CurrencyRule(),
        documents=["README.md", "docs/ops.md"],
        warnings=[],
    )
    return er.StoredResult(report, 3, "/r", "repo")


def scan(share, files=20, by_directory=None):
    report = ScanResult.model_validate(
        {
            "repo": "/r",
            "rev": "HEAD",
            "offboarding": {
                "files": files,
                "orphaned_files": round(share * files),
                "orphaned_share": share,
                "by_directory": by_directory or [{"path": "serving", "files": 4, "orphaned_files": 4}],
            },
        }
    )
    return er.StoredResult(report, 9, "/r", "repo")


def drill(outcome, day=date(2026, 5, 1), stuck=(), hours=0.0, ident=1):
    return Drill(
        engagement_id=1,
        performed_on=day,
        person="Ann",
        modification="Change a threshold",
        outcome=DrillOutcome(outcome),
        stuck_points=list(stuck),
        training_hours=hours,
        id=ident,
    )


def by_key(items):
    return {i.key: i for i in items}


@pytest.mark.parametrize(
    "ownership,exit_,access,expected",
    [
        ("client", "full", "during", {"ready"}),
        ("partial", "partial", "after_only", {"at_risk"}),
        ("vendor", "absent", "absent", {"blocked"}),
    ],
)
def test_contract_states(ownership, exit_, access, expected):
    items = er.contract_items(contract(ownership, exit_, access), "review it")
    assert {i.status for i in items} == expected
    owner = by_key(items)["contract.deliverable_ownership"]
    assert owner.evidence.result_id == 7 and owner.evidence.ref == "msa.md: clauses.deliverable_ownership"
    assert owner.evidence.quote == "All Deliverables belong to Client."
    assert (owner.action == "") is (owner.status == "ready")


def test_contract_red_flags_and_conditions_downgrade_ready():
    items = by_key(
        er.contract_items(
            contract(
                flags=[("termination_fee", "client"), ("vendor_retains_ip", "vendor")], conditions=["upon full payment"]
            ),
            "review it",
        )
    )
    assert items["contract.exit"].status == "at_risk" and "termination fee" in items["contract.exit"].reason
    owner = items["contract.deliverable_ownership"]
    assert owner.status == "at_risk" and "upon full payment" in owner.reason
    vendor_bound = by_key(er.contract_items(contract(flags=[("termination_fee", "vendor")]), "review it"))
    assert vendor_bound["contract.exit"].status == "ready"


def test_unmeasured_areas_are_at_risk_and_say_how_to_measure():
    items = (
        er.contract_items(None, "run inhouse contract check")
        + er.documentation_items([], "audit")
        + er.knowledge_items([], "scan")
        + er.drill_items([], None, 0.0)
        + er.inventory_items([], [])
    )
    assert {i.status for i in items} == {"at_risk"}
    assert all(not i.measured and i.reason.startswith("not measured yet") and i.action for i in items)
    assert er.overall(items) == "at_risk"


@pytest.mark.parametrize(
    "guide,setup,other,expected",
    [
        ("present", "present", "present", ["ready", "ready", "ready", "ready"]),
        ("stale", "stale", "stale", ["at_risk", "at_risk", "at_risk", "at_risk"]),
        ("partial", "present", "missing", ["at_risk", "ready", "at_risk", "at_risk"]),
        ("missing", "missing", "missing", ["blocked", "blocked", "at_risk", "at_risk"]),
    ],
)
def test_documentation_states(guide, setup, other, expected):
    items = er.documentation_items([audit(guide, setup, other, other)], "audit")
    assert [i.status for i in items] == expected
    assert items[1].evidence.ref == "repo: README.md#Setup" and items[1].evidence.result_id == 3


def test_documentation_takes_the_best_repository():
    items = er.documentation_items([audit("missing", "missing"), audit("present", "present")], "audit")
    assert [i.status for i in items[:2]] == ["ready", "ready"]


@pytest.mark.parametrize(
    "share,expected", [(0.0, "ready"), (0.10, "ready"), (0.3, "at_risk"), (0.5, "at_risk"), (0.51, "blocked")]
)
def test_knowledge_thresholds(share, expected):
    item = er.knowledge_items([scan(share)], "scan")[0]
    assert item.status == expected and item.evidence.source == "scan"
    assert "serving (4/4 files)" in item.reason


def test_drill_states_and_training_hours_against_the_contract():
    assert er.drill_items([drill("alone")], contract(), 0)[0].status == "ready"
    assert (
        er.drill_items(
            [drill("alone", date(2026, 1, 1)), drill("with_help", stuck=["CI"], hours=4, ident=2)], contract(), 4
        )[0].status
        == "at_risk"
    )
    stuck = er.drill_items([drill("stuck", stuck=["Registry", "Credentials"], hours=8)], contract(hours=4), 8)
    assert stuck[0].status == "blocked" and "Registry" in stuck[0].action
    assert stuck[1].status == "at_risk" and "8 h" in stuck[1].reason and "4 h" in stuck[1].reason
    assert er.drill_items([], contract(hours=20), 0)[1].status == "ready"
    assert er.drill_items([], contract(hours=None), 0)[1].status == "at_risk"
    assert er.drill_items([], contract(kt="absent", hours=None), 0)[1].status == "at_risk"
    assert er.drill_items([], None, 0)[1].measured is False


def test_inventory_states_and_coverage():
    assets = [
        Asset(1, AssetKind.REPOSITORY, "api", HeldBy.INTERNAL, id=1),
        Asset(1, AssetKind.MODEL, "ranker", HeldBy.SHARED, "Both teams", id=2),
        Asset(1, AssetKind.CREDENTIAL, "deploy key", HeldBy.PARTNER, "Vendor Ltd", id=3),
    ]
    items = by_key(er.inventory_items(assets, ["api", "web"]))
    assert [items[f"asset.{n}"].status for n in (1, 2, 3)] == ["ready", "at_risk", "blocked"]
    assert items["asset.3"].action == "Transfer the credential deploy key to the client"
    coverage = items["inventory"]
    assert coverage.status == "at_risk"
    assert coverage.reason == "not listed: dataset, cloud account, linked repository web"


def test_overall_and_shape():
    items = er.contract_items(contract(), "x") + er.knowledge_items([scan(0.9)], "x")
    readiness = er.ExitReadiness.of("ETA", items, "Quantia Labs")
    data = readiness.model_dump(mode="json")
    assert list(data) == ["engagement", "status", "counts", "summary", "items", "partner"]
    assert data["status"] == "blocked" and data["counts"] == {"ready": 3, "at_risk": 0, "blocked": 1}
    assert set(data["items"][0]) == {"area", "key", "title", "status", "reason", "action", "measured", "evidence"}
    assert set(data["items"][0]["evidence"]) == {"source", "ref", "result_id", "record_id", "quote"}
    assert er.overall(er.contract_items(contract(), "x")) == "ready"
