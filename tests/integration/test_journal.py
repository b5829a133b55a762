"""The weekly record on real databases: reviews, decisions, tasks, participation and drills through
the services, imports all or nothing."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from inhouse.analysis.journal.adr import adr_file_names
from inhouse.domain.contracts import ContractReview
from inhouse.domain.decisions import AdrDefaults, DecisionIn
from inhouse.domain.drills import DrillIn
from inhouse.domain.organisations import PartnerIn
from inhouse.domain.results import AnalysisResult
from inhouse.domain.reviews import ReviewIn
from inhouse.domain.shapes import Upload, validated
from inhouse.errors import Conflict, InvalidInput, NotFound
from inhouse.services import decisions, drills, participation, partners, reviews
from inhouse.store import migrate
from tests import records

TODAY = date(2026, 3, 4)
NOTE = """---
date: {day}
attendees: [{who}]
---
# Weekly review

## What was done
{done}

## Why
Because of {done}.

## What's next
More after {done}.
"""


def _setup(ws) -> dict:
    partners.add(ws, PartnerIn(name="Quantia Labs", domains=["quantialabs.io"]))
    engagement = records.add_engagement(ws, "ETA", "Quantia Labs", "2025-06-02")
    records.add_person(ws, "Ann Inside", "internal", ["ann@acme.com"])
    records.add_person(ws, "Bo Inside", "internal", [])
    records.add_person(ws, "Pat Partner", "partner", ["pat@quantialabs.io"], partner="Quantia Labs")
    return engagement


def _notes(folder: Path, count: int = 3) -> Path:
    folder.mkdir(exist_ok=True)
    for n in range(count):
        day = date(2026, 1, 5 + 7 * n)
        (folder / f"week-{n}.md").write_text(NOTE.format(day=day, who="Ann Inside, Pat Partner", done=f"task {n}"))
    return folder


def _uploads(folder: Path) -> list[Upload]:
    return [Upload(name=p.name, content=p.read_bytes()) for p in sorted(folder.iterdir()) if p.name != "README.md"]


def _import(ws, folder: Path, today: date = TODAY):
    return reviews.import_notes(ws, "ETA", _uploads(folder), folder=str(folder), today=today)


def _review(**values) -> ReviewIn:
    return validated(ReviewIn, values)


def _decision(**values) -> DecisionIn:
    return validated(DecisionIn, values)


def _drill(**values) -> DrillIn:
    return validated(DrillIn, values)


def _stored(ws, kind: str) -> int:
    with ws.uow() as uow:
        engagement = uow.engagements.list()[0]
        return len(getattr(uow, kind).list(engagement.id))


def test_review_import_is_all_or_nothing_and_idempotent(ws, tmp_path):
    _setup(ws)
    folder = _notes(tmp_path / "notes")
    (folder / "week-9.md").write_text("# 2026-03-02\n## Done\nthings\n")
    with pytest.raises(InvalidInput, match=r"^week-9\.md: no heading for why, next"):
        _import(ws, folder)
    assert _stored(ws, "reviews") == 0
    (folder / "week-9.md").write_text(NOTE.format(day="2026-02-05", who="Pat Partner", done="task 1"))
    (folder / "README.md").write_text("How we keep notes")  # not a note
    result = _import(ws, folder).model_dump(mode="json")
    assert result["added"] == ["2026-01-05", "2026-01-12", "2026-01-19", "2026-02-02"] and result["files"] == 4
    flagged = {r["week_of"]: [f["flag"] for f in r["flags"]] for r in result["reviews"]}
    assert flagged["2026-01-05"] == [] and flagged["2026-02-02"] == ["no_internal_attendee"]
    again = _import(ws, folder)
    assert again.added == [] and len(again.unchanged) == 4
    (folder / "week-0.md").write_text(NOTE.format(day="2026-01-05", who="Ann Inside", done="changed"))
    (folder / "week-5.md").write_text(NOTE.format(day="2026-02-16", who="Ann Inside", done="new"))
    with pytest.raises(Conflict, match="week-0.md: the week of 2026-01-05 already has a different review"):
        _import(ws, folder)
    assert _stored(ws, "reviews") == 4  # week-5 was not stored either


@pytest.mark.parametrize(
    "name,text,message",
    [
        (
            "b.md",
            NOTE.format(day="2026-01-06", who="Ann", done="x"),
            "b.md: the week of 2026-01-05 is already covered by a.md",
        ),
        ("b.md", "## Done\nx\n## Why\ny\n## Next\nz\n", "b.md: no date"),
        (
            "b.md",
            NOTE.format(day="2025-01-06", who="Ann", done="x"),
            "b.md: week 2025-01-06 is before the engagement's start",
        ),
        ("b.md", NOTE.format(day="2026-04-06", who="Ann", done="x"), "b.md: week 2026-04-06 is in the future"),
        ("b.md", NOTE.format(day="someday", who="Ann", done="x"), "b.md: front matter date: 'someday' is not a date"),
        ("b.md", NOTE.format(day="1969-12-29", who="Ann", done="x"), "b.md: week_of must not be before 1970-01-01"),
        ("b.md", NOTE.format(day="2099-01-05", who="Ann", done="x"), "b.md: week_of must not be in the future"),
        ("b.md", "---\ndate: 2026-01-12\n---\n## Done\n \n## Why\n\t\n## Next\n   \n", "b.md: done must not be blank"),
    ],
)
def test_bad_notes_name_the_file_and_store_nothing(ws, tmp_path, name, text, message):
    _setup(ws)
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "a.md").write_text(NOTE.format(day="2026-01-05", who="Ann", done="ok"))
    (folder / name).write_text(text)
    with pytest.raises(InvalidInput, match=message):
        _import(ws, folder)
    assert _stored(ws, "reviews") == 0


def test_review_add_and_decisions_link_to_their_week(ws, tmp_path):
    _setup(ws)
    early = decisions.add(
        ws,
        "ETA",
        _decision(
            title="Use GBMs",
            decided_on="2026-01-14",
            deciders=["Ann Inside", "pat@quantialabs.io"],
            rationale="simpler",
        ),
    )
    assert early.decided_by == "joint" and early.review_week is None
    added = reviews.add(
        ws,
        "ETA",
        _review(
            week_of="2026-01-15",
            done="Built the lane model",
            why="tbd",
            next="Backtest it",
            attendees=["Pat Partner, Bo"],
        ),
        today=TODAY,
    )
    assert added.week_of == date(2026, 1, 12) and added.internal_attendees == ["Bo Inside"]
    assert added.decisions == ["Use GBMs"] and [f.flag for f in added.flags] == ["boilerplate"]
    later = decisions.add(
        ws, "ETA", _decision(title="Host on our cloud", decided_by="internal", decided_on="2026-01-16")
    )
    assert later.review_week == date(2026, 1, 12)
    note = Upload(
        name="2026-01-19.md",
        content=b"# Review\n**Done**\nBuilt the lane model\n\n**Why**\nBecause.\n\nNext: Backtest it\n",
    )
    from_file = reviews.add(ws, "ETA", reviews.from_note(note), today=TODAY)
    assert from_file.week_of == date(2026, 1, 19)
    assert {f.flag for f in from_file.flags} == {"same_as_last_week", "no_internal_attendee"}
    with pytest.raises(InvalidInput, match="no date in the note"):
        reviews.from_note(Upload(name="notes.md", content=b"## Done\na\n## Why\nb\n## Next\nc\n"))
    with pytest.raises(Conflict, match="already has a different review"):
        reviews.add(ws, "ETA", _review(week_of="2026-01-12", done="a", why="b", next="c"), today=TODAY)
    with pytest.raises(InvalidInput, match="unknown decider 'Zed'"):
        decisions.add(ws, "ETA", _decision(title="Something", decided_on="2026-01-14", deciders=["Zed"]))
    listed = reviews.list_reviews(ws, "ETA", flagged_only=True)
    assert [r.week_of.isoformat() for r in listed] == ["2026-01-12", "2026-01-19"]
    assert _stored(ws, "decisions") == 2


@pytest.mark.parametrize(
    "values, message",
    [
        (
            {"done": "   ", "why": "\t", "next": "\n"},
            "done must not be blank; why must not be blank; next must not be blank",
        ),
        ({"week_of": "2099-01-05"}, "week_of must not be in the future"),
        ({"week_of": "1960-01-04"}, "week_of must not be before 1970-01-01"),
        ({"done": "x" * 20_001}, "done must be at most 20000 characters"),
        ({"attendees": ["x" * 301]}, "attendees.0 must be at most 200 characters"),
    ],
)
def test_bad_reviews_are_refused(values, message):
    with pytest.raises(InvalidInput) as caught:
        _review(**{"week_of": "2026-01-12", "done": "a", "why": "b", "next": "c", **values})
    assert caught.value.message == message


@pytest.mark.parametrize(
    "values, message",
    [
        ({"decided_on": "2099-01-01"}, "decided_on must not be in the future"),
        ({"decided_on": "1969-12-31"}, "decided_on must not be before 1970-01-01"),
        ({"title": "x" * 100_000}, "title must be at most 200 characters"),
        ({"title": "  "}, "title must not be blank"),
        ({"decided_by": "vendor"}, "decided_by must be one of 'internal', 'partner' or 'joint'"),
    ],
)
def test_bad_decisions_are_refused(values, message):
    with pytest.raises(InvalidInput) as caught:
        _decision(**{"title": "X", "decided_by": "internal", "decided_on": "2026-01-12", **values})
    assert caught.value.message == message


ADR_TOOLS = "# 1. Record decisions\n\nDate: 2026-01-07\n\n## Status\n\nAccepted\n\n## Context\n\nWe forget why.\n"
MADR = (
    "---\nstatus: proposed\ndate: 2026-02-02\ndeciders: Pat Partner\n---\n# Adopt the accelerator\n\n"
    '## Decision Outcome\n\nChosen option: "accelerator", because faster delivery.\n'
)


@pytest.mark.parametrize("flavour", ["madr", "adr-tools"])
def test_adr_import_export_round_trip(ws, tmp_path, flavour):
    _setup(ws)
    folder = tmp_path / "adr"
    folder.mkdir()
    (folder / "0001-record-decisions.md").write_text(ADR_TOOLS)
    (folder / "0002-adopt.md").write_text(MADR)
    (folder / "template.md").write_text("# {title}\n")
    adrs = [Upload(name=n, content=(folder / n).read_bytes()) for n in adr_file_names(os.listdir(folder))]
    with pytest.raises(InvalidInput, match="0001-record-decisions.md: no deciders: say who decided"):
        decisions.import_adrs(ws, "ETA", adrs)
    assert _stored(ws, "decisions") == 0
    internal = AdrDefaults(decided_by="internal")
    imported = decisions.import_adrs(ws, "ETA", adrs, internal)
    assert imported.added == ["0001-record-decisions.md", "0002-adopt.md"]
    assert decisions.import_adrs(ws, "ETA", adrs, internal).unchanged == imported.added
    decisions.add(
        ws,
        "ETA",
        _decision(title="Page our on-call first", decided_by="joint", decided_on="2026-02-20", rationale="We own ops."),
    )
    before = decisions.list_decisions(ws, "ETA")
    assert [d.decided_by for d in before] == ["internal", "partner", "joint"]
    out = decisions.export_adrs(ws, "ETA", flavour=flavour)
    assert [r.name for r in out.records][0] == "0001-record-decisions.md" and len(out.records) == 3
    records.add_engagement(ws, "Copy", "Quantia Labs", "2025-06-02")
    decisions.import_adrs(ws, "Copy", [Upload(name=r.name, content=r.text.encode()) for r in out.records])
    keys = {"title", "decided_by", "decided_on", "rationale", "status"}
    after = decisions.list_decisions(ws, "Copy")
    assert [d.model_dump(include=keys) for d in after] == [d.model_dump(include=keys) for d in before]


JIRA = (
    "Summary,Issue key,Issue id,Status,Assignee,Created,Updated,Resolved,Labels,Labels\n"
    "Backtest,ETA-1,1,Done,Ann Inside,05/Jan/26 10:15 AM,09/Jan/26 4:15 PM,09/Jan/26 3:15 PM,a,b\n"
    "Fix join,ETA-2,2,In Progress,Pat Partner,05/Jan/26 10:15 AM,14/Jan/26 9:05 AM,,,\n"
    "Docs,ETA-3,3,Done,Sam Stranger,05/Jan/26 10:15 AM,21/Jan/26 9:05 AM,21/Jan/26 9:05 AM,,\n"
)


def test_tasks_import_update_and_participation(ws, tmp_path):
    _setup(ws)
    export = tmp_path / "jira.csv"
    export.write_text(JIRA)
    result = participation.import_tasks(ws, "ETA", Upload(name="jira.csv", content=JIRA.encode()), "jira")
    assert (result.added, result.internal, result.partner, result.file) == (3, 1, 1, "jira.csv")
    assert result.unknown_assignees == ["Sam Stranger"]
    changed = JIRA.replace("In Progress,Pat Partner", "Done,Pat Partner")
    again = participation.import_tasks(ws, "ETA", Upload(name="jira.csv", content=changed.encode()))
    assert (again.added, again.updated, again.unchanged, again.format) == (0, 1, 2, "jira")
    bad = Upload(name="bad.csv", content=(JIRA + "New,ETA-4,4,Done,Ann Inside,not a date,,,,\n").encode())
    with pytest.raises(InvalidInput, match="bad.csv line 5: Created 'not a date' is not a date"):
        participation.import_tasks(ws, "ETA", bad)
    with pytest.raises(NotFound):
        participation.import_tasks(ws, "Nope", Upload(name="jira.csv", content=JIRA.encode()))
    assert _stored(ws, "tasks") == 3
    reviews.add(
        ws,
        "ETA",
        _review(
            week_of="2026-01-05", done="Built it", why="Needed", next="Test it", attendees=["Ann Inside", "Pat Partner"]
        ),
        today=TODAY,
    )
    decisions.add(ws, "ETA", _decision(title="Use GBMs", decided_by="partner", decided_on="2026-01-07"))
    report = participation.participation(ws, "ETA", today=date(2026, 2, 4), last=0).model_dump(mode="json")
    assert report["tracking_since"] == "2026-01-05" and len(report["weeks"]) == 5
    first, second = report["weeks"][0], report["weeks"][1]
    assert first["internal_attendees"] == ["Ann Inside"] and first["tasks"]["internal"] == 1
    assert first["decisions"]["internal_or_joint_share"] == 0.0
    assert second["review"] is False and second["internal_participation"] is False
    assert report["alert"]["periods"] == [
        {"kind": "no_review", "from": "2026-01-12", "to": "2026-01-26", "weeks": 3, "ongoing": True, "reviews": 0},
        {
            "kind": "no_internal_participation",
            "from": "2026-01-12",
            "to": "2026-01-26",
            "weeks": 3,
            "ongoing": True,
            "reviews": 0,
        },
    ]
    alert = participation.delegate_and_wait(ws, "ETA", today=date(2026, 2, 4), weeks=4)
    assert alert.active is False and alert.threshold_weeks == 4
    with ws.uow() as uow:  # the function the status screen calls
        found = uow.engagements.list()[0]
        assert participation.alert_in(uow, found, date(2026, 2, 4), 2).active is True


def test_drills_request_training_and_compare_with_the_contract(ws):
    created = _setup(ws)
    ws.settings.training_hours_per_stuck_point = 3.0
    first = drills.add(
        ws,
        "ETA",
        _drill(
            person="bo inside",
            modification="Raise the cache TTL",
            outcome="with_help",
            performed_on="2026-09-09",
            stuck_points=["Terraform state"],
        ),
    )
    assert first.person == "Bo Inside" and first.training_hours == 3.0
    assert first.training.status == "unknown"
    drills.add(
        ws,
        "ETA",
        _drill(
            person="Ann Inside",
            modification="Roll back a model",
            outcome="stuck",
            performed_on="2026-11-04",
            stuck_points=["Model registry", "CI credentials"],
            hours_per_stuck_point=5,
        ),
    )
    alone = {"modification": "Anything", "outcome": "alone", "performed_on": "2026-11-04"}
    with pytest.raises(InvalidInput, match="Pat Partner is on the partner side"):
        drills.add(ws, "ETA", _drill(person="Pat Partner", **alone))
    with pytest.raises(NotFound, match="no person 'Zed Nobody' in this engagement"):
        drills.add(ws, "ETA", _drill(person="Zed Nobody", **alone))
    with pytest.raises(NotFound, match="no person 'internal team' in this engagement"):
        drills.add(ws, "ETA", _drill(person="internal team", **alone))  # a side, not a person
    with pytest.raises(InvalidInput, match="performed_on 2025-01-06 is before the engagement's start"):
        drills.add(ws, "ETA", _drill(person="Ann Inside", **{**alone, "performed_on": "2025-01-06"}))
    with ws.uow() as uow:
        uow.results.add(
            AnalysisResult(
                kind="contract",
                subject="msa.pdf",
                engagement_id=created["id"],
                payload=ContractReview.model_validate(
                    {
                        "file": "msa.pdf",
                        "engagement_model": "project",
                        "clauses": {"knowledge_transfer": {"status": "present", "hours": 8}},
                    }
                ).model_dump(mode="json"),
            )
        )
        uow.commit()
        engagement = uow.engagements.get(created["id"])
        assert drills.requested_training_hours(uow, engagement) == 13.0
    listed = drills.list_drills(ws, "ETA")
    assert [d.outcome for d in listed.drills] == ["with_help", "stuck"]
    training = listed.training
    assert [(r.topic, r.hours) for r in training.requests] == [
        ("Terraform state", 3.0),
        ("Model registry", 5.0),
        ("CI credentials", 5.0),
    ]
    assert (
        training.requested_hours,
        training.contract_hours,
        training.shortfall_hours,
        training.status,
        training.contract,
    ) == (13.0, 8.0, 5.0, "exceeds_contract", "msa.pdf")


def test_a_drill_stores_its_total_training_hours(ws):
    _setup(ws)
    points = {"person": "Ann Inside", "modification": "Roll back", "outcome": "stuck", "performed_on": "2026-11-04"}
    total = drills.add(ws, "ETA", _drill(**points, stuck_points=["a", "b", "c"], training_hours=1))
    assert total.training_hours == 1.0 and [r.hours for r in total.training.requests] == [0.33, 0.33, 0.33]
    assert [d.training_hours for d in drills.list_drills(ws, "ETA").drills] == [1.0]


def test_phase_conversion_needs_a_reason_and_keeps_its_dates(ws):
    _setup(ws)
    with pytest.raises(InvalidInput, match="reason must not be blank"):
        records.change_phase(ws, "ETA", "project", "2025-10-06", "  ")
    shown = records.change_phase(ws, "ETA", "project", "2025-10-06", "pilot proven on two lanes")
    assert [{k: v for k, v in p.items() if k != "id"} for p in shown["phases"]] == [
        {"phase": "advisory", "started_on": "2025-06-02", "ended_on": "2025-10-06", "reason": "engagement started"},
        {"phase": "project", "started_on": "2025-10-06", "ended_on": None, "reason": "pilot proven on two lanes"},
    ]


def test_the_migrations_have_one_head(ws):
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    assert len(ScriptDirectory.from_config(config).get_heads()) == 1
    assert migrate.check(ws.engine) == []
