"""Choosing a partner: what a proposal or a sales call shows, what references say.

The playbook's three signals (problem first, honest limits, starting small) and the
reference questions (similar scale? still running? can we talk to the client?) as
plain values. ``ProposalAssessment.to_dict()`` is the ``--json`` shape of
``inhouse partner assess``; the scorecard that ranks candidates lives in
:mod:`inhouse.domain.scorecard`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from inhouse.errors import InvalidInput

#: The three signals that matter more than technical prowess, in the playbook's order.
SIGNALS: tuple[str, ...] = ("problem_first", "honest_limits", "starts_small")

SIGNAL_QUESTIONS: dict[str, str] = {
    "problem_first": "Do they show interest in your problem first?",
    "honest_limits": "Do they honestly state their limitations?",
    "starts_small": "Do they propose starting small?",
}

#: The overclaim and pressure tactics an assessment flags.
RED_FLAG_KINDS: dict[str, str] = {
    "guaranteed_accuracy": "promises an accuracy figure before seeing your data",
    "no_limits": "claims to have no limits or to do everything",
    "artificial_deadline": "pushes a deadline that only serves the sale",
    "multi_year_discount": "offers a discount for signing a multi-year commitment now",
    "auto_conversion": "a pilot that turns into a long commitment unless you cancel",
}

#: The reference questions, in the playbook's order.
REFERENCE_QUESTIONS: dict[str, str] = {
    "similar_scale": "Was that project similar in scale to ours?",
    "still_running": "Is it still running today?",
    "client_contact_offered": "Can we talk to that client directly?",
}


class Answer(str, enum.Enum):
    """A reference question's answer: yes, no, or not said."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"

    @classmethod
    def parse(cls, value: str | None, what: str = "answer") -> Answer:
        text = str(value if value is not None else "unknown").strip().lower()
        aliases = {"y": "yes", "true": "yes", "n": "no", "false": "no", "?": "unknown", "": "unknown"}
        try:
            return cls(aliases.get(text, text))
        except ValueError:
            raise InvalidInput(f"invalid {what} {value!r}: expected yes, no or unknown") from None

    @property
    def points(self) -> float:
        """How much a reference earns for this answer (unknown earns a little: not refused)."""
        return {"yes": 1.0, "no": 0.0, "unknown": 0.25}[self.value]


@dataclass(frozen=True)
class SignalResult:
    """One signal's verdict with the quotes that support it and those that speak against it."""

    value: bool
    confidence: float
    evidence: tuple[str, ...] = ()
    counter_evidence: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence!r} is not between 0 and 1")

    @property
    def strength(self) -> float:
        """Probability-like degree to which the signal is present (0..1)."""
        return self.confidence if self.value else 1.0 - self.confidence

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "confidence": round(self.confidence, 2),
            "evidence": list(self.evidence),
            "counter_evidence": list(self.counter_evidence),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SignalResult:
        return cls(
            value=bool(data["value"]),
            confidence=float(data["confidence"]),
            evidence=tuple(data.get("evidence", ())),
            counter_evidence=tuple(data.get("counter_evidence", ())),
        )


@dataclass(frozen=True)
class ReferenceFinding:
    """A past project the partner cites, with what the document says about it."""

    similar_scale: Answer = Answer.UNKNOWN
    still_running: Answer = Answer.UNKNOWN
    client_contact_offered: Answer = Answer.UNKNOWN
    evidence: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """A short label for the reference: the start of its first quote."""
        first = self.evidence[0] if self.evidence else "reference"
        return first if len(first) <= 80 else first[:77].rstrip() + "..."

    def to_dict(self) -> dict[str, Any]:
        return {
            "similar_scale": self.similar_scale.value,
            "still_running": self.still_running.value,
            "client_contact_offered": self.client_contact_offered.value,
            "evidence": list(self.evidence),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReferenceFinding:
        return cls(
            similar_scale=Answer.parse(data.get("similar_scale")),
            still_running=Answer.parse(data.get("still_running")),
            client_contact_offered=Answer.parse(data.get("client_contact_offered")),
            evidence=tuple(data.get("evidence", ())),
        )


@dataclass(frozen=True)
class RedFlag:
    kind: str
    evidence: tuple[str, ...]

    @property
    def description(self) -> str:
        return RED_FLAG_KINDS.get(self.kind, self.kind)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "evidence": list(self.evidence)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RedFlag:
        return cls(kind=str(data["kind"]), evidence=tuple(data.get("evidence", ())))


@dataclass(frozen=True)
class SpeakerShare:
    """Who spoke in a transcript or wrote in a thread, on which side, and how much."""

    name: str
    role: str  # partner | client
    words: int
    questions: int

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "words": self.words, "questions": self.questions}


@dataclass(frozen=True)
class ProposalAssessment:
    """What one document (proposal, transcript, email thread) shows about a partner."""

    file: str
    kind: str
    signals: dict[str, SignalResult]
    references: tuple[ReferenceFinding, ...] = ()
    red_flags: tuple[RedFlag, ...] = ()
    speakers: tuple[SpeakerShare, ...] = ()

    def __post_init__(self) -> None:
        missing = [name for name in SIGNALS if name not in self.signals]
        if missing:
            raise ValueError(f"assessment lacks signals: {', '.join(missing)}")

    def to_dict(self) -> dict[str, Any]:
        """The ``--json`` object of ``inhouse partner assess`` for one file."""
        return {
            "file": self.file,
            "kind": self.kind,
            "signals": {name: self.signals[name].to_dict() for name in SIGNALS},
            "references": [ref.to_dict() for ref in self.references],
            "red_flags": [flag.to_dict() for flag in self.red_flags],
        }

    def to_payload(self) -> dict[str, Any]:
        """What is stored as the analysis result: the JSON object plus the speakers."""
        payload = self.to_dict()
        payload["speakers"] = [speaker.to_dict() for speaker in self.speakers]
        return payload

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> ProposalAssessment:
        return cls(
            file=str(data.get("file", "")),
            kind=str(data.get("kind", "other")),
            signals={name: SignalResult.from_dict(data["signals"][name]) for name in SIGNALS},
            references=tuple(ReferenceFinding.from_dict(r) for r in data.get("references", ())),
            red_flags=tuple(RedFlag.from_dict(f) for f in data.get("red_flags", ())),
            speakers=tuple(SpeakerShare(**s) for s in data.get("speakers", ())),
        )

    @property
    def summary(self) -> str:
        shown = [name for name in SIGNALS if self.signals[name].value]
        parts = [f"{len(shown)}/3 signals" + (f" ({', '.join(shown)})" if shown else "")]
        if self.red_flags:
            parts.append("red flags: " + ", ".join(flag.kind for flag in self.red_flags))
        if self.references:
            parts.append(f"{len(self.references)} reference(s)")
        return "; ".join(parts)


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
        name = " ".join(str(self.name).split())
        if not name:
            raise InvalidInput("a reference needs a name (the client or project it is about)")
        if len(name) > 200:
            name = name[:197].rstrip() + "..."
        self.name = name

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

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "partner_id": self.partner_id,
            "name": self.name,
            "similar_scale": self.similar_scale.value,
            "still_running": self.still_running.value,
            "client_contact_offered": self.client_contact_offered.value,
            "source": self.source.value,
            "evidence": list(self.evidence),
            "notes": self.notes,
            "document_id": self.document_id,
            "engagement_id": self.engagement_id,
        }
