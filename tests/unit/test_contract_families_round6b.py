"""Round 6, second pass: the phrasing families behind the misses left after the first fixes of the
blind round-6 batch, each with a look-alike that must keep its old reading.

Every clause text here is written for these tests in wording of our own; none is copied from a
benchmark contract.
"""

from __future__ import annotations

from inhouse.analysis.contracts.engagement import engagement_model
from tests.reading_support import flag_binds, hours, reviewed

HEAD = (
    'SUPPORT AGREEMENT\n\nThis agreement is between Harrowgate Mills plc (the "Buyer") and Quillfeather Systems Ltd '
    '(the "Developer").\n\n'
)
LETTER = (
    'Dear Ms Okafor,\n\nThis letter sets out the terms on which Brackenridge Insight LLP ("we") will carry out the '
    'pricing review for Tolland Foods Ltd ("you").\n\n'
)


def review(body: str, head: str = HEAD):  # type: ignore[no-untyped-def]
    return reviewed(body, head)


def flags(body: str, head: str = HEAD) -> dict[str, str]:
    return flag_binds(body, head)


# --- both sides named by a pronoun: "either of us" ---------------------------------------------------------------


def test_either_of_us_may_end_the_engagement_is_a_right_for_both() -> None:
    body = "4. Either of us may bring this arrangement to an end: either of us may end this engagement at any time by giving the other one (1) month's written notice.\n"
    assert "no_termination_for_convenience" not in flags(body, LETTER)


def test_only_we_may_end_it_leaves_the_client_without_a_way_out() -> None:
    body = "4. We may end this engagement at any time by giving you one (1) month's written notice.\n"
    assert "no_termination_for_convenience" in flags(body, LETTER)


# --- source access: kept on the vendor's own machines, handed over when the work is complete -----------------------


def test_work_kept_on_the_vendors_own_servers_is_no_access_during_the_work() -> None:
    body = (
        "3. While the review runs we will hold the pricing scripts and notebooks on our own servers. Once the review "
        "is finished we will give you the scripts and the notebooks on an encrypted drive.\n"
    )
    assert review(body, LETTER).clauses.source_access.status == "after_only"


def test_work_kept_on_the_clients_own_servers_is_access_during_the_work() -> None:
    body = (
        "3. Throughout the engagement we will keep the pricing scripts and notebooks in your own code repository, "
        "which your analysts may view at any time.\n"
    )
    assert review(body, LETTER).clauses.source_access.status == "during"


def test_a_present_tense_refusal_of_source_code_is_no_access() -> None:
    body = "7.2 The Developer does not supply source code, trained weights or build scripts under this agreement.\n"
    assert review(body).clauses.source_access.status == "absent"


def test_source_code_supplied_on_acceptance_is_after_only() -> None:
    body = "7.2 The Developer will supply the source code of the plug-in to the Buyer upon acceptance.\n"
    assert review(body).clauses.source_access.status == "after_only"


def test_code_written_straight_into_the_clients_named_repositories_is_access_during() -> None:
    body = (
        "5.3 The Developer's engineers shall commit all scripts directly to the Buyer's Bitbucket Cloud repositories, "
        "so that the Buyer's staff can follow the work as it is being carried out.\n"
    )
    assert review(body).clauses.source_access.status == "during"


def test_code_moved_to_the_clients_repositories_only_at_exit_is_after_only() -> None:
    body = (
        "12.4 Upon termination the Developer shall transfer to the Buyer any scripts that are not yet in the Buyer's "
        "Bitbucket Cloud repositories.\n"
    )
    assert review(body).clauses.source_access.status == "after_only"


def test_an_operations_manual_open_to_the_client_throughout_the_term_is_access_during() -> None:
    body = (
        "6.1 The Developer shall keep an operations manual and a system design document for the cluster up to date "
        "and keep them available to the Buyer on the service desk at all times during the Term.\n"
    )
    assert review(body).clauses.source_access.status == "during"


