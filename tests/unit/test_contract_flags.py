"""Each lock-in red flag, the party it binds, and the look-alikes that are not flags."""

from __future__ import annotations

import pytest

from inhouse.analysis.contracts import review_contract

HEAD = (
    'SERVICES AGREEMENT\n\nThis Agreement is made between Acme Retail Inc. ("Client") and '
    'NeuralForge Labs Ltd. ("Vendor").\n\n1. Terms\n'
)
CONVENIENCE = "Client may terminate this Agreement for convenience on thirty (30) days' written notice.\n"


def flags(body: str) -> dict[str, str]:
    return {flag.kind: flag.binds for flag in review_contract(HEAD + body + "\n" + CONVENIENCE, "c.txt").red_flags}


@pytest.mark.parametrize(
    "body, kind, binds",
    [
        (
            "This Agreement shall automatically renew for successive one-year terms unless either party gives notice of "
            "non-renewal.",
            "auto_renewal",
            "both",
        ),
        ("Vendor may, at its option, extend the Term for two additional years.", "auto_renewal", "client"),
        (
            "During the Term, Client shall not engage any other vendor to provide similar services.",
            "exclusivity",
            "client",
        ),
        ("Vendor shall not provide competing analytics services to any competing retailer.", "exclusivity", "vendor"),
        (
            "Client hereby appoints Vendor as its exclusive provider of machine learning services.",
            "exclusivity",
            "client",
        ),
        ("Client shall purchase a minimum of 500 hours of services per year.", "minimum_commitment", "client"),
        ("Client commits to a minimum subscription term of twenty-four (24) months.", "minimum_commitment", "client"),
        (
            "If Client terminates early, Client shall pay an early termination fee of USD 50,000.",
            "termination_fee",
            "client",
        ),
        (
            "Client shall pay, as liquidated damages, all fees for the remainder of the Initial Term.",
            "termination_fee",
            "client",
        ),
        (
            "Vendor retains all right, title and interest in the trained models and the Deliverables.",
            "vendor_retains_ip",
            "client",
        ),
    ],
)
def test_each_flag_and_whom_it_binds(body, kind, binds):
    assert flags(body).get(kind) == binds


@pytest.mark.parametrize(
    "body",
    [
        "Vendor grants Client a non-exclusive licence to use the Deliverables.",
        "The courts of New York shall have exclusive jurisdiction.",
        "These remedies are the parties' sole and exclusive remedies.",
        "All fees are exclusive of VAT.",
        "Client has no minimum purchase commitment.",
        "Vendor shall maintain insurance with a minimum of USD 1,000,000 per occurrence.",
        "The Recipient shall use at least the same degree of care as for its own information.",
        "This Agreement shall not renew automatically; any renewal requires a written agreement of both parties.",
        "Client may terminate without any termination fee or penalty.",
        "Upon termination for any reason, Vendor shall return Client data.",
    ],
)
def test_look_alikes_are_not_flags(body):
    assert set(flags(body)) == set()


def test_no_termination_for_convenience():
    review = review_contract(
        HEAD + "Either party may terminate this Agreement for material breach not cured within thirty days.\n", "c.txt"
    )
    flag = review.flag("no_termination_for_convenience")
    assert flag is not None and flag.binds == "both"
    assert flag.evidence and "material breach" in flag.evidence[0].text


def test_only_the_vendor_may_terminate_for_convenience():
    review = review_contract(
        HEAD + "Vendor may terminate this Agreement for convenience on ten days' notice.\n", "c.txt"
    )
    assert review.flag("no_termination_for_convenience").binds == "client"


def test_either_party_may_terminate_for_convenience():
    review = review_contract(
        HEAD + "Either party may terminate this Agreement without cause upon sixty (60) days' written notice.\n",
        "c.txt",
    )
    assert review.flag("no_termination_for_convenience") is None
