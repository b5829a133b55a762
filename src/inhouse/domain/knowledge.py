"""Who knows the code: the result of scanning an engagement's git repository.

Pure value types. ``KnowledgeReport.to_dict()`` is the stable ``inhouse scan --json``
shape (keys may be added, never renamed); ``from_dict`` reads a stored one back.

Authorship follows the degree-of-authorship (DOA) model of Avelino, Passos, Hora and
Valente, "A Novel Approach for Estimating Truck Factors", ICPC 2016.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from inhouse.domain.common import Side


def printable(text: str) -> str:
    """A path read from git as raw bytes (non-UTF-8 kept as surrogates) made valid UTF-8 for
    JSON, terminals and databases: undecodable bytes become U+FFFD."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


@dataclass(frozen=True)
class IdentitySummary:
    """One person as git knows them: several names and emails merged, on one side."""

    id: str
    names: tuple[str, ...]
    emails: tuple[str, ...]
    side: Side
    commits: int = 0
    lines_added: int = 0
    lines_deleted: int = 0
    files_authored: int = 0
    bot: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "names": list(self.names),
            "emails": list(self.emails),
            "side": self.side.value,
            "commits": self.commits,
            "lines_added": self.lines_added,
            "lines_deleted": self.lines_deleted,
            "files_authored": self.files_authored,
            "bot": self.bot,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> IdentitySummary:
        return cls(
            d["id"],
            tuple(d["names"]),
            tuple(d["emails"]),
            Side(d["side"]),
            d["commits"],
            d["lines_added"],
            d["lines_deleted"],
            d["files_authored"],
            d.get("bot", False),
        )


@dataclass(frozen=True)
class TruckFactor:
    """How many people must leave before more than half of the files have no author."""

    value: int
    authors: tuple[str, ...] = ()  # identity ids, in the order the greedy algorithm removed them

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "authors": list(self.authors)}


@dataclass(frozen=True)
class DirectoryOrphans:
    path: str
    files: int
    orphaned_files: int
    orphaned_lines: int | None = None
    orphaned: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": printable(self.path),
            "files": self.files,
            "orphaned_files": self.orphaned_files,
            "orphaned_lines": self.orphaned_lines,
            "orphaned": [printable(p) for p in self.orphaned],
        }


@dataclass(frozen=True)
class Offboarding:
    """If every identity of ``side`` left today: files nobody on the internal side authors."""

    side: Side
    files: int
    orphaned_files: int
    orphaned_lines: int | None
    by_directory: tuple[DirectoryOrphans, ...] = ()

    @property
    def orphaned_share(self) -> float:
        return round(self.orphaned_files / self.files, 4) if self.files else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "side": self.side.value,
            "files": self.files,
            "orphaned_files": self.orphaned_files,
            "orphaned_share": self.orphaned_share,
            "orphaned_lines": self.orphaned_lines,
            "by_directory": [d.to_dict() for d in self.by_directory],
        }


@dataclass(frozen=True)
class PeriodShare:
    """The internal share of one period's work, beside the plan."""

    period: str
    start: str  # ISO dates, inclusive
    end: str
    commits: int
    internal_commit_share: float | None
    internal_line_share: float | None
    internal_authorship_share: float | None
    plan_internal_share: float | None

    @property
    def gap(self) -> float | None:
        if self.internal_commit_share is None or self.plan_internal_share is None:
            return None
        return round(self.internal_commit_share - self.plan_internal_share, 4)

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "start": self.start,
            "end": self.end,
            "commits": self.commits,
            "internal_commit_share": self.internal_commit_share,
            "internal_line_share": self.internal_line_share,
            "internal_authorship_share": self.internal_authorship_share,
            "plan_internal_share": self.plan_internal_share,
            "gap": self.gap,
        }


@dataclass(frozen=True)
class Forecast:
    """When the plan's final share is reached if the internal commit share keeps its pace."""

    final_share: float
    current_share: float | None
    pace_per_year: float | None  # change of the share per year (least squares over the periods)
    reached_on: str | None  # ISO date, None when the pace never gets there
    already_reached: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "metric": "internal_commit_share",
            "final_share": self.final_share,
            "current_share": self.current_share,
            "pace_per_year": self.pace_per_year,
            "reached_on": self.reached_on,
            "already_reached": self.already_reached,
        }


