"""The partner scorecard: weighted criteria, defaulting to the playbook's priorities.

The playbook puts three signals (problem first, honest limits, starting small) and the
reference checks *over* technical skill, so by default each of those weighs twice as
much as technical skill; the absence of overclaim and pressure red flags counts too.
Weights are configurable; a criterion no candidate has any evidence for is left out
(and said so) rather than counted as zero for everybody.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Annotated, Literal, get_args

from pydantic import ConfigDict, Field, PlainSerializer

from inhouse.domain.partners import ProposalAssessment, ReferenceCheck, ReferenceSource, SignalName
from inhouse.domain.shapes import Shape
from inhouse.errors import InvalidInput

CriterionName = Literal["problem_first", "honest_limits", "starts_small", "references", "red_flags", "technical_skill"]
"""The scorecard's criteria."""


def _number(value: float) -> float | int:
    return int(value) if value.is_integer() else value


Weight = Annotated[float, Field(ge=0), PlainSerializer(_number, when_used="json")]
"""A criterion's weight: a finite number ≥ 0 (whole weights print without decimals)."""


def _rounded(digits: int) -> PlainSerializer:
    return PlainSerializer(lambda v: None if v is None else round(v, digits), when_used="json")


class Criterion(Shape):
    """One criterion of the scorecard and how much it weighs."""

    model_config = ConfigDict(frozen=True)

    name: CriterionName
    weight: Weight
    description: str


DEFAULT_CRITERIA: tuple[Criterion, ...] = (
    Criterion(name="problem_first", weight=20, description="shows interest in your problem before its technology"),
    Criterion(name="honest_limits", weight=20, description="states honestly what it is not good at"),
    Criterion(name="starts_small", weight=20, description="proposes a small first step instead of a long commitment"),
    Criterion(name="references", weight=20, description="references of similar scale, still running, reachable"),
    Criterion(
        name="red_flags", weight=10, description="no overclaims (guaranteed accuracy, no limits) and no sales pressure"
    ),
    Criterion(name="technical_skill", weight=10, description="technical skill as rated by you (0-5)"),
)

CRITERION_NAMES: tuple[CriterionName, ...] = get_args(CriterionName)


@dataclass
class CandidateEvidence:
    """Everything known about one candidate: its assessed documents and its references."""

    partner: str
    assessments: list[ProposalAssessment] = field(default_factory=list)
    references: list[ReferenceCheck] = field(default_factory=list)
    technical_skill: float | None = None  # 0..5, rated by hand
    partner_id: int | None = None


class CriterionScore(Shape):
    """How one candidate does on one criterion (``value`` 0..1, None without evidence), and why."""

    model_config = ConfigDict(frozen=True)

    name: CriterionName
    weight: Weight
    value: Annotated[float | None, Field(ge=0, le=1), _rounded(2)]
    reason: str


class RankedCandidate(Shape):
    """One candidate's place in the ranking: its score (0..100), each criterion, the reasons."""

    model_config = ConfigDict(frozen=True)

    rank: int = Field(ge=1)
    partner: str
    score: Annotated[float, Field(ge=0, le=100), _rounded(1)]
    documents: int = Field(ge=0, description="Documents assessed")
    criteria: dict[CriterionName, CriterionScore]
    reasons: tuple[str, ...]


class Comparison(Shape):
    """The candidates ranked on the scorecard: the ``--json`` object of ``inhouse partner compare``."""

    model_config = ConfigDict(frozen=True)

    engagement: str | None = Field(default=None, description="The engagement the candidates are compared for")
    criteria: tuple[Criterion, ...]
    candidates: tuple[RankedCandidate, ...]
    notes: tuple[str, ...] = ()


