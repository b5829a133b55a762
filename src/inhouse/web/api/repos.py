"""JSON API: an engagement's linked repositories, and linking one by URL."""

from __future__ import annotations

from fastapi import APIRouter

from inhouse.domain.repos import RepoRecord, RepoUrlIn
from inhouse.services import repos
from inhouse.web.deps import WS

router = APIRouter()


@router.get("/engagements/{ref}/repos", summary="The engagement's linked repositories (as `inhouse repo list --json`)")
def engagement_repos(ws: WS, ref: str) -> list[RepoRecord]:
    return repos.list_all(ws, ref)


@router.post(
    "/engagements/{ref}/repos",
    status_code=201,
    summary="Link a repository by URL (https, ssh or file; no password in it): each worker mirrors it and "
    "fetches it before each scan, at its branch (default: the remote's HEAD)",
)
def add_repo(ws: WS, ref: str, body: RepoUrlIn) -> RepoRecord:
    return repos.add_url(ws, ref, body)
