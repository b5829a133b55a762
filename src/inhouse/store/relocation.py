"""Stored paths moved from one folder to another: a repository's path, its analyses' subjects and
payloads, and its scan state, when the folder they live in is renamed (a demo built beside its
final place, then renamed in). Each row changes through the session, so the audit log keeps both."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from inhouse.store.tables import AnalysisResultRow, RepoRow
from inhouse.store.tables_knowledge import ScanStateRow


def moved(value: object, old: str, new: str) -> object:
    """``value`` (text, or JSON data) with every path under ``old`` placed under ``new``."""
    if isinstance(value, str):
        return new + value[len(old) :] if value == old or value.startswith(old + "/") else value
    if isinstance(value, list):
        return [moved(item, old, new) for item in value]
    if isinstance(value, dict):
        return {key: moved(item, old, new) for key, item in value.items()}
    return value


class PathRecords:
    """Every stored path, as one collection."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def move(self, old: str, new: str) -> None:
        """Every stored path under the folder ``old`` placed under ``new`` (in this transaction)."""
        for repo in self.session.scalars(select(RepoRow)):
            repo.path = str(moved(repo.path, old, new))
        for result in self.session.scalars(select(AnalysisResultRow)):
            result.subject = str(moved(result.subject, old, new))
            payload = moved(result.payload, old, new)
            if payload != result.payload:
                result.payload = payload  # type: ignore[assignment]
        for state in self.session.scalars(select(ScanStateRow)):
            state.subject = str(moved(state.subject, old, new))
