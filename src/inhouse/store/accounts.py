"""Records of accounts, browser sessions, API tokens and the server's own secrets."""

from __future__ import annotations

import builtins
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from inhouse.domain.accounts import Account, ApiToken, Role, WebSession
from inhouse.errors import Conflict
from inhouse.store.tables_accounts import ApiTokenRow, SecretRow, SessionRow, UserEngagementRow, UserRow


class UserRecords:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _account(self, row: UserRow) -> Account:
        engagements = self.session.scalars(
            select(UserEngagementRow.engagement_id)
            .where(UserEngagementRow.user_id == row.id)
            .order_by(UserEngagementRow.engagement_id)
        )
        return Account(
            email=row.email,
            name=row.name,
            role=Role(row.role),
            partner_id=row.partner_id,
            engagement_ids=list(engagements),
            password_hash=row.password_hash,
            oidc_subject=row.oidc_subject,
            disabled_at=row.disabled_at,
            last_login_at=row.last_login_at,
            id=row.id,
            created_at=row.created_at,
        )

    def add(self, account: Account) -> Account:
        row = UserRow(
            email=account.email,
            name=account.name,
            role=account.role.value,
            partner_id=account.partner_id,
            password_hash=account.password_hash,
            oidc_subject=account.oidc_subject,
        )
        self.session.add(row)
        self.session.flush()
        for engagement_id in account.engagement_ids:
            self.session.add(UserEngagementRow(user_id=row.id, engagement_id=engagement_id))
        self.session.flush()
        return self._account(row)

    def _row(self, user_id: int) -> UserRow:
        row = self.session.get(UserRow, user_id)
        assert row is not None, f"no user {user_id}"
        return row

    def get(self, user_id: int) -> Account | None:
        row = self.session.get(UserRow, user_id)
        return self._account(row) if row else None

    def by_email(self, email: str) -> Account | None:
        row = self.session.scalar(select(UserRow).where(UserRow.email == email.lower()))
        return self._account(row) if row else None

    def by_subject(self, subject: str) -> Account | None:
        row = self.session.scalar(select(UserRow).where(UserRow.oidc_subject == subject))
        return self._account(row) if row else None

    def list(self) -> builtins.list[Account]:
        return [self._account(row) for row in self.session.scalars(select(UserRow).order_by(UserRow.email))]

    def count_active(self, role: Role | None = None) -> int:
        query = select(func.count(UserRow.id)).where(UserRow.disabled_at.is_(None))
        if role is not None:
            query = query.where(UserRow.role == role.value)
        return self.session.scalar(query) or 0

    def exist(self) -> bool:
        """Whether any account exists, active or disabled (one query, at most one row read)."""
        return self.session.scalar(select(UserRow.id).limit(1)) is not None

    def update(self, account: Account) -> None:
        """Write ``account``'s name, role, partner and engagements back (never its e-mail or password)."""
        row = self._row(account.stored_id)
        row.name, row.role, row.partner_id = account.name, account.role.value, account.partner_id
        stored = {
            r.engagement_id: r
            for r in self.session.scalars(select(UserEngagementRow).where(UserEngagementRow.user_id == row.id))
        }
        for engagement_id, link in stored.items():
            if engagement_id not in account.engagement_ids:
                self.session.delete(link)
        for engagement_id in account.engagement_ids:
            if engagement_id not in stored:
                self.session.add(UserEngagementRow(user_id=row.id, engagement_id=engagement_id))
        self.session.flush()

    def set_password(self, user_id: int, password_hash: str) -> None:
        self._row(user_id).password_hash = password_hash

    def set_subject(self, user_id: int, subject: str) -> None:
        self._row(user_id).oidc_subject = subject

    def disable(self, user_id: int, at: datetime) -> None:
        self._row(user_id).disabled_at = at

    def logged_in(self, user_id: int, at: datetime) -> None:
        self._row(user_id).last_login_at = at


def _session(row: SessionRow) -> WebSession:
    return WebSession(
        id=row.id,
        user_id=row.user_id,
        csrf_token=row.csrf_token,
        created_at=row.created_at,
        seen_at=row.seen_at,
        expires_at=row.expires_at,
    )


class SessionRecords:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(
        self, token_hash: str, user_id: int | None, csrf_token: str, at: datetime, expires_at: datetime, address: str
    ) -> WebSession:
        row = SessionRow(
            token_hash=token_hash,
            user_id=user_id,
            csrf_token=csrf_token,
            created_at=at,
            seen_at=at,
            expires_at=expires_at,
            address=address[:100],
        )
        self.session.add(row)
        self.session.flush()
        return _session(row)

    def get(self, session_id: int) -> WebSession | None:
        row = self.session.get(SessionRow, session_id)
        return _session(row) if row else None

    def by_hash(self, token_hash: str) -> WebSession | None:
        row = self.session.scalar(select(SessionRow).where(SessionRow.token_hash == token_hash))
        return _session(row) if row else None

    def seen(self, session_id: int, at: datetime) -> None:
        row = self.session.get(SessionRow, session_id)
        if row is not None:
            row.seen_at = at

    def remove(self, session_id: int) -> None:
        self.session.execute(delete(SessionRow).where(SessionRow.id == session_id))

    def remove_for_user(self, user_id: int) -> None:
        self.session.execute(delete(SessionRow).where(SessionRow.user_id == user_id))

    def remove_expired(self, idle_before: datetime, now: datetime) -> None:
        self.session.execute(
            delete(SessionRow).where((SessionRow.seen_at < idle_before) | (SessionRow.expires_at < now))
        )


def _token(row: ApiTokenRow) -> ApiToken:
    return ApiToken(
        id=row.id,
        user_id=row.user_id,
        created_at=row.created_at,
        expires_at=row.expires_at,
        revoked_at=row.revoked_at,
        last_used_at=row.last_used_at,
    )


class TokenRecords:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, user_id: int, token_hash: str, at: datetime, expires_at: datetime) -> ApiToken:
        row = ApiTokenRow(user_id=user_id, token_hash=token_hash, created_at=at, expires_at=expires_at)
        self.session.add(row)
        self.session.flush()
        return _token(row)

    def get(self, token_id: int) -> ApiToken | None:
        row = self.session.get(ApiTokenRow, token_id)
        return _token(row) if row else None

    def hash_of(self, token_id: int) -> str | None:
        row = self.session.get(ApiTokenRow, token_id)
        return row.token_hash if row else None

    def list(self, user_id: int | None = None) -> builtins.list[ApiToken]:
        query = select(ApiTokenRow).order_by(ApiTokenRow.id)
        if user_id is not None:
            query = query.where(ApiTokenRow.user_id == user_id)
        return [_token(row) for row in self.session.scalars(query)]

    def revoke(self, token_id: int, at: datetime) -> None:
        row = self.session.get(ApiTokenRow, token_id)
        if row is not None and row.revoked_at is None:
            row.revoked_at = at

    def used(self, token_id: int, at: datetime) -> None:
        row = self.session.get(ApiTokenRow, token_id)
        if row is not None:
            row.last_used_at = at


class SecretRecords:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, name: str) -> str | None:
        row = self.session.get(SecretRow, name)
        return row.value if row else None

    def add(self, name: str, value: str) -> None:
        """Store a new secret; Conflict when another process stored one of that name first."""
        self.session.add(SecretRow(name=name, value=value))
        try:
            self.session.flush()
        except IntegrityError:
            self.session.rollback()
            raise Conflict(f"the server secret {name!r} was stored by another process") from None
