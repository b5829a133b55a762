"""The register of information's B_07.01 rules: each column derived both ways, missing evidence never guessed."""

from __future__ import annotations

from datetime import date

import pytest

from inhouse.domain import exit_readiness as er
from inhouse.domain import register as rg
from inhouse.domain.assets import Asset, AssetKind, HeldBy
from inhouse.domain.knowledge import ScanResult
from inhouse.domain.plans import DependencyPlan
from tests.unit.test_exit_readiness_rules import audit, contract, drill

AS_OF = date(2026, 11, 27)
PLAN = DependencyPlan((0.3, 0.6, 0.9))


def scan(share=0.65, plan=0.6, orphaned=0.05, name="eta", periods=True):
    trajectory = (
        [
            {
                "period": "year 2",
                "start": "2025-06-02",
                "end": "2026-06-01",
                "commits": 12,
                "internal_commit_share": share,
                "internal_line_share": share,
                "internal_authorship_share": share,
                "plan_internal_share": plan,
            }
        ]
        if periods
        else []
    )
    report = ScanResult.model_validate(
        {
            "repo": f"/r/{name}",
            "rev": "HEAD",
            "trajectory": trajectory,
            "offboarding": {"files": 20, "orphaned_files": round(orphaned * 20), "orphaned_share": orphaned},
        }
    )
    return er.StoredResult(report, 5, f"/r/{name}", name)


def readiness(*items: er.CheckItem) -> er.ExitReadiness:
    return er.ExitReadiness.of("ETA", list(items), "Quantia")


def ready_checklist() -> er.ExitReadiness:
    assets = [
        Asset(1, AssetKind(k.value), f"a-{k.value}", HeldBy.INTERNAL, id=n) for n, k in enumerate(er.ESSENTIAL_KINDS)
    ]
    return readiness(*er.inventory_items(assets, []))


def inputs(**changes) -> rg.RegisterInputs:
    base = {
        "as_of": AS_OF,
        "plan": PLAN,
        "planned_share": 0.6,
        "readiness": ready_checklist(),
        "contract": contract(),
        "scans": [scan()],
        "audits": [],
        "drills": [drill("alone", day=date(2026, 5, 1))],
        "alternatives": [],
        "export": None,
    }
    return rg.RegisterInputs(**(base | changes))


def assessed(**changes) -> rg.RegisterAssessment:
    return rg.assess("ETA", "Quantia", inputs(**changes))


# --- 0090 reintegration -------------------------------------------------------------------------


def test_reintegration_is_easy_only_when_the_share_and_the_partner_leaves_simulation_meet_the_plan():
    easy = rg.reintegration([scan(share=0.65, plan=0.6, orphaned=0.05)], 0.6)
    assert easy.value == "Easy"
    assert "internal share 65% meets the plan's 60%" in easy.reason and "5% of files" in easy.reason
    assert easy.evidence[0].source == "scan" and easy.evidence[0].result_id == 5
    below = rg.reintegration([scan(share=0.55, plan=0.6, orphaned=0.05)], 0.6)
    assert below.value == "Difficult" and "is below the plan's 60%" in below.reason
    orphaned = rg.reintegration([scan(share=0.7, plan=0.6, orphaned=0.3)], 0.6)
    assert orphaned.value == "Difficult"


@pytest.mark.parametrize("share,orphaned", [(0.3, 0.05), (0.7, 0.6)])
def test_reintegration_is_highly_complex_far_below_the_plan_or_with_most_files_orphaned(share, orphaned):
    assert rg.reintegration([scan(share=share, plan=0.6, orphaned=orphaned)], 0.6).value == "Highly complex"


def test_reintegration_takes_the_worst_repository_and_is_never_guessed():
    worst = rg.reintegration([scan(name="a"), scan(name="b", share=0.2)], 0.6)
    assert worst.value == "Highly complex" and worst.reason.startswith("a: ") and "; b: " in worst.reason
    none = rg.reintegration([], 0.6)
    assert none.value is None and none.reason.startswith("not assessed: no scan stored")
    # a repository without an internal share yet: "easy" cannot be claimed, a known obstacle still counts
    partial = rg.reintegration([scan(name="a"), scan(name="b", periods=False)], 0.6)
    assert partial.value is None and "b has no internal share yet" in partial.reason
    blocked = rg.reintegration([scan(name="a"), scan(name="b", periods=False, orphaned=0.8)], 0.6)
    assert blocked.value == "Highly complex"


# --- 0050 and 0060 substitutability -------------------------------------------------------------


def test_no_tested_export_keeps_substitutability_at_medium_and_a_tested_one_makes_it_easy():
    medium = assessed()
    assert medium.substitutability.value == "Medium complexity in terms of substitutability"
    assert "no tested export recorded" in medium.substitutability.reason
    assert medium.substitutability_reason.value is None
    assert medium.substitutability_reason.reason.startswith("not required")
    easy = assessed(export=rg.ExportTest(date(2026, 10, 1), "export tested on 2026-10-01"))
    assert easy.substitutability.value == "Easily substitutable"
    assert "export was tested on 2026-10-01" in easy.substitutability.reason


def test_no_exit_clause_is_a_difficulty_to_ensure_data_portability():
    result = assessed(contract=contract(exit_="absent"))
    assert result.substitutability.value == "Highly complex substitutability"
    assert "the contract has no exit clause" in result.substitutability.reason
    reason = result.substitutability_reason
    assert reason.value == "Difficulties in migrating or reintegrating"
    assert (
        "data portability is not ensured (no exit clause in the contract; no tested export recorded)" in reason.reason
    )
    assert {e.source for e in reason.evidence} == {"contract"}


