"""Who knows the code: the result of scanning an engagement's git repository.

:class:`ScanResult` is the stored scan payload and the stable ``inhouse scan --json`` shape
(keys may be added, never renamed); :class:`StoredScan` adds the engagement and the stored
result's id. :class:`ScanIn` is what a scan is asked to do.

Authorship follows the degree-of-authorship (DOA) model of Avelino, Passos, Hora and
Valente, "A Novel Approach for Estimating Truck Factors", ICPC 2016.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints

from inhouse.domain.common import Side
from inhouse.domain.shapes import MAX_ITEMS, Input, RecordId, Shape, Title, Upload, plain_text

PeriodKind = Literal["month", "quarter", "year", "engagement-year"]
"""The periods a trajectory is cut into (engagement years count from the engagement's start)."""
ScanMode = Literal["full", "quick", "exact"]
"""How the history was mined: with line counts, without them, or reading no blob at all."""

Share = Annotated[float, Field(ge=0.0, le=1.0)]
"""A share of the work between 0 and 1."""
Count = Annotated[int, Field(ge=0)]


def printable(text: str) -> str:
    """A path read from git as raw bytes (non-UTF-8 kept as surrogates) made valid UTF-8 for
    JSON, terminals and databases: undecodable bytes become U+FFFD."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def ratio(part: int, whole: int) -> float | None:
    """``part / whole`` to four places, None when there is no whole."""
    return round(part / whole, 4) if whole else None


IdentityKind = Literal["person", "bot", "agent"]
"""Who an identity is: a person, a CI or maintenance bot, or an AI coding agent (both of the
latter are ``bot`` and hold no knowledge)."""


def _a_person(kind: str) -> bool:
    return kind == "person"  # left out so payloads stored before kinds existed read back unchanged


class IdentitySummary(Shape):
    """One person as git knows them: several names and emails merged, on one side."""

    id: str
    names: tuple[str, ...]
    emails: tuple[str, ...]
    side: Side
    commits: Count = 0
    lines_added: Count = 0
    lines_deleted: Count = 0
    files_authored: Count = 0
    bot: bool = False  # a bot or an agent: set apart, holds no knowledge
    kind: IdentityKind = Field(default="person", exclude_if=_a_person)  # written for bots and agents only


class TruckFactor(Shape):
    """How many people must leave before more than half of the files have no author."""

    value: Count = 0
    authors: tuple[str, ...] = ()  # identity ids, in the order the greedy algorithm removed them


class DirectoryOrphans(Shape):
    """One directory's files that nobody inside authors if the partner left."""

    path: str
    files: Count
    orphaned_files: Count
    orphaned_lines: Count | None = None
    orphaned: tuple[str, ...] = ()


class Offboarding(Shape):
    """If every identity of ``side`` left today: files nobody on the internal side authors."""

    side: Side = Side.PARTNER
    files: Count = 0
    orphaned_files: Count = 0
    orphaned_share: Share = 0.0
    orphaned_lines: Count | None = None
    by_directory: tuple[DirectoryOrphans, ...] = ()
    # the orphaned files split: known by nobody left, or only outside by people who stay (a third
    # organisation, side other; with chosen leavers also partner people who stay); None before the split
    unknown_files: Count | None = Field(default=None, exclude_if=lambda v: v is None)
    other_only_files: Count | None = Field(default=None, exclude_if=lambda v: v is None)
    # chosen leavers instead of the whole side: their identity ids, and how they were chosen
    people: tuple[str, ...] = Field(default=(), exclude_if=lambda v: not v)
    rule: str | None = Field(default=None, exclude_if=lambda v: v is None)


def _unset(value: object) -> bool:
    """A trajectory key added later left out of the JSON at its default, so that payloads stored
    before it read back and write out unchanged (0.0 is a share, not unset)."""
    return value is None or value is False or (type(value) is int and value == 0)


class PeriodShare(Shape):
    """The internal share of one period's work, beside the plan."""

    period: str
    start: date  # inclusive
    end: date  # inclusive
    commits: Count = 0
    internal_commit_share: Share | None
    internal_line_share: Share | None
    internal_authorship_share: Share | None
    plan_internal_share: Share | None
    gap: float | None = None  # plan measure minus plan, when both are known (file share; commit share before)
    # the plan measure: files known inside (= authorship share); then the period's counted file
    # changes (file x commit), and whether they are too few to move the chart or the forecast
    internal_file_share: Share | None = Field(default=None, exclude_if=_unset)
    changes: Count = Field(default=0, exclude_if=_unset)
    low_activity: bool = Field(default=False, exclude_if=_unset)

    @staticmethod
    def gap_of(share: float | None, plan: float | None) -> float | None:
        return None if share is None or plan is None else round(share - plan, 4)


class Forecast(Shape):
    """When the plan's final share is reached if the plan measure (``metric``) keeps its pace."""

    metric: Literal["internal_commit_share", "internal_file_share"] = "internal_commit_share"
    final_share: Share
    current_share: Share | None = None
    pace_per_year: float | None = None  # change of the share per year (least squares over the periods)
    reached_on: date | None = None  # None when the pace never gets there
    already_reached: bool = False
    # the standard error of the weighted slope (three periods or more); the day ``current_share``
    # stands for (its period's midpoint); the dates at pace + and - one standard error (latest
    # None: may never be); the periods the line is fitted through (low-activity ones left out)
    pace_stderr: float | None = Field(default=None, exclude_if=_unset)
    current_on: date | None = Field(default=None, exclude_if=_unset)
    earliest_on: date | None = Field(default=None, exclude_if=_unset)
    latest_on: date | None = Field(default=None, exclude_if=_unset)
    periods_used: Count = Field(default=0, exclude_if=_unset)


class LineOwnership(Shape):
    """Surviving lines at the scanned revision credited to one identity (git blame)."""

    identity: str
    side: Side
    lines: Count


class FolderRisk(Shape):
    """One folder's risk (its whole subtree): its truck factor, and its files nobody inside
    authors if the partner left (``analysis/git/folders.py``)."""

    path: str
    files: Count  # counted files at REV under the folder
    truck_factor: Count = 0
    authors: tuple[str, ...] = ()  # identity ids, in the order the greedy algorithm removed them
    orphaned_files: Count = 0
    orphaned_share: Share = 0.0


Holder = Literal["internal", "partner", "both", "other", "nobody"]
"""Who holds a file's knowledge: its DOA authors are internal, partner, both, only a third
organisation (``other``), or none at all."""


class MapFile(Shape):
    path: str
    size: Count  # lines at REV (1 per file when lines are not read)
    holder: Holder


class KnowledgeMap(Shape):
    """The counted files for the knowledge map (a treemap), the largest first, at most a few
    thousand: ``left_out`` smaller files are not kept, ``left_out_size`` their size."""

    measure: Literal["lines", "files"] = "lines"
    files: list[MapFile] = Field(default_factory=list)
    left_out: Count = 0
    left_out_size: Count = 0


class TailRisk(Shape):
    """Files lost as a distribution over partner people leaving, each independently with
    ``leave_probability`` (Rigby et al., ICSE 2016; ``analysis/git/tail_risk.py``)."""

    leave_probability: Share
    files: Count = 0  # counted files
    at_stake: Count = 0  # files no internal person authors and some partner person does
    partner_people: Count = 0  # partner people authoring them
    method: Literal["exact", "monte-carlo"] = "exact"
    samples: Count = 0  # Monte Carlo draws (0: every subset weighed exactly)
    expected: float = 0.0  # expected files lost
    p95: Count = 0  # 95th percentile of the files lost
    expected_shortfall: float = 0.0  # mean files lost over the worst 5% of outcomes
    over_3x_expected: Share = 0.0  # chance of losing more than 3x the expected files


class Successor(Shape):
    identity: str
    score: float  # related knowledge (analysis/git/successors.py): the higher, the better placed


class FileSuccessors(Shape):
    """An orphaned file (no internal author if the partner left) and the internal people best
    placed to take it over, best first."""

    path: str
    successors: tuple[Successor, ...] = ()


def _no_ownership(value: list[LineOwnership] | None) -> bool:
    return value is None


class ScanResult(Shape):
    """One scan of a repository: the stored payload of kind ``scan`` and ``inhouse scan --json``."""

    repo: str
    rev: str
    head: str | None = None  # the commit id REV resolved to
    commits: Count = 0  # every commit reachable from REV, merges included
    merges: Count = 0
    mode: ScanMode = "full"
    identities: list[IdentitySummary] = Field(default_factory=list)
    bots: list[IdentitySummary] = Field(default_factory=list)
    truck_factor: TruckFactor = Field(default_factory=TruckFactor)
    offboarding: Offboarding = Field(default_factory=Offboarding)
    period: PeriodKind = "engagement-year"
    plan: str | None = None
    trajectory: list[PeriodShare] = Field(default_factory=list)
    forecast: Forecast | None = None
    warnings: list[str] = Field(default_factory=list)
    scanned_commits: Count = 0  # commits mined by this run (fewer than ``commits`` when incremental)
    incremental: bool = False
    ownership: list[LineOwnership] | None = Field(default=None, exclude_if=_no_ownership)  # only with blame
    folders: list[FolderRisk] = Field(default_factory=list, exclude_if=lambda v: not v)  # per-folder risk
    knowledge_map: KnowledgeMap | None = Field(default=None, exclude_if=lambda v: v is None)
    leavers: Offboarding | None = Field(default=None, exclude_if=lambda v: v is None)  # chosen leavers
    tail_risk: TailRisk | None = Field(default=None, exclude_if=lambda v: v is None)
    successors: list[FileSuccessors] = Field(default_factory=list, exclude_if=lambda v: not v)  # orphaned files
    # the model the truck factor and off-boarding were computed under (docs/knowledge-models.md)
    knowledge_model: Literal["avelino2016", "recency"] = "avelino2016"
    knowledge_half_life_days: float | None = None  # the recency model's half-life

    @property
    def latest(self) -> PeriodShare | None:
        with_work = [p for p in self.trajectory if p.commits]
        return with_work[-1] if with_work else None

    def summary(self) -> str:
        latest = self.latest
        share = (
            "n/a" if latest is None or latest.internal_commit_share is None else f"{latest.internal_commit_share:.0%}"
        )
        plan = (
            "" if latest is None or latest.plan_internal_share is None else f" (plan {latest.plan_internal_share:.0%})"
        )
        return (
            f"truck factor {self.truck_factor.value}; "
            f"{self.offboarding.orphaned_share:.0%} of files orphaned if the partner left; "
            f"internal share {share}{plan}"
        )


class StoredScan(ScanResult):
    """A scan as the scan service answers it: the result, its engagement and the stored row's id."""

    engagement: str | None = None
    result_id: RecordId


class ScanSummary(Shape):
    """The latest scan of an engagement in a few figures (``inhouse engagement show``)."""

    repo: str
    head: str | None
    commits: Count
    scanned_at: datetime | None  # to the second
    truck_factor: Count
    truck_factor_authors: list[str]
    files: Count
    orphaned_files: Count
    orphaned_share: Share
    period: str | None
    internal_share: Share | None
    plan_internal_share: Share | None
    gap: float | None
    plan_reached_on: date | None
    internal_file_share: Share | None = None  # the plan measure the gap is on (None in scans stored before)


LocalPath = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4096), AfterValidator(plain_text)
]
"""A folder on this machine (a repository is on disk)."""
Domain = Annotated[str, Field(min_length=1, max_length=253)]
Pattern = Annotated[str, Field(min_length=1, max_length=1000)]


