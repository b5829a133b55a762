"""Round 4: the phrasing families behind the misses of the blind round-4 batch and the written set's
known misses, each with its look-alikes.

Every clause text here is written for these tests in wording of our own; none is copied from a
benchmark contract (see docs/contracts.md, "Round 4").
"""

from __future__ import annotations

import pytest

from inhouse.analysis.contracts.amendments import deletes_only, word_replacements
from inhouse.analysis.contracts.context import Context
from inhouse.analysis.contracts.detectors.access import SourceAccess
from inhouse.analysis.contracts.detectors.commitments import MinimumCommitment, TerminationFee
from inhouse.analysis.contracts.detectors.exclusivity import Exclusivity
from inhouse.analysis.contracts.detectors.knowledge import KnowledgeTransfer
from inhouse.analysis.contracts.detectors.maintenance import Maintenance
from inhouse.analysis.contracts.detectors.termination import TerminationForConvenience
from inhouse.analysis.contracts.engagement import engagement_model
from inhouse.analysis.contracts.numbers import parse_money, parse_number
from inhouse.analysis.contracts.parties import find_parties
from tests.reading_support import hours, reviewed

HEAD = (
    'WORKS AGREEMENT\n\nThis agreement is between Tamsin Orchard Co (the "Customer") and Brackwater Signals Ltd '
    '(the "Supplier").\n\n'
)


def review(body: str, head: str = HEAD):  # type: ignore[no-untyped-def]
    return reviewed(body, head)


# --- termination for convenience: the contract by another name --------------------------------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "The Customer may end any placement, or this statement of work as a whole, at any time and for any reason "
        "on ten days' written notice.",
        "The Customer has the right to End this Call-Off Contract at any time by giving one month's notice.",
        "The Owner may terminate this deed at any time and for any reason by giving the Builder 14 days' notice.",
        "Either side may withdraw from the negotiations under this letter at any time on seven days' written notice.",
    ],
)
def test_a_deed_a_sow_or_a_letter_ended_at_will_is_termination_for_convenience(clause: str) -> None:
    assert TerminationForConvenience().is_relevant(clause)


def test_ending_a_deed_for_breach_is_not_convenience() -> None:
    assert not TerminationForConvenience().is_relevant(
        "Either party may end this deed by notice if the other commits a material breach that is not remedied."
    )


def test_a_staffing_order_the_customer_may_end_has_no_lock_in_flag() -> None:
    found = review(
        "9.1 The Customer may end any placement at any time and for any reason by giving the Supplier three "
        "business days' written notice.\n\n9.2 On the end of any placement, the Supplier will return to the "
        "Customer all Customer laptops, passes, documents and data.\n"
    )
    assert found.flag("no_termination_for_convenience") is None
    assert found.clauses.exit.status == "partial"


# --- exclusivity ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "Nothing in this order makes the Supplier an exclusive or preferred source of the Customer.",
        "Nothing in these terms makes the Vendor the sole provider of any services to the Buyer.",
    ],
)
def test_a_denied_exclusivity_is_no_flag(clause: str) -> None:
    assert not Exclusivity().is_relevant(clause)


@pytest.mark.parametrize(
    ("clause", "binds"),
    [
        (
            "While this contract lasts the Customer shall not engage any third party to perform transcription "
            "services similar to the services under this contract.",
            "client",
        ),
        (
            "For the Term the Supplier must not perform work of a similar kind for any other harbour operator "
            "in the region.",
            "vendor",
        ),
        (
            "For one year the Supplier shall not supply fleet-routing services to any courier in Ireland other than "
            "the Customer.",
            "vendor",
        ),
        ("The Customer shall not commission any third party to build a competing routing tool.", "client"),
    ],
)
def test_a_party_kept_from_dealing_with_others_is_exclusivity(clause: str, binds: str) -> None:
    assert Exclusivity().is_relevant(clause)
    assert review(clause + "\n").flag("exclusivity").binds == binds


