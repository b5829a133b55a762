"""Reading what partners send and say: proposals, pitch decks, sales-call transcripts, emails.

The facade: :func:`assess_text` for text already extracted, :func:`assess_document` for a
file's original bytes (PDF, DOCX, Markdown, HTML, text) and :func:`assess_documents`, a
generator over many files. Everything is offline and deterministic, and every verdict
comes with the quotes it rests on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from inhouse.analysis.documents import DEFAULT_MAX_BYTES, read_document
from inhouse.analysis.proposals.document import ParsedDocument, parse_document
from inhouse.analysis.proposals.kinds import KINDS, detect_kind
from inhouse.analysis.proposals.model.apply import detect as model_detect
from inhouse.analysis.proposals.red_flags import find_red_flags
from inhouse.analysis.proposals.reference_model import with_model
from inhouse.analysis.proposals.references import find_references
from inhouse.analysis.proposals.signals import DETECTORS
from inhouse.domain.partners import ProposalAnalysis, ProposalKind
from inhouse.errors import AnalyzerError, InvalidInput

_KINDS: dict[str, ProposalKind] = {
    "proposal": "proposal",
    "transcript": "transcript",
    "email": "email",
    "other": "other",
}

__all__ = [
    "KINDS",
    "ParsedDocument",
    "assess_document",
    "assess_documents",
    "assess_text",
    "detect_kind",
    "parse_document",
]


def assess_text(text: str, file: str = "", *, partner: str | None = None, kind: str | None = None) -> ProposalAnalysis:
    """Assess extracted text. ``kind`` is detected unless given; ``partner`` helps tell sides apart."""
    if kind is not None and kind not in KINDS:
        raise InvalidInput(f"invalid document kind {kind!r}: expected one of {', '.join(KINDS)}")
    if not text or not text.strip():
        raise AnalyzerError(f"{file or 'document'}: no text to assess")
    found: ProposalKind = _KINDS[kind or detect_kind(text)]
    document = parse_document(text, found, partner)
    return ProposalAnalysis(
        file=file,
        kind=found,
        signals={detector.name: model_detect(detector, document) for detector in DETECTORS},
        references=with_model(document, find_references(document)),
        red_flags=find_red_flags(document),
        speakers=tuple(document.speakers),
    )


def assess_document(
    data: bytes,
    filename: str,
    *,
    partner: str | None = None,
    kind: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ProposalAnalysis:
    """Read the original bytes of a file (any supported format), then assess its text."""
    extracted = read_document(data, filename, max_bytes=max_bytes)
    return assess_text(extracted.text, filename, partner=partner, kind=kind)


def assess_documents(
    files: Iterable[tuple[str, bytes]], *, partner: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[ProposalAnalysis]:
    """Assess ``(filename, bytes)`` pairs one by one; the first unreadable file raises."""
    for filename, data in files:
        yield assess_document(data, filename, partner=partner, max_bytes=max_bytes)
