"""Families of legal phrasing each detector recognises, and the look-alikes it must not.

The clause texts are written for these tests (no contract text is copied); each one stands
for a family of wording seen in real commercial contracts.
"""

from __future__ import annotations

import pytest

from inhouse.analysis.contracts import review_contract
from inhouse.analysis.contracts.detectors.commitments import MinimumCommitment, TerminationFee
from inhouse.analysis.contracts.detectors.exclusivity import Exclusivity
from inhouse.analysis.contracts.detectors.flags import AutoRenewal
from inhouse.analysis.contracts.detectors.termination import TerminationForConvenience
from inhouse.analysis.contracts.review import DETECTORS

CONVENIENCE, EXCLUSIVITY = TerminationForConvenience(), Exclusivity()
MINIMUM, FEE, RENEWAL = MinimumCommitment(), TerminationFee(), AutoRenewal()
EXIT, MAINTENANCE = DETECTORS["exit"], DETECTORS["maintenance"]

CONVENIENCE_FAMILIES = [
    "Either party may, in its sole discretion, terminate this Agreement at any time without cause upon ninety (90) "
    "days' written notice.",
    "So long as no default has occurred, either party may terminate this Agreement upon sixty (60) days' written "
    "notice to the other.",
    "This Agreement may be terminated (a) by mutual written agreement of the parties, or (b) by either party upon "
    "fifteen (15) days' written notice to the other.",
    "Upon ninety (90) days' prior written notice, the Customer may terminate this Agreement.",
    "The Customer shall have the right to terminate this Agreement by written notice of not less than three (3) "
    "months.",
    "The Licensee may terminate this Agreement upon thirty (30) days' notice if it decides to discontinue the "
    "Licensed Product.",
    "This Agreement shall end ninety (90) days after either party gives the other written notice of its intention to "
    "terminate this Agreement.",
    "Either party may terminate this Agreement upon thirty (30) days' written notice; provided that if the Customer "
    "terminates, it shall pay for Services performed.",
    "The Executive may resign his employment upon sixty (60) days' written notice to the Company.",
    "Either party may cancel this Agreement by giving the other ninety (90) days' notice in writing.",
    "The Sponsor shall have the right at any time before 31 December 2026 to terminate this Agreement by giving "
    "written notice to the Team.",
    "The Distributor may terminate this Agreement for any reason upon six (6) months' notice.",
]
CONVENIENCE_LOOK_ALIKES = [
    "The Agent may terminate this Agreement by giving notice at any time after the Closing as follows:",
    "Should the Supplier dispute the Customer's right to terminate, it shall within thirty (30) days of the notice of "
    "termination refer the matter to arbitration.",
    "The Vendor reserves the right to suspend or terminate the Services ten (10) days after notice of any invoice "
    "that is past due.",
    "If a force majeure event continues for sixty (60) days, the other party may unilaterally terminate this "
    "Agreement upon thirty (30) days' notice.",
    "This Agreement may be terminated by either party forthwith by notice if the other party ceases for any reason "
    "to carry on business.",
    "Either party may terminate this Agreement at the end of the Initial Term by giving ninety (90) days' notice "
    "before the end of the term.",
    "Either party may terminate this Agreement on written notice at any time following the end of such sixty (60) "
    "day cure period.",
    "Either party may terminate this Agreement upon written notice to the other party upon the dissolution of the "
    "joint venture.",
    "The Customer may not terminate this Agreement for convenience.",
]
EXCLUSIVITY_FAMILIES = [
    "The Licensor agrees not to grant the right to use the Marks to anyone other than the Licensee.",
    "During the Term, the Sponsor will not ------- represent any other company competitive with the Products.",
    "The licence granted in this Section shall be perpetual, exclusive and irrevocable.",
    "For eighteen (18) months the Publisher shall work exclusively with the Distributor to publish the Content online.",
    "The Supplier shall manufacture the Devices exclusively for the Customer in the Territory.",
    "The Licensor shall not license the Content to any third party during the Term.",
    "The Owner shall have no right to allow any party other than the Licensee to publish the Content.",
    "Any breach of the exclusivity obligations in Section 4 is a material breach.",
]
EXCLUSIVITY_LOOK_ALIKES = [
    "WHEREAS, the Supplier has appointed Beta Corp. as its exclusive distributor under a separate agreement;",
    '"Business Trade Secrets" means the trade secrets exclusively used by the Business.',
    "The Franchisee will comply with all of the Franchisor's then current requirements with respect to securities "
    "offerings.",
    "The Consultant shall not use any logos or names of the Client's competitors without prior approval.",
    "The Consultant shall not hire any individual who is an employee or exclusive contractor of the Company.",
    "The Franchisee shall not use any imitation of the Marks which is likely to dilute our exclusive rights in and "
    "to the Marks.",
    "The Supplier shall manufacture the Products exclusively for the purposes of this Agreement.",
    "Pursuant to that certain Stadium Agreement, Owner holds the exclusive right to all advertising in the stadium.",
]
MINIMUM_FAMILIES = [
    "The Publisher shall use commercially reasonable efforts to maintain a monthly minimum of 50,000 page views.",
    "The Investor shall maintain committed capital in an aggregate minimum amount equal to $5,000,000.",
    "Products shall be tendered for transport in quantities of not less than 2,500 barrels.",
    "The Reseller shall deliver the campaigns in at least the following quantities:",
    "The Distributor shall meet the annual sales quota set out in Schedule 2.",
    "The Sponsor shall make a minimum advertising expenditure of USD 200,000 in each year.",
    "At least 10,000 units per quarter shall be purchased by the Distributor.",
    "The Customer's annual purchase commitment is set out in Exhibit C.",
    "The Supplier's representative shall make not less than four (4) site visits per annum.",
    "New shippers shall have access to a minimum of ten percent (10%) of the available capacity.",
]
MINIMUM_LOOK_ALIKES = [
    "The Reseller shall not advertise the Products below the minimum advertised price.",
    "The Guarantor shall maintain a minimum net worth of USD 10,000,000.",
    "The Service shall achieve availability of at least 99.5% in each calendar month.",
    "This Agreement continues from year to year provided such continuance is approved at least annually by the Board.",
    "At least half of the minimum number of meetings shall be held in person.",
    "The Customer has no purchase commitment under this Agreement.",
]
FEE_FAMILIES = [
    "If the Customer terminates this Agreement under Section 12.2, the Customer shall pay the Supplier an amount "
    "equal to six (6) months' fees.",
    "In case of violation of this Article, the breaching Party shall pay to the other Party an amount equal to "
    "USD 100,000.",
    "The Contractor shall pay USD 500 for each day of delay in delivering the Deliverables.",
    "Upon termination by the Client for convenience, the Client shall forfeit the deposit paid under Section 3.",
    "If this Agreement is terminated early, the Licensee shall reimburse the unamortized costs of the equipment.",
]
FEE_LOOK_ALIKES = [
    "Upon termination, the Customer shall pay all fees for Services performed up to the effective date of termination.",
    "Orders may be rescheduled or cancelled subject to the cancellation fees in Schedule 4.",
    "LIABILITY FOR EARLY TERMINATION FEES IS EXCLUDED FROM THESE LIMITATIONS OF LIABILITY.",
]
RENEWAL_FAMILIES = [
    "Following the initial maintenance term, the Customer may, at its option, renew maintenance for successive "
    "periods of one (1) year.",
    "The licence shall extend for a period of twenty-four (24) months unless terminated under clause 8.",
    "This Addendum may be extended for up to three (3) additional periods of twelve (12) months by written notice "
    "given by the Customer.",
    "When this Agreement expires, the Franchisee will have the option to continue the franchise relationship for "
    "two additional terms.",
]
EXIT_FAMILIES = [
    "If this Agreement is terminated by the Licensor under Section 12, the Licensee shall deliver all regulatory "
    "filings to the Licensor.",
    "The indemnities in Section 8 shall remain in full force and effect regardless of any termination of this "
    "Agreement.",
    "During the Term and for two (2) years thereafter, the Distributor shall keep complete records of all sales of "
    "the Products.",
    "The Distributor may sell its remaining inventory of Products for six (6) months.",
    "Unless this Agreement is terminated by the Company under Section 12.2(c), the Distributor shall assign the "
    "regulatory approvals to the Company.",
    "In the event of any termination of this Agreement under Section 14, then:",
    "The Supplier shall continue to supply spare parts for five (5) years after discontinuation of the Product.",
    "The Supplier shall provide Termination Assistance Services at the rates in Schedule B.",
    "Either party may terminate this Agreement if the other party becomes insolvent.",
    "The Supplier shall keep the product liability insurance in force for three (3) years following termination of "
    "this Agreement.",
]
EXIT_LOOK_ALIKES = [
    "During the Term and for two (2) years thereafter, the Consultant shall not solicit any employee of the Company.",
    "For one year after termination, the Franchisee shall not directly or indirectly operate a restaurant of the "
    "same kind.",
    "The term of this Agreement shall commence on 1 April 2026 and continue for three (3) years, unless earlier "
    "terminated.",
    "The Licensor may inspect the Licensee's premises during the Term and for one year after the Term.",
]
MAINTENANCE_FAMILIES = [
    "The Distributor may offer a six-month warranty on the Products to its customers.",
    "If a Product fails to comply with the foregoing warranty, the Supplier shall repair or replace it.",
    "The Distributor shall have thirty (30) days after receipt of each shipment to inspect and test the Products.",
    "Unless the Buyer notifies the Seller within thirty (30) days that the Goods do not meet the Specifications, the "
    "Goods shall be deemed accepted.",
    "The Buyer may reject any batch that fails to comply with the Specifications within ten (10) days of delivery.",
    "For a period of ten (10) years following installation, the Vendor will provide, without charge, safety updates "
    "for the System.",
    "Products shall have a remaining shelf life of at least eighteen (18) months on delivery.",
    "The Seller's warranties in this Section shall survive delivery for a period of twelve (12) months.",
]
MAINTENANCE_LOOK_ALIKES = [
    "Either party may inspect the other's books and records within thirty (30) days of a written request.",
    "SOFTWARE MAINTENANCE AGREEMENT",
    "The Payor shall pay any deficiency within fifteen (15) days of the audit report.",
]

