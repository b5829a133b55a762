"""Contract review: the playbook's five must-have clauses, their terms and the lock-in traps.

``review_contract(text, file)`` returns a :class:`inhouse.domain.contracts.ContractReview`;
``check_contract(data, filename)`` reads the document first (PDF, DOCX, Markdown, HTML, text).
Deterministic, offline, explainable: every finding carries evidence spans into the text.
"""

from __future__ import annotations

from inhouse.analysis.contracts.review import DETECTORS, review_contract
from inhouse.analysis.documents import DEFAULT_MAX_BYTES, ExtractedText, read_document
from inhouse.domain.contracts import ContractReview


def check_contract(
    data: bytes, filename: str, *, max_bytes: int = DEFAULT_MAX_BYTES, phase: str | None = None
) -> tuple[ExtractedText, ContractReview]:
    """Read a contract file's bytes and review it; evidence offsets point into ``extracted.text``."""
    extracted = read_document(data, filename, max_bytes=max_bytes)
    return extracted, review_contract(extracted.text, file=filename, phase=phase)


__all__ = ["DETECTORS", "check_contract", "review_contract"]
