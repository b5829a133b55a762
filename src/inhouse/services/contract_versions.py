"""The versions of an engagement's contract, and what changed between two of them.

Every contract document of an engagement is a version (v1, v2... in upload order, never a
replacement); the newest reviewed one is current (``domain/versions.py``). ``diff`` compares the
stored reviews of two versions (``domain/contract_diff.py``). A version is named by its number
(``2`` or ``v2``) or by its document's id (``doc:12``).
"""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain.contract_diff import ContractDiff, VersionSide, diff_reviews
from inhouse.domain.contracts import ContractReview
from inhouse.domain.documents import DocumentKind
from inhouse.domain.engagements import Engagement
from inhouse.domain.versions import DocumentVersion, Handed, number_versions, pick_pair
from inhouse.errors import InvalidInput
from inhouse.services import lookup
from inhouse.services.contracts import KIND
from inhouse.services.evidence import read_payload
from inhouse.store.uow import UnitOfWork


def _reviews(uow: UnitOfWork, engagement: Engagement) -> dict[int, ContractReview]:
    """Each contract document's latest stored review (a payload that is not a review is skipped)."""
    out: dict[int, ContractReview] = {}
    for result in uow.results.list(kind=KIND, engagement_id=engagement.stored_id):
        review = read_payload(ContractReview, result.payload)
        if result.document_id is not None and review is not None:
            out[result.document_id] = review  # oldest first: the latest one stays
    return out


def _versions(uow: UnitOfWork, engagement: Engagement) -> tuple[list[DocumentVersion], dict[int, ContractReview]]:
    reviews = _reviews(uow, engagement)
    names = lookup.account_names(uow)
    handed = [
        Handed(
            document_id=d.id,
            name=d.filename,
            uploaded_by=d.uploaded_by,
            uploaded_at=d.created_at,
            score=reviews[d.id].score if d.id in reviews else None,
            held=d.held,
            uploader=names.get(d.uploaded_by_user_id, "") if d.uploaded_by_user_id is not None else "",
        )
        for d in uow.documents.list(engagement_id=engagement.stored_id, kind=DocumentKind.CONTRACT)
        if d.id is not None
    ]
    return number_versions(handed), reviews


def versions_in(uow: UnitOfWork, engagement: Engagement) -> list[DocumentVersion]:
    """The versions of ``engagement``'s contract in upload order."""
    return _versions(uow, engagement)[0]


def versions(ws: Workspace, engagement: str | None) -> list[DocumentVersion]:
    """The versions of the contract of the engagement ``engagement`` names (the only one when empty)."""
    with ws.uow() as uow:
        return versions_in(uow, lookup.engagement(uow, engagement))


def _side(
    version: DocumentVersion, reviews: dict[int, ContractReview], field: str
) -> tuple[VersionSide, ContractReview]:
    review = reviews.get(version.document_id)
    if review is None:
        raise InvalidInput(f"{field}: v{version.version} ({version.name}) has no stored review: {version.why}")
    side = VersionSide(version=version.version, document_id=version.document_id, name=version.name, score=review.score)
    return side, review


def diff_in(uow: UnitOfWork, engagement: Engagement, before: str | None, after: str | None) -> ContractDiff:
    """What changed from version ``before`` to version ``after`` (defaults: the current version, and
    the reviewed version before it)."""
    listed, reviews = _versions(uow, engagement)
    reviewed = [v for v in listed if v.document_id in reviews]
    older, newer = pick_pair(
        listed, reviewed, before, after, "the contract", f"{engagement.name}'s contract", "reviewed"
    )
    side_before, review_before = _side(older, reviews, "before")
    side_after, review_after = _side(newer, reviews, "after")
    return diff_reviews(review_before, review_after, side_before, side_after)


def diff(ws: Workspace, engagement: str | None, before: str | None = None, after: str | None = None) -> ContractDiff:
    """What changed between two versions of the contract of the engagement ``engagement`` names."""
    with ws.uow() as uow:
        return diff_in(uow, lookup.engagement(uow, engagement), before, after)


def changes_of(uow: UnitOfWork, engagement: Engagement, document_id: int) -> ContractDiff | None:
    """What changed in the version ``document_id`` since the reviewed version before it (None:
    it is not a reviewed version, or the first)."""
    listed, reviews = _versions(uow, engagement)
    this = next((v for v in listed if v.document_id == document_id), None)
    if this is None or document_id not in reviews:
        return None
    earlier = [v for v in listed if v.document_id in reviews and v.version < this.version]
    if not earlier:
        return None
    return diff_in(uow, engagement, f"doc:{earlier[-1].document_id}", f"doc:{document_id}")
