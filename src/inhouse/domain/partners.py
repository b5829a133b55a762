"""Choosing a partner: what a proposal or a sales call shows, what references say.

The playbook's three signals (problem first, honest limits, starting small) and the
reference questions (similar scale? still running? can we talk to the client?).
:class:`ProposalAssessment` is the ``--json`` object of ``inhouse partner assess`` for one
file; :class:`ProposalAnalysis` adds who spoke and is what the analyzer returns and what is
stored. The scorecard that ranks candidates lives in :mod:`inhouse.domain.scorecard`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePath
from typing import Annotated, Any, Literal, get_args

from pydantic import BeforeValidator, ConfigDict, Field, PlainSerializer, field_validator
from pydantic_core import PydanticCustomError

from inhouse.domain.shapes import Input, Name, OptionalBody, Shape

SignalName = Literal["problem_first", "honest_limits", "starts_small"]
"""The three signals that matter more than technical prowess."""

#: The three signals, in the playbook's order.
SIGNALS: tuple[SignalName, ...] = get_args(SignalName)

SIGNAL_QUESTIONS: dict[str, str] = {
    "problem_first": "Do they show interest in your problem first?",
    "honest_limits": "Do they honestly state their limitations?",
    "starts_small": "Do they propose starting small?",
}

RedFlagKind = Literal[
    "guaranteed_accuracy", "no_limits", "artificial_deadline", "multi_year_discount", "auto_conversion"
]
"""The overclaim and pressure tactics an assessment flags."""

RED_FLAG_KINDS: dict[str, str] = {
    "guaranteed_accuracy": "promises an accuracy figure before seeing your data",
    "no_limits": "claims to have no limits or to do everything",
    "artificial_deadline": "pushes a deadline that only serves the sale",
    "multi_year_discount": "offers a discount for signing a multi-year commitment now",
    "auto_conversion": "a pilot that turns into a long commitment unless you cancel",
}

ProposalKind = Literal["proposal", "transcript", "email", "other"]
"""What a document from a partner is."""


class Answer(str, enum.Enum):
    """A reference question's answer: yes, no, or not said."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"

    @property
    def points(self) -> float:
        """How much a reference earns for this answer (unknown earns a little: not refused)."""
        return {"yes": 1.0, "no": 0.0, "unknown": 0.25}[self.value]


_ALIASES = {"y": "yes", "true": "yes", "n": "no", "false": "no", "?": "unknown", "": "unknown"}


def _answer(value: object) -> Answer:
    if isinstance(value, Answer):
        return value
    text = str(value if value is not None else "unknown").strip().lower()
    try:
        return Answer(_ALIASES.get(text, text))
    except ValueError:
        raise PydanticCustomError("answer", "must be yes, no or unknown") from None


AnswerField = Annotated[Answer, BeforeValidator(_answer)]
"""An answer as a user gives it: yes, no or unknown (also y/n, true/false, ?)."""

Confidence = Annotated[float, Field(ge=0.0, le=1.0), PlainSerializer(lambda v: round(v, 2), when_used="json")]
"""How sure a verdict is, 0..1 (two decimals in JSON)."""


def _plain_name(value: object) -> object:
    """A document's own name (older payloads kept the folder it was read from)."""
    return PurePath(value).name if isinstance(value, str) and value else value


class SignalResult(Shape):
    """One signal's verdict with the quotes that support it and those that speak against it."""

    model_config = ConfigDict(frozen=True)

    value: bool
    confidence: Confidence
    evidence: tuple[str, ...] = ()
    counter_evidence: tuple[str, ...] = ()

    @property
    def strength(self) -> float:
        """Probability-like degree to which the signal is present (0..1)."""
        return self.confidence if self.value else 1.0 - self.confidence


class ReferenceFinding(Shape):
    """A past project the partner cites, with what the document says about it."""

    model_config = ConfigDict(frozen=True)

    similar_scale: Answer = Answer.UNKNOWN
    still_running: Answer = Answer.UNKNOWN
    client_contact_offered: Answer = Answer.UNKNOWN
    evidence: tuple[str, ...] = ()
    #: the past client as the text names or describes it ("Lakemont Surgical Partners", "a large retailer")
    client: str = ""
    #: who said it, in a call or thread (empty in a document with one author)
    said_by: str = ""

    @property
    def name(self) -> str:
        """A short label for the reference: the start of its first quote."""
        first = self.evidence[0] if self.evidence else "reference"
        return first if len(first) <= 80 else first[:77].rstrip() + "..."


class RedFlag(Shape):
    """An overclaim or pressure tactic, with the partner's own words."""

    model_config = ConfigDict(frozen=True)

    kind: RedFlagKind
    evidence: tuple[str, ...]

    @property
    def description(self) -> str:
        return RED_FLAG_KINDS[self.kind]


class SpeakerShare(Shape):
    """Who spoke in a transcript or wrote in a thread, on which side, and how much."""

    model_config = ConfigDict(frozen=True)

    name: str
    role: Literal["partner", "client"]
    words: int = Field(ge=0)
    questions: int = Field(ge=0)


Signals = dict[SignalName, SignalResult]
"""The three signals' verdicts, keyed in the playbook's order."""


