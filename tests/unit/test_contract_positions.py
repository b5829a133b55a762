"""Each must-have against the positions playbook: the position follows the terms, the score and the
recommendations follow the positions, and a bad playbook setting is refused naming the setting."""

from __future__ import annotations

import pytest

from inhouse.analysis.contracts import review_contract
from inhouse.domain.playbook import KnowledgeTransferPositions, PositionsPlaybook
from inhouse.settings import InvalidSetting, load_settings

HEAD = """SERVICES AGREEMENT

This Agreement is made between Harbour Foods Ltd ("Client") and Quillstone Analytics Ltd ("Supplier").

1. Services. The Supplier shall build a forecasting tool for the Client.
"""
TRAINING = "2. Training. Before acceptance, the Supplier shall provide {hours} hours of handover training to the Client's engineering team.\n"


def _position(text: str, clause: str, playbook: PositionsPlaybook | None = None):
    review = review_contract(text, "c.txt", playbook=playbook)
    return next(p for p in review.positions if p.clause == clause), review


@pytest.mark.parametrize(
    ("hours", "position"), [(60, "preferred"), (40, "preferred"), (24, "acceptable"), (8, "walk_away")]
)
def test_knowledge_transfer_hours_against_the_default_playbook(hours, position):
    found, review = _position(HEAD + TRAINING.format(hours=hours), "knowledge_transfer")
    assert (found.verdict, found.position, found.found) == ("present", position, f"{hours} hours")
    assert found.preferred == "at least 40 hours" and found.acceptable == "at least 16 hours"
    assert found.evidence and "training" in found.evidence[0].text
    advised = [r.clause for r in review.recommendations]
    assert ("knowledge_transfer" in advised) == (position != "preferred")


OWNED = (
    "3. Ownership. All deliverables, including source code and documentation, shall vest in the Client upon creation.\n"
)
LEAVE = "4. Termination. The Client may terminate this Agreement for convenience on thirty days' written notice.\n"


def test_the_client_s_playbook_moves_the_position_and_the_score():
    text = HEAD + TRAINING.format(hours=24) + OWNED + LEAVE
    default, before = _position(text, "knowledge_transfer")
    strict = PositionsPlaybook(knowledge_transfer=KnowledgeTransferPositions(preferred_hours=80, acceptable_hours=30))
    lenient = PositionsPlaybook(knowledge_transfer=KnowledgeTransferPositions(preferred_hours=20, acceptable_hours=10))
    tight, after_strict = _position(text, "knowledge_transfer", strict)
    loose, after_lenient = _position(text, "knowledge_transfer", lenient)
    assert (default.position, tight.position, loose.position) == ("acceptable", "walk_away", "preferred")
    assert after_strict.score < before.score < after_lenient.score
    assert after_lenient.score - after_strict.score == 15  # the clause's full weight


def test_a_silent_contract_is_not_mentioned_and_walk_away_everywhere():
    review = review_contract(HEAD, "c.txt")
    assert [(p.clause, p.verdict, p.position) for p in review.positions] == [
        ("deliverable_ownership", "not_mentioned", "walk_away"),
        ("knowledge_transfer", "not_mentioned", "walk_away"),
        ("source_access", "not_mentioned", "walk_away"),
        ("maintenance", "not_mentioned", "walk_away"),
        ("exit", "not_mentioned", "walk_away"),
    ]
    assert review.score == 0
    must_haves = {p.clause for p in review.positions}
    advised = [r for r in review.recommendations if r.clause in must_haves]
    assert {r.clause for r in advised} == must_haves
    assert all(r.problem.startswith("Walk-away position.") for r in advised)


def test_vendor_ownership_contradicts_the_must_have():
    text = (
        HEAD
        + "2. Ownership. All deliverables, including the source code, shall remain the sole property of the Supplier.\n"
    )
    found, _ = _position(text, "deliverable_ownership")
    assert found.verdict == "contradicted" and found.position == "walk_away"
    assert found.found.startswith("the vendor owns them")


def test_a_playbook_setting_is_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("INHOUSE_CONTRACT_PLAYBOOK", '{"knowledge_transfer": {"preferred_hours": 60}}')
    playbook = load_settings().contract_playbook
    assert playbook.knowledge_transfer.preferred_hours == 60
    assert playbook.knowledge_transfer.acceptable_hours == 16  # the rest keeps its defaults
    assert playbook.source_access.preferred == "during"


@pytest.mark.parametrize(
    ("value", "named"),
    [
        ('{"knowledge_transfer": {"preferred_hours": 10, "acceptable_hours": 20}}', "(knowledge_transfer)"),
        ('{"deliverable_ownership": {"preferred": "licence", "acceptable": "client"}}', "(deliverable_ownership)"),
        ('{"source_access": {"preferred": "sometimes"}}', "(source_access.preferred)"),
        ('{"exit": {"prefered": "full"}}', "(exit.prefered)"),
        ("not json", ""),
    ],
)
def test_a_bad_playbook_is_one_clear_error_naming_the_setting(monkeypatch, value, named):
    monkeypatch.setenv("INHOUSE_CONTRACT_PLAYBOOK", value)
    with pytest.raises(InvalidSetting) as caught:
        load_settings()
    message = str(caught.value)
    assert message.startswith("setting INHOUSE_CONTRACT_PLAYBOOK") and named in message
    assert "\n" not in message
