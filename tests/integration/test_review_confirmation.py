"""Partner-written weekly reviews on real databases: who wrote them, who may edit them, their
confirmation by an internal participant, and the "delegate and wait" alert while they wait."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from inhouse.domain.accounts import Actor, Role, UserIn
from inhouse.domain.decisions import DecisionIn
from inhouse.domain.organisations import PartnerIn
from inhouse.domain.reviews import ConfirmationIn, ReviewIn
from inhouse.errors import Conflict, Forbidden, InvalidInput, NotFound
from inhouse.services import accounts, decisions, participation, partners, reviews, status
from tests import records

TODAY = date.today()
MONDAY = TODAY - timedelta(days=TODAY.weekday())
PASSWORD = "correct horse battery staple"


def _actor(ws, email: str, name: str, role: Role, partner: str | None = None) -> Actor:
    user = accounts.add(ws, UserIn(email=email, name=name, role=role, partner=partner, password=PASSWORD))
    return Actor(kind="user", label=user.email, user_id=user.id, role=role)


@pytest.fixture
def sides(ws):
    partners.add(ws, PartnerIn(name="Quantia Labs", domains=["quantialabs.io"]))
    records.add_engagement(ws, "ETA", "Quantia Labs", (MONDAY - timedelta(weeks=10)).isoformat())
    records.add_person(ws, "Ann Lee", "internal", ["ann@acme.com"])
    lead = ws.acting(_actor(ws, "ann@acme.com", "Ann Lee", Role.LEAD))
    pat = ws.acting(_actor(ws, "pat@quantialabs.io", "Pat Kim", Role.PARTNER, "Quantia Labs"))
    pia = ws.acting(_actor(ws, "pia@quantialabs.io", "Pia Roe", Role.PARTNER, "Quantia Labs"))
    return lead, pat, pia


def _review(week: date, done: str = "Shipped the scoring service to staging") -> ReviewIn:
    return ReviewIn(
        week_of=week, done=done, why="The client needs it for the pilot", next="Load tests", attendees=["Ann Lee"]
    )


def _unconfirmed(alert) -> list:
    return [p for p in alert.current if p.kind == "unconfirmed_review"]


def test_a_partner_review_waits_for_confirmation_and_the_lead_confirms_it(sides):
    lead, pat, _ = sides
    written = reviews.add(pat, "ETA", _review(MONDAY - timedelta(weeks=1)))
    assert (written.written_by, written.author, written.confirmed_by, written.confirmed_on) == (
        "partner",
        "Pat Kim",
        None,
        None,
    )
    assert written.awaiting_confirmation
    with pytest.raises(Forbidden):
        reviews.confirm(pat, "ETA", written.id, ConfirmationIn(action="confirm"))
    commented = reviews.confirm(lead, "ETA", written.id, ConfirmationIn(action="comment", note="Which staging?"))
    assert commented.confirmed_on is None and commented.confirmation_note == "Which staging?"
    confirmed = reviews.confirm(lead, "ETA", written.id, ConfirmationIn(), today=TODAY)
    assert (confirmed.confirmed_by, confirmed.confirmed_on) == ("Ann Lee", TODAY)
    assert confirmed.confirmation_note == "Which staging?"  # confirming without a note keeps the comment
    with pytest.raises(Conflict, match="already confirmed by Ann Lee"):
        reviews.confirm(lead, "ETA", written.id, ConfirmationIn())
    [listed] = reviews.list_reviews(lead, "ETA")
    assert listed == confirmed


def test_an_internal_review_needs_no_confirmation_and_a_comment_needs_a_note(sides):
    lead, _, _ = sides
    written = reviews.add(lead, "ETA", _review(MONDAY - timedelta(weeks=2)))
    assert (written.written_by, written.author, written.author_user_id is not None) == ("internal", "Ann Lee", True)
    with pytest.raises(Conflict, match="written internally: nothing to confirm"):
        reviews.confirm(lead, "ETA", written.id, ConfirmationIn())
    with pytest.raises(ValueError, match="a comment needs a note"):
        ConfirmationIn(action="comment")
    with pytest.raises(NotFound):
        reviews.confirm(lead, "ETA", 10**9, ConfirmationIn())


def test_a_partner_edits_its_own_review_until_it_is_confirmed(sides):
    lead, pat, pia = sides
    week = MONDAY - timedelta(weeks=1)
    written = reviews.add(pat, "ETA", _review(week))
    edited = reviews.edit(pat, "ETA", written.id, _review(week, "Shipped it to staging and production"))
    assert edited.done == "Shipped it to staging and production" and edited.written_by == "partner"
    with pytest.raises(NotFound):  # a colleague's review: as if it did not exist
        reviews.edit(pia, "ETA", written.id, _review(week, "Rewritten by someone else"))
    with pytest.raises(Conflict, match="week of .* already has a different review"):
        other = reviews.add(pat, "ETA", _review(week - timedelta(weeks=1)))
        reviews.edit(pat, "ETA", other.id, _review(week))
    reviews.confirm(lead, "ETA", written.id, ConfirmationIn())
    with pytest.raises(Conflict, match="confirmed: it can no longer be edited"):
        reviews.edit(pat, "ETA", written.id, _review(week, "Too late"))
    by_lead = reviews.edit(lead, "ETA", written.id, _review(week, "Corrected by the lead"))
    assert by_lead.done == "Corrected by the lead" and by_lead.confirmed_by == "Ann Lee"


def test_a_partner_edits_only_its_own_decisions(sides):
    lead, pat, pia = sides
    day = MONDAY - timedelta(weeks=1)
    recorded = decisions.add(pat, "ETA", DecisionIn(title="Use Postgres", decided_by="joint", decided_on=day))
    assert (recorded.written_by, recorded.author) == ("partner", "Pat Kim")
    edited = decisions.edit(
        pat, "ETA", recorded.id, DecisionIn(title="Use PostgreSQL 16", decided_by="joint", decided_on=day)
    )
    assert edited.title == "Use PostgreSQL 16" and edited.written_by == "partner"
    with pytest.raises(NotFound):
        decisions.edit(pia, "ETA", recorded.id, DecisionIn(title="Use MySQL", decided_by="partner", decided_on=day))
    by_lead = decisions.edit(
        lead, "ETA", recorded.id, DecisionIn(title="Use PostgreSQL", decided_by="internal", decided_on=day)
    )
    assert by_lead.decided_by == "internal" and by_lead.author == "Pat Kim"
    with pytest.raises(InvalidInput):
        decisions.edit(
            lead, "ETA", recorded.id, DecisionIn(title="Too early", decided_by="internal", decided_on=date(2000, 1, 3))
        )


def test_the_alert_fires_after_two_weeks_unconfirmed_and_clears_on_confirmation(sides):
    lead, pat, _ = sides
    for weeks_ago in (3, 2, 1):  # reviews every week, with an internal attendee: no other alert
        reviews.add(lead, "ETA", _review(MONDAY - timedelta(weeks=weeks_ago), f"Week {weeks_ago} work done well"))
    written = reviews.add(pat, "ETA", _review(MONDAY, "Partner wrote this week's review"))
    assert not _unconfirmed(participation.delegate_and_wait(lead, "ETA", today=TODAY))
    in_13_days = participation.delegate_and_wait(lead, "ETA", today=TODAY + timedelta(days=13))
    assert not _unconfirmed(in_13_days)
    later = TODAY + timedelta(days=15)
    alert = participation.delegate_and_wait(lead, "ETA", today=later)
    [waiting] = _unconfirmed(alert)
    assert alert.active and (waiting.start, waiting.weeks, waiting.reviews) == (MONDAY, 2, 1)
    assert f"the partner-written review of the week of {MONDAY.isoformat()} unconfirmed for 2 weeks" in alert.message
    section = next(s for s in status.engagement_status(lead, "ETA", today=later).sections if s.area == "participation")
    assert section.color == "red" and "unconfirmed for 2 weeks" in section.headline
    assert any("confirm the partner-written" in a.action for a in section.actions)
    report = participation.participation(lead, "ETA", today=TODAY)
    assert (report.summary.reviews_by_partner, report.summary.reviews_by_internal) == (1, 3)
    assert report.summary.reviews_awaiting_confirmation == 1 and report.summary.median_days_to_confirm is None

    reviews.confirm(lead, "ETA", written.id, ConfirmationIn(), today=TODAY + timedelta(days=3))
    assert not _unconfirmed(participation.delegate_and_wait(lead, "ETA", today=later))
    report = participation.participation(lead, "ETA", today=TODAY)
    assert report.summary.reviews_awaiting_confirmation == 0 and report.summary.reviews_confirmed == 1
    assert report.summary.median_days_to_confirm == 3.0
