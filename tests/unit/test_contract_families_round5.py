"""Round 5: the phrasing families behind the misses of the blind round-5 batch, each with its
look-alikes.

Every clause text here is written for these tests in wording of our own; none is copied from a
benchmark contract (see docs/contracts.md, "Round 5").
"""

from __future__ import annotations

import pytest

from inhouse.analysis.contracts.context import Context
from inhouse.analysis.contracts.detectors.access import SourceAccess
from inhouse.analysis.contracts.detectors.commitments import MinimumCommitment, TerminationFee
from inhouse.analysis.contracts.detectors.exclusivity import Exclusivity
from inhouse.analysis.contracts.detectors.exit import ExitConditions
from inhouse.analysis.contracts.detectors.ownership import DeliverableOwnership
from inhouse.analysis.contracts.engagement import engagement_model
from inhouse.analysis.contracts.parties import find_parties
from tests.reading_support import hours, reviewed

HEAD = (
    'SERVICES AGREEMENT\n\nThis agreement is between Ferrow Valley Dairies Ltd (the "Customer") and Quillmere Labs Ltd '
    '(the "Supplier").\n\n'
)


def review(body: str, head: str = HEAD):  # type: ignore[no-untyped-def]
    return reviewed(body, head)


# --- knowledge transfer: minutes, abbreviations, mentoring, the people named after the course -------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Supplier shall run four (4) coaching sessions of forty-five (45) minutes each for the planners.", 3.0),
        ("two workshops, each of 90 minutes, for the Customer's schedulers", 3.0),
        ("Planner coaching: 3 sessions x 2 hrs each", 6.0),
        ("up to 10 hrs of guided onboarding", 10.0),
        ("The course comprises sixteen (16) hours in total instead of eight (8) hours.", 16.0),
        ("two (2) half-day mentoring sessions for the analysts", 8.0),
        ("instruction for the dispatch team in four units of three hours each", 12.0),
    ],
)
def test_training_time_in_minutes_abbreviations_units_and_changed_totals(text: str, expected: float) -> None:
    assert hours(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "clause",
    [
        "The Supplier shall mentor the Customer's junior engineers in model evaluation during the project.",
        "Before go-live the Supplier shall give instruction in the dashboard to up to six employees of the Customer.",
        "Line 3: End-user training, two sessions on site.",
        "The training comprises twenty (20) hours in total, held at the Customer's offices.",
    ],
)
def test_mentoring_people_named_after_the_course_and_order_lines_are_knowledge_transfer(clause: str) -> None:
    found = review(clause).clauses.knowledge_transfer
    assert found.status == "present"


@pytest.mark.parametrize(
    "clause",
    [
        "The Supplier shall train its own staff in the Customer's complaint procedures before they take calls.",
        "The Supplier shall give the incoming provider the runbooks it needs, including ten (10) days of shadowing.",
        "Stage 1 (weeks 1-2): workshops with the Customer's depot managers",
        "Safety training of the Supplier's engineers is at the Supplier's cost.",
    ],
)
def test_teaching_the_vendors_own_people_a_successor_or_a_discovery_workshop_is_not_knowledge_transfer(
    clause: str,
) -> None:
    assert review(clause).clauses.knowledge_transfer.status == "absent"


# --- source access: what the client's people may do, where the code is kept, denials --------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "The Customer's architects may view, clone and comment on the code in that project whenever the work goes on.",
        "All notebooks written for the Customer shall be kept in the Customer's GitLab group.",
        "Source code | Held in the Customer's own Bitbucket workspace from the start of the project.",
        "The Supplier shall work in the Customer's own Azure DevOps tenant and the Customer's staff may review the "
        "code at any time while the services are performed.",
    ],
)
def test_client_side_repositories_and_reading_rights_are_access_during_the_work(clause: str) -> None:
    assert review(clause).clauses.source_access.status == "during"


@pytest.mark.parametrize(
    "clause",
    [
        "Source code is not a deliverable under this order unless a schedule says otherwise.",
        "The Supplier grants the Customer a non-transferable licence to use the app and its documentation during "
        "the Term for the Customer's water supply network.",
    ],
)
def test_a_denied_deliverable_or_a_licence_to_use_documentation_is_no_source_access(clause: str) -> None:
    assert review(clause).clauses.source_access.status == "absent"


