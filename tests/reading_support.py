"""What the tests of the readers' phrasing families share: a contract reviewed by its rules alone, the
training hours read from a clause, and a proposal's references as their three answers."""

from __future__ import annotations

from inhouse.analysis.contracts import review_contract
from inhouse.analysis.contracts.detectors.knowledge import KnowledgeTransfer, parse_hours
from inhouse.analysis.proposals import assess_text


def reviewed(body: str, head: str):  # type: ignore[no-untyped-def]
    """The rules' review of a contract: ``head`` (its title and parties), then ``body``."""
    return review_contract(head + body, "c.txt", learned=False)


def flag_binds(body: str, head: str) -> dict[str, str]:
    """Each red flag the rules raise on a contract, with whom it binds."""
    return {flag.kind: flag.binds for flag in reviewed(body, head).red_flags}


def hours(text: str) -> float | None:
    """The knowledge-transfer hours a clause states, as the detector reads them."""
    return parse_hours(KnowledgeTransfer._hours_text(text))


def references_found(text: str, name: str = "doc.txt", kind: str | None = None) -> list[tuple[str, str, str, str]]:
    """Each reference found in ``text``: (client, similar scale, still running, contact offered)."""
    found = assess_text(text, name, kind=kind).references
    return [(r.client, r.similar_scale.value, r.still_running.value, r.client_contact_offered.value) for r in found]


def reference_answers(text: str, kind: str | None = None) -> list[tuple[str, str, str]]:
    """Each reference found in ``text``: (similar scale, still running, contact offered)."""
    found = assess_text(text, "doc.txt", kind=kind).references
    return [(r.similar_scale.value, r.still_running.value, r.client_contact_offered.value) for r in found]