def test_neither_ownership_nor_exit_terms_is_not_substitutable():
    result = assessed(contract=contract(ownership="vendor", exit_="absent"))
    assert result.substitutability.value == "Not substitutable"
    assert result.substitutability.reason.startswith("the client neither owns the deliverables nor has exit terms")
    assert result.substitutability_reason.value == "Difficulties in migrating or reintegrating"


@pytest.mark.parametrize(
    "changes,why",
    [
        ({"scans": [scan(share=0.2)]}, "reintegration is highly complex"),
        (
            {"drills": [drill("stuck", stuck=["deploy"], day=date(2026, 9, 1))]},
            "the latest drill (2026-09-01) got stuck",
        ),
        ({"contract": contract(ownership="absent")}, "no deliverable ownership"),
    ],
)
def test_each_blocker_makes_substitutability_highly_complex(changes, why):
    result = assessed(**changes)
    assert result.substitutability.value == "Highly complex substitutability"
    assert why in result.substitutability.reason


def test_substitutability_without_a_contract_review_or_a_scan_is_not_assessed():
    for changes, missing in (({"contract": None}, "no contract review"), ({"scans": []}, "reintegration not assessed")):
        result = assessed(**changes)
        assert result.substitutability.value is None and missing in result.substitutability.reason
        assert result.substitutability_reason.value is None
        assert result.substitutability_reason.reason == "not assessed: substitutability is not assessed"


# --- 0070, 0080 ---------------------------------------------------------------------------------


def test_the_last_audit_is_never_made_up():
    stored = er.StoredResult(audit(), 9, "/r", "eta")
    cell = assessed(audits=[stored]).last_audit
    assert cell.value is None and "no audit of the provider" in cell.reason and "eta" in cell.reason
    assert cell.evidence[0].result_id == 9


def test_the_exit_plan_is_tested_by_a_drill_of_the_last_12_months():
    cell = assessed(drills=[drill("with_help", day=date(2025, 11, 27))]).exit_plan  # exactly 12 months before
    assert (cell.value, cell.test, cell.tested_on) == ("Yes", "tested", date(2025, 11, 27))
    assert (
        "30% -> 60% -> 90% internal" in cell.reason and "tested by the drill on 2025-11-27 (with help)" in cell.reason
    )


def test_a_drill_older_than_12_months_leaves_the_exit_plan_untested():
    old = drill("alone", day=date(2025, 11, 26))
    cell = assessed(drills=[old]).exit_plan
    assert (cell.value, cell.test, cell.tested_on) == ("Yes", "untested", None)
    assert "the last drill, on 2025-11-26, is older than 12 months (as of 2026-11-27)" in cell.reason
    # the same drill tests the plan as of a day within its 12 months
    assert rg.assess("ETA", "Q", inputs(drills=[old], as_of=date(2026, 6, 1))).exit_plan.test == "tested"


def test_the_exit_plan_without_drills_a_failed_test_and_a_plan_that_never_brings_work_inside():
    none = assessed(drills=[]).exit_plan
    assert none.test == "untested" and "no 'can we modify this alone?' drill recorded" in none.reason
    ahead = assessed(drills=[drill("alone", day=date(2027, 1, 1))]).exit_plan  # not happened as of AS_OF
    assert ahead.test == "untested"
    failed = assessed(drills=[drill("stuck", stuck=["infra"], day=date(2026, 10, 1))]).exit_plan
    assert (failed.value, failed.test) == ("Yes", "failed")
    never = assessed(plan=DependencyPlan((0.0,))).exit_plan
    assert never.value == "No" and "never brings work inside" in never.reason


# --- 0100 impact ----------------------------------------------------------------------------------


def test_impact_of_discontinuing_follows_the_exit_checklist():
    assert assessed().discontinuing_impact.value == "Low"
    shared = [Asset(1, AssetKind.MODEL, "m", HeldBy.SHARED, id=1)]
    at_risk = readiness(*er.inventory_items(shared, []))
    assert assessed(readiness=at_risk).discontinuing_impact.value == "Medium"
    held = [Asset(1, AssetKind.MODEL, "scorer", HeldBy.PARTNER, id=1)]
    high = assessed(readiness=readiness(*er.inventory_items(held, []))).discontinuing_impact
    assert high.value == "High" and "would block: model: scorer" in high.reason
    unmeasured = readiness(*er.contract_items(None, "review the contract"))
    cell = assessed(readiness=unmeasured).discontinuing_impact
    assert cell.value == "Assessment not performed" and "3 exit item(s) not measured yet" in cell.reason


# --- 0110 and 0120 alternatives -------------------------------------------------------------------


def test_alternatives_are_yes_only_with_other_partners_assessed():
    none = assessed()
    assert none.alternatives.value == "Assessment not performed" and none.alternative_providers.value is None
    found = assessed(
        alternatives=[
            rg.Alternative("BrightPath AI", "1 assessed proposal"),
            rg.Alternative("Nova", "2 reference checks"),
        ]
    )
    assert found.alternatives.value == "Yes" and "2 other partner(s) assessed" in found.alternatives.reason
    assert found.alternative_providers.value == "BrightPath AI; Nova"


def test_the_assessment_lists_every_column_in_the_template_order_with_a_reason():
    result = assessed()
    codes = [c.code for c in result.cells()]
    assert codes == [f"B_07.01.{n:04d}" for n in range(50, 130, 10)]
    assert all(c.reason and c.label for c in result.cells())
    assert result.citation.startswith("Commission Implementing Regulation (EU) 2024/2956")
    dumped = result.model_dump(mode="json")
    assert list(dumped)[:5] == ["template", "citation", "engagement", "partner", "as_of"]
    assert rg.RegisterAssessment.model_validate(dumped) == result
