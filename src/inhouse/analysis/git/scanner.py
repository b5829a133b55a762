"""The git knowledge analyzer: one facade over mining, identities, authorship and shares.

    outcome = scan_repository("/path/to/repo", ScanOptions(rules=SideRules(...)))
    outcome.report.truck_factor.value
    later = scan_repository("/path/to/repo", options, previous=outcome.state)  # incremental

Authorship and truck factor follow Avelino et al., "A Novel Approach for Estimating
Truck Factors" (ICPC 2016). Pure over its inputs: it reads the repository with git
and returns values; storing them is the service layer's business.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, cast

from pydantic import TypeAdapter

from inhouse.analysis.git import blame as blame_mod
from inhouse.analysis.git import memo
from inhouse.analysis.git.authorship import truck_factor
from inhouse.analysis.git.filters import FileFilter
from inhouse.analysis.git.folders import folder_risk, knowledge_map, orphaned_if_left
from inhouse.analysis.git.gitcmd import GitRepo
from inhouse.analysis.git.history import STATE_VERSION, History
from inhouse.analysis.git.identities import IdentityGroup, Mailmap, SideRules, bot_matcher, merge_identities
from inhouse.analysis.git.incremental import MiningPlan, plan_mining
from inhouse.analysis.git.mining import FULL_ID, EarlyLog, mine
from inhouse.analysis.git.offboarding import Person, choose_leavers, simulate_offboarding
from inhouse.analysis.git.recency import DEFAULT_HALF_LIFE_DAYS, KNOWLEDGE_MODELS, knowledge_authors
from inhouse.analysis.git.review_credit import ImportedReviews, credited, review_counts
from inhouse.analysis.git.successors import merge_reviews, successors_of, trailer_reviews
from inhouse.analysis.git.trajectory import PERIODS, internal_trajectory
from inhouse.domain.common import Side
from inhouse.domain.knowledge import (
    IdentitySummary,
    LineOwnership,
    Offboarding,
    PeriodKind,
    ScanMode,
    ScanResult,
    TruckFactor,
    printable,
)
from inhouse.domain.plans import DependencyPlan
from inhouse.errors import InvalidInput, NotFound

Progress = Callable[[str, int, int], None]  # (stage, done, total)
ANALYSIS_STEPS = 5  # identities, authorship, off-boarding, trajectory, summaries


@dataclass(frozen=True)
class ScanOptions:
    rev: str = "HEAD"
    quick: bool = False  # no line statistics: authorship, truck factor and commit shares only
    blame: bool = False  # also count surviving lines per identity at REV
    blame_flags: tuple[str, ...] = ()  # git blame options: -w, -M, -C (blame.FLAGS)
    period: PeriodKind = "engagement-year"
    start: date | None = None  # engagement start; default: the first commit's day
    plan: DependencyPlan | None = None  # default: the playbook's 30% -> 60% -> 90%
    rules: SideRules = field(default_factory=SideRules)
    aliases: tuple[tuple[str, ...], ...] = ()
    bot_patterns: tuple[str, ...] | None = None  # None: the default patterns
    include_bots: bool = False
    heuristics: bool = True
    files: FileFilter = field(default_factory=FileFilter)
    jobs: int | None = None  # parallel blames; default: the CPU count
    leaves: tuple[str, ...] = ()  # off-boarding of chosen people: identity ids, emails or names
    inactive_days: int | None = None  # ... and of partner people this many days inactive
    gone_after: date | None = None  # ... and of partner people with no commit after this day
    knowledge_model: str = "avelino2016"  # or "recency" (recency.py): who knows a file
    knowledge_half_life_days: float = DEFAULT_HALF_LIFE_DAYS  # of the recency model
    reviews: ImportedReviews | None = None  # imported pull/merge request reviews (review_credit.py)

    def validate(self) -> None:
        if self.period not in PERIODS:
            raise InvalidInput(f"unknown period {self.period!r}: expected one of {', '.join(PERIODS)}")
        if self.inactive_days is not None and self.inactive_days < 0:
            raise InvalidInput("inactive days must be 0 or more")
        if self.jobs is not None and self.jobs < 1:
            raise InvalidInput("jobs must be at least 1")
        if self.knowledge_model not in KNOWLEDGE_MODELS:
            expected = ", ".join(KNOWLEDGE_MODELS)
            raise InvalidInput(f"unknown knowledge model {self.knowledge_model!r}: expected one of {expected}")
        if not 1 <= self.knowledge_half_life_days <= 36500:
            raise InvalidInput("the knowledge half-life must be between 1 and 36500 days")
        if not self.rev or not self.rev.strip():
            raise InvalidInput("the revision to scan must not be empty")


@dataclass
class ScanOutcome:
    report: ScanResult
    state: dict[str, Any] | None
    """Store it and pass it back as ``previous`` for an incremental rescan. When ``reused``, it is
    ``previous`` if that was given as a state, None if it was a function that was not called."""
    reused: bool = False  # nothing new since ``previous``: the kept report, nothing to store
    dumped: Mapping[str, Any] | None = None
    """``report`` as JSON without what differs from run to run (``_PER_RUN``), when at hand: the
    stored form is built from it instead of dumping the report again (see :meth:`as_json`)."""

    def as_json(self) -> dict[str, Any]:
        """``report`` as JSON (``report.model_dump(mode="json")``)."""
        if self.dumped is None:
            return self.report.model_dump(mode="json")
        per_run = self.report.model_dump(mode="json", include=set(_PER_RUN))
        return {**self.dumped, **per_run}


#: The report's fields that say how this run went rather than what the history holds.
_PER_RUN = ("warnings", "scanned_commits", "incremental")


#: Where a state keeps the report it was analysed into (reused while nothing changes).
REPORT = "report"


def scan_repository(
    path: str | os.PathLike[str],
    options: ScanOptions | None = None,
    *,
    previous: dict[str, Any] | Callable[[], dict[str, Any] | None] | None = None,
    kept: Mapping[str, Any] | None = None,
    progress: Progress | None = None,
) -> ScanOutcome:
    """Scan the history reachable from ``options.rev``; reuse ``previous`` state when possible.

    ``previous`` is the stored state, or a function that reads it (called only when the kept
    report cannot answer: a state is megabytes of facts on a long history). ``kept``: the stored
    report with what it is checked against (the state's ``version``, ``head``, ``mode``,
    ``boundaries`` and ``report``, the report itself or a function that reads it), when it is
    stored apart from the facts; by default the one ``previous`` holds."""
    options = options or ScanOptions()
    options.validate()
    repo = GitRepo.open(path)
    warnings: list[str] = []
    if repo.shallow:
        warnings.append(
            "shallow clone: commits before the cut are missing, so authorship and "
            "truck factor only reflect the visible history (run 'git fetch --unshallow')"
        )
    if not repo.has_commits():
        if options.rev != "HEAD":
            raise NotFound(f"revision {options.rev!r} does not exist in {str(repo.path)!r}")
        warnings.append("the repository has no commits yet")
        report = ScanResult(
            repo=printable(str(repo.path)),
            rev=options.rev,
            head=None,
            commits=0,
            period=options.period,
            warnings=warnings,
        )
        return ScanOutcome(report, History().to_state())
    head = repo.resolve(options.rev)
    mode = "quick" if options.quick else "full"
    if repo.partial:
        # blobs may be missing and git must not fetch them: read no blob at all, in one pass
        mode = "exact"
        warnings.append(
            "partial clone: blobs may be missing and nothing is fetched; renames are detected "
            "only when exact and line counts are unavailable"
        )
    key = _report_key(repo, head, mode, options)
    answer = _kept_report(repo, kept if kept is not None else previous, head, mode, key)
    with contextlib.ExitStack() as stack:
        early: EarlyLog | None = None
        if answer is None and callable(previous):
            early = _early_log(repo, kept, head, mode, stack)  # git walks while the facts are read
            previous = previous()
            if kept is None:  # a state stored with its report inside
                answer = _kept_report(repo, previous, head, mode, key)
        if answer is not None:  # the same commit, read the same way: the same facts and the same report
            report, analysis_warnings, dumped = answer
            report.warnings = warnings + analysis_warnings
            report.scanned_commits = 0
            report.incremental = True
            return ScanOutcome(report, previous if isinstance(previous, dict) else None, reused=True, dumped=dumped)
        assert not callable(previous)
        history, plan, scanned = _mine(repo, head, mode, options, previous, progress, early)
    if plan.note:
        warnings.append(plan.note)
    history.head = head
    warnings.extend(repo.warnings)
    before = len(warnings)
    report = analyse(repo, history, head, options, warnings, progress)
    report.scanned_commits = scanned
    report.incremental = plan.incremental
    state = history.to_state()
    result = report.model_dump(mode="json", exclude=set(_PER_RUN))
    state[REPORT] = {"key": key, "result": result, "warnings": report.warnings[before:]}
    return ScanOutcome(report, state, dumped=result)


def _early_log(
    repo: GitRepo, kept: Mapping[str, Any] | None, head: str, mode: str, stack: contextlib.ExitStack
) -> EarlyLog | None:
    """git started on the commits new since the kept report's head, when the facts stored with it
    were mined the same way (else the scan will not fold onto them, and git is not started)."""
    if kept is None or kept.get("version") != STATE_VERSION or kept.get("mode") != mode:
        return None
    base = kept.get("head")
    if not isinstance(base, str) or base == head or not FULL_ID.fullmatch(base):  # head: resolved by git
        return None
    return stack.enter_context(EarlyLog(repo, mode, head, base))


def _report_key(repo: GitRepo, head: str, mode: str, options: ScanOptions) -> str:
    """What the report of ``head`` depends on besides the mined facts: the options (the number of
    git processes aside), the repository's path and the format of the facts."""
    text = repr((STATE_VERSION, str(repo.path), head, mode, replace(options, jobs=None)))
    return hashlib.sha256(text.encode("utf-8", "backslashreplace")).hexdigest()


