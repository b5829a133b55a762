"""One decoder for every text a partner sends: UTF-8 with or without BOM, UTF-16 with a BOM (LE or
BE), cp1252, latin-1 last. The document reader and the journal importers (tracker CSV, notes, ADRs)
all use it."""

from __future__ import annotations

import codecs

import pytest

from inhouse.analysis.documents import read_document
from inhouse.analysis.documents.text import decode_text
from inhouse.analysis.journal.adr import parse_adr
from inhouse.analysis.journal.notes import parse_review_note
from inhouse.analysis.journal.text import decode
from inhouse.analysis.journal.tracker import read_tracker_csv
from inhouse.errors import InvalidInput

JIRA = (
    "Issue key,Summary,Assignee,Status,Resolved\n"
    "OPS-7,Résumé parser for intake forms,José Núñez,Done,14/Jan/26 9:05 AM\n"
    "OPS-8,Retrain the triage model,Åsa Lind,Done,2026-01-20\n"
)


@pytest.mark.parametrize(
    "data, encoding",
    [
        (JIRA.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + JIRA.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + JIRA.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + JIRA.encode("utf-16-be"), "utf-16"),
        (JIRA.encode("cp1252"), "cp1252"),
    ],
)
def test_one_decoder_for_every_encoding(data, encoding):
    text, used = decode_text(data, "export.csv")
    assert (text, used) == (JIRA, encoding)
    assert decode(data, "export.csv") == JIRA


def test_latin1_is_the_last_resort():
    data = "Prix: 5\u00a0000\x81".encode("latin-1")  # 0x81 is undefined in cp1252
    assert decode_text(data, "x.txt")[1] == "latin-1"


def test_a_jira_csv_saved_as_utf16_imports():
    tab_separated = JIRA.replace(",", "\t").replace("\n", "\r\n")
    for data in (
        codecs.BOM_UTF16_LE + tab_separated.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + JIRA.encode("utf-16-be"),
    ):
        used, rows = read_tracker_csv(data, "jira.csv")
        assert used == "jira"
        assert [(r.key, r.assignee, str(r.worked_on)) for r in rows] == [
            ("OPS-7", "José Núñez", "2026-01-14"),
            ("OPS-8", "Åsa Lind", "2026-01-20"),
        ]


def test_notes_and_adrs_in_other_encodings():
    note = "# Week of 2026-01-12\n## Done\nCafé menu model\n## Why\nÉtude\n## Next\nDéploiement\n"
    read = parse_review_note(decode(note.encode("cp1252"), "n.md"), "n.md")
    assert read.done == "Café menu model"
    adr = "# 3. Préférer PostgreSQL\n\nDate: 2026-01-05\n\n## Status\n\nAccepted\n\n## Context\n\nÇa marche.\n"
    record = parse_adr(decode(codecs.BOM_UTF16_LE + adr.encode("utf-16-le"), "0003.md"), "0003.md")
    assert (record.number, record.title, record.rationale) == (3, "Préférer PostgreSQL", "Ça marche.")


def test_the_document_reader_uses_the_same_decoder():
    text = "Transcript — Zoë: ‘hello’\n"
    extracted = read_document(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "call.vtt")
    assert (extracted.text, extracted.encoding) == (text, "utf-16")


def test_binary_is_refused_in_one_line():
    for reader in (lambda d: decode(d, "x.csv"), lambda d: read_tracker_csv(d, "x.csv")):
        with pytest.raises(InvalidInput) as raised:
            reader(b"\x00\x01\x02binary")
        assert str(raised.value).startswith("x.csv: not a text file")
