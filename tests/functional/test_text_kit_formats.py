"""The one list of accepted formats: what the reader takes (and so the CLI) the web upload takes too;
a call transcript saved as WebVTT uploads and is assessed."""

from __future__ import annotations

import pytest

from inhouse.analysis.documents import DOCUMENT_SUFFIXES, DocumentFormat, read_document
from inhouse.web import create_app
from inhouse.web.uploads import ALLOWED_SUFFIXES
from tests import records
from tests.webclient import WebClient

TRANSCRIPT = """WEBVTT

00:00:01.000 --> 00:00:06.000
<v Dana Okafor>Before we talk about tooling, what hurts most today in your dispatch team?

00:00:06.500 --> 00:00:14.000
<v Lee Marsh>Arrival estimates are wrong by hours on two of our lanes, and nobody owns the model.

00:00:14.500 --> 00:00:22.000
<v Dana Okafor>We are not specialists in carrier integration. We would start with a three-week paid pilot on one lane.
"""


@pytest.fixture
def client(ws):
    partner = records.add_partner(ws, "Larchmont Analytics", domains=["larchmont.example"])
    with WebClient(create_app(ws)) as client:
        yield client, partner["id"]


def test_the_web_accepts_exactly_what_the_reader_reads():
    assert set(ALLOWED_SUFFIXES) == set(DOCUMENT_SUFFIXES) and ".vtt" in ALLOWED_SUFFIXES
    for suffix, fmt in DOCUMENT_SUFFIXES.items():
        if fmt in (DocumentFormat.TEXT, DocumentFormat.MARKDOWN):
            assert read_document(b"Plain words of a document.\n", "x" + suffix).format is fmt


def test_a_vtt_transcript_uploads_on_the_web(client):
    client, pid = client
    created = client.post(f"/api/partners/{pid}/proposals", files={"file": ("call.vtt", TRANSCRIPT.encode())})
    assert created.status_code == 202, created.text
    queued = created.json()
    client.app.state.runner.wait(queued["id"], timeout=30)
    job = client.get(f"/api/jobs/{queued['id']}").json()
    assert job["status"] == "done", job["error"]
    page = client.get("/partners").text
    assert 'accept=".pdf,.docx,' in page and ".vtt" in page.split('accept="', 1)[1].split('"', 1)[0]


def test_an_unknown_suffix_is_still_refused_naming_the_list(client):
    client, pid = client
    wrong = client.post(f"/api/partners/{pid}/proposals", files={"file": ("deck.pptx", b"PK\x03\x04...")})
    assert wrong.status_code == 422
    message = wrong.json()["error"]["message"]
    assert "unsupported file type .pptx" in message and ".vtt" in message


def test_the_cli_reads_the_same_vtt_transcript(cli, tmp_path):
    path = tmp_path / "call.vtt"
    path.write_text(TRANSCRIPT)
    cli.ok("partner", "add", "Larchmont Analytics", "--domain", "larchmont.example")
    [result] = cli.ok("partner", "assess", str(path), "--partner", "Larchmont Analytics", "--json").json
    assert result["file"] == str(path) and set(result["signals"]) == {"problem_first", "honest_limits", "starts_small"}
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(b"PK\x03\x04...")
    refused = cli("partner", "assess", str(deck))
    assert refused.exit_code == 2 and "unsupported file type" in refused.stderr
