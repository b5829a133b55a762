"""The playbook walked in a real browser: the demo's pages, a weekly review through the form,
a contract upload with its checklist and highlighted evidence. Screenshots go to test-artifacts/."""

from __future__ import annotations

import re

import pytest

from inhouse.services.demo.accounts import demo_accounts
from tests.browser.conftest import shot, sign_in


@pytest.fixture
def page(page, demo_server):
    """The demo is served with its accounts: these pages are the lead's."""
    lead = next(a for a in demo_accounts("Quantia Labs") if a.role.value == "lead")
    sign_in(page, demo_server["url"], lead.email, lead.password)
    return page


CONTRACT = """CONSULTING AGREEMENT

1. Intellectual property. All deliverables, including source code, models, data and documentation,
are owned by the Client from creation.

2. Knowledge transfer. The Consultant shall deliver 24 hours of handover training to the Client's staff.

3. Access. The Client shall have access to the source code repositories and documentation throughout
the project.

4. Termination. Either party may terminate for convenience on 30 days' notice; on termination the
Consultant returns all Client data and hands over all systems and credentials.
"""


def test_portfolio_and_engagement_pages(demo_server, page):
    page.goto(demo_server["url"] + "/")
    row = page.locator("#portfolio-table tbody tr").first
    assert "ETA prediction" in row.inner_text()
    shot(page, "portfolio")
    row.locator("a").first.click()
    page.wait_for_selector("#timeline")
    assert page.locator("#review-list li.review").count() >= 30
    assert page.locator("#share-chart, [data-section=share]").count() == 1
    shot(page, "engagement")
    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    page.goto(demo_server["url"] + "/")
    shot(page, "portfolio-phone")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, f"the portfolio scrolls sideways on a phone ({width}px)"


def test_add_a_weekly_review_through_the_form(demo_server, page):
    page.goto(demo_server["url"] + "/engagements/ETA prediction")
    page.eval_on_selector("#review-add", "details => details.open = true")
    form = page.locator("#review-form")
    form.locator("input[name=week_of]").fill("2026-04-06")
    form.locator("textarea[name=done]").fill("Priya ran the retraining alone for the first time")
    form.locator("textarea[name=why]").fill("the internal team must own retraining before go-live")
    form.locator("textarea[name=next]").fill("Tomás applies the next Terraform change himself")
    form.locator("input[name=attendees]").fill("Priya Raman, Mei Chen")
    form.locator("button[type=submit]").click()
    review = page.locator("#review-2026-04-06")
    review.wait_for()
    assert "Priya ran the retraining alone" in review.inner_text()
    assert re.search(r"#review-2026-04-06$", page.url)
    review.scroll_into_view_if_needed()
    shot(page, "review-added", full=False)


def test_upload_a_contract_and_see_its_highlighted_evidence(demo_server, page, tmp_path):
    path = tmp_path / "consulting-agreement.txt"
    path.write_text(CONTRACT)
    page.goto(demo_server["url"] + "/engagements/ETA prediction")
    page.eval_on_selector("#contract-upload", "details => details.open = true")
    page.locator("#contract-form input[type=file]").set_input_files(str(path))
    page.locator("#contract-form button[type=submit]").click()
    page.wait_for_url("**/jobs/*")  # the contract is reviewed in a background job
    for _ in range(60):
        if page.locator("p.job-result a").count():
            break
        page.wait_for_timeout(500)
        page.reload()
    page.locator("p.job-result a").click()
    page.wait_for_selector("#contract-text")
    checklist = page.locator("#contract-checklist")
    assert checklist.locator("li").count() >= 5
    marks = page.locator("mark.evidence")
    assert marks.count() >= 3
    link = page.locator("a.evidence-link").first
    target = link.get_attribute("href")
    link.click()
    assert page.locator(target).is_visible()
    shot(page, "contract-evidence")


def test_engagement_page_on_a_phone(demo_server, page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(demo_server["url"] + "/engagements/ETA prediction")
    for section in ("#areas", "#participation-table", "#docs-audit", "#asset-table", "#exit-items"):
        assert page.locator(section).is_visible(), section
    assert page.locator("#share-chart-phone").is_visible() and not page.locator("#share-chart").is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, f"the engagement page scrolls sideways on a phone ({width}px)"
    shot(page, "engagement-phone")


def test_a_scan_started_from_the_page_shows_its_progress_then_the_result(demo_server, page):
    page.goto(demo_server["url"] + "/engagements/ETA prediction")
    page.locator("#scan-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"\?job=\d+#jobs$"))
    job_id = re.search(r"job=(\d+)", page.url).group(1)
    item = page.locator(f"#job-{job_id}")
    assert item.locator("progress").count() == 1
    # app.js polls /api/jobs/ID and reloads the page once the job has finished
    page.wait_for_selector(f'#job-{job_id}[data-finished="true"]', timeout=60_000)
    page.wait_for_timeout(1000)  # the reload app.js starts 600 ms after it sees the job finished...
    page.wait_for_load_state("load")  # ...has loaded (what follows reads the reloaded page)
    status = page.locator(f"#job-{job_id} .job-status").inner_text()
    assert status == "done", page.locator(f"#job-{job_id}").inner_text()
    assert "truck factor" in page.locator(f"#job-{job_id} .job-message").inner_text()
    page.locator("#jobs").scroll_into_view_if_needed()
    shot(page, "scan-done", full=False)
