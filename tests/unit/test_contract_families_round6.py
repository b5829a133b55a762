"""Round 6: the phrasing families behind the misses of the blind round-6 batch, each with its
look-alikes.

Every clause text here is written for these tests in wording of our own; none is copied from a
benchmark contract (see docs/contracts.md, "Round 6").
"""

from __future__ import annotations

import pytest

from inhouse.analysis.contracts.numbers import parse_money
from inhouse.analysis.contracts.parties import find_parties
from tests.reading_support import flag_binds, hours, reviewed

HEAD = (
    'SERVICES AGREEMENT\n\nThis agreement is between Tarnwick Orchards Ltd (the "Customer") and Pellbrook Analytics Ltd '
    '(the "Supplier").\n\n'
)


def review(body: str, head: str = HEAD):  # type: ignore[no-untyped-def]
    return reviewed(body, head)


def flags(body: str, head: str = HEAD) -> dict[str, str]:
    return flag_binds(body, head)


# --- parties: the defined term on its own line, between dashes, after a blank line ----------------------------------


def test_a_party_defined_between_dashes_after_a_blank_line() -> None:
    head = (
        "FRAMEWORK AGREEMENT\n\nbetween\n\n**Ostwald Mühlenwerke AG**, Kanalweg 9, 44135 Dortmund\n\n"
        '– hereinafter the "**Customer**" –\n\nand\n\n**Feldmark Code GmbH**, Ringstraße 2, 50667 Köln\n\n'
        '– hereinafter the "**Supplier**" –\n\n'
    )
    sides = {p.side for p in find_parties(head)}
    assert sides == {"client", "vendor"}


# --- amendments: the lead-in that describes the clause it removes ---------------------------------------------------

AMENDMENT = (
    'SECOND VARIATION AGREEMENT\n\nThis variation is between Tarnwick Orchards Ltd (the "Customer") and Pellbrook '
    'Analytics Ltd (the "Supplier").\n\n'
)


@pytest.mark.parametrize(
    ("lead_in", "kind"),
    [
        (
            "3.1 Clause 9 of the Agreement (which provided for an initial term of forty-eight (48) months, renewed "
            "automatically for further periods of one year unless either party gave notice) is deleted and replaced as "
            "follows:",
            "auto_renewal",
        ),
        (
            "4.1 Clause 11.3 of the Agreement (an early termination fee equal to 50 % of the charges for the rest of "
            "the term) is deleted in its entirety and replaced as follows:",
            "termination_fee",
        ),
    ],
)
def test_the_description_of_a_replaced_clause_raises_no_flag(lead_in: str, kind: str) -> None:
    body = f'{lead_in}\n\n> "9. The services run until either party ends them on two months\' notice."\n'
    assert kind not in flags(body, AMENDMENT)


def test_the_clause_an_amendment_keeps_in_force_is_read() -> None:
    body = (
        "5.1 All other terms remain unchanged. For clarity, clause 18, under which the Customer shall order any "
        "further integration work exclusively from the Supplier until 30 June 2027, remains in force.\n"
    )
    assert flags(body, AMENDMENT).get("exclusivity") == "client"


def test_the_new_text_after_a_described_lead_in_is_still_read() -> None:
    body = (
        "2.1 Clause 6 of the Agreement (escrow of the source code with a deposit agent) is deleted and replaced as "
        "follows:\n\n> \"6. From the date of this variation the Supplier shall give the Customer's engineers read "
        'access to the repository for the remaining duration of the development services."\n'
    )
    assert review(body, AMENDMENT).clauses.source_access.status == "during"


# --- minimum commitment: a notice restriction on the vendor alone -----------------------------------------------------


def test_a_vendor_that_may_not_leave_before_a_date_is_no_minimum_commitment() -> None:
    body = (
        "The Customer may end the support on two (2) months' notice. The Supplier may terminate the support "
        "with nine (9) months' notice, but not before 31 March 2029.\n"
    )
    assert "minimum_commitment" not in flags(body)


def test_a_customer_that_may_not_leave_before_a_date_is_still_a_minimum_commitment() -> None:
    body = "The Customer may terminate the support with one month's notice, but not before 31 March 2029.\n"
    assert flags(body).get("minimum_commitment") == "client"


