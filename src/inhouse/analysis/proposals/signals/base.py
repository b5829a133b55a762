"""The shared shape of a signal detector: weigh quotes for and against, then decide.

Each detector scores sentences with small, named cue patterns; the verdict, the
confidence and the quotes all come from the same weights, so every answer can be
explained by pointing at what the partner said.
"""

from __future__ import annotations

import math
import re
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import ClassVar

from inhouse.analysis.proposals.document import ParsedDocument, Unit
from inhouse.domain.partners import SignalResult

Cue = tuple["re.Pattern[str]", float]


def cue(pattern: str, weight: float) -> Cue:
    return re.compile(pattern, re.I), weight


def score(text: str, cues: Iterable[Cue], cap: float | None = None) -> float:
    """Sum of the weights of the cues found in ``text`` (each cue counts once)."""
    total = sum(weight for pattern, weight in cues if pattern.search(text))
    return min(total, cap) if cap is not None else total


@dataclass
class Weighing:
    """Quotes for and against a signal, with their weights."""

    support: list[tuple[float, Unit]] = field(default_factory=list)
    against: list[tuple[float, Unit]] = field(default_factory=list)
    veto: bool = False  # a decisive quote against (e.g. a pilot that converts into a 3-year term)

    def add_for(self, unit: Unit, weight: float) -> None:
        if weight > 0:
            self.support.append((weight, unit))

    def add_against(self, unit: Unit, weight: float) -> None:
        if weight > 0:
            self.against.append((weight, unit))

    @property
    def for_weight(self) -> float:
        return sum(w for w, _ in self.support)

    @property
    def against_weight(self) -> float:
        return sum(w for w, _ in self.against)


def confidence(margin: float, evidence: float) -> float:
    """Grows from 0.5 towards 0.97 with the margin of the quotes that back the verdict."""
    if evidence <= 0:
        return 0.6
    if margin <= 0:
        return 0.55
    return round(min(0.97, 0.5 + 0.47 * math.tanh(margin / 3.0)), 2)


def top_quotes(items: list[tuple[float, Unit]], limit: int = 3) -> tuple[str, ...]:
    ranked = sorted(items, key=lambda item: (-item[0], item[1].index))
    quotes: list[str] = []
    for _, unit in ranked:
        if unit.text not in quotes:
            quotes.append(unit.text)
        if len(quotes) == limit:
            break
    return tuple(quotes)


class SignalDetector(ABC):
    """One playbook signal. Subclasses weigh the document; the base turns that into a result."""

    name: ClassVar[str]

    def detect(self, document: ParsedDocument) -> SignalResult:
        return self.result(self.weigh(document), document)

    def result(self, weighing: Weighing, document: ParsedDocument) -> SignalResult:
        """The verdict, its confidence and its quotes from a weighing of ``document``."""
        value = self.decide(weighing, document)
        margin = weighing.for_weight - weighing.against_weight
        if weighing.veto:  # decisive: the quotes for it do not make the verdict less sure
            margin = -max(weighing.against_weight, 4.0)
        evidence = weighing.for_weight + weighing.against_weight
        return SignalResult(
            value=value,
            confidence=confidence(margin if value else -margin, evidence),
            evidence=top_quotes(weighing.support),
            counter_evidence=top_quotes(weighing.against),
        )

    @abstractmethod
    def weigh(self, document: ParsedDocument) -> Weighing:
        """Collect the weighted quotes for and against the signal."""

    def decide(self, weighing: Weighing, document: ParsedDocument) -> bool:
        if weighing.veto:
            return False
        return weighing.for_weight >= 2.0 and weighing.for_weight > weighing.against_weight
