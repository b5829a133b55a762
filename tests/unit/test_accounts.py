"""Accounts in the domain: e-mail and password rules, token lifetimes, a partner user's reach."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inhouse.domain.access import Permission, Principal
from inhouse.domain.accounts import Actor, Role, UserIn, parse_duration
from inhouse.domain.shapes import validated
from inhouse.errors import InvalidInput


def _partner(partner_id: int, engagements: set[int] = frozenset()) -> Principal:
    actor = Actor(kind="user", label="pat@partner.example", user_id=7, role=Role.PARTNER)
    return Principal(
        actor=actor, role=Role.PARTNER, user_id=7, partner_id=partner_id, engagement_ids=frozenset(engagements)
    )


def test_a_partner_user_reaches_only_its_partners_engagements():
    pat = _partner(3)
    assert pat.reaches(10, 3)
    assert not pat.reaches(10, 4)
    limited = _partner(3, {10})
    assert limited.reaches(10, 3) and not limited.reaches(11, 3)


def test_client_roles_reach_every_engagement_but_hold_only_their_permissions():
    viewer = Principal(actor=Actor(kind="user", label="v@x.io"), role=Role.VIEWER)
    assert viewer.reaches(10, 4)
    assert viewer.can(Permission.READ) and not viewer.can(Permission.WRITE_JOURNAL)
    assert viewer.can(Permission.PUBLIC)


@pytest.mark.parametrize(
    ("text", "span"), [("12h", timedelta(hours=12)), ("30d", timedelta(days=30)), ("8W", timedelta(weeks=8))]
)
def test_token_lifetimes(text, span):
    assert parse_duration(text) == span


@pytest.mark.parametrize("text", ["", "0d", "30", "1y", "367d", "-1d", "53w", "1e3d", "30 days"])
def test_bad_token_lifetimes_are_refused_naming_the_option(text):
    with pytest.raises(InvalidInput, match="--expires"):
        parse_duration(text)


def test_e_mails_are_lowered_and_passwords_need_twelve_characters():
    user = validated(UserIn, email=" Ann@Client.Example ", name="Ann Lee", role="lead", password="a long enough one")
    assert user.email == "ann@client.example"
    assert "a long enough one" not in repr(user)  # a secret, never printed
    with pytest.raises(InvalidInput, match="password"):
        validated(UserIn, email="ann@client.example", name="Ann", role="lead", password="short")
    with pytest.raises(InvalidInput, match="email"):
        validated(UserIn, email="not an address", name="Ann", role="lead")
    with pytest.raises(InvalidInput, match="role"):
        validated(UserIn, email="ann@client.example", name="Ann", role="owner")


@given(st.text(max_size=40))
def test_any_duration_text_is_a_duration_or_one_invalid_input(text):
    try:
        span = parse_duration(text)
    except InvalidInput as exc:
        assert "\n" not in exc.message
    else:
        assert timedelta(0) < span <= timedelta(days=366)