def test_a_subcontracting_rule_with_consent_is_not_exclusivity() -> None:
    assert not Exclusivity().is_relevant(
        "The Supplier shall not commission any third party to build any part of the system without the prior "
        "written consent of the Customer."
    )


# --- minimum commitment: a committed term written as a lock-in ---------------------------------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "The first twelve months of this contract are a lock-in period.",
        "This contract cannot be terminated early except for the other party's breach.",
        "The Customer may not terminate this contract for convenience before the expiry of the Committed Term.",
        "The Customer may not cancel this contract during the first eighteen (18) months.",
        "During the Initial Term the Customer may terminate this contract only for the Supplier's default.",
        "The subscription fee is a commitment for the entire initial term and is not refundable.",
        "The annual fee is not cancellable during the subscription term.",
    ],
)
def test_a_lock_in_is_a_minimum_commitment(clause: str) -> None:
    assert MinimumCommitment().is_relevant(clause)


def test_a_lock_in_binding_both_parties_binds_both() -> None:
    found = review("3.2 During the lock-in period of two years neither party shall terminate this contract.\n")
    assert found.flag("minimum_commitment").binds == "both"


@pytest.mark.parametrize(
    "clause",
    [
        "The portal shall be available for not less than 99.8% of business hours in each month.",
        "Either party may give notice of non-renewal at least two months before the end of the term.",
    ],
)
def test_availability_and_renewal_notices_are_not_minimum_commitments(clause: str) -> None:
    assert not MinimumCommitment().is_relevant(clause)


def test_a_quarterly_floor_in_rupees_is_a_minimum_commitment() -> None:
    assert MinimumCommitment().is_relevant(
        "The Customer shall be charged a minimum of INR 6,00,000 for each calendar quarter of the term."
    )


def test_a_shortfall_the_supplier_invoices_binds_the_customer() -> None:
    found = review(
        "6.2 The Customer commits to purchase not fewer than 900 hours in each contract year. If fewer hours are "
        "used, the Supplier may invoice the shortfall at the standard rate.\n"
    )
    assert found.flag("minimum_commitment").binds == "client"


# --- termination fee --------------------------------------------------------------------------------------------------


def test_a_named_fee_for_leaving_on_top_of_earned_fees_is_a_termination_fee() -> None:
    assert TerminationFee().is_relevant(
        "If the Customer ends this contract under clause 12.2, it must pay the Supplier, in addition to the fees for "
        "work done up to the date of termination, a wind-down fee of $8,000."
    )


def test_a_particulars_row_that_switches_damages_off_is_no_fee() -> None:
    assert not TerminationFee().is_relevant("9 | Liquidated damages for late completion | Not applicable |")


def test_a_list_item_fee_binds_the_party_of_its_lead_in() -> None:
    found = review(
        "12.3 If the Customer terminates under clause 12.1, the Customer will pay the Supplier:\n"
        "(a) the fees for work accepted before the termination date;\n"
        "(b) an exit fee equal to ten percent (10%) of the fees for the stages not yet begun.\n"
    )
    assert found.flag("termination_fee").binds == "client"


# --- knowledge transfer: hours in other words -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("run three (3) clinics for the Customer's dispatch team on shift planning, each of two and a half hours", 7.5),
        ("deliver four onboarding webinars of two (2) hours each", 8),
        ("not less than six (6) days of classroom sessions, a day meaning eight hours for this purpose", 48),
        ("sixteen (16) hours of coaching, of which at least six hours shall be one-to-one", 16),
    ],
)
def test_training_hours_written_around_the_sessions(text: str, expected: float) -> None:
    assert hours(text) == expected


