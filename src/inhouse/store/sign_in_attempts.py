"""Sign-in attempts counted against the limits (``uow.sign_in_attempts``): rows of a moving window."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.orm import Session

from inhouse.store.tables_accounts import SignInAttemptRow


class SignInAttempts:
    def __init__(self, session: Session) -> None:
        self.session = session

    def serialise(self, keys: Iterable[str]) -> None:
        """Make concurrent counts of these keys wait for this transaction: on PostgreSQL a
        transaction-level advisory lock per key; SQLite's first insert takes its write lock."""
        if self.session.get_bind().dialect.name != "postgresql":
            return
        for key in sorted(keys):  # one order for everyone: no deadlock
            number = int.from_bytes(bytes.fromhex(key)[:8], "big", signed=True)
            self.session.execute(text("SELECT pg_advisory_xact_lock(:n)"), {"n": number})

    def since(self, key: str, start: datetime) -> tuple[int, datetime | None]:
        """How many attempts ``key`` made after ``start``, and when the oldest of them was."""
        row = self.session.execute(
            select(func.count(), func.min(SignInAttemptRow.at)).where(
                SignInAttemptRow.key == key, SignInAttemptRow.at > start
            )
        ).one()
        return int(row[0]), row[1]

    def add(self, keys: Iterable[str], at: datetime) -> None:
        self.session.execute(insert(SignInAttemptRow), [{"key": key, "at": at} for key in keys])

    def forget_before(self, start: datetime) -> None:
        """Drop the attempts no window reaches any more."""
        self.session.execute(delete(SignInAttemptRow).where(SignInAttemptRow.at <= start))
