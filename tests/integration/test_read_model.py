"""The dashboard's read model on real databases: stored statuses and pages follow every write.

Writes go through the real services (weekly review, drill, git scan); reads through the
dashboard, as the web pages do.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from inhouse.domain.drills import DrillIn
from inhouse.domain.knowledge import ScanIn
from inhouse.domain.reviews import ReviewIn
from inhouse.domain.status import EngagementStatus
from inhouse.services import dashboard, drills, reviews
from inhouse.services.dashboard import readmodel, status, stored_page
from inhouse.services.knowledge import scan
from inhouse.store.tables_dashboard import EngagementStatusRow
from tests import records
from tests.gitrepo import GitRepoBuilder, lines

MONDAY = date.today() - timedelta(days=date.today().weekday())


def _engagement(ws, name: str = "ETA prediction", partner: str = "Quantia Labs") -> int:
    if not any(p["name"] == partner for p in records.list_partners(ws)):
        records.add_partner(ws, partner)
    return records.add_engagement(ws, name, partner, (MONDAY - timedelta(weeks=20)).isoformat())["id"]


def _row(ws, engagement_id: int) -> EngagementStatusRow:
    with ws.uow() as uow:
        row = uow.session.scalar(select(EngagementStatusRow).where(EngagementStatusRow.engagement_id == engagement_id))
        uow.session.expunge(row)
        return row


def _color(found: EngagementStatus, area: str) -> str:
    return next(light.color for light in found.lights if light.name == area)


def test_a_stored_status_changes_after_a_weekly_review(ws):
    eid = _engagement(ws)
    before = status.engagement_status(ws, eid)
    assert _color(before, "participation") == "grey"
    stored = _row(ws, eid)
    assert stored.status_version == stored.version
    assert stored.lights["lights"] == [light.model_dump(mode="json") for light in before.lights]

    review = ReviewIn(week_of=MONDAY, done="Feature store", why="Latency", next="Tests", attendees=["Ana Ruiz"])
    reviews.add(ws, "ETA prediction", review)
    assert _row(ws, eid).version > stored.version  # the write made the stored status stale ...
    after = status.engagement_status(ws, eid)
    assert _color(after, "participation") != "grey"  # ... and the next read computed it again
    assert dashboard.portfolio(ws).engagements[0].status.lights == after.lights


def test_a_stored_status_changes_after_a_scan(ws, tmp_path):
    eid = _engagement(ws)
    assert _color(status.engagement_status(ws, eid), "knowledge") == "grey"
    repo = GitRepoBuilder(tmp_path / "repo")
    for week in range(4):
        repo.commit(
            "Pat Partner <pat@quantia.example>",
            (MONDAY - timedelta(weeks=8 - week)).isoformat(),
            {f"src/m{week}.py": lines(20, f"w{week}")},
        )
    scan(ws, "ETA prediction", ScanIn(repository=str(repo.path)))
    assert _color(status.engagement_status(ws, eid), "knowledge") != "grey"
    page = dashboard.engagement_page(ws, str(eid))
    assert page.knowledge.measured and page.status.lights == status.engagement_status(ws, eid).lights


def test_the_stored_engagement_page_follows_writes(ws):
    eid = _engagement(ws)
    first = dashboard.engagement_page(ws, "ETA prediction")
    assert first.drill_list == [] and _row(ws, eid).page_version == _row(ws, eid).version
    assert dashboard.engagement_page(ws, str(eid)) == first  # served from the read model, same content
    records.add_person(ws, "Ana Ruiz", "internal")
    drill = DrillIn(performed_on=MONDAY, person="Ana Ruiz", modification="Retrain the model", outcome="alone")
    drills.add(ws, "ETA prediction", drill)
    again = dashboard.engagement_page(ws, str(eid))
    assert [d.person for d in again.drill_list] == ["Ana Ruiz"]
    assert _row(ws, eid).page == again.model_dump(mode="json")  # stored as its JSON


def test_a_write_raises_only_the_versions_it_concerns(ws):
    one = _engagement(ws, "One", "Quantia Labs")
    two = _engagement(ws, "Two", "Northwind ML")
    status.refresh_stale(ws)
    versions = {eid: _row(ws, eid).version for eid in (one, two)}
    reviews.add(ws, "One", ReviewIn(week_of=MONDAY, done="a", why="b", next="c"))
    assert _row(ws, one).version > versions[one] and _row(ws, two).version == versions[two]
    with ws.uow() as uow:  # a partner's change reaches its engagements only
        partner = next(p for p in uow.partners.list() if p.name == "Northwind ML")
        partner.notes = "renamed their delivery lead"
        uow.partners.update(partner)
        uow.commit()
    assert _row(ws, two).version > versions[two] and _row(ws, one).version == versions[one] + 1
    assert status.refresh_stale(ws) == 2 and status.refresh_stale(ws) == 0


def test_the_portfolio_never_waits_long_for_stale_statuses(ws):
    ids = [_engagement(ws, f"Engagement {n}") for n in range(3)]
    page = dashboard.portfolio(ws, budget=0.0)  # nothing computed yet, no time to compute: pending
    assert page.updating == 3 and all(e.status.pending for e in page.engagements)
    assert readmodel.wait_idle(60)  # the background thread computed them
    page = dashboard.portfolio(ws, budget=0.0)
    assert page.updating == 0 and all(e.status.measured for e in page.engagements)
    reviews.add(ws, "Engagement 1", ReviewIn(week_of=MONDAY, done="a", why="b", next="c"))
    page = dashboard.portfolio(ws, budget=0.0)  # stale: the previous lights, marked updating
    updating = [e.id for e in page.engagements if e.status.updating]
    assert updating == [ids[1]]
    assert readmodel.wait_idle(60) and dashboard.portfolio(ws, budget=0.0).updating == 0


def test_the_portfolio_is_paginated(ws):
    for n in range(5):
        _engagement(ws, f"Engagement {n}")
    second = dashboard.portfolio(ws, page=2, per_page=2)
    assert [e.name for e in second.engagements] == ["Engagement 2", "Engagement 3"]
    assert (second.total, second.pages, second.page) == (5, 3, 2)
    assert dashboard.portfolio(ws, page=99, per_page=2).page == 3
    assert readmodel.wait_idle(60)  # statuses left to the background are stored: the tag holds still
    tag = dashboard.portfolio_tag(ws, 1)
    assert dashboard.portfolio_tag(ws, 1) == tag != dashboard.portfolio_tag(ws, 2)
    reviews.add(ws, "Engagement 4", ReviewIn(week_of=MONDAY, done="a", why="b", next="c"))
    assert dashboard.portfolio_tag(ws, 1) != tag


def test_stored_pages_are_not_used_for_another_day(ws):
    _engagement(ws)
    today = stored_page.engagement_page(ws, "ETA prediction")
    yesterday = stored_page.engagement_page(ws, "ETA prediction", date.today() - timedelta(days=1))
    assert today.today == date.today() != yesterday.today
