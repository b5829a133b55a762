"""Contract versions end to end through the CLI: a new contract is a new version, never a replacement;
a contract naming other parties is refused (exit 4, one line, nothing stored) unless confirmed;
`inhouse contract diff` shows what changed with both versions' evidence."""

from __future__ import annotations

import pytest

from inhouse.bootstrap import Workspace
from inhouse.domain.documents import DocumentKind
from inhouse.services.dashboard.engagement import engagement_page
from inhouse.settings import load_settings
from tests.conftest import Cli
from tests.unit.test_contract_diff import V1, V2

ACME = V1.replace("Meridian Freight Ltd.", "Acme Corp").replace("Quantia Labs GmbH", "Northwind Traders")
VERSION_KEYS = ["version", "document_id", "name", "uploaded_by", "uploaded_at", "current", "status", "score", "why"]


@pytest.fixture
def meridian(sqlite_url, tmp_path):
    cli = Cli(sqlite_url)
    cli.ok("init", "--client", "Meridian Freight")
    cli.ok("partner", "add", "Quantia Labs")
    cli.ok("engagement", "add", "ETA prediction", "--partner", "Quantia Labs", "--start", "2025-06-02")
    for name, text in (("v1.md", V1), ("v2.md", V2), ("acme.md", ACME)):
        (tmp_path / name).write_text(text)
    return cli


def _stored(url: str) -> int:
    ws = Workspace(load_settings(database_url=url))
    try:
        with ws.uow() as uow:
            return len(uow.documents.list(kind=DocumentKind.CONTRACT))
    finally:
        ws.dispose()


def _page_score(url: str) -> int:
    ws = Workspace(load_settings(database_url=url))
    try:
        page = engagement_page(ws, "ETA prediction")
        assert page.contract.measured
        return page.contract.score
    finally:
        ws.dispose()


def test_an_unrelated_contract_is_refused_until_confirmed_and_replaces_nothing(meridian, tmp_path):
    first = meridian.ok("contract", "check", str(tmp_path / "v1.md"), "-e", "ETA prediction", "--json").json
    score = first[0]["score"]
    assert _page_score(meridian.url) == score

    refused = meridian("contract", "check", str(tmp_path / "acme.md"), "-e", "ETA prediction")
    assert refused.exit_code == 4 and refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr
    line = refused.stderr
    assert "Acme Corp, Northwind Traders" in line and "Meridian Freight" in line and "Quantia Labs" in line
    assert "--confirm-parties" in line and "nothing stored" in line
    assert _stored(meridian.url) == 1 and _page_score(meridian.url) == score  # nothing changed

    without_engagement = meridian("contract", "check", str(tmp_path / "acme.md"), "--json")
    assert without_engagement.exit_code == 0  # no engagement: no parties to expect

    shown = meridian.ok("contract", "check", str(tmp_path / "acme.md"), "-e", "ETA prediction", "--confirm-parties")
    assert "parties:" in shown.stdout and "Stored as document" in shown.stdout
    listed = meridian.ok("contract", "versions", "-e", "ETA prediction", "--json").json
    assert [list(v) for v in listed] == [VERSION_KEYS] * 2
    assert [(v["version"], v["name"], v["status"]) for v in listed] == [
        (1, "v1.md", "earlier"),
        (2, "acme.md", "current"),
    ]
    assert listed[0]["uploaded_by"] and listed[1]["why"].startswith("the newest of 2 reviewed versions; uploaded by ")
    # the older version stays, and stays reachable
    assert meridian.ok("contract", "diff", "v2", "v1", "--json").json["after"]["name"] == "v1.md"


def test_matching_parties_need_no_confirmation_and_diff_shows_the_change(meridian, tmp_path):
    meridian.ok("contract", "check", str(tmp_path / "v1.md"), "-e", "ETA prediction")
    second = meridian.ok("contract", "check", str(tmp_path / "v2.md"), "-e", "ETA prediction", "--json").json
    assert _page_score(meridian.url) == second[0]["score"]
    diff = meridian.ok("contract", "diff", "1", "2", "--json").json
    assert list(diff) == ["before", "after", "score_change", "clauses", "terms", "red_flags", "same"]
    assert (diff["before"]["version"], diff["after"]["version"]) == (1, 2) and diff["score_change"] > 0
    hours = next(t for t in diff["terms"] if t["term"] == "hours")
    assert (hours["before"], hours["after"]) == ("20", "40")
    assert "twenty (20) hours" in hours["evidence_before"][0]["text"]
    assert "forty (40) hours" in hours["evidence_after"][0]["text"]
    assert any(f["kind"] == "auto_renewal" and f["change"] == "removed" for f in diff["red_flags"])
    assert meridian.ok("contract", "diff", "--json").json == diff  # default: the current against the one before
    text = meridian.ok("contract", "diff", "v1", "v2", "-e", "ETA prediction").stdout
    assert f"score {diff['before']['score']} -> {diff['after']['score']}" in text
    assert "Clauses" in text and "Terms" in text and "Red flags" in text
    table = meridian.ok("contract", "versions").stdout
    assert "v1" in table and "v2" in table and "current" in table
    csv = meridian.ok("contract", "versions", "--csv").stdout
    assert csv.splitlines()[0] == ",".join(VERSION_KEYS)


def test_diff_names_its_bad_versions_in_one_line(meridian, tmp_path):
    nothing = meridian("contract", "diff", "--json")
    assert nothing.exit_code == 2 and "contract has no reviewed version" in nothing.stderr
    meridian.ok("contract", "check", str(tmp_path / "v1.md"), "-e", "ETA prediction")
    alone = meridian("contract", "diff")
    assert alone.exit_code == 2 and "first reviewed version" in alone.stderr
    for args, code, words in (
        (("1", "7"), 3, "no version 7"),
        (("1", "latest"), 2, "not a version"),
        (("doc:1", "doc:99"), 3, "document 99 is not a version"),
    ):
        answer = meridian("contract", "diff", *args)
        assert answer.exit_code == code and words in answer.stderr and answer.stderr.count("\n") == 1, answer.stderr
