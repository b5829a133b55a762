"""The versions of a partner's proposal, and what changed between two of them.

A proposal a partner sends never replaces the one before it: every document of kind ``proposal``
stored for a partner is a **version** of that partner's proposal for its engagement (the proposals
that name no engagement are a series of their own), numbered v1, v2... in upload order (the order the
documents were stored). The newest *assessed* version is **current**: it is the one the scorecard
(``services/partners_compare.py``) and the partners page read. The earlier versions stay stored and
reachable, each with who uploaded it and when, but are not scored, and neither are the references
they state. Transcripts, e-mail threads and other documents from a partner are versions of nothing:
each is evidence of its own, and the scorecard reads every one (``domain/versions.py`` numbers the
versions; ``domain/proposal_diff.py`` compares two).

Which series a command means: the one for the engagement it names; without one, the partner's
proposals that name no engagement, or, when it has none, the proposals of the one engagement they
are all for (for several engagements: name one). A version is named by its number (``2`` or ``v2``)
or by its document's id (``doc:12``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from inhouse.bootstrap import Workspace
from inhouse.domain.documents import Document, DocumentKind
from inhouse.domain.engagements import Engagement
from inhouse.domain.organisations import Partner
from inhouse.domain.partners import ProposalAnalysis
from inhouse.domain.proposal_diff import ProposalDiff, ProposalSide, diff_assessments, side
from inhouse.domain.results import AnalysisResult
from inhouse.domain.versions import PROPOSAL, DocumentVersion, Handed, number_versions, pick_pair
from inhouse.errors import InvalidInput
from inhouse.services import lookup
from inhouse.store.uow import UnitOfWork

KIND = "proposal"  # the analysis results' kind (services/partners_assess.py stores them)


@dataclass(frozen=True)
class Series:
    """The versions of one partner's proposal for one engagement (None: for no engagement named)."""

    partner_id: int
    engagement_id: int | None
    versions: list[DocumentVersion] = field(default_factory=list)
    assessments: dict[int, ProposalAnalysis] = field(default_factory=dict)  # document id -> latest

    @property
    def current(self) -> DocumentVersion | None:
        return next((v for v in self.versions if v.current), None)

    @property
    def replaced(self) -> set[int]:
        """The documents of the versions that are not current (their assessments are not read)."""
        return {v.document_id for v in self.versions if not v.current}

    def assessed(self) -> list[DocumentVersion]:
        return [v for v in self.versions if v.document_id in self.assessments]


def _read(payload: Any) -> ProposalAnalysis | None:
    """A stored payload as an assessment, or None for one that is not."""
    try:
        return ProposalAnalysis.model_validate(payload)
    except ValidationError:
        return None


def _latest(results: Iterable[AnalysisResult]) -> dict[int, tuple[AnalysisResult, ProposalAnalysis]]:
    """Each document's latest stored assessment (a payload that is not one is skipped)."""
    out: dict[int, tuple[AnalysisResult, ProposalAnalysis]] = {}
    for result in sorted(results, key=lambda r: r.id or 0):
        analysis = _read(result.payload)
        if result.document_id is not None and analysis is not None:
            out[result.document_id] = (result, analysis)
    return out


def series_of(
    documents: Iterable[Document], results: Iterable[AnalysisResult], names: Mapping[int, str] | None = None
) -> dict[tuple[int, int | None], Series]:
    """The proposal documents (of any partners) grouped into series by partner and engagement, each
    numbered, with each version's latest assessment among ``results`` (and its uploader's name
    among ``names``, accounts' names by id)."""
    names = names or {}
    latest = _latest(results)
    grouped: dict[tuple[int, int | None], list[Document]] = {}
    for document in documents:
        if document.kind is DocumentKind.PROPOSAL and document.partner_id is not None and document.id is not None:
            grouped.setdefault((document.partner_id, document.engagement_id), []).append(document)
    out = {}
    for (partner_id, engagement_id), listed in grouped.items():
        assessments = {d.id: latest[d.id][1] for d in listed if d.id is not None and d.id in latest}
        handed = [
            Handed(
                document_id=d.id,
                name=d.filename,
                uploaded_by=d.uploaded_by,
                uploaded_at=d.created_at,
                score=None,
                analysed=d.id in assessments,
                uploader=names.get(d.uploaded_by_user_id, "") if d.uploaded_by_user_id is not None else "",
            )
            for d in listed
            if d.id is not None
        ]
        out[(partner_id, engagement_id)] = Series(
            partner_id, engagement_id, number_versions(handed, PROPOSAL), assessments
        )
    return out


