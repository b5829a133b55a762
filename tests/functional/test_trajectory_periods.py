"""Quarterly periods end to end: `inhouse scan --period quarter`, the engagement page and the report
draw the files known inside, the commit and line shares, the forecast and the low-activity quarter."""

from __future__ import annotations

import pytest

from inhouse.bootstrap import Workspace
from inhouse.settings import load_settings
from inhouse.web import create_app
from tests.gitrepo import GitRepoBuilder, lines
from tests.webclient import WebClient

ANN = "Ann Inside <ann@acme.com>"
PAT = "Pat Partner <pat@quantialabs.io>"


@pytest.fixture
def scanned(cli_any, tmp_path):
    cli = cli_any
    repo = GitRepoBuilder(tmp_path / "eta")
    # 2025-Q1: Pat adds four files (4 changes): 0 of 4 known inside
    repo.commit(PAT, "2025-02-10", {f"model/p{i}.py": lines(10, f"p{i}") for i in range(1, 5)})
    # 2025-Q2: Ann adds three (3 changes): 3 of 7
    repo.commit(ANN, "2025-05-10", {f"app/a{i}.py": lines(5, f"a{i}") for i in range(1, 4)})
    # 2025-Q3: Ann edits the documentation only: one internal commit, no counted change -> low activity
    repo.commit(ANN, "2025-08-10", {"docs/guide.md": lines(3, "doc")})
    # 2025-Q4: Ann adds three more (3 changes): 6 of 10
    repo.commit(ANN, "2025-11-10", {f"app/a{i}.py": lines(5, f"a{i}") for i in range(4, 7)})
    cli.ok("partner", "add", "Quantia Labs", "--domain", "quantialabs.io")
    cli.ok("engagement", "add", "ETA prediction", "--partner", "Quantia Labs", "--start", "2025-01-01")
    cli.ok("person", "add", "Ann Inside", "--side", "internal", "--email", "ann@acme.com")
    cli.ok("repo", "add", str(repo.path), "--engagement", "ETA prediction")
    data = cli.ok("scan", str(repo.path), "--json", "--period", "quarter").json
    return cli, repo, data


def test_quarters_on_the_cli(scanned):
    cli, repo, data = scanned
    assert data["period"] == "quarter"
    rows = [
        (p["period"], p["internal_file_share"], p.get("changes", 0), p.get("low_activity", False))
        for p in data["trajectory"]
    ]
    assert rows == [
        ("2025-Q1", 0.0, 4, False),
        ("2025-Q2", 0.4286, 3, False),
        ("2025-Q3", 0.4286, 0, True),
        ("2025-Q4", 0.6, 3, False),
    ]
    assert data["trajectory"][2]["internal_commit_share"] == 1.0  # the swing the chart and forecast ignore
    forecast = data["forecast"]
    assert forecast["metric"] == "internal_file_share" and forecast["periods_used"] == 3
    assert forecast["current_share"] == 0.6 and forecast["pace_per_year"] > 0
    out = cli.ok("scan", str(repo.path), "--period", "quarter").stdout
    assert "known" in out and "0 (low)" in out and "(between" in out  # the low quarter, the band
    shown = cli.ok("engagement", "show", "--json").json["knowledge"]
    assert (shown["period"], shown["internal_file_share"], shown["gap"]) == ("2025-Q4", 0.6, 0.3)


def test_quarters_on_the_page_and_in_the_report(scanned, tmp_path):
    cli, _, _ = scanned
    ws = Workspace(load_settings(database_url=cli.url))
    try:
        with WebClient(create_app(ws)) as client:
            page = client.get("/engagements/ETA prediction")
    finally:
        ws.dispose()
    assert page.status_code == 200
    html = page.text
    assert 'id="period-kind">quarter<' in html and 'id="file-share">60%<' in html
    # both charts (wide and phone): one shaded low-activity quarter each, the three shares and the forecast
    assert html.count('class="low-activity"') == 2
    for css in ("share-line", "commit-line", "plan-line", "forecast-line"):
        assert f'class="{css}"' in html, css
    report = tmp_path / "report.html"
    cli.ok("report", "ETA prediction", "--format", "html", "-o", str(report))
    text = report.read_text()
    assert 'class="low-activity"' in text and 'class="forecast-line"' in text
    assert "periods by quarter" in text and "60% of files known inside" in text
