"""The reference finder and the honest-limits rule on the shapes batch 13 found missing.

One test (or case) per category fixed after blind13's first run (figures in docs/proposals.md),
each in wording written for these tests, none taken from the benchmark documents: field lists
without full stops, calls of two or three turns, chat exports with "9:41 AM" stamps, replies that
list references on request, relative scale ("30% fewer ... than you", "half your ..."), statuses
that open a table cell or a field, contact refused or offered only to the partner's own people,
and two things that are no limit (how an offer is packaged, a product working "with no ...")."""

from __future__ import annotations

import pytest

from inhouse.analysis.proposals import assess_text, detect_kind, parse_document
from inhouse.analysis.proposals.reference_answers import (
    CONTACT_NO,
    CONTACT_YES,
    RUNNING_NO,
    RUNNING_YES,
    SCALE_NO,
    SCALE_YES,
    answer,
    answered_count,
    stated_against_yours,
)
from inhouse.analysis.proposals.speakers import parse_transcript
from inhouse.analysis.proposals.text import heading_of, sentences
from inhouse.domain.partners import Answer
from tests.reading_support import reference_answers

_answers = reference_answers


# --- field lists without full stops -----------------------------------------------------------

FIELD_LIST = (
    "OFFER FOR ASHGROVE LIBRARIES\n\n"
    "Client: Ashgrove Libraries\n"
    "Prepared by: Fennick Labs\n\n"
    "OUR SUGGESTION\n\n"
    "We suggest matching your catalogue records against the national register, one branch first.\n\n"
    "PREVIOUS PROJECTS\n\n"
    "Client: Pellinor County Archives\n"
    "Work: duplicate record matching\n"
    "Size: 40 branches (Ashgrove: 35)\n"
    "Status: still in service\n"
    "Referee: on request\n\n"
    "Client: a regional museum service in the north\n"
    "Work: image tagging\n"
    "Status: paused in 2021\n"
)


def test_each_field_of_a_list_is_its_own_sentence():
    start = FIELD_LIST.index("Client: Pellinor")
    end = FIELD_LIST.index("\n\nClient: a regional")
    spans = sentences(FIELD_LIST, start, end)
    assert [FIELD_LIST[a:b].split(":")[0] for a, b in spans] == ["Client", "Work", "Size", "Status", "Referee"]


def test_a_prose_paragraph_is_not_cut_at_a_colon():
    text = "We met three teams: sales, support and finance. Each told us the same thing."
    assert len(sentences(text, 0, len(text))) == 2


def test_field_list_entries_are_references_and_only_the_header_client_is_current():
    document = parse_document(FIELD_LIST, "proposal")
    assert "Ashgrove Libraries" in document.client_names
    assert not any("Pellinor" in name for name in document.client_names)
    assert _answers(FIELD_LIST) == [("yes", "yes", "yes"), ("unknown", "no", "unknown")]


def test_a_header_client_line_alone_is_no_reference():
    text = "PROPOSAL\n\nClient: Ashgrove Libraries\nPrepared by: Fennick Labs\n\nWe propose a two-week pilot.\n"
    assert _answers(text) == []
    assert parse_document(text, "proposal").client_names == ["Ashgrove Libraries"]


def test_a_bare_number_or_divider_is_no_heading():
    assert heading_of("C.2") is None
    assert heading_of("---------- 04 ----------") is None
    assert heading_of("Case in point") == "Case in point"


# --- calls of two or three turns -------------------------------------------------------------

SHORT_CALL = (
    "Phone call notes, 3 March\n\n"
    "Greta Lindahl: Before I show you anything, how do your inspectors log defects today, and what happens "
    "to a report once it is filed?\n\n"
    "Marcus Obi: On paper, typed up on Fridays. We have about twenty inspectors. Have any other councils "
    "actually used this?\n\n"
    "Greta Lindahl: Yes - a borough council in Kent with roughly your headcount has used it since 2023, and "
    "it still files every report for them. I'll connect you with their inspection manager.\n"
)


