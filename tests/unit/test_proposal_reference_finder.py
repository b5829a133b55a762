"""The reference finder on past projects described in ordinary ways (sentences written for these tests)."""

from __future__ import annotations

import pytest

from inhouse.analysis.proposals import assess_text
from inhouse.domain.partners import Answer

Y, N, U = Answer.YES, Answer.NO, Answer.UNKNOWN


def refs(text: str, kind: str | None = None):
    return assess_text(text, "doc.md", kind=kind).references


def answers(ref) -> tuple[Answer, Answer, Answer]:
    return ref.similar_scale, ref.still_running, ref.client_contact_offered


@pytest.mark.parametrize(
    ("sentence", "client"),
    [
        (
            "The closest thing we've done is for Ravensmoor Orthopaedic Partners, a two-site practice.",
            "Ravensmoor Orthopaedic Partners",
        ),
        ("The nearest match in our portfolio was with Quillon Health last spring.", "Quillon Health"),
        ("We did something similar for a large European retailer in 2023.", "a large European retailer"),
        ("We've done something very like this with Brackwater Group.", "Brackwater Group"),
        ("Last year we ran a project with Tessaly Foods Ltd on the same problem.", "Tessaly Foods Ltd"),
        ("A project with the University of Marlow in 2022 covered exactly this.", "the University of Marlow"),
        ("For Okonkwo Freight Inc., we built a dispatch planner that cut empty miles.", "Okonkwo Freight Inc."),
        ("At a regional water utility, our team replaced a spreadsheet forecast.", "a regional water utility"),
        ("Helvik Energi GmbH, a municipal energy supplier, asked us to automate meter checks.", "Helvik Energi GmbH"),
        ("We recently delivered a churn model for one of the big Nordic insurers.", "one of the big Nordic insurers"),
        ("Our team rolled out the same scheduling engine at Corvane County Council.", "Corvane County Council"),
        ("I led a comparable rollout for a mid-sized hospital trust in the Midlands.", "a mid-sized hospital trust"),
        ("We have previously worked with the Ministry of Transport on road-sensor data.", "the Ministry of Transport"),
        ("Pellham University has used our triage model since 2021.", "Pellham University"),
    ],
)
def test_a_past_project_in_many_wordings_is_found_with_its_client(sentence, client):
    found = refs(f"# Our experience\n\n{sentence}\n")
    assert [r.client for r in found] == [client]
    assert found[0].evidence[0] == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "We will run a pilot with your logistics team in March.",
        "We propose a six-week pilot with the Leeds depot.",
        "At the end of the pilot we compare error rates with your baseline.",
        "We have helped 200+ companies modernise their reporting.",
        "Our platform is used by several leading banks.",
        "We have limited experience with Basque-language documents.",
        "We've only ever done this for Spanish-speaking contact centres.",
        "We integrated with Salesforce and SAP in earlier work.",
        "We measured twice the error rate compared with the rest of the sample.",
        "For Dunmore Mills we propose a four-year framework agreement.",
        "Sure - the pilot is the first month of the contract, in one depot.",
        "Since 2019 we have delivered more than 60 sites across Europe.",
    ],
)
def test_offers_limits_generic_claims_and_tools_are_no_reference(sentence):
    assert refs(f"# Proposal\n\n{sentence}\n") == ()


def test_the_three_answers_with_evidence_from_the_following_sentences():
    ref = refs("""# Relevant work
The closest thing we've done is for Ardmore Vision Clinics, a group of about 40 clinics.
It has been in production since 2022 and their ops lead still uses it every morning.
I'll connect you directly with her if that helps.
""")[0]
    assert ref.client == "Ardmore Vision Clinics"
    assert answers(ref) == (U, Y, Y)
    assert ref.evidence[1].startswith("It has been in production since 2022")
    assert ref.evidence[-1] == "I'll connect you directly with her if that helps."


@pytest.mark.parametrize(
    ("follow_up", "expected"),
    [
        ("They agreed to speak to prospective clients.", (U, U, Y)),
        ("A reference is available on request.", (U, U, Y)),
        ("Happy to introduce you to their CFO.", (U, U, Y)),
        ("The engagement is confidential, so we can't share contact details.", (U, U, N)),
        ("The system was retired in 2024 when they merged.", (U, N, U)),
        ("They switched it off after the pilot ended.", (U, N, U)),
        ("It still runs every night, three years on.", (U, Y, U)),
        ("They are roughly your size.", (Y, U, U)),
        ("They are about ten times your volume.", (N, U, U)),
        ("Their operation is much smaller than yours.", (N, U, U)),
    ],
)
def test_each_answer_in_ordinary_words(follow_up, expected):
    ref = refs(f"# Experience\nWe built a returns classifier for Margate Home Retail. {follow_up}\n")[0]
    assert answers(ref) == expected


def test_scale_is_compared_from_counts_with_the_clients_own():
    text = """# Proposal for Fenwick Dental
Fenwick runs 85 practices and books about 2,000 appointments a day.

# Experience
We did something similar for a national dental chain with 110 practices.

We also built a reminder service for a single-site orthodontist with 1 practice.
"""
    first, second = refs(text)
    assert first.similar_scale is Y and second.similar_scale is N


def test_in_a_call_the_clients_question_is_answered_by_the_partner_and_the_speaker_is_named():
    text = """Transcript - intro call

Mara Quist (Lumenfold): We've done something comparable for Saltire Housing Association, about 9,000 homes.
Dev Patel (Brightstone Homes): Is that still running? And could we speak to them?
Mara Quist (Lumenfold): Yes, it's been live since 2023. I can put you in touch with their head of repairs.
Dev Patel (Brightstone Homes): Great, thanks.
"""
    found = refs(text, kind="transcript")
    assert len(found) == 1
    ref = found[0]
    assert ref.client == "Saltire Housing Association"
    assert ref.said_by.startswith("Mara Quist")
    assert (ref.still_running, ref.client_contact_offered) == (Y, Y)
    assert all("Dev Patel" not in quote for quote in ref.evidence)


def test_a_client_describing_its_own_vendors_is_no_reference():
    text = """Transcript

Jo Ames (Client Co): We signed with a vendor for a large hospital trust project, it went badly.
Sam Roy (Vendorly): Understood - what went wrong?
"""
    assert refs(text, kind="transcript") == ()


def test_a_references_list_with_anonymised_and_named_clients():
    found = refs("""## References
- Mid-size grocery chain (140 stores): demand forecasting, live since 2021, contact on request
- Torvald Shipping: route optimisation, decommissioned in 2023
""")
    assert [r.client for r in found] == ["Mid-size grocery chain", "Torvald Shipping"]
    assert answers(found[0])[1:] == (Y, Y)
    assert found[1].still_running is N


def test_a_later_sentence_naming_the_same_client_adds_to_its_reference():
    found = refs("""# Experience
We built a claims triage tool for Greyhaven Mutual in 2021.

Our pricing is on page 4.

At Greyhaven Mutual, we later extended the tool to motor claims; it is still in daily use there.
""")
    assert len(found) == 1
    assert found[0].still_running is Y
