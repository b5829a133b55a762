"""What the report says: the engagement page, plus the action list and evidence excerpts."""

from __future__ import annotations

from datetime import date
from typing import Literal

from inhouse.bootstrap import Workspace
from inhouse.domain.code_reviews import ReviewSharing
from inhouse.domain.shapes import Shape
from inhouse.domain.status import Color
from inhouse.services import code_reviews
from inhouse.services.dashboard import engagement_page
from inhouse.services.dashboard.contracts import ChecklistFinding, ReviewedChecklist
from inhouse.services.dashboard.engagement import EngagementPage

ActionSource = Literal["status", "contract", "drill", "reviews"]


class ReportAction(Shape):
    """One line of the report's action list, and what asks for it."""

    action: str
    why: str = ""
    source: ActionSource
    color: Color | None = None
    evidence: str | None = None


class Excerpt(ChecklistFinding):
    """A checklist finding with its first evidence quotes, shortened for print."""

    quotes: list[str]


class ReportContent(EngagementPage):
    """The report of one engagement: its page, the actions to take and the contract's quotes."""

    actions: list[ReportAction]
    excerpts: list[Excerpt]
    review_sharing: ReviewSharing | None = None  # the imported pull/merge request reviews, by quarter


def actions(page: EngagementPage) -> list[ReportAction]:
    """The status's next actions; without any, what the stored findings ask for."""
    if page.status.next_actions:
        return [
            ReportAction(
                action=a.action,
                source="status",
                color=a.color,
                evidence=a.evidence.ref if a.evidence.source != "none" else None,
            )
            for a in page.status.next_actions
        ]
    out = []
    if isinstance(page.contract, ReviewedChecklist):
        for item in page.contract.recommendations:
            out.append(
                ReportAction(
                    action=f"Contract — {item.clause.replace('_', ' ')}: {item.problem}",
                    why=item.suggested_text,
                    source="contract",
                )
            )
    for drill in page.drill_list:
        for point in drill.stuck_points:
            out.append(
                ReportAction(
                    action=f"Training: {point}",
                    why=f"{drill.person} got stuck on {drill.performed_on.isoformat()}",
                    source="drill",
                )
            )
    missed = page.timeline.missed_weeks
    if missed:
        out.append(
            ReportAction(
                action=f"Hold the weekly review: {len(missed)} week(s) without one",
                why=f"last missed: {missed[-1].isoformat()}",
                source="reviews",
            )
        )
    return out


def excerpts(page: EngagementPage, limit: int = 2, width: int = 320) -> list[Excerpt]:
    """Per checklist finding, its first evidence quotes, shortened."""
    if not isinstance(page.contract, ReviewedChecklist):
        return []
    out = []
    for finding in page.contract.findings:
        quotes = []
        for evidence in finding.evidence[:limit]:
            text = " ".join(evidence.text.split())
            quotes.append(text if len(text) <= width else text[: width - 1].rstrip() + "…")
        out.append(Excerpt(**dict(finding), quotes=quotes))
    return out


def report_content(ws: Workspace, ref: str | None, today: date | None = None) -> ReportContent:
    page = engagement_page(ws, ref, today)
    sharing = code_reviews.sharing(ws, str(page.id))
    return ReportContent(
        **dict(page),
        actions=actions(page),
        excerpts=excerpts(page),
        review_sharing=sharing if sharing.change_requests else None,
    )
