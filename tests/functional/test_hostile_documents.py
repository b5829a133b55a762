"""Hostile documents: each trigger the readers once crashed on, built here, answered as one line.

Through the reader and the services a hostile file is an AnalyzerError naming the file (nothing else
escapes, nothing is stored); through the CLI it is exit 5 with one line on stderr; through the web an
upload's job fails with that line and a stored one answers 422 with the error shape, never a 500.
Inputs over a limit are refused, never cut short. No record of a bug in inhouse's own code is logged
while any of them is read (see ``analysis/documents/budget.py``).
"""

from __future__ import annotations

import io
import logging
import re
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace

import docx
import pytest
from pypdf import PdfReader, PdfWriter

from inhouse.analysis.documents import read_document
from inhouse.analysis.documents.pdf_writer import write_pdf
from inhouse.bootstrap import Workspace
from inhouse.domain.documents import Document, DocumentKind
from inhouse.domain.limits import DocumentLimits
from inhouse.domain.shapes import Upload
from inhouse.errors import AnalyzerError, InhouseError
from inhouse.services import contracts, partners_assess
from inhouse.settings import load_settings
from inhouse.web import create_app
from tests import records, webdata
from tests.conftest import Cli
from tests.webclient import WebClient

TEXT = "This Agreement is made between Meridian Freight Inc. and Quantia Labs Ltd. for an ETA model.\n"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# --- the builders -------------------------------------------------------------------------------------


def _docx(paragraphs: int = 3) -> bytes:
    document = docx.Document()
    for n in range(paragraphs):
        document.add_paragraph(f"{n + 1}. {TEXT}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _docx_with(changes: dict[str, bytes | None]) -> bytes:
    """A valid DOCX with parts replaced (bytes) or removed (None)."""
    members = _members(_docx())
    for name, content in changes.items():
        if content is None:
            members.pop(name, None)
        else:
            members[name] = content
    return _zip(members)


def _pdf(text: str = TEXT, pages: int = 1) -> bytes:
    return write_pdf([text] * pages)


def _encrypted(user_password: str, algorithm: str = "AES-256") -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf())))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _bad_startxref(value: bytes = b"99999999999999999999") -> bytes:
    return re.sub(rb"startxref\n\d+", b"startxref\n" + value, _pdf())


def _pdf_filter(name: bytes) -> bytes:
    """One page whose content stream claims a filter (unknown, or JBIG2, which needs an external tool)."""
    data = _pdf()
    return data.replace(b"<< /Length", b"<< /Filter /" + name + b" /Length", 1)


def _deep_html(levels: int = 1_200) -> bytes:
    return (b"<html><body>" + b"<div>" * levels + TEXT.encode() + b"</div>" * levels + b"</body></html>").replace(
        b"<div>", b"<div>", 1
    )


def _numbering(ilvl: str) -> bytes:
    """A DOCX whose list paragraph and numbering part hold a level that is not a number."""
    document = docx.Document()
    document.add_paragraph(TEXT, style="List Number")
    buffer = io.BytesIO()
    document.save(buffer)
    members = _members(buffer.getvalue())
    body = members["word/document.xml"].decode()
    body = re.sub(
        r'<w:pPr>(<w:pStyle w:val="ListNumber"/>)',
        rf'<w:pPr>\1<w:numPr><w:ilvl w:val="{ilvl}"/>'
        r'<w:numId w:val="1"/></w:numPr>',
        body,
        count=1,
    )
    members["word/document.xml"] = body.encode()
    numbering = members.get("word/numbering.xml", b"").decode()
    members["word/numbering.xml"] = re.sub(r'w:ilvl="0"', f'w:ilvl="{ilvl}"', numbering).encode()
    return _zip(members)


def _zip_version(version: int) -> bytes:
    """The central directory says every member needs an unknown zip version ("zip file version 8.4")."""
    data = bytearray(_docx())
    at = data.find(b"PK\x01\x02")
    while at != -1:
        struct.pack_into("<H", data, at + 6, version)
        at = data.find(b"PK\x01\x02", at + 4)
    return bytes(data)


def _negative_offset() -> bytes:
    """The central directory's offsets point before the start of the file."""
    data = bytearray(_docx())
    at = data.find(b"PK\x01\x02")
    while at != -1:
        struct.pack_into("<I", data, at + 42, 0xFFFFFF00)
        at = data.find(b"PK\x01\x02", at + 4)
    return bytes(data)