class Scorecard:
    """Weighted criteria; ``rank`` scores candidates 0-100 and says why."""

    def __init__(self, criteria: Iterable[Criterion] = DEFAULT_CRITERIA) -> None:
        self.criteria = tuple(criteria)
        if not self.criteria or sum(c.weight for c in self.criteria) <= 0:
            raise InvalidInput("the scorecard needs at least one criterion with a positive weight")

    @classmethod
    def with_weights(cls, overrides: Mapping[str, float]) -> Scorecard:
        """The playbook's criteria with some weights replaced (``{"references": 30}``)."""
        unknown = sorted(set(overrides) - set(CRITERION_NAMES))
        if unknown:
            raise InvalidInput(f"unknown criterion {unknown[0]!r}: expected one of {', '.join(CRITERION_NAMES)}")
        for name, weight in overrides.items():
            if not math.isfinite(weight):
                raise InvalidInput(f"weight of {name} must be a finite number")
            if weight < 0:
                raise InvalidInput(f"weight of {name} must not be negative")
        return cls(
            c.model_copy(update={"weight": float(overrides[c.name])}) if c.name in overrides else c
            for c in DEFAULT_CRITERIA
        )

    @staticmethod
    def parse_weights(items: Iterable[str]) -> dict[str, float]:
        """Parse ``["starts_small=30", "technical_skill=0"]`` (``-`` may replace ``_``)."""
        weights: dict[str, float] = {}
        for item in items:
            name, sep, raw = item.partition("=")
            if not sep:
                raise InvalidInput(f"invalid weight {item!r}: expected NAME=NUMBER, e.g. references=30")
            try:
                weights[name.strip().replace("-", "_")] = float(raw)
            except ValueError:
                raise InvalidInput(f"invalid weight {item!r}: {raw!r} is not a number") from None
        return weights

    def evaluate(self, candidate: CandidateEvidence) -> list[CriterionScore]:
        scores = []
        for criterion in self.criteria:
            value, reason = _measure(criterion.name, candidate)
            scores.append(CriterionScore(name=criterion.name, weight=criterion.weight, value=value, reason=reason))
        return scores

    def rank(self, candidates: Iterable[CandidateEvidence]) -> Comparison:
        evaluated = [(c, self.evaluate(c)) for c in candidates]
        notes: list[str] = []
        active = []
        for index, criterion in enumerate(self.criteria):
            if criterion.weight <= 0:
                continue
            if evaluated and all(scores[index].value is None for _, scores in evaluated):
                notes.append(f"{criterion.name} left out: no candidate has evidence for it yet")
                continue
            active.append(index)
        total_weight = sum(self.criteria[i].weight for i in active)
        rows = []
        for candidate, scores in evaluated:
            used = [scores[i] for i in active]
            score = 100.0 * sum(s.weight * (s.value or 0.0) for s in used) / total_weight if total_weight else 0.0
            rows.append((candidate, score, used, _reasons(used)))
        rows.sort(key=lambda row: (-round(row[1], 6), row[0].partner.lower()))
        ranked = tuple(
            RankedCandidate(
                rank=position,
                partner=candidate.partner,
                score=score,
                documents=len(candidate.assessments),
                criteria={s.name: s for s in used},
                reasons=reasons,
            )
            for position, (candidate, score, used, reasons) in enumerate(rows, start=1)
        )
        return Comparison(criteria=tuple(self.criteria[i] for i in active), candidates=ranked, notes=tuple(notes))


def _measure(name: CriterionName, candidate: CandidateEvidence) -> tuple[float | None, str]:
    match name:
        case "problem_first" | "honest_limits" | "starts_small":
            return _signal(name, candidate.assessments)
        case "references":
            return _references(candidate.references)
        case "red_flags":
            return _red_flags(candidate.assessments)
        case "technical_skill":
            if candidate.technical_skill is None:
                return None, "technical skill not rated"
            rating = min(max(candidate.technical_skill, 0.0), 5.0)
            return rating / 5.0, f"technical skill rated {rating:g}/5"


def _signal(name: SignalName, assessments: list[ProposalAssessment]) -> tuple[float | None, str]:
    if not assessments:
        return None, f"{name}: no documents assessed"
    shown = sum(1 for a in assessments if a.signals[name].value)
    value = sum(a.signals[name].strength for a in assessments) / len(assessments)
    return value, f"{name}: shown in {shown} of {len(assessments)} document(s)"


def _references(references: list[ReferenceCheck]) -> tuple[float | None, str]:
    manual = [r for r in references if r.source is ReferenceSource.MANUAL]
    used = manual or references
    if not used:
        return None, "references: none recorded"
    value = sum(r.score for r in used) / len(used)
    counts = {
        key: sum(1 for r in used if r.answers[key].value == "yes")
        for key in ("similar_scale", "still_running", "client_contact_offered")
    }
    origin = "checked by hand" if manual else "claimed in documents, not yet checked"
    return value, (
        f"references: {len(used)} {origin}; similar scale {counts['similar_scale']}, "
        f"still running {counts['still_running']}, contact offered {counts['client_contact_offered']}"
    )


def _red_flags(assessments: list[ProposalAssessment]) -> tuple[float | None, str]:
    if not assessments:
        return None, "red flags: no documents assessed"
    kinds = sorted({flag.kind for a in assessments for flag in a.red_flags})
    if not kinds:
        return 1.0, f"red flags: none in {len(assessments)} document(s)"
    return max(0.0, 1.0 - 0.34 * len(kinds)), "red flags: " + ", ".join(kinds)


def _reasons(scores: Iterable[CriterionScore]) -> tuple[str, ...]:
    """Strengths first (+), then gaps (-), each with its criterion's own explanation."""
    ordered = sorted(scores, key=lambda s: -(s.weight * (s.value or 0.0)))
    strengths = [f"+ {s.reason}" for s in ordered if s.value is not None and s.value >= 0.6]
    gaps = [f"- {s.reason}" for s in reversed(ordered) if s.value is None or s.value < 0.4]
    middling = [f"~ {s.reason}" for s in ordered if s.value is not None and 0.4 <= s.value < 0.6]
    return tuple(strengths + middling + gaps)
