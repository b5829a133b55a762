"""Plain text: decode bytes with a small, predictable encoding detection."""

from __future__ import annotations

import codecs

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
        raise InvalidInput(f"{filename}: unsupported file type (binary content, not text)")
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            return normalise_newlines(data.decode(encoding)), encoding
        except UnicodeDecodeError:
            continue
    raise InvalidInput(f"{filename}: cannot decode text")  # pragma: no cover - latin-1 never fails


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
