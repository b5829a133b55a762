"""`inhouse report` writes the engagement as HTML or PDF; bad formats are a clear error."""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.settings import load_settings
from tests import webdata


def _seeded(cli) -> None:
    ws = Workspace(load_settings(database_url=cli.url))
    webdata.seed(ws)
    ws.dispose()


def test_report_as_html_and_pdf(cli, tmp_path):
    _seeded(cli)
    html = tmp_path / "report.html"
    cli.ok("report", webdata.ENGAGEMENT, "--format", "html", "-o", str(html))
    text = html.read_text()
    assert "<svg" in text and "Truck factor" in text and webdata.QUOTES["ownership"] in text
    assert 'id="actions"' in text and "http" not in text.split("<body")[0]
    pdf = tmp_path / "report.pdf"
    cli.ok("report", webdata.ENGAGEMENT, "-o", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF-") and pdf.stat().st_size > 5000


def test_report_refuses_an_unknown_format(cli):
    _seeded(cli)
    result = cli("report", webdata.ENGAGEMENT, "--format", "docx")
    assert result.exit_code == 2 and "html or pdf" in result.stderr
