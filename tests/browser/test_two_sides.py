"""Both sides of an engagement in a real browser: the partner user signs in, writes this week's review
on its home page and sees it marked partner-written, and cannot open the partner comparison; the lead
signs in, confirms the partner's reviews on the engagement page, and the 'delegate and wait' alert
(a partner-written review unconfirmed for weeks) goes away. Screenshots go to test-artifacts/."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text

from inhouse.bootstrap import Workspace
from inhouse.domain.accounts import Actor, Role, UserIn
from inhouse.domain.reviews import ReviewIn
from inhouse.domain.shapes import validated
from inhouse.services import accounts
from inhouse.services import reviews as review_service
from inhouse.settings import load_settings
from inhouse.web import create_app
from tests import records
from tests.browser.conftest import serving, shot, sign_in

PASSWORD = "correct horse battery staple"
LEAD = "ann@acme.example"
PARTNER_USER = "pat@quantialabs.io"
TODAY = date.today()
MONDAY = TODAY - timedelta(days=TODAY.weekday())
WAITING_WEEK = MONDAY - timedelta(weeks=3)  # the partner wrote it then; nobody has confirmed it since


def _seed(ws: Workspace) -> int:
    """Six weeks of reviews with the lead attending, one of them written by the partner user three
    weeks ago and still unconfirmed (so the alert is on)."""
    records.init(ws, "Acme Analytics")
    records.add_partner(ws, "Quantia Labs", domains=["quantialabs.io"])
    records.add_partner(ws, "Other Works")
    eid = records.add_engagement(ws, "ETA prediction", "Quantia Labs", (MONDAY - timedelta(weeks=6)).isoformat())["id"]
    records.add_person(ws, "Ann Lee", "internal", [LEAD])
    records.add_person(ws, "Pat Kim", "partner", [PARTNER_USER], partner="Quantia Labs")
    accounts.add(ws, validated(UserIn, email=LEAD, name="Ann Lee", role=Role.LEAD, password=PASSWORD))
    pat = accounts.add(
        ws,
        validated(
            UserIn, email=PARTNER_USER, name="Pat Kim", role=Role.PARTNER, partner="Quantia Labs", password=PASSWORD
        ),
    )
    as_pat = ws.acting(Actor(kind="user", label=PARTNER_USER, user_id=pat.id, role=Role.PARTNER))
    for weeks_ago in range(6, 0, -1):
        week = MONDAY - timedelta(weeks=weeks_ago)
        writer = as_pat if week == WAITING_WEEK else ws
        review = validated(
            ReviewIn,
            week_of=week.isoformat(),
            done=f"Week {week}: retrained the model together",
            why="the client's team must own retraining",
            next="the client's team retrains alone",
            attendees=["Ann Lee", "Pat Kim"],
        )
        review_service.add(writer, str(eid), review)
    with ws.engine.begin() as conn:  # written three weeks ago, as the partner's review of that week was
        conn.execute(
            text("UPDATE weekly_reviews SET created_at = :at WHERE engagement_id = :eid AND week_of = :week"),
            {"at": f"{WAITING_WEEK.isoformat()} 17:00:00", "eid": eid, "week": WAITING_WEEK},
        )
    return eid


@pytest.fixture(scope="module")
def two_sides(tmp_path_factory):
    folder = tmp_path_factory.mktemp("two-sides")
    url = f"sqlite:///{folder / 'inhouse.db'}"
    from inhouse.store import migrate
    from inhouse.store.database import make_engine

    engine = make_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    ws = Workspace(load_settings(database_url=url))
    eid = _seed(ws)
    with serving(create_app(ws)) as address:
        yield {"url": address, "engagement_id": eid}
    ws.dispose()


def _sign_in(page, base: str, email: str) -> None:
    sign_in(page, base, email, PASSWORD)


def test_the_partner_writes_and_the_lead_confirms(two_sides, browser):
    base, eid = two_sides["url"], two_sides["engagement_id"]
    week = MONDAY.isoformat()

    partner = browser.new_context(viewport={"width": 1280, "height": 900})
    page = partner.new_page()
    page.set_default_timeout(15_000)
    _sign_in(page, base, PARTNER_USER)
    form = page.locator(f"#review-add-{eid} form")
    form.locator("input[name=week_of]").fill(week)
    form.locator("textarea[name=done]").fill("Pat moved the scoring service to the client's cluster")
    form.locator("textarea[name=why]").fill("the client runs it after the exit")
    form.locator("textarea[name=next]").fill("hand over the runbook")
    form.locator("input[name=attendees]").fill("Ann Lee, Pat Kim")
    form.locator("button[type=submit]").click()
    review = page.locator(f"#timeline-{eid} #review-{week}")
    review.wait_for()
    assert review.get_attribute("data-written-by") == "partner"
    assert "written by Pat Kim (partner)" in review.inner_text()
    assert "awaiting confirmation" in review.inner_text()
    assert "Pat moved the scoring service" in review.inner_text()
    shot(page, "two-sides-partner-home")
    refused = page.goto(base + "/partners")
    assert refused is not None and refused.status == 404  # as if the page did not exist
    assert "Partner comparison" not in page.content()
    partner.close()

    lead = browser.new_context(viewport={"width": 1280, "height": 900})
    page = lead.new_page()
    page.set_default_timeout(15_000)
    _sign_in(page, base, LEAD)
    page.goto(f"{base}/engagements/{eid}")
    alert = page.locator("#delegate-alert")
    assert alert.count() == 1, "the partner's review has waited three weeks: the alert is on"
    assert "unconfirmed" in alert.inner_text() and WAITING_WEEK.isoformat() in alert.inner_text()
    red = page.locator("#status .light.red", has_text="Reviews and participation")
    assert red.count() == 1
    shot(page, "two-sides-lead-alert", full=False)
    for confirmed_week in (week, WAITING_WEEK.isoformat()):
        item = page.locator(f"#review-{confirmed_week}")
        assert "awaiting confirmation" in item.inner_text()
        item.locator(".confirmation form.inline button[type=submit]").click()
        page.wait_for_load_state()
        item = page.locator(f"#review-{confirmed_week}")
        item.wait_for()
        assert f"confirmed by Ann Lee, {TODAY.isoformat()}" in item.inner_text()
    page.goto(f"{base}/engagements/{eid}")
    assert page.locator("#delegate-alert").count() == 0, page.locator("#delegate-alert").all_inner_texts()
    assert "unconfirmed" not in page.locator("#status").inner_text()
    assert page.locator("#status .light.red", has_text="Reviews and participation").count() == 0
    shot(page, "two-sides-lead-confirmed")
    lead.close()
