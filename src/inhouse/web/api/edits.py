"""JSON API: ``PATCH`` of everything a user creates. The body is the record's patch (only the fields
given change); the answer is the record as the lists show it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from inhouse.domain.accounts import UserRecord
from inhouse.domain.assets import AssetRecord
from inhouse.domain.decisions import DecisionRecord
from inhouse.domain.documents import DocumentRecord
from inhouse.domain.drills import DrillAdded
from inhouse.domain.edits import (
    AssetPatch,
    DecisionPatch,
    DocumentPatch,
    DrillPatch,
    EngagementPatch,
    PartnerPatch,
    PersonPatch,
    PhasePatch,
    ReferencePatch,
    RepoPatch,
    ReviewPatch,
    TaskPatch,
    UserPatch,
)
from inhouse.domain.engagements import EngagementDetail, EngagementRecord
from inhouse.domain.organisations import PartnerRecord
from inhouse.domain.participation import TaskRecord
from inhouse.domain.partners import ReferenceRecord
from inhouse.domain.repos import RepoRecord
from inhouse.domain.reviews import ReviewRecord
from inhouse.domain.roster import PersonRecord
from inhouse.domain.shapes import MAX_ID, Ref
from inhouse.services import (
    accounts,
    assets,
    decisions,
    document_titles,
    drills,
    engagements,
    participation,
    partners,
    partners_references,
    people,
    repos,
    reviews,
)
from inhouse.web.api.journal import DecisionId, ReviewId
from inhouse.web.deps import WS

router = APIRouter()


def _id(what: str) -> object:
    return Path(ge=1, le=MAX_ID, description=f"The {what}'s id")


PartnerRef = Annotated[Ref, Path(description="A partner's id or name")]
ReferenceId = Annotated[int, _id("reference check")]
PhaseId = Annotated[int, _id("phase change")]
PersonId = Annotated[int, _id("person")]
RepoId = Annotated[int, _id("repository")]
DocumentId = Annotated[int, _id("document")]
DrillId = Annotated[int, _id("drill")]
AssetId = Annotated[int, _id("asset")]
UserId = Annotated[int, _id("account")]


@router.patch("/partners/{ref}", summary="Edit a partner")
def edit_partner(ws: WS, ref: PartnerRef, body: PartnerPatch) -> PartnerRecord:
    return partners.edit(ws, ref, body)


@router.patch("/partners/{ref}/references/{reference_id}", summary="Edit a reference check")
def edit_reference(ws: WS, ref: PartnerRef, reference_id: ReferenceId, body: ReferencePatch) -> ReferenceRecord:
    return partners_references.edit(ws, reference_id, body, partner=ref)


@router.patch("/engagements/{ref}", summary="Edit an engagement: its name, description, start date, plan")
def edit_engagement(ws: WS, ref: str, body: EngagementPatch) -> EngagementRecord:
    return engagements.edit(ws, ref, body)


@router.patch("/engagements/{ref}/phases/{phase_id}", summary="Edit a recorded phase change")
def edit_phase(ws: WS, ref: str, phase_id: PhaseId, body: PhasePatch) -> EngagementDetail:
    return engagements.edit_phase(ws, ref, phase_id, body)


@router.patch("/people/{person_id}", summary="Edit a person (name, role, side, partner, e-mails)")
def edit_person(ws: WS, person_id: PersonId, body: PersonPatch) -> PersonRecord:
    return people.edit(ws, person_id, body)


@router.patch("/engagements/{ref}/repos/{repo_id}", summary="Edit a linked repository (name, path, default rev)")
def edit_repo(ws: WS, ref: str, repo_id: RepoId, body: RepoPatch) -> RepoRecord:
    return repos.edit(ws, ref, repo_id, body)


@router.patch("/documents/{document_id}", summary="Edit a document's title (its bytes never change)")
def edit_document(ws: WS, document_id: DocumentId, body: DocumentPatch) -> DocumentRecord:
    return document_titles.retitle(ws, document_id, body)


@router.patch(
    "/engagements/{ref}/reviews/{review_id}",
    summary="Edit some fields of a weekly review (a partner user: its own, until it is confirmed)",
)
def patch_review(ws: WS, ref: str, review_id: ReviewId, body: ReviewPatch) -> ReviewRecord:
    return reviews.patch(ws, ref, review_id, body)


@router.patch(
    "/engagements/{ref}/decisions/{decision_id}", summary="Edit some fields of a decision (a partner user: its own)"
)
def patch_decision(ws: WS, ref: str, decision_id: DecisionId, body: DecisionPatch) -> DecisionRecord:
    return decisions.patch(ws, ref, decision_id, body)


@router.patch("/engagements/{ref}/drills/{drill_id}", summary="Edit a drill")
def edit_drill(ws: WS, ref: str, drill_id: DrillId, body: DrillPatch) -> DrillAdded:
    return drills.edit(ws, ref, drill_id, body)


@router.patch("/engagements/{ref}/tasks/{key}", summary="Edit a tracker task (named by its key)")
def edit_task(ws: WS, ref: str, key: Annotated[Ref, Path(description="The task's key")], body: TaskPatch) -> TaskRecord:
    return participation.edit_task(ws, ref, key, body)


@router.patch("/engagements/{ref}/assets/{asset_id}", summary="Edit an asset")
def edit_asset(ws: WS, ref: str, asset_id: AssetId, body: AssetPatch) -> AssetRecord:
    return assets.edit(ws, ref, asset_id, body)


@router.patch("/users/{user_id}", summary="Edit an account (name, role, a partner user's partner and engagements)")
def edit_user(ws: WS, user_id: UserId, body: UserPatch) -> UserRecord:
    return accounts.edit(ws, str(user_id), body)
