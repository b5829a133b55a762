"""Partner comparison: every partner with its assessed documents, its proposal's versions (the current
one and why, what changed since the one before: ``services/proposal_versions.py``) and references,
and the ranking."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import Field

from inhouse.bootstrap import Workspace
from inhouse.domain.documents import DocumentKind
from inhouse.domain.organisations import PartnerRecord
from inhouse.domain.partners import ProposalAnalysis, RedFlag, ReferenceFinding, ReferenceRecord, Signals
from inhouse.domain.proposal_diff import ProposalDiff
from inhouse.domain.results import AnalysisResult
from inhouse.domain.scorecard import Comparison, Criterion, RankedCandidate
from inhouse.domain.shapes import Shape
from inhouse.domain.versions import DocumentVersion
from inhouse.errors import InhouseError
from inhouse.services import lookup, partners_compare, partners_references, proposal_versions
from inhouse.services import partners as partner_service
from inhouse.store import dashboard as views

NOT_ASSESSED = "not measured yet: no proposal assessment stored for this partner"


class AssessmentSummary(Shape):
    """One stored assessment of a partner's document, as the partners page shows it."""

    id: int
    document_id: int | None
    summary: str
    created_at: datetime | None
    signals: Signals
    red_flags: tuple[RedFlag, ...]
    references: tuple[ReferenceFinding, ...]
    file: str
    current: bool = Field(
        True, description="Whether the scorecard reads it (False: a proposal version a newer one replaced)"
    )

    @classmethod
    def of(cls, result: AnalysisResult, current: bool = True) -> AssessmentSummary:
        assert result.id is not None, "a stored result has an id"
        analysis = ProposalAnalysis.model_validate(result.payload)
        created = result.created_at.replace(microsecond=0) if result.created_at else None
        return cls(
            id=result.id,
            document_id=result.document_id,
            summary=result.summary,
            created_at=created,
            signals=analysis.signals,
            red_flags=analysis.red_flags,
            references=analysis.references,
            file=analysis.file,
            current=current,
        )


class PartnerDocument(Shape):
    """A document a partner sent (its bytes stay in the store)."""

    id: int
    filename: str
    kind: Literal["proposal", "transcript", "email"]


class ProposalHistory(Shape):
    """A partner's proposal for one engagement (or for none): its versions in upload order, the
    current one and why, and what changed in it since the assessed version before it."""

    engagement_id: int | None
    engagement: str | None
    versions: list[DocumentVersion]
    current: DocumentVersion | None
    changes: ProposalDiff | None


class PartnerCard(PartnerRecord):
    """A partner on the partners page: its record, latest assessments first, its proposal's versions,
    documents, references."""

    assessments: list[AssessmentSummary]
    documents: list[PartnerDocument]
    references: list[ReferenceRecord]
    measured: bool = Field(description="Whether any of its documents has been assessed")
    proposals: list[ProposalHistory] = Field(
        default_factory=list, description="Its proposal's versions, one history per engagement (or none) named"
    )


class Ranked(Shape):
    """The scorecard ranking of the candidates."""

    measured: Literal[True] = True
    engagement: str | None = None
    criteria: tuple[Criterion, ...]
    candidates: tuple[RankedCandidate, ...]
    notes: tuple[str, ...] = ()

    @classmethod
    def of(cls, comparison: Comparison) -> Ranked:
        return cls(
            engagement=comparison.engagement,
            criteria=comparison.criteria,
            candidates=comparison.candidates,
            notes=comparison.notes,
        )


class NotRanked(Shape):
    """No ranking yet, and why."""

    measured: Literal[False] = False
    why: str


Ranking = Annotated[Ranked | NotRanked, Field(discriminator="measured")]


class PartnerComparison(Shape):
    """The partners page and ``GET /api/partners``."""

    partners: list[PartnerCard]
    ranking: Ranking
    not_assessed: str = NOT_ASSESSED


def _ranking(ws: Workspace) -> Ranked | NotRanked:
    """The scorecard ranking, or why there is none yet."""
    try:
        return Ranked.of(partners_compare.compare(ws))
    except InhouseError as exc:  # no candidate yet, or no single client to rank for
        return NotRanked(why=exc.message)


def partners_tag(ws: Workspace) -> str | None:
    """A tag that changes whenever the partner comparison would (None: no counter to tell)."""
    with ws.uow() as uow:
        version = uow.status_rows.data_version("partners")
    if version is None:
        return None
    return hashlib.blake2b(repr((version, date.today().isoformat())).encode(), digest_size=12).hexdigest()


def _history(partner: str, series: proposal_versions.Series, engagements: dict[int | None, str]) -> ProposalHistory:
    engagement = engagements.get(series.engagement_id) if series.engagement_id is not None else None
    return ProposalHistory(
        engagement_id=series.engagement_id,
        engagement=engagement,
        versions=series.versions,
        current=series.current,
        changes=proposal_versions.changes(series, partner, engagement),
    )


def partner_comparison(ws: Workspace) -> PartnerComparison:
    partners = partner_service.list_all(ws)
    references: dict[int, list[ReferenceRecord]] = {}
    for reference in partners_references.list_all(ws):
        references.setdefault(reference.partner_id, []).append(reference)
    shown = [kind.value for kind in (DocumentKind.PROPOSAL, DocumentKind.TRANSCRIPT, DocumentKind.EMAIL)]
    results: dict[int, list[AnalysisResult]] = {}
    with ws.uow() as uow:  # a few queries for every partner at once, without document bytes
        stored = uow.results.list(kind="proposal")
        for result in stored:
            if result.partner_id is not None:
                results.setdefault(result.partner_id, []).append(result)
        documents = views.partner_documents(uow.session, shown)
        series = proposal_versions.series_of(
            uow.documents.list(kind=DocumentKind.PROPOSAL), stored, lookup.account_names(uow)
        )
        engagements = {e.id: e.name for e in uow.engagements.list()} if series else {}
    replaced = {d for s in series.values() for d in s.replaced}
    cards = []
    for partner in partners:
        assessments = [
            AssessmentSummary.of(r, current=r.document_id not in replaced)
            for r in reversed(results.get(partner.id, []))
        ]
        histories = [
            _history(partner.name, s, engagements)
            for key, s in sorted(series.items(), key=lambda item: (item[0][1] is not None, item[0][1] or 0))
            if key[0] == partner.id
        ]
        cards.append(
            PartnerCard(
                **dict(partner),
                assessments=assessments,
                proposals=histories,
                documents=[PartnerDocument.model_validate(d) for d in documents.get(partner.id, [])],
                references=references.get(partner.id, []),
                measured=bool(assessments),
            )
        )
    return PartnerComparison(partners=cards, ranking=_ranking(ws))
