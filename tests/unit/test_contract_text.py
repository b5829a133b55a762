"""Contract text basics: sections and sentences with offsets, parties, numbers, money, hours."""

from __future__ import annotations

import pytest

from inhouse.analysis.contracts.detectors.knowledge import parse_hours
from inhouse.analysis.contracts.numbers import durations_in_months, parse_money, parse_number
from inhouse.analysis.contracts.parties import find_parties
from inhouse.analysis.contracts.structure import parse

TEXT = """MASTER SERVICES AGREEMENT

This Agreement is made between Acme Retail Inc., a Delaware corporation ("Client"), and NeuralForge Labs Ltd. (the "Vendor").

1. DEFINITIONS
1.1 "Deliverables" means all code, e.g. models, made by Vendor. The U.S. office is in N.Y.

2. Ownership
2.1 Assignment. All Deliverables shall be the property of Client.

Section 3 - Term
This Agreement renews automatically.
"""


def test_sections_and_sentences_keep_offsets():
    doc = parse(TEXT)
    numbers = [s.number for s in doc.sections]
    assert numbers[1:] == ["1", "1.1", "2", "2.1", "Section 3"]
    assert [s.title for s in doc.sections if s.number in ("1", "2", "Section 3")] == [
        "DEFINITIONS",
        "Ownership",
        "Term",
    ]
    for sentence in doc.sentences:
        assert TEXT[sentence.start : sentence.end].replace("\n", " ") == sentence.text
    texts = [s.text for s in doc.sentences]
    assert '1.1 "Deliverables" means all code, e.g. models, made by Vendor.' in texts  # "e.g." does not split
    assert "All Deliverables shall be the property of Client." in texts
    renewal = next(s for s in doc.sentences if "renews" in s.text)
    assert doc.heading_path(renewal) == "term"
    owned = next(s for s in doc.sentences if "property of Client" in s.text)
    assert doc.heading_path(owned) == "ownership / assignment"


def test_markdown_headings_are_sections():
    doc = parse("# Agreement\n\n## 4. Knowledge Transfer\n\nVendor shall train Client staff.\n")
    assert [(s.number, s.title) for s in doc.sections] == [("", "Agreement"), ("4", "Knowledge Transfer")]


@pytest.mark.parametrize(
    "preamble, expected",
    [
        (
            'between Acme Retail Inc., a Delaware corporation ("Client"), and NeuralForge Labs Ltd. (the "Vendor").',
            [("Acme Retail Inc.", "client"), ("NeuralForge Labs Ltd.", "vendor")],
        ),
        (
            'between BigCo GmbH (hereinafter referred to as "Customer") and Smart AI Pty Ltd (hereinafter "Supplier").',
            [("BigCo GmbH", "client"), ("Smart AI Pty Ltd", "vendor")],
        ),
        (
            'by and between Alpha Software, Inc. ("Licensor") and Beta Corp ("Licensee").',
            [("Alpha Software, Inc.", "licensor"), ("Beta Corp", "licensee")],
        ),
        (
            'between Foo Corp. ("Company") and Jane Doe ("Consultant").',
            [("Foo Corp.", "client"), ("Jane Doe", "vendor")],
        ),
        ("Client: Acme Corp\nVendor: Data Co Ltd\n", [("Acme Corp", "client"), ("Data Co Ltd", "vendor")]),
    ],
)
def test_parties_and_roles(preamble, expected):
    assert [(p.name, p.role) for p in find_parties("This Agreement is made\n" + preamble)] == expected


def test_licensor_and_licensee_take_sides():
    parties = find_parties('between Alpha Software, Inc. ("Licensor") and Beta Corp ("Licensee").')
    assert [p.side for p in parties] == ["vendor", "client"]


@pytest.mark.parametrize(
    "phrase, value",
    [
        ("twenty (20)", 20),
        ("20", 20),
        ("twenty-five", 25),
        ("2.5", 2.5),
        ("two and a half (2.5)", 2.5),
        ("one hundred twenty", 120),
        ("1,000", 1000),
        ("three", 3),
    ],
)
def test_numbers_in_words_and_digits(phrase, value):
    assert parse_number(phrase) == value


@pytest.mark.parametrize(
    "text, hours",
    [
        ("twenty (20) hours of handover training", 20),
        ("a programme of 2.5 days of 8 hours", 20),
        ("three workshops of 4 hours each", 12),
        ("three 4-hour workshops", 12),
        ("four (4) two-hour sessions", 8),
        ("four half-day workshops", 16),
        ("five (5) days of training", 40),
        ("up to forty (40) hours of knowledge transfer", 40),
        ("ten (10) hours of handover training and two workshops of 3 hours", 16),
        ("training sessions as reasonably requested", None),
    ],
)
def test_training_hours(text, hours):
    assert parse_hours(text) == hours


def test_money_with_currencies():
    found = [
        (amount, code)
        for amount, code, _, _ in parse_money(
            "USD 4,000 per month, then €5,500, EUR 3,000.50, $12k, 5000 euros, CHF 300, US$ 10, £2,000"
        )
    ]
    assert found == [
        (4000, "USD"),
        (5500, "EUR"),
        (3000.5, "EUR"),
        (12000, "USD"),
        (5000, "EUR"),
        (300, "CHF"),
        (10, "USD"),
        (2000, "GBP"),
    ]


def test_durations_in_months():
    assert [m for m, _, _ in durations_in_months("three (3) months, ninety (90) days, 1 year, six-month")] == [
        3,
        3,
        12,
        6,
    ]


def test_markdown_emphasis_around_party_names():
    text = (
        "This Agreement is made between **Meridian Freight Ltd.**, a company registered in England and Wales "
        'with offices at 14 Dockside Road, Felixstowe ("Client"), and **Quantia Labs GmbH**, a company '
        'registered in Germany ("Supplier").'
    )
    assert [(p.name, p.role) for p in find_parties(text)] == [
        ("Meridian Freight Ltd.", "client"),
        ("Quantia Labs GmbH", "vendor"),
    ]
