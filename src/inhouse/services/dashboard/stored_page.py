"""The engagement page from the read model: built once per change of the engagement's data.

Building the page reads everything stored about the engagement (its scan and contract
payloads, 40 weekly reviews, participation week by week...): tens of milliseconds. The built
page is stored as JSON beside the engagement's status (``readmodel``) and served from there
until a write raises the engagement's version or the day changes; only the engagement's
background jobs (their progress changes by the second) are read afresh on every view.

The stored page goes through JSON whether it was just built or read back, so the pages and
the API always see the same plain types (dates as ISO strings).
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from enum import Enum

from inhouse.bootstrap import Workspace
from inhouse.domain.shapes import as_id
from inhouse.services import lookup
from inhouse.services.dashboard import engagement, readmodel, status
from inhouse.services.jobs import job_dict


def _plain(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    return str(value)


def _build(ws: Workspace, engagement_id: int) -> dict:
    return json.loads(json.dumps(engagement.engagement_page(ws, str(engagement_id)), default=_plain))


MODEL = readmodel.Model("page", _build, lambda value: {"page": value}, status.stamp)


def engagement_page(ws: Workspace, ref: str | None, today: date | None = None) -> dict:
    """Everything the engagement page shows (as ``engagement.engagement_page``), from the read model."""
    if today is not None and today != date.today():
        return engagement.engagement_page(ws, ref, today)
    wanted = str(ref or "").strip()
    with ws.uow() as uow:  # an id with a stored row needs no lookup: one transaction, two queries
        eid = as_id(wanted)
        stored = uow.status_rows.read("page", [eid], full=True).get(eid) if eid is not None else None
        if stored is None:
            eid = lookup.engagement(uow, ref).id
            stored = uow.status_rows.read("page", [eid], full=True).get(eid)
        jobs = [job_dict(j) for j in uow.jobs.list(eid, limit=10)]
    data = dict(MODEL.current(ws, eid, stored=stored))
    data["jobs"] = json.loads(json.dumps(jobs, default=_plain))
    return data


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
    text = repr((engagement_id, stored.version, stored.part_version, stored.part_for, status.stamp(ws), jobs))
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


def refresh_stale(ws: Workspace) -> int:
    """Build every engagement page that is out of date (at server start)."""
    return MODEL.refresh(ws)
