"""JSON API: ``DELETE`` of everything a user creates (into the trash), and the trash itself.

A delete answers the ``Deleted`` record (its trash entry to restore it from); ``?purge=true``
deletes for good (admins only). ``POST /api/trash/{id}/restore`` brings a record back with
everything that hung on it; ``DELETE /api/trash/{id}`` purges an entry (admins only).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from inhouse.domain.shapes import MAX_ID
from inhouse.domain.trash import Deleted, Purged, Restored, TrashEntry
from inhouse.services import trash
from inhouse.web.deps import WS

router = APIRouter()

Id = Annotated[int, Path(ge=1, le=MAX_ID, description="The record's id")]
Purge = Annotated[bool, Query(description="Delete for good, not into the trash (admins only)")]


@router.delete("/partners/{ref}", summary="Delete a partner (into the trash)")
def delete_partner(ws: WS, ref: str, purge: Purge = False) -> Deleted:
    return trash.delete(ws, "partner", ref, purge)


@router.delete("/partners/{ref}/references/{reference_id}", summary="Delete a reference check (into the trash)")
def delete_reference(ws: WS, ref: str, reference_id: Id, purge: Purge = False) -> Deleted:
    return trash.delete(ws, "reference", reference_id, purge, partner=ref)


@router.delete("/engagements/{ref}", summary="Delete an engagement and everything on it (into the trash)")
def delete_engagement(ws: WS, ref: str, purge: Purge = False) -> Deleted:
    return trash.delete(ws, "engagement", ref, purge)


@router.delete("/engagements/{ref}/phases/{phase_id}", summary="Delete a recorded phase change")
def delete_phase(ws: WS, ref: str, phase_id: Id, purge: Purge = False) -> Deleted:
    return trash.delete(ws, "phase", phase_id, purge, engagement=ref)


@router.delete("/people/{person_id}", summary="Delete a person (into the trash)")
def delete_person(ws: WS, person_id: Id, purge: Purge = False) -> Deleted:
    return trash.delete(ws, "person", person_id, purge)


@router.delete("/engagements/{ref}/repos/{repo_id}", summary="Delete a linked repository and its scans")
def delete_repo(ws: WS, ref: str, repo_id: Id, purge: Purge = False) -> Deleted:
    return trash.delete(ws, "repo", repo_id, purge, engagement=ref)


@router.delete("/documents/{document_id}", summary="Delete a document and its analyses (into the trash)")
def delete_document(ws: WS, document_id: Id, purge: Purge = False) -> Deleted:
    return trash.delete(ws, "document", document_id, purge)


@router.delete("/engagements/{ref}/reviews/{review_id}", summary="Delete a weekly review (into the trash)")
def delete_review(ws: WS, ref: str, review_id: Id, purge: Purge = False) -> Deleted:
    return trash.delete(ws, "review", review_id, purge, engagement=ref)


@router.delete("/engagements/{ref}/decisions/{decision_id}", summary="Delete a decision (into the trash)")
def delete_decision(ws: WS, ref: str, decision_id: Id, purge: Purge = False) -> Deleted:
    return trash.delete(ws, "decision", decision_id, purge, engagement=ref)


@router.delete("/engagements/{ref}/drills/{drill_id}", summary="Delete a drill (into the trash)")
def delete_drill(ws: WS, ref: str, drill_id: Id, purge: Purge = False) -> Deleted:
    return trash.delete(ws, "drill", drill_id, purge, engagement=ref)


@router.delete("/engagements/{ref}/tasks/{key}", summary="Delete a tracker task (named by its key)")
def delete_task(ws: WS, ref: str, key: str, purge: Purge = False) -> Deleted:
    return trash.delete(ws, "task", key, purge, engagement=ref)


@router.delete("/engagements/{ref}/assets/{asset_id}", summary="Delete an asset (into the trash)")
def delete_asset(ws: WS, ref: str, asset_id: Id, purge: Purge = False) -> Deleted:
    return trash.delete(ws, "asset", asset_id, purge, engagement=ref)


@router.delete("/users/{user_id}", summary="Delete an account, its sessions and tokens (into the trash)")
def delete_user(ws: WS, user_id: Id, purge: Purge = False) -> Deleted:
    return trash.delete(ws, "user", user_id, purge)


@router.get("/trash", summary="The trash: each delete, what it removed, until when it can be restored")
def list_trash(ws: WS) -> list[TrashEntry]:
    return trash.entries(ws)


@router.post("/trash/{trash_id}/restore", summary="Restore a deleted record with everything that hung on it")
def restore(ws: WS, trash_id: Id) -> Restored:
    return trash.restore(ws, trash_id)


@router.delete("/trash/{trash_id}", summary="Purge a trash entry for good (admins only)")
def purge(ws: WS, trash_id: Id) -> Purged:
    return trash.purge(ws, trash_id)
