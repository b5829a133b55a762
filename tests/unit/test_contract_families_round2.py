"""Second round of phrasing families (read on the validation half of CUAD), with their look-alikes.

Every clause text here is written for these tests; none is copied from a contract. Each stands
for a family of wording, and each family has a negative check for the wording it must not catch.
"""

from __future__ import annotations

import pytest

from inhouse.analysis.contracts.context import Context
from inhouse.analysis.contracts.detectors.commitments import MinimumCommitment, TerminationFee
from inhouse.analysis.contracts.detectors.termination import TerminationForConvenience
from inhouse.analysis.contracts.review import DETECTORS
from inhouse.analysis.contracts.structure import parse

CONVENIENCE, MINIMUM, FEE = TerminationForConvenience(), MinimumCommitment(), TerminationFee()
EXIT, MAINTENANCE = DETECTORS["exit"], DETECTORS["maintenance"]


# --- minimum commitments -------------------------------------------------------------------------------------------

MINIMUM_FAMILIES = [
    # a quantity per period written with a slash, or after "in no event less than"
    "The Operator must ensure that the plant runs no less than 6,500 hours/year.",
    "The Buyer shall purchase at least 2,000 units per month during the Term.",
    "The Supplier shall allocate capacity so that the Distributor receives in no event less than 400 litres per month.",
    # a minimum guarantee
    "The Licensee shall pay the Licensor a minimum guarantee of five hundred thousand dollars ($500,000) each year.",
    # sales targets and quotas with an obligation to meet them
    "The Reseller agrees to meet the annual and quarterly sales targets set out in Schedule 2.",
    "The Company may end the appointment if the Agent fails to achieve the purchase quota for any year.",
    # binding forecasts
    "The Customer shall order for each month at least 80% of the quantity forecast for that month.",
    "The first three months of each rolling forecast shall be binding on the Customer.",
]

MINIMUM_LOOK_ALIKES = [
    # negated or disclaimed minimums
    "Nothing in this Agreement obliges either party to buy or sell any particular volume, share of the market or other "
    "minimum level of goods.",
    "There is no guarantee that any minimum level of revenue will be generated under this Agreement.",
    "The parties expect future orders of more than $5,000,000, which are anticipated but not promised.",
    # a threshold that is a condition
    "The user may upgrade the handset provided that the user has paid at least 40% of its list price.",
    # notices and lead times whose length is redacted
    "Each party shall give at least [***] advance notice of any change to its bank account.",
    "The Sponsor shall circulate a draft at least [***] (and in no case less than [***]) prior to its submission.",
    "The Supplier shall give at least thirty (30) days notice of any price change.",
    # type sizes, capacities and life remaining
    "The notice shall be printed in at least 10 point type.",
    "The design capacity of the network shall be no less than 4 Tbit/s.",
    "Each spare part shall be delivered with no less than [***] of life remaining.",
    # insurance limits and meeting frequency
    "The policy shall provide coverage of a minimum of two million dollars ($2,000,000) for each single occurrence.",
    "The Steering Committee shall meet a minimum of three times per calendar year.",
    "The Committee shall meet as the members decide, but in any event not less than 2 times per year.",
]


@pytest.mark.parametrize("text", MINIMUM_FAMILIES)
def test_minimum_commitment_families(text):
    assert MINIMUM.is_relevant(text), text


@pytest.mark.parametrize("text", MINIMUM_LOOK_ALIKES)
def test_minimum_commitment_look_alikes(text):
    assert not MINIMUM.is_relevant(text), text


# --- termination fees ----------------------------------------------------------------------------------------------

FEE_FAMILIES = [
    "If a party hires an employee of the other party in violation of Section 9.2, the hiring party shall, within thirty "
    "(30) days of the hire, pay the other party an amount equal to that employee's annual salary.",
    "In breach of this clause the Distributor shall pay the Supplier a sum of $20,000 for each breach.",
    "If the Customer terminates early, the Customer shall pay the early termination fee of $5,000.",
]

FEE_LOOK_ALIKES = [
    # payment for the month in which the end takes effect is payment for service
    "Upon termination, the Customer will pay all charges and fees for the month in which that termination becomes "
    "effective.",
    # statements about such clauses, not such a clause (franchise disclosures)
    "The franchise agreement contains a liquidated damages clause.",
    "Under the laws of some states, liquidated damages clauses may be unenforceable.",
    # a third party's charges passed on
    "The Customer may end the transfer, subject to bearing any cancellation fees charged by the alternative supplier.",
]


