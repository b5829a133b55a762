"""Every way a document can be refused, each with one clear line."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from pypdf import PdfReader, PdfWriter

from inhouse.analysis.documents import read_document
from inhouse.analysis.documents.pdf_writer import write_pdf
from inhouse.errors import AnalyzerError, InvalidInput


def make_docx(paragraphs: list[tuple[str, str | None]]) -> bytes:
    document = docx.Document()
    for text, style in paragraphs:
        document.add_paragraph(text, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def one_line(exc: pytest.ExceptionInfo) -> str:
    message = str(exc.value)
    assert "\n" not in message and message
    return message


def test_scanned_pdf_is_refused():
    with pytest.raises(AnalyzerError) as exc:
        read_document(write_pdf(["", ""]), "scan.pdf")
    assert "no text layer" in one_line(exc)


def test_encrypted_pdf_is_refused():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(write_pdf(["Some contract text on this page."]))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(AnalyzerError) as exc:
        read_document(buffer.getvalue(), "locked.pdf")
    assert "encrypted" in one_line(exc)


def test_pdf_with_empty_user_password_is_read():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(write_pdf(["Some contract text on this page."]))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert "Some contract text" in read_document(buffer.getvalue(), "restricted.pdf").text


@pytest.mark.parametrize("data", [b"%PDF-1.4\n garbage garbage", b"%PDF-1.4\n" + b"\x00\xff" * 50, b"not a pdf at all"])
def test_corrupt_pdf_is_refused(data):
    with pytest.raises(AnalyzerError) as exc:
        read_document(data, "broken.pdf")
    assert "corrupt PDF" in one_line(exc)


def test_truncated_docx_is_refused():
    data = make_docx([("Text", None)])
    with pytest.raises(AnalyzerError) as exc:
        read_document(data[: len(data) // 2], "cut.docx")
    assert "corrupt DOCX" in one_line(exc)


def test_zip_without_word_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(AnalyzerError) as exc:
        read_document(buffer.getvalue(), "fake.docx")
    assert "missing" in one_line(exc)


def test_zip_bomb_is_refused_before_decompression():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\x00" * (8 * 1024 * 1024))
    with pytest.raises(AnalyzerError) as exc:
        read_document(buffer.getvalue(), "bomb.docx")
    assert "zip bomb" in one_line(exc)


def test_zip_entry_flagged_encrypted_is_refused():
    data = bytearray(make_docx([("Text", None)]))
    position = data.find(b"PK\x01\x02")
    while position != -1:  # set the "encrypted" bit in every central directory entry
        data[position + 8] |= 0x1
        position = data.find(b"PK\x01\x02", position + 4)
    with pytest.raises(AnalyzerError) as exc:
        read_document(bytes(data), "locked.docx")
    assert "encrypted" in one_line(exc)


def test_password_protected_office_file_is_refused():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    with pytest.raises(AnalyzerError) as exc:
        read_document(data, "locked.docx")
    assert "encrypted" in one_line(exc)


@pytest.mark.parametrize(
    "data, filename",
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "scan.png"),
        (b"some,csv\n", "sheet.xlsx"),
        (b"PK\x03\x04" + b"\x00" * 30, "sheet.xlsx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old.doc"),
        (b"\x00\x01\x02binary\x00", "blob.txt"),
    ],
)
def test_unsupported_types_are_refused(data, filename):
    with pytest.raises(InvalidInput) as exc:
        read_document(data, filename)
    assert "unsupported file type" in one_line(exc)


def test_file_over_the_size_limit_is_refused():
    with pytest.raises(InvalidInput) as exc:
        read_document(b"x" * 2048, "big.txt", max_bytes=1024)
    assert "over the limit" in one_line(exc)


def test_empty_file_is_refused():
    with pytest.raises(InvalidInput) as exc:
        read_document(b"  \n", "empty.txt")
    assert "empty" in one_line(exc)