# --- termination fee: a buy-out price for rights, a contractual penalty ------------------------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "The licence passes to the Customer upon payment of the buy-out fee of GBP 20,000.",
        "The onboarding days are covered by the buy-out fee.",
        "The Customer may pay a one-off buy-out fee that ends its duty to pay further royalties.",
    ],
)
def test_a_buy_out_fee_for_rights_is_not_a_termination_fee(clause: str) -> None:
    assert "termination_fee" not in flags(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "If the Customer terminates before the end of the Term, it shall pay a buy-out fee of GBP 20,000.",
        "Should either party be taken over by a rival that does not wish to go on, it may make a contract buyout "
        "payment of GBP 15,000.",
    ],
)
def test_a_buy_out_fee_for_leaving_is_still_a_termination_fee(clause: str) -> None:
    assert "termination_fee" in flags(clause)


def test_a_contractual_penalty_on_the_fees_that_would_have_been_due_is_a_termination_fee() -> None:
    clause = (
        "The Customer may terminate during the fixed period on one month's notice. In that event the Customer "
        "shall pay a contractual penalty (pena convencional) equal to 25% of the Service Fees that would have "
        "been payable until the end of the fixed period."
    )
    assert flags(clause).get("termination_fee") == "client"


def test_back_fees_to_reinstate_support_are_not_a_termination_fee() -> None:
    clause = "To resume support, the Customer shall pay all support fees that would have been due during the gap."
    assert "termination_fee" not in flags(clause)


# --- exclusivity: ordering only from the vendor, entrusting to no one else; denials and assignments -----------------


@pytest.mark.parametrize(
    "clause",
    [
        "The Customer shall procure all further modules of the platform exclusively from the Supplier.",
        "The Customer shall not entrust the operation of the data platform to any entity other than the Supplier.",
    ],
)
def test_buying_only_from_the_vendor_is_exclusivity(clause: str) -> None:
    assert flags(clause).get("exclusivity") == "client"


@pytest.mark.parametrize(
    "clause",
    [
        "Nothing in this Agreement shall be read as requiring the Customer to buy any services exclusively from the "
        "Supplier.",
        "The Supplier assigns to the Customer, on an exclusive basis, all economic rights in the Deliverables.",
        "The Supplier also transfers to the Customer the exclusive right to authorise the making of derivative "
        "works of the scripts.",
        "Key staff may be replaced only with the Customer's prior written consent.",
    ],
)
def test_denials_assignments_and_consents_are_not_exclusivity(clause: str) -> None:
    assert "exclusivity" not in flags(clause)


# --- ownership: what existed before the contract; conditions on a signed acceptance record --------------------------


def test_a_library_that_existed_before_the_contract_with_a_perpetual_licence_leaves_ownership_with_the_client() -> None:
    body = (
        "The Supplier assigns to the Customer all right, title and interest in the Deliverables. "
        "The Supplier's charting library, which existed before the Agreement and is built into the Deliverables, "
        "remains the property of the Supplier. The Supplier grants the Customer a perpetual, irrevocable licence to "
        "use and modify the charting library as part of the Deliverables.\n"
    )
    found = review(body)
    assert found.clauses.deliverable_ownership.status == "client"
    assert "vendor_retains_ip" not in {f.kind for f in found.red_flags}


def test_a_library_that_existed_before_the_contract_without_a_licence_is_retained_ip() -> None:
    body = (
        "The Supplier assigns to the Customer all right, title and interest in the Deliverables. "
        "The Supplier's charting library, which existed before the Agreement and is built into the Deliverables, "
        "remains the property of the Supplier.\n"
    )
    found = review(body)
    assert found.clauses.deliverable_ownership.status == "partial"
    assert "vendor_retains_ip" in {f.kind for f in found.red_flags}


@pytest.mark.parametrize(
    "body",
    [
        "The Supplier assigns to the Customer all economic rights in the Deliverables. The assignment of rights in "
        "each phase takes effect on the signature of its acceptance report.",
        "On signing the acceptance protocol, the Supplier transfers to the Customer the economic rights to the "
        "deployment code.",
    ],
)
def test_rights_that_wait_on_a_signed_acceptance_record_are_conditional(body: str) -> None:
    found = review(body).clauses.deliverable_ownership
    assert found.status == "client"
    assert found.conditions


# --- source access: the remaining duration, from the date of the contract ---------------------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "The Supplier shall give the Customer's analysts read access to the Git repository for the remaining "
        "duration of the development services.",
        "From the date of this Agreement the Customer's team may view the source code in the Supplier's repository.",
    ],
)
def test_access_for_the_duration_or_from_the_start_date_is_during(clause: str) -> None:
    assert review(clause).clauses.source_access.status == "during"


