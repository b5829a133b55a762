"""Plain text: decode bytes with a small, predictable encoding detection."""

from __future__ import annotations

import codecs
import re

from inhouse.errors import InvalidInput

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes, filename: str) -> tuple[str, str]:
    """Return ``(text, encoding)``: a BOM wins, then strict UTF-8, then cp1252, then latin-1.

    Bytes that look binary (NUL bytes without a UTF-16/32 BOM) are refused.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return normalise_newlines(data.decode(encoding)), encoding
            except UnicodeDecodeError:
                raise InvalidInput(f"{filename}: text announces {encoding} but does not decode") from None
    if b"\x00" in data[:4096]:
        raise InvalidInput(f"{filename}: not a text file: unsupported file type (binary content)")
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            return normalise_newlines(data.decode(encoding)), encoding
        except UnicodeDecodeError:
            continue
    raise InvalidInput(f"{filename}: cannot decode text")  # pragma: no cover - latin-1 never fails


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


SPACE_RUN = 16
"""The longest run of spaces or tabs an analyzer sees; a longer run is cut to this many."""
MARK_RUN = 64
"""The longest run of one punctuation mark (``=====``, ``-----``, ``<<<<<``) an analyzer sees."""
BLANK_RUN = 8
"""The most blank lines in a row (empty, or spaces and tabs only) an analyzer sees."""
_SPACES = re.compile(rf"[^\S\n]{{{SPACE_RUN + 1},}}")
_MARKS = re.compile(rf"([^\w\s])\1{{{MARK_RUN},}}")
_BLANKS = re.compile(rf"(?:[^\S\n]*\n){{{BLANK_RUN + 1},}}")


def tame(text: str) -> str:
    """``text`` with its pathological runs cut short: more than :data:`SPACE_RUN` spaces or tabs, more
    than :data:`MARK_RUN` of one punctuation mark, more than :data:`BLANK_RUN` blank lines.

    No prose needs such runs, and they are what makes a pattern with two adjacent quantifiers over
    the same characters try every split (seconds for a 20 KB line, hours for a 20 MB one): cutting
    them keeps every analyzer linear in practice, whatever a partner's file holds. Offsets of
    evidence point into the tamed text, which is the text inhouse shows."""
    if len(text) > SPACE_RUN:
        text = _SPACES.sub(lambda m: m.group(0)[:SPACE_RUN], text)
        text = _MARKS.sub(lambda m: m.group(0)[:MARK_RUN], text)
        text = _BLANKS.sub("\n" * BLANK_RUN, text)
    return text
