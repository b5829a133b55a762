"""The shared base of the lock-in red flags: ``patterns`` that make a sentence a candidate,
``vetoes`` that unmake it (a "non-exclusive licence" is not exclusivity, "no termination fee"
is not a fee), and a rule for the party a flag binds."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from inhouse.analysis.contracts.amendments import deletes_only
from inhouse.analysis.contracts.context import Context
from inhouse.analysis.contracts.detectors.base import Detector
from inhouse.analysis.contracts.structure import Sentence
from inhouse.domain.contracts import ContractRedFlag

_VERB = re.compile(r"\b(?:shall|will|may|must|is|are|be|agrees?|has|have|means|can)\b", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\W*\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s")
_TOC_ENTRY = re.compile(r"\b\d{1,2}(?:\.\d{1,2})+\.?\s+[A-Z]")


def is_contents(text: str) -> bool:
    """A run of a table of contents ("7.1 Term 49 7.2 Termination for Cause 50 ..."): it lists
    section titles, which may or may not be filled below."""
    return len(_TOC_ENTRY.findall(text)) >= 3 and not _VERB.search(text)


class FlagDetector(Detector):
    patterns: ClassVar[re.Pattern[str]]
    vetoes: ClassVar[re.Pattern[str] | None] = None
    max_evidence: ClassVar[int] = 3

    def candidates(self, context: Context) -> Iterable[Sentence]:
        for sentence in super().candidates(context):
            if not is_contents(sentence.text) and not deletes_only(sentence.text):
                yield sentence

    def relevant(self, text: str) -> bool:
        match = self.patterns.search(text)
        if not match:
            return False
        return not (self.vetoes and self._vetoed(text))

    def _vetoed(self, text: str) -> bool:
        """A sentence is vetoed when every candidate match in it is explained away."""
        if self.vetoes is None:
            return False
        cleaned = self.vetoes.sub(" ", text)
        return not self.patterns.search(cleaned)

    def binds(self, context: Context, text: str) -> str:
        return context.subject_side(text)

    def _binds_in_place(self, context: Context, sentence: Sentence) -> str:
        """The party a hit binds; an item of a list that names no party ("(c) a break fee equal to ...")
        is read after its lead-in ("If the Buyer terminates under clause 9.1, the Buyer will pay:")."""
        side = self.binds(context, sentence.text)
        if side != "unknown" or not _LIST_ITEM.match(sentence.text):
            return side
        sentences = context.sentences()
        index = next((i for i, s in enumerate(sentences) if s.start == sentence.start), -1)
        for back in range(index - 1, max(index - 6, -1), -1):
            lead = sentences[back].text
            if lead.rstrip().endswith(":"):
                return self.binds(context, f"{lead} {sentence.text}")
            if not _LIST_ITEM.match(lead) and len(lead.split()) > 3:  # "and" between two items is no lead-in
                break
        return side

    def present(self, context: Context) -> bool:
        """Whether the contract holds this flag at all (the contract-level decision)."""
        return next(iter(self.candidates(context)), None) is not None

    def detect(self, context: Context) -> ContractRedFlag | None:
        hits = list(self.candidates(context))
        if not hits:
            return None
        sides = {self._binds_in_place(context, s) for s in hits}
        return ContractRedFlag(
            kind=self.kind, binds=_combine(sides), evidence=[context.evidence(s) for s in hits[: self.max_evidence]]
        )


def _combine(sides: set[str]) -> str:
    known = sides - {"unknown"}
    if "both" in known or known == {"client", "vendor"}:
        return "both"
    if len(known) == 1:
        return known.pop()
    return "unknown"
