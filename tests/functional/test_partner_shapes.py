"""Partner choice as typed shapes: what is stored, served and printed; bad input refused in one
line naming the field (never a CLI option on the web), nothing stored."""

from __future__ import annotations

import json
import sqlite3

import pytest

from inhouse.domain.organisations import PartnerIn
from inhouse.domain.partners import Answer, ReferenceIn
from inhouse.domain.shapes import validated
from inhouse.errors import InvalidInput
from inhouse.web import create_app
from tests import records
from tests.functional.test_cli_partners import GOOD
from tests.functional.test_web_forms_partners import PROPOSAL
from tests.webclient import WebClient


@pytest.fixture
def api(ws):
    partner = records.add_partner(ws, "Northwind ML", domains=["northwind.example"])
    with WebClient(create_app(ws), raise_server_exceptions=False) as client:
        yield client, partner["id"], ws


def _stored(ws) -> list[tuple[str, dict]]:
    with ws.uow() as uow:
        return [(r.subject, r.payload) for r in uow.results.list(kind="proposal")]


def test_an_upload_is_kept_under_its_own_name_and_no_temporary_folder_is_ever_shown(api):
    client, pid, ws = api
    created = client.post(f"/api/partners/{pid}/proposals", files={"file": ("northwind.md", PROPOSAL.encode())})
    assert created.status_code == 202  # assessed in a background job
    job = client.app.state.runner.wait(created.json()["id"], timeout=60)
    assert job.status == "done", job
    [(subject, payload)] = _stored(ws)
    assert subject == "northwind.md" and payload["file"] == "northwind.md"
    listed = client.get("/api/partners")
    page = client.get("/partners")
    form = client.post(
        f"/partners/{pid}/proposals", files={"file": ("second.txt", PROPOSAL.encode())}, follow_redirects=False
    )
    assert form.status_code == 303 and form.headers["location"].startswith("/jobs/")
    client.app.state.runner.wait(int(form.headers["location"].rsplit("/", 1)[1]), timeout=60)
    again = client.get("/api/partners").text + client.get("/partners").text
    for text in (created.text, listed.text, page.text, again, json.dumps(_stored(ws))):
        assert "inhouse-upload" not in text and "/tmp" not in text
    [card] = [p for p in listed.json()["partners"] if p["id"] == pid]
    assert card["assessments"][0]["file"] == "northwind.md"
    assert ">northwind.md</a>" in page.text


def test_the_partners_api_keeps_its_keys_in_order(api):
    client, pid, _ = api
    queued = client.post(f"/api/partners/{pid}/proposals", files={"file": ("n.md", PROPOSAL.encode())})
    assert queued.status_code == 202
    client.app.state.runner.wait(queued.json()["id"], timeout=60)
    data = client.get("/api/partners").json()
    assert list(data) == ["partners", "ranking", "not_assessed"]
    [card] = data["partners"]
    assert list(card) == [
        "id",
        "name",
        "status",
        "website",
        "email_domains",
        "notes",
        "assessments",
        "documents",
        "references",
        "measured",
        "proposals",
    ]
    assert list(card["assessments"][0]) == [
        "id",
        "document_id",
        "summary",
        "created_at",
        "signals",
        "red_flags",
        "references",
        "file",
        "current",
    ]
    assert list(card["assessments"][0]["signals"]) == ["problem_first", "honest_limits", "starts_small"]
    assert list(card["documents"][0]) == ["id", "filename", "kind"]
    assert list(data["ranking"]) == ["measured", "engagement", "criteria", "candidates", "notes"]
    candidate = data["ranking"]["candidates"][0]
    assert list(candidate) == ["rank", "partner", "score", "documents", "criteria", "reasons"]
    assert data["ranking"]["criteria"][0] == {
        "name": "problem_first",
        "weight": 20,
        "description": "shows interest in your problem before its technology",
    }


def test_no_ranking_says_why_in_words_a_web_user_can_act_on(api):
    client, _, _ = api
    ranking = client.get("/api/partners").json()["ranking"]
    assert ranking["measured"] is False and set(ranking) == {"measured", "why"}
    assert "inhouse" not in ranking["why"] and "--" not in ranking["why"]


