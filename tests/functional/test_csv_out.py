"""Tables out as CSV: every list command's ``--csv`` and every page's "Download CSV" link, on a
workspace whose records start like spreadsheet formulas. Every CSV neutralises them, and a partner
user downloads only what its home page shows."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest

from inhouse.bootstrap import Workspace
from inhouse.cli.main import app as cli_app
from inhouse.domain.accounts import Role, UserIn
from inhouse.report.csv_out import FORMULA_STARTS
from inhouse.services import accounts
from inhouse.services import jobs as job_service
from inhouse.settings import load_settings
from inhouse.web import create_app
from tests.conftest import Cli
from tests.gitrepo import GitRepoBuilder
from tests.webclient import WebClient

MONDAY = date.today() - timedelta(days=date.today().weekday())
WEEK = (MONDAY - timedelta(weeks=2)).isoformat()
PARTNER = '=HYPERLINK("http://x")'
PASSWORD = "correct horse battery staple"
HOSTILE = {
    "partner": PARTNER,
    "review": "@SUM(1)",
    "why": "-2+3",
    "next": "+next week",
    "decision": "=1+1",
    "task": "=cmd|' /C calc'!A0",
    "drill": "-change alone",
    "stuck": "@stuck at deploy",
    "asset": "@asset",
    "location": "=location",
    "directory": "=evil",
    "job": "+job subject",
}
"""Text of each table that a spreadsheet would evaluate; each must come out with a leading quote."""


def _rows(text: str) -> list[list[str]]:
    assert text.endswith("\r\n"), text[-20:]
    return list(csv.reader(io.StringIO(text, newline="")))


def _csv_out(cli: Cli, *args: str) -> str:
    """What ``inhouse ARGS --csv`` writes to stdout, byte for byte (the CLI fixture's text has
    Click's universal newlines)."""
    result = cli.runner.invoke(cli_app, ["--db", cli.url, *args, "--csv"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes.decode("utf-8")


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _neutralised(text: str, *expected: str) -> list[list[str]]:
    """The rows of ``text``, after checking no text cell starts like a formula and each of ``expected``
    is there with its leading quote."""
    rows = _rows(text)
    cells = [cell for row in rows for cell in row]
    risky = [cell for cell in cells if cell.startswith(FORMULA_STARTS) and not _number(cell)]
    assert not risky, risky
    for value in expected:
        assert any(cell == "'" + value or cell.startswith("'" + value + "; ") for cell in cells), (value, rows)
    return rows


def _hostile_workspace(cli: Cli, tmp_path) -> dict[str, int]:
    """A partner, an engagement and one record of each table, each starting like a formula."""
    cli.ok("partner", "add", PARTNER, "--domain", "partner.io", "--notes", "+notes")
    cli.ok("partner", "add", "Other Works")
    eta = cli.ok("engagement", "add", "ETA", "--partner", PARTNER, "--start", "2025-06-02", "--json").json["id"]
    other = cli.ok("engagement", "add", "Elsewhere", "--partner", "Other Works", "--start", "2025-06-02", "--json")
    cli.ok("person", "add", "Ann Inside", "--side", "internal", "--email", "ann@acme.com")
    cli.ok("person", "add", "Pat Partner", "--side", "partner", "--partner", PARTNER, "--email", "pat@partner.io")
    e = ("-e", "ETA")
    cli.ok(
        "review",
        "add",
        *e,
        "--week",
        WEEK,
        "--done",
        HOSTILE["review"],
        "--why",
        HOSTILE["why"],
        "--next",
        HOSTILE["next"],
    )
    cli.ok("review", "add", "-e", "Elsewhere", "--week", WEEK, "--done", "Not for Quantia", "--why", "x", "--next", "y")
    cli.ok("decision", "add", HOSTILE["decision"], *e, "--by", "joint", "--why", "@because", "--on", WEEK)
    tasks = tmp_path / "tasks.csv"
    tasks.write_text(f'date,title,assignee,status\n{WEEK},"{HOSTILE["task"]}",Ann Inside,done\n')
    cli.ok("task", "import", str(tasks), *e, "--format", "plain")
    cli.ok("drill", "add", *e, "--person", "Ann Inside", "--outcome", "with_help", "--", HOSTILE["drill"])
    cli.ok("drill", "add", "Roll back", *e, "--person", "Ann Inside", "--outcome", "stuck", "--stuck", HOSTILE["stuck"])
    cli.ok("asset", "add", HOSTILE["asset"], *e, "--kind", "model", "--held-by", "partner", "--location", "=location")
    repo = GitRepoBuilder(tmp_path / "eta")
    repo.commit("Ann Inside <ann@acme.com>", "2025-07-01", {"README.md": "# ETA\n"})
    repo.commit("Pat Partner <pat@partner.io>", "2025-07-02", {"=evil/-run.py": "print(1)\n" * 5})
    cli.ok("scan", str(repo.path), *e)
    ws = Workspace(load_settings(database_url=cli.url))
    try:
        job_service.create(ws, "scan", HOSTILE["job"], eta)
    finally:
        ws.dispose()
    return {"eta": eta, "other": other.json["id"]}


COMMANDS = {
    "partner": (["partner", "list"], [HOSTILE["partner"], "+notes"]),
    "review": (["review", "list", "-e", "ETA"], [HOSTILE["review"], HOSTILE["why"], HOSTILE["next"]]),
    "decision": (["decision", "list", "-e", "ETA"], [HOSTILE["decision"], "@because"]),
    "task": (["task", "list", "-e", "ETA"], [HOSTILE["task"]]),
    "drill": (["drill", "list", "-e", "ETA"], [HOSTILE["drill"], HOSTILE["stuck"]]),
    "asset": (["asset", "list", "-e", "ETA"], [HOSTILE["asset"], HOSTILE["location"]]),
    "files-at-risk": (["files-at-risk", "ETA"], [HOSTILE["directory"], "=evil/-run.py"]),
    "jobs": (["jobs", "ETA"], [HOSTILE["job"]]),
}


def test_every_list_command_prints_csv_with_formulas_neutralised(cli, tmp_path):
    _hostile_workspace(cli, tmp_path)
    for name, (args, expected) in COMMANDS.items():
        out = _csv_out(cli, *args)
        rows = _neutralised(out, *expected)
        as_json = cli.ok(*args, "--json").json
        items = as_json["drills"] if name == "drill" else as_json
        assert len(rows) == len(items) + 1, name  # a header and a row each
        if name != "jobs":  # the same keys as --json, in its order (a job's result is dotted columns)
            assert rows[0] == list(items[0]), name
    reviews = _rows(_csv_out(cli, "review", "list", "-e", "ETA"))
    review = dict(zip(reviews[0], reviews[1], strict=True))
    assert (review["done"], review["why"], review["week_of"]) == ("'@SUM(1)", "'-2+3", WEEK)
    assert review["attendees"] == "" and review["flags"].startswith("[{")
    jobs = _rows(_csv_out(cli, "jobs", "ETA"))
    assert {"result.summary", "result.result_id"} <= set(jobs[0]) and "result" not in jobs[0]


def test_csv_and_json_together_is_bad_input(cli, tmp_path):
    _hostile_workspace(cli, tmp_path)
    for args, _ in COMMANDS.values():
        result = cli(*args, "--csv", "--json")
        assert result.exit_code == 2, (args, result.stdout)
        assert result.stderr.strip().count("\n") == 0 and "--json and --csv" in result.stderr, result.stderr
        assert result.stdout == ""


def test_an_unknown_engagement_is_not_found(cli):
    result = cli("review", "list", "-e", "Nowhere", "--csv")
    assert result.exit_code == 3 and result.stdout == ""


PAGES = {
    "/partners.csv": [HOSTILE["partner"]],
    "/engagements/{eta}/reviews.csv": [HOSTILE["review"], HOSTILE["why"]],
    "/engagements/{eta}/decisions.csv": [HOSTILE["decision"]],
    "/engagements/{eta}/drills.csv": [HOSTILE["drill"], HOSTILE["stuck"]],
    "/engagements/{eta}/tasks.csv": [HOSTILE["task"]],
    "/engagements/{eta}/assets.csv": [HOSTILE["asset"], HOSTILE["location"]],
    "/engagements/{eta}/files-at-risk.csv": [HOSTILE["directory"]],
    "/engagements/{eta}/jobs.csv": [HOSTILE["job"]],
}


@pytest.fixture
def web(cli, tmp_path):
    ids = _hostile_workspace(cli, tmp_path)
    ws = Workspace(load_settings(database_url=cli.url))
    app = create_app(ws)
    yield app, ws, ids
    ws.dispose()


def test_every_page_links_its_csv_and_each_download_is_neutralised(web):
    app, _, ids = web
    with WebClient(app) as client:  # the single local user: a client's view of everything
        engagement = client.get(f"/engagements/{ids['eta']}").text
        partners = client.get("/partners").text
        for path, expected in PAGES.items():
            url = path.format(**ids)
            assert f'href="{url}"' in (partners if path == "/partners.csv" else engagement), url
            answer = client.get(url)
            assert answer.status_code == 200, (url, answer.text[:200])
            assert answer.headers["content-type"] == "text/csv; charset=utf-8"
            disposition = answer.headers["content-disposition"]
            assert disposition.startswith('attachment; filename="inhouse-') and disposition.endswith('.csv"')
            _neutralised(answer.content.decode("utf-8"), *expected)
        api = client.get(f"/api/engagements/{ids['eta']}/journal").json()
        rows = _rows(client.get(f"/engagements/{ids['eta']}/reviews.csv").text)
        assert [int(r[0]) for r in rows[1:]] == [r["id"] for r in api["reviews"]]
        assert client.get("/engagements/9999/reviews.csv").status_code == 404


def test_a_partner_user_downloads_only_its_own_weekly_record(web):
    app, ws, ids = web
    accounts.add(ws, UserIn(email="pat@partner.io", name="Pat", role=Role.PARTNER, partner=PARTNER, password=PASSWORD))
    with WebClient(app) as client:
        client.sign_in("pat@partner.io", PASSWORD)
        home = client.get("/").text
        for table in ("reviews", "decisions", "drills"):
            url = f"/engagements/{ids['eta']}/{table}.csv"
            assert f'href="{url}"' in home
            answer = client.get(url)
            assert answer.status_code == 200 and answer.headers["content-type"] == "text/csv; charset=utf-8"
            rows = _neutralised(answer.text)
            assert all(row[rows[0].index("engagement")] == "ETA" for row in rows[1:]) and len(rows) > 1
            assert client.get(f"/engagements/{ids['other']}/{table}.csv").status_code == 404
        assert "Not for Quantia" not in client.get(f"/engagements/{ids['eta']}/reviews.csv").text
        for url in ("/partners.csv", *(p.format(**ids) for p in PAGES if "/reviews" not in p)):
            if url.endswith(("/decisions.csv", "/drills.csv")):
                continue
            assert client.get(url, follow_redirects=False).status_code == 404, url  # the client's tables
