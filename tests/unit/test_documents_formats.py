"""Reading each supported format into text."""

from __future__ import annotations

import codecs
import io

import docx
import pytest

from inhouse.analysis.documents import DocumentFormat, read_document
from inhouse.analysis.documents.pdf_writer import write_pdf


def make_docx(paragraphs: list[tuple[str, str | None]], table: list[list[str]] | None = None) -> bytes:
    document = docx.Document()
    for text, style in paragraphs:
        document.add_paragraph(text, style=style)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_pdf_text_layer_pages_and_offsets():
    data = write_pdf(["1. Services. The Vendor shall build the model.", "2. Fees. Client pays monthly."])
    result = read_document(data, "msa.pdf")
    assert result.format is DocumentFormat.PDF
    assert result.media_type == "application/pdf"
    assert result.pages == 2
    assert "The Vendor shall build the model." in result.text
    second = result.text.index("2. Fees")
    assert result.page_of(second) == 2
    assert result.page_of(0) == 1
    assert result.warnings == ()


def test_pdf_with_some_pages_without_text_warns():
    data = write_pdf(["1. Services. The Vendor shall build the model.", ""])
    result = read_document(data, "mixed.pdf")
    assert result.warnings and "2" in result.warnings[0]


def test_long_text_flows_onto_many_pages():
    text = "\n".join(f"{n}. Clause {n}. " + "The parties agree to cooperate in good faith. " * 8 for n in range(1, 80))
    result = read_document(write_pdf([text]), "long.pdf")
    assert result.pages > 5
    assert "79. Clause 79." in result.text.replace("\n", " ")


def test_docx_paragraphs_tables_and_automatic_numbering():
    data = make_docx(
        [
            ("Master Services Agreement", "Title"),
            ("Definitions", "List Number"),
            ("Ownership of Deliverables", "List Number"),
            ("a bullet", "List Bullet"),
            ("Plain paragraph.", None),
        ],
        table=[["Fee", "USD 4,000 per month"]],
    )
    result = read_document(data, "msa.docx")
    assert result.format is DocumentFormat.DOCX
    assert result.media_type.endswith("wordprocessingml.document")
    lines = result.text.splitlines()
    assert "1. Definitions" in lines
    assert "2. Ownership of Deliverables" in lines
    assert "- a bullet" in lines
    assert "Fee | USD 4,000 per month" in lines


def test_markdown_is_kept_as_written():
    data = b"# Agreement\n\n## 1. Ownership\n\nAll **Deliverables** belong to Client.\n"
    result = read_document(data, "sow.md")
    assert result.format is DocumentFormat.MARKDOWN
    assert result.text == data.decode()


def test_html_visible_text_only():
    data = (
        b"<!DOCTYPE html><html><head><title>x</title><style>p{}</style></head><body>"
        b"<h1>Agreement</h1><p>All <b>Deliverables</b> belong to Client.</p>"
        b"<table><tr><td>Fee</td><td>$5</td></tr></table><script>var a=1;</script></body></html>"
    )
    result = read_document(data, "contract.html")
    assert result.format is DocumentFormat.HTML
    assert "All Deliverables belong to Client." in result.text
    assert "Agreement" in result.text and "var a" not in result.text and "p{}" not in result.text
    assert "Fee | $5" in result.text


def test_html_sniffed_without_extension():
    result = read_document(b"<html><body><p>Hello partner</p></body></html>", "contract")
    assert result.format is DocumentFormat.HTML


@pytest.mark.parametrize(
    "data, encoding",
    [
        ("Café – naïve “quotes”".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "Café – naïve “quotes”".encode(), "utf-8-sig"),
        ("Café – naïve “quotes”".encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + "Café – naïve “quotes”".encode("utf-16-be"), "utf-16"),
        ("Café – naïve “quotes”".encode("cp1252"), "cp1252"),
    ],
)
def test_text_encodings(data, encoding):
    result = read_document(data, "contract.txt")
    assert result.text == "Café – naïve “quotes”"
    assert result.encoding == encoding
    assert result.format is DocumentFormat.TEXT


def test_text_newlines_are_normalised():
    assert read_document(b"a\r\nb\rc\n", "x.txt").text == "a\nb\nc\n"
