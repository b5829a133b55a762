"""The engagement page from the read model: built once per change of the engagement's data.

Building the page reads everything stored about the engagement (its scan and contract
payloads, 40 weekly reviews, participation week by week...): tens of milliseconds. The built
page is stored as its JSON (``EngagementPage.model_dump(mode="json")``) beside the engagement's
status (``readmodel``) and served from there until a write raises the engagement's version or the
day changes; only the engagement's background jobs (their progress changes by the second) are
read afresh on every view. A stored page that no longer validates (one an older version wrote)
is built again.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import date
from typing import Any

from pydantic import ValidationError

from inhouse.bootstrap import Workspace
from inhouse.domain.shapes import as_id
from inhouse.services import lookup
from inhouse.services.dashboard import engagement, readmodel, status
from inhouse.services.dashboard.engagement import EngagementPage
from inhouse.services.jobs import recent as recent_jobs

log = logging.getLogger(__name__)

PAGE_SHAPE = 5
"""Raised whenever ``EngagementPage`` changes shape, so pages stored by an older version are rebuilt."""


def stamp(ws: Workspace) -> str:
    """What a page depends on besides the stored data: what its status depends on, and its shape."""
    return f"{status.stamp(ws)}|page{PAGE_SHAPE}"


def _build(ws: Workspace, engagement_id: int) -> dict[str, Any]:
    return engagement.engagement_page(ws, str(engagement_id)).model_dump(mode="json")


MODEL = readmodel.Model("page", _build, lambda value: {"page": value}, stamp)


def engagement_page(ws: Workspace, ref: str | None, today: date | None = None) -> EngagementPage:
    """Everything the engagement page shows (as ``engagement.engagement_page``), from the read model."""
    if today is not None and today != date.today():
        return engagement.engagement_page(ws, ref, today)
    wanted = str(ref or "").strip()
    with ws.uow() as uow:  # an id with a stored row needs no lookup: one transaction, two queries
        eid = as_id(wanted)
        stored = uow.status_rows.read("page", [eid], full=True).get(eid) if eid is not None else None
        if eid is None or stored is None:
            found = lookup.engagement(uow, ref)
            assert found.id is not None, "a stored engagement has an id"
            eid = found.id
            stored = uow.status_rows.read("page", [eid], full=True).get(eid)
        jobs = recent_jobs(uow, eid)
    now = stamp(ws)
    value = MODEL.current(ws, eid, now, stored=stored)
    try:
        page = EngagementPage.model_validate(value)
    except ValidationError as exc:  # stored in another shape (an older version's, under the same stamp)
        log.info("engagement %s: stored page rebuilt (%d fields no longer valid)", eid, exc.error_count())
        page = EngagementPage.model_validate(MODEL.rebuild(ws, eid, now, stored))
    return page.model_copy(update={"jobs": jobs})


def engagement_tag(ws: Workspace, ref: str | None) -> str | None:
    """A tag that changes whenever ``engagement_page(ws, ref)`` would: the engagement's version,
    its stored page, the day and settings, its recent jobs. None for a ``ref`` that is not an
    engagement id (names are resolved by the page itself) or an engagement without a row."""
    engagement_id = as_id(ref) if ref else None
    if engagement_id is None:
        return None
    with ws.uow() as uow:
        stored = uow.status_rows.read("page", [engagement_id], value=False).get(engagement_id)
        if stored is None:
            return None
        jobs = [(j.id, j.status.value, j.progress, j.message) for j in uow.jobs.list(engagement_id, limit=10)]
    text = repr((engagement_id, stored.version, stored.part_version, stored.part_for, stamp(ws), jobs))
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


def refresh_stale(ws: Workspace) -> int:
    """Build every engagement page that is out of date (at server start)."""
    return MODEL.refresh(ws)
