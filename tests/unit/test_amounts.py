"""Money as contracts write it, in every common style: the locator finds the amount and its offsets,
price-parser reads the figures."""

from __future__ import annotations

import pytest

from inhouse.analysis.contracts.numbers import parse_money


@pytest.mark.parametrize(
    "text, amount, code",
    [
        ("EUR 6.500,00", 6500.00, "EUR"),
        ("6.500 EUR", 6500, "EUR"),
        ("€1.200.000", 1_200_000, "EUR"),
        ("CHF 250'000", 250_000, "CHF"),
        ("CHF 250’000", 250_000, "CHF"),
        ("USD 4,000", 4000, "USD"),
        ("€5,500", 5500, "EUR"),
        ("US$ 12,500.50", 12500.5, "USD"),
        ("£1,200", 1200, "GBP"),
        ("AUD 9,000", 9000, "AUD"),
        ("A$9,000", 9000, "AUD"),
        ("9,000 Australian dollars", 9000, "AUD"),
        ("Rs. 2,50,000", 250_000, "INR"),
        ("INR 2,50,000", 250_000, "INR"),
        ("₹ 12,00,000", 1_200_000, "INR"),
        ("$1.5 million", 1_500_000, "USD"),
        ("EUR 2.4m", 2_400_000, "EUR"),
        ("$12k", 12_000, "USD"),
        ("1.250,75 €", 1250.75, "EUR"),
        ("5000 euros", 5000, "EUR"),
        ("GBP 3,000.50", 3000.5, "GBP"),
        ("NZ$ 700", 700, "NZD"),
    ],
)
def test_one_amount(text, amount, code):
    sentence = f"The fee is {text} per month."
    [(value, found_code, start, end)] = parse_money(sentence)
    assert (value, found_code) == (pytest.approx(amount), code)
    assert sentence[start:end] == text


def test_a_bare_dollar_is_the_dollar_the_text_names():
    assert [c for _, c, _, _ in parse_money("All amounts are in Australian dollars. The fee is $9,000.")] == ["AUD"]
    assert [c for _, c, _, _ in parse_money("The fee is $9,000.")] == ["USD"]


def test_a_lone_dot_group_of_three_follows_the_text_and_currency():
    # No other figure tells the style: a dot before three digits groups thousands.
    assert parse_money("USD 6.500")[0][0] == 6500
    # The text writes decimals with a dot ("1,250.00"): its lone "6.500" is six and a half ...
    assert [a for a, _, _, _ in parse_money("USD 1,250.00 now and USD 6.500 later")] == [1250.0, 6.5]
    # ... unless the currency itself writes decimals with a comma.
    assert [a for a, _, _, _ in parse_money("USD 1,250.00 and EUR 6.500")] == [1250.0, 6500]
    # A text with comma decimals groups thousands with the dot.
    assert [a for a, _, _, _ in parse_money("EUR 1.250,50 and EUR 6.500")] == [1250.5, 6500]


def test_many_amounts_in_one_text_keep_their_offsets():
    text = "USD 4,000 per month, then €5,500, EUR 3,000.50, 6.500 EUR and CHF 250'000 once."
    found = parse_money(text)
    assert [(a, c) for a, c, _, _ in found] == [
        (4000, "USD"),
        (5500, "EUR"),
        (3000.5, "EUR"),
        (6500, "EUR"),
        (250000, "CHF"),
    ]
    assert [text[s:e] for _, _, s, e in found] == ["USD 4,000", "€5,500", "EUR 3,000.50", "6.500 EUR", "CHF 250'000"]


def test_numbers_without_a_currency_are_no_money():
    assert parse_money("Clause 6.500 of the 2026 plan covers 4,000 users over 12 months.") == []