def _kept_report(
    repo: GitRepo, previous: object, head: str, mode: str, key: str
) -> tuple[ScanResult, list[str], dict[str, Any]] | None:
    """The report ``previous`` keeps, when it was made from ``head`` with the same options."""
    if not isinstance(previous, Mapping) or previous.get("version") != STATE_VERSION:
        return None
    if previous.get("head") != head or previous.get("mode") != mode:
        return None
    kept = previous.get(REPORT)
    if callable(kept):  # stored apart, read only now that it is of use
        kept = kept()
    if not isinstance(kept, dict):
        return None
    if kept.get("key") != key or set(previous.get("boundaries", [])) != repo.shallow_boundaries():
        return None
    try:
        report = ScanResult.model_validate(kept["result"])
    except (KeyError, ValueError):  # a report of another shape: analyse again
        return None
    return report, [str(w) for w in kept.get("warnings", [])], kept["result"]


def _mine(
    repo: GitRepo,
    head: str,
    mode: str,
    options: ScanOptions,
    previous: dict[str, Any] | None,
    progress: Progress | None,
    early: EarlyLog | None = None,
) -> tuple[History, MiningPlan, int]:
    known = early.base if early is not None and early.is_ancestor() else None
    plan = plan_mining(repo, head, mode, previous, ancestor=known)
    history = plan.history
    report: Callable[[int, int], None] | None = None
    if progress is not None:
        stage = progress

        def report(done: int, total: int) -> None:
            stage("mining", done, total)

    if early is not None and known is not None and plan.exclude == known:
        commits = early.commits(progress=report)  # what git found while the facts were read
    else:
        if early is not None:
            early.close()  # of no use: the cores go to this mining
        commits = mine(repo, head, mode=mode, exclude=plan.exclude, workers=options.jobs, progress=report)
    scanned = 0
    for commit in commits:
        history.add(commit)
        scanned += 1
    return history, plan, scanned