@pytest.mark.parametrize("text", FEE_FAMILIES)
def test_termination_fee_families(text):
    assert FEE.is_relevant(text), text


@pytest.mark.parametrize("text", FEE_LOOK_ALIKES)
def test_termination_fee_look_alikes(text):
    assert not FEE.is_relevant(text), text


# --- termination for convenience -----------------------------------------------------------------------------------

CONVENIENCE_FAMILIES = [
    "The Buyer, in its sole discretion, may terminate this Agreement, without cause, by giving six (6) months' prior "
    "written notice.",
    # the qualifier far from the modal: "may ... or terminate this Agreement as a whole with or without cause"
    "After the first year the Buyer may, without penalty and without prejudice to any other remedy it may have, in its "
    "sole discretion reduce the volume of any individual service, or withdraw any product from the schedule of "
    "products supplied, or terminate this Agreement as a whole with or without cause, upon ninety days' notice.",
    # enumerators (x), (y) and nested (a)(ii)
    "This Agreement shall be earlier terminated (x) by mutual agreement of the parties, or (y) at any time upon "
    "ninety (90) days' written notice to the other party.",
    "This Agreement shall be terminable (a) by the Owner (i) at any time if a claim is made against the Mark or (ii) "
    "upon thirty (30) days' written notice by the Owner to the User.",
    # "terminable" (not "terminate") and a window "at any time ... before the expiry date"
    "This Agreement is cancellable at any time by either party before its expiry date, upon two months' written "
    "notice.",
    # the consequence after the grant: ", in which case ..."
    "The Client shall have the right to terminate any Work Order at any time on reasonable advance written notice, in "
    "which case the Client shall be responsible for:",
    # a redacted notice period
    "The Sponsor may terminate this Agreement in its entirety by providing [***] written notice of termination to the "
    "Developer.",
]

CONVENIENCE_LOOK_ALIKES = [
    # the right ends something other than the contract
    "The Franchisor shall have the right to terminate the Marketing Fund at any time.",
    "The Agent may terminate the subagency at any time without cause upon at least 90 days notice.",
    # "for any reason" qualifies another event: "should X's employment terminate for any reason"
    "This Agreement may, with written notice, be ended by either party should the Founder's employment with the "
    "Company terminate for any reason.",
    # a cause named as "for reasons of"
    "The Partner shall have the right to terminate the Development Programme upon ninety (90) days' notice for "
    "reasons of Technical Failure.",
    # PDF spacing inside a condition: "in the  event that"
    "The Network may terminate this Agreement upon thirty (30) days' written notice in the  event that the service "
    "is permanently discontinued.",
]


@pytest.mark.parametrize("text", CONVENIENCE_FAMILIES)
def test_convenience_families(text):
    assert CONVENIENCE.is_relevant(text), text


@pytest.mark.parametrize("text", CONVENIENCE_LOOK_ALIKES)
def test_convenience_look_alikes(text):
    assert not CONVENIENCE.is_relevant(text), text


def _contract(*paragraphs: str) -> Context:
    return Context.build("\n\n".join(paragraphs))


def test_convenience_alternative_after_a_lead_in():
    """An alternative set out as its own clause after a lead-in counts; a cause in it does not."""
    context = _contract(
        "12. Termination",
        "12.1 This Agreement may be terminated upon the occurrence of any of the following events:",
        "(a) By the Supplier, if the Distributor fails to pay any sum when due;",
        "(b) By either party, if a force majeure event lasts for more than three (3) months;",
        "(c) By either party upon sixty (60) days' prior written notice to the other party.",
    )
    hits = [s.text for s in CONVENIENCE.candidates(context)]
    assert hits == ["(c) By either party upon sixty (60) days' prior written notice to the other party."]


def test_convenience_alternative_needs_a_lead_in():
    context = _contract(
        "7. Payment", "(c) By either party upon sixty (60) days' prior written notice to the other party."
    )
    assert not list(CONVENIENCE.candidates(context))


