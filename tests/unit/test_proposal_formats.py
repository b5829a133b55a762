"""`assess_document` reads every supported format through the document reader."""

from __future__ import annotations

import io

import docx
import pytest

from inhouse.analysis.documents.pdf_writer import write_text_pdf
from inhouse.analysis.proposals import assess_document
from inhouse.errors import AnalyzerError, InvalidInput

PARAGRAPHS = [
    "Proposal for Harlow Logistics",
    "You told us that your planners rebuild a third of all routes by hand every afternoon, and that drivers "
    "complain about late changes.",
    "Routing in cold-chain trucks is not our specialty; we have never worked with refrigerated fleets.",
    "We suggest a four-week pilot on one depot, with no commitment beyond the pilot.",
]
EXPECTED = {"problem_first": True, "honest_limits": True, "starts_small": True}


def _docx() -> bytes:
    document = docx.Document()
    document.add_heading(PARAGRAPHS[0], level=1)
    for paragraph in PARAGRAPHS[1:]:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


FORMATS = {
    "proposal.md": lambda: ("# " + "\n\n".join(PARAGRAPHS)).encode(),
    "proposal.txt": lambda: "\n\n".join(PARAGRAPHS).encode("utf-8"),
    "proposal.pdf": lambda: write_text_pdf("\n\n".join(PARAGRAPHS)),
    "proposal.docx": _docx,
    "proposal.html": lambda: (
        "<html><body><h1>" + PARAGRAPHS[0] + "</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:]) + "</body></html>"
    ).encode(),
}


@pytest.mark.parametrize("filename", sorted(FORMATS))
def test_each_format_gives_the_same_signals(filename):
    result = assess_document(FORMATS[filename](), filename)
    assert result.kind == "proposal"
    assert {name: signal.value for name, signal in result.signals.items()} == EXPECTED
    assert result.model_dump(mode="json")["file"] == filename


def test_a_pdf_without_text_is_a_clear_error():
    with pytest.raises(AnalyzerError):
        assess_document(write_text_pdf(""), "scan.pdf")


def test_an_unsupported_type_is_a_clear_error():
    with pytest.raises((InvalidInput, AnalyzerError)):
        assess_document(b"\x89PNG\r\n\x1a\n" + bytes(200), "slide.png")