def analyse(
    repo: GitRepo,
    history: History,
    head: str,
    options: ScanOptions,
    warnings: list[str],
    progress: Progress | None = None,
) -> ScanResult:
    """Turn the mined facts into the report, with the options' identities, sides and filters;
    ``progress`` hears the stage ``analysis`` step by step (and ``blame``, file by file)."""

    def step(done: int) -> None:
        if progress is not None:
            progress("analysis", done, ANALYSIS_STEPS)

    step(0)
    mailmap = Mailmap((repo.show_file(head, ".mailmap") or b"").decode("utf-8", "replace"))
    weights = [0] * len(history.people)
    for (person, _day), count in history.commit_days.items():
        weights[person] += count
    bots = None if options.include_bots else bot_matcher(options.bot_patterns)
    groups, owner = merge_identities(
        history.people,
        weights,
        mailmap=mailmap,
        aliases=options.aliases,
        rules=options.rules,
        bots=bots,
        heuristics=options.heuristics,
        kinds=memo.kinds(history, bots),
    )
    ignored = {g.index for g in groups if g.bot}
    sides = [g.side for g in groups]
    step(1)

    tree = repo.tree_files(head)
    options = replace(options, files=options.files.at_commit(repo, tree))  # the commit's .gitattributes
    memo.seed_counts(history, options.files)
    counted = sorted(p for p in tree if options.files.counts(p))
    authors_by_path: dict[str, frozenset[int]] = {}
    with_history: list[frozenset[int]] = []
    history_paths: set[str] = set()
    reviewed = credited(options.reviews, groups, ignored)  # path -> (identity, day) per imported review
    authors_of = memo.file_authors(
        history,
        owner,
        ignored,
        options.knowledge_model,
        knowledge_authors(repo, head, options.knowledge_model, options.knowledge_half_life_days, reviewed),
    )
    for path in counted:
        key = history.path_key.get(path)
        record = history.files[key] if key is not None else None
        authors_by_path[path] = authors_of(key) if record is not None and key is not None else frozenset()
        if record is not None and record.changes:
            with_history.append(authors_by_path[path])
            history_paths.add(path)
    # The truck factor counts the files some commit added or changed, as Avelino et al.'s
    # tool does: a file that only a merge brought in (a subtree merge, say) or that lies
    # beyond a shallow clone's cut has no history to author it from. The off-boarding
    # report still lists it among the files nobody inside knows.
    tf_value, removed = truck_factor(with_history, order_key=lambda i: groups[i].id)
    truck = TruckFactor(value=tf_value, authors=tuple(groups[i].id for i in removed))
    folders = folder_risk(authors_by_path, history_paths, sides, [g.id for g in groups])
    step(2)

    line_counter: Callable[[list[str]], dict[str, int | None]] | None = None
    if history.mode == "full":  # --quick reads no line statistics (and exact mode cannot)

        def count_lines(paths: list[str]) -> dict[str, int | None]:
            cache = history.line_counts  # blob ids never change meaning: counted once
            cache.update(
                (k, v)
                for k, v in repo.count_lines([tree[p][0] for p in paths if tree[p][0] not in cache]).items()
                if v is not None
            )
            current = {tree[p][0] for p in paths}
            for oid in [o for o in cache if o not in current]:
                del cache[oid]
            return {p: cache.get(tree[p][0]) for p in paths}

        line_counter = count_lines

    offboarding = simulate_offboarding(authors_by_path, sides, line_counter=line_counter)
    leavers, gone = _leavers(history, groups, owner, authors_by_path, options, warnings, line_counter)
    kmap = knowledge_map(authors_by_path, sides, line_counter)
    records = {p: history.files[k] for p in counted if (k := history.path_key.get(p)) is not None}
    # who inside could take over: the files nobody inside knows, of the chosen leavers' when some
    # are chosen (their hand-over list), else all of them (the partner's leaving)
    taken = [
        p
        for p, authors in authors_by_path.items()
        if orphaned_if_left(authors, sides) and (leavers is None or not gone.isdisjoint(authors))
    ]
    successors = successors_of(
        taken,
        authors_by_path,
        records,
        owner,
        ignored,
        [g.index for g in groups if g.side is Side.INTERNAL and not g.bot],
        [g.id for g in groups],
        reviews=merge_reviews(trailer_reviews(records, owner, ignored), review_counts(reviewed)),
        today=history.last_day,
        commit_days=history.commit_days,
    )
    step(3)

    plan_obj = options.plan or DependencyPlan()
    trajectory, forecast = internal_trajectory(
        history,
        owner,
        sides,
        ignored,
        options.files.counts,
        kind=options.period,
        start=options.start,
        plan=plan_obj,
        lines_known=history.mode == "full",
        filter_key=repr(options.files),
    )
    if options.start is None:
        warnings.append("no engagement start date: periods and plan counted from the first commit")
    step(4)

    identities = _summaries(history, groups, owner, authors_by_path, options.files)
    memo.keep_counts(history, options.files)
    step(ANALYSIS_STEPS)
    ownership: list[LineOwnership] | None = None
    if options.blame:
        ownership = _ownership(repo, head, counted, groups, owner, history, mailmap, options, progress)
    return ScanResult(
        repo=printable(str(repo.path)),
        rev=options.rev,
        head=head,
        commits=history.commits + history.merges,
        merges=history.merges,
        identities=[i for i in identities if not i.bot],
        bots=[i for i in identities if i.bot],
        truck_factor=truck,
        offboarding=offboarding,
        trajectory=trajectory,
        period=options.period,
        plan=plan_obj.as_text(),
        forecast=forecast,
        ownership=ownership,
        folders=folders,
        knowledge_map=kmap,
        leavers=leavers,
        tail_risk=memo.tail_risk(history, authors_by_path, sides),
        successors=successors,
        warnings=warnings,
        mode=cast(ScanMode, history.mode),
        knowledge_model=options.knowledge_model,
        knowledge_half_life_days=options.knowledge_half_life_days if options.knowledge_model == "recency" else None,
    )