def _lying_sizes() -> bytes:
    """The directory declares each member tiny; the data inflates to more than it says."""
    data = bytearray(_docx())
    at = data.find(b"PK\x01\x02")
    while at != -1:
        struct.pack_into("<I", data, at + 24, 10)
        at = data.find(b"PK\x01\x02", at + 4)
    return bytes(data)


def _bomb(megabytes: int = 3) -> bytes:
    """A DOCX whose body expands past a small unpacked limit with an innocent ratio (varied text)."""
    paragraphs, total, n = [], 0, 0
    while total < megabytes * 1024 * 1024:
        paragraph = b"<w:p><w:r><w:t>%d %s</w:t></w:r></w:p>" % (n, b"x" * (n % 97))
        paragraphs.append(paragraph)
        total += len(paragraph)
        n += 1
    members = _members(_docx())
    members["word/document.xml"] = members["word/document.xml"].replace(
        b"<w:body>", b"<w:body>" + b"".join(paragraphs), 1
    )
    return _zip(members)


def _many_members(count: int) -> bytes:
    members = _members(_docx())
    members.update({f"word/media/extra{n}.bin": b"x" for n in range(count)})
    return _zip(members, compression=zipfile.ZIP_STORED)


def _deep_xml(levels: int = 400) -> bytes:
    members = _members(_docx())
    body = members["word/document.xml"]
    nest = b"<w:sdt><w:sdtContent>" * levels + b"</w:sdtContent></w:sdt>" * levels
    members["word/document.xml"] = body.replace(b"<w:body>", b"<w:body>" + nest, 1)
    return _zip(members)


def _wrong_root() -> bytes:
    return _docx_with({"word/document.xml": f'<?xml version="1.0"?><w:styles xmlns:w="{W}"/>'.encode()})


def _not_xml() -> bytes:
    return _docx_with({"word/document.xml": b"<w:document xmlns:w='" + W.encode() + b"'><w:body>"})


def _entities() -> bytes:
    lol = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    body = f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>'
    return _docx_with({"word/document.xml": lol + body.encode()})


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[], bytes]
    reason: str  # a fragment of the one line
    limits: DocumentLimits = DocumentLimits()


SMALL = DocumentLimits(max_unpacked_bytes=1024 * 1024, max_archive_members=50, max_text_chars=1_000)

HOSTILE = [
    Case("deep.html", _deep_html, "nested more than 256 deep"),
    Case("deep.docx", _deep_xml, "nested more than 256 deep"),
    Case("locked.pdf", lambda: _encrypted("secret"), "the PDF is encrypted with a password"),
    Case("rc4-locked.pdf", lambda: _encrypted("secret", "RC4-128"), "the PDF is encrypted with a password"),
    Case("startxref.pdf", _bad_startxref, "corrupt PDF"),
    Case("startxref-text.pdf", lambda: _bad_startxref(b"abc"), "corrupt PDF"),
    Case("no-xref.pdf", lambda: _pdf().split(b"xref")[0], "corrupt PDF"),
    Case("filter.pdf", lambda: _pdf_filter(b"NoSuchDecode"), "PDF uses a feature that cannot be read"),
    Case("jbig2.pdf", lambda: _pdf_filter(b"JBIG2Decode"), "needs a decoder that is not available"),
    Case("root.docx", _wrong_root, "not a Word document body"),
    Case("types.docx", lambda: _docx_with({"[Content_Types].xml": None}), "missing [Content_Types].xml"),
    Case("rels.docx", lambda: _docx_with({"_rels/.rels": None}), "missing _rels/.rels"),
    Case("target.docx", lambda: _docx_with({"word/document.xml": None}), "missing word/document.xml"),
    Case("broken-xml.docx", _not_xml, "not well-formed XML"),
    Case("version.docx", lambda: _zip_version(84), "DOCX"),
    Case("offset.docx", _negative_offset, "DOCX"),
    Case("lying.docx", _lying_sizes, "DOCX"),
    Case("header.docx", lambda: b"PK\x03\x04" + b"\x14\x00" + b"\xff" * 200, "corrupt DOCX"),
    Case("bomb.docx", _bomb, "max_unpacked_bytes", SMALL),
    Case("members.docx", lambda: _many_members(60), "max_archive_members", SMALL),
    Case("long.txt", lambda: (TEXT * 40).encode(), "max_text_chars", SMALL),
    Case("long.md", lambda: (TEXT * 40).encode(), "max_text_chars", SMALL),
    Case("long.pdf", lambda: _pdf(TEXT * 20), "max_text_chars", SMALL),
    Case("long.docx", lambda: _docx(20), "max_text_chars", SMALL),
    Case("pages.pdf", lambda: _pdf(pages=4), "max_pages", replace(SMALL, max_pages=3)),
    Case("slow.pdf", lambda: _pdf(pages=3), "document_seconds", replace(SMALL, seconds=1e-9)),
    Case("slow.docx", _docx, "document_seconds", replace(SMALL, seconds=1e-9)),
    Case("slow.html", lambda: _deep_html(100), "document_seconds", replace(SMALL, seconds=1e-9)),
]


