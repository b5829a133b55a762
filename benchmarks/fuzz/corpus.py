"""The seed corpus: one valid file of every kind a partner hands over, generated here in code.

Nothing is downloaded or copied: the PDF comes from inhouse's own PDF writer, the DOCX from
python-docx, the rest is text written below. Every seed is deterministic (fixed zip dates and
document properties), so a fixed ``--seed`` of the harness replays the same inputs.

    python benchmarks/fuzz/corpus.py OUT_DIR     # write the seeds to look at them
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from inhouse.analysis.documents.pdf_writer import write_pdf  # noqa: E402

ZIP_DATE = (2024, 1, 1, 0, 0, 0)

PROPOSAL = """\
# Proposal: a reporting pipeline for Redstone Logistics

Prepared by Quantia Analytics for Redstone Logistics, 12 March 2026.

## The problem

Your planners rebuild the weekly capacity report by hand from three exports. It takes two days
and the numbers disagree with finance. We start from that problem, not from a tool.

## What we propose

1. A four-week pilot on one depot: one pipeline, one report, your team pairing with ours.
2. Only after the pilot, a rollout to the other depots, priced per depot.

## What we cannot do

We do not do real-time tracking, and we have not integrated with SAP TM before.

## References

- Northwind Freight (2024): a similar pipeline; contact Maria Lopez, maria.lopez@northwind.example.
- Fabrikam Retail (2023): reporting only.

## Price

EUR 48,000 for the pilot, fixed. A 15% discount if signed before 31 March 2026.
"""

CONTRACT = """\
MASTER SERVICES AGREEMENT

This Agreement is made on 1 April 2026 between Redstone Logistics Ltd ("Client") and
Quantia Analytics GmbH ("Supplier").

1. Services. Supplier shall provide the services described in each Statement of Work.
2. Fees. Client shall pay the fees within 30 days of a correct invoice. Fees are fixed for 12 months.
3. Term and termination. This Agreement runs for 24 months. Either party may terminate for
   convenience on 90 days' written notice. Client may terminate for material breach on 30 days' notice.
4. Intellectual property. All deliverables, source code and documentation become Client's property on payment.
5. Exit and transition. On termination Supplier shall hand over all data in an open format and give
   up to 20 days of transition assistance at the rates in Schedule 2.
6. Liability. Each party's liability is capped at the fees paid in the preceding 12 months.
7. Automatic renewal. This Agreement renews for successive 12-month terms unless notice is given.
8. Governing law. The laws of England and Wales.
"""

EMAIL = """\
From: Nadia Ferro <nadia@redstone.example>
To: Hana Ito <hana.ito@quantia.example>
Subject: Re: Pilot scope
Date: Tue, 10 Mar 2026 09:12:00 +0100
Message-ID: <b2@redstone.example>
In-Reply-To: <a1@quantia.example>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

Hana, thanks. Who else have you done this for, and can we speak to them?
What happens to our data if we stop after the pilot?

Nadia

On Mon, 9 Mar 2026 at 17:40, Hana Ito <hana.ito@quantia.example> wrote:
> Hi Nadia,
>
> We suggest starting small: a four-week pilot on one depot. We have not
> integrated with SAP TM before, so we would pair with your team on that part.
>
> > On Fri, 6 Mar 2026, Nadia Ferro wrote:
> > Could you send a first proposal for the capacity report?
>
> Best, Hana

-----Original Message-----
From: Hana Ito <hana.ito@quantia.example>
Sent: Monday, 9 March 2026 17:40
Subject: Pilot scope

Northwind Freight is a reference; Maria Lopez is happy to take a call.
"""

VTT = """\
WEBVTT
Kind: captions
Language: en

NOTE sales call, Redstone and Quantia, 11 March 2026

00:00:01.000 --> 00:00:05.500
<v Nadia Ferro>What problem do you think we have, and why would you be the people to solve it for us?</v>

00:00:05.600 --> 00:00:12.000 align:start position:10%
<v Hana Ito>Your planners rebuild the capacity report by hand from three exports, and it takes them two days
every week. We would start with one depot for four weeks, pairing with your team, before any rollout.

00:00:12.100 --> 00:00:18.000
<v Nadia Ferro>And what can you not do?

00:00:18.100 --> 00:00:25.000
<v Hana Ito>Real-time tracking is not something we do. We have not worked with SAP TM before either, so we
would learn that part together with your integration team.

00:00:25.100 --> 00:00:30.000
<v Tom Berg>Who else have you done this for?

00:00:30.100 --> 00:00:36.000
<v Hana Ito>Northwind Freight, last year. You can call Maria Lopez there.
"""

SRT = """\
1
00:00:01,000 --> 00:00:05,500
Nadia Ferro: What problem do you think we have?

2
00:00:05,600 --> 00:00:12,000
Hana Ito: Your planners rebuild the capacity report by hand.
We would start with a four-week pilot on one depot.

3
00:00:12,100 --> 00:00:18,000
Nadia Ferro: And what can you not do?

