"""The documentation audit: is the knowledge written down, and is it current?

Six items, after the playbook's "operations guide: this is how the system works, here's
the architecture, check here if problems arise", plus setup and run instructions and the
documentation of the model (a model card) and of the data (a datasheet). Each item is
``present``, ``stale`` or ``missing``, with the file and the section (heading) found.

Currency rule (``CurrencyRule``): a document describes the code paths it mentions (files
or folders that exist at the audited revision); when it mentions none, it describes the
whole code base (every file that is not documentation). Since the document's last change
(its last commit; a section's currency is its file's), count the commits that are not
ancestors of that change and touch the described code, and the lines they changed. The
*unseen share* is those lines over every line ever changed in the described code (commits
instead of lines when line counts are unavailable, e.g. in a partial clone): the part of
the code's history the document has not seen. A found document is ``stale`` when at least
``min_commits`` such commits exist and the unseen share reaches ``max_unseen_share``.

``DocsAudit.to_dict()`` is the stable ``inhouse docs audit --json`` shape and the payload
stored as the ``docs_audit`` analysis result (keys may be added, never renamed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from inhouse.errors import InvalidInput

PRESENT, STALE, MISSING, PARTIAL = "present", "stale", "missing", "partial"
STATUSES = (PRESENT, STALE, MISSING)

#: kind -> (title, group). The first three together make the operations guide.
ITEMS: dict[str, tuple[str, str]] = {
    "how_it_works": ("How the system works", "operations_guide"),
    "architecture": ("Architecture", "operations_guide"),
    "troubleshooting": ("Troubleshooting", "operations_guide"),
    "setup": ("Setup and run instructions", "setup"),
    "model_card": ("Model documentation (model card)", "model"),
    "datasheet": ("Data documentation (datasheet)", "data"),
}
OPERATIONS_GUIDE = ("how_it_works", "architecture", "troubleshooting")


@dataclass(frozen=True)
class CurrencyRule:
    """When a found document counts as stale (see the module docstring)."""

    min_commits: int = 5
    max_unseen_share: float = 0.5

    def __post_init__(self) -> None:
        if self.min_commits < 1:
            raise InvalidInput(f"the stale rule needs at least 1 commit, got {self.min_commits}")
        if not 0.0 < self.max_unseen_share <= 1.0:
            raise InvalidInput(f"the stale share must be above 0 and at most 1, got {self.max_unseen_share}")

    def is_stale(self, commits_since: int, unseen_share: float) -> bool:
        return commits_since >= self.min_commits and unseen_share >= self.max_unseen_share

    def describe(self) -> str:
        return (
            f"stale when, since the document's last change, at least {self.min_commits} commits "
            f"changed the code it describes and they made at least {self.max_unseen_share:.0%} "
            "of all the line changes that code has ever had"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "min_commits": self.min_commits,
            "max_unseen_share": self.max_unseen_share,
            "description": self.describe(),
        }


@dataclass(frozen=True)
class Currency:
    """How much the described code changed since the document's last change."""

    doc_commit: str
    doc_changed: str  # ISO date-time (UTC) of that commit
    scope: str  # "section" | "file" (code paths the text mentions) | "codebase"
    code_paths: tuple[str, ...]
    commits_since: int
    lines_since: int | None
    lines_total: int | None
    commits_total: int
    code_changed: str | None  # ISO date-time of the described code's last change

    @property
    def unseen_share(self) -> float:
        if self.lines_total:  # line counts known and non-zero
            return round((self.lines_since or 0) / self.lines_total, 4)
        if self.commits_total:  # no line counts (partial clone, binary files only): commits instead
            return round(self.commits_since / self.commits_total, 4)
        return 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_commit": self.doc_commit,
            "doc_changed": self.doc_changed,
            "scope": self.scope,
            "code_paths": list(self.code_paths),
            "commits_since": self.commits_since,
            "lines_since": self.lines_since,
            "lines_total": self.lines_total,
            "commits_total": self.commits_total,
            "unseen_share": self.unseen_share,
            "code_changed": self.code_changed,
        }


@dataclass(frozen=True)
class Location:
    """Where an item was found: a file and, when the match is a heading, the section."""

    file: str
    section: str | None  # the heading text; None when the whole file is the match
    line: int | None
    match: str  # "file name", "heading", "sections", "folder"...
    placeholder: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "section": self.section,
            "line": self.line,
            "match": self.match,
            "placeholder": self.placeholder,
        }

    def pointer(self) -> str:
        return f"{self.file}#{self.section}" if self.section else self.file


@dataclass(frozen=True)
class DocItem:
    kind: str
    status: str
    reason: str
    found: Location | None = None
    currency: Currency | None = None
    also: tuple[Location, ...] = ()

    @property
    def title(self) -> str:
        return ITEMS[self.kind][0]

    @property
    def group(self) -> str:
        return ITEMS[self.kind][1]

    def to_dict(self) -> dict[str, Any]:
        found = self.found
        return {
            "kind": self.kind,
            "title": self.title,
            "group": self.group,
            "status": self.status,
            "file": found.file if found else None,
            "section": found.section if found else None,
            "line": found.line if found else None,
            "match": found.match if found else None,
            "reason": self.reason,
            "currency": self.currency.to_dict() if self.currency else None,
            "also": [loc.to_dict() for loc in self.also],
        }


def group_status(statuses: list[str]) -> str:
    """The operations guide as a whole: present, stale, partial (a part missing) or missing."""
    if all(s == MISSING for s in statuses):
        return MISSING
    if any(s == MISSING for s in statuses):
        return PARTIAL
    return STALE if any(s == STALE for s in statuses) else PRESENT


@dataclass
class DocsAudit:
    repo: str
    rev: str
    head: str | None
    items: list[DocItem]
    rule: CurrencyRule = field(default_factory=CurrencyRule)
    documents: list[str] = field(default_factory=list)  # documentation files read
    warnings: list[str] = field(default_factory=list)

    def item(self, kind: str) -> DocItem:
        return next(i for i in self.items if i.kind == kind)

    def operations_guide(self) -> dict[str, Any]:
        parts = [self.item(k) for k in OPERATIONS_GUIDE]
        return {
            "status": group_status([p.status for p in parts]),
            "covered": [p.kind for p in parts if p.status != MISSING],
            "stale": [p.kind for p in parts if p.status == STALE],
            "missing": [p.kind for p in parts if p.status == MISSING],
        }

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for i in self.items if i.status == s) for s in STATUSES}

    def summary(self) -> str:
        counts = self.counts()
        guide = self.operations_guide()["status"]
        return (
            f"operations guide {guide}; {counts[PRESENT]} present, {counts[STALE]} stale, "
            f"{counts[MISSING]} missing of {len(self.items)} documentation items"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "repo": self.repo,
            "rev": self.rev,
            "head": self.head,
            "operations_guide": self.operations_guide(),
            "counts": self.counts(),
            "items": [i.to_dict() for i in self.items],
            "rule": self.rule.to_dict(),
            "documents": list(self.documents),
            "warnings": list(self.warnings),
        }
