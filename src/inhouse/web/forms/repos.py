"""Form post: link a repository to an engagement by URL (the engagement page's form)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import RedirectResponse

from inhouse.domain.repos import RepoUrlIn
from inhouse.domain.shapes import validated
from inhouse.services import repos
from inhouse.web.deps import WS
from inhouse.web.forms.common import Optional, Text, back_to

router = APIRouter(include_in_schema=False)


@router.post("/engagements/{ref}/repos")
def link_repo(ws: WS, ref: str, url: Text, branch: Optional = "", name: Optional = "") -> RedirectResponse:
    body = validated(RepoUrlIn, url=url, branch=branch.strip() or None, name=name.strip() or None)
    linked = repos.add_url(ws, ref, body)
    return back_to(
        None, f"/engagements/{linked.engagement_id}#repo-{linked.id}", f"Linked {linked.name}: scan it to mirror it"
    )