4
00:00:18,100 --> 00:00:25,000
Hana Ito: Real-time tracking; and we have not integrated with SAP TM before.

5
00:00:25,100 --> 00:00:30,000
Tom Berg: What does it cost if we stop after the pilot?

6
00:00:30,100 --> 00:00:36,000
Hana Ito: Nothing more: the pilot is fixed at EUR 48,000 and the code is yours.
"""

TRANSCRIPT_TXT = """\
Sales call: Redstone Logistics and Quantia Analytics
Participants: Nadia Ferro (Redstone), Tom Berg (Redstone), Hana Ito (Quantia)

[00:00:01] Nadia Ferro: What problem do you think we have?
[00:00:06] Hana Ito: Your planners rebuild the capacity report by hand every week, from three exports that
disagree with finance, and it costs them two days each time. That is the problem we would start from.
[00:00:12] Tom Berg: Could you do all depots at once?
[00:00:15] Hana Ito: We would rather start with one depot for four weeks and learn, then price the other
depots once you have seen the pilot work. We have not integrated with SAP TM before.
Q: Who else have you done this for?
A: Northwind Freight; Maria Lopez will take a call.
"""

HTML = """\
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Proposal</title>
<style>body { font-family: sans-serif }</style><script>var tracking = 1;</script></head>
<body>
<h1>Proposal for Redstone Logistics</h1>
<p>Prepared by <b>Quantia Analytics</b> &amp; partners, 12&nbsp;March&nbsp;2026.</p>
<div class="section"><h2>The problem</h2>
<p>Your planners rebuild the weekly report by hand.<br>It takes two days.</p></div>
<ul><li>A four-week pilot on one depot</li><li>Then a rollout, priced per depot</li></ul>
<table><tr><th>Phase</th><th>Price</th></tr><tr><td>Pilot</td><td>EUR 48,000</td></tr></table>
<blockquote><p>We have not integrated with SAP TM before.</p></blockquote>
<!-- a comment --><pre>code   kept   as is</pre>
<p>R&eacute;f&eacute;rences: Northwind Freight &#8212; Maria Lopez.</p>
</body></html>
"""

TRACKER_JIRA = """\
Issue key,Issue id,Summary,Assignee,Status,Created,Updated,Resolved,Labels,Labels,Sprint
RED-101,10001,Build capacity pipeline,Hana Ito,Done,02/Mar/26 9:15 AM,09/Mar/26 3:26 PM,09/Mar/26 3:26 PM,pipeline,,Sprint 1
RED-102,10002,"Report layout, first draft",Nadia Ferro,Done,03/Mar/26 10:00 AM,10/Mar/26 11:00 AM,10/Mar/26 11:00 AM,,report,Sprint 1
RED-103,10003,SAP TM export,Tom Berg,In Progress,04/Mar/26 8:00 AM,2026-03-12,,sap,,Sprint 2
"""

TRACKER_PLAIN = """\
date,title,assignee,status
2026-03-02,Build capacity pipeline,Hana Ito,done
2026-03-03,"Report layout, first draft",Nadia Ferro,done
12 Mar 2026,SAP TM export,Tom Berg,in progress
"""

TRACKER_SEMICOLON = "day;task;who\n2026-03-02;Pipeline;Hana Ito\n2026-03-04;Export;Tom Berg\n"

MADR_FRONT = """\
---
status: accepted
date: 2026-03-05
decision-makers: [Nadia Ferro, Hana Ito]
consulted: Tom Berg
---
# Use PostgreSQL for the reporting store

## Context and Problem Statement

The pipeline needs a store the client's team can run and query themselves.

## Considered Options

* PostgreSQL
* A managed warehouse

## Decision Outcome

Chosen option: "PostgreSQL", because the client's team already runs it and it keeps the data in house.

### Consequences

* Good, because no lock-in.
* Bad, because we size it ourselves.
"""

MADR_LIST = """\
# Pilot on one depot first

* Status: proposed
* Deciders: Nadia Ferro, Tom Berg
* Date: 2026-03-11

## Context and Problem Statement

A rollout to all depots at once is risky.

## Decision Outcome

Chosen option: "one depot", because we learn before we spend.
"""

ADR_TOOLS = """\
# 2. Record architecture decisions

Date: 2026-03-01

## Status

Accepted

Supersedes [1. Old decision](0001-old-decision.md)

## Context

We need to record the architectural decisions made on this project.

## Decision

We will use Architecture Decision Records, as described by Michael Nygard.

## Consequences

See Michael Nygard's article.
"""

NOTE_ATX = """\
---
week: 2026-W11
attendees:
  - Nadia Ferro
  - Hana Ito
---
# Weekly review, 12 March 2026

## What was done
- The pipeline runs on the Hamburg depot (Hana, Tom).
- Report layout agreed.

## Why those decisions were made
We keep PostgreSQL: the client's team runs it.

## What's next
- Nadia: SAP TM export.
- Tom: second depot.
"""

NOTE_LABELS = """\
Date: 19/03/2026
Attendees: Nadia Ferro, Tom Berg and Hana Ito

