"""The documentation audit reads blobs with the shared decoder (documents/text.py decode_text)."""

from __future__ import annotations

import codecs

from inhouse.analysis.docs.files import decode


def test_utf16_with_bom_is_read() -> None:
    data = codecs.BOM_UTF16_LE + "# Setup\r\n\r\nRun `make install`.\r\n".encode("utf-16-le")
    assert decode(data) == "# Setup\n\nRun `make install`.\n"


def test_utf8_with_bom_loses_the_bom() -> None:
    assert decode(codecs.BOM_UTF8 + "Caf\u00e9 opens at nine.\n".encode()) == "Caf\u00e9 opens at nine.\n"


def test_cp1252_is_read_not_replaced() -> None:
    data = "Operations \u2013 restart the worker \u201cnightly\u201d, cost \u20ac5.\n".encode("cp1252")
    assert decode(data) == "Operations \u2013 restart the worker \u201cnightly\u201d, cost \u20ac5.\n"


def test_plain_utf8_is_read() -> None:
    assert decode("na\u00efve r\u00e9sum\u00e9\n".encode()) == "na\u00efve r\u00e9sum\u00e9\n"


def test_binary_is_none() -> None:
    assert decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))) is None


def test_broken_bom_is_none() -> None:
    assert decode(codecs.BOM_UTF16_LE + b"\x00\xd8") is None
