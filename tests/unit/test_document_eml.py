"""Saved e-mails (.eml): headers and parts decoded as a person reads the message."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from inhouse.analysis.documents import read_document
from inhouse.errors import AnalyzerError


def _message() -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Aino Virta <aino@example.com>"
    message["To"] = "Björn Salo <bjorn@example.org>"
    message["Date"] = "Mon, 07 Dec 2026 09:30:00 +0200"
    message["Subject"] = "Ehdotus – seuraavat askeleet"  # non-ASCII: written as an encoded word
    return message


def test_a_multipart_message_reads_its_headers_and_plain_part_decoded():
    message = _message()
    message.set_content("Hei Björn,\n\nwe would start with a four-week pilot at one site.\n", cte="quoted-printable")
    message.add_alternative("<p>HTML copy of the same mail</p>", subtype="html")
    message.add_attachment(b"%PDF-1.4 binary", maintype="application", subtype="pdf", filename="offer.pdf")
    raw = message.as_bytes()
    assert b"=?utf-8?" in raw.lower() and b"quoted-printable" in raw.lower()
    text = read_document(raw, "reply.eml").text
    assert text.startswith("From: Aino Virta <aino@example.com>\nDate: Mon, 07 Dec 2026 09:30:00 +0200\n")
    assert "Subject: Ehdotus – seuraavat askeleet" in text
    assert "Hei Björn," in text and "four-week pilot at one site" in text
    assert "HTML copy" not in text and "PDF-1.4" not in text


def test_an_html_only_message_in_base64_reads_its_visible_text():
    message = _message()
    message.set_content(
        "<html><body><p>Dear Björn,</p><p>Our offer stands.</p><script>x()</script></body></html>",
        subtype="html",
        cte="base64",
    )
    text = read_document(message.as_bytes(), "offer.eml").text
    assert "Dear Björn," in text and "Our offer stands." in text and "x()" not in text


def test_a_deeply_nested_message_is_read_or_refused_in_one_line_never_a_crash():
    inner = "Content-Type: text/plain\n\nthe innermost words\n"
    for depth in range(400):
        boundary = f"b{depth}"
        inner = f'Content-Type: multipart/mixed; boundary="{boundary}"\n\n--{boundary}\n{inner}\n--{boundary}--\n'
    raw = ("From: a@example.com\nTo: b@example.com\nMIME-Version: 1.0\n" + inner).encode()
    try:
        text = read_document(raw, "nested.eml").text
    except AnalyzerError as exc:
        assert "\n" not in str(exc)
    else:
        assert "the innermost words" in text


@pytest.mark.parametrize("name", ["notes.eml", "notes.txt"])
def test_a_file_that_is_no_mime_message_is_plain_text(name):
    raw = b"From: Aino\nTo: Bjorn\n\nJust a pasted thread, no MIME headers.\n"
    assert read_document(raw, name).text == raw.decode()