@pytest.fixture
def no_bug_logged(caplog):
    caplog.set_level(logging.ERROR, logger="inhouse.analysis.documents")
    yield
    assert not caplog.records, [r.getMessage() for r in caplog.records]


def _one_line(message: str, name: str) -> None:
    assert "\n" not in message and message.startswith(f"{name}: "), message
    assert "Traceback" not in message


# --- the reader ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", HOSTILE, ids=lambda c: c.name)
def test_each_hostile_document_is_refused_in_one_line_naming_the_file(case, no_bug_logged):
    with pytest.raises(AnalyzerError) as raised:
        read_document(case.build(), case.name, limits=case.limits)
    _one_line(str(raised.value), case.name)
    assert case.reason in str(raised.value)


def test_the_same_documents_within_generous_limits_are_read_whole(no_bug_logged):
    # generous in size; in time too, so that a loaded machine reading 64 MB is not mistaken for a bomb
    generous = DocumentLimits(max_unpacked_bytes=64 * 1024 * 1024, max_text_chars=10_000_000, seconds=600)
    for case in HOSTILE:
        if case.limits == DocumentLimits():
            continue
        if "seconds" in case.reason or "max_pages" in case.reason or "members" in case.reason:
            continue
        extracted = read_document(case.build(), case.name, limits=generous)
        assert "Meridian Freight" in extracted.text, case.name


def test_a_startxref_out_of_range_is_recovered_from_the_objects(no_bug_logged):
    for value in (b"999999999", b"-5", b"0"):
        assert "Meridian Freight" in read_document(_bad_startxref(value), "startxref.pdf").text


def test_a_pdf_encrypted_with_an_empty_password_is_read(no_bug_logged):
    for algorithm in ("AES-128", "AES-256", "RC4-128"):
        assert "Meridian Freight" in read_document(_encrypted("", algorithm), "open.pdf").text


def test_html_nested_a_thousand_levels_within_a_raised_limit_is_read_without_recursion(no_bug_logged):
    extracted = read_document(_deep_html(1_500), "deep.html", limits=DocumentLimits(max_markup_depth=5_000))
    assert extracted.text.strip() == TEXT.strip()


def test_html_nesting_closed_by_end_tags_is_not_counted_as_depth(no_bug_logged):
    flat = b"<html><body>" + b"<div><p>x</p></div>" * 2_000 + b"<br><img src=x>" * 500 + TEXT.encode() + b"</body>"
    assert "Meridian" in read_document(flat, "flat.html").text


def test_a_non_numeric_or_absurd_list_level_keeps_the_text_without_a_number(no_bug_logged):
    for level in ("x", "-1", "99999999999"):
        extracted = read_document(_numbering(level), f"numbering-{level}.docx")
        assert TEXT.strip() in extracted.text, level


def test_a_docx_with_entities_is_read_without_expanding_them(no_bug_logged):
    try:
        text = read_document(_entities(), "entities.docx").text
    except InhouseError as refused:  # python-docx leaves the entity out: a body without text
        _one_line(str(refused), "entities.docx")
    else:
        assert "aaaaaaaaaa" not in text


# --- the services, on a workspace whose settings set small limits ----------------------------------------


@pytest.fixture
def small_ws(sqlite_url):
    settings = load_settings(
        database_url=sqlite_url, max_unpacked_bytes=1024 * 1024, max_archive_members=50, max_text_chars=1_000
    )
    workspace = Workspace(settings)
    records.init(workspace, "Acme Analytics")
    yield workspace
    workspace.dispose()


def _stored_documents(ws: Workspace) -> int:
    with ws.uow() as uow:
        return len(uow.documents.list())