def _leavers(
    history: History,
    groups: Sequence[IdentityGroup],
    owner: Sequence[int],
    authors_by_path: Mapping[str, Collection[int]],
    options: ScanOptions,
    warnings: list[str],
    line_counter: Callable[[list[str]], dict[str, int | None]] | None,
) -> tuple[Offboarding | None, frozenset[int]]:
    """The off-boarding of the chosen leavers (``options.leaves``, ``inactive_days``, ``gone_after``),
    and their identities (none when nobody is chosen)."""
    if not options.leaves and options.inactive_days is None and options.gone_after is None:
        return None, frozenset()
    last: dict[int, int] = {}
    for (person, day), _n in history.commit_days.items():
        ident = owner[person]
        last[ident] = max(last.get(ident, day), day)
    people = [Person(g.id, g.names, g.emails, g.side, None if g.bot else last.get(g.index)) for g in groups]
    chosen = choose_leavers(people, options.leaves, options.inactive_days, options.gone_after)
    if chosen is None:
        return None, frozenset()
    if chosen.unknown:
        warnings.append(f"no identity matches the leavers {', '.join(chosen.unknown)}")
    off = simulate_offboarding(
        authors_by_path,
        [g.side for g in groups],
        line_counter=line_counter,
        people=set(chosen.people),
        names=[groups[i].id for i in chosen.people],
        rule=chosen.rule,
    )
    return off, frozenset(chosen.people)


