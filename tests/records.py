"""Adding engagements, people and the client in tests the way the CLI does: arguments validated
into the services' input models, results as their JSON (the shape the CLI and the API print)."""

from __future__ import annotations

from typing import Any

from inhouse.bootstrap import Workspace
from inhouse.domain.engagements import EngagementIn, PhaseChangeIn
from inhouse.domain.organisations import PartnerIn
from inhouse.domain.roster import PeopleQuery, PersonIn
from inhouse.domain.shapes import validated
from inhouse.domain.workspace import WorkspaceIn
from inhouse.services import engagements, partners, people, workspace


def init(ws: Workspace, client: str | None = None) -> dict[str, Any]:
    return workspace.init(ws, validated(WorkspaceIn, client=client)).model_dump(mode="json")


def add_engagement(ws: Workspace, name: str, partner: str, start: str, **extra: Any) -> dict[str, Any]:
    new = validated(EngagementIn, name=name, partner=partner, start_date=start, **extra)
    return engagements.add(ws, new).model_dump(mode="json")


def change_phase(ws: Workspace, ref: str | None, phase: str, on: str, reason: str) -> dict[str, Any]:
    change = validated(PhaseChangeIn, phase=phase, started_on=on, reason=reason)
    return engagements.change_phase(ws, ref, change).model_dump(mode="json")


def add_person(
    ws: Workspace,
    name: str,
    side: str,
    emails: list[str] | tuple[str, ...] = (),
    partner: str | None = None,
    role: str = "",
) -> dict[str, Any]:
    new = validated(PersonIn, name=name, side=side, emails=list(emails), partner=partner, role=role)
    return people.add(ws, new).model_dump(mode="json")


def list_people(ws: Workspace, **query: Any) -> list[dict[str, Any]]:
    return [p.model_dump(mode="json") for p in people.list_all(ws, validated(PeopleQuery, **query))]


def add_partner(ws: Workspace, name: str, **extra: Any) -> dict[str, Any]:
    return partners.add(ws, validated(PartnerIn, name=name, **extra)).model_dump(mode="json")


def list_partners(ws: Workspace) -> list[dict[str, Any]]:
    return [p.model_dump(mode="json") for p in partners.list_all(ws)]
