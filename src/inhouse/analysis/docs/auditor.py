"""The documentation audit of one repository at one revision (pure: git in, DocsAudit out)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

from inhouse.analysis.docs import candidates as cands
from inhouse.analysis.docs import history
from inhouse.analysis.docs.files import decode, is_code, is_doc
from inhouse.analysis.docs.mentions import CodeIndex, in_scope, mentioned_paths
from inhouse.analysis.docs.sections import markup_of, split_sections
from inhouse.analysis.git.gitcmd import GitRepo
from inhouse.domain.docs_audit import ITEMS, Currency, CurrencyRule, DocItem, DocKind, DocsAudit, Scope
from inhouse.errors import InvalidInput

#: How many of the strongest candidates per item get their currency measured.
MEASURED_PER_ITEM = 8


@dataclass(frozen=True)
class AuditOptions:
    rev: str = "HEAD"
    rule: CurrencyRule = field(default_factory=CurrencyRule)
    max_doc_bytes: int = 2_000_000  # larger "documentation" files are skipped (generated dumps)

    def __post_init__(self) -> None:
        if self.max_doc_bytes < 1:
            raise InvalidInput("the largest documentation file must be at least 1 byte")


Progress = Callable[[str, int, int], None]  # (stage, done, total): "history", then "docs" item by item

_Churn = tuple[int, int, int, int, int | None]
"""(commits, commits since, lines total, lines since, the code's last change) of a scope."""


class _History:
    """The commits of the audited revision, and the currency of a document against them."""

    def __init__(self, repo: GitRepo, head: str, progress: Progress | None = None) -> None:
        self.repo, self.head = repo, head
        total = repo.count_commits(head, merges=False) if progress else 0  # what history.changes yields
        read = 0
        self.count_lines = not repo.partial
        self._last: dict[str, history.Change] = {}
        self.code_changes: list[tuple[str, int, tuple[tuple[str, int | None], ...]]] = []
        code_paths: dict[str, bool] = {}
        for change in history.changes(repo, head, self.count_lines):  # newest first
            read += 1
            if progress and read % 1000 == 0:
                progress("history", read, max(total, read))
            for path, _ in change.files:
                self._last.setdefault(path, change)
                if path not in code_paths:
                    code_paths[path] = is_code(path)
            touched = tuple((p, n) for p, n in change.files if code_paths[p])
            if touched:
                self.code_changes.append((change.sha, change.when, touched))
        if progress:
            progress("history", read, max(total, read))  # the stage ends at its total
        self._ancestors: dict[str, set[str]] = {}
        self._measured: dict[tuple[str, tuple[str, ...]], _Churn] = {}

    def last_change(self, path: str) -> history.Change | None:
        return self._last.get(path)

    def currency(self, doc: str, text: str, code: CodeIndex, file_text: str, section: bool) -> Currency | None:
        last = self.last_change(doc)
        if last is None:
            return None
        scope: Scope = "section" if section else "file"
        paths = mentioned_paths(text, code)
        if not paths and section:
            scope, paths = "file", mentioned_paths(file_text, code)
        if not paths:
            scope = "codebase"
        key = (last.sha, tuple(paths))
        if key not in self._measured:
            self._measured[key] = self._churn(last.sha, paths)
        commits, since, lines_total, lines_since, code_changed = self._measured[key]
        return Currency.measured(
            doc_commit=last.sha,
            doc_changed=history.iso(last.when),
            scope=scope,
            code_paths=paths,
            commits_since=since,
            lines_since=lines_since if self.count_lines else None,
            lines_total=lines_total if self.count_lines else None,
            commits_total=commits,
            code_changed=history.iso(code_changed) if code_changed is not None else None,
        )

    def _churn(self, doc_commit: str, paths: list[str]) -> _Churn:
        seen = self._ancestors.get(doc_commit)
        if seen is None:
            seen = self._ancestors[doc_commit] = history.ancestors(self.repo, doc_commit)
        commits = since = lines_total = lines_since = 0
        code_changed: int | None = None
        for sha, when, touched in self.code_changes:
            if paths:
                touched = tuple(t for t in touched if in_scope(t[0], paths))
                if not touched:
                    continue
            commits += 1
            lines = sum(n or 0 for _, n in touched)
            lines_total += lines
            code_changed = when if code_changed is None else max(code_changed, when)
            if sha not in seen:
                since += 1
                lines_since += lines
        return commits, since, lines_total, lines_since, code_changed


def _describe(currency: Currency) -> str:
    what = (
        "the whole code base"
        if currency.scope == "codebase"
        else ", ".join(currency.code_paths[:4])
        + (f" and {len(currency.code_paths) - 4} more" if len(currency.code_paths) > 4 else "")
    )
    lines = f", {currency.lines_since} lines" if currency.lines_since is not None else ""
    return (
        f"last changed {currency.doc_changed[:10]}; since then {currency.commits_since} commits{lines} "
        f"changed {what} ({currency.unseen_share:.0%} of its history)"
    )


def _decide(
    kind: DocKind,
    found: list[cands.Candidate],
    hist: _History | None,
    code: CodeIndex,
    texts: dict[str, str],
    rule: CurrencyRule,
    doc_count: int,
) -> DocItem:
    title = ITEMS[kind][0].lower()
    real = [c for c in found if not c.location.placeholder]
    if not real:
        if found:
            best = max(found, key=lambda c: c.strength)
            where = best.location.pointer()
            return DocItem.judged(
                kind,
                "missing",
                f"{where} is empty or a placeholder: no {title} yet",
                best.location,
                also=[c.location for c in found if c is not best][:5],
            )
        return DocItem.judged(kind, "missing", f"no file or heading about {title} in {doc_count} documentation files")
    top = sorted(real, key=lambda c: (-c.strength, c.file, c.location.line or 0))[:MEASURED_PER_ITEM]
    measured = []
    for candidate in top:
        currency = (
            hist.currency(
                candidate.file, candidate.text, code, texts[candidate.file], candidate.location.section is not None
            )
            if hist
            else None
        )
        stale = currency is not None and rule.is_stale(currency.commits_since, currency.unseen_share)
        last = hist.last_change(candidate.file) if hist else None
        measured.append((stale, -candidate.strength, -(last.when if last else 0), candidate, currency))
    measured.sort(key=lambda m: (m[0], m[1], m[2], m[3].file, m[3].location.line or 0))
    stale, _, _, best, currency = measured[0]
    others = [c.location for c in real if c is not best][:5]
    where = best.location.pointer()
    if currency is None:
        return DocItem.judged(
            kind, "present", f"found in {where} (not in the history: currency unknown)", best.location, also=others
        )
    reason = f"found in {where}; {_describe(currency)}" + (" - stale" if stale else "")
    return DocItem.judged(kind, "stale" if stale else "present", reason, best.location, currency, others)


def audit_repository(
    path: str | os.PathLike[str], options: AuditOptions | None = None, progress: Progress | None = None
) -> DocsAudit:
    """Audit the documentation of the git repository at ``path`` (working copy or bare)."""
    options = options or AuditOptions()
    repo = GitRepo.open(path)
    warnings: list[str] = []
    if not repo.has_commits():
        warnings.append("the repository has no commits: nothing is documented")
        return DocsAudit.of(
            repo=str(repo.path),
            rev=options.rev,
            head=None,
            items=[DocItem.judged(kind, "missing", "the repository has no commits") for kind in ITEMS],
            rule=options.rule,
            warnings=warnings,
        )
    head = repo.resolve(options.rev)
    if repo.shallow:
        warnings.append("shallow clone: currency is measured on the history present only")
    if repo.partial:
        warnings.append("partial clone: line counts unavailable, currency measured in commits")
    files = history.tree(repo, head)
    docs = {p: oid for p, (oid, size) in files.items() if is_doc(p) and size <= options.max_doc_bytes}
    skipped = [p for p, (_, size) in files.items() if is_doc(p) and size > options.max_doc_bytes]
    if skipped:
        warnings.append(f"{len(skipped)} documentation files over {options.max_doc_bytes} bytes skipped")
    mkdocs = files.get("mkdocs.yml", ("", 0))[0]
    blobs = history.read_blobs(repo, [*docs.values(), *([mkdocs] if mkdocs else [])])
    mkdocs_blob = blobs.get(mkdocs) if mkdocs else None
    nav = cands.mkdocs_titles(decode(mkdocs_blob) or "") if mkdocs_blob else {}
    texts: dict[str, str] = {}
    found: dict[DocKind, list[cands.Candidate]] = {kind: [] for kind in ITEMS}
    for doc, oid in sorted(docs.items()):
        blob = blobs.get(oid)
        text = decode(blob) if blob is not None else None
        if text is None:
            continue
        texts[doc] = text
        for candidate in cands.find(doc, text, split_sections(text, markup_of(doc) or "text"), nav.get(doc, ())):
            found[candidate.kind].append(candidate)
    missing_blobs = sum(1 for oid in docs.values() if blobs.get(oid) is None)
    if missing_blobs:
        warnings.append(f"{missing_blobs} documentation files could not be read (missing or binary)")
    code = CodeIndex(p for p in files if is_code(p))
    hist = _History(repo, head, progress) if any(found.values()) else None
    items: list[DocItem] = []
    for kind in ITEMS:
        if progress:
            progress("docs", len(items), len(ITEMS))
        items.append(_decide(kind, found[kind], hist, code, texts, options.rule, len(texts)))
    if progress:
        progress("docs", len(items), len(ITEMS))
    return DocsAudit.of(
        repo=str(repo.path),
        rev=options.rev,
        head=head,
        items=items,
        rule=options.rule,
        documents=sorted(texts),
        warnings=warnings,
    )