@functools.cache
def _summary_list() -> TypeAdapter[list[IdentitySummary]]:
    return TypeAdapter(list[IdentitySummary])


def _summaries(
    history: History,
    groups: Sequence[IdentityGroup],
    owner: Sequence[int],
    authors_by_path: Mapping[str, Collection[int]],
    files: FileFilter,
) -> list[IdentitySummary]:
    commits = [0] * len(groups)
    authored = [0] * len(groups)
    for (person, _day), count in history.commit_days.items():
        commits[owner[person]] += count
    person_added, person_deleted = memo.person_sums(history, files)
    added = memo.by_identity(person_added, owner, len(groups))
    deleted = memo.by_identity(person_deleted, owner, len(groups))
    for authors in authors_by_path.values():
        for ident in authors:
            authored[ident] += 1
    rows = [
        {
            "id": g.id,
            "names": g.names,
            "emails": g.emails,
            "side": g.side,
            "commits": commits[g.index],
            "lines_added": added[g.index],
            "lines_deleted": deleted[g.index],
            "files_authored": authored[g.index],
            "bot": g.bot,
            "kind": g.kind,
        }
        for g in groups
        if commits[g.index]  # people only credited by trailers (reviewers, co-authors) commit nothing
    ]
    out = _summary_list().validate_python(rows)  # in one call: thousands of people on a long history
    out.sort(key=lambda s: (-s.files_authored, -s.commits, s.id))
    return out


