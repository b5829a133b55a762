"""What changed between two versions of a partner's proposal: the three signals' verdicts with their
quotes, the references the proposal states, the red flags and the overall assessment. Pure:
:func:`diff_assessments` compares two stored :class:`ProposalAssessment` payloads.

Each of the three signals is always listed (``changed``: its verdict differs); a reference is matched
by its label (the start of its first quote), a red flag by its kind. ``same``: no verdict, reference
or red flag changed (confidences and quotes may still differ).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from inhouse.domain.partners import (
    SIGNAL_QUESTIONS,
    SIGNALS,
    Confidence,
    ProposalAssessment,
    RedFlagKind,
    ReferenceFinding,
    SignalName,
)
from inhouse.domain.shapes import Shape, Timestamp
from inhouse.domain.versions import DocumentVersion

SIGNAL_LABELS: dict[SignalName, str] = {
    "problem_first": "Problem first",
    "honest_limits": "Honest limits",
    "starts_small": "Starts small",
}


class ProposalSide(Shape):
    """One side of the comparison: which version, who uploaded it, and its overall assessment."""

    version: int
    document_id: int
    name: str
    uploaded_by: str
    uploaded_at: Timestamp | None
    summary: str = Field(description="The overall assessment in one line: signals shown, red flags, references")
    signals_shown: int = Field(ge=0, le=3)
    references: int = Field(ge=0, description="References the version states")
    red_flags: int = Field(ge=0)


class SignalChange(Shape):
    """One of the three signals on both sides: its verdict, how sure, and the quotes behind it."""

    signal: SignalName
    label: str
    question: str
    changed: bool = Field(description="Whether the verdict differs")
    value_before: bool
    value_after: bool
    confidence_before: Confidence
    confidence_after: Confidence
    evidence_before: tuple[str, ...] = ()
    evidence_after: tuple[str, ...] = ()
    counter_evidence_before: tuple[str, ...] = ()
    counter_evidence_after: tuple[str, ...] = ()


class ReferenceChange(Shape):
    """A reference the proposal states that appeared, disappeared, or whose answers changed."""

    name: str
    change: Literal["added", "removed", "answers"]
    before: ReferenceFinding | None
    after: ReferenceFinding | None


class ProposalFlagChange(Shape):
    """An overclaim or pressure red flag that appeared or disappeared, with the partner's words."""

    kind: RedFlagKind
    change: Literal["added", "removed"]
    evidence_before: tuple[str, ...] = ()
    evidence_after: tuple[str, ...] = ()


class ProposalDiff(Shape):
    """``before`` against ``after``: the ``--json`` object of ``inhouse proposal diff``, the API's and
    the partners page's."""

    partner: str
    engagement: str | None = Field(description="The engagement the proposal is for (None: no engagement named)")
    before: ProposalSide
    after: ProposalSide
    signals_change: int = Field(description="Signals shown after minus before")
    signals: list[SignalChange]
    references: list[ReferenceChange]
    red_flags: list[ProposalFlagChange]
    same: bool


def side(version: DocumentVersion, assessment: ProposalAssessment) -> ProposalSide:
    """``version`` with its assessment's overall figures."""
    return ProposalSide(
        version=version.version,
        document_id=version.document_id,
        name=version.name,
        uploaded_by=version.uploaded_by,
        uploaded_at=version.uploaded_at,
        summary=assessment.summary,
        signals_shown=sum(1 for name in SIGNALS if assessment.signals[name].value),
        references=len(assessment.references),
        red_flags=len(assessment.red_flags),
    )


def _references(before: ProposalAssessment, after: ProposalAssessment) -> list[ReferenceChange]:
    old = {r.name: r for r in before.references}
    new = {r.name: r for r in after.references}
    out = []
    for name in dict.fromkeys([*old, *new]):
        was, now = old.get(name), new.get(name)
        if was is not None and now is not None:
            if (was.similar_scale, was.still_running, was.client_contact_offered) == (
                now.similar_scale,
                now.still_running,
                now.client_contact_offered,
            ):
                continue
            out.append(ReferenceChange(name=name, change="answers", before=was, after=now))
        else:
            out.append(ReferenceChange(name=name, change="added" if was is None else "removed", before=was, after=now))
    return out


def diff_assessments(
    before: ProposalAssessment,
    after: ProposalAssessment,
    side_before: ProposalSide,
    side_after: ProposalSide,
    partner: str,
    engagement: str | None = None,
) -> ProposalDiff:
    """What changed from ``before`` (version ``side_before``) to ``after``."""
    signals = []
    for name in SIGNALS:
        old, new = before.signals[name], after.signals[name]
        signals.append(
            SignalChange(
                signal=name,
                label=SIGNAL_LABELS[name],
                question=SIGNAL_QUESTIONS[name],
                changed=old.value != new.value,
                value_before=old.value,
                value_after=new.value,
                confidence_before=old.confidence,
                confidence_after=new.confidence,
                evidence_before=old.evidence,
                evidence_after=new.evidence,
                counter_evidence_before=old.counter_evidence,
                counter_evidence_after=new.counter_evidence,
            )
        )
    old_flags = {f.kind: f for f in before.red_flags}
    new_flags = {f.kind: f for f in after.red_flags}
    flags = [
        ProposalFlagChange(
            kind=kind,
            change="added" if kind not in old_flags else "removed",
            evidence_before=old_flags[kind].evidence if kind in old_flags else (),
            evidence_after=new_flags[kind].evidence if kind in new_flags else (),
        )
        for kind in dict.fromkeys([*old_flags, *new_flags])
        if (kind in old_flags) != (kind in new_flags)
    ]
    references = _references(before, after)
    return ProposalDiff(
        partner=partner,
        engagement=engagement,
        before=side_before,
        after=side_after,
        signals_change=side_after.signals_shown - side_before.signals_shown,
        signals=signals,
        references=references,
        red_flags=flags,
        same=not (any(s.changed for s in signals) or references or flags),
    )
