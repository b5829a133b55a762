"""Durations as contracts write them, fixed in place: number words, figures in parentheses,
hyphenated adjectives, business days; the span is the words of the duration."""

from __future__ import annotations

import pytest

from inhouse.analysis.contracts.numbers import durations, durations_in_months, parse_number


@pytest.mark.parametrize(
    "text, value, unit, months, span",
    [
        ("for a twelve-month period", 12, "month", 12, "twelve-month"),
        ("for half a year", 0.5, "year", 6, "half a year"),
        ("within eighteen (18) months", 18, "month", 18, "eighteen (18) months"),
        ("for two and a half years", 2.5, "year", 30, "two and a half years"),
        ("within a fortnight", 1, "fortnight", 12 / 26, "a fortnight"),
        ("for one (1) year", 1, "year", 12, "one (1) year"),
        ("a 90-day notice", 90, "day", 3, "90-day"),
        ("over six weeks", 6, "week", 6 * 12 / 52, "six weeks"),
        ("for a year and a half", 1.5, "year", 18, "a year and a half"),
        ("within a month", 1, "month", 1, "a month"),
        ("a twenty-four (24) month term", 24, "month", 24, "twenty-four (24) month"),
        ("within one quarter", 1, "quarter", 3, "one quarter"),
    ],
)
def test_one_duration(text, value, unit, months, span):
    [found] = durations(text)
    assert (found.value, found.unit, found.business) == (value, unit, False)
    assert found.months == pytest.approx(months)
    assert text[found.start : found.end] == span


@pytest.mark.parametrize("text", ["within 30 business days", "within thirty (30) working days"])
def test_business_days_are_a_duration(text):
    [found] = durations(text)
    assert (found.value, found.unit, found.business) == (30, "day", True)
    assert found.days == pytest.approx(42)  # six calendar weeks
    assert text[found.start : found.end].endswith("days")


def test_articles_and_halves_are_not_numbers_of_their_own():
    assert parse_number("a twelve") == 12
    assert parse_number("half a") == 0.5
    assert parse_number("a hundred") == 100
    assert parse_number("a") == 1


def test_durations_in_months_keeps_its_shape():
    assert [m for m, _, _ in durations_in_months("three (3) months, ninety (90) days, 1 year, six-month")] == [
        3,
        3,
        12,
        6,
    ]
