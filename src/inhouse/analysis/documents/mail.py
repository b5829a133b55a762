"""A saved e-mail (``.eml``, RFC 5322 with MIME parts) read as the message a person sees.

The standard library's parser decodes the headers (``=?UTF-8?Q?...?=``), the transfer encodings
(quoted-printable, base64) and the parts' charsets; the text is the sender, recipients, date and
subject as header lines, then the first ``text/plain`` part (or the visible text of the first
``text/html`` one). Attachments are not read. A file that is no MIME message is plain text.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.message import Message

from inhouse.analysis.documents.budget import Budget
from inhouse.analysis.documents.markup import read_html
from inhouse.analysis.documents.text import decode_text, normalise_newlines

#: the headers that open a message as a person reads it, in this order
_SHOWN = ("From", "Sent", "Date", "To", "Cc", "Subject")
_MAX_PARTS = 200  # parts looked at, however the message nests them
_HEADER = re.compile(
    rb"^(?:Return-Path|Received|Message-ID|MIME-Version|From|Date|Subject|To|Content-Type):", re.I | re.M
)


def is_mime(data: bytes) -> bool:
    """Headers of a saved message at the top: ``MIME-Version`` or a ``Content-Type`` among them."""
    head = data[:8192].split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    return len(_HEADER.findall(head)) >= 3 and bool(re.search(rb"^(?:MIME-Version|Content-Type):", head, re.I | re.M))


def read_eml(data: bytes, budget: Budget) -> tuple[str, str]:
    """``(text, encoding)`` of a saved message; a message whose headers or parts cannot be rendered is
    read as the plain text it also is."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    try:
        lines = [f"{name}: {' '.join(str(message[name]).split())}" for name in _SHOWN if message[name] is not None]
        body = _body(message, budget)
        charsets = [c for c in message.get_charsets() if c]
    except (ValueError, TypeError, IndexError, LookupError, AttributeError):
        body = None  # a malformed header or part: the defects the parser kept instead of raising
    if body is None:
        return decode_text(data, budget.name)
    return normalise_newlines("\n".join(lines) + "\n\n" + body.strip() + "\n"), charsets[0] if charsets else "us-ascii"


def _body(message: Message, budget: Budget) -> str | None:
    """The first plain-text part, else the visible text of the first HTML part; attachments skipped."""
    plain: str | None = None
    html: bytes | None = None
    queue = [message]
    seen = 0
    while queue and seen < _MAX_PARTS:  # breadth first, no recursion: a deep nesting is only slow to reach
        part = queue.pop(0)
        seen += 1
        budget.tick()
        payload = part.get_payload()
        if part.is_multipart():
            if isinstance(payload, list):
                queue.extend(p for p in payload if isinstance(p, Message))
            continue
        if part.get_content_disposition() == "attachment":
            continue
        content = part.get_content_type()
        if content == "text/plain" and plain is None:
            plain = _text(part)
        elif content == "text/html" and html is None:
            raw = part.get_payload(decode=True)
            html = raw if isinstance(raw, bytes) else None
    if plain is not None and plain.strip():
        return plain
    return read_html(html, budget)[0] if html else None


def _text(part: Message) -> str:
    raw = part.get_payload(decode=True)
    if not isinstance(raw, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return raw.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return raw.decode("utf-8", errors="replace")