def test_the_openapi_schema_describes_partners_with_their_enums(api):
    client, _, _ = api
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    ok = spec["paths"]["/api/partners"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok["$ref"].endswith("/PartnerComparison")
    assert schemas["Answer"]["enum"] == ["yes", "no", "unknown"]
    assert schemas["PartnerStatus"]["enum"] == ["candidate", "engaged", "former"]
    assert set(schemas["RedFlag"]["properties"]["kind"]["enum"]) >= {"guaranteed_accuracy", "no_limits"}
    created = spec["paths"]["/api/partners/{ref}/proposals"]["post"]["responses"]["202"]
    assert created["content"]["application/json"]["schema"]["$ref"].endswith("/JobRecord")


@pytest.mark.parametrize(
    "body,message",
    [
        ({"name": "   "}, "name must not be blank"),
        ({"name": "x" * 201}, "name must be at most 200 characters"),
        ({"name": "Other", "domains": ["not a domain"]}, "domains.0 must be an e-mail domain"),
        ({"name": "Other", "status": "friend"}, "status must be one of"),
        ({"name": "Other", "notes": "n" * 20_001}, "notes must be at most 20000 characters"),
        ({"name": "Other", "website": "has spaces in it"}, "website must be a web address"),
    ],
)
def test_bad_partners_are_refused_naming_the_field(api, body, message):
    client, _, _ = api
    response = client.post("/api/partners", json=body)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["type"] == "InvalidInput"
    assert message in response.json()["error"]["message"]
    assert [p["name"] for p in client.get("/api/partners").json()["partners"]] == ["Northwind ML"]


@pytest.mark.parametrize(
    "ref,body,status,message",
    [
        ("{pid}", {"name": "Harbour", "client_contact_offered": "maybe"}, 422, "client_contact_offered must be yes"),
        ("{pid}", {"name": ""}, 422, "name must not be blank"),
        ("Ghost Ltd", {"name": "Harbour"}, 404, "no partner 'Ghost Ltd'"),
        (str(2**64), {"name": "Harbour"}, 404, "no partner"),
        ("x" * 301, {"name": "Harbour"}, 422, "ref must be at most 200 characters"),
    ],
)
def test_bad_references_are_refused_in_web_words_and_store_nothing(api, ref, body, status, message):
    client, pid, ws = api
    response = client.post(f"/api/partners/{ref.format(pid=pid)}/references", json=body)
    assert response.status_code == status, response.text
    text = response.json()["error"]["message"]
    assert message in text and "--" not in text and "inhouse " not in text
    with ws.uow() as uow:
        assert uow.references.list(records_client_id(ws)) == []


def records_client_id(ws) -> int:
    with ws.uow() as uow:
        [client] = uow.clients.list()
        assert client.id is not None
        return client.id


def test_answers_accept_the_usual_spellings_and_nothing_else():
    built = validated(ReferenceIn, name=" Harbour  Logistics ", similar_scale="Y", still_running="false")
    assert (built.name, built.similar_scale, built.still_running) == ("Harbour Logistics", Answer.YES, Answer.NO)
    assert built.client_contact_offered is Answer.UNKNOWN
    with pytest.raises(InvalidInput, match="^still_running must be yes, no or unknown$"):
        validated(ReferenceIn, name="Harbour", still_running="perhaps")


def test_partner_input_is_normalised():
    built = validated(PartnerIn, name="Fathom", status=" Engaged ", domains=["@Fathom.AI", "fathom.ai"], website=" ")
    assert built.status.value == "engaged" and built.domains == ["fathom.ai"] and built.website is None


def test_cli_json_names_the_file_as_given_but_stores_its_own_name(cli, tmp_path):
    cli.ok("partner", "add", "Fathom", "--domain", "fathom.ai")
    path = tmp_path / "good.md"
    path.write_text(GOOD, encoding="utf-8")
    [printed] = cli.ok("partner", "assess", path, "-p", "Fathom", "--json").json
    assert printed["file"] == str(path)
    with sqlite3.connect(cli.url.removeprefix("sqlite:///")) as conn:
        [(subject, payload)] = conn.execute("select subject, payload from analysis_results").fetchall()
    assert subject == "good.md" and json.loads(payload)["file"] == "good.md"
    assert list(json.loads(payload)) == ["file", "kind", "signals", "references", "red_flags", "speakers"]


def test_cli_partner_rows_keep_their_keys(cli):
    added = cli.ok("partner", "add", "Fathom", "--domain", "Fathom.ai", "--json").json
    assert list(added) == ["id", "name", "status", "website", "email_domains", "notes"]
    assert added["email_domains"] == ["fathom.ai"] and added["status"] == "candidate"
    assert cli.ok("partner", "list", "--status", "candidate", "--json").json == [added]


@pytest.mark.parametrize(
    "args,message",
    [
        (["partner", "add", "Fathom", "--domain", "nodot"], "domains.0 (--domain) must be an e-mail domain"),
        (["partner", "add", "  "], "name must not be blank"),
        (["partner", "list", "--status", "friend"], "status (--status) must be one of"),
        (["partner", "compare", "--weight", "references=nan"], "weight of references must be a finite number"),
        (["partner", "compare", "--technical-skill", "Fathom=inf"], "from 0 to 5"),
        (["partner", "reference", "add", "Fathom", "X", "--still-running", "?!"], "(--still-running)"),
    ],
)
def test_cli_errors_name_the_field_and_the_option(cli, args, message):
    result = cli(*args)
    assert result.exit_code == 2, result.stderr
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "path,body",
    [
        ("/api/partners", {"name": "A\x00B"}),
        ("/api/partners", {"name": "Other", "notes": "\x00"}),
        ("/api/partners/{pid}/references", {"name": "Harbour\x00"}),
        ("/api/partners/a%00/references", {"name": "Harbour"}),
    ],
)
def test_nul_characters_are_refused_before_any_database_sees_them(api, path, body):
    client, pid, _ = api
    response = client.post(path.format(pid=pid), json=body)
    assert response.status_code == 422, response.text
    assert "must not contain NUL characters" in response.json()["error"]["message"]
