"""Comparing candidate partners side by side on the scorecard, with the ranking and its reasons."""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain.scorecard import CandidateEvidence, Scorecard
from inhouse.errors import InvalidInput, NotFound
from inhouse.services import lookup
from inhouse.services.partners_assess import stored


def compare(
    ws: Workspace,
    engagement: str | None = None,
    weights: list[str] | None = None,
    technical_skill: list[str] | None = None,
) -> dict:
    """Rank the candidates: every partner with assessed documents or references (for
    ``engagement``: those assessed or checked for it). ``weights`` are ``NAME=NUMBER`` overrides
    of the playbook's defaults; ``technical_skill`` holds ``PARTNER=0..5`` ratings."""
    card = Scorecard.with_weights(Scorecard.parse_weights(weights or []))
    with ws.uow() as uow:
        client = lookup.the_client(uow)
        found = lookup.engagement(uow, engagement) if engagement else None
        ratings = _ratings(uow, client, technical_skill or [])
        candidates = []
        for partner in uow.partners.list(client.id):
            assessments = stored(uow, partner.id, found.id if found else None)
            references = [
                r
                for r in uow.references.list(client.id, partner_id=partner.id)
                if found is None or r.engagement_id in (None, found.id)
            ]
            own = [r for r in references if found is None or r.engagement_id == found.id]
            if not (assessments or own or partner.id in ratings):
                continue
            candidates.append(
                CandidateEvidence(partner.name, assessments, references, ratings.get(partner.id), partner.id)
            )
        if not candidates:
            where = f" for engagement {found.name!r}" if found else ""
            raise NotFound(
                f"no candidate has assessed documents or references{where}: "
                "run `inhouse partner assess FILE --partner NAME` first"
            )
        comparison = card.rank(candidates)
    return {"engagement": found.name if found else None, **comparison.to_dict()}


def _ratings(uow, client, items: list[str]) -> dict[int, float]:
    ratings: dict[int, float] = {}
    for item in items:
        name, sep, raw = item.rpartition("=")
        if not sep or not name.strip():
            raise InvalidInput(f"invalid rating {item!r}: expected PARTNER=N with N from 0 to 5")
        try:
            value = float(raw)
        except ValueError:
            raise InvalidInput(f"invalid rating {item!r}: {raw!r} is not a number") from None
        if not 0 <= value <= 5:
            raise InvalidInput(f"invalid rating {item!r}: technical skill goes from 0 to 5")
        ratings[lookup.partner(uow, name.strip(), client).id] = value
    return ratings