def test_non_transferable_and_a_noun_supply_do_not_read_as_a_handover() -> None:
    detector = SourceAccess()
    assert not detector.is_relevant("The licence is non-transferable and covers the user documentation.")
    assert not detector.is_relevant("Planning of the water supply is described in the documentation.")


# --- maintenance: support as funding, the client's own upkeep, table labels, fees that include support ------------


@pytest.mark.parametrize(
    "clause",
    [
        "The Supplier may acknowledge the Customer's support in its annual report.",
        "The Customer shall keep its planned maintenance records up to date.",
        "Decisions on the maintenance of the trucks remain with the Customer.",
        "Support and maintenance | Not included.",
        "The model predicts maintenance technicians' workload per depot.",
    ],
)
def test_funding_support_the_clients_own_upkeep_and_a_switched_off_label_are_no_maintenance(clause: str) -> None:
    assert review(clause).clauses.maintenance.status == "absent"


def test_a_fee_that_includes_support_is_read_where_it_is_priced() -> None:
    found = review(
        "4.1 The Platform Charges include standard support and maintenance, with correction of errors and a "
        "response to urgent tickets within two (2) hours.\n\n"
        "Schedule 1. Platform Charges: S$6,100 per month.\n"
    ).clauses.maintenance
    assert found.status == "present"
    assert (found.monthly_fee, found.currency) == (6100, "SGD")


def test_a_yearly_order_line_gives_a_monthly_fee() -> None:
    found = review(
        "20    Annual support and maintenance plan (defect fixes, updates)     1     YR     $4,800.00\n"
    ).clauses.maintenance
    assert found.monthly_fee == 400


# --- exclusivity: denials, options, civil-law grants, the vendor kept from others ------------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "This purchase order does not make the Supplier a sole or exclusive source of the Customer.",
        "Nothing in this contract obliges the Customer to buy analytics services exclusively from the Supplier.",
        "The Customer is not obliged to obtain such services solely from the Supplier.",
        "The Customer may negotiate an exclusive or non-exclusive licence to any invention within six months.",
        "The Supplier grants the Customer the exclusive right of use, unlimited in time, territory and content, to the "
        "work results.",
    ],
)
def test_denials_licence_options_and_civil_law_grants_are_not_exclusivity(clause: str) -> None:
    assert not Exclusivity().is_relevant(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "For a year after the project the Supplier shall not provide forecasting services to any other dairy in Wales.",
        "The Supplier must not license the tuned model to any other port operator during the Term.",
    ],
)
def test_the_vendor_kept_from_serving_others_of_a_kind_is_exclusivity(clause: str) -> None:
    assert Exclusivity().is_relevant(clause)


def test_sharing_data_with_another_party_is_not_exclusivity() -> None:
    assert not Exclusivity().is_relevant("The Supplier shall not provide personal data to any other person.")


# --- minimum commitments and termination fees -------------------------------------------------------------------------


def test_a_spend_commitment_to_the_value_of_binds_the_client() -> None:
    review_ = review("The Customer commits to order services to the value of not less than GBP 9,000 in each quarter.")
    flag = review_.flag("minimum_commitment")
    assert flag is not None and flag.binds == "client"


def test_a_convenience_notice_that_cannot_expire_before_an_anniversary_is_a_lock_in() -> None:
    assert MinimumCommitment().is_relevant(
        "The Customer may terminate for convenience on three months' notice, but such notice may not expire before "
        "the second (2nd) anniversary of the start date."
    )


def test_reimbursed_non_cancellable_obligations_are_no_commitment() -> None:
    assert not MinimumCommitment().is_relevant(
        "On early termination the Customer shall reimburse the costs incurred and any non-cancellable obligations "
        "the Supplier entered into before the notice."
    )


@pytest.mark.parametrize(
    "clause",
    [
        "The Supplier then keeps its claim to the agreed price, less the costs it saves by the early end.",
        "The Supplier shall receive, as a lump sum for the part of the work not yet performed, 10 % of the price of "
        "that part.",
    ],
)
def test_the_civil_law_price_of_withdrawing_is_a_termination_fee(clause: str) -> None:
    assert TerminationFee().is_relevant(clause)


def test_the_payee_named_means_the_other_party_pays() -> None:
    text = (
        HEAD
        + "The Supplier shall receive, as a lump sum for the part of the work not yet performed, 10 % of its price."
    )
    context = Context.build(text)
    sentence = next(s for s in context.sentences() if "lump sum" in s.text)
    assert TerminationFee().binds(context, sentence.text) == "client"


