"""Review sharing between the organisations of an engagement, per period and by organisation.

Two figures, both about code review as knowledge transfer (Thongtanunam et al., "Revisiting Code
Ownership and its Relationship with Software Quality in the Scope of Modern Code Review",
ICSE 2016: most developers who know a module only review its changes):

* the **share of partner-authored changes reviewed inside**: of the change requests opened by
  partner people in a period, those at least one internal person reviewed;
* the **review-sharing index**: of the reviews given (one per reviewer and change request, the
  author left out, both people of a known side), the share given across organisations (an
  internal reviewer on a partner's change or the reverse). By organisation: the share of the
  reviews an organisation *gave* that went to the other's changes, and of those it *received*
  that came from the other. 0 means each side reviews only itself; knowledge then stays where it is.

Pluralsight Flow and Waydev report a sharing index over people; here it is split by organisation,
the question a hand-over asks. Periods go by the date a change request was opened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TypeVar

from inhouse.domain.code_reviews import ChangeRequest, OrganisationSharing, SharingPeriod
from inhouse.domain.common import Side

Sides = Callable[[str], Side | None]
T = TypeVar("T")


def login_keys(names: Iterable[str], emails: Iterable[str]) -> set[str]:
    """The logins that name a person: each email's local part, the login of a GitHub noreply
    address (``ID+login@users.noreply...``) and each name without spaces, lower-cased."""
    keys = {"".join(name.split()).lower() for name in names}
    for email in emails:
        local = email.lower().rpartition("@")[0]
        keys |= {local, local.rpartition("+")[2]}
    return keys - {""}


def login_owners(people: Iterable[tuple[T, Iterable[str], Iterable[str]]]) -> Callable[[str], T | None]:
    """A login's owner among ``people`` ``(owner, names, emails)`` by :func:`login_keys`, case
    ignored; a login two owners claim matches neither."""
    found: dict[str, set[T]] = {}
    for owner, names, emails in people:
        for key in login_keys(names, emails):
            found.setdefault(key, set()).add(owner)
    known = {key: next(iter(owners)) for key, owners in found.items() if len(owners) == 1}
    return lambda login: known.get(login.lower())


def login_sides(people: Iterable[tuple[str, Side, Sequence[str]]]) -> Callable[[str], Side | None]:
    """A login's side from the engagement's people ``(name, side, emails)`` (:func:`login_keys`:
    email local part, GitHub noreply login, name without spaces, case ignored). A login two sides
    claim matches neither."""
    return login_owners(
        (side, (name,), emails) for name, side, emails in people if side in (Side.INTERNAL, Side.PARTNER)
    )


def period_of(day: date, kind: str) -> tuple[date, date]:
    """The calendar month or quarter holding ``day``: (first day, last day)."""
    first_month = day.month if kind == "month" else 3 * ((day.month - 1) // 3) + 1
    start = date(day.year, first_month, 1)
    months = 1 if kind == "month" else 3
    year, month = divmod(first_month - 1 + months, 12)
    end = date(day.year + year, month + 1, 1).toordinal() - 1
    return start, date.fromordinal(end)


def _index(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def sharing(
    changes: Iterable[ChangeRequest], side_of: Sides, kind: str = "quarter"
) -> tuple[list[SharingPeriod], list[OrganisationSharing], list[str]]:
    """The figures per period (oldest first), by organisation, and the logins of no known side."""
    unmatched: set[str] = set()

    def side(login: str) -> Side | None:
        found = side_of(login)
        if found is None:
            unmatched.add(login)
        return found

    counts: dict[tuple[date, date], list[int]] = {}  # changes, partner, partner reviewed inside, reviews, cross
    given = {Side.INTERNAL: [0, 0], Side.PARTNER: [0, 0]}
    received = {Side.INTERNAL: [0, 0], Side.PARTNER: [0, 0]}
    for change in changes:
        row = counts.setdefault(period_of(change.created.date(), kind), [0, 0, 0, 0, 0])
        row[0] += 1
        author = side(change.author)
        reviewer_sides = [(login, side(login)) for login in sorted(change.reviewers)]
        if author is Side.PARTNER:
            row[1] += 1
            row[2] += any(s is Side.INTERNAL for _, s in reviewer_sides)
        if author is None:
            continue
        for _login, reviewer in reviewer_sides:
            if reviewer is None:
                continue
            across = reviewer is not author
            row[3] += 1
            row[4] += across
            given[reviewer][0] += 1
            given[reviewer][1] += across
            received[author][0] += 1
            received[author][1] += across
    periods = [
        SharingPeriod(
            start=start,
            end=end,
            changes=row[0],
            partner_changes=row[1],
            partner_changes_reviewed_inside=row[2],
            reviewed_inside_share=_index(row[2], row[1]),
            reviews=row[3],
            cross_reviews=row[4],
            sharing_index=_index(row[4], row[3]),
        )
        for (start, end), row in sorted(counts.items())
    ]
    organisations = [
        OrganisationSharing(
            side=org.value,
            reviews_given=given[org][0],
            given_across=given[org][1],
            given_index=_index(given[org][1], given[org][0]),
            reviews_received=received[org][0],
            received_across=received[org][1],
            received_index=_index(received[org][1], received[org][0]),
        )
        for org in (Side.INTERNAL, Side.PARTNER)
    ]
    return periods, organisations, sorted(unmatched)
