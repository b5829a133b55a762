"""Records of imported code reviews: a repository's pull/merge requests, kept once per number."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from inhouse.domain.code_reviews import ChangeRequest, CodeReview, Host
from inhouse.store.tables import utcnow
from inhouse.store.tables_code_reviews import ChangeRequestRow, ChangeReviewRow


def _change(row: ChangeRequestRow, reviews: list[ChangeReviewRow]) -> ChangeRequest:
    return ChangeRequest(
        number=row.number,
        title=row.title,
        author=row.author,
        author_email=row.author_email,
        state=row.state,
        created=row.opened_at,
        merged=row.merged_at,
        paths=tuple(row.paths or ()),
        reviews=tuple(CodeReview(reviewer=r.reviewer, state=r.state, submitted=r.submitted_at) for r in reviews),
    )


class ChangeRequestRecords:
    def __init__(self, session: Session) -> None:
        self.session = session

    def save(self, engagement_id: int, repo_id: int, host: Host, changes: list[ChangeRequest]) -> tuple[int, int]:
        """Store ``changes`` of the repository: a number stored before is updated (its reviews
        replaced), a new one added. Returns (added, updated)."""
        numbers = [c.number for c in changes]
        stored: dict[int, ChangeRequestRow] = {}
        for start in range(0, len(numbers), 500):
            query = select(ChangeRequestRow).where(
                ChangeRequestRow.repo_id == repo_id,
                ChangeRequestRow.host == host,
                ChangeRequestRow.number.in_(numbers[start : start + 500]),
            )
            stored.update((row.number, row) for row in self.session.scalars(query))
        added = 0
        now = utcnow()
        for change in changes:
            row = stored.get(change.number)
            if row is None:
                row = ChangeRequestRow(engagement_id=engagement_id, repo_id=repo_id, host=host, number=change.number)
                self.session.add(row)
                added += 1
            else:
                self.session.execute(delete(ChangeReviewRow).where(ChangeReviewRow.change_id == row.id))
            row.title = change.title
            row.author = change.author
            row.author_email = change.author_email
            row.state = change.state
            row.opened_at = change.created
            row.merged_at = change.merged
            row.paths = list(change.paths)
            row.imported_at = now
            self.session.flush()
            self.session.add_all(
                ChangeReviewRow(change_id=row.id, reviewer=r.reviewer, state=r.state, submitted_at=r.submitted)
                for r in change.reviews
            )
        self.session.flush()
        return added, len(changes) - added

    def of_repo(self, repo_id: int) -> list[ChangeRequest]:
        """The repository's change requests, by number, with their reviews."""
        rows = list(
            self.session.scalars(
                select(ChangeRequestRow)
                .where(ChangeRequestRow.repo_id == repo_id)
                .order_by(ChangeRequestRow.host, ChangeRequestRow.number)
            )
        )
        reviews: dict[int, list[ChangeReviewRow]] = {}
        ids = [row.id for row in rows]
        for start in range(0, len(ids), 500):
            query = (
                select(ChangeReviewRow)
                .where(ChangeReviewRow.change_id.in_(ids[start : start + 500]))
                .order_by(ChangeReviewRow.id)
            )
            for review in self.session.scalars(query):
                reviews.setdefault(review.change_id, []).append(review)
        return [_change(row, reviews.get(row.id, [])) for row in rows]