def test_a_client_barred_from_leaving_is_the_clients_flag() -> None:
    flag = review(
        "8.1 The Customer acknowledges that it is not entitled to terminate this agreement before the end of the Term.\n"
        "8.2 Either party may terminate this agreement if the other commits a material breach.\n"
    ).flag("no_termination_for_convenience")
    assert flag is not None and flag.binds == "client"


# --- ownership: payment by the client, rights that pass, civil-law grants, models made from client data ---------------


def test_payment_of_the_clients_invoice_is_a_condition() -> None:
    found = review(
        "All rights in the deliverables vest in the Customer upon the Customer's payment of the invoice for them."
    ).clauses.deliverable_ownership
    assert found.status == "client" and found.conditions


def test_rights_that_pass_to_the_client_are_ownership() -> None:
    found = review(
        "All rights in the work results, including the trained models, pass to the Customer upon acceptance."
    ).clauses.deliverable_ownership
    assert found.status == "client" and found.conditions


def test_an_exclusive_unlimited_right_of_use_in_the_work_is_client_ownership() -> None:
    found = review(
        "The Supplier grants the Customer the exclusive and transferable right of exploitation, unlimited in time, "
        "territory and content, to the software and the trained model."
    ).clauses.deliverable_ownership
    assert found.status == "client"


def test_models_made_from_client_data_kept_by_the_vendor_are_the_vendors() -> None:
    context = Context.build(
        HEAD + "The Supplier owns every model it trains or improves using Customer Data, including its weights."
    )
    reading = DeliverableOwnership().read(context)
    assert reading.vendor_models


# --- exit: handing over the work is a return, helping to move it on is assistance -------------------------------------


def test_handing_the_client_its_work_is_a_return_not_transition_assistance() -> None:
    context = Context.build(
        HEAD + "On termination the Supplier shall hand over to the Customer the code in its current state."
    )
    found = ExitConditions().elements(context, [], False)
    assert found["return_assets"] and not found["transition"]


def test_supporting_the_transfer_of_the_work_is_transition_assistance() -> None:
    context = Context.build(
        HEAD + "On termination the Supplier shall support the transfer of the services to the Customer or a new "
        "provider for up to five days."
    )
    assert ExitConditions().elements(context, [], False)["transition"]


# --- parties and engagement -------------------------------------------------------------------------------------------


def test_a_party_defined_on_the_next_line_and_names_beyond_ascii() -> None:
    parties = find_parties(
        "WERKVERTRAG\n\nbetween\n\nMüllerhof Bäckereien GmbH, Hauptstraße 3, 8010 Graz,\n"
        'hereinafter referred to as the "Client",\n\nand\n\nÖtztal Datenwerk GmbH, Kirchweg 7, 6450 Sölden,\n'
        'hereinafter referred to as the "Contractor".\n'
    )
    assert {(p.name, p.side) for p in parties} == {
        ("Müllerhof Bäckereien GmbH", "client"),
        ("Ötztal Datenwerk GmbH", "vendor"),
    }


def test_an_institution_is_a_party() -> None:
    parties = find_parties(
        'This agreement is between the Board of Regents of Harlow Ridge University ("University") and Corvane '
        'Medical Inc. ("Sponsor").'
    )
    assert {p.term: p.side for p in parties} == {"University": "vendor", "Sponsor": "client"}


def test_rates_for_extra_work_do_not_make_a_project_advisory() -> None:
    text = (
        'DEMAND MODEL LICENCE\n\nThis licence is made between Orrin Water Board (the "Licensee") and Teal Forecasting '
        'Pty Ltd (the "Licensor"). The Licensor licenses its forecasting model, tuned to the Licensee\'s meters.\n\n'
        "The Licensee shall pay an annual licence fee of $40,000. The model must meet the acceptance criteria in "
        "Annex A before go-live.\nAdditional consulting: $1,500 per day or $200 per hour.\n"
        "Training beyond the onboarding day is available on request at $1,200 per day.\n"
    )
    assert engagement_model(text) == "project"


def test_hourly_pricing_of_the_work_itself_stays_advisory() -> None:
    text = "The Consultant shall advise on data strategy and is paid $180 per hour, invoiced monthly, as needed."
    assert engagement_model(text) == "advisory"
