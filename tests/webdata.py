"""A small engagement with a stored scan, a reviewed contract, reviews and drills, for web tests.

The payloads follow the analyzers' ``--json`` shapes (``ScanResult``,
``ContractReview.to_dict()``), written out here so the web is tested on stored data alone.
"""

from __future__ import annotations

from datetime import date

from inhouse.analysis.documents import read_document
from inhouse.domain.documents import Document, DocumentKind
from inhouse.domain.drills import Drill, DrillOutcome
from inhouse.domain.results import AnalysisResult
from inhouse.domain.reviews import WeeklyReview
from inhouse.services import lookup
from tests import records

ENGAGEMENT = "ETA prediction"
PARTNER = "Quantia Labs"
CONTRACT_NAME = "quantia-msa.txt"
CONTRACT_TEXT = (
    "MASTER SERVICES AGREEMENT\n\n"
    "1. Ownership. All deliverables, including source code, trained models and data, are the sole "
    "property of the Client upon payment.\n\n"
    "2. Knowledge transfer. The Vendor shall provide 40 hours of handover training to the Client's team.\n\n"
    "3. Term. This Agreement renews automatically for successive one-year terms unless cancelled.\n"
)
QUOTES = {
    "ownership": "are the sole property of the Client upon payment",
    "training": "The Vendor shall provide 40 hours of handover training",
    "renewal": "renews automatically for successive one-year terms",
}


def evidence(text: str, quote: str) -> dict:
    start = text.index(quote)
    return {"text": quote, "start": start, "end": start + len(quote)}


def contract_payload(text: str) -> dict:
    absent = {"status": "absent", "evidence": []}
    return {
        "file": CONTRACT_NAME,
        "engagement_model": "project",
        "clauses": {
            "deliverable_ownership": {
                "status": "client",
                "conditions": ["upon payment"],
                "evidence": [evidence(text, QUOTES["ownership"])],
            },
            "knowledge_transfer": {
                "status": "present",
                "hours": 40.0,
                "evidence": [evidence(text, QUOTES["training"])],
            },
            "source_access": dict(absent),
            "maintenance": {
                "status": "absent",
                "free_months": None,
                "monthly_fee": None,
                "currency": None,
                "scope_defined": False,
                "evidence": [],
            },
            "exit": dict(absent),
        },
        "red_flags": [{"kind": "auto_renewal", "binds": "client", "evidence": [evidence(text, QUOTES["renewal"])]}],
        "parties": [{"name": "Quantia Labs GmbH", "role": "vendor"}],
        "score": 46,
        "recommendations": [
            {
                "clause": "exit",
                "problem": "no exit clause",
                "suggested_text": "On termination the Vendor hands over all data and systems.",
            }
        ],
    }


def scan_payload() -> dict:
    def period(name, start, end, commits, share, plan):
        return {
            "period": name,
            "start": start,
            "end": end,
            "commits": commits,
            "internal_commit_share": share,
            "internal_line_share": share,
            "internal_authorship_share": share,
            "plan_internal_share": plan,
            "gap": None if share is None else round(share - plan, 4),
        }

    ident = [
        {
            "id": "p1",
            "names": ["Mei Chen"],
            "emails": ["mei.chen@quantialabs.io"],
            "side": "partner",
            "commits": 300,
            "lines_added": 1,
            "lines_deleted": 0,
            "files_authored": 40,
            "bot": False,
        },
        {
            "id": "i1",
            "names": ["Priya Raman"],
            "emails": ["priya@meridian.example"],
            "side": "internal",
            "commits": 120,
            "lines_added": 1,
            "lines_deleted": 0,
            "files_authored": 12,
            "bot": False,
        },
    ]
    return {
        "repo": "/repos/eta-prediction",
        "rev": "HEAD",
        "head": "abc123",
        "commits": 420,
        "merges": 0,
        "mode": "full",
        "identities": ident,
        "bots": [],
        "truck_factor": {"value": 1, "authors": ["p1"]},
        "offboarding": {
            "side": "partner",
            "files": 52,
            "orphaned_files": 30,
            "orphaned_share": 0.5769,
            "orphaned_lines": None,
            "by_directory": [
                {"path": "serving", "files": 10, "orphaned_files": 9, "orphaned_lines": None, "orphaned": []},
                {"path": "features", "files": 20, "orphaned_files": 6, "orphaned_lines": None, "orphaned": []},
            ],
        },
        "period": "engagement-year",
        "plan": "30% -> 60% -> 90%",
        "trajectory": [
            period("year 1", "2025-06-02", "2026-06-01", 250, 0.22, 0.30),
            period("year 2", "2026-06-02", "2027-06-01", 170, 0.41, 0.60),
        ],
        "forecast": {
            "metric": "internal_commit_share",
            "final_share": 0.9,
            "current_share": 0.41,
            "pace_per_year": 0.19,
            "reached_on": "2029-02-01",
            "already_reached": False,
        },
        "warnings": [],
        "scanned_commits": 420,
        "incremental": False,
        "knowledge_model": "avelino2016",
        "knowledge_half_life_days": None,
    }


def seed(ws) -> dict:
    """Partner, engagement, contract with its review, a scan, three reviews and two drills."""
    records.add_partner(ws, PARTNER, domains=["quantialabs.io"])
    records.add_partner(ws, "BrightPath AI")
    records.add_engagement(ws, ENGAGEMENT, PARTNER, "2025-06-02")
    content = CONTRACT_TEXT.encode()
    text = read_document(content, CONTRACT_NAME).text
    with ws.uow() as uow:
        found = lookup.engagement(uow, ENGAGEMENT)
        document = uow.documents.add(
            Document(
                filename=CONTRACT_NAME,
                kind=DocumentKind.CONTRACT,
                content=content,
                media_type="text/plain",
                engagement_id=found.id,
                partner_id=found.partner_id,
            )
        )
        uow.results.add(
            AnalysisResult(
                kind="contract",
                subject=str(document.id),
                payload=contract_payload(text),
                engagement_id=found.id,
                document_id=document.id,
                summary="score 46/100; missing: source access, maintenance, exit",
            )
        )
        uow.results.add(
            AnalysisResult(
                kind="scan",
                subject="/repos/eta-prediction",
                payload=scan_payload(),
                engagement_id=found.id,
                summary="truck factor 1; 58% of files orphaned if the partner left",
            )
        )
        for week, done in (
            (date(2026, 10, 26), "Drift monitor on weather features"),
            (date(2026, 11, 2), "Backfilled carrier status messages"),
            (date(2026, 11, 16), "Wrote the operations guide"),
        ):
            uow.reviews.add(
                WeeklyReview(
                    engagement_id=found.id,
                    week_of=week,
                    done=done,
                    why="because",
                    next="next step",
                    attendees=["Priya Raman", "Mei Chen"],
                )
            )
        uow.drills.add(
            Drill(
                engagement_id=found.id,
                performed_on=date(2026, 9, 9),
                person="Tomás Ribeiro",
                modification="Raise the cache TTL",
                outcome=DrillOutcome.WITH_HELP,
                stuck_points=["Terraform state lives with the partner"],
                training_hours=4.0,
            )
        )
        uow.commit()
        return {"engagement_id": found.id, "document_id": document.id, "partner_id": found.partner_id}
