"""Proposal versions on the web and the contract page's comparison of any two versions: the API's
versions and diff of a partner's proposal (bad versions 4xx naming the parameter), the partners page
showing the current version and why, the older ones and what changed, and `/documents/{id}` comparing
the two contract versions picked in its form."""

from __future__ import annotations

import pytest

from inhouse.domain.accounts import Actor, Role, UserIn
from inhouse.domain.shapes import Upload, validated
from inhouse.jobs import JobRunner
from inhouse.services import accounts, contracts, partners_assess
from inhouse.web import create_app
from tests import webdata
from tests.functional.test_proposal_versions_cli import DIFF_KEYS, V1, V2
from tests.unit.test_contract_diff import V1 as CONTRACT_V1
from tests.unit.test_contract_diff import V2 as CONTRACT_V2
from tests.webclient import WebClient

DANA = "dana.okafor@meridianfreight.com"
PASSWORD = "demo-lead-password"


@pytest.fixture
def web(ws):
    ids = webdata.seed(ws)  # Quantia Labs, the engagement and its reviewed contract (v1)
    accounts.add(ws, validated(UserIn, email=DANA, name="Dana Okafor", role="lead", password=PASSWORD))
    runner = JobRunner(ws, workers=1, interval=0.0)
    with WebClient(create_app(ws, runner=runner), raise_server_exceptions=False) as client:
        client.sign_in(DANA, PASSWORD)
        yield client, runner, ids, ws
    runner.shutdown()


def _upload(client, runner, partner_id: int, name: str, text: str) -> dict:
    sent = client.post(f"/api/partners/{partner_id}/proposals", files={"file": (name, text.encode(), "text/markdown")})
    assert sent.status_code == 202, sent.text
    runner.wait(sent.json()["id"], timeout=60)
    job = client.get(f"/api/jobs/{sent.json()['id']}").json()
    assert job["status"] == "done", job
    return job


def _assess_as_dana(ws, partner_id: int, name: str, text: str) -> None:
    """What the upload's job stores, acting as Dana (the account that uploads it)."""
    with ws.uow() as uow:
        account = uow.users.by_email(DANA)
    dana = Actor(kind="user", label=DANA, user_id=account.id, role=Role.LEAD)
    partners_assess.assess(ws.acting(dana), [Upload(name=name, content=text.encode())], partner=str(partner_id))


def _partner_id(client) -> int:
    return next(p["id"] for p in client.get("/api/partners").json()["partners"] if p["name"] == webdata.PARTNER)


def test_proposal_versions_and_diff_through_the_api_and_the_partners_page(web):
    client, runner, _, ws = web
    pid = _partner_id(client)
    base = f"/api/partners/{pid}/proposals"
    assert client.get(f"{base}/versions").json() == []
    assert client.get(f"{base}/diff").status_code == 422
    _upload(client, runner, pid, "quantia-v1.md", V1)  # the page's upload: a background job
    _assess_as_dana(ws, pid, "quantia-v2.md", V2)

    listed = client.get(f"{base}/versions").json()
    assert [(v["version"], v["name"], v["status"]) for v in listed] == [
        (1, "quantia-v1.md", "earlier"),
        (2, "quantia-v2.md", "current"),
    ]
    assert listed[0]["uploaded_by"] == listed[1]["uploaded_by"] == DANA  # the job acts as who queued it
    assert client.get("/api/partners/Quantia Labs/proposals/versions").json() == listed
    diff = client.get(f"{base}/diff").json()
    assert list(diff) == DIFF_KEYS and (diff["before"]["version"], diff["after"]["version"]) == (1, 2)
    assert client.get(f"{base}/diff", params={"before": "v1", "after": "2"}).json() == diff
    for params, status, words in (
        ({"before": "abc"}, 422, "before: 'abc' is not a version"),
        ({"after": "9"}, 404, "after: no version 9"),
        ({"before": "doc:999999"}, 404, "before: document 999999 is not a version"),
        ({"before": "x" * 21}, 422, "before"),
        ({"engagement": "Nowhere"}, 404, "Nowhere"),
    ):
        answer = client.get(f"{base}/diff", params=params)
        assert answer.status_code == status and words in answer.text, (params, answer.text)
    assert client.get("/api/partners/999999/proposals/versions").status_code == 404

    card = next(p for p in client.get("/api/partners").json()["partners"] if p["id"] == pid)
    [history] = card["proposals"]
    assert history["current"]["version"] == 2 and history["changes"] == diff
    assert [a["current"] for a in card["assessments"]] == [True, False]  # newest first: v1 is not read

    html = client.get("/partners").text
    section = html[html.index(f'id="proposal-{pid}-general"') :]
    section = section[: section.index("</details>")]
    current = listed[1]
    assert "<strong>v2</strong>" in section and "current" in section
    assert f"the newest of 2 assessed versions; uploaded by Dana Okafor, {current['uploaded_at'][:10]}" in section
    assert "replaced by v2 (newer)" in section and "quantia-v1.md" in section
    assert "What changed since v1" in section and "signals shown 0/3 → 3/3" in section
    assert "We guarantee 97%" in section and "not our specialty" in section


