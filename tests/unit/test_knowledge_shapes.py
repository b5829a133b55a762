"""The scan's shapes: the stored payload reads back as it was written, the page sections keep their
keys, and a scan's input is refused field by field before anything runs."""

from __future__ import annotations

import json
import math

import pytest
from pydantic import ValidationError

from inhouse.domain.knowledge import ScanIn, ScanResult
from inhouse.domain.shapes import validated
from inhouse.errors import InvalidInput
from inhouse.services.dashboard.knowledge import NOT_SCANNED, knowledge_at_risk, share_series
from tests.webdata import scan_payload


def test_a_stored_payload_reads_back_unchanged():
    payload = scan_payload()
    assert ScanResult.model_validate(payload).model_dump(mode="json") == payload
    assert list(ScanResult.model_validate(payload).model_dump(mode="json")) == list(payload)


def test_ownership_is_only_there_with_blame():
    payload = scan_payload()
    assert "ownership" not in ScanResult.model_validate(payload).model_dump(mode="json")
    with_blame = {**payload, "ownership": [{"identity": "p1", "side": "partner", "lines": 3}]}
    assert ScanResult.model_validate(with_blame).model_dump(mode="json")["ownership"] == with_blame["ownership"]


@pytest.mark.parametrize(
    "change",
    [
        {"commits": -1},
        {"unknown": 1},
        {"period": "week"},
        {"offboarding": {**scan_payload()["offboarding"], "orphaned_share": math.nan}},
    ],
)
def test_a_payload_of_another_shape_is_refused(change):
    with pytest.raises(ValidationError):
        ScanResult.model_validate({**scan_payload(), **change})


def test_the_page_sections_keep_their_keys():
    meta = {"created_at": "2026-01-05T10:11:12"}
    share = share_series(scan_payload(), meta).model_dump(mode="json")
    assert list(share) == ["measured", "points", "latest", "forecast", "period", "plan", "repo", "scanned_at"]
    assert list(share["points"][0]) == [
        "period", "start", "end", "commits", "internal_share", "internal_line_share", "plan", "gap",
        "internal_file_share", "changes", "low_activity",
    ]  # fmt: skip
    assert share["scanned_at"] == "2026-01-05T10:11:12"
    risk = knowledge_at_risk(scan_payload(), meta).model_dump(mode="json")
    assert list(risk) == [
        "measured", "truck_factor", "offboarding", "people", "commits", "head", "warnings", "scanned_at",
    ]  # fmt: skip
    assert risk["truck_factor"] == {"value": 1, "authors": ["Mei Chen"]}
    assert [d["orphaned_share"] for d in risk["offboarding"]["by_directory"]] == [0.9, 0.3]
    assert [p["name"] for p in risk["people"]] == ["Mei Chen", "Priya Raman"]
    json.dumps(risk, allow_nan=False)


def test_a_section_without_a_scan_says_why():
    for section in (share_series(None), knowledge_at_risk(None), share_series({**scan_payload(), "trajectory": []})):
        assert section.model_dump(mode="json") == {"measured": False, "why": NOT_SCANNED}
    assert "inhouse" not in NOT_SCANNED  # a web user reads it: no command to type


@pytest.mark.parametrize(
    "values,message",
    [
        ({"repository": "  "}, "repository must not be blank"),
        ({"repository": "/r", "period": "week"}, "period must be one of"),
        ({"repository": "/r", "jobs": 0}, "jobs must be ≥ 1"),
        ({"repository": "/r", "rev": ""}, "rev must not be blank"),
        ({"repository": "/r", "aliases": [""]}, "aliases.0"),
        ({"repository": "/r", "internal_domains": ["a"] * 201}, "internal_domains must have at most 200 items"),
        ({"repository": "/r", "depth": 3}, "depth is not a known field"),
    ],
)
def test_scan_input_names_the_bad_field(values, message):
    with pytest.raises(InvalidInput) as error:
        validated(ScanIn, values)
    assert message in str(error.value)