CASES = [
    (CONVENIENCE, CONVENIENCE_FAMILIES, CONVENIENCE_LOOK_ALIKES),
    (EXCLUSIVITY, EXCLUSIVITY_FAMILIES, EXCLUSIVITY_LOOK_ALIKES),
    (MINIMUM, MINIMUM_FAMILIES, MINIMUM_LOOK_ALIKES),
    (FEE, FEE_FAMILIES, FEE_LOOK_ALIKES),
    (RENEWAL, RENEWAL_FAMILIES, []),
    (EXIT, EXIT_FAMILIES, EXIT_LOOK_ALIKES),
    (MAINTENANCE, MAINTENANCE_FAMILIES, MAINTENANCE_LOOK_ALIKES),
]


@pytest.mark.parametrize(
    "detector, text",
    [(d, t) for d, family, _ in CASES for t in family],
    ids=lambda value: getattr(value, "kind", str(value)[:50]),
)
def test_phrasing_family_is_recognised(detector, text):
    assert detector.is_relevant(text)


@pytest.mark.parametrize(
    "detector, text",
    [(d, t) for d, _, look_alikes in CASES for t in look_alikes],
    ids=lambda value: getattr(value, "kind", str(value)[:50]),
)
def test_look_alike_is_not_recognised(detector, text):
    assert not detector.is_relevant(text)


