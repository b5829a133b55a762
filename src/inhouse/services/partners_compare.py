"""Comparing candidate partners side by side on the scorecard, with the ranking and its reasons.

Each candidate is scored on the current version of its proposal (``services/proposal_versions.py``)
and on every other document it sent; a proposal version a newer one replaced is not read, nor are
the references only it states, and the ranking's notes say which versions were left out.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from inhouse.bootstrap import Workspace
from inhouse.domain.organisations import Client
from inhouse.domain.scorecard import CandidateEvidence, Comparison, Scorecard
from inhouse.errors import InvalidInput, NotFound
from inhouse.services import lookup
from inhouse.services.proposal_versions import Series, all_series, current_assessments
from inhouse.store.uow import UnitOfWork


def compare(
    ws: Workspace,
    engagement: str | None = None,
    weights: Mapping[str, float] | None = None,
    technical_skill: Mapping[str, float] | None = None,
) -> Comparison:
    """Rank the candidates: every partner with assessed documents or references (for
    ``engagement``: those assessed or checked for it). ``weights`` replace some of the playbook's
    default weights (``{"references": 30}``); ``technical_skill`` rates partners (id or name) 0..5."""
    card = Scorecard.with_weights(weights or {})
    with ws.uow() as uow:
        client = lookup.the_client(uow)
        assert client.id is not None, "a stored client has an id"
        found = lookup.engagement(uow, engagement) if engagement else None
        ratings = _ratings(uow, client, technical_skill or {})
        candidates = []
        notes = []
        for partner in uow.partners.list(client.id):
            assert partner.id is not None, "a stored partner has an id"
            assessments = current_assessments(uow, partner.id, found.id if found else None)
            series = [s for s in all_series(uow, partner.id).values() if found is None or s.engagement_id == found.id]
            replaced = {d for s in series for d in s.replaced}
            references = [
                r
                for r in uow.references.list(client.id, partner_id=partner.id)
                if (found is None or r.engagement_id in (None, found.id)) and r.document_id not in replaced
            ]
            own = [r for r in references if found is None or r.engagement_id == found.id]
            if not (assessments or own or partner.id in ratings):
                continue
            candidates.append(
                CandidateEvidence(partner.name, list(assessments), references, ratings.get(partner.id), partner.id)
            )
            notes += [_left_out(partner.name, s) for s in series if s.current and len(s.assessed()) > 1]
        if not candidates:
            where = f" for engagement {found.name!r}" if found else ""
            raise NotFound(f"no candidate has assessed documents or references{where}: assess a proposal first")
        comparison = card.rank(candidates)
    return comparison.model_copy(
        update={"engagement": found.name if found else None, "notes": (*comparison.notes, *notes)}
    )


def _left_out(partner: str, series: Series) -> str:
    current = series.current
    assert current is not None, "only a series with a current version is noted"
    earlier = ", ".join(f"v{v.version}" for v in series.assessed() if not v.current)
    return f"{partner}: proposal v{current.version} ({current.name}) is scored; {earlier} replaced by it, not scored"


def _ratings(uow: UnitOfWork, client: Client, rated: Mapping[str, float]) -> dict[int, float]:
    ratings: dict[int, float] = {}
    for ref, value in rated.items():
        if not math.isfinite(value) or not 0 <= value <= 5:
            raise InvalidInput(f"technical_skill of {ref} must be a number from 0 to 5")
        partner = lookup.partner(uow, ref, client)
        assert partner.id is not None, "a stored partner has an id"
        ratings[partner.id] = value
    return ratings
