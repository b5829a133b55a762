"""Reading pull/merge requests and their reviews from the JSON GitHub's and GitLab's REST APIs return.

One *bundle* shape holds both, the API's own objects unchanged with what was fetched for each
request added under a key of its own, so that a saved bundle and a live fetch
(``code_reviews_fetch.py``) are read by the same code::

    {"host": "github",
     "pulls": [{...a pull as GET /repos/O/R/pulls returns it...,
                "reviews": [...GET /repos/O/R/pulls/N/reviews...],
                "files": [...GET /repos/O/R/pulls/N/files...]}]}

    {"host": "gitlab",
     "merge_requests": [{...a merge request as GET /projects/P/merge_requests returns it...,
                         "approvals": {...GET .../merge_requests/IID/approvals...},
                         "notes": [...GET .../merge_requests/IID/notes...],
                         "diffs": [...GET .../merge_requests/IID/diffs...]}]}

What counts as a review: on GitHub every submitted review (approved, changes requested,
commented, dismissed; pending ones are drafts nobody saw); on GitLab every approval and the
first non-system comment of each other person. The author's own reviews are kept but never
count as review (:attr:`ChangeRequest.reviewers`). The input is untrusted: entries of the
wrong type are skipped, texts are capped, and at most ``MAX_*`` of anything is kept.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from inhouse.domain.code_reviews import (
    HOSTS,
    MAX_CHANGES,
    MAX_PATHS,
    MAX_REVIEWS,
    MAX_TEXT,
    ChangeRequest,
    CodeReview,
    Host,
)
from inhouse.errors import InvalidInput

_GITHUB_STATES = {"APPROVED": "approved", "CHANGES_REQUESTED": "changes_requested", "COMMENTED": "commented"}
_GITHUB_STATES["DISMISSED"] = "dismissed"


def _text(value: Any) -> str | None:
    return value[:MAX_TEXT] if isinstance(value, str) and value else None


def _login(user: Any, key: str) -> str | None:
    return _text(user.get(key)) if isinstance(user, dict) else None


def _when(value: Any) -> datetime | None:
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.astimezone(UTC).replace(tzinfo=None)  # stored as naive UTC, as every stamp here


def _number(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**31 else None


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _paths(entries: Any, key: str) -> tuple[str, ...]:
    found = (_text(e.get(key)) for e in _items(entries)[:MAX_PATHS] if isinstance(e, dict))
    return tuple(dict.fromkeys(p for p in found if p))


def github_change(pull: dict[str, Any]) -> ChangeRequest | None:
    """One GitHub pull request of a bundle; None when it lacks a number, an author or a date."""
    number, author, created = (
        _number(pull.get("number")),
        _login(pull.get("user"), "login"),
        _when(pull.get("created_at")),
    )
    if number is None or author is None or created is None:
        return None
    merged = _when(pull.get("merged_at"))
    reviews = []
    for entry in _items(pull.get("reviews"))[:MAX_REVIEWS]:
        if not isinstance(entry, dict):
            continue
        reviewer, state = _login(entry.get("user"), "login"), _GITHUB_STATES.get(str(entry.get("state")))
        if reviewer and state:
            reviews.append(CodeReview(reviewer=reviewer, state=state, submitted=_when(entry.get("submitted_at"))))
    return ChangeRequest(
        number=number,
        title=_text(pull.get("title")) or "",
        author=author,
        state="merged" if merged else ("open" if pull.get("state") == "open" else "closed"),
        created=created,
        merged=merged,
        paths=_paths(pull.get("files"), "filename"),
        reviews=tuple(reviews),
    )


def gitlab_change(request: dict[str, Any]) -> ChangeRequest | None:
    """One GitLab merge request of a bundle; None when it lacks an iid, an author or a date."""
    number, author, created = (
        _number(request.get("iid")),
        _login(request.get("author"), "username"),
        _when(request.get("created_at")),
    )
    if number is None or author is None or created is None:
        return None
    merged = _when(request.get("merged_at"))
    reviews: list[CodeReview] = []
    approvals = request.get("approvals")
    approvers = _items(approvals.get("approved_by")) if isinstance(approvals, dict) else []
    for entry in approvers[:MAX_REVIEWS]:
        reviewer = _login(entry.get("user"), "username") if isinstance(entry, dict) else None
        if reviewer:
            reviews.append(CodeReview(reviewer=reviewer, state="approved"))
    commented = {r.reviewer for r in reviews} | {author}
    for note in _items(request.get("notes")):
        if len(reviews) >= MAX_REVIEWS:
            break
        if not isinstance(note, dict) or note.get("system") is not False:
            continue
        reviewer = _login(note.get("author"), "username")
        if reviewer and reviewer not in commented:
            commented.add(reviewer)
            reviews.append(CodeReview(reviewer=reviewer, state="commented", submitted=_when(note.get("created_at"))))
    state = request.get("state")
    return ChangeRequest(
        number=number,
        title=_text(request.get("title")) or "",
        author=author,
        state="merged" if merged or state == "merged" else ("open" if state == "opened" else "closed"),
        created=created,
        merged=merged,
        paths=_paths(request.get("diffs"), "new_path"),
        reviews=tuple(reviews),
    )


def read_bundle(data: Any, where: str) -> tuple[Host, list[ChangeRequest], bool]:
    """The host, the change requests (newest number first, each once) of a bundle, and whether
    a bound left some out; InvalidInput (naming ``where``) when it is no bundle."""
    if not isinstance(data, dict) or data.get("host") not in HOSTS:
        raise InvalidInput(f'{where}: not a review bundle: expected an object with "host": "github" or "gitlab"')
    host: Host = data["host"]
    key, read = ("pulls", github_change) if host == "github" else ("merge_requests", gitlab_change)
    entries = data.get(key)
    if not isinstance(entries, list):
        raise InvalidInput(f"{where}: a {host} review bundle needs a list under {key!r}")
    found: dict[int, ChangeRequest] = {}
    for entry in entries:
        change = read(entry) if isinstance(entry, dict) else None
        if change is not None:
            found.setdefault(change.number, change)
    ordered = sorted(found.values(), key=lambda c: -c.number)
    return host, ordered[:MAX_CHANGES], len(ordered) > MAX_CHANGES
