"""Weekly review notes and their quality flags: each flag, boilerplate variants, liberal note parsing."""

from __future__ import annotations

from datetime import date

import pytest

from inhouse.analysis.journal.notes import classify_heading, parse_review_note
from inhouse.domain.common import Side
from inhouse.domain.organisations import Person
from inhouse.domain.review_quality import boilerplate_reason, review_flags
from inhouse.domain.reviews import WeeklyReview, parse_week
from inhouse.domain.roster import Roster
from inhouse.errors import InvalidInput

ROSTER = Roster(
    [
        Person("Dana Okafor", Side.INTERNAL, ["dana@meridian.com"]),
        Person("Tomás Ribeiro", Side.INTERNAL),
        Person("Mei Chen", Side.PARTNER, ["mei@quantialabs.io"]),
        Person("Lukas Brandt", Side.PARTNER),
    ],
    client_name="Meridian Freight",
    partner_name="Quantia Labs",
    partner_domains=["quantialabs.io"],
)


def _review(
    week=date(2026, 1, 12),
    done="Shipped the carrier features to staging",
    why="Carrier history explained most large errors",
    nxt="Backtest on the Midlands lanes",
    attendees=("Dana Okafor", "Mei Chen"),
):
    return WeeklyReview(engagement_id=1, week_of=week, done=done, why=why, next=nxt, attendees=list(attendees))


def _flags(review, previous=None):
    return [(f.flag, f.section) for f in review_flags(review, previous, ROSTER.internal(review.attendees))]


def test_a_good_review_has_no_flags():
    assert _flags(_review()) == []


@pytest.mark.parametrize("text", ["", "   \n", "<!-- fill in -->"])
def test_empty_section(text):
    assert _flags(_review(why=text)) == [("empty", "why")]


@pytest.mark.parametrize(
    "text",
    [
        "n/a",
        "N/A.",
        "TBD",
        "- tbd",
        "Same as last week",
        "same as last week, see Jira",
        "Lorem ipsum dolor sit amet",
        "-",
        "...",
        "?",
        "ok",
        "Various updates",
        "Worked on stuff",
        "Continued work",
        "No changes",
        "wip",
        "x",
    ],
)
def test_boilerplate_section(text):
    assert _flags(_review(done=text)) == [("boilerplate", "done")]
    assert boilerplate_reason(text)


@pytest.mark.parametrize(
    "text",
    [
        "Fixed the timezone bug in depot dwell times",
        "Retrain on 18 months",
        "Go-live on Monday",
        "Same model as last week but with the holiday features added and backtested on three lanes",
    ],
)
def test_real_text_is_not_boilerplate(text):
    assert boilerplate_reason(text) is None


def test_same_as_last_week_per_section_ignoring_case_and_punctuation():
    last = _review(week=date(2026, 1, 5))
    this = _review(done="Something new happened in the pipeline", nxt="backtest on the  midlands lanes!")
    assert _flags(this, last) == [("same_as_last_week", "why"), ("same_as_last_week", "next")]
    detail = review_flags(this, last, ["Dana Okafor"])[0].detail
    assert "2026-01-05" in detail


def test_one_flag_per_section_in_priority_order():
    last = _review(week=date(2026, 1, 5), done="Old work on the lanes", why="n/a", nxt="Old plan for the lanes")
    assert _flags(_review(why="n/a"), last) == [("boilerplate", "why")]
    assert _flags(_review(why="", attendees=[]), last) == [("empty", "why"), ("no_internal_attendee", None)]


@pytest.mark.parametrize(
    "attendees,flagged",
    [
        (["Mei Chen", "Lukas Brandt"], True),
        ([], True),
        (["Someone Unknown"], True),
        (["Dana"], False),  # a unique first name
        (["tomas ribeiro"], False),  # case and accents
        (["D. O. <dana@meridian.com>"], False),  # the email decides
        (["Meridian Freight"], False),  # the client's own team
    ],
)
def test_no_internal_attendee(attendees, flagged):
    assert (("no_internal_attendee", None) in _flags(_review(attendees=attendees))) is flagged


def test_roster_never_guesses_between_two_people():
    roster = Roster([Person("Ann Lee", Side.INTERNAL), Person("Ann Kim", Side.PARTNER)])
    assert roster.side_of("Ann") is None
    assert roster.side_of("ann kim") is Side.PARTNER
    assert ROSTER.side_of("new.hire@quantialabs.io") is Side.PARTNER  # the partner's domain


def test_weeks_are_mondays():
    assert parse_week("2026-01-08") == date(2026, 1, 5)
    assert parse_week("2026-W02") == date(2026, 1, 5)
    with pytest.raises(InvalidInput, match="YYYY-Www"):
        parse_week("last week")


@pytest.mark.parametrize(
    "heading,kind",
    [
        ("What was done", "done"),
        ("Done", "done"),
        ("1. What we did", "done"),
        ("Progress", "done"),
        ("Why", "why"),
        ("Decisions and why", "why"),
        ("Why those decisions were made", "why"),
        ("What's next", "next"),
        ("Next steps", "next"),
        ("Action items", "next"),
        ("Attendees", "attendees"),
        ("Risks", None),
        ("Weekly review 2026-01-05", None),
    ],
)
def test_heading_names_are_read_liberally(heading, kind):
    assert classify_heading(heading) == kind


def test_note_with_front_matter_sub_headings_and_other_sections():
    note = parse_review_note(
        """---
date: 2026-01-14
attendees: [Dana Okafor, Mei Chen]
---
# Weekly review

## What was done
- Carrier features
### Detail
in staging

## Risks
Storm season

## Decisions and why
Carrier history explained the errors.

## What's next
Backtest.

Attendees: Lukas
""",
        "w.md",
    )
    assert note.week_of == date(2026, 1, 14)
    assert note.done == "- Carrier features\n### Detail\nin staging"
    assert note.why == "Carrier history explained the errors." and note.next == "Backtest."
    assert note.attendees == ["Dana Okafor", "Mei Chen", "Lukas"]


def test_note_dates_from_heading_a_line_or_the_file_name():
    body = "\n**Done**\nA\n\nWhy\n---\nB\n\nNext: C\n"
    assert parse_review_note("# Review, week of 12 January 2026\n" + body, "x.md").week_of == date(2026, 1, 12)
    assert parse_review_note("Date: 2026-02-03\n" + body, "x.md").week_of == date(2026, 2, 3)
    assert parse_review_note(body, "notes/2026-W07.md").week_of == date(2026, 2, 9)
    assert parse_review_note(body, "notes/standup.md").week_of is None


def test_a_note_without_the_three_headings_names_the_file():
    with pytest.raises(InvalidInput, match=r"^w3\.md: no heading for why, next \(expected"):
        parse_review_note("# 2026-01-05\n## Done\nthings\n```\n## Why\n```\n", "w3.md")
