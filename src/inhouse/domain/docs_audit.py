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

``DocsAudit`` is the payload stored as the ``docs_audit`` analysis result; ``DocsAuditResult``
(the payload with the summary, the engagement and the stored result's id) is the stable
``inhouse docs audit --json`` shape (keys may be added, never renamed).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from pydantic import Field, computed_field, model_validator

from inhouse.domain.shapes import Input, Shape, Title

PRESENT, STALE, MISSING = "present", "stale", "missing"
STATUSES = (PRESENT, STALE, MISSING)
DocStatus = Literal["present", "stale", "missing"]
GuideStatus = Literal["present", "stale", "partial", "missing"]
DocKind = Literal["how_it_works", "architecture", "troubleshooting", "setup", "model_card", "datasheet"]
DocGroup = Literal["operations_guide", "setup", "model", "data"]
Scope = Literal["section", "file", "codebase"]

#: kind -> (title, group). The first three together make the operations guide.
ITEMS: dict[DocKind, tuple[str, DocGroup]] = {
    "how_it_works": ("How the system works", "operations_guide"),
    "architecture": ("Architecture", "operations_guide"),
    "troubleshooting": ("Troubleshooting", "operations_guide"),
    "setup": ("Setup and run instructions", "setup"),
    "model_card": ("Model documentation (model card)", "model"),
    "datasheet": ("Data documentation (datasheet)", "data"),
}
OPERATIONS_GUIDE: tuple[DocKind, ...] = ("how_it_works", "architecture", "troubleshooting")
DEFAULT_MIN_COMMITS = 5
DEFAULT_STALE_SHARE = 0.5


class CurrencyRule(Shape):
    """When a found document counts as stale (see the module docstring)."""

    min_commits: int = Field(DEFAULT_MIN_COMMITS, ge=1)
    max_unseen_share: float = Field(DEFAULT_STALE_SHARE, gt=0.0, le=1.0)

    @model_validator(mode="before")
    @classmethod
    def _derived(cls, data: Any) -> Any:
        """A stored rule carries its description; it is derived again, never trusted."""
        if isinstance(data, dict) and "description" in data:
            return {k: v for k, v in data.items() if k != "description"}
        return data

    @computed_field  # type: ignore[prop-decorator]
    @property
    def description(self) -> str:
        return self.describe()

    def is_stale(self, commits_since: int, unseen_share: float) -> bool:
        return commits_since >= self.min_commits and unseen_share >= self.max_unseen_share

    def describe(self) -> str:
        return (
            f"stale when, since the document's last change, at least {self.min_commits} commits "
            f"changed the code it describes and they made at least {self.max_unseen_share:.0%} "
            "of all the line changes that code has ever had"
        )


class Currency(Shape):
    """How much the described code changed since the document's last change."""

    doc_commit: str
    doc_changed: str  # ISO date-time (UTC) of that commit
    scope: Scope  # "section" | "file" (code paths the text mentions) | "codebase"
    code_paths: list[str]
    commits_since: int
    lines_since: int | None
    lines_total: int | None
    commits_total: int
    unseen_share: float
    code_changed: str | None  # ISO date-time of the described code's last change

    @classmethod
    def measured(
        cls,
        *,
        doc_commit: str,
        doc_changed: str,
        scope: Scope,
        code_paths: Iterable[str],
        commits_since: int,
        lines_since: int | None,
        lines_total: int | None,
        commits_total: int,
        code_changed: str | None,
    ) -> Currency:
        """The currency with its unseen share: the lines changed since over every line ever changed
        (commits instead when line counts are unknown)."""
        if lines_total:  # line counts known and non-zero
            share = round((lines_since or 0) / lines_total, 4)
        elif commits_total:  # no line counts (partial clone, binary files only): commits instead
            share = round(commits_since / commits_total, 4)
        else:
            share = 0.0
        return cls(
            doc_commit=doc_commit,
            doc_changed=doc_changed,
            scope=scope,
            code_paths=list(code_paths),
            commits_since=commits_since,
            lines_since=lines_since,
            lines_total=lines_total,
            commits_total=commits_total,
            unseen_share=share,
            code_changed=code_changed,
        )


class Location(Shape):
    """Where an item was found: a file and, when the match is a heading, the section."""

    file: str
    section: str | None  # the heading text; None when the whole file is the match
    line: int | None
    match: str  # "file name", "heading", "sections", "folder"...
    placeholder: bool = False

    def pointer(self) -> str:
        return f"{self.file}#{self.section}" if self.section else self.file


class DocItem(Shape):
    """One documentation item: its verdict, where it was found, its currency, other places."""

    kind: DocKind
    title: str
    group: DocGroup
    status: DocStatus
    file: str | None
    section: str | None
    line: int | None
    match: str | None
    reason: str
    currency: Currency | None
    also: list[Location]

    @classmethod
    def judged(
        cls,
        kind: DocKind,
        status: DocStatus,
        reason: str,
        found: Location | None = None,
        currency: Currency | None = None,
        also: Iterable[Location] = (),
    ) -> DocItem:
        title, group = ITEMS[kind]
        return cls(
            kind=kind,
            title=title,
            group=group,
            status=status,
            file=found.file if found else None,
            section=found.section if found else None,
            line=found.line if found else None,
            match=found.match if found else None,
            reason=reason,
            currency=currency,
            also=list(also),
        )

    def pointer(self) -> str | None:
        """``file#section`` where the item was found (None: nowhere)."""
        if not self.file:
            return None
        return f"{self.file}#{self.section}" if self.section else self.file


class OperationsGuide(Shape):
    """The first three items as a whole: present, stale, partial (a part missing) or missing."""

    status: GuideStatus
    covered: list[DocKind]
    stale: list[DocKind]
    missing: list[DocKind]


class DocCounts(Shape):
    present: int
    stale: int
    missing: int


def group_status(statuses: list[str]) -> GuideStatus:
    """The operations guide as a whole: present, stale, partial (a part missing) or missing."""
    if all(s == MISSING for s in statuses):
        return "missing"
    if any(s == MISSING for s in statuses):
        return "partial"
    return "stale" if any(s == STALE for s in statuses) else "present"


class DocsAudit(Shape):
    """The documentation audit of one repository at one revision: the stored ``docs_audit`` payload."""

    repo: str
    rev: str
    head: str | None
    operations_guide: OperationsGuide
    counts: DocCounts
    items: list[DocItem]
    rule: CurrencyRule
    documents: list[str]  # documentation files read
    warnings: list[str]

    @classmethod
    def of(
        cls,
        *,
        repo: str,
        rev: str,
        head: str | None,
        items: list[DocItem],
        rule: CurrencyRule,
        documents: Iterable[str] = (),
        warnings: Iterable[str] = (),
    ) -> DocsAudit:
        parts = {i.kind: i for i in items}
        guide = [parts[k] for k in OPERATIONS_GUIDE if k in parts]
        return cls(
            repo=repo,
            rev=rev,
            head=head,
            operations_guide=OperationsGuide(
                status=group_status([p.status for p in guide]),
                covered=[p.kind for p in guide if p.status != MISSING],
                stale=[p.kind for p in guide if p.status == STALE],
                missing=[p.kind for p in guide if p.status == MISSING],
            ),
            counts=DocCounts(**{s: sum(1 for i in items if i.status == s) for s in STATUSES}),
            items=items,
            rule=rule,
            documents=list(documents),
            warnings=list(warnings),
        )

    def headline(self) -> str:
        """The audit in one line (the stored result's summary)."""
        counts = self.counts
        return (
            f"operations guide {self.operations_guide.status}; {counts.present} present, {counts.stale} stale, "
            f"{counts.missing} missing of {len(self.items)} documentation items"
        )


class DocsAuditResult(DocsAudit):
    """``inhouse docs audit --json``: the stored audit, its summary, its engagement and result id."""

    summary: str
    engagement: str | None
    result_id: int


class DocsAuditIn(Input):
    """What to audit: a repository (a registered one's name, or a local path), how, for whom."""

    repo: Title
    engagement: str | None = None
    rev: Title = "HEAD"
    min_commits: int = Field(DEFAULT_MIN_COMMITS, ge=1, le=1_000_000)
    stale_share: float = Field(DEFAULT_STALE_SHARE, gt=0, le=1, allow_inf_nan=False)

    def rule(self) -> CurrencyRule:
        return CurrencyRule(min_commits=self.min_commits, max_unseen_share=self.stale_share)
