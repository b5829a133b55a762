"""Fetching a review bundle (see ``code_reviews.py``) from GitHub's or GitLab's REST API.

The address names the repository, as a browser shows it or as the API does:

* ``https://github.com/OWNER/REPO`` or ``https://API-HOST/repos/OWNER/REPO`` (GitHub Enterprise);
* ``https://gitlab.com/GROUP/PROJECT`` or ``https://HOST/api/v4/projects/ID-OR-PATH``.

The token comes from the environment (``INHOUSE_GITHUB_TOKEN``, ``INHOUSE_GITLAB_TOKEN``), is sent
only to the host named, never over plain HTTP (which only a loopback address may use: tests)
and never written anywhere; redirects are not followed (they could carry it elsewhere). The
server is untrusted: every answer is capped in bytes, the pages, the requests and the whole
fetch in time, and an answer that is not the JSON expected is an error of one line.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

from inhouse.domain.code_reviews import MAX_CHANGES, Host
from inhouse.errors import AnalyzerError, InvalidInput

TOKENS = {"github": "INHOUSE_GITHUB_TOKEN", "gitlab": "INHOUSE_GITLAB_TOKEN"}
PER_PAGE = 100


@dataclass(frozen=True)
class Limits:
    changes: int = 300  # the most recently updated change requests read
    pages: int = 10  # of each list
    bytes: int = 8 << 20  # of one answer
    seconds: float = 120.0  # the whole fetch
    request_seconds: float = 20.0


@dataclass(frozen=True)
class Target:
    host: Host
    api: str  # the repository's API address, no trailing slash
    shown: str  # what may be printed: the address without query or credentials


def target(url: str) -> Target:
    """The API address of the repository ``url`` names; InvalidInput when it names none."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname or parts.username or parts.password:
        raise InvalidInput(
            f"not a repository address: {url[:200]!r} (expected https://github.com/OWNER/REPO or a GitLab project)"
        )
    if parts.scheme == "http" and parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise InvalidInput("a review API is read over https only (a token must not travel in clear)")
    base = f"{parts.scheme}://{parts.netloc}"
    path = parts.path.strip("/").removesuffix(".git")
    segments = path.split("/") if path else []
    if "api/v4/projects/" in path + "/":
        project = path.split("api/v4/projects/", 1)[1]
        prefix = path.split("api/v4/projects/", 1)[0]
        return Target("gitlab", f"{base}/{prefix}api/v4/projects/{quote(project, safe='')}", f"{base}/{path}")
    if "repos" in segments and len(segments) - segments.index("repos") == 3:
        return Target("github", f"{base}/{path}", f"{base}/{path}")
    if parts.hostname == "github.com" and len(segments) == 2:
        return Target("github", f"https://api.github.com/repos/{path}", f"{base}/{path}")
    if parts.hostname == "gitlab.com" or (parts.hostname or "").startswith("gitlab."):
        if len(segments) >= 2:
            return Target("gitlab", f"{base}/api/v4/projects/{quote(path, safe='')}", f"{base}/{path}")
    raise InvalidInput(
        f"not a repository address: {url[:200]!r} (expected https://github.com/OWNER/REPO, "
        "https://HOST/repos/OWNER/REPO, a gitlab.com project or https://HOST/api/v4/projects/ID)"
    )


class _Client:
    def __init__(self, where: Target, limits: Limits, token: str | None) -> None:
        self.where = where
        self.limits = limits
        self.deadline = time.monotonic() + limits.seconds
        headers = {"Accept": "application/json", "User-Agent": "inhouse"}
        if token:
            if where.host == "github":
                headers["Authorization"] = f"Bearer {token}"
            else:
                headers["PRIVATE-TOKEN"] = token
        self.http = httpx.Client(headers=headers, follow_redirects=False, trust_env=False)

    def get(self, path: str, params: dict[str, str | int]) -> Any:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise AnalyzerError(f"{self.where.shown}: over the time budget of {self.limits.seconds:g} s")
        url = self.where.api + path
        timeout = httpx.Timeout(min(self.limits.request_seconds, left))
        try:
            with self.http.stream("GET", url, params=params, timeout=timeout) as answer:
                if answer.status_code != 200:
                    raise AnalyzerError(f"{self.where.shown}{path}: the API answered HTTP {answer.status_code}")
                body = bytearray()
                for chunk in answer.iter_bytes():
                    body += chunk
                    if len(body) > self.limits.bytes:
                        raise AnalyzerError(f"{self.where.shown}{path}: an answer over {self.limits.bytes} bytes")
        except httpx.HTTPError as exc:
            raise AnalyzerError(f"{self.where.shown}{path}: {type(exc).__name__}") from None
        try:
            return json.loads(body)
        except ValueError:
            raise AnalyzerError(f"{self.where.shown}{path}: the API answered no JSON") from None

    def pages(self, path: str, params: dict[str, str | int], wanted: int) -> list[Any]:
        out: list[Any] = []
        for page in range(1, self.limits.pages + 1):
            found = self.get(path, {**params, "per_page": PER_PAGE, "page": page})
            if not isinstance(found, list):
                raise AnalyzerError(f"{self.where.shown}{path}: the API answered no list")
            out.extend(found)
            if len(found) < PER_PAGE or len(out) >= wanted:
                break
        return out[:wanted]


def fetch_bundle(url: str, limits: Limits | None = None) -> tuple[Target, dict[str, Any]]:
    """The repository's review bundle, read from its host's API (see the module's notes)."""
    where = target(url)
    limits = limits or Limits()
    wanted = min(limits.changes, MAX_CHANGES)
    client = _Client(where, limits, os.environ.get(TOKENS[where.host]) or None)
    order = {"sort": "updated", "direction": "desc"}
    try:
        if where.host == "github":
            pulls = client.pages("/pulls", {"state": "all", **order}, wanted)
            for pull in pulls:
                number = pull.get("number") if isinstance(pull, dict) else None
                if isinstance(number, int) and not isinstance(number, bool):
                    pull["reviews"] = client.pages(f"/pulls/{number}/reviews", {}, PER_PAGE)
                    pull["files"] = client.pages(f"/pulls/{number}/files", {}, PER_PAGE)
            return where, {"host": "github", "pulls": pulls}
        requests = client.pages("/merge_requests", {"state": "all", "order_by": "updated_at", "sort": "desc"}, wanted)
        for request in requests:
            iid = request.get("iid") if isinstance(request, dict) else None
            if isinstance(iid, int) and not isinstance(iid, bool):
                request["approvals"] = client.get(f"/merge_requests/{iid}/approvals", {})
                request["notes"] = client.pages(f"/merge_requests/{iid}/notes", {}, PER_PAGE)
                request["diffs"] = client.pages(f"/merge_requests/{iid}/diffs", {}, PER_PAGE)
        return where, {"host": "gitlab", "merge_requests": requests}
    finally:
        client.http.close()
