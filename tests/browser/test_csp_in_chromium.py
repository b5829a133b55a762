"""Headless Chromium under the real Content-Security-Policy: no page reports a violation, Swagger UI
renders at /docs, and signing in and out works through the forms."""

from __future__ import annotations

import pytest

from inhouse.domain.accounts import UserIn
from inhouse.domain.shapes import validated
from inhouse.services import accounts
from tests import webdata
from tests.browser.conftest import serving

PASSWORD = "correct horse battery"
WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sourceFile || ""));
});
"""


@pytest.fixture
def served(ws):
    from inhouse.web import create_app

    ids = webdata.seed(ws)
    with serving(create_app(ws)) as url:
        yield url, ids, ws


def _violations(page, console: list[str]) -> list[str]:
    found = list(page.evaluate("window.__csp || []"))
    return found + [m for m in console if "Content Security Policy" in m]


def test_no_page_reports_a_csp_violation(served, page):
    url, ids, _ = served
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(WATCH)
    paths = ["/", "/partners", f"/engagements/{ids['engagement_id']}", f"/documents/{ids['document_id']}", "/nowhere"]
    for path in paths:
        page.goto(url + path)
        page.wait_for_load_state("load")
        if path != "/nowhere":  # a path with no route is answered before anyone is identified
            assert page.locator("#local-banner").count() == 1, path
        assert _violations(page, console) == [], path
    page.goto(url + "/docs")
    page.wait_for_selector(".swagger-ui .info", timeout=15_000)
    assert page.locator(".opblock").count() > 10
    assert _violations(page, console) == [], "/docs"


def test_sign_in_and_out_in_the_browser(served, page):
    url, _, ws = served
    accounts.add(ws, validated(UserIn, email="lead@acme.example", name="Lena Lead", role="lead", password=PASSWORD))
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(WATCH)
    page.goto(url + "/partners")
    assert "/login" in page.url
    page.fill("input[name=email]", "lead@acme.example")
    page.fill("input[name=password]", PASSWORD)
    page.click("#login-form button[type=submit]")
    page.wait_for_selector("#who")
    assert page.url.endswith("/partners") and "Lena Lead" in page.inner_text("#who")
    assert page.locator("#local-banner").count() == 0
    page.click("#signout-form button")
    page.wait_for_selector("#login-form")
    page.goto(url + "/")
    assert "/login" in page.url
    assert _violations(page, console) == []