Leaver = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000), AfterValidator(plain_text)
]
"""An identity id, email or name, as kept with a job (so storable text: no NUL, no lone surrogate)."""


class LeaversIn(Shape):
    """Whom a background scan simulates leaving (as ``ScanIn``'s fields of the same names): people by
    identity id, email or name, the partner people inactive for ``inactive_days`` before the last
    commit, and those with no commit after ``gone_after``. Kept with the scan's job."""

    leaves: list[Leaver] = Field(default_factory=list, max_length=MAX_ITEMS)
    inactive_days: Annotated[int, Field(ge=0, le=36500)] | None = None
    gone_after: date | None = None

    @property
    def chosen(self) -> bool:
        return bool(self.leaves) or self.inactive_days is not None or self.gone_after is not None


class ScanIn(Input):
    """What to scan and how: the repository on disk, the revision, sides, aliases, bots, files."""

    repository: LocalPath  # the folder of a local repository (working copy or bare)
    rev: Title | None = None  # default: the linked repository's, else HEAD
    quick: bool = False  # no line statistics: authorship, truck factor and commit shares only
    blame: bool = False  # also count surviving lines per identity at REV
    blame_ignore_whitespace: bool = False  # git blame -w
    blame_moves: bool = False  # git blame -M: lines moved within a file keep their author
    blame_copies: bool = False  # git blame -C: lines moved or copied from other files keep theirs
    period: PeriodKind = "engagement-year"
    internal_domains: list[Domain] = Field(default_factory=list, max_length=MAX_ITEMS)
    partner_domains: list[Domain] = Field(default_factory=list, max_length=MAX_ITEMS)
    org_map: Upload | None = None  # 'pattern,side' lines or JSON {side: [patterns]}
    aliases: list[Pattern] = Field(default_factory=list, max_length=MAX_ITEMS)
    bots: list[Pattern] | None = Field(default=None, max_length=MAX_ITEMS)  # None: the default patterns
    include_bots: bool = False
    exclude: list[Pattern] = Field(default_factory=list, max_length=MAX_ITEMS)
    include: list[Pattern] = Field(default_factory=list, max_length=MAX_ITEMS)
    count_docs: bool = False
    count_vendored: bool = False
    count_generated: bool = False
    jobs: Annotated[int, Field(ge=1, le=256)] | None = None  # parallel git processes; default: the CPU count
    leaves: list[Pattern] = Field(default_factory=list, max_length=MAX_ITEMS)  # chosen leavers: ids, emails, names
    inactive_days: Annotated[int, Field(ge=0, le=36500)] | None = None  # ... and partner people inactive this long
    gone_after: date | None = None  # ... and partner people with no commit after this day (their contract's end)

    def blame_flags(self) -> tuple[str, ...]:
        """The git blame options asked for (none without ``blame``)."""
        if not self.blame:
            return ()
        asked = (self.blame_ignore_whitespace, self.blame_moves, self.blame_copies)
        return tuple(flag for flag, on in zip(("-w", "-M", "-C"), asked, strict=True) if on)
