"""Records of imported code reviews: a repository's pull/merge requests, kept once per number."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from inhouse.domain.code_reviews import ChangeRequest, CodeReview, Host
from inhouse.store.tables import utcnow
from inhouse.store.tables_code_reviews import ChangeRequestRow, ChangeReviewRow


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
        """The repository's change requests, by number, with their reviews (read as columns: a
        rescan reads every one of them, and entities would cost more than the scan's analysis)."""
        changes = self.session.execute(
            select(
                ChangeRequestRow.id,
                ChangeRequestRow.number,
                ChangeRequestRow.title,
                ChangeRequestRow.author,
                ChangeRequestRow.author_email,
                ChangeRequestRow.state,
                ChangeRequestRow.opened_at,
                ChangeRequestRow.merged_at,
                ChangeRequestRow.paths,
            )
            .where(ChangeRequestRow.repo_id == repo_id)
            .order_by(ChangeRequestRow.host, ChangeRequestRow.number)
        ).all()
        reviews: dict[int, list[CodeReview]] = {}
        query = (
            select(
                ChangeReviewRow.change_id, ChangeReviewRow.reviewer, ChangeReviewRow.state, ChangeReviewRow.submitted_at
            )
            .join(ChangeRequestRow, ChangeRequestRow.id == ChangeReviewRow.change_id)
            .where(ChangeRequestRow.repo_id == repo_id)
            .order_by(ChangeReviewRow.id)
        )
        for change_id, reviewer, state, submitted in self.session.execute(query):
            reviews.setdefault(change_id, []).append(CodeReview(reviewer=reviewer, state=state, submitted=submitted))
        return [
            ChangeRequest(
                number=number,
                title=title,
                author=author,
                author_email=author_email,
                state=state,
                created=opened_at,
                merged=merged_at,
                paths=tuple(paths or ()),
                reviews=tuple(reviews.get(change_id, ())),
            )
            for change_id, number, title, author, author_email, state, opened_at, merged_at, paths in changes
        ]
