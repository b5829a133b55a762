"""The one sentence splitter: abbreviations, initials, dates and clause numbers stay inside a
sentence, a labelled part of a document ("Exhibit B.") ends one, and offsets always hold."""

from __future__ import annotations

import pytest

from inhouse.analysis.contracts.structure import parse
from inhouse.analysis.documents.sentences import sentence_spans
from inhouse.analysis.proposals.text import sentences as proposal_sentences


def _split(text: str, **options: bool) -> list[str]:
    spans = list(sentence_spans(text, **options))
    return [text[start:end] for start, end in spans]


@pytest.mark.parametrize(
    "text",
    [
        "The terms of Sec. 2.1 apply to every deliverable.",
        "Mr. J. R. Smith signs for the customer.",
        "The agreement starts on Jan. 5, 2026 and runs for a year.",
        "Tools, e.g. notebooks and scripts, are deliverables.",
        "The U.S. office of the vendor handles support.",
        "Harbor Systems Inc. shall keep the source in escrow.",
        "Payment is due within approx. 30 days of the invoice.",
        "See Dr. Okafor and Prof. Lindqvist for the review.",
    ],
)
def test_one_sentence_stays_whole(text):
    assert _split(text) == [text]
    assert [text[a:b] for a, b in proposal_sentences(text, 0, len(text))] == [text]


def test_a_labelled_exhibit_ends_its_sentence():
    text = "The fees are set out in Exhibit B. Payment is due monthly. See Schedule C. It lists the rates."
    assert _split(text) == [
        "The fees are set out in Exhibit B.",
        "Payment is due monthly.",
        "See Schedule C.",
        "It lists the rates.",
    ]


def test_an_initial_after_a_name_is_no_label():
    assert _split("Signed by Ana K. Brandt on behalf of the client.") == [
        "Signed by Ana K. Brandt on behalf of the client."
    ]


def test_clause_numbers_and_semicolons():
    text = "7. Term\n7.1 The term is one year; it renews once. 7.2 Either party may end it."
    assert _split(text) == ["7. Term\n7.1 The term is one year;", "it renews once.", "7.2 Either party may end it."]
    assert _split(text, semicolons=False)[0] == "7. Term\n7.1 The term is one year; it renews once."


def test_offsets_are_into_the_original_text():
    text = "  Intro line.\n\nSec. 4 applies. Mr. Lee agrees!  Does he? Yes.\n- a bullet item\n"
    for start, end in sentence_spans(text, 0, len(text)):
        assert text[start:end] == text[start:end].strip() and text[start:end]
    assert _split(text) == ["Intro line.", "Sec. 4 applies.", "Mr. Lee agrees!", "Does he?", "Yes.", "- a bullet item"]


def test_a_window_of_the_text_is_split_with_offsets_into_the_whole():
    text = "Ignored before. Inside one. Inside two. Ignored after."
    begin, end = text.index("Inside"), text.index(" Ignored after")
    assert [text[a:b] for a, b in sentence_spans(text, begin, end)] == ["Inside one.", "Inside two."]


def test_contracts_and_proposals_share_the_splitter():
    text = "1. Fees\nThe price is in Exhibit B. Payment follows Mr. J. R. Smith's approval on Jan. 5, 2026."
    contract = [s.text for s in parse(text).sentences]
    assert "The price is in Exhibit B." in contract
    assert "Payment follows Mr. J. R. Smith's approval on Jan. 5, 2026." in contract
    body = text.split("\n", 1)[1]
    assert [body[a:b] for a, b in proposal_sentences(body, 0, len(body))] == [
        "The price is in Exhibit B.",
        "Payment follows Mr. J. R. Smith's approval on Jan. 5, 2026.",
    ]
