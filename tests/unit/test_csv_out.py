"""The CSV writer: a header and a row per shape, nested values flattened, RFC 4180 quoting, and no
text cell a spreadsheet would evaluate as a formula."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from inhouse.domain.jobs import JobRecord, JobResult, JobStatus
from inhouse.domain.participation import AlertPeriod
from inhouse.domain.reviews import ReviewFlag, ReviewRecord
from inhouse.report.csv_out import FORMULA_STARTS, MEDIA_TYPE, columns, neutralised, to_csv
from inhouse.services.dashboard.knowledge import DirectoryRisk


def _read(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def _review(**changes) -> ReviewRecord:
    values = dict(
        id=1,
        engagement="ETA prediction",
        week_of=date(2026, 1, 5),
        done="Shipped the model",
        why="drift",
        next="monitor",
        attendees=["Priya Raman", "Mei Chen"],
        internal_attendees=["Priya Raman"],
        decisions=[],
        flags=[ReviewFlag(flag="boilerplate", section="why", detail="says nothing")],
    )
    return ReviewRecord(**{**values, **changes})


def _job(result: JobResult | None) -> JobRecord:
    return JobRecord(
        id=7,
        kind="scan",
        subject="eta-prediction",
        engagement_id=1,
        submitted_by="lead@acme.example",
        status=JobStatus.DONE,
        finished=True,
        progress=1.0,
        message="done",
        result=result,
        error="",
        created_at=datetime(2026, 1, 5, 9, 30, 0),
        started_at=None,
        finished_at=None,
    )


def test_the_header_is_the_json_keys_in_order_and_sub_models_are_dotted_columns():
    assert columns(ReviewRecord) == list(_review().model_dump(mode="json"))
    job_columns = columns(JobRecord)
    assert job_columns[:10] == [
        "id",
        "kind",
        "subject",
        "engagement_id",
        "submitted_by",
        "status",
        "finished",
        "progress",
        "message",
        "result.result_id",
    ]
    assert "result.summary" in job_columns and "result" not in job_columns
    assert columns(AlertPeriod)[:3] == ["kind", "from", "to"]  # the keys --json prints (aliases)


def test_values_are_flattened_dates_iso_none_empty_lists_joined_models_as_json():
    rows = _read(to_csv([_review(), _review(id=2, flags=[], confirmed_on=date(2026, 1, 9))], ReviewRecord))
    header, first, second = rows
    cell = dict(zip(header, first, strict=True))
    assert cell["week_of"] == "2026-01-05"
    assert cell["attendees"] == "Priya Raman; Mei Chen"
    assert cell["decisions"] == ""
    assert cell["flags"] == '[{"flag":"boilerplate","section":"why","detail":"says nothing"}]'
    assert cell["confirmed_on"] == "" and cell["author_user_id"] == ""
    assert dict(zip(header, second, strict=True))["confirmed_on"] == "2026-01-09"
    done, missing = _read(to_csv([_job(JobResult(summary="12 commits", commits=12)), _job(None)], JobRecord))[1:]
    header = columns(JobRecord)
    assert dict(zip(header, done, strict=True))["result.summary"] == "12 commits"
    assert dict(zip(header, done, strict=True))["result.commits"] == "12"
    assert dict(zip(header, done, strict=True))["finished"] == "true"
    assert dict(zip(header, done, strict=True))["created_at"] == "2026-01-05T09:30:00"
    assert all(dict(zip(header, missing, strict=True))[c] == "" for c in header if c.startswith("result."))


def test_rfc_4180_crlf_quoting_newlines_in_cells_and_unicode():
    text = to_csv([_review(done='Line one\nline "two", with a comma', why="Überprüft ✓ 検証")], ReviewRecord)
    assert text.endswith("\r\n") and text.count("\r\n") == 2  # the header and one row; the \n inside is quoted
    assert '"Line one\nline ""two"", with a comma"' in text
    row = _read(text)[1]
    assert 'Line one\nline "two", with a comma' in row and "Überprüft ✓ 検証" in row
    assert MEDIA_TYPE == "text/csv; charset=utf-8"


def test_an_empty_table_is_its_header():
    assert _read(to_csv([], DirectoryRisk)) == [columns(DirectoryRisk)]


def test_formula_like_text_is_neutralised_and_numbers_stay_numbers():
    hostile = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(1)", "\tcmd", "\rcmd", "\nx"]
    rows = _read(to_csv([_review(id=i + 1, done=h, attendees=[h]) for i, h in enumerate(hostile)], ReviewRecord))
    header = rows[0]
    for text, row in zip(hostile, rows[1:], strict=True):
        cell = dict(zip(header, row, strict=True))
        assert cell["done"] == "'" + text and cell["attendees"] == "'" + text
    risky = DirectoryRisk(path="-rf", files=3, orphaned_files=0, orphaned_share=0.0, orphaned=("=cmd", "ok"))
    cell = dict(zip(columns(DirectoryRisk), _read(to_csv([risky], DirectoryRisk))[1], strict=True))
    assert cell == {
        "path": "'-rf",
        "files": "3",
        "orphaned_files": "0",
        "orphaned_lines": "",
        "orphaned": "'=cmd; ok",
        "orphaned_share": "0.0",
    }


@given(st.text(max_size=40))
def test_no_text_cell_ever_starts_like_a_formula_and_the_text_survives(text):
    row = _read(to_csv([_review(done=text, why="w", next="n")], ReviewRecord))[1]
    cell = dict(zip(columns(ReviewRecord), row, strict=True))["done"]
    assert not cell.startswith(FORMULA_STARTS)
    assert cell == neutralised(text) and cell in (text, "'" + text)
