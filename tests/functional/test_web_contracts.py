"""Contract uploads, reviews and the document page on real databases: file names, ids, shapes.

An upload reaches the contract service as its file name and bytes: nothing the web answers or
stores names a folder on the server. Ids a client sends are checked (ASCII digits, within the stored range) before any query runs.
"""

from __future__ import annotations

import tempfile

import pytest

from inhouse.bootstrap import Workspace
from inhouse.domain.contracts import ContractReview
from inhouse.domain.documents import Document, DocumentKind
from inhouse.domain.shapes import MAX_ID
from inhouse.web import create_app
from tests import webdata
from tests.webclient import WebClient

CONTRACT = webdata.CONTRACT_TEXT.encode()
CHECKED_KEYS = ["review", "summary", "engagement", "document_id", "result_id", "pages", "warnings", "party_check"]
REVIEW_KEYS = ["file", "engagement_model", "clauses", "red_flags", "parties", "score", "recommendations"]
BAD_IDS = ["9" * 20, str(2**63), str(MAX_ID + 1), "⒉", "２", "0", "-1", "abc"]


@pytest.fixture
def seeded(ws):
    ids = webdata.seed(ws)
    with WebClient(create_app(ws), raise_server_exceptions=False) as client:
        yield client, ids, ws


def _contracts(ws: Workspace) -> tuple[list[Document], list[dict]]:
    with ws.uow() as uow:
        documents = uow.documents.list(kind=DocumentKind.CONTRACT)
        payloads = [r.payload for r in uow.results.list(kind="contract")]
    return documents, payloads


def _no_server_folder(text: str) -> None:
    assert "inhouse-upload-" not in text
    assert tempfile.gettempdir() + "/" not in text


def _finished(client, job: dict) -> dict:
    """The job once its runner has finished it, as the API answers it."""
    client.app.state.runner.wait(job["id"], timeout=30)
    return client.get(f"/api/jobs/{job['id']}").json()


def test_an_uploaded_contract_is_stored_under_its_own_name_only(seeded):
    client, ids, ws = seeded
    eid = ids["engagement_id"]
    created = client.post(f"/api/engagements/{eid}/contracts", files={"file": ("new-msa.txt", CONTRACT)})
    assert created.status_code == 202, created.text
    queued = created.json()
    assert (queued["kind"], queued["subject"], queued["engagement_id"]) == ("contract", "new-msa.txt", eid)
    assert queued["submitted_by"] == "local" and queued["result"] is None
    job = _finished(client, queued)
    assert job["status"] == "done", job["error"]
    assert job["result"]["document_id"] and job["result"]["result_id"] and job["result"]["summary"].startswith("score")
    data = client.get(f"/api/documents/{job['result']['document_id']}").json()
    assert data["document"]["filename"] == "new-msa.txt" and data["is_contract"] and data["engagement"]["id"] == eid
    _no_server_folder(created.text)
    form = client.post(
        f"/engagements/{eid}/contracts", files={"file": ("form-msa.md", CONTRACT)}, follow_redirects=False
    )
    assert form.status_code == 303 and form.headers["location"].startswith("/jobs/")
    form_job = _finished(client, {"id": int(form.headers["location"].rsplit("/", 1)[1])})
    page = client.get(form.headers["location"])
    assert f'href="/documents/{form_job["result"]["document_id"]}"' in page.text  # the job page links the result
    _no_server_folder(page.text)
    for path in (
        f"/api/documents/{job['result']['document_id']}",
        f"/documents/{job['result']['document_id']}",
        f"/api/engagements/{eid}",
        f"/engagements/{eid}",
    ):
        page = client.get(path)
        assert page.status_code == 200, path
        _no_server_folder(page.text)
        if path == f"/documents/{job['result']['document_id']}":  # each clause's position against the playbook
            assert 'class="badge' in page.text and "position" in page.text
            assert any(w in page.text for w in ("preferred</span>", "acceptable</span>", "walk-away</span>"))
    documents, payloads = _contracts(ws)
    assert {d.filename for d in documents} == {webdata.CONTRACT_NAME, "new-msa.txt", "form-msa.md"}
    stored = [ContractReview.model_validate(p) for p in payloads]
    assert {r.file for r in stored} == {webdata.CONTRACT_NAME, "new-msa.txt", "form-msa.md"}
    for payload in payloads:
        _no_server_folder(str(payload))


@pytest.mark.parametrize("name", ["é" * 150 + ".txt", "x" * 300 + ".md"])
def test_an_upload_name_over_255_bytes_is_refused_and_nothing_stored(seeded, name):
    client, ids, ws = seeded
    eid = ids["engagement_id"]
    api = client.post(f"/api/engagements/{eid}/contracts", files={"file": (name, CONTRACT)})
    assert api.status_code == 422, api.text
    assert api.json() == {"error": {"type": "InvalidInput", "message": "name must be at most 255 bytes"}}
    form = client.post(f"/engagements/{eid}/contracts", files={"file": (name, CONTRACT)})
    assert form.status_code == 422 and "at most 255 bytes" in form.text
    assert [d.filename for d in _contracts(ws)[0]] == [webdata.CONTRACT_NAME]