@pytest.mark.parametrize("case", [c for c in HOSTILE if c.limits in (DocumentLimits(), SMALL)], ids=lambda c: c.name)
def test_the_services_refuse_each_hostile_document_and_store_nothing(small_ws, case, no_bug_logged):
    ids = webdata.seed(small_ws)
    before = _stored_documents(small_ws)
    upload = Upload(name=case.name, content=case.build())
    with pytest.raises(AnalyzerError) as raised:
        contracts.check(small_ws, [upload], engagement=str(ids["engagement_id"]))
    _one_line(str(raised.value), case.name)
    with pytest.raises(AnalyzerError) as raised:
        partners_assess.assess(small_ws, [upload], partner=str(ids["partner_id"]))
    _one_line(str(raised.value), case.name)
    assert _stored_documents(small_ws) == before


# --- the CLI and the web --------------------------------------------------------------------------------

EDGE = [
    c
    for c in HOSTILE
    if c.name
    in {"deep.html", "locked.pdf", "filter.pdf", "rels.docx", "version.docx", "bomb.docx", "members.docx", "long.txt"}
]
SMALL_ENV = {
    "INHOUSE_MAX_UNPACKED_BYTES": "1048576",
    "INHOUSE_MAX_ARCHIVE_MEMBERS": "50",
    "INHOUSE_MAX_TEXT_CHARS": "1000",
}


@pytest.fixture
def small_cli(sqlite_url, monkeypatch) -> Cli:
    for key, value in SMALL_ENV.items():
        monkeypatch.setenv(key, value)
    runner = Cli(sqlite_url)
    runner.ok("init", "--client", "Acme Analytics")
    runner.ok("partner", "add", "Quantia Labs")
    return runner


@pytest.mark.parametrize("case", EDGE, ids=lambda c: c.name)
def test_the_cli_answers_each_hostile_document_with_exit_5_and_one_line(small_cli, tmp_path, case, no_bug_logged):
    path = tmp_path / case.name
    path.write_bytes(case.build())
    for command in (["contract", "check", str(path)], ["partner", "assess", str(path), "--partner", "Quantia Labs"]):
        result = small_cli(*command)
        assert result.exit_code == 5, (command, result.exit_code, result.stderr, result.stdout)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and case.name in lines[0] and case.reason in lines[0], result.stderr
        assert "Traceback" not in result.stderr + result.stdout


def test_the_cli_keeps_the_parsers_notes_on_repairs_off_stderr(small_cli, tmp_path):
    """In a real process (pytest's log capture would hide it): pypdf logs a repair at ERROR level."""
    path = tmp_path / "odd-font.pdf"
    path.write_bytes(_pdf(TEXT * 3).replace(b"/WinAnsiEncoding", b"/WinAnsiEnco#e9ng"))
    command = [sys.executable, "-m", "inhouse", "--db", small_cli.url, "partner", "assess", str(path)]
    result = subprocess.run([*command, "--partner", "Quantia Labs"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


@pytest.fixture
def small_web(small_ws):
    ids = webdata.seed(small_ws)
    with WebClient(create_app(small_ws), raise_server_exceptions=False) as client:
        yield client, ids, small_ws


def _finished(client: WebClient, job: dict) -> dict:
    client.app.state.runner.wait(job["id"], timeout=30)
    return client.get(f"/api/jobs/{job['id']}").json()


@pytest.mark.parametrize("case", EDGE, ids=lambda c: c.name)
def test_a_hostile_upload_fails_its_job_in_one_line_and_a_stored_one_answers_422(small_web, case, no_bug_logged):
    client, ids, ws = small_web
    before = _stored_documents(ws)
    queued = client.post(
        f"/api/engagements/{ids['engagement_id']}/contracts", files={"file": (case.name, case.build())}
    )
    assert queued.status_code == 202, queued.text
    job = _finished(client, queued.json())
    assert job["status"] == "failed", job
    _one_line(job["error"], case.name)
    assert case.reason in job["error"] and _stored_documents(ws) == before
    with ws.uow() as uow:  # a hostile file stored before the readers were bounded, reviewed again
        stored = uow.documents.add(
            Document(filename=case.name, kind=DocumentKind.CONTRACT, content=case.build(), media_type="text/plain")
        )
        uow.commit()
    answer = client.post(f"/api/documents/{stored.id}/review")
    assert answer.status_code == 422, answer.text
    error = answer.json()["error"]
    assert set(error) == {"type", "message"}
    _one_line(error["message"], case.name)
    for path in (f"/api/documents/{stored.id}", f"/documents/{stored.id}"):
        assert client.get(path).status_code == 200, path