def test_an_operations_manual_handed_over_on_exit_is_not_access_during() -> None:
    body = (
        "6.1 Upon expiry the Developer shall hand over the operations manual and the system design document for the "
        "cluster to the Buyer.\n"
    )
    assert review(body).clauses.source_access.status != "during"


# --- knowledge transfer: self-paced courses, sessions on how to use a tool, mixed fractions ---------------------------


def test_self_paced_online_courses_are_not_knowledge_transfer() -> None:
    body = "Training | Every licensed user may follow the Developer's self-paced video courses for all users online.\n"
    assert review(body).clauses.knowledge_transfer.status == "absent"


def test_live_sessions_beside_self_paced_courses_are_knowledge_transfer() -> None:
    body = (
        "8.1 Besides its self-paced courses, the Developer shall hold two live training sessions of three hours each "
        "for the Buyer's dispatch staff.\n"
    )
    finding = review(body).clauses.knowledge_transfer
    assert finding.status == "present"
    assert finding.hours == 6


def test_sessions_given_to_named_client_people_on_the_use_of_a_tool_are_knowledge_transfer() -> None:
    body = (
        "2.4 At go-live the Developer will give the Buyer's warehouse supervisor and her assistant three (3) remote "
        "sessions of forty (40) minutes each on the use of the scheduling console.\n"
    )
    finding = review(body).clauses.knowledge_transfer
    assert finding.status == "present"
    assert finding.hours == 2


def test_sessions_offered_only_on_request_at_standard_rates_are_not_knowledge_transfer() -> None:
    body = (
        "2.4 The Developer will give the Buyer's staff sessions on the use of the console upon request at its "
        "then-current rates.\n"
    )
    assert review(body).clauses.knowledge_transfer.status == "absent"


def test_a_half_written_as_a_mixed_fraction_counts() -> None:
    assert hours("training of the warehouse team for two and a half (2 1/2) days") == 20
    assert hours("training of the warehouse team for two (2) days") == 16


# --- exclusivity: "data ..." naming a kind of service ----------------------------------------------------------------


def test_a_promise_not_to_serve_others_with_data_services_is_exclusivity() -> None:
    body = (
        "9.1 For two years the Developer will not provide data engineering services to any other miller in the "
        "United Kingdom.\n"
    )
    assert flags(body).get("exclusivity") == "vendor"


def test_a_promise_not_to_give_data_to_others_is_no_exclusivity() -> None:
    body = "9.1 The Developer will not provide Buyer data or any reports based on it to any other person.\n"
    assert "exclusivity" not in flags(body)


# --- termination fee: a refund is no fee; the party in breach pays --------------------------------------------------


def test_a_refund_on_termination_for_the_vendors_breach_is_no_termination_fee() -> None:
    body = (
        "11.2 If the Buyer terminates for the Developer's breach, the Developer will refund any prepaid charges for "
        "the rest of the current term.\n"
    )
    assert "termination_fee" not in flags(body)


def test_fees_falling_due_when_the_vendor_ends_for_the_clients_breach_bind_the_client() -> None:
    body = (
        "11.3 If the Developer terminates for the Buyer's unremedied breach, all charges for the rest of the current "
        "term become payable at once.\n"
    )
    assert flags(body).get("termination_fee") == "client"


# --- auto-renewal stopped by one party only ---------------------------------------------------------------------


def test_a_renewal_only_the_client_may_stop_binds_the_client() -> None:
    body = (
        "13.1 The support period is one year and renews automatically for further years unless the Buyer gives "
        "notice of non-renewal ninety days before it ends.\n"
    )
    assert flags(body).get("auto_renewal") == "client"


def test_a_renewal_either_party_may_stop_binds_both() -> None:
    body = (
        "13.1 The support period is one year and renews automatically for further years unless either party gives "
        "notice of non-renewal ninety days before it ends.\n"
    )
    assert flags(body).get("auto_renewal") == "both"


