"""The inputs of engagements, phases, people and the workspace: each bad value refused once, at
the service boundary, with a message that names the field (never a CLI flag)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from inhouse.domain.common import Phase, Side
from inhouse.domain.engagements import EngagementIn, PhaseChangeIn
from inhouse.domain.roster import PeopleQuery, PersonIn
from inhouse.domain.shapes import validated
from inhouse.domain.workspace import WorkspaceIn
from inhouse.errors import InvalidInput

TOMORROW = (date.today() + timedelta(days=1)).isoformat()


def _engagement(**values: object) -> EngagementIn:
    return validated(EngagementIn, {"name": "ETA", "partner": "Quantia Labs", "start_date": "2025-06-02", **values})


def test_an_engagement_plan_in_percent_or_fractions():
    assert _engagement().dependency_plan().internal_shares == (0.3, 0.6, 0.9)
    assert _engagement(plan="20,50,80").dependency_plan().internal_shares == (0.2, 0.5, 0.8)
    assert _engagement(plan="0.2, 0.5").dependency_plan().internal_shares == (0.2, 0.5)
    assert _engagement(plan="25%,50%").dependency_plan().internal_shares == (0.25, 0.5)
    assert _engagement(plan=[30, 60, 90]).plan == [30, 60, 90]
    assert _engagement(phase=" Project ").phase is Phase.PROJECT
    assert _engagement(start_date=TOMORROW).start_date > date.today()  # an engagement may start ahead


@pytest.mark.parametrize(
    "values, message",
    [
        ({"plan": "30,nan"}, "plan.1 must be a finite number between 0 and 100"),
        ({"plan": [30, float("inf")]}, "plan.1 must be a finite number between 0 and 100"),
        ({"plan": "30,160"}, "plan.1 must be a finite number between 0 and 100"),
        ({"plan": "-5"}, "plan.0 must be a finite number between 0 and 100"),
        ({"plan": "60,30"}, "plan must not fall from one year to the next"),
        ({"plan": "a,b"}, "plan must be numbers such as 30,60,90"),
        ({"plan": ","}, "plan must list yearly internal shares"),
        ({"name": "   "}, "name must not be blank"),
        ({"name": "x" * 201}, "name must be at most 200 characters"),
        ({"partner": ""}, "partner must not be blank"),
        ({"start_date": "1969-12-31"}, "start_date must not be before 1970-01-01"),
        ({"start_date": "2025-02-30"}, "start_date must be a date YYYY-MM-DD"),
        ({"phase": "build"}, "phase must be one of 'advisory' or 'project'"),
        ({"description": "x" * 20_001}, "description must be at most 20000 characters"),
        ({"owner": "me"}, "owner is not a known field"),
        ({"partner": "Quantia\x00"}, "partner must not contain NUL characters"),
        ({"description": "a\x00b"}, "description must not contain NUL characters"),
    ],
)
def test_bad_engagements_are_refused_naming_the_field(values, message):
    with pytest.raises(InvalidInput) as caught:
        _engagement(**values)
    assert message in caught.value.message and "--" not in caught.value.message


@pytest.mark.parametrize(
    "values, message",
    [
        ({"started_on": TOMORROW}, "started_on must not be in the future"),
        ({"started_on": "1969-07-20"}, "started_on must not be before 1970-01-01"),
        ({"reason": " \t "}, "reason must not be blank"),
        ({"reason": "x" * 20_001}, "reason must be at most 20000 characters"),
        ({"reason": "proven\x00"}, "reason must not contain NUL characters"),
        ({"phase": "done"}, "phase must be one of"),
    ],
)
def test_a_phase_change_must_have_happened_and_say_why(values, message):
    with pytest.raises(InvalidInput, match=message):
        validated(PhaseChangeIn, {"phase": "project", "started_on": "2025-10-06", "reason": "pilot proven", **values})


def test_people_name_their_side_and_their_partner():
    person = validated(PersonIn, name=" Ann ", side="Internal", emails=[" Ann@Acme.COM", "ann@acme.com"])
    assert (person.name, person.side, person.emails) == ("Ann", Side.INTERNAL, ["ann@acme.com"])
    with pytest.raises(InvalidInput, match="^partner is required for a partner-side person$"):
        validated(PersonIn, name="Pat", side="partner")
    with pytest.raises(InvalidInput, match="partner only applies to partner-side people, not internal"):
        validated(PersonIn, name="Ann", side="internal", partner="Quantia Labs")
    with pytest.raises(InvalidInput, match="emails.1 must be an email address, not 'nope'"):
        validated(PersonIn, name="Ann", side="internal", emails=["ann@acme.com", "nope"])
    with pytest.raises(InvalidInput, match="side must be one of 'internal', 'partner' or 'other'"):
        validated(PeopleQuery, side="vendor")
    with pytest.raises(InvalidInput, match="emails.0 must be an email address"):
        validated(PersonIn, name="Ann", side="internal", emails=["a\x00@acme.com"])
    with pytest.raises(InvalidInput, match="role must not contain NUL characters"):
        validated(PersonIn, name="Ann", side="internal", role="a\x00")
    with pytest.raises(InvalidInput, match="client must not be blank"):
        validated(WorkspaceIn, client="  ")
