"""The register of information on the web: the exit page's table with its reasons, the CSV download
and the JSON API, the same model as `inhouse exit-readiness --register --json`; a partner user sees none."""

from __future__ import annotations

import csv
import io
import re

import pytest
from markupsafe import escape

from inhouse.domain.accounts import Role
from inhouse.services import register
from inhouse.web import create_app
from tests import webdata
from tests.functional.test_access_matrix import _account, _signed_in
from tests.webclient import WebClient

CODES = [f"B_07.01.{n:04d}" for n in range(50, 130, 10)]


@pytest.fixture
def seeded(ws):
    ids = webdata.seed(ws)
    with WebClient(create_app(ws)) as client:
        yield client, ids, ws


def test_the_exit_page_shows_every_register_column_with_its_reason(seeded):
    client, ids, ws = seeded
    html = client.get(f"/engagements/{ids['engagement_id']}").text
    section = html.split('id="register"')[1].split("</section>")[0]
    expected = register.register(ws, str(ids["engagement_id"]))
    for cell in expected.cells():
        row = re.search(rf'<tr id="register-{cell.code.replace(".", "-")}">(.*?)</tr>', section, re.S)
        assert row, cell.code
        assert cell.label in row.group(1)
        assert str(escape(cell.reason)) in row.group(1)
    # the seed's contract has no exit clause: highly complex, for want of data portability
    assert "Highly complex substitutability" in section
    assert "Difficulties in migrating or reintegrating" in section and "no tested export recorded" in section
    assert f'href="/engagements/{ids["engagement_id"]}/register.csv"' in section
    assert f'href="/api/engagements/{ids["engagement_id"]}/register"' in section


def test_the_register_downloads_as_csv_and_json(seeded):
    client, ids, ws = seeded
    answer = client.get(f"/engagements/{ids['engagement_id']}/register.csv")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    assert re.fullmatch(
        r'attachment; filename="register-B_07\.01-eta-prediction-\d{4}-\d{2}-\d{2}\.csv"',
        answer.headers["content-disposition"],
    )
    assert answer.text.startswith(",".join(CODES) + "\r\n")
    header, row = list(csv.reader(io.StringIO(answer.text)))
    assert header == CODES and row[0] == "Highly complex substitutability"
    api = client.get(f"/api/engagements/{ids['engagement_id']}/register")
    assert api.status_code == 200
    assert api.json() == register.register(ws, str(ids["engagement_id"])).model_dump(mode="json")
    by_name = client.get("/api/engagements/ETA prediction/register").json()
    assert by_name["engagement"] == webdata.ENGAGEMENT
    assert client.get("/api/engagements/404/register").status_code == 404
    assert client.get("/engagements/404/register.csv").status_code == 404


def test_a_partner_user_never_sees_the_register(seeded):
    _, ids, ws = seeded
    app = create_app(ws)
    mei = _signed_in(app, ws, _account(ws, "mei@quantialabs.io", "Mei Chen", Role.PARTNER, webdata.PARTNER))
    viewer = _signed_in(app, ws, _account(ws, "vic@acme.example", "Vic Viewer", Role.VIEWER))
    with mei, viewer:
        for path in (
            f"/api/engagements/{ids['engagement_id']}/register",
            f"/engagements/{ids['engagement_id']}/register.csv",
        ):
            assert mei.get(path).status_code == 404, path
            assert viewer.get(path).status_code == 200, path