# --- ownership: the vendor's earlier product named by a defined term; the client's thing made by someone else ------

DEFINED = (
    '1.2 "Loom Engine" means the Developer\'s scheduling library, which existed before the date of this Agreement.\n\n'
    "4.1 All intellectual property rights in the Bespoke Modules developed for the Buyer shall vest in the Buyer on "
    "creation.\n\n"
    "4.2 All rights in the Loom Engine, which the Bespoke Modules call, shall remain with the Developer.\n\n"
)


def test_rights_in_a_defined_earlier_product_kept_by_the_vendor_with_a_term_licence_are_partial() -> None:
    body = (
        DEFINED
        + "4.3 The Developer grants the Buyer a licence to use the Loom Engine while the support period lasts.\n"
    )
    result = review(body)
    assert result.clauses.deliverable_ownership.status == "partial"
    assert "vendor_retains_ip" in {f.kind for f in result.red_flags}


def test_the_same_product_under_a_perpetual_licence_leaves_the_client_owner() -> None:
    body = (
        DEFINED + "4.3 The Developer grants the Buyer a perpetual, irrevocable licence to use the Loom Engine with the "
        "Bespoke Modules.\n"
    )
    assert review(body).clauses.deliverable_ownership.status == "client"


def test_the_clients_own_system_made_by_another_firm_is_no_deliverable() -> None:
    body = (
        "Hosted System | the Buyer's stock control application, built for the Buyer by a third party and owned by "
        "the Buyer |\n\n2.1 The Developer will host the Hosted System and monitor it around the clock.\n"
    )
    assert review(body).clauses.deliverable_ownership.status == "absent"


def test_a_right_to_have_the_work_further_developed_by_others_keeps_the_client_owner() -> None:
    body = (
        "2.1 The Developer assigns to the Buyer all intellectual property rights in the software developed under this "
        "agreement, including the right to have it further developed by third parties.\n"
    )
    assert review(body).clauses.deliverable_ownership.status == "client"


def test_a_system_the_vendor_builds_for_the_client_and_the_client_owns_is_client() -> None:
    body = (
        "2.1 The stock control application developed by the Developer for the Buyer under this agreement shall be "
        "owned by the Buyer.\n"
    )
    assert review(body).clauses.deliverable_ownership.status == "client"


# --- minimum commitment: a minimum period the client may not leave -----------------------------------------------------


def test_a_minimum_period_the_client_may_not_leave_is_a_minimum_commitment() -> None:
    body = (
        "6.2 During the Minimum Hosting Period the Buyer may not end the hosting service except for the Developer's "
        "uncured breach.\n"
    )
    assert flags(body).get("minimum_commitment") == "client"


def test_a_right_to_leave_after_the_minimum_period_alone_is_no_minimum_commitment() -> None:
    body = "6.3 After the Minimum Hosting Period either party may end the hosting service on sixty days' notice.\n"
    assert "minimum_commitment" not in flags(body)


# --- engagement: a managed service's monthly fee, extras priced with decimals ------------------------------------


def test_a_hosted_service_with_extras_priced_per_hour_is_a_project() -> None:
    text = (
        "MANAGED HOSTING AGREEMENT\n\nMonthly Fee | £2,310.00 per month, payable in advance |\n\n"
        "Extra work rate | £120.50 per hour for additional services |\n\nThe Monthly Fee covers hosting and support.\n"
    )
    assert engagement_model(text) == "project"


def test_a_consulting_retainer_with_a_monthly_fee_stays_advisory() -> None:
    text = (
        "CONSULTING RETAINER\n\nMonthly Fee | £2,310.00 per month |\n\nThe consultant gives advice on pricing at the "
        "hourly rate of £120.50 per hour.\n"
    )
    assert engagement_model(text) == "advisory"
