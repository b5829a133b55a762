"""Reading and writing ADRs (adr-tools, MADR) and tracker CSV exports (Jira, plain)."""

from __future__ import annotations

from datetime import date

import pytest

from inhouse.analysis.journal.adr import AdrRecord, parse_adr, render_adr
from inhouse.analysis.journal.tracker import read_tracker_csv
from inhouse.errors import InvalidInput

ADR_TOOLS = """# 2. Host serving on our own cloud account

Date: 2026-02-11

## Status

Superseded by [5. Use the managed cluster](0005-use-the-managed-cluster.md)

## Context

Exit readiness: the client must hold the infrastructure.

## Decision

We will deploy to Meridian's account.

## Consequences

Quantia needs access to it.
"""

MADR_2 = """# Use gradient-boosted quantile models

* Status: accepted
* Deciders: Dana Okafor, Mei Chen <!-- optional -->
* Date: 2026-01-14

Technical Story: ETA-12

## Context and Problem Statement

Which model family should predict arrival times?

## Considered Options

* Gradient-boosted quantile models
* Deep sequence models

## Decision Outcome

Chosen option: "Gradient-boosted quantile models", because comparable accuracy, far easier to run.

### Positive Consequences

* The internal team can retrain it.
"""

MADR_4 = """---
status: "{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123}"
date: 2026-03-18
decision-makers:
  - Lukas Brandt
consulted: Priya Raman
---

# Adopt the feature-store accelerator

## Context and Problem Statement

Delivery is slow.
"""


def test_adr_tools_flavour():
    record = parse_adr(ADR_TOOLS, "0002-host.md")
    assert (record.number, record.title, record.flavour) == (2, "Host serving on our own cloud account", "adr-tools")
    assert record.status == "superseded" and record.decided_on == date(2026, 2, 11)
    assert record.rationale == "Exit readiness: the client must hold the infrastructure."
    assert record.deciders == []


def test_madr_with_list_lines_takes_the_justification_as_the_why():
    record = parse_adr(MADR_2, "0001-gbm.md")
    assert record.flavour == "madr" and record.status == "accepted"
    assert record.deciders == ["Dana Okafor", "Mei Chen"] and record.decided_on == date(2026, 1, 14)
    assert record.rationale == "comparable accuracy, far easier to run."


def test_madr_with_front_matter_and_template_placeholders():
    record = parse_adr(MADR_4, "0003.md")
    assert record.status == "accepted"  # the template's placeholder means the default
    assert record.deciders == ["Lukas Brandt"] and record.decided_on == date(2026, 3, 18)
    assert record.rationale == "Delivery is slow."


@pytest.mark.parametrize("flavour", ["madr", "adr-tools"])
@pytest.mark.parametrize(
    "rationale", ["Comparable accuracy, easier to run.", "", "Line one.\n\nSecond, longer paragraph."]
)
def test_round_trip(flavour, rationale):
    original = AdrRecord(
        title='Use "GBMs", not deep nets',
        status="proposed",
        decided_on=date(2026, 1, 14),
        deciders=["Dana Okafor", "Mei Chen"],
        rationale=rationale,
        number=7,
    )
    name, text = render_adr(original, flavour)
    assert name == "0007-use-gbms-not-deep-nets.md"
    back = parse_adr(text, name)
    assert (back.title, back.status, back.decided_on, back.deciders, back.rationale) == (
        original.title,
        original.status,
        original.decided_on,
        original.deciders,
        original.rationale,
    )
    assert back.flavour == flavour


@pytest.mark.parametrize(
    "text,message",
    [
        ("Just some notes\n", "no title"),
        ("# 3. Thing\n\nDate: 2026-14-01\n\n## Status\n\nAccepted\n", "date '2026-14-01' is not a date"),
    ],
)
def test_bad_adrs_name_the_file(text, message):
    with pytest.raises(InvalidInput, match=f"^0003-x.md: {message}"):
        parse_adr(text, "0003-x.md")