@pytest.mark.parametrize(
    "clause",
    [
        "The Supplier shall give the Customer's dispatchers, yard leads and IT staff an instruction in the use of "
        "the planner on three days.",
        "The Supplier shall take two engineers of the Customer into its team and instruct them in its methods.",
        "The Supplier will share its know-how with the members of the Customer's planning group.",
        "The Supplier shall provide training to the Customer's shift leads, planners and IT personnel for five days.",
    ],
)
def test_teaching_written_people_first_is_knowledge_transfer(clause: str) -> None:
    assert KnowledgeTransfer().is_relevant(clause)


def test_hours_defined_far_from_the_clause_that_uses_them() -> None:
    found = review(
        "5.1 Before launch the Supplier shall deliver the Coaching Budget to the Customer's staff.\n\n"
        "SCHEDULE 9 - DEFINITIONS\n\n"
        '"Coaching Budget" means twelve (12) hours of instructor-led training on the planner.\n'
    )
    assert found.clauses.knowledge_transfer.status == "present"
    assert found.clauses.knowledge_transfer.hours == 12


def test_hours_replaced_by_an_amendment_of_words() -> None:
    found = review(
        "4.2 The Supplier shall provide six (6) hours of training to the Customer's analysts.\n\n"
        "VARIATION No. 1\n\n"
        '1. In clause 4.2 of the Agreement, the words "six (6) hours" are deleted and replaced by '
        '"ten (10) hours, of which four hours shall be on site".\n'
    )
    assert found.clauses.knowledge_transfer.hours == 10


def test_word_replacements_are_read_with_their_clause() -> None:
    assert word_replacements('In clause 3.1, the words "monthly" are deleted and replaced by "weekly".') == [
        ("3.1", "monthly", "weekly")
    ]


# --- maintenance: free period, fee, refusals --------------------------------------------------------------------------


def test_a_defined_free_period_named_in_a_paid_sentence_is_not_the_free_period() -> None:
    found = review(
        '8.1 For sixty (60) days after launch (the "Free Care Period") the Supplier will fix defects at no charge.\n\n'
        "8.2 Afterwards support continues until the date twelve (12) months after launch (together with the "
        'Free Care Period, the "Care Period") for a fee of $900 per month.\n'
    )
    assert found.clauses.maintenance.free_months == 2
    assert found.clauses.maintenance.monthly_fee == 900


def test_a_frequency_is_not_a_free_period() -> None:
    found = review(
        "7.1 During the warranty period the Supplier will fix all defects free of cost and retrain the model "
        "twice a year.\n\n7.2 The warranty period is ninety (90) days from launch.\n"
    )
    assert found.clauses.maintenance.free_months == 3


def test_a_defects_liability_period_is_a_free_period() -> None:
    found = review(
        "11.1 The Supplier must correct at its cost every defect notified during the defects liability period, "
        "which is four (4) months from completion, and respond to each notice within one business day.\n"
    )
    assert found.clauses.maintenance.free_months == 4


def test_period_and_fee_defined_at_the_end() -> None:
    found = review(
        "6.1 The Customer shall pay the Maintenance Charges monthly from the end of the Defect Window.\n\n"
        "6.2 During the Defect Window the Supplier shall correct, free of charge, any defect the Customer reports.\n\n"
        "SCHEDULE 5 - DEFINITIONS\n\n"
        '"Maintenance Charges" means EUR 2.400,00 per month.\n\n'
        '"Defect Window" means the period of thirty (30) days from launch.\n'
    )
    assert found.clauses.maintenance.monthly_fee == 2400
    assert found.clauses.maintenance.currency == "EUR"
    assert found.clauses.maintenance.free_months == 1


def test_a_contract_value_label_is_not_a_monthly_fee() -> None:
    found = review(
        "Total contract value: £90,000 excluding VAT\nBilling: Monthly in arrears\n\n"
        "5.1 The Supplier shall provide support with a response to urgent incidents within 2 hours and the "
        "correction of defects, for £1,500 per month.\n"
    )
    assert found.clauses.maintenance.monthly_fee == 1500


def test_what_a_course_covers_is_not_maintenance() -> None:
    assert not Maintenance().commitment(
        "The Supplier will hold two workshops with the Customer's engineers covering monitoring, model retraining "
        "and the release process."
    )


