"""HTTP validators and the kept portfolio page: a 304 when nothing changed, fresh HTML after a write."""

from __future__ import annotations

import re
import socket

import pytest

from inhouse.cli.web import listen
from inhouse.web import create_app
from inhouse.web.caching import PageCache
from tests import records, webdata
from tests.webclient import WebClient


@pytest.fixture
def seeded(ws):
    ids = webdata.seed(ws)
    with WebClient(create_app(ws)) as client:
        yield client, ids


def _reviews_cell(html: str, eid: int) -> str:
    row = re.search(rf'<tr id="engagement-{eid}">(.*?)</tr>', html, re.S).group(1)
    return re.search(r'data-label="Reviews">(.*?)</td>', row, re.S).group(1)


def test_an_unchanged_portfolio_is_a_304(seeded):
    client, _ = seeded
    client.get("/")  # the first view computes the statuses: its page changed while it was built
    first = client.get("/")
    etag = first.headers["etag"]
    assert first.status_code == 200 and first.headers["cache-control"] == "private, no-cache"
    again = client.get("/", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert client.get("/?page=1").headers["etag"] == etag
    assert client.get("/", headers={"If-None-Match": 'W/"something else"'}).status_code == 200


def test_the_partner_comparison_is_kept_until_a_partner_changes(seeded):
    client, _ = seeded
    first = client.get("/partners")
    etag = first.headers["etag"]
    assert client.get("/partners", headers={"If-None-Match": etag}).status_code == 304
    assert client.post("/api/partners", json={"name": "Northwind ML"}).status_code == 201
    after = client.get("/partners", headers={"If-None-Match": etag})
    assert after.status_code == 200 and "Northwind ML" in after.text


def test_the_portfolio_changes_after_a_review_through_the_form(seeded):
    client, ids = seeded
    eid = ids["engagement_id"]
    client.get("/")
    first = client.get("/")
    assert _reviews_cell(first.text, eid).startswith("3")
    form = {
        "week_of": "2026-11-09",
        "done": "Shadow deployment",
        "why": "ranges",
        "next": "promote",
        "attendees": "Priya Raman",
    }
    assert client.post(f"/engagements/{eid}/reviews", data=form, follow_redirects=False).status_code == 303
    after = client.get("/", headers={"If-None-Match": first.headers["etag"]})
    assert after.status_code == 200 and after.headers.get("etag") != first.headers["etag"]
    assert _reviews_cell(after.text, eid).startswith("4")


def test_the_served_socket_is_tcp_so_answers_are_not_delayed():
    sock = listen("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP  # asyncio then sets TCP_NODELAY on accepted connections
        assert sock.get_inheritable()
    finally:
        sock.close()


def test_the_engagement_page_is_kept_until_the_engagement_changes(seeded, ws):
    client, ids = seeded
    eid = ids["engagement_id"]
    records.add_person(ws, "Priya Raman", "internal", ["priya@meridian.example"])
    client.get(f"/engagements/{eid}")  # builds and stores the page
    first = client.get(f"/engagements/{eid}")
    etag = first.headers["etag"]
    assert client.get(f"/engagements/{eid}", headers={"If-None-Match": etag}).status_code == 304
    assert client.get(f"/engagements/{eid}").text == first.text
    form = {
        "performed_on": "2026-11-10",
        "person": "Priya Raman",
        "modification": "Retrain the ETA model",
        "outcome": "alone",
    }
    posted = client.post(f"/engagements/{eid}/drills", data=form, follow_redirects=False)
    assert posted.status_code == 303, posted.text
    after = client.get(f"/engagements/{eid}", headers={"If-None-Match": etag})
    assert after.status_code == 200 and "Retrain the ETA model" in after.text
    named = client.get("/engagements/ETA prediction")  # by name: served, without a validator
    assert named.status_code == 200 and "etag" not in named.headers


def test_the_engagement_json_is_kept_too_and_follows_writes(seeded, ws):
    client, ids = seeded
    eid = ids["engagement_id"]
    client.get(f"/api/engagements/{eid}")
    first = client.get(f"/api/engagements/{eid}")
    assert first.headers["content-type"].startswith("application/json")
    assert client.get(f"/api/engagements/{eid}", headers={"If-None-Match": first.headers["etag"]}).status_code == 304
    kept = client.get(f"/api/engagements/{eid}")
    assert kept.json() == first.json() and kept.headers["content-type"].startswith("application/json")
    records.add_person(ws, "Priya Raman", "internal")  # a drill is done by a person of the engagement
    assert (
        client.post(
            f"/api/engagements/{eid}/drills",
            json={
                "performed_on": "2026-11-10",
                "person": "Priya Raman",
                "modification": "Retrain the model",
                "outcome": "alone",
            },
        ).status_code
        == 201
    )
    after = client.get(f"/api/engagements/{eid}").json()
    assert "Retrain the model" in [d["modification"] for d in after["drill_list"]]


def test_the_page_cache_drops_the_least_recently_used_past_its_size():
    cache = PageCache(max_bytes=10)
    cache.put(("/a",), b"aaaa", "text/html")
    cache.put(("/b",), b"bbbb", "text/html")
    assert cache.get(("/a",)) == (b"aaaa", "text/html")  # /a is now the most recently used
    cache.put(("/c",), b"cccc", "application/json")
    assert cache.get(("/b",)) is None and cache.get(("/a",)) and cache.get(("/c",)) and cache.size == 8
