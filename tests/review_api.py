"""A small stand-in for GitHub's and GitLab's REST APIs on 127.0.0.1 (a real HTTP server in a thread),
answering recorded responses (trimmed to the fields inhouse reads, in the APIs' own shapes), paged
as the APIs page them (``per_page``/``page``). It records the requests and the tokens it was sent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from inhouse.domain.repos import RepoIn
from inhouse.domain.shapes import validated
from inhouse.services import repos
from tests import records
from tests.gitrepo import GitRepoBuilder, lines
from tests.localserver import LocalServer


def link_eta(ws: Any, tmp_path: Path, *, people: bool = True) -> tuple[int, int]:
    """Quantia Labs' engagement ETA with its repository ``eta`` (one commit of Ann's), and with
    ``people`` Ann Archer inside and Pat Partner at Quantia: (engagement id, repository id)."""
    records.add_partner(ws, "Quantia Labs", domains=["quantialabs.io"])
    engagement = records.add_engagement(ws, "ETA", "Quantia Labs", "2026-01-05")["id"]
    if people:
        records.add_person(ws, "Ann Archer", "internal", ["ann@acme.com"])
        records.add_person(ws, "Pat Partner", "partner", ["pat@quantialabs.io"], partner="Quantia Labs")
    git = GitRepoBuilder(tmp_path / "eta")
    git.commit("Ann Archer <ann@acme.com>", "2026-01-10", {"a.py": lines(3)})
    repo = repos.add(ws, "ETA", validated(RepoIn, repository=str(git.path), name="eta"))
    return engagement, repo.id


def github_pull(number: int, author: str, day: str, reviewers: list[str]) -> dict[str, Any]:
    """A pull request of a saved GitHub bundle, opened by ``author`` at 09:00 UTC on ``day`` and
    approved by each of ``reviewers``."""
    return {
        "number": number,
        "user": {"login": author},
        "created_at": f"{day}T09:00:00Z",
        "reviews": [{"user": {"login": r}, "state": "APPROVED"} for r in reviewers],
    }


def _user(login: str) -> dict[str, Any]:
    return {"login": login, "id": abs(hash(login)) % 10_000, "type": "User"}


def _pull(number: int, login: str, created: str, merged: str | None, state: str = "closed") -> dict[str, Any]:
    return {
        "number": number,
        "title": f"Change {number}",
        "state": state,
        "user": _user(login),
        "created_at": created,
        "updated_at": merged or created,
        "merged_at": merged,
    }


def _review(login: str, state: str, submitted: str | None) -> dict[str, Any]:
    return {"id": abs(hash((login, state))) % 10**6, "user": _user(login), "state": state, "submitted_at": submitted}


#: GitHub: pat (partner) opens 3 pulls, ann (internal) 1; 103 is reviewed by nobody but its author.
GITHUB: dict[str, Any] = {
    "/repos/acme/eta/pulls": [
        _pull(104, "ann", "2026-03-01T09:00:00Z", "2026-03-02T10:00:00Z"),
        _pull(103, "pat", "2026-02-10T09:00:00Z", None, "open"),
        _pull(102, "pat", "2026-02-01T09:00:00Z", "2026-02-03T10:00:00Z"),
        _pull(101, "pat", "2026-01-15T09:00:00Z", "2026-01-16T10:00:00+01:00"),
    ],
    "/repos/acme/eta/pulls/104/reviews": [_review("pat", "APPROVED", "2026-03-02T09:00:00Z")],
    "/repos/acme/eta/pulls/103/reviews": [
        _review("pat", "COMMENTED", "2026-02-11T09:00:00Z"),
        _review("bob", "PENDING", None),  # a draft: nobody saw it
    ],
    "/repos/acme/eta/pulls/102/reviews": [
        _review("ann", "CHANGES_REQUESTED", "2026-02-02T09:00:00Z"),
        _review("ann", "APPROVED", "2026-02-03T09:00:00Z"),
        _review("bob", "COMMENTED", "2026-02-03T09:30:00Z"),
    ],
    "/repos/acme/eta/pulls/101/reviews": [_review("bob", "APPROVED", "2026-01-16T08:00:00Z")],
    "/repos/acme/eta/pulls/103/files": [],
    "/repos/acme/eta/pulls/101/files": [],
    "/repos/acme/eta/pulls/104/files": [{"filename": "app/api.py", "status": "modified", "additions": 3}],
    "/repos/acme/eta/pulls/102/files": [
        {"filename": "m/train.py", "status": "modified"},
        {"filename": "m/data.py", "status": "added"},
    ],
}

#: GitLab: merge requests of project 7, with approvals, notes (system ones too) and diffs.
GITLAB: dict[str, Any] = {
    "/api/v4/projects/7/merge_requests": [
        {
            "iid": 12,
            "title": "Tune the model",
            "state": "merged",
            "author": {"username": "pat", "id": 3},
            "created_at": "2026-02-01T09:00:00.000Z",
            "merged_at": "2026-02-04T09:00:00.000Z",
        },
        {
            "iid": 11,
            "title": "Draft",
            "state": "opened",
            "author": {"username": "pat", "id": 3},
            "created_at": "2026-01-20T09:00:00.000Z",
            "merged_at": None,
        },
    ],
    "/api/v4/projects/7/merge_requests/12/approvals": {
        "approved": True,
        "approved_by": [{"user": {"username": "ann"}}],
    },
    "/api/v4/projects/7/merge_requests/11/approvals": {"approved": False, "approved_by": []},
    "/api/v4/projects/7/merge_requests/12/notes": [
        {"id": 1, "body": "approved this merge request", "system": True, "author": {"username": "ann"}},
        {
            "id": 2,
            "body": "looks good",
            "system": False,
            "author": {"username": "bob"},
            "created_at": "2026-02-02T09:00:00Z",
        },
        {
            "id": 3,
            "body": "and this",
            "system": False,
            "author": {"username": "bob"},
            "created_at": "2026-02-02T10:00:00Z",
        },
        {
            "id": 4,
            "body": "thanks",
            "system": False,
            "author": {"username": "pat"},
            "created_at": "2026-02-02T11:00:00Z",
        },
    ],
    "/api/v4/projects/7/merge_requests/11/notes": [],
    "/api/v4/projects/7/merge_requests/12/diffs": [{"old_path": "m/train.py", "new_path": "m/train.py"}],
    "/api/v4/projects/7/merge_requests/11/diffs": [],
}


class ReviewApi(LocalServer):
    """``with ReviewApi() as api:`` serves ``api.base`` until the block ends."""

    def __init__(self) -> None:
        self.answers: dict[str, Any] = {**GITHUB, **GITLAB}
        self.requests: list[str] = []
        self.tokens: set[str] = set()
        self.huge = False  # answer a body over any bound
        super().__init__(Starlette(routes=[Route("/{path:path}", self.answer)]), "the test review API")

    async def answer(self, request: Request) -> Response:
        path = request.url.path
        self.requests.append(path)
        for header in ("authorization", "private-token"):
            if header in request.headers:
                self.tokens.add(request.headers[header])
        if self.huge:
            return Response(b"[" + b"0," * (5 << 20) + b"0]", media_type="application/json")
        found = self.answers.get(path)
        if found is None:
            return JSONResponse({"message": "Not Found"}, status_code=404)
        if isinstance(found, list):
            per_page = int(request.query_params.get("per_page", 30))
            page = int(request.query_params.get("page", 1))
            found = found[(page - 1) * per_page : page * per_page]
        return JSONResponse(found)