def test_access_once_the_agreement_ends_is_not_during() -> None:
    clause = "The Supplier shall deliver the source code to the Customer once the agreement ends."
    assert review(clause).clauses.source_access.status == "after_only"


# --- knowledge transfer: training days, sessions in minutes -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Supplier shall hold three (3) training days for the Customer's planners.", 24.0),
        ("two 45-minute onboarding sessions for the Customer's clerks", 1.5),
        ("one coaching day for the Customer's analysts", 8.0),
    ],
)
def test_training_days_and_minute_sessions(text: str, expected: float) -> None:
    assert hours(text) == pytest.approx(expected)


def test_days_of_notice_are_not_training_days() -> None:
    assert hours("The Supplier shall train the Customer's staff within ten (10) working days after go-live.") is None


# --- maintenance: a civil-law guarantee, anomalies, refusals ----------------------------------------------------------


def test_a_guarantee_of_conformity_for_months_is_a_free_period_with_scope() -> None:
    body = (
        "The Supplier guarantees the conformity of the Deliverables for a period of four (4) months from acceptance "
        '(the "Guarantee Period"). During the Guarantee Period the Supplier shall correct, free of charge, any anomaly '
        "reported by the Customer, taking it in charge within two (2) working hours for a blocking anomaly.\n"
    )
    found = review(body).clauses.maintenance
    assert found.status == "present"
    assert found.free_months == 4
    assert found.scope_defined


@pytest.mark.parametrize(
    "body",
    [
        "The Supplier is not obliged to provide any support, fixes or updates once the report is delivered.",
        "This retainer does not include support of any model once deployed; that would be subject to a separate "
        "agreement. Tuning of models, which the Supplier may carry out as part of the advice, is not part of the "
        "workshops.",
    ],
)
def test_support_refused_and_work_the_vendor_may_do_are_no_maintenance(body: str) -> None:
    assert review(body).clauses.maintenance.status == "absent"


def test_a_promise_next_to_a_refusal_still_counts() -> None:
    body = (
        "Support after the warranty is subject to a separate agreement. During the Warranty Period of ninety (90) "
        "days the Supplier shall fix any defect free of charge.\n"
    )
    assert review(body).clauses.maintenance.status == "present"


# --- monthly fees: shillings, a fee for defined services, a table column ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount", "code"),
    [("Kshs. 92,000 per month", 92000.0, "KES"), ("KSh 7,500 a month", 7500.0, "KES")],
)
def test_shilling_abbreviations(text: str, amount: float, code: str) -> None:
    found = parse_money(text)
    assert found and found[0][:2] == (amount, code)


def test_a_monthly_fee_for_services_defined_with_their_support() -> None:
    body = (
        '1. The Supplier shall host the platform and provide managed support services for it (the "Services").\n\n'
        "2. For the Services the Customer shall pay a flat monthly fee of EUR 3 100,00 net.\n"
    )
    found = review(body).clauses.maintenance
    assert (found.monthly_fee, found.currency) == (3100.0, "EUR")


def test_support_included_in_a_fee_priced_in_a_table_column() -> None:
    body = (
        "| Item | Users | Yearly Charge (USD) |\n| --- | --- | --- |\n| analytics suite | 40 users | $36,000.00 |\n\n"
        "5.1 Support is included in the Yearly Charge and consists of email support and correction of errors.\n"
    )
    found = review(body).clauses.maintenance
    assert (found.monthly_fee, found.currency) == (3000.0, "USD")


# --- exit: taking the work over, handing over copies and backups -----------------------------------------------------


def test_help_to_take_the_work_over_and_copies_handed_over_make_a_full_exit() -> None:
    body = (
        "The Customer may terminate this Agreement for convenience on thirty (30) days' notice. "
        "Upon termination the Supplier shall return all data of the Customer. "
        "At the Customer's request the Supplier shall assist the Customer, or a provider it names, in taking over "
        "the platform.\n"
    )
    assert review(body).clauses.exit.status == "full"


def test_handing_over_backups_on_termination_is_a_return() -> None:
    body = (
        "The Customer may terminate this Agreement for convenience on thirty (30) days' notice. "
        "On termination the Supplier shall cooperate in the transfer of the platform to a new provider, in particular "
        "by handing over copies of its databases and backups.\n"
    )
    assert review(body).clauses.exit.status == "full"