def test_inline_clause_number_starts_a_new_sentence():
    text = 'The term ends on the fifth anniversary (the "Term"). 12.2 The Buyer may terminate this Agreement.'
    sentences = [s.text for s in parse(text).sentences]
    assert sentences[-1] == "12.2 The Buyer may terminate this Agreement."
    assert len(parse("Delivery takes approx. 3 weeks.").sentences) == 1


# --- maintenance spans (warranty periods and the quality of what was delivered) -------------------------------------

MAINTENANCE_FAMILIES = [
    "If any delivery fails to conform to the Product Specifications, the Buyer shall notify the Seller within ten (10) "
    "days of the Buyer's receipt of that delivery.",
    "If no such notice is given, the Buyer shall be deemed to have accepted the delivery.",
    "If goods are found damaged on arrival, the Distributor shall report it in writing within 48 hours.",
    "Any discrepancy found in goods delivered shall be reported to the Supplier in writing within two days.",
    "Claims about the quantity or the quality of the cargo delivered under this Agreement shall be presented in "
    "writing within twenty (20) days after delivery.",
    "For sixty (60) days after delivery, the Licensor warrants that the media shall be of good quality.",
    "The warranties in clause 8.1 will extend for a period of twelve (12) months.",
    "The Licensee shall pay for services that are no longer covered by the warranty.",
    "The Supplier will have the returned units repaired or replaced and shipped back within fifteen (15) days.",
]

MAINTENANCE_LOOK_ALIKES = [
    "Any discrepancy in the royalty report shall be paid within thirty (30) days.",
    "The parties shall repair their relationship by mutual discussion.",
]


@pytest.mark.parametrize("text", MAINTENANCE_FAMILIES)
def test_maintenance_span_families(text):
    assert MAINTENANCE.is_relevant(text), text


@pytest.mark.parametrize("text", MAINTENANCE_LOOK_ALIKES)
def test_maintenance_span_look_alikes(text):
    assert not MAINTENANCE.is_relevant(text), text


def test_warranty_window_is_not_a_maintenance_commitment():
    review = _contract(
        "9. Acceptance", "If no such notice is given, the Buyer shall be deemed to have accepted the delivery."
    )
    assert MAINTENANCE.detect(review).status == "absent"


# --- exit spans (post-termination duties, transition, ending rights) ------------------------------------------------

EXIT_FAMILIES = [
    "This Agreement shall be terminable by either party upon sixty (60) days' written notice;",
    "Sell-off period: four months after termination",
    "During the Term the right to use the Athlete's name shall extend for six (6) months beyond the expiration of this "
    'Agreement (the "Use-up Period").',
    "Upon expiry of this Agreement, the Company shall have the right to continue to use the Celebrity Endorsement in "
    "materials printed before that date.",
    "So long as this Agreement remains in effect and for one (1) year thereafter, neither party may publicly disclose "
    "its holdings.",
    "The Supplier shall during the remainder of the Term and for up to two (2) years thereafter continue to supply "
    "the Product at cost.",
    "The Contractor shall effect the orderly and efficient transfer of the administration to the Company.",
    "During the winding up, the joint venture will be allowed to use the know-how to fill pending orders.",
    "The Licensor shall provide the following transitional assistance.",
    "The Manufacturer shall give such advice as the Buyer needs to transfer production to an alternate manufacturer.",
    "If the Servicer resigns, it will continue to perform its duties as Servicer until a successor servicer accepts "
    "its appointment.",
    "The Bank may revoke the Affiliate's license at any time.",
]

EXIT_LOOK_ALIKES = [
    "During the Term and for two (2) years thereafter, the Distributor shall not compete with the Company.",
    "The Agent shall not endorse any competing product during the Term.",
    "This Agreement is governed by the laws of the State of New York.",
]


@pytest.mark.parametrize("text", EXIT_FAMILIES)
def test_exit_span_families(text):
    assert EXIT.is_relevant(text), text


@pytest.mark.parametrize("text", EXIT_LOOK_ALIKES)
def test_exit_span_look_alikes(text):
    assert not EXIT.is_relevant(text), text


def test_the_end_of_a_phase_is_not_the_end_of_the_contract():
    from inhouse.analysis.contracts import review_contract

    text = (
        "1. Training\n\n1.1 Before the end of the Project Phase the Supplier shall provide training to the "
        "Client's personnel on the operation of the Deliverables.\n"
    )
    assert review_contract(text, file="t.md").model_dump(mode="json")["clauses"]["exit"]["status"] == "absent"
