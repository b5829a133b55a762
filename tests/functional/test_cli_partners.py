"""`inhouse partner assess | reference | compare` end to end on a real SQLite workspace."""

from __future__ import annotations

import io
import sqlite3

import docx
import pytest

from inhouse.analysis.documents.pdf_writer import write_text_pdf

GOOD = """# Proposal for Acme Analytics
## What you told us
Your analysts rebuild the weekly demand forecast by hand, and stock-outs cost you two days of sales a month.

## Questions we still have
- Which product groups matter most?

## Where we are not strong
Pricing optimisation is not our specialty; we would recommend a specialist for it.

## Experience
We built a similar forecasting tool for a regional grocer of comparable size. It is still in daily use, and their
planning lead is happy to speak with you directly.

## First step
We suggest a four-week pilot on one product group, with no commitment beyond the pilot.
"""

PUSHY = """NeuralEdge at a glance
NeuralEdge was founded in 2010 and our award-winning platform powers 400 companies with proprietary transformers.
We can do everything, with no limits on use cases. We guarantee 98% accuracy on every model.
Sign the five-year agreement by Friday and get a 30% discount.
"""

CALL = """Call, Acme Analytics / Fathom
Participants: Dana Roe (Acme Analytics), Sam Okafor (Fathom)

Sam Okafor: Thanks for having us. What is the most urgent problem for your planners today?
Dana Roe: Forecasts are rebuilt by hand every week.
Sam Okafor: Who uses the forecast, and how much history do you keep?
Dana Roe: The buyers. Three years of sales.
Sam Okafor: We have never worked with fresh food, so I won't promise accuracy there. We'd suggest a four-week pilot.
"""


def _candidates(cli, tmp_path):
    cli.ok("partner", "add", "Fathom", "--domain", "fathom.ai")
    cli.ok("partner", "add", "NeuralEdge")
    files = {}
    for name, text in {"good.md": GOOD, "pushy.txt": PUSHY, "call.txt": CALL}.items():
        files[name] = tmp_path / name
        files[name].write_text(text, encoding="utf-8")
    return files


@pytest.fixture
def candidates(cli, tmp_path):
    return _candidates(cli, tmp_path)


def _rows(cli, table):
    path = cli.url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        return conn.execute(f"select count(*) from {table}").fetchone()[0]


def test_assess_json_is_an_array_with_one_object_per_file_and_is_stored(cli, candidates):
    result = cli.ok(
        "partner", "assess", candidates["good.md"], candidates["call.txt"], "--partner", "Fathom", "--json"
    ).json
    assert isinstance(result, list) and len(result) == 2
    first = result[0]
    assert list(first) == ["file", "kind", "signals", "references", "red_flags"]
    assert first["file"] == str(candidates["good.md"]) and first["kind"] == "proposal"
    assert result[1]["kind"] == "transcript"
    for item in result:
        assert list(item["signals"]) == ["problem_first", "honest_limits", "starts_small"]
        for signal in item["signals"].values():
            assert set(signal) == {"value", "confidence", "evidence", "counter_evidence"}
            assert signal["value"] is True
    assert first["references"] == [
        {
            "similar_scale": "yes",
            "still_running": "yes",
            "client_contact_offered": "yes",
            "evidence": first["references"][0]["evidence"],
            "client": first["references"][0]["client"],
            "said_by": "",
        }
    ]
    assert first["red_flags"] == []
    assert _rows(cli, "documents") == 2 and _rows(cli, "analysis_results") == 2
    with sqlite3.connect(cli.url.removeprefix("sqlite:///")) as conn:
        kinds = conn.execute("select kind, length(content) from documents order by id").fetchall()
    assert kinds == [("proposal", len(GOOD.encode())), ("transcript", len(CALL.encode()))]


def test_assess_one_file_is_still_an_array_and_the_partner_is_recognised_in_the_text(cli, candidates):
    result = cli.ok("partner", "assess", candidates["pushy.txt"], "--json").json
    assert len(result) == 1
    flags = {flag["kind"] for flag in result[0]["red_flags"]}
    assert {"guaranteed_accuracy", "no_limits", "artificial_deadline", "multi_year_discount"} <= flags
    references = cli.ok("partner", "reference", "list", "--json").json
    assert references == []


def test_assess_reads_docx_and_pdf(cli, candidates, tmp_path):
    document = docx.Document()
    for paragraph in GOOD.split("\n\n"):
        document.add_paragraph(paragraph.replace("#", "").strip())
    buffer = io.BytesIO()
    document.save(buffer)
    (tmp_path / "good.docx").write_bytes(buffer.getvalue())
    (tmp_path / "good.pdf").write_bytes(write_text_pdf(GOOD.replace("#", "")))
    result = cli.ok("partner", "assess", tmp_path / "good.docx", tmp_path / "good.pdf", "-p", "Fathom", "--json").json
    assert [r["signals"]["starts_small"]["value"] for r in result] == [True, True]


