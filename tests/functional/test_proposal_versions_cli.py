"""Proposal versions end to end through the CLI, on SQLite and PostgreSQL: a second proposal from a
partner is a new version (never a replacement), the newest assessed one is current and the only one
the scorecard reads; `inhouse proposal diff` shows what changed with both versions' quotes."""

from __future__ import annotations

import pytest

from tests.conftest import Cli
from tests.functional.test_cli_partners import CALL, GOOD

V1 = """# Proposal for Acme Analytics
## About Fathom
Fathom was founded in 2012 and our award-winning platform powers 300 companies.

## Scope
We propose a three-year programme covering forecasting, pricing and inventory. We can do everything you need.
We guarantee 97% forecast accuracy. Sign by Friday for a 20% discount on the three-year licence.

## Experience
We built a similar forecasting tool for a regional grocer of comparable size.
"""
V2 = GOOD

VERSION_KEYS = ["version", "document_id", "name", "uploaded_by", "uploaded_at", "current", "status", "score", "why"]
DIFF_KEYS = ["partner", "engagement", "before", "after", "signals_change", "signals", "references", "red_flags", "same"]


@pytest.fixture
def fathom(cli_any, tmp_path):
    cli_any.ok("partner", "add", "Fathom")
    for name, text in (("v1.md", V1), ("v2.md", V2), ("call.txt", CALL)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return cli_any


def _assess(cli: Cli, path, *extra: str) -> None:
    cli.ok("partner", "assess", str(path), "--partner", "Fathom", *extra)


def test_a_second_proposal_is_a_new_version_and_the_scorecard_reads_the_current_one(fathom, tmp_path):
    _assess(fathom, tmp_path / "v1.md")
    first = fathom.ok("partner", "compare", "--json").json["candidates"][0]
    assert first["criteria"]["red_flags"]["value"] < 1
    _assess(fathom, tmp_path / "v2.md")

    listed = fathom.ok("proposal", "versions", "Fathom", "--json").json
    assert [list(v) for v in listed] == [VERSION_KEYS] * 2
    assert [(v["version"], v["name"], v["status"], v["current"]) for v in listed] == [
        (1, "v1.md", "earlier", False),
        (2, "v2.md", "current", True),
    ]
    assert all(v["uploaded_by"] and v["uploaded_at"] and v["score"] is None for v in listed)
    assert listed[1]["why"].startswith(f"the newest of 2 assessed versions; uploaded by {listed[1]['uploaded_by']}, ")
    assert listed[0]["why"].startswith("replaced by v2 (newer); uploaded by ")

    # the scorecard reads v2 alone: its red flags are gone, and it says v1 is left out
    compared = fathom.ok("partner", "compare", "--json").json
    candidate = compared["candidates"][0]
    assert candidate["documents"] == 1 and candidate["criteria"]["red_flags"]["value"] == 1
    assert any("proposal v2 (v2.md) is scored; v1 replaced by it" in n for n in compared["notes"])
    # a transcript is evidence of its own, not a version
    _assess(fathom, tmp_path / "call.txt")
    assert len(fathom.ok("proposal", "versions", "Fathom", "--json").json) == 2
    assert fathom.ok("partner", "compare", "--json").json["candidates"][0]["documents"] == 2

    table = fathom.ok("proposal", "versions", "Fathom").stdout
    assert "Proposal versions" in table and "current" in table and "v1.md" in table
    csv = fathom.ok("proposal", "versions", "Fathom", "--csv").stdout
    assert csv.splitlines()[0] == ",".join(VERSION_KEYS)


def test_diff_shows_signals_references_red_flags_and_the_overall_assessment(fathom, tmp_path):
    _assess(fathom, tmp_path / "v1.md")
    _assess(fathom, tmp_path / "v2.md")
    diff = fathom.ok("proposal", "diff", "Fathom", "--json").json
    assert list(diff) == DIFF_KEYS
    assert (diff["partner"], diff["engagement"]) == ("Fathom", None)
    assert (diff["before"]["version"], diff["after"]["version"]) == (1, 2)
    assert diff["before"]["signals_shown"] == 0 and diff["after"]["signals_shown"] == 3
    assert diff["signals_change"] == 3 and diff["same"] is False
    assert diff["after"]["summary"].startswith("3/3 signals") and "red flags" in diff["before"]["summary"]
    assert [s["signal"] for s in diff["signals"]] == ["problem_first", "honest_limits", "starts_small"]
    limits = diff["signals"][1]
    assert limits["changed"] and (limits["value_before"], limits["value_after"]) == (False, True)
    assert "not our specialty" in " ".join(limits["evidence_after"])
    flags = {f["kind"]: f for f in diff["red_flags"]}
    assert flags["guaranteed_accuracy"]["change"] == "removed"
    assert "We guarantee 97%" in flags["guaranteed_accuracy"]["evidence_before"][0]
    assert flags["guaranteed_accuracy"]["evidence_after"] == []
    [reference] = diff["references"]
    assert reference["change"] == "answers" and reference["before"]["still_running"] == "unknown"
    assert reference["after"]["still_running"] == "yes"

    assert fathom.ok("proposal", "diff", "Fathom", "1", "v2", "--json").json == diff
    assert fathom.ok("proposal", "diff", "Fathom", "doc:2", "doc:1", "--json").json["after"]["name"] == "v1.md"
    same = fathom.ok("proposal", "diff", "Fathom", "v2", "v2", "--json").json
    assert same["same"] and same["red_flags"] == [] and same["references"] == []
    text = fathom.ok("proposal", "diff", "Fathom").stdout
    assert "signals shown 0/3 -> 3/3 (+3)" in text and "Signals" in text and "Red flags" in text
    assert "References stated" in text and "We guarantee 97%" in text


def test_bad_versions_are_named_in_one_line(fathom, tmp_path):
    nothing = fathom("proposal", "diff", "Fathom")
    assert nothing.exit_code == 2 and "no assessed version" in nothing.stderr
    assert fathom.ok("proposal", "versions", "Fathom", "--json").json == []
    _assess(fathom, tmp_path / "v1.md")
    alone = fathom("proposal", "diff", "Fathom")
    assert alone.exit_code == 2 and "first assessed version" in alone.stderr
    for args, code, words in (
        (("1", "7"), 3, "after: no version 7"),
        (("latest", "1"), 2, "before: 'latest' is not a version"),
        (("doc:1", "doc:99"), 3, "document 99 is not a version of Fathom's proposal"),
    ):
        answer = fathom("proposal", "diff", "Fathom", *args)
        assert answer.exit_code == code and words in answer.stderr and answer.stderr.count("\n") == 1, answer.stderr
    unknown = fathom("proposal", "versions", "Nobody")
    assert unknown.exit_code == 3 and "Traceback" not in unknown.stderr


def test_a_proposal_for_an_engagement_is_a_series_of_its_own(fathom, tmp_path):
    fathom.ok("engagement", "add", "Forecasting", "--partner", "Fathom", "--start", "2026-01-05")
    fathom.ok("engagement", "add", "Pricing", "--partner", "Fathom", "--start", "2026-02-02")
    _assess(fathom, tmp_path / "v1.md", "-e", "Forecasting")
    # no general proposal and one engagement: that engagement's
    assert [v["name"] for v in fathom.ok("proposal", "versions", "Fathom", "--json").json] == ["v1.md"]
    _assess(fathom, tmp_path / "v2.md", "-e", "Pricing")
    several = fathom("proposal", "versions", "Fathom")
    assert several.exit_code == 2 and "several engagements ('Forecasting', 'Pricing')" in several.stderr
    pricing = fathom.ok("proposal", "versions", "Fathom", "-e", "Pricing", "--json").json
    assert [(v["name"], v["status"]) for v in pricing] == [("v2.md", "current")]
    _assess(fathom, tmp_path / "v2.md")  # a general proposal: what naming no engagement means
    assert [v["version"] for v in fathom.ok("proposal", "versions", "Fathom", "--json").json] == [1]
    _assess(fathom, tmp_path / "v1.md", "-e", "Forecasting")
    diff = fathom.ok("proposal", "diff", "Fathom", "-e", "Forecasting", "--json").json
    assert diff["engagement"] == "Forecasting" and diff["same"]
    # each engagement's series keeps its current version on the scorecard of that engagement
    assert fathom.ok("partner", "compare", "-e", "Forecasting", "--json").json["candidates"][0]["documents"] == 1
