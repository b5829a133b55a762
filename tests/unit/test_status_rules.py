"""Status lights and next actions: each area's light, grey when not measured, the three actions."""

from __future__ import annotations

from datetime import date

import pytest

from inhouse.domain import status as st
from inhouse.domain.assets import Asset, AssetKind, HeldBy
from inhouse.domain.exit_readiness import ExitReadiness, StoredResult, contract_items, inventory_items
from inhouse.domain.knowledge import ScanResult
from inhouse.domain.participation import DelegateAndWait, ParticipationSummary
from tests.unit.test_exit_readiness_rules import contract, drill

TODAY = date(2026, 11, 27)


def _period(n, commits, share, plan):
    return {
        "period": f"year {n}",
        "start": f"{2023 + n}-06-02",
        "end": f"{2024 + n}-06-01",
        "commits": commits,
        "internal_commit_share": share,
        "internal_line_share": share,
        "internal_authorship_share": share,
        "plan_internal_share": plan,
    }


def scan(share=0.3, plan=0.6, orphaned=0.2, truck=2, forecast="2029-01-01"):
    report = ScanResult.model_validate(
        {
            "repo": "/r",
            "rev": "HEAD",
            "trajectory": [_period(1, 10, 0.2, 0.3), _period(2, 12, share, plan), _period(3, 0, None, 0.9)],
            "forecast": {"final_share": 0.9, "reached_on": forecast},
            "truck_factor": {"value": truck},
            "offboarding": {
                "files": 10,
                "orphaned_files": round(orphaned * 10),
                "orphaned_share": orphaned,
                "by_directory": [{"path": "infra", "files": 3, "orphaned_files": 3}],
            },
        }
    )
    return StoredResult(report, 5, "/r", "repo")


@pytest.mark.parametrize("share,plan,color", [(0.6, 0.6, "green"), (0.55, 0.6, "amber"), (0.3, 0.6, "red")])
def test_trajectory_lights(share, plan, color):
    section = st.trajectory_section([scan(share, plan)], 0.6, "scan")
    assert section.color == color
    assert isinstance(section.facts, st.TrajectoryFacts)
    assert section.facts.repos[0].period == "year 2"  # the latest period with commits
    assert section.facts.repos[0].plan_reached_on == "2029-01-01"
    assert section.headline.endswith("; the plan's final share reached around 2029-01-01 at this pace")
    assert bool(section.actions) is (color != "green")
    if section.actions:
        assert section.actions[0].evidence.ref == "repo: trajectory year 2"


@pytest.mark.parametrize(
    "orphaned,truck,color", [(0.05, 3, "green"), (0.05, 1, "amber"), (0.4, 2, "amber"), (0.7, 2, "red")]
)
def test_knowledge_lights(orphaned, truck, color):
    section = st.knowledge_section([scan(orphaned=orphaned, truck=truck)], "scan")
    assert section.color == color
    if color != "green":
        assert "infra" in section.actions[0].action


def test_contract_lights_and_actions():
    assert st.contract_section(contract(), "x").color == "green"
    amber = st.contract_section(contract(exit_="partial", flags=[("auto_renewal", "client")]), "x")
    assert amber.color == "amber" and isinstance(amber.facts, st.ContractFacts)
    assert amber.facts.gaps == {"exit": "partial"}
    assert [a.evidence.ref for a in amber.actions] == ["msa.md: clauses.exit", "msa.md: red_flags.auto_renewal"]
    red = st.contract_section(contract(ownership="vendor"), "x")
    assert red.color == "red" and red.actions[0].action.startswith("Renegotiate the deliverable ownership clause")
    no_hours = st.contract_section(contract(hours=None), "x").facts
    assert isinstance(no_hours, st.ContractFacts) and no_hours.gaps == {"knowledge_transfer": "present without hours"}


def _summary(**changes):
    values = {
        "weeks": 12,
        "weeks_with_review": 12,
        "weeks_with_internal_attendance": 11,
        "weeks_with_internal_participation": 11,
        "decisions": 10,
        "decisions_internal_or_joint_share": 0.8,
        "tasks": 0,
        "tasks_internal_share": None,
    }
    return ParticipationSummary(**{**values, **changes})


def _alert(message=None):
    return DelegateAndWait(threshold_weeks=2, active=message is not None, message=message, current=[], periods=[])


def test_participation_lights():
    quiet = _alert()
    assert st.participation_section(quiet, _summary(), date(2026, 11, 16), TODAY).color == "green"
    weak = st.participation_section(
        quiet,
        _summary(weeks_with_internal_attendance=6, decisions_internal_or_joint_share=0.2),
        date(2026, 11, 16),
        TODAY,
    )
    assert weak.color == "amber" and len(weak.actions) == 2
    alert = _alert("no weekly review for 3 weeks (since 2026-11-02)")
    red = st.participation_section(alert, _summary(), date(2026, 10, 26), TODAY)
    assert red.color == "red" and "delegate and wait" in red.headline and "4 weeks ago" in red.headline
    assert st.participation_section(None, None, None, TODAY).color == "grey"


