"""`inhouse contract check` end to end on a real SQLite workspace: formats, --json, storage, errors."""

from __future__ import annotations

import io

import docx
import pytest

from inhouse.analysis.documents.pdf_writer import write_pdf, write_text_pdf
from inhouse.bootstrap import Workspace
from inhouse.domain.documents import DocumentKind
from inhouse.settings import load_settings

CONTRACT = """MASTER SERVICES AGREEMENT

This Agreement is made between Meridian Freight Inc. ("Client") and Quantia Labs Ltd. ("Vendor").

1. Services
1.1 Vendor shall build an ETA prediction model for a fixed price of USD 90,000 against milestones.

2. Ownership
2.1 All Deliverables, including source code and trained models, shall vest in Client upon full payment.

3. Access
3.1 Client shall have read access to the project repository at all times during the Term.

4. Training
4.1 Vendor shall provide twenty (20) hours of handover training to Client's engineers.

5. Term
5.1 This Agreement shall automatically renew for successive one-year terms unless either party gives notice.
5.2 Either party may terminate this Agreement for material breach not cured within thirty (30) days.
"""
KEYS = ["file", "engagement_model", "clauses", "red_flags", "parties", "score", "recommendations", "positions"]


def _docx(text: str) -> bytes:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _stored(url: str) -> tuple[int, int]:
    ws = Workspace(load_settings(database_url=url))
    try:
        with ws.uow() as uow:
            return (len(uow.documents.list(kind=DocumentKind.CONTRACT)), len(uow.results.list(kind="contract")))
    finally:
        ws.dispose()


@pytest.fixture
def files(tmp_path):
    made = {
        "msa.md": CONTRACT.encode(),
        "msa.txt": CONTRACT.encode("utf-16"),
        "msa.html": (
            "<html><body>" + "".join(f"<p>{line}</p>" for line in CONTRACT.splitlines()) + "</body></html>"
        ).encode(),
        "msa.docx": _docx(CONTRACT),
        "msa.pdf": write_text_pdf(CONTRACT),
        "scan.pdf": write_pdf(["", ""]),
        "image.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
        "broken.docx": b"PK\x03\x04 not really a zip",
    }
    for name, data in made.items():
        (tmp_path / name).write_bytes(data)
    return {name: str(tmp_path / name) for name in made}


def test_check_every_format_as_json(cli, files):
    names = ["msa.md", "msa.txt", "msa.html", "msa.docx", "msa.pdf"]
    result = cli.ok("contract", "check", *[files[n] for n in names], "--json").json
    assert isinstance(result, list) and len(result) == len(names)
    for item, name in zip(result, names, strict=False):
        assert list(item) == KEYS
        assert item["file"] == files[name]
        clauses = item["clauses"]
        assert clauses["deliverable_ownership"]["status"] == "client", name
        assert clauses["deliverable_ownership"]["conditions"] == ["upon full payment"], name
        assert clauses["knowledge_transfer"]["hours"] == 20, name
        assert clauses["source_access"]["status"] == "during", name
        assert {f["kind"] for f in item["red_flags"]} == {"auto_renewal", "no_termination_for_convenience"}, name
        assert [p["role"] for p in item["parties"]] == ["client", "vendor"], name
    assert _stored(cli.url) == (len(names), len(names))


def test_one_file_is_still_an_array_and_the_view_prints(cli, files):
    one = cli.ok("contract", "check", files["msa.md"], "--json").json
    assert isinstance(one, list) and len(one) == 1
    shown = cli.ok("contract", "check", files["msa.md"]).stdout
    assert "Must-have clauses" in shown and "Lock-in red flags" in shown and "Recommendations" in shown
    assert "score" in shown and "Stored as document" in shown


def test_engagement_is_recorded_and_sharpens_advice(cli, files):
    cli.ok("partner", "add", "Quantia Labs")
    cli.ok("engagement", "add", "ETA prediction", "--partner", "Quantia Labs", "--start", "2025-06-02")
    # the contract names Meridian Freight, not the workspace's client (Acme Analytics): confirmed
    refused = cli("contract", "check", files["msa.md"], "--engagement", "ETA prediction")
    assert refused.exit_code == 4 and "Meridian Freight Inc." in refused.stderr and _stored(cli.url) == (0, 0)
    result = cli.ok(
        "contract", "check", files["msa.md"], "--engagement", "ETA prediction", "--confirm-parties", "--json"
    ).json
    advice = [r for r in result[0]["recommendations"] if r["clause"] == "engagement_model"]
    assert advice and "advisory phase" in advice[0]["problem"]  # a new engagement starts advisory
    ws = Workspace(load_settings(database_url=cli.url))
    try:
        with ws.uow() as uow:
            [document] = uow.documents.list(kind=DocumentKind.CONTRACT)
            assert document.engagement_id is not None and document.partner_id is not None
            stored = uow.documents.get(document.id)
            assert stored.content == CONTRACT.encode()  # the original bytes
    finally:
        ws.dispose()


@pytest.mark.parametrize(
    "name, message",
    [
        ("scan.pdf", "no text layer"),
        ("image.png", "unsupported file type"),
        ("broken.docx", "corrupt DOCX"),
    ],
)
def test_unreadable_files_fail_in_one_line_and_store_nothing(cli, files, name, message):
    result = cli("contract", "check", files["msa.md"], files[name], "--json")
    assert result.exit_code != 0
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert _stored(cli.url) == (0, 0)


def test_missing_file_unknown_engagement_and_size_limit(cli, files, monkeypatch):
    missing = cli("contract", "check", "/nowhere/contract.pdf")
    assert missing.exit_code == 3 and "no such file" in missing.stderr
    unknown = cli("contract", "check", files["msa.md"], "--engagement", "Nope")
    assert unknown.exit_code == 3 and "no engagement 'Nope'" in unknown.stderr
    monkeypatch.setenv("INHOUSE_MAX_DOCUMENT_BYTES", "100")
    too_big = cli("contract", "check", files["msa.md"])
    assert too_big.exit_code == 2 and "over the limit" in too_big.stderr
    assert _stored(cli.url) == (0, 0)


def test_the_view_shows_each_position_and_the_json_the_playbook_s(cli, files, monkeypatch):
    item = cli.ok("contract", "check", files["msa.md"], "--json").json[0]
    positions = {p["clause"]: p for p in item["positions"]}
    assert list(positions) == list(item["clauses"])
    assert positions["knowledge_transfer"]["position"] == "acceptable"  # 20 hours: at least 16, under 40
    assert positions["deliverable_ownership"]["verdict"] == "present"
    shown = cli.ok("contract", "check", files["msa.md"]).stdout
    assert "position" in shown and "acceptable" in shown
    monkeypatch.setenv("INHOUSE_CONTRACT_PLAYBOOK", '{"knowledge_transfer": {"preferred_hours": 20}}')
    stricter = cli.ok("contract", "check", files["msa.md"], "--json").json[0]
    assert {p["clause"]: p["position"] for p in stricter["positions"]}["knowledge_transfer"] == "preferred"
    assert stricter["score"] > item["score"]


def test_a_bad_playbook_setting_is_one_line_naming_it(cli, files, monkeypatch):
    monkeypatch.setenv("INHOUSE_CONTRACT_PLAYBOOK", '{"knowledge_transfer": {"acceptable_hours": 99}}')
    refused = cli("contract", "check", files["msa.md"])
    assert refused.exit_code == 2
    assert "INHOUSE_CONTRACT_PLAYBOOK" in refused.stderr and "Traceback" not in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