HEAD = (
    'SERVICES AGREEMENT\n\nThis Agreement is made between Acme Retail Inc. ("Client") and '
    'NeuralForge Labs Ltd. ("Vendor").\n\n'
)


def review(body: str):
    return review_contract(HEAD + body, "c.txt")


def test_a_convenience_heading_makes_any_right_to_terminate_count():
    found = review(
        "12. Termination for Convenience\n12.1 The Client may terminate this Agreement if it no longer "
        "requires the Services, on thirty (30) days' notice.\n"
    )
    assert found.flag("no_termination_for_convenience") is None


def test_a_cause_heading_takes_the_convenience_out_of_a_notice_only_grant():
    found = review(
        "12. Termination for Breach\n12.1 Either party may terminate this Agreement on thirty (30) days' "
        "written notice.\n"
    )
    assert found.flag("no_termination_for_convenience") is not None


def test_a_table_of_contents_is_not_evidence():
    found = review(
        "CONTENTS\n7.1 Term 12 7.2 Termination for Cause 12 7.3 Termination for Convenience by Client 13 "
        "7.4 Effect of Termination 13\n\n7. Term\n7.1 This Agreement runs for two years.\n"
    )
    assert found.flag("no_termination_for_convenience") is not None


def test_cancellation_charges_for_cancelled_orders_are_not_a_termination_fee():
    found = review(
        "4. Orders\n4.1 The Client may cancel any purchase order before shipment.\n\n"
        "5. Charges\n5.1 The Client shall pay the cancellation charges set out in Schedule 2.\n"
        "5.2 Upon payment of the cancellation charges, all materials on order become the property of the "
        "Client.\n"
    )
    assert found.flag("termination_fee") is None


def test_a_cancellation_charge_for_leaving_the_contract_stays_a_termination_fee():
    found = review(
        "5. Charges\n5.1 If the Client terminates this Agreement early, the Client shall pay a cancellation "
        "charge of USD 20,000.\n"
    )
    assert found.flag("termination_fee") is not None


def test_an_acceptance_window_speaks_about_quality_but_is_not_maintenance():
    window = (
        "The Client shall accept or reject each Deliverable within ten (10) business days of delivery; a "
        "Deliverable not rejected in that period is deemed accepted."
    )
    assert MAINTENANCE.is_relevant(window)
    assert review("3. Acceptance\n3.1 " + window + "\n").clauses.maintenance.status == "absent"