def test_drill_lights():
    assert st.drills_section([drill("alone", date(2026, 11, 1))], 0, TODAY).color == "green"
    assert st.drills_section([drill("with_help", date(2026, 11, 1), ["CI"], 4)], 4, TODAY).color == "amber"
    stuck = st.drills_section([drill("stuck", date(2026, 11, 1), ["Registry"], 4)], 4, TODAY)
    assert stuck.color == "red" and "Registry" in stuck.actions[0].action
    old = st.drills_section([drill("alone", date(2026, 1, 5))], 0, TODAY)
    assert old.color == "amber" and "days ago" in old.actions[0].action
    assert st.drills_section([], 0, TODAY).color == "grey"


def test_nothing_measured_is_grey_and_overall_amber():
    sections = [
        st.trajectory_section([], None, "scan it"),
        st.knowledge_section([], "scan it"),
        st.contract_section(None, "review it"),
        st.participation_section(None, None, None, TODAY),
        st.drills_section([], 0, TODAY),
    ]
    assert {s.color for s in sections} == {"grey"} and not any(s.measured for s in sections)
    assert st.overall(sections) == "amber"
    actions = st.next_actions(sections)
    assert len(actions) == 3 and {a.color for a in actions} == {"grey"}
    assert [a.area for a in actions] == ["participation", "knowledge", "contract"]


def test_next_actions_most_severe_first_one_per_area():
    readiness = ExitReadiness.of(
        "ETA",
        contract_items(contract(), "x")
        + inventory_items([Asset(1, AssetKind.CREDENTIAL, "deploy key", HeldBy.PARTNER, id=4)], []),
    )
    exit_light = st.exit_section(readiness)
    assert exit_light.color == "red"  # blocked, whatever the colour of its last action (inventory at risk)
    assert [a.color for a in exit_light.actions] == ["red", "amber"]
    sections = [
        st.trajectory_section([scan(0.3)], 0.6, "x"),
        st.knowledge_section([scan(orphaned=0.4)], "x"),
        st.contract_section(contract(exit_="partial", access="after_only"), "x"),
        st.drills_section([drill("alone", date(2026, 11, 1))], 0, TODAY),
        st.exit_section(readiness),
    ]
    assert st.overall(sections) == "red"
    actions = st.next_actions(sections)
    assert [(a.area, a.color) for a in actions] == [
        ("exit_readiness", "red"),
        ("trajectory", "red"),
        ("knowledge", "amber"),
    ]
    assert actions[0].action == "Transfer the credential deploy key to the client"
    assert actions[0].evidence.record_id == 4
    only_contract = st.next_actions([sections[2]])
    assert [a.evidence.ref for a in only_contract] == ["msa.md: clauses.exit", "msa.md: clauses.source_access"]
    assert st.overall([sections[3]]) == "green"


def test_a_drill_dated_after_today_never_counts():
    """A drill dated in the future has not happened: it cannot turn the light green (nor count)."""
    future = drill("alone", date(2026, 12, 15), ident=2)
    assert st.drills_section([future], 0, TODAY).color == "grey"
    stuck = drill("stuck", date(2026, 11, 1), ["Registry"], 4, ident=1)
    section = st.drills_section([stuck, future], 4, TODAY)
    assert section.color == "red" and "latest 2026-11-01" in section.headline
    assert isinstance(section.facts, st.DrillFacts) and section.facts.drills == 1
    assert st.drills_section([drill("alone", TODAY)], 0, TODAY).color == "green"  # today counts


def test_the_status_shape_round_trips_and_names_lights_by_area():
    sections = [
        st.trajectory_section([scan(0.3)], 0.6, "x"),
        st.knowledge_section([], "scan it"),
        st.contract_section(contract(exit_="partial"), "x"),
        st.participation_section(None, None, None, TODAY),
        st.drills_section([drill("with_help", date(2026, 11, 1), ["CI"], 4)], 4, TODAY),
    ]
    lights = [st.light(s) for s in sections]
    assert [(lt.name, lt.title) for lt in lights[:2]] == [
        ("trajectory", "Dependency trajectory"),
        ("knowledge", "Knowledge at risk"),
    ]
    dumped = [s.model_dump(mode="json") for s in sections]
    assert dumped[1]["facts"] == {} and dumped[1]["color"] == "grey"
    assert dumped[4]["facts"]["latest"] == "2026-11-01" and dumped[4]["facts"]["latest_outcome"] == "with_help"
    assert list(dumped[0]) == ["area", "title", "color", "measured", "headline", "facts", "actions"]
    assert [st.Section.model_validate(d) for d in dumped] == sections
