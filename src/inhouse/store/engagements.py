"""Records of engagements, their phase history and their git repositories."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inhouse.domain.common import Phase
from inhouse.domain.engagements import Engagement, PhaseChange
from inhouse.domain.plans import DependencyPlan
from inhouse.domain.repos import Repo
from inhouse.store.tables import EngagementRow, PhaseChangeRow, RepoRow


class EngagementRecords:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _engagement(self, row: EngagementRow) -> Engagement:
        phases = self.session.scalars(
            select(PhaseChangeRow)
            .where(PhaseChangeRow.engagement_id == row.id)
            .order_by(PhaseChangeRow.started_on, PhaseChangeRow.id)
        )
        return Engagement(
            name=row.name,
            client_id=row.client_id,
            partner_id=row.partner_id,
            start_date=row.start_date,
            phase=Phase(row.phase),
            plan=DependencyPlan(tuple(row.plan)),
            description=row.description,
            phases=[PhaseChange(Phase(p.phase), p.started_on, p.reason, p.id) for p in phases],
            id=row.id,
            created_at=row.created_at,
        )

    def add(self, engagement: Engagement) -> Engagement:
        row = EngagementRow(
            client_id=engagement.client_id,
            partner_id=engagement.partner_id,
            name=engagement.name,
            description=engagement.description,
            start_date=engagement.start_date,
            phase=engagement.phase.value,
            plan=list(engagement.plan.internal_shares),
        )
        self.session.add(row)
        self.session.flush()
        engagement.id, engagement.created_at = row.id, row.created_at
        self._store_new_phases(engagement)
        return engagement

    def update(self, engagement: Engagement) -> None:
        row = self.session.get_one(EngagementRow, engagement.id)
        row.name, row.start_date = engagement.name, engagement.start_date
        row.phase = engagement.phase.value
        row.plan = list(engagement.plan.internal_shares)
        row.description = engagement.description
        self._store_new_phases(engagement)

    def _store_new_phases(self, engagement: Engagement) -> None:
        for change in engagement.phases:
            if change.id is not None:  # an edited phase change: its row takes its values
                stored = self.session.get_one(PhaseChangeRow, change.id)
                stored.phase, stored.started_on, stored.reason = change.phase.value, change.started_on, change.reason
            else:
                row = PhaseChangeRow(
                    engagement_id=engagement.id,
                    phase=change.phase.value,
                    started_on=change.started_on,
                    reason=change.reason,
                )
                self.session.add(row)
                self.session.flush()
                change.id = row.id

    def get(self, engagement_id: int) -> Engagement | None:
        row = self.session.get(EngagementRow, engagement_id)
        return self._engagement(row) if row else None

    def by_name(self, name: str) -> list[Engagement]:
        rows = self.session.scalars(select(EngagementRow).where(func.lower(EngagementRow.name) == name.lower()))
        return [self._engagement(r) for r in rows]

    def list(self, client_id: int | None = None, partner_id: int | None = None) -> list[Engagement]:
        query = select(EngagementRow).order_by(EngagementRow.start_date, EngagementRow.id)
        if client_id is not None:
            query = query.where(EngagementRow.client_id == client_id)
        if partner_id is not None:
            query = query.where(EngagementRow.partner_id == partner_id)
        return [self._engagement(r) for r in self.session.scalars(query)]


def _repo(row: RepoRow) -> Repo:
    return Repo(
        engagement_id=row.engagement_id,
        name=row.name,
        path=row.path,
        default_rev=row.default_rev,
        url=row.url,
        branch=row.branch,
        id=row.id,
        created_at=row.created_at,
    )


class RepoRecords:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, repo: Repo) -> Repo:
        row = RepoRow(
            engagement_id=repo.engagement_id,
            name=repo.name,
            path=repo.path,
            default_rev=repo.default_rev,
            url=repo.url,
            branch=repo.branch,
        )
        self.session.add(row)
        self.session.flush()
        repo.id, repo.created_at = row.id, row.created_at
        return repo

    def get(self, repo_id: int) -> Repo | None:
        row = self.session.get(RepoRow, repo_id)
        return _repo(row) if row else None

    def update(self, repo: Repo) -> None:
        row = self.session.get_one(RepoRow, repo.id)
        row.name, row.path, row.default_rev = repo.name, repo.path, repo.default_rev
        row.url, row.branch = repo.url, repo.branch

    def by_path(self, engagement_id: int, path: str) -> Repo | None:
        row = self.session.scalar(select(RepoRow).where(RepoRow.engagement_id == engagement_id, RepoRow.path == path))
        return _repo(row) if row else None

    def find_path(self, path: str) -> list[Repo]:
        return [_repo(r) for r in self.session.scalars(select(RepoRow).where(RepoRow.path == path))]

    def list(self, engagement_id: int | None = None) -> list[Repo]:
        query = select(RepoRow).order_by(RepoRow.engagement_id, RepoRow.name)
        if engagement_id is not None:
            query = query.where(RepoRow.engagement_id == engagement_id)
        return [_repo(r) for r in self.session.scalars(query)]
