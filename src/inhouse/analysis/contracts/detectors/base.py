"""The shared base of the clause detectors.

A detector has two faces: ``relevant(text)`` says whether one span of text speaks about
the clause at all (what the CUAD span benchmark measures), and ``detect(context)`` reads a
whole contract and returns the clause's finding with its evidence.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable
from typing import ClassVar

from inhouse.analysis.contracts.context import Context
from inhouse.analysis.contracts.structure import Sentence
from inhouse.domain.shapes import Shape


def rx(*patterns: str) -> re.Pattern[str]:
    """One case-insensitive pattern from alternatives; whitespace in them matches any run."""
    joined = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(joined.replace(" ", r"\s+"), re.IGNORECASE)


class Detector(ABC):
    kind: ClassVar[str]
    #: a cheap pattern every relevant text matches; most sentences stop here
    prefilter: ClassVar[re.Pattern[str] | None] = None

    def is_relevant(self, text: str) -> bool:
        if self.prefilter is not None and not self.prefilter.search(text):
            return False
        return self.relevant(text)

    @abstractmethod
    def relevant(self, text: str) -> bool:
        """Does this span of text speak about the clause?"""

    @abstractmethod
    def detect(self, context: Context) -> Shape | None:
        """The clause's finding for a whole contract."""

    def candidates(self, context: Context) -> Iterable[Sentence]:
        """The sentences this detector finds relevant, headings excluded (a heading says what a
        section is about; the evidence is the text below it)."""
        for sentence in context.sentences():
            if not context.is_heading(sentence) and self.is_relevant(sentence.text):
                yield sentence
