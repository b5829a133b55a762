"""A partner user's home page: for each engagement it reaches, the weekly record it reads and
writes (``journal_view.EngagementJournal``), and nothing of the client's other pages."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from inhouse.bootstrap import Workspace
from inhouse.domain.access import Principal
from inhouse.domain.shapes import Shape
from inhouse.services import access
from inhouse.services.journal_view import EngagementJournal, journal_in


class PartnerHome(Shape):
    """What a partner user sees on signing in."""

    name: str = Field(description="The signed-in partner user's name")
    user_id: int | None
    engagements: list[EngagementJournal] = Field(description="The engagements it reaches, oldest first")
    today: date


def partner_home(ws: Workspace, principal: Principal, today: date | None = None) -> PartnerHome:
    """The home page of the partner user ``principal``."""
    reached = access.engagements_of(ws, principal)
    with ws.uow() as uow:
        journals = [journal_in(uow, engagement) for engagement in reached]
    return PartnerHome(
        name=principal.name, user_id=principal.user_id, engagements=journals, today=today or date.today()
    )