def test_a_label_that_excludes_support_is_a_refusal() -> None:
    found = review("Summary of terms\n\nSupport after launch: not included; a separate contract if wanted.\n")
    assert found.clauses.maintenance.status == "absent"


# --- money and numbers in words ---------------------------------------------------------------------------------------


def test_lakh_and_crore_are_number_words() -> None:
    assert parse_number("Six Lakh Twenty Thousand") == 620_000
    assert parse_number("one crore fifty lakh") == 15_000_000


def test_an_amount_in_words_only_is_money() -> None:
    assert parse_money("a support charge of Rupees Three Lakh Sixty Thousand only per annum")[0][:2] == (
        360_000,
        "INR",
    )
    found = review(
        "7.1 The Supplier shall correct defects and apply security patches for annual maintenance charges of "
        "Rupees Six Lakh only per annum.\n"
    )
    assert found.clauses.maintenance.monthly_fee == 50_000
    assert found.clauses.maintenance.currency == "INR"


def test_words_beside_the_figures_are_not_read_twice() -> None:
    assert len(parse_money("Twelve Thousand Dollars (US$12,000) a year")) == 1


# --- source access ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "The Supplier is not otherwise required to provide the source code of the platform to the Customer during "
        "the Term.",
        "The Supplier is not obliged to make available the source code of the engine, nor to deposit it in escrow.",
    ],
)
def test_a_denied_delivery_of_source_is_no_access(clause: str) -> None:
    found = review(clause + "\n")
    assert found.clauses.source_access.status == "absent"
    assert SourceAccess().is_relevant(clause)


# --- exit -------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "12.4 When this contract ends, the Supplier shall make the Customer Data and all labels added to it "
        "available to the Customer in CSV files.",
        "12.4 On withdrawal or lapse, the Supplier will return to the Customer, or at its election destroy, all "
        "data and documents received from it.",
    ],
)
def test_data_handed_back_in_other_words_is_an_exit_element(clause: str) -> None:
    assert review(clause + "\n").clauses.exit.status == "partial"


# --- amendments -------------------------------------------------------------------------------------------------------


def test_a_deleted_clause_with_its_title_is_gone_and_its_deletion_is_no_flag() -> None:
    found = review(
        "3.2 Renewal. This contract shall automatically renew for successive one-year terms unless either party "
        "gives notice of non-renewal.\n\n"
        "AMENDMENT No. 3\n\n"
        "1. **Clause 3.2 (Renewal and Rollover)** of the Agreement is deleted in its entirety.\n"
    )
    assert found.flag("auto_renewal") is None


def test_a_deletion_only_sentence_is_recognised() -> None:
    assert deletes_only("Section 8.4 (Early Exit Charge) of the Agreement is deleted and left blank.")
    assert not deletes_only("Section 8.4 of the Agreement is deleted and replaced with the following:")


