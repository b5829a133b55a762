"""References extracted from documents: similar scale, still running, contact offered."""

from __future__ import annotations

from inhouse.analysis.proposals import assess_text
from inhouse.domain.partners import Answer


def refs(text):
    return assess_text(text, "doc.md").references


def test_a_reference_with_all_three_answers_yes():
    found = refs("""# Experience
We built a similar routing assistant for a regional food distributor with about 120 vehicles, a similar size to you.
It has been running since 2021 and is still in daily use. Their transport manager is happy to speak with you directly.
""")
    assert len(found) == 1
    ref = found[0]
    assert (ref.similar_scale, ref.still_running, ref.client_contact_offered) == (Answer.YES, Answer.YES, Answer.YES)
    assert ref.evidence[0].startswith("We built a similar routing assistant")


def test_a_reference_with_answers_no():
    ref = refs("""# References
Our largest deployment is at a global bank with 40 million customers, considerably larger than you.
The system was decommissioned in 2023. Due to confidentiality we are unable to share the client's name.
""")[0]
    assert (ref.similar_scale, ref.still_running, ref.client_contact_offered) == (Answer.NO, Answer.NO, Answer.NO)


def test_unknown_when_the_document_does_not_say():
    ref = refs("# Experience\nWe delivered a demand forecasting model for a garden centre chain in Belgium.\n")[0]
    assert ref.model_dump(mode="json") == {
        "similar_scale": "unknown",
        "still_running": "unknown",
        "client_contact_offered": "unknown",
        "evidence": ["We delivered a demand forecasting model for a garden centre chain in Belgium."],
        "client": "a garden centre chain",
        "said_by": "",
    }


def test_generic_claims_and_present_tense_are_not_references():
    assert (
        refs("""# About us
We have helped 300+ companies transform their operations. We run at 19 terminals.
Our platform is used by several leading banks. References are available on request.
""")
        == ()
    )


def test_a_general_offer_to_contact_references_applies_to_each():
    found = refs("""# Experience
We built a claims triage model for a mutual insurer in Belgium. We also developed a fraud model for a Dutch carrier.

You can speak to any of these clients; we will gladly arrange a call.
""")
    assert len(found) == 2
    assert all(ref.client_contact_offered is Answer.YES for ref in found)
