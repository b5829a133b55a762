"""Pull and merge requests with their reviews, as imported from GitHub or GitLab.

Code review is the playbook's knowledge transfer in practice: Thongtanunam et al.
("Revisiting Code Ownership and its Relationship with Software Quality in the Scope of
Modern Code Review", ICSE 2016) found that 67-86% of the developers who know a module
only review its changes. These shapes hold what an import keeps of a change request:
who opened it, who reviewed or approved it, when, and which files it touched.

People are the hosts' account names (logins; an email when the host gives one):
joining them to the engagement's people is done where the figures are computed.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from inhouse.domain.shapes import Shape

Host = Literal["github", "gitlab"]
HOSTS: tuple[Host, ...] = ("github", "gitlab")

#: What an import keeps at most (the source is untrusted: a hostile file or server is bounded).
MAX_CHANGES = 2000
MAX_REVIEWS = 200  # per change request
MAX_PATHS = 300  # per change request
MAX_TEXT = 300  # a title, a login, a path
MAX_BUNDLE_BYTES = 64 << 20  # a saved bundle file


class CodeReview(Shape):
    """One review of a change request: a GitHub review (approved, changes requested, commented)
    or a GitLab approval or review comment."""

    reviewer: str
    state: str  # approved, changes_requested, commented, dismissed
    submitted: datetime | None = None


class ChangeRequest(Shape):
    """A pull request (GitHub) or merge request (GitLab) of one linked repository."""

    number: int  # GitHub's pull number, GitLab's iid
    title: str = ""
    author: str
    author_email: str | None = None
    state: str  # open, closed, merged
    created: datetime
    merged: datetime | None = None
    paths: tuple[str, ...] = ()  # the files it changed (at most MAX_PATHS)
    reviews: tuple[CodeReview, ...] = ()

    @property
    def reviewers(self) -> frozenset[str]:
        """Who reviewed it, its author left out (answering one's own request is no review)."""
        return frozenset(r.reviewer for r in self.reviews if r.reviewer.lower() != self.author.lower())


class ReviewImport(Shape):
    """What one ``reviews import-prs`` did: the change requests read, how many were new."""

    repo: str
    host: Host
    source: str  # the file or the API address read (never a token)
    changes: int
    added: int
    updated: int
    reviews: int
    truncated: bool = False  # a bound was reached: older change requests were left out


class SharingPeriod(Shape):
    """One period (by the date change requests were opened) of :class:`ReviewSharing`."""

    start: date
    end: date  # inclusive
    changes: int  # change requests opened
    partner_changes: int  # of them opened by partner people
    partner_changes_reviewed_inside: int  # of those, reviewed by at least one internal person
    reviewed_inside_share: float | None  # the two above divided; None without partner changes
    reviews: int  # (reviewer, change) pairs of people of known sides, the author left out
    cross_reviews: int  # of them, a reviewer of the other organisation than the author's
    sharing_index: float | None  # cross_reviews / reviews; None without reviews


class OrganisationSharing(Shape):
    """The review-sharing index of one organisation: the share of the reviews it gave that went
    to the other organisation's changes, and of those it received that came from it."""

    side: Literal["internal", "partner"]
    reviews_given: int
    given_across: int
    given_index: float | None
    reviews_received: int
    received_across: int
    received_index: float | None


class ReviewSharing(Shape):
    """Code review as knowledge transfer, per period and by organisation (see docs/knowledge-models.md).

    People are the hosts' logins joined to the engagement's people: a login matches a person
    when it equals an email's local part (``login@users.noreply.github.com`` is GitHub's own
    form), the part after ``+`` of a GitHub noreply address, or the person's name without spaces."""

    engagement: str
    period: Literal["month", "quarter"]
    change_requests: int
    periods: list[SharingPeriod]
    by_organisation: list[OrganisationSharing]
    unmatched: list[str]  # logins of no known side (left out of the figures)