# --- parties ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "term", "side"),
    [
        (
            "(1) BRIGHTLING FERRIES LIMITED, a company registered in Jersey (number 55120) whose office is at "
            'Pier 2, St Helier (the "Customer"); and\n(2) MOTHWING LABS LIMITED, a company (number 99812) '
            'whose office is at 4 Quay Road (the "Supplier").\n',
            "Customer",
            "client",
        ),
        (
            "GANDER RIVER TIMBER LIMITED, a company incorporated under the Companies Act, having its office at "
            'Nashik (hereinafter called the "Client", which expression includes its successors);\n'
            "OSPREY LOGIC PRIVATE LIMITED, a company having its office at Pune (hereinafter called the "
            '"Service Provider");\n',
            "Service Provider",
            "vendor",
        ),
        (
            "1. Veldhuis Zorg B.V., a private company, having its seat in Assen, hereinafter referred to as the "
            '"Principal";\n2. Dijkstra Data B.V., a private company, hereinafter referred to as the "Contractor";\n',
            "Principal",
            "client",
        ),
        (
            "Wattle Creek Dairy Limited ABN 11 222 333 444 of 9 Main Street, Bendigo VIC 3550 (Principal)\n"
            "Gumleaf Robotics Pty Ltd ABN 55 666 777 888 of 2 Lane Street, Geelong VIC 3220 (Consultant)\n",
            "Principal",
            "client",
        ),
        (
            'Firnblick Optik AG, Seestrasse 3, Zug — the "Buyer" —\n\nand\n\n'
            'Gletscher Code GmbH, Bahnweg 7, Chur — the "Developer" —\n',
            "Buyer",
            "client",
        ),
        ("From the Buyer:   Lowmoor Parish Council\nTo the Supplier:   Kestrel Forms Ltd\n", "Buyer", "client"),
    ],
)
def test_parties_defined_late_on_their_line(head: str, term: str, side: str) -> None:
    parties = {p.term: p.side for p in find_parties(head)}
    assert parties.get(term) == side


# --- ownership --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "7.1 Ownership of the Deliverables passes to the Customer on payment of all fees then due for them.",
        "7.1 Ownership of each deliverable will pass to the Customer upon payment of the stage invoice for it.",
    ],
)
def test_ownership_on_payment_of_the_fees_due_is_conditional(clause: str) -> None:
    finding = review(clause + "\n").clauses.deliverable_ownership
    assert finding.status == "client" and finding.conditions


def test_a_supposed_vesting_in_the_client_gives_way_to_the_transfer() -> None:
    found = review(
        "5.1 All rights in the annotations and software created by the Supplier vest in the Supplier. Insofar as any "
        "such rights would vest in the Customer by law, the Customer hereby transfers them to the Supplier.\n\n"
        '5.2 The call recordings supplied by the Customer (the "Customer Recordings") and the Customer Data '
        "remain the property of the Customer.\n"
    )
    assert found.clauses.deliverable_ownership.status == "vendor"


def test_definitions_are_read_for_later_use() -> None:
    context = Context.build(HEAD + '"Help Fee" means USD 700 per month.\n\n"Fee" means any amount payable.\n')
    assert context.definitions["Help Fee"] == "USD 700 per month"
    assert context.defined_in("the Help Fee is due") == "USD 700 per month"


# --- engagement model -------------------------------------------------------------------------------------------------


def test_a_time_and_materials_staffing_order_is_advisory() -> None:
    text = (
        "STATEMENT OF WORK 2 - TIME AND MATERIALS STAFF AUGMENTATION\n\n"
        "The Supplier provides engineers at the hourly bill rates in the rate card.\n"
    )
    assert engagement_model(text) == "advisory"


def test_a_fixed_monthly_fee_for_a_managed_service_is_a_project() -> None:
    text = (
        "MANAGED SERVICE AGREEMENT\n\nThe Customer pays a fixed monthly fee for the operation of the model. "
        "Optional training is available at an hourly rate.\n"
    )
    assert engagement_model(text) == "project"


# --- schedules of rates, the verb "maintain", dated lock-ins, limitation periods ---------------------------------------


def test_the_support_row_of_a_schedule_of_rates_is_the_monthly_fee() -> None:
    found = review(
        "| Item | Charge |\n| --- | --- |\n| Platform subscription | $120,000 per year |\n"
        "| Extended support | $18,000 per year, covering defects and response within 4 hours |\n\n"
        "5.1 The Supplier shall provide support as stated in the table above, with defect correction.\n"
    )
    assert found.clauses.maintenance.monthly_fee == 1500


def test_a_resource_fee_beside_an_annual_maintenance_fee_is_not_the_maintenance_fee() -> None:
    found = review(
        "3.1 During the build the Customer shall pay a monthly resource fee of $9,000 for a support engineer.\n\n"
        "8.2 After go-live the Supplier shall provide annual maintenance for a fee of $24,000 per annum, covering "
        "defect correction and patches.\n"
    )
    assert found.clauses.maintenance.monthly_fee == 2000


