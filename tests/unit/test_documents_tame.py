"""Pathological runs are cut short before any analyzer reads a text, and nothing else changes."""

from __future__ import annotations

from inhouse.analysis.documents import read_document
from inhouse.analysis.documents.pdf_writer import write_pdf
from inhouse.analysis.documents.text import BLANK_RUN, MARK_RUN, SPACE_RUN, tame
from inhouse.analysis.journal.text import decode

ORDINARY = (
    "MASTER SERVICES AGREEMENT\n\n1. Ownership.  All deliverables are assigned to the Client.\n"
    "   Name:\t\tAnn Lee          Title: CTO\n" + "-" * 40 + "\n\n\n\nEnd ... of == page.\n"
)


def test_ordinary_text_is_left_as_it_is():
    assert tame(ORDINARY) == ORDINARY
    assert tame("") == "" and tame("  ") == "  "


def test_long_runs_are_cut_to_their_limits():
    assert tame("a" + " " * 5000 + "b") == "a" + " " * SPACE_RUN + "b"
    assert tame("a" + "\t " * 900 + "b") == "a" + "\t " * (SPACE_RUN // 2) + "b"
    assert tame("x" + "=" * 5000 + "y") == "x" + "=" * MARK_RUN + "y"
    assert tame("x" + "<" * 300 + "." * 300) == "x" + "<" * MARK_RUN + "." * MARK_RUN
    assert tame("top" + " \n" * 4000 + "bottom") == "top" + "\n" * BLANK_RUN + "bottom"
    assert tame("words " * 50_000) == "words " * 50_000  # long, but nothing pathological in it


def test_every_reader_hands_on_the_tamed_text():
    content = "Scope\n" + " " * 10_000 + "the pilot\n" + "#" * 10_000 + "\n"
    assert read_document(content.encode(), "proposal.md").text == tame(content)
    assert decode(content.encode(), "note.md") == tame(content)


def test_a_pdf_is_tamed_page_by_page_and_its_page_starts_stay_true():
    result = read_document(write_pdf(["Fees" + " " * 400 + "monthly.", "2. Exit. Either party may end it."]), "m.pdf")
    assert " " * (SPACE_RUN + 1) not in result.text
    assert result.page_of(result.text.index("2. Exit")) == 2
