"""Reference shapes met in ordinary proposals, calls and threads (batch 15), in wording of our own."""

from __future__ import annotations

from inhouse.analysis.proposals import assess_text, parse_document
from inhouse.analysis.proposals import reference_model as rm
from inhouse.analysis.proposals.speakers import assign_sides, parse_transcript


def _answers(text: str, name: str = "proposal.md", kind: str | None = "proposal") -> list[tuple[str, str, str]]:
    found = assess_text(text, name, kind=kind).references
    return [(r.similar_scale.value, r.still_running.value, r.client_contact_offered.value) for r in found]


def test_an_entry_labelled_by_the_clients_name_alone_opens_a_reference():
    text = (
        "# Selected experience\n\n"
        "**Orrin Valley Foods.** Orrin run about 90 lines, close to your size. In 2021 we built them a waste "
        "forecast that is still in use on every line. Their plant director is happy to speak to you.\n\n"
        "Harbour Mills.\n\nA flour miller with two sites. We delivered a moisture model there in 2019.\n"
    )
    found = assess_text(text, "experience.md", kind="proposal").references
    assert [r.client for r in found][:1] == ["Orrin Valley Foods"]
    assert _answers(text, "experience.md")[0] == ("yes", "yes", "yes")


def test_proven_results_heads_references():
    text = (
        "## Proven results\n\n"
        "Tollan Mutual.\n\nWe automated claims intake for Tollan Mutual in 2022; it has been in production since.\n"
    )
    assert [r.client for r in assess_text(text, "results.md", kind="proposal").references] == ["Tollan Mutual"]


def test_the_client_named_as_the_comparison_is_a_reference():
    text = (
        "Client: Do you have anyone like us?\n"
        "Partner: Kettering Ambulance Trust is the closest comparison, about 60 stations. We launched their "
        "scheduler in 2020 and I'll gladly put you in touch.\n"
        "Client: Thanks.\n"
        "Partner: Anything else?\n"
    )
    found = assess_text(text, "call.txt", kind="transcript", partner="Partner").references
    assert [r.client for r in found] == ["Kettering Ambulance Trust"]
    assert found[0].client_contact_offered.value == "yes"


def test_present_work_for_a_client_is_a_reference_and_an_interjection_is_no_client():
    text = (
        "Client: Have you done this before?\n"
        "Partner: Yeah, definitely. We also run the timetable service for a regional ferry operator, which carries "
        "about a tenth of your passengers. It's live today.\n"
        "Client: Good.\n"
        "Partner: Great.\n"
    )
    found = assess_text(text, "call.txt", kind="transcript", partner="Partner").references
    assert [r.client for r in found] == ["a regional ferry operator"]
    assert found[0].still_running.value == "yes"


def test_work_said_to_be_over_is_not_running_unless_the_sentence_says_what_runs_now():
    ended = "# Past work\n\nWe built a route planner for a Welsh courier in 2020. That engagement wrapped up in 2022.\n"
    assert _answers(ended) == [("unknown", "no", "unknown")]
    handed = (
        "# Past work\n\nWe built a route planner for a Welsh courier in 2020. "
        "The project finished in 2021 and they still run it themselves.\n"
    )
    assert _answers(handed) == [("unknown", "yes", "unknown")]


def test_live_for_a_stretch_and_anonymity_or_withheld_contacts():
    text = (
        "# References\n\nWe built the triage model for a dental group in Leeds. It has been live for about "
        "fourteen months now. They've asked to remain anonymous.\n\n"
        "We did the same for a vet chain in Bristol in 2021. They asked us not to hand out their details.\n"
    )
    assert _answers(text) == [("unknown", "yes", "no"), ("unknown", "unknown", "no")]


def test_an_indented_present_list_gives_each_speaker_an_organisation_and_a_title_line_is_no_speaker():
    text = (
        "TOWN HALL - SUPPLIER SESSION\n"
        "Programme Board Review: Parking Permits\n\n"
        "Present:\n"
        "  MARA QUILLAN \u2014 Dunholm Town Council, Head of Parking\n"
        "  OSSIAN REEVE \u2014 Brightlane Software, Director\n\n"
        "MARA: Thanks for joining. What would you build for us?\n"
        "OSSIAN: We would start with your permit renewals and keep the rest as it is.\n"
        "MARA: How long would that take?\n"
        "OSSIAN: About six weeks for a first version.\n"
    )
    conversation = parse_transcript(text)
    assert conversation is not None
    assert set(conversation.speakers) == {"MARA", "OSSIAN"}
    assert "brightlanesoftware" in conversation.affiliations["OSSIAN"]
    assert "dunholmtowncouncil" in conversation.affiliations["MARA"]
    sides = assign_sides(conversation, text, partner_name="Brightlane Software")
    assert sides == {"MARA": "client", "OSSIAN": "partner"}


def test_the_model_never_opens_at_a_line_that_is_no_sentence_an_offer_or_an_unnamed_count():
    view = rm.document_view(
        parse_document(
            "BRIGHTLANE SOFTWARE LTD\n\n"
            "Ossian Reeve | Director | Brightlane Software\n\n"
            "We will run a pilot with your permits team in May.\n\n"
            "Since 2018 we have delivered more than 40 sites across the region.\n\n"
            "Harbour Mills - about 700 staff - live since 2022 - happy to put you in touch with their lead\n",
            "proposal",
        )
    )
    allowed = [unit["text"] for unit in view["units"] if rm.may_open(unit)]
    assert allowed == ["Harbour Mills - about 700 staff - live since 2022 - happy to put you in touch with their lead"]