def test_maintaining_the_system_for_a_monthly_sum_is_maintenance_with_its_fee() -> None:
    found = review("10.1 The Supplier shall maintain the Berth Scheduler for a monthly flat fee of EUR 1.100,00.\n")
    assert found.clauses.maintenance.status == "present"
    assert found.clauses.maintenance.monthly_fee == 1100


def test_maintaining_records_is_not_maintenance() -> None:
    assert not Maintenance().commitment("The Supplier shall maintain the records of all hours worked for six years.")


def test_a_limitation_period_for_defects_is_the_free_period() -> None:
    found = review(
        "9.1 The Supplier shall remedy every defect free of charge. The limitation period for claims for defects is "
        "six (6) months from acceptance.\n"
    )
    assert found.clauses.maintenance.free_months == 6


def test_a_right_to_leave_that_opens_only_at_a_date_is_a_lock_in() -> None:
    clause = "Either party may terminate the support on two months' notice, but not before 30 June 2029."
    assert MinimumCommitment().is_relevant(clause)
    assert review(clause + "\n").flag("minimum_commitment").binds == "both"


# --- maintenance look-alikes: the client's business, titles, staffing, support left out ------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "The Supplier will build predictive-maintenance models for the Customer's fleet of forklifts.",
        "The Supplier shall not offer customer-support chatbot services to any other bank in Ghana.",
        "The Supplier shall replace any member of staff the Customer objects to, at no additional charge, within "
        "five days.",
    ],
)
def test_the_clients_business_and_staff_replacement_are_not_maintenance(clause: str) -> None:
    assert review(clause + "\n").clauses.maintenance.status == "absent"


@pytest.mark.parametrize(
    "clause",
    [
        "Clause 14 (Aftercare). The upkeep, support and hosting of the tools delivered under the second stage are "
        "outside the scope of this contract.",
        "The maintenance and support of the dashboards after the trial are not part of this contract and will be "
        "agreed separately if wanted.",
        "Any support after launch will be bought under a separate service order.",
    ],
)
def test_support_left_out_or_to_another_contract_is_absent(clause: str) -> None:
    assert review(clause + "\n").clauses.maintenance.status == "absent"


def test_a_label_line_of_support_terms_still_counts() -> None:
    found = review("Support: help desk on weekdays; defects answered within one (1) business day.\n")
    assert found.clauses.maintenance.status == "present"


# --- renewal and cancellation in plain words; support paid through a plan ---------------------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "At the end of each year this contract renews by itself for another year unless either side objects.",
        "Your membership continues from one quarter to the next without anything to do on your side.",
        "The service runs month to month until you stop it.",
    ],
)
def test_renewal_without_a_fresh_decision_in_plain_words(clause: str) -> None:
    assert review(clause + "\n").flag("auto_renewal") is not None


def test_renewal_only_by_a_signed_amendment_is_not_automatic() -> None:
    assert (
        review("The term may be renewed only by a written amendment signed by both sides.\n").flag("auto_renewal")
        is None
    )


def test_cancelling_your_subscription_at_any_time_is_termination_for_convenience() -> None:
    found = review(
        "2.4 You may cancel your subscription at any time in your account settings.\n",
        head="ONLINE TERMS\n\nThese terms are between you and us, Lanternfish Apps Ltd.\n\n",
    )
    assert found.flag("no_termination_for_convenience") is None


def test_support_included_in_the_price_of_a_plan_reads_the_plans_price() -> None:
    found = review(
        "3.1 The Team Bundle costs €40.00 per month.\n\n"
        "5.1 Support is included in the price of each Bundle, with answers to urgent requests within two hours and "
        "defect fixes in regular releases.\n"
    )
    assert found.clauses.maintenance.monthly_fee == 40
    assert found.clauses.maintenance.currency == "EUR"