def test_a_three_turn_call_is_a_transcript_with_its_reference():
    assert detect_kind(SHORT_CALL) == "transcript"
    conversation = parse_transcript(SHORT_CALL)
    assert conversation is not None and conversation.speakers == ["Greta Lindahl", "Marcus Obi"]
    found = assess_text(SHORT_CALL, "call.txt").references
    assert [(r.similar_scale.value, r.still_running.value, r.client_contact_offered.value) for r in found] == [
        ("yes", "yes", "yes")
    ]
    assert found[0].said_by == "Greta Lindahl"


def test_a_two_turn_exchange_is_split_into_turns():
    text = (
        "Notes from the call\n\n"
        "Petra Vance: Could you tell me how your drivers hand over the van keys at the end of a shift?\n\n"
        "Omar Haddad: They leave them in a box at the depot and we count them in the morning.\n"
    )
    conversation = parse_transcript(text)
    assert conversation is not None and len(conversation.turns) == 2


def test_a_team_list_in_a_proposal_is_not_a_call():
    text = (
        "# Proposal\n\nWe propose a four-week pilot with your planning office, at a fixed fee.\n\n"
        "## Team\n\nLena Fisk: delivery lead\nTobias Rand: data engineer\n\n"
        "## Pricing\n\nThe pilot costs EUR 9,000. After it you decide whether to go further.\n"
    )
    assert detect_kind(text) == "proposal"


def test_chat_export_lines_with_am_pm_stamps_start_turns():
    text = (
        "Shared channel export\n\n"
        "Nadia Brook (Fennick Labs)  2:14 PM\nHappy to answer anything about the rollout.\n\n"
        "Colm Tierney (Ashgrove)  2:20 PM\nHow long did the last one take?\n\n"
        "Nadia Brook (Fennick Labs)  2:22 PM\nAbout six weeks from kickoff.\n\n"
        "Colm Tierney (Ashgrove)  2:25 PM\nThanks, that helps.\n"
    )
    conversation = parse_transcript(text)
    assert conversation is not None
    assert conversation.speakers == ["Nadia Brook (Fennick Labs)", "Colm Tierney (Ashgrove)"]


# --- references given on request ---------------------------------------------------------------


def test_a_numbered_reply_to_a_request_for_references_names_each_client():
    text = (
        "From: Colm Tierney <colm@ashgrove-libs.org>\nTo: Nadia Brook <nadia@fennicklabs.io>\n"
        "Subject: references\n\nHi Nadia,\n\nCould you send us a couple of references before Thursday?\n\n"
        "Colm\n\n"
        "From: Nadia Brook <nadia@fennicklabs.io>\nTo: Colm Tierney <colm@ashgrove-libs.org>\n"
        "Subject: Re: references\n\nHi Colm,\n\nHere are two:\n\n"
        "1. Quenby Parish Trust. We indexed their parish registers in 2022 and they still search them daily. "
        "Their archivist is happy to talk to you.\n\n"
        "2. Orrin Valley Heritage. The same indexing, but they cancelled the contract after a year. "
        "They prefer not to be contacted.\n\n"
        "Best,\nNadia\n"
    )
    found = assess_text(text, "thread.txt", kind="email").references
    assert [r.client for r in found] == ["Quenby Parish Trust", "Orrin Valley Heritage"]
    assert [(r.still_running.value, r.client_contact_offered.value) for r in found] == [("yes", "yes"), ("no", "no")]


def test_a_reply_to_how_many_gives_the_client_count_its_unit():
    assert answered_count("How many loading bays do you run at the main site?", "Roughly 120, give or take.") == {
        "bay": 120.0
    }
    assert answered_count("What do you think of the plan?", "About 120.") == {}


def test_the_clients_bare_count_answers_the_partners_how_many():
    text = (
        "Ada Stone (Fennick Labs): How many loading bays does the main site have?\n"
        "Ben Marsh (Ashgrove Freight): About 110.\n"
        "Ada Stone (Fennick Labs): And how are they booked today?\n"
        "Ben Marsh (Ashgrove Freight): By phone and a whiteboard. Have you done this before?\n"
        "Ada Stone (Fennick Labs): Yes - Harrowfield Cargo, a parcel depot with 95 loading bays.\n"
        "Ben Marsh (Ashgrove Freight): Thanks.\n"
    )
    assert _answers(text, kind="transcript")[0][0] == "yes"