JIRA = (
    "Summary,Issue key,Issue id,Issue Type,Status,Project key,Priority,Resolution,Assignee,Reporter,"
    "Created,Updated,Last Viewed,Resolved,Labels,Labels,Sprint,Sprint\r\n"
    '"Backtest, lanes",ETA-101,10101,Task,Done,ETA,High,Done,Priya Raman,Lukas Brandt,'
    "05/Jan/26 10:15 AM,09/Jan/26 4:15 PM,09/Jan/26 5:15 PM,09/Jan/26 3:15 PM,ml,ops,Sprint 1,\r\n"
    '"Fix the\nfeature join",ETA-102,10102,Bug,In Progress,ETA,Low,,Mei Chen,Lukas Brandt,'
    "05/Jan/26 10:15 AM,14/Jan/26 9:05 AM,,,,,,\r\n"
    "Unassigned cleanup,ETA-103,10103,Task,To Do,ETA,Low,,,Lukas Brandt,2026-01-20 10:00,,,,,,,\r\n"
)


def test_jira_export_with_real_columns_duplicates_and_dates():
    used, rows = read_tracker_csv(JIRA.encode("utf-8-sig"), "jira.csv")
    assert used == "jira"
    assert [(r.key, r.title, r.assignee, r.status, r.worked_on) for r in rows] == [
        ("ETA-101", "Backtest, lanes", "Priya Raman", "Done", date(2026, 1, 9)),  # Resolved
        ("ETA-102", "Fix the feature join", "Mei Chen", "In Progress", date(2026, 1, 14)),  # Updated
        ("ETA-103", "Unassigned cleanup", "", "To Do", date(2026, 1, 20)),  # Created
    ]
    assert [r.line for r in rows] == [2, 3, 5]


def test_plain_csv_with_or_without_header():
    used, rows = read_tracker_csv(b"Date;Task;Who;State\n2026-01-05;Retrain;Priya;done\n", "p.csv", "plain")
    assert used == "plain" and (rows[0].title, rows[0].assignee, rows[0].status) == ("Retrain", "Priya", "done")
    _, bare = read_tracker_csv(b"2026-01-05,Retrain,Priya,done\n2026-01-05,Retrain,Priya,done\n", "p.csv")
    assert len(bare) == 1 and bare[0].key == rows[0].key  # the same task, whatever the header


@pytest.mark.parametrize(
    "data,fmt,message",
    [
        (b"", "auto", "p.csv: the file is empty"),
        (b"\x00\x01binary", "auto", "p.csv: not a text file"),
        (b"Summary,Issue key,Assignee\nx,ETA-1,Ann\n", "jira", "no Resolved, Updated or Created column"),
        (b"Summary,Status\nx,Done\n", "jira", "not a Jira CSV export: no issue key, assignee"),
        (JIRA.replace("ETA-102", "ETA-101").encode(), "jira", "p.csv line 3: issue ETA-101 already on line 2"),
        (
            JIRA.replace("09/Jan/26 3:15 PM", "someday").encode(),
            "jira",
            "p.csv line 2: Resolved 'someday' is not a date",
        ),
        (b"date,title,assignee\n2026-01-05,,Ann\n", "plain", "p.csv line 2: no title"),
        (b"date,title,assignee\n2026-02-30,Deploy,Ann\n", "plain", "p.csv line 2: date '2026-02-30' is not a date"),
        (b"title,owner\nDeploy,Ann\n", "plain", "no date column"),
        (b'date,title,assignee\n2026-01-05,"Deploy,Ann\n', "plain", "p.csv line 2: not readable as CSV"),
        (b"date,title\n", "xml", "invalid format 'xml'"),
    ],
)
def test_bad_csv_input_is_one_clear_line(data, fmt, message):
    with pytest.raises(InvalidInput) as raised:
        read_tracker_csv(data, "p.csv", fmt)
    assert message in str(raised.value) and "\n" not in str(raised.value)