@dataclass(frozen=True)
class LineOwnership:
    identity: str
    side: Side
    lines: int

    def to_dict(self) -> dict[str, Any]:
        return {"identity": self.identity, "side": self.side.value, "lines": self.lines}


@dataclass
class KnowledgeReport:
    repo: str
    rev: str
    head: str | None  # the commit id REV resolved to
    commits: int  # every commit reachable from REV, merges included
    merges: int = 0
    identities: list[IdentitySummary] = field(default_factory=list)
    bots: list[IdentitySummary] = field(default_factory=list)
    truck_factor: TruckFactor = field(default_factory=lambda: TruckFactor(0))
    offboarding: Offboarding = field(default_factory=lambda: Offboarding(Side.PARTNER, 0, 0, None))
    trajectory: list[PeriodShare] = field(default_factory=list)
    period: str = "engagement-year"
    plan: str | None = None
    forecast: Forecast | None = None
    ownership: list[LineOwnership] | None = None
    warnings: list[str] = field(default_factory=list)
    mode: str = "full"
    scanned_commits: int = 0  # commits mined by this run (fewer than ``commits`` when incremental)
    incremental: bool = False

    def identity(self, ident: str) -> IdentitySummary | None:
        return next((i for i in self.identities if i.id == ident), None)

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

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "repo": printable(self.repo),
            "rev": self.rev,
            "head": self.head,
            "commits": self.commits,
            "merges": self.merges,
            "mode": self.mode,
            "identities": [i.to_dict() for i in self.identities],
            "bots": [b.to_dict() for b in self.bots],
            "truck_factor": self.truck_factor.to_dict(),
            "offboarding": self.offboarding.to_dict(),
            "period": self.period,
            "plan": self.plan,
            "trajectory": [p.to_dict() for p in self.trajectory],
            "forecast": self.forecast.to_dict() if self.forecast else None,
            "warnings": list(self.warnings),
            "scanned_commits": self.scanned_commits,
            "incremental": self.incremental,
        }
        if self.ownership is not None:
            data["ownership"] = [o.to_dict() for o in self.ownership]
        return data

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> KnowledgeReport:
        off = d["offboarding"]
        forecast = d.get("forecast")
        return cls(
            repo=d["repo"],
            rev=d["rev"],
            head=d.get("head"),
            commits=d["commits"],
            merges=d.get("merges", 0),
            identities=[IdentitySummary.from_dict(i) for i in d["identities"]],
            bots=[IdentitySummary.from_dict(i) for i in d.get("bots", [])],
            truck_factor=TruckFactor(d["truck_factor"]["value"], tuple(d["truck_factor"]["authors"])),
            offboarding=Offboarding(
                Side(off["side"]),
                off["files"],
                off["orphaned_files"],
                off.get("orphaned_lines"),
                tuple(
                    DirectoryOrphans(
                        x["path"],
                        x["files"],
                        x["orphaned_files"],
                        x.get("orphaned_lines"),
                        tuple(x.get("orphaned", ())),
                    )
                    for x in off["by_directory"]
                ),
            ),
            trajectory=[
                PeriodShare(
                    p["period"],
                    p["start"],
                    p["end"],
                    p.get("commits", 0),
                    p["internal_commit_share"],
                    p["internal_line_share"],
                    p["internal_authorship_share"],
                    p["plan_internal_share"],
                )
                for p in d["trajectory"]
            ],
            period=d.get("period", "engagement-year"),
            plan=d.get("plan"),
            forecast=Forecast(
                forecast["final_share"],
                forecast.get("current_share"),
                forecast["pace_per_year"],
                forecast["reached_on"],
                forecast.get("already_reached", False),
            )
            if forecast
            else None,
            ownership=[LineOwnership(o["identity"], Side(o["side"]), o["lines"]) for o in d["ownership"]]
            if d.get("ownership") is not None
            else None,
            warnings=list(d.get("warnings", [])),
            mode=d.get("mode", "full"),
            scanned_commits=d.get("scanned_commits", 0),
            incremental=d.get("incremental", False),
        )