def test_the_contract_page_compares_the_two_versions_picked(web):
    client, _, ids, ws = web
    eid, v1 = ids["engagement_id"], ids["document_id"]
    for name, text in (("v2.md", CONTRACT_V1), ("v3.md", CONTRACT_V2)):
        contracts.check(ws, [Upload(name=name, content=text.encode())], engagement=str(eid), confirm_parties=True)
    versions = client.get(f"/api/engagements/{eid}/contract/versions").json()
    v2, v3 = versions[1]["document_id"], versions[2]["document_id"]

    page = client.get(f"/documents/{v3}").text  # by default: since the version before
    assert 'id="compare-form"' in page and 'name="before"' in page and 'name="after"' in page
    assert "What changed since v2" in page
    picked = client.get(f"/documents/{v3}", params={"before": "v1", "after": "v2"})
    assert picked.status_code == 200
    assert "What changed from v1 to v2" in picked.text
    api = client.get(f"/api/documents/{v3}", params={"before": "v1", "after": "v2"}).json()["changes"]
    expected = client.get(f"/api/engagements/{eid}/contract/diff", params={"before": "1", "after": "2"}).json()
    assert api == expected  # the same ContractDiff the CLI prints
    for change in expected["terms"]:
        for quote in change["evidence_after"]:
            assert quote["text"].split("\n")[0][:40].replace("'", "&#39;") in picked.text
    assert '<option value="v1" selected>' in picked.text and '<option value="v2" selected>' in picked.text
    first = client.get(f"/documents/{v1}", params={"before": "v3"}).text  # after: this document
    assert "What changed from v3 to v1" in first
    assert client.get(f"/documents/{v2}", params={"after": f"doc:{v3}"}).status_code == 200

    for params, status, words in (
        ({"before": "abc"}, 422, "before"),
        ({"after": "v9"}, 404, "after: no version 9"),
        ({"before": "doc:999999"}, 404, "before: document 999999"),
        ({"before": "y" * 21}, 422, "before"),
    ):
        answer = client.get(f"/documents/{v3}", params=params)
        assert answer.status_code == status and words in answer.text, (params, answer.status_code)
        api_answer = client.get(f"/api/documents/{v3}", params=params)
        assert api_answer.status_code == status and words in api_answer.text

    pid = _partner_id(client)
    sent = client.post(f"/api/partners/{pid}/proposals", files={"file": ("p.md", V2.encode(), "text/markdown")})
    assert sent.status_code == 202
    web[1].wait(sent.json()["id"], timeout=60)
    proposal = client.get(f"/api/jobs/{sent.json()['id']}").json()["result"]["document_id"]
    not_a_contract = client.get(f"/documents/{proposal}", params={"before": "v1"})
    assert not_a_contract.status_code == 422 and "is not a version of an engagement" in not_a_contract.text
