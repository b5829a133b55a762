"""Form posts: each calls one service, then redirects (303) to the page that shows the result."""

from __future__ import annotations

from fastapi import APIRouter

from inhouse.web.forms import contracts, documents, edits, jobs, journal, partners, repos

router = APIRouter(include_in_schema=False)

for _part in (journal, documents, contracts, partners, jobs, repos, edits):
    router.include_router(_part.router)