**Done**
Second depot connected.

Decisions and why
-----------------
Pair on the SAP export: we have not done it before.

Next: rollout plan; <!-- hidden --> pricing per depot.
"""

ORG_MAP_JSON = (
    '{"internal": ["@redstone.example", "Nadia Ferro"], "partner": ["quantia.example", "hana.ito@quantia.example"]}\n'
)
ORG_MAP_LINES = "# pattern,side\npattern,side\n@redstone.example,internal\nquantia.example,partner\nTom Berg internal\n"
MAILMAP = """\
# a comment
Hana Ito <hana.ito@quantia.example>
Hana Ito <hana.ito@quantia.example> <hana@old-laptop.local>
Nadia Ferro <nadia@redstone.example> nadia <nf@redstone.example>
<tom@redstone.example> <tberg@users.noreply.example>
"""

RUNBOOK_MD = """\
# Runbook

## Installation

Run `make install`, then `inhouse serve`. See [operations](docs/operations.md) and src/inhouse/cli.py.

Setup
=====

TODO

```
## not a heading in a fence
```

## Troubleshooting {#trouble}

If the report is empty, check the export folder and the `pipeline.py` logs.
"""

GUIDE_RST = """\
Operations guide
================

Backups
-------

Nightly ``pg_dump`` to the backup bucket; see ``scripts/backup.sh``.

Restore
~~~~~~~

TBD
"""

GUIDE_ADOC = """\
= Deployment
:toc:

== Deploy

Run the `deploy.sh` script from the repository root.

----
== not a heading in a listing block
----

=== Rollback

Coming soon.
"""

MKDOCS = """\
site_name: Pipeline
docs_dir: docs
nav:
  - Home: index.md
  - 'Troubleshooting': ops/faq.md
  - Runbook: "./runbook.md"
"""


def pdf_seed() -> bytes:
    return write_pdf([PROPOSAL, CONTRACT, ""])


def docx_seed() -> bytes:
    """A DOCX with headings, a numbered and a bulleted list, a table and core properties."""
    import docx

    document = docx.Document()
    props = document.core_properties
    fixed = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    props.created = props.modified = props.last_printed = fixed
    props.author = props.last_modified_by = "Quantia Analytics"
    document.add_heading("Master services agreement", level=1)
    for paragraph in CONTRACT.split("\n\n")[1:]:
        document.add_paragraph(" ".join(paragraph.split()))
    document.add_heading("Proposal", level=2)
    document.add_paragraph("A four-week pilot on one depot.", style="List Number")
    document.add_paragraph("A rollout, priced per depot.", style="List Number")
    document.add_paragraph("We have not integrated with SAP TM before.", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {(0, 0): "Phase", (0, 1): "Price", (1, 0): "Pilot", (1, 1): "EUR 48,000"}.items():
        table.cell(row, col).text = text
    out = io.BytesIO()
    document.save(out)
    return fixed_zip(out.getvalue())


def fixed_zip(data: bytes) -> bytes:
    """The same archive with every member dated ZIP_DATE, so the bytes do not depend on the clock."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(zipfile.ZipInfo(info.filename, ZIP_DATE), source.read(info), zipfile.ZIP_DEFLATED)
    return out.getvalue()


def seeds() -> dict[str, bytes]:
    """``file name -> bytes`` of every seed; the extension says what it is."""
    text = {
        "proposal.md": PROPOSAL,
        "contract.txt": CONTRACT,
        "thread.eml": EMAIL,
        "call.vtt": VTT,
        "call.srt": SRT,
        "call.txt": TRANSCRIPT_TXT,
        "proposal.html": HTML,
        "jira.csv": TRACKER_JIRA,
        "plain.csv": TRACKER_PLAIN,
        "semicolon.csv": TRACKER_SEMICOLON,
        "0001-use-postgresql.md": MADR_FRONT,
        "0002-pilot-first.md": MADR_LIST,
        "0003-record-decisions.md": ADR_TOOLS,
        "2026-03-12-review.md": NOTE_ATX,
        "2026-03-19-review.txt": NOTE_LABELS,
        "orgmap.json": ORG_MAP_JSON,
        "orgmap.csv": ORG_MAP_LINES,
        ".mailmap": MAILMAP,
        "RUNBOOK.md": RUNBOOK_MD,
        "guide.rst": GUIDE_RST,
        "deploy.adoc": GUIDE_ADOC,
        "mkdocs.yml": MKDOCS,
    }
    found = {name: body.encode("utf-8") for name, body in text.items()}
    found["proposal-cp1252.txt"] = PROPOSAL.replace("Proposal", "Propos\u00e9").encode("cp1252")
    found["proposal-utf16.txt"] = PROPOSAL.encode("utf-16")
    found["proposal.pdf"] = pdf_seed()
    found["contract.docx"] = docx_seed()
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python benchmarks/fuzz/corpus.py OUT_DIR", file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for name, data in sorted(seeds().items()):
        (out / name).write_bytes(data)
    print(f"{len(seeds())} seeds written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