class ProposalAssessment(Shape):
    """What one document (proposal, transcript, email thread) shows about a partner: the
    ``--json`` object of ``inhouse partner assess``."""

    model_config = ConfigDict(frozen=True)

    file: Annotated[str, BeforeValidator(_plain_name)] = Field(description="The document's file name")
    kind: ProposalKind
    signals: Signals
    references: tuple[ReferenceFinding, ...] = ()
    red_flags: tuple[RedFlag, ...] = ()

    @field_validator("signals")
    @classmethod
    def _all_three(cls, signals: Signals) -> Signals:
        missing = [name for name in SIGNALS if name not in signals]
        if missing:
            raise ValueError(f"lacks signals: {', '.join(missing)}")
        return {name: signals[name] for name in SIGNALS}

    @property
    def summary(self) -> str:
        shown = [name for name in SIGNALS if self.signals[name].value]
        parts = [f"{len(shown)}/3 signals" + (f" ({', '.join(shown)})" if shown else "")]
        if self.red_flags:
            parts.append("red flags: " + ", ".join(flag.kind for flag in self.red_flags))
        if self.references:
            parts.append(f"{len(self.references)} reference(s)")
        return "; ".join(parts)

    def public(self) -> ProposalAssessment:
        """The ``--json`` object alone (without what a subclass adds)."""
        return ProposalAssessment(
            file=self.file, kind=self.kind, signals=self.signals, references=self.references, red_flags=self.red_flags
        )


class ProposalAnalysis(ProposalAssessment):
    """The assessment with who spoke: what the analyzer returns and what is stored as the
    ``proposal`` analysis result's payload."""

    speakers: tuple[SpeakerShare, ...] = ()


class ReferenceSource(str, enum.Enum):
    MANUAL = "manual"  # entered by hand after calling the reference
    DOCUMENT = "document"  # what the partner's own document claims


@dataclass
class ReferenceCheck:
    """One reference for a candidate partner, checked by hand or claimed in a document."""

    partner_id: int
    name: str
    similar_scale: Answer = Answer.UNKNOWN
    still_running: Answer = Answer.UNKNOWN
    client_contact_offered: Answer = Answer.UNKNOWN
    source: ReferenceSource = ReferenceSource.MANUAL
    evidence: list[str] = field(default_factory=list)
    notes: str = ""
    document_id: int | None = None
    engagement_id: int | None = None
    id: int | None = None
    created_at: datetime | None = None

    def __post_init__(self) -> None:
        name = " ".join(self.name.split())
        self.name = name if len(name) <= 200 else name[:197].rstrip() + "..."

    @property
    def answers(self) -> dict[str, Answer]:
        return {
            "similar_scale": self.similar_scale,
            "still_running": self.still_running,
            "client_contact_offered": self.client_contact_offered,
        }

    @property
    def score(self) -> float:
        """0..1: the mean of the three answers' points."""
        return sum(answer.points for answer in self.answers.values()) / 3

    @classmethod
    def from_finding(cls, partner_id: int, finding: ReferenceFinding, **extra: Any) -> ReferenceCheck:
        return cls(
            partner_id=partner_id,
            name=finding.name,
            similar_scale=finding.similar_scale,
            still_running=finding.still_running,
            client_contact_offered=finding.client_contact_offered,
            source=ReferenceSource.DOCUMENT,
            evidence=list(finding.evidence),
            **extra,
        )


class ReferenceIn(Input):
    """A reference checked by hand: what the client learnt by calling it."""

    name: Name = Field(description="The client or project the reference is about")
    similar_scale: AnswerField = Answer.UNKNOWN
    still_running: AnswerField = Answer.UNKNOWN
    client_contact_offered: AnswerField = Answer.UNKNOWN
    notes: OptionalBody = ""


class ReferenceRecord(Shape):
    """A stored reference check with its partner's name: a row of ``partner reference list --json``."""

    id: int
    partner_id: int
    name: str
    similar_scale: Answer
    still_running: Answer
    client_contact_offered: Answer
    source: ReferenceSource
    evidence: list[str]
    notes: str
    document_id: int | None
    engagement_id: int | None
    partner: str

    @classmethod
    def of(cls, check: ReferenceCheck, partner: str) -> ReferenceRecord:
        assert check.id is not None, "a stored reference has an id"
        return cls(
            id=check.id,
            partner_id=check.partner_id,
            name=check.name,
            similar_scale=check.similar_scale,
            still_running=check.still_running,
            client_contact_offered=check.client_contact_offered,
            source=check.source,
            evidence=list(check.evidence),
            notes=check.notes,
            document_id=check.document_id,
            engagement_id=check.engagement_id,
            partner=partner,
        )


class AssessedDocument(Shape):
    """One document assessed and stored: the assessment, whose it is, where it is kept, who spoke."""

    assessment: ProposalAssessment
    partner: str
    document_id: int
    result_id: int
    speakers: tuple[SpeakerShare, ...]


class StoredAssessment(Shape):
    """A proposal document assessed from what was already stored (e.g. by the demo)."""

    partner: str
    document_id: int
    summary: str