def all_series(uow: UnitOfWork, partner_id: int | None = None) -> dict[tuple[int, int | None], Series]:
    """Every proposal series (of ``partner_id`` when given), in two queries (no document bytes)."""
    documents = uow.documents.list(partner_id=partner_id, kind=DocumentKind.PROPOSAL)
    return series_of(documents, uow.results.list(kind=KIND, partner_id=partner_id), lookup.account_names(uow))


def replaced_documents(uow: UnitOfWork, partner_id: int | None = None) -> set[int]:
    """The documents of every proposal version a newer one replaced (of ``partner_id`` when given)."""
    return {d for s in all_series(uow, partner_id).values() for d in s.replaced}


def current_assessments(uow: UnitOfWork, partner_id: int, engagement_id: int | None = None) -> list[ProposalAnalysis]:
    """What the scorecard reads of a partner (for ``engagement_id`` when given), oldest first: the
    latest assessment of each document it sent, but none of a proposal version a newer one replaced."""
    replaced = replaced_documents(uow, partner_id)
    results = uow.results.list(kind=KIND, partner_id=partner_id, engagement_id=engagement_id)
    latest = _latest(results)
    out = []
    for result in results:
        if result.document_id is None:
            analysis = _read(result.payload)
            if analysis is not None:
                out.append(analysis)
        elif result.document_id not in replaced and latest[result.document_id][0] is result:
            out.append(latest[result.document_id][1])
    return out


def _chosen(uow: UnitOfWork, partner: Partner, engagement: str | None) -> tuple[Series, Engagement | None]:
    """The series of ``partner``'s proposal a command means (see the module's docstring)."""
    assert partner.id is not None, "a stored partner has an id"
    series = all_series(uow, partner.id)
    if engagement:
        found = lookup.engagement(uow, engagement)
        return series.get((partner.id, found.id), Series(partner.id, found.id)), found
    if (partner.id, None) in series or not series:
        return series.get((partner.id, None), Series(partner.id, None)), None
    if len(series) > 1:
        names = []
        for s in series.values():
            named = uow.engagements.get(s.engagement_id) if s.engagement_id is not None else None
            names.append(repr(named.name) if named else str(s.engagement_id))
        raise InvalidInput(
            f"engagement: {partner.name} has proposals for several engagements ({', '.join(sorted(names))}): name one"
        )
    [only] = series.values()
    assert only.engagement_id is not None, "the series without an engagement was taken above"
    return only, uow.engagements.get(only.engagement_id)


def versions(ws: Workspace, partner: str, engagement: str | None = None) -> list[DocumentVersion]:
    """The versions of ``partner``'s proposal (id or name), in upload order."""
    with ws.uow() as uow:
        return _chosen(uow, lookup.partner(uow, partner), engagement)[0].versions


def _side(series: Series, version: DocumentVersion, field: str) -> tuple[ProposalSide, ProposalAnalysis]:
    assessment = series.assessments.get(version.document_id)
    if assessment is None:
        raise InvalidInput(f"{field}: v{version.version} ({version.name}) has no stored assessment: {version.why}")
    return side(version, assessment), assessment


def compare(
    series: Series, partner: str, engagement: str | None, before: str | None, after: str | None
) -> ProposalDiff:
    """What changed from version ``before`` to version ``after`` of ``series`` (defaults: the current
    version, and the assessed version before it)."""
    listed, assessed = series.versions, series.assessed()
    whole = f"{partner}'s proposal" + (f" for {engagement}" if engagement else "")
    older, newer = pick_pair(listed, assessed, before, after, "the proposal", whole, "assessed")
    side_before, assessment_before = _side(series, older, "before")
    side_after, assessment_after = _side(series, newer, "after")
    return diff_assessments(assessment_before, assessment_after, side_before, side_after, partner, engagement)


def changes(series: Series, partner: str, engagement: str | None) -> ProposalDiff | None:
    """What changed in the current version since the assessed version before it (None: no current
    version, or it is the first assessed one)."""
    if len(series.assessed()) < 2:
        return None
    return compare(series, partner, engagement, None, None)


def diff(
    ws: Workspace, partner: str, before: str | None = None, after: str | None = None, engagement: str | None = None
) -> ProposalDiff:
    """What changed between two versions of ``partner``'s proposal (id or name)."""
    with ws.uow() as uow:
        found = lookup.partner(uow, partner)
        series, named = _chosen(uow, found, engagement)
        return compare(series, found.name, named.name if named else None, before, after)
