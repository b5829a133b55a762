"""Whether a contract's parties are the engagement's client and partner, by normalised name."""

from __future__ import annotations

import pytest

from inhouse.domain.parties import check_parties, normalise, same_party


@pytest.mark.parametrize(
    "found, expected",
    [
        ("Meridian Freight Ltd.", "Meridian Freight"),
        ("MERIDIAN FREIGHT LIMITED", "Meridian Freight"),
        ("Quantia Labs GmbH", "Quantia Labs"),
        ("Quantia Labs, Inc.", "Quantia Labs"),
        ("quantia labs llc", "Quantia Labs GmbH"),
        ("Quantia Labs Europe GmbH", "Quantia Labs"),
        ("The Meridian Freight plc", "Meridian Freight"),
        ("Ferrovia Nord S.A.", "Ferrovia Nord"),
        ("Smith & Jones LLP", "Smith and Jones"),
        ("Société Générale S.A.", "Societe Generale"),  # accents folded
        ("Acme", "Acme Inc."),
    ],
)
def test_the_same_company_matches(found, expected):
    assert same_party(found, expected), (normalise(found), normalise(expected))


@pytest.mark.parametrize(
    "found, expected",
    [
        ("Acme Corp", "Meridian Freight"),
        ("Northwind Traders", "Quantia Labs"),
        ("Acme Corp", "Acme Analytics"),  # one shared first word is not the same company
        ("Quantia", "Quantia Labs"),
        ("Meridian Freight Ltd.", "Meridian"),
        ("Ltd", "Meridian Freight"),
        ("", "Meridian Freight"),
    ],
)
def test_other_companies_do_not_match(found, expected):
    assert not same_party(found, expected)


def test_legal_forms_go_only_from_the_end():
    assert normalise("Meridian Freight Ltd.") == ("meridian", "freight")
    assert normalise("Co-operative Bank plc") == ("co", "operative", "bank")
    assert normalise("Limited") == ("limited",)  # a name that is only a legal form keeps it


def test_both_the_client_and_the_partner_must_be_parties():
    match = check_parties(["Meridian Freight Ltd.", "Quantia Labs GmbH"], "Meridian Freight", "Quantia Labs")
    assert (match.verdict, match.missing) == ("match", [])
    unrelated = check_parties(["Acme Corp", "Northwind Traders"], "Meridian Freight", "Quantia Labs")
    assert unrelated.verdict == "mismatch" and unrelated.missing == ["Meridian Freight", "Quantia Labs"]
    assert "Acme Corp, Northwind Traders" in unrelated.message and "Meridian Freight" in unrelated.message
    half = check_parties(["Meridian Freight Ltd.", "Northwind Traders"], "Meridian Freight", "Quantia Labs")
    assert half.verdict == "mismatch" and half.missing == ["Quantia Labs"]


def test_no_parties_found_is_unknown_and_said():
    unknown = check_parties([], "Meridian Freight", "Quantia Labs")
    assert unknown.verdict == "unknown" and unknown.missing == []
    assert "no parties identified" in unknown.message
