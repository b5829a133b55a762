"""Owning the record in a real browser: the lead edits a weekly review through its Edit form, deletes
a drill through its Delete button and the confirmation, restores it from the trash and finds it on the
engagement page again. Screenshots go to test-artifacts/."""

from __future__ import annotations

from tests.browser.conftest import shot, sign_in

LEAD = ("dana.okafor@meridianfreight.com", "demo-lead-password")


def test_edit_a_review_delete_a_drill_and_restore_it(demo_server, page):
    base = demo_server["url"]
    sign_in(page, base, *LEAD)
    page.goto(base + "/engagements/1")

    review = page.locator("#review-list li.review").first
    review_id = review.get_attribute("id")
    edit = review.locator("details.edit")
    edit.locator("summary").click()
    form = edit.locator("form")
    form.locator("textarea[name=done]").fill("Priya retrained the ETA model alone, the partner watching")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert "/engagements/1" in page.url
    assert "Priya retrained the ETA model alone" in page.locator(f"#{review_id} dd.done").inner_text()

    drill = page.locator("#drills li[id^=drill-]").first
    drill_id = drill.get_attribute("id")
    assert drill_id
    number = drill_id.removeprefix("drill-")
    drill.locator(f"#delete-drill-{number} > summary").click()
    shot(page, "delete-confirmation", full=False)
    with page.expect_navigation():
        drill.locator(f"#confirm-delete-drill-{number}").click()
    assert "note=Deleted" in page.url
    assert page.locator(f"#{drill_id}").count() == 0
    assert "Deleted" in page.locator("#page-note").inner_text()

    page.goto(base + "/trash")
    row = page.locator("#trash-table tbody tr", has_text=f"drill {number}")
    assert row.count() == 1
    with page.expect_navigation():
        row.locator("button[id^=restore-]").click()
    assert "/trash?note=Restored" in page.url
    assert "Restored" in page.locator("#trash-note").inner_text()
    shot(page, "trash-restored", full=False)

    page.goto(base + "/engagements/1")
    assert page.locator(f"#{drill_id}").count() == 1