def test_human_output_shows_verdicts_and_quotes(cli, candidates):
    out = cli.ok("partner", "assess", candidates["good.md"], "--partner", "Fathom").stdout
    assert "problem_first" in out and "pilot" in out and "stored as document" in out


def test_references_by_hand_and_from_documents(cli_any, tmp_path):
    cli, candidates = cli_any, _candidates(cli_any, tmp_path)
    cli.ok("partner", "assess", candidates["good.md"], "--partner", "Fathom")
    added = cli.ok(
        "partner",
        "reference",
        "add",
        "Fathom",
        "Grocer Ltd",
        "--similar-scale",
        "yes",
        "--still-running",
        "no",
        "--contact",
        "yes",
        "--notes",
        "replaced in 2024",
        "--json",
    ).json
    assert added["source"] == "manual" and added["still_running"] == "no" and added["partner"] == "Fathom"
    listed = cli.ok("partner", "reference", "list", "--partner", "Fathom", "--json").json
    assert [r["source"] for r in listed] == ["document", "manual"]
    assert listed[0]["document_id"] is not None and listed[0]["evidence"]
    assert "Grocer Ltd" in cli.ok("partner", "reference", "list").stdout


def test_compare_ranks_candidates_with_reasons(cli_any, tmp_path):
    cli, candidates = cli_any, _candidates(cli_any, tmp_path)
    cli.ok("partner", "assess", candidates["good.md"], candidates["call.txt"], "--partner", "Fathom")
    cli.ok("partner", "assess", candidates["pushy.txt"], "--partner", "NeuralEdge")
    result = cli.ok("partner", "compare", "--json").json
    assert [c["partner"] for c in result["candidates"]] == ["Fathom", "NeuralEdge"]
    top = result["candidates"][0]
    assert top["rank"] == 1 and top["score"] > result["candidates"][1]["score"]
    assert top["documents"] == 2 and top["reasons"]
    assert set(top["criteria"]) == {c["name"] for c in result["criteria"]}
    rated = cli.ok(
        "partner",
        "compare",
        "--technical-skill",
        "NeuralEdge=5",
        "--technical-skill",
        "Fathom=1",
        "--weight",
        "technical_skill=1000",
        "--json",
    ).json
    assert rated["candidates"][0]["partner"] == "NeuralEdge"
    text = cli.ok("partner", "compare").stdout
    assert "Fathom" in text and "problem_first" in text


def test_compare_for_an_engagement_only_counts_its_candidates(cli, candidates):
    cli.ok("engagement", "add", "Forecasting", "--partner", "Fathom", "--start", "2025-01-06")
    cli.ok("partner", "assess", candidates["good.md"], "-p", "Fathom", "--engagement", "Forecasting")
    cli.ok("partner", "assess", candidates["pushy.txt"], "-p", "NeuralEdge")
    result = cli.ok("partner", "compare", "--engagement", "Forecasting", "--json").json
    assert result["engagement"] == "Forecasting"
    assert [c["partner"] for c in result["candidates"]] == ["Fathom"]


@pytest.mark.parametrize(
    "args,message,code",
    [
        (["partner", "assess", "missing.md", "-p", "Fathom"], "no such file", 3),
        (["partner", "assess", "{good}", "-p", "Ghost"], "no partner 'Ghost'", 3),
        (["partner", "assess", "{bad}"], "name the partner with --partner", 2),
        (["partner", "assess", "{good}", "{scan}", "-p", "Fathom"], "no text layer", 5),
        (["partner", "assess", "{good}", "{empty}", "-p", "Fathom"], "empty", 2),
        (
            ["partner", "reference", "add", "Fathom", "X", "--contact", "maybe"],
            "client_contact_offered (--contact) must be yes, no or unknown",
            2,
        ),
        (["partner", "compare", "--weight", "speed=2"], "unknown criterion", 2),
        (["partner", "compare", "--technical-skill", "Fathom=9"], "from 0 to 5", 2),
        (["partner", "compare"], "no candidate has assessed documents", 3),
    ],
)
def test_errors_are_one_line_non_zero_and_store_nothing(cli, candidates, tmp_path, args, message, code):
    (tmp_path / "scan.pdf").write_bytes(write_text_pdf(""))
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "bad.md").write_text("A proposal from someone we do not know. We propose a pilot for a fee.")
    paths = {
        "good": candidates["good.md"],
        "scan": tmp_path / "scan.pdf",
        "empty": tmp_path / "empty.md",
        "bad": tmp_path / "bad.md",
    }
    argv = [a.format(**paths) for a in args]
    result = cli(*argv)
    assert result.exit_code == code, result.stderr
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr + result.stdout
    for table in ("documents", "analysis_results", "reference_checks"):
        assert _rows(cli, table) == 0
