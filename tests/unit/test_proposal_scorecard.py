"""The scorecard: playbook weights by default, configurable, ranking with reasons; result shapes."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from inhouse.domain.partners import (
    SIGNALS,
    Answer,
    ProposalAnalysis,
    ProposalAssessment,
    RedFlag,
    ReferenceCheck,
    ReferenceFinding,
    ReferenceIn,
    ReferenceSource,
    SignalResult,
    SpeakerShare,
)
from inhouse.domain.scorecard import DEFAULT_CRITERIA, CandidateEvidence, Scorecard
from inhouse.domain.shapes import validated
from inhouse.errors import InvalidInput


def assessment(shown: dict[str, bool], flags=()) -> ProposalAssessment:
    return ProposalAssessment(
        file="p.md",
        kind="proposal",
        signals={
            name: SignalResult(value=shown.get(name, False), confidence=0.9, evidence=("q",) if shown.get(name) else ())
            for name in SIGNALS
        },
        red_flags=tuple(RedFlag(kind=kind, evidence=("quote",)) for kind in flags),
    )


def reference(partner_id: int, yes: bool, source=ReferenceSource.MANUAL) -> ReferenceCheck:
    answer = Answer.YES if yes else Answer.NO
    return ReferenceCheck(partner_id, "Ref", answer, answer, answer, source=source)  # a dataclass entity


ALL = {name: True for name in SIGNALS}
NONE: dict[str, bool] = {}


def test_default_weights_put_the_signals_and_references_over_technical_skill():
    weights = {c.name: c.weight for c in DEFAULT_CRITERIA}
    for name in (*SIGNALS, "references"):
        assert weights[name] > weights["technical_skill"]


def test_the_playbook_partner_outranks_the_technically_brilliant_one():
    humble = CandidateEvidence("Humble", [assessment(ALL)], [reference(1, True)], technical_skill=3, partner_id=1)
    brilliant = CandidateEvidence(
        "Brilliant",
        [assessment(NONE, ["guaranteed_accuracy", "no_limits"])],
        [reference(2, False)],
        technical_skill=5,
        partner_id=2,
    )
    ranked = Scorecard().rank([brilliant, humble]).candidates
    assert [c.partner for c in ranked] == ["Humble", "Brilliant"]
    assert ranked[0].rank == 1 and ranked[0].score > 80 and ranked[1].score < 30
    assert any(r.startswith("+ problem_first") for r in ranked[0].reasons)
    assert any("guaranteed_accuracy" in r and r.startswith("-") for r in ranked[1].reasons)


def test_weights_are_configurable():
    humble = CandidateEvidence("Humble", [assessment(ALL)], technical_skill=1)
    brilliant = CandidateEvidence("Brilliant", [assessment(NONE)], technical_skill=5)
    card = Scorecard.with_weights(
        Scorecard.parse_weights(
            ["problem_first=0", "honest-limits=0", "starts_small=0", "red_flags=0", "technical_skill=100"]
        )
    )
    assert [c.partner for c in card.rank([humble, brilliant]).candidates] == ["Brilliant", "Humble"]


def test_a_criterion_nobody_has_evidence_for_is_left_out_and_said_so():
    comparison = Scorecard().rank([CandidateEvidence("A", [assessment(ALL)])])
    names = [c.name for c in comparison.criteria]
    assert "technical_skill" not in names and "references" not in names
    assert comparison.candidates[0].score == pytest.approx(100 * (3 * 20 * 0.9 + 10) / 70)
    assert any("technical_skill left out" in note for note in comparison.notes)


def test_hand_checked_references_take_precedence_over_claims():
    claimed = reference(1, True, ReferenceSource.DOCUMENT)
    checked = reference(1, False)
    scores = {s.name: s for s in Scorecard().evaluate(CandidateEvidence("A", [], [claimed, checked]))}
    assert scores["references"].value == 0.0 and "checked by hand" in scores["references"].reason


@pytest.mark.parametrize(
    "items,message",
    [
        (["speed=3"], "unknown criterion"),
        (["references"], "expected NAME=NUMBER"),
        (["references=x"], "not a number"),
        (["references=-1"], "must not be negative"),
    ],
)
def test_bad_weights_are_clear_errors(items, message):
    with pytest.raises(InvalidInput, match=message):
        Scorecard.with_weights(Scorecard.parse_weights(items))


def test_assessment_json_is_exactly_the_issue_shape_and_round_trips():
    item = ProposalAnalysis(
        file="a.md",
        kind="email",
        signals={
            name: SignalResult(value=True, confidence=0.8, evidence=("yes",), counter_evidence=("but",))
            for name in reversed(SIGNALS)
        },
        references=(
            ReferenceFinding(
                similar_scale=Answer.YES,
                still_running=Answer.UNKNOWN,
                client_contact_offered=Answer.NO,
                evidence=("We built X for Y.",),
            ),
        ),
        red_flags=(RedFlag(kind="no_limits", evidence=("No limits.",)),),
        speakers=(SpeakerShare(name="Sam", role="partner", words=12, questions=1),),
    )
    data = item.public().model_dump(mode="json")
    assert list(data) == ["file", "kind", "signals", "references", "red_flags"]
    assert list(data["signals"]) == ["problem_first", "honest_limits", "starts_small"]
    assert set(data["signals"]["starts_small"]) == {"value", "confidence", "evidence", "counter_evidence"}
    assert data["references"] == [
        {
            "similar_scale": "yes",
            "still_running": "unknown",
            "client_contact_offered": "no",
            "evidence": ["We built X for Y."],
            "client": "",
            "said_by": "",
        }
    ]
    assert data["red_flags"] == [{"kind": "no_limits", "evidence": ["No limits."]}]
    payload = item.model_dump(mode="json")
    assert list(payload) == [*data, "speakers"]
    assert payload["speakers"] == [{"name": "Sam", "role": "partner", "words": 12, "questions": 1}]
    assert ProposalAnalysis.model_validate(payload) == item


def test_an_assessment_needs_all_three_signals_and_keeps_only_the_file_name():
    signals = {name: SignalResult(value=False, confidence=0.6) for name in SIGNALS}
    with pytest.raises(ValidationError, match="honest_limits"):
        ProposalAssessment(file="a.md", kind="proposal", signals={"problem_first": signals["problem_first"]})
    item = ProposalAssessment(file="/tmp/inhouse-upload-x1/a.md", kind="proposal", signals=signals)
    assert item.file == "a.md"
    with pytest.raises(ValidationError):
        SignalResult(value=True, confidence=float("nan"))


def test_answers_parse_strictly():
    built = validated(ReferenceIn, name="X", similar_scale="Y", still_running=None)
    assert built.similar_scale is Answer.YES and built.still_running is Answer.UNKNOWN
    with pytest.raises(InvalidInput, match="^similar_scale must be yes, no or unknown$"):
        validated(ReferenceIn, name="X", similar_scale="maybe")