def _ownership(
    repo: GitRepo,
    head: str,
    counted: Sequence[str],
    groups: Sequence[IdentityGroup],
    owner: Sequence[int],
    history: History,
    mailmap: Mailmap,
    options: ScanOptions,
    progress: Progress | None,
) -> list[LineOwnership]:
    wanted = set(counted)
    paths = [p for p in blame_mod.text_files(repo, head) if p in wanted]
    report: Callable[[int, int], None] | None = None
    if progress is not None:
        stage = progress

        def report(done: int, total: int) -> None:
            stage("blame", done, total)

    counts = blame_mod.blame_lines(repo, head, paths, flags=options.blame_flags, jobs=options.jobs, progress=report)
    # the raw authors of the history, then their forms under the revision's mailmap
    lookup: dict[tuple[str, str], int] = {}
    by_email: dict[str, int] = {}
    for person, (name, email) in enumerate(history.people):
        for known_name, known_email in ((name, email), mailmap.map(name, email)):
            lookup.setdefault((known_name, known_email.lower()), owner[person])
            by_email.setdefault(known_email.lower(), owner[person])
    lines = [0] * len(groups)
    strangers: Counter[tuple[str, str]] = Counter()  # only merges of theirs survive: conflict resolutions
    for (name, email), count in counts.items():
        mapped_name, mapped_email = mailmap.map(name, email)
        ident = lookup.get((name, email.lower()), lookup.get((mapped_name, mapped_email.lower())))
        if ident is None:
            ident = by_email.get(email.lower(), by_email.get(mapped_email.lower()))
        if ident is None:
            strangers[(name, email)] += count
        else:
            lines[ident] += count
    rows = [
        LineOwnership(identity=g.id, side=g.side, lines=lines[g.index]) for g in groups if lines[g.index] and not g.bot
    ]
    if strangers:
        people = list(strangers)
        extra, extra_owner = merge_identities(
            people,
            [0] * len(people),
            mailmap=mailmap,
            aliases=options.aliases,
            rules=options.rules,
            bots=None if options.include_bots else bot_matcher(options.bot_patterns),
            heuristics=options.heuristics,
        )
        taken = {g.id for g in groups}
        extra_lines = [0] * len(extra)
        for i, who in enumerate(people):
            extra_lines[extra_owner[i]] += strangers[who]
        for group in extra:
            label, n = group.id, 2
            while label in taken:
                label, n = f"{group.id}#{n}", n + 1
            taken.add(label)
            if not group.bot:
                rows.append(LineOwnership(identity=label, side=group.side, lines=extra_lines[group.index]))
    rows.sort(key=lambda r: (-r.lines, r.identity))
    return rows