# --- described clients -------------------------------------------------------------------------


def test_a_described_subject_with_a_place_and_an_aside():
    text = (
        "# Our experience\n\nA housing association in Leeds, about a third of your stock, ran our repairs "
        "triage for two years until they replaced it with their own system in 2022.\n"
    )
    assert _answers(text) == [("no", "no", "unknown")]


def test_roughly_your_fleet_and_runs_it_since():
    text = (
        "# Experience\n\nA courier firm with roughly your number of vans runs it from three hubs since 2021, "
        "and their operations lead will take a call.\n"
    )
    assert _answers(text) == [("yes", "yes", "yes")]


def test_case_in_point_is_a_reference_heading():
    text = "# Case in point\n\n- Wexcombe Outfitters: 900 stores (you: 750), in production since 2022\n"
    assert _answers(text) == [("yes", "yes", "unknown")]


# --- the answers themselves --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It handles about 40% fewer calls than you do.", Answer.YES),
        ("They run some 25 per cent more shifts than yours.", Answer.YES),
        ("Their network carries 250% more traffic than your network.", Answer.NO),
        ("We opened 12 depots (Marlowe runs 10).", Answer.YES),
        ("Their archive holds 900 boxes (Marlowe: 300).", Answer.NO),
    ],
)
def test_relative_and_named_counts(text, expected):
    assert stated_against_yours(text, ["Marlowe Records"]) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They are about half your size.", Answer.YES),  # a factor of two: similar
        ("Roughly half the county's caseload.", Answer.YES),
        ("They were about a third of your size.", Answer.NO),
    ],
)
def test_half_is_within_a_factor_of_two(text, expected):
    assert answer(text, SCALE_YES, SCALE_NO) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("| Riverside Care | rota planning | Paused in 2022 |", Answer.NO),
        ("Status: halted after the merger", Answer.NO),
        ("The dispatch desk still plans every shift with it.", Answer.YES),
        ("The same engine now runs at two county fire services.", Answer.YES),
        ("Their crews still want it back.", Answer.UNKNOWN),
    ],
)
def test_status_words(text, expected):
    assert answer(text, RUNNING_YES, RUNNING_NO) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The trust declined to act as a referee.", Answer.NO),
        ("Their head of IT has asked not to be contacted.", Answer.NO),
        ("Referee: not available", Answer.NO),
        ("We could put you in touch with our chairman, who knows the product well.", Answer.UNKNOWN),
        ("You are welcome to speak with our founders about the roadmap.", Answer.UNKNOWN),
        ("I can put you in touch with their head of planning.", Answer.YES),
    ],
)
def test_contact_words(text, expected):
    assert answer(text, CONTACT_YES, CONTACT_NO) is expected


def test_a_signature_footer_does_not_refuse_contact():
    text = (
        "From: Ivo Marsh <ivo@fennicklabs.io>\nTo: Dora Pike <dora@ashgrove.org>\nSubject: planning\n\n"
        "Dear Dora,\n\nWhen we rebuilt the rota engine for a regional care provider with a similar number of "
        "carers, they kept it; their coordinators still allocate every visit with it.\n\n"
        "Kind regards,\nIvo Marsh\nFennick Labs Ltd\nThis message is confidential and meant for the addressee only.\n"
    )
    assert _answers(text, kind="email") == [("yes", "yes", "unknown")]


# --- honest limits: no limit -------------------------------------------------------------------


def _limits(text: str) -> bool:
    return bool(assess_text(text, "doc.md", kind="proposal").signals["honest_limits"].value)


def test_how_an_offer_is_packaged_is_no_limit():
    assert not _limits(
        "# Commercials\n\nThe work is contracted in full; we don't sell the discovery stage separately.\n"
    )


def test_a_product_working_with_no_manual_step_is_no_limit():
    assert not _limits(
        "# What it does\n\nOur scheduler assigns every technician job overnight with no manual step in between.\n"
    )


def test_a_real_limit_still_counts_next_to_them():
    assert _limits(
        "# What it does\n\nOur scheduler assigns every technician job overnight with no manual step.\n\n"
        "# Limits\n\nWe have never scheduled work that needs two technicians on site at once.\n"
    )