def test_a_browser_path_in_the_upload_name_keeps_only_the_file_name(seeded):
    client, ids, ws = seeded
    sent = client.post(
        f"/api/engagements/{ids['engagement_id']}/contracts",
        files={"file": ("C:\\Users\\ann\\contracts\\msa.txt", CONTRACT)},
    )
    assert sent.status_code == 202 and sent.json()["subject"] == "msa.txt"
    job = _finished(client, sent.json())
    assert client.get(f"/api/documents/{job['result']['document_id']}").json()["document"]["filename"] == "msa.txt"


@pytest.mark.parametrize("ref", BAD_IDS)
def test_document_ids_out_of_range_or_not_ascii_are_refused_not_500(seeded, ref):
    client, _, ws = seeded
    before = _contracts(ws)
    for method, path in (
        ("get", f"/api/documents/{ref}"),
        ("post", f"/api/documents/{ref}/review"),
        ("get", f"/documents/{ref}"),
        ("post", f"/documents/{ref}/review"),
    ):
        response = getattr(client, method)(path)
        assert response.status_code in (404, 422), (path, response.status_code, response.text[:300])
        if path.startswith("/api/"):
            assert set(response.json()) == {"error"}
    assert _contracts(ws)[0] == before[0] and len(_contracts(ws)[1]) == len(before[1])


def test_an_unknown_document_is_a_404(seeded):
    client, _, _ = seeded
    missing = client.get(f"/api/documents/{MAX_ID}")
    assert missing.status_code == 404 and missing.json()["error"]["type"] == "NotFound"
    again = client.post("/api/documents/123456/review")
    assert again.status_code == 404


def test_reviewing_a_stored_contract_answers_the_upload_shape(seeded):
    client, ids, ws = seeded
    reviewed = client.post(f"/api/documents/{ids['document_id']}/review")
    assert reviewed.status_code == 201, reviewed.text
    data = reviewed.json()
    assert list(data) == CHECKED_KEYS
    assert data["document_id"] == ids["document_id"] and data["engagement"] == webdata.ENGAGEMENT
    assert data["review"]["file"] == webdata.CONTRACT_NAME
    assert data["summary"].startswith("score ")
    assert len(_contracts(ws)[1]) == 2


def test_a_document_that_is_not_a_contract_is_not_reviewed_as_one(seeded):
    client, ids, ws = seeded
    with ws.uow() as uow:
        proposal = uow.documents.add(
            Document(filename="proposal.txt", kind=DocumentKind.PROPOSAL, content=b"We propose a model.")
        )
        uow.commit()
    refused = client.post(f"/api/documents/{proposal.id}/review")
    assert refused.status_code == 422 and "not a contract" in refused.json()["error"]["message"]
    view = client.get(f"/api/documents/{proposal.id}").json()
    assert view["is_contract"] is False and view["checklist"] == {"measured": False, "why": view["checklist"]["why"]}
    assert len(_contracts(ws)[1]) == 1


def test_the_document_json_has_its_documented_shape(seeded):
    client, ids, _ = seeded
    data = client.get(f"/api/documents/{ids['document_id']}").json()
    assert list(data) == [
        "document",
        "engagement",
        "is_contract",
        "checklist",
        "segments",
        "text_error",
        "versions",
        "changes",
    ]
    assert list(data["document"]) == [
        "id",
        "filename",
        "title",
        "kind",
        "size",
        "media_type",
        "created_at",
        "uploaded_by",
    ]
    assert [v["status"] for v in data["versions"]] == ["current"] and data["changes"] is None
    assert data["document"]["kind"] == "contract" and data["engagement"]["name"] == webdata.ENGAGEMENT
    checklist = data["checklist"]
    assert list(checklist) == [
        "measured",
        "document_id",
        "file",
        "score",
        "engagement_model",
        "findings",
        "recommendations",
        "parties",
        "reviewed_at",
    ]
    first = checklist["findings"][0]
    assert list(first) == [
        "id",
        "group",
        "kind",
        "label",
        "status",
        "verdict",
        "detail",
        "evidence",
        "weighed_most",
        "position",
        "position_detail",
    ]
    assert list(first["evidence"][0]) == ["text", "start", "end", "located", "anchor"]
    assert (
        first["evidence"][0]["located"] is True
        and first["evidence"][0]["anchor"] == "ev-clause-deliverable_ownership-0"
    )
    engagement = client.get(f"/api/engagements/{ids['engagement_id']}").json()["contract"]
    assert list(engagement["findings"][0]["evidence"][0]) == ["text", "start", "end"]  # not located there
    assert engagement["file"] == webdata.CONTRACT_NAME and engagement["score"] == 46


def test_openapi_describes_the_contract_shapes_with_their_enums(seeded):
    client, _, _ = seeded
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    for name in ("ContractChecked", "ContractReview", "ContractView", "MarkedFinding", "ContractRedFlag"):
        assert schemas[name]["properties"], name
    assert set(schemas["ContractRedFlag"]["properties"]["binds"]["enum"]) == {"client", "vendor", "both", "unknown"}
    assert set(schemas["ContractReview"]["properties"]["engagement_model"]["enum"]) == {"project", "advisory", "mixed"}
    document = spec["paths"]["/api/documents/{document_id}"]["get"]["parameters"][0]["schema"]
    assert document["type"] == "integer" and document["maximum"] == MAX_ID
