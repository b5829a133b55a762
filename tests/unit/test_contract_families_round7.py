"""Round 7: the phrasing families behind the misses of the blind round-7 batch, each with a look-alike
that must keep its old reading.

Every clause text here is written for these tests in wording of our own; none is copied from a
benchmark contract.
"""

from __future__ import annotations

from inhouse.analysis.contracts.numbers import parse_money
from inhouse.analysis.contracts.parties import find_parties
from tests.reading_support import flag_binds, reviewed

HEAD = (
    'SUPPORT AGREEMENT\n\nThis agreement is between Harrowgate Mills plc (the "Buyer") and Quillfeather Systems Ltd '
    '(the "Developer").\n\n'
)
PARTNERS = (
    'SERVICES SCHEDULE\n\nThis schedule is made between Larkspur Holdings Limited (the "Venture Company") and '
    'Ombreline Analytics Limited (the "Partner").\n\n'
)


def review(body: str, head: str = HEAD):  # type: ignore[no-untyped-def]
    return reviewed(body, head)


def flags(body: str, head: str = HEAD) -> dict[str, str]:
    return flag_binds(body, head)


# --- currencies beyond the usual ones: Gulf and West African codes, the naira sign ---------------------------------


def test_dirham_code_and_naira_sign_are_money() -> None:
    assert parse_money("a charge of AED 24,000.00")[0][:2] == (24000.0, "AED")
    assert parse_money("a fee of ₦1,500,000.00")[0][:2] == (1500000.0, "NGN")


def test_a_three_letter_word_is_no_currency() -> None:
    assert parse_money("the ABC 24,000 units") == []


# --- a yearly or quarterly support fee, its amount repeated in words ----------------------------------------------


def test_yearly_support_fee_written_out_in_words_is_divided_by_twelve() -> None:
    body = (
        "5. The Developer shall provide maintenance and support of the system, correcting defects and answering "
        "Priority 1 incidents within two hours. The support fee is SGD 24,000 (twenty-four thousand Singapore "
        "dollars) per annum, invoiced in advance.\n"
    )
    maintenance = review(body).clauses.maintenance
    assert (maintenance.monthly_fee, maintenance.currency) == (2000.0, "SGD")


def test_quarterly_support_fee_is_divided_by_three() -> None:
    body = (
        "5. The Developer shall provide maintenance and support of the system, correcting defects and answering "
        "Priority 1 incidents within two hours, for a support fee of AED 9,000 per quarter.\n"
    )
    maintenance = review(body).clauses.maintenance
    assert (maintenance.monthly_fee, maintenance.currency) == (3000.0, "AED")


def test_a_one_off_fee_in_the_same_currency_is_no_monthly_fee() -> None:
    body = (
        "5. The Developer shall provide maintenance and support of the system, correcting defects and answering "
        "Priority 1 incidents within two hours. The Buyer shall pay a set-up fee of AED 9,000 on signature.\n"
    )
    assert review(body).clauses.maintenance.monthly_fee is None


def test_price_table_with_the_currency_in_its_header() -> None:
    body = (
        "Item | Description | Qty | Price (AED)\n"
        " 1  | System build                  | 1 | 120,000.00\n"
        " 2  | Annual Support, first year    | 1 |  36,000.00\n\n"
        "6. The Developer shall remedy defects in the system reported by the Buyer, and shall provide support "
        "and updates.\n"
    )
    maintenance = review(body).clauses.maintenance
    assert (maintenance.monthly_fee, maintenance.currency) == (3000.0, "AED")


# --- a paid term that starts when the warranty ends is not free -----------------------------------------------------


def test_paid_support_term_after_the_warranty_is_not_free_time() -> None:
    body = (
        "6. The Developer warrants that the system will be free from defects for six (6) months from acceptance "
        '(the "Warranty Period") and shall remedy any defect free of charge.\n'
        "7. A committed support term of two (2) years starts at the end of the Warranty Period.\n"
    )
    assert review(body).clauses.maintenance.free_months == 6.0


def test_a_longer_warranty_is_still_read_whole() -> None:
    body = (
        "6. The Developer warrants that the system will be free from defects for eighteen (18) months from "
        "acceptance and shall remedy any defect free of charge.\n"
    )
    assert review(body).clauses.maintenance.free_months == 18.0


# --- ownership: what the vendor makes while performing stays the vendor's -----------------------------------------


def test_vendor_owning_configurations_made_for_the_client_is_vendor_ownership() -> None:
    body = (
        "3. Ownership. The Developer owns all right, title and interest in the platform, including all "
        "configurations, improvements and know-how, whether or not made specifically for the Buyer.\n"
    )
    assert review(body).clauses.deliverable_ownership.status == "vendor"


def test_vendor_keeping_only_its_know_how_is_no_deliverable_ownership() -> None:
    body = "3. Ownership. The Developer owns all right, title and interest in its know-how and pre-existing tools.\n"
    assert review(body).clauses.deliverable_ownership.status != "vendor"


def test_the_data_a_party_owns_is_not_a_deliverable() -> None:
    body = (
        "3. Intellectual property. The adaptations, by whomever made, are and shall remain the exclusive property "
        "of the Developer.\n4. The Buyer owns the data collected from its own customers.\n"
    )
    assert review(body).clauses.deliverable_ownership.status == "vendor"


# --- sides read from who pays whom when no defined term tells them ----------------------------------------------


def test_the_party_paid_for_the_services_is_the_vendor() -> None:
    text = PARTNERS + "2. The Venture Company shall pay the Partner a services fee of USD 5,000 a month.\n"
    sides = {party.term: party.side for party in find_parties(text)}
    assert sides == {"Venture Company": "client", "Partner": "vendor"}


def test_named_sides_are_not_overridden_by_who_pays() -> None:
    text = HEAD + "2. The Developer shall pay the Buyer a rebate of USD 500.\n"
    sides = {party.term: party.side for party in find_parties(text)}
    assert sides == {"Buyer": "client", "Developer": "vendor"}


# --- binds: licence-use limits are no exclusivity; a vendor kept from licensing others is ----------------------------


def test_a_client_exit_on_notice_raises_no_flag() -> None:
    body = "9. The Buyer may terminate this agreement for convenience on thirty (30) days' written notice.\n"
    assert "no_termination_for_convenience" not in flags(body)


def test_licensee_barred_from_building_a_competing_product_is_no_exclusivity() -> None:
    body = "2. The Buyer shall not resell the licensed data and shall not use it to build a competing data product.\n"
    assert "exclusivity" not in flags(body)


def test_vendor_barred_from_licensing_to_others_is_exclusivity_binding_the_vendor() -> None:
    body = "2. During the term the Developer shall not license the data to any other operator in the region.\n"
    assert flags(body).get("exclusivity") == "vendor"
