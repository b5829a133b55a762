"""The dependency plan: the internal share of the work the client aims for, year by year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from inhouse.errors import InvalidInput

#: The playbook's plan: partner 70% -> 40% -> 10%, i.e. internal 30% -> 60% -> 90%.
PLAYBOOK_INTERNAL_SHARES: tuple[float, ...] = (0.30, 0.60, 0.90)


@dataclass(frozen=True)
class DependencyPlan:
    """Target internal share for engagement year 1, 2, 3...; the last target holds afterwards."""

    internal_shares: tuple[float, ...] = PLAYBOOK_INTERNAL_SHARES

    def __post_init__(self) -> None:
        if not self.internal_shares:
            raise InvalidInput("a dependency plan needs at least one yearly target")
        for share in self.internal_shares:
            if not 0.0 <= share <= 1.0:
                raise InvalidInput(f"plan share {share!r} is not between 0 and 1 (or 0% and 100%)")
        if any(b < a for a, b in zip(self.internal_shares, self.internal_shares[1:], strict=False)):
            raise InvalidInput("a dependency plan's internal share must not fall from one year to the next")

    @classmethod
    def parse(cls, text: str) -> DependencyPlan:
        """Parse ``"30,60,90"`` or ``"0.3,0.6,0.9"`` or ``"30%,60%,90%"``."""
        parts = [p.strip().rstrip("%") for p in text.split(",") if p.strip()]
        if not parts:
            raise InvalidInput("empty dependency plan: give yearly internal shares such as 30,60,90")
        try:
            values = [float(p) for p in parts]
        except ValueError:
            raise InvalidInput(f"invalid dependency plan {text!r}: expected numbers such as 30,60,90") from None
        if any(v > 1.0 for v in values):
            values = [v / 100.0 for v in values]
        return cls(tuple(round(v, 4) for v in values))

    @property
    def final_share(self) -> float:
        return self.internal_shares[-1]

    def target_for_year(self, year: int) -> float:
        """Target internal share in engagement year ``year`` (1-based)."""
        if year < 1:
            return 0.0
        return self.internal_shares[min(year, len(self.internal_shares)) - 1]

    def target_on(self, day: date, start: date) -> float:
        return self.target_for_year(engagement_year(day, start))

    def as_text(self) -> str:
        return " -> ".join(f"{round(s * 100)}%" for s in self.internal_shares)


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def engagement_year(day: date, start: date) -> int:
    """1 for the first year from ``start``, 2 for the second...; 0 before the start."""
    if day < start:
        return 0
    year = day.year - start.year
    if add_years(start, year) > day:
        year -= 1
    return year + 1
