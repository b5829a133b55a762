"""The queue in a real browser: the lead starts a scan, follows its progress on the jobs page (the
page polls the job's JSON), cancels it there, and the job ends cancelled at its next checkpoint.
The scan's handler is a slow stand-in that reports progress as a scan does, so the job is still
running when the button is pressed."""

from __future__ import annotations

import time

from inhouse.domain.jobs import JobResult
from inhouse.jobs import handlers
from tests.browser.conftest import shot, sign_in

LEAD = ("dana.okafor@meridianfreight.com", "demo-lead-password")


def _slow_scan(ws, payload, report):
    for done in range(600):
        report("mining commits", done, 600)
        time.sleep(0.05)
    return JobResult(summary="never reached: cancelled first")


def test_follow_a_running_scan_on_the_jobs_page_and_cancel_it(demo_server, page, monkeypatch):
    monkeypatch.setitem(handlers.HANDLERS, "scan", _slow_scan)
    base = demo_server["url"]
    sign_in(page, base, *LEAD)
    page.goto(base + "/engagements/1")
    started = page.evaluate(  # as the page's own script posts: with the session's CSRF token
        "window.inhouseFetch('/api/engagements/1/scans', {method: 'POST'})"
        ".then(function (r) { return r.json().then(function (j) { return {status: r.status, job: j}; }); })"
    )
    assert started["status"] == 202, started
    job_id = started["job"]["id"]

    page.goto(base + "/jobs")
    row = page.locator(f"#job-{job_id}")
    page.wait_for_function(  # the page follows the job: its progress bar moves without a reload
        f"() => document.querySelector('#job-{job_id} progress').value > 0.02"
    )
    assert "mining commits" in row.locator(".job-message").inner_text()
    shot(page, "job-queue-running", full=False)
    with page.expect_navigation():
        row.locator("button", has_text="Cancel").click()
    assert page.url.endswith(f"/jobs/{job_id}")
    page.wait_for_function("() => document.querySelector('.job-status').textContent === 'cancelled'", timeout=20_000)

    page.goto(base + "/jobs?state=cancelled")
    assert page.locator(f"#job-{job_id} .job-status").inner_text() == "cancelled"
