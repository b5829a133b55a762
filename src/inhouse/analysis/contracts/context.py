"""What every detector reads: the parsed contract, its parties and small shared helpers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from inhouse.analysis.contracts.amendments import in_force_from, superseded, word_replacements
from inhouse.analysis.contracts.parties import Party, find_parties, side_of_term
from inhouse.analysis.contracts.structure import ContractText, Sentence, parse
from inhouse.domain.contracts import EvidenceSpan

_MODAL = re.compile(
    r"\b(?:shall|will|must|may|agrees?|undertakes?|covenants?|is\s+(?:required|obliged|entitled)|"
    r"has\s+the\s+right|have\s+the\s+right|hereby|retains?|owns?|grants?|acknowledges?|warrants?|"
    r"commits?|cannot|can)\b",
    re.IGNORECASE,
)
_BOTH = re.compile(
    r"\b(?:either|each|both|neither|any)\s+part(?:y|ies)\b|\bthe\s+parties\b|\b(?:either\s+)?(?:you|we)\s+or\s+(?:you|we)\b|"
    # "either of us may end ...", "each of the parties shall": both sides named by a pronoun
    r"\b(?:either|each|both|neither)\s+of\s+(?:us|the\s+parties|the\s+two\s+parties)\b",
    re.IGNORECASE,
)
_GENERIC = re.compile(
    r"\b(?:client|customer|buyer|purchaser|subscriber|vendor|supplier|(?:service\s+)?provider|contractor|"
    r"consultant|developer|agency|seller|advisor|adviser|integrator|consultancy|studio|licensee|licensor|"
    r"distributor|reseller|franchisee|franchisor|manufacturer|you|we|us)\b",
    re.IGNORECASE,
)


# A definition: "“Warranty Period” means the period of sixty days", "**Support Fee**: EUR 900 a month".
_DEFINITION = re.compile(
    r"[\"“*]+(?P<term>[A-Z][\w’'&/-]*(?: [A-Z0-9][\w’'&/-]*){0,5})[\"”*]+\s*(?:,\s*)?(?::|\bmeans\b|\bshall mean\b|"
    r"\bhas the meaning\b|\bis defined as\b)"
)


def _without_described(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences with each amendment lead-in that describes the clause it removes cut to the words after
    it (:func:`.amendments.in_force_from`); a lead-in with nothing after it ("... is replaced as follows:") is left
    out."""
    out = []
    for sentence in sentences:
        cut = in_force_from(sentence.text) if "(" in sentence.text else 0
        if not cut:
            out.append(sentence)
            continue
        rest = sentence.text[cut:]
        skip = len(rest) - len(rest.lstrip(" \"“'>"))
        if len(rest.split()) >= 3:
            out.append(Sentence(sentence.start + cut + skip, sentence.end, rest[skip:], sentence.section))
    return out


@dataclass
class Context:
    text: str
    doc: ContractText
    parties: list[Party]
    _lower: dict[int, str] = field(default_factory=dict)

    #: the sentences an amendment deletes or replaces, left out of :meth:`sentences`
    _current: list[Sentence] | None = None

    @classmethod
    def build(cls, text: str) -> Context:
        return cls(text=text, doc=parse(text), parties=find_parties(text))

    @cached_property
    def party_words(self) -> re.Pattern[str]:
        words = set()
        for party in self.parties:
            words.add(re.escape(party.term))
            first = party.name.split()[0] if party.name.split() else ""
            if len(first) > 3 and first[0].isupper():
                words.add(re.escape(first.rstrip(",.")))
        alternatives = "|".join(sorted(words, key=len, reverse=True))
        if not alternatives:
            return _GENERIC
        return re.compile(rf"\b(?:{alternatives})\b|{_GENERIC.pattern}", re.IGNORECASE)

    @cached_property
    def definitions(self) -> dict[str, str]:
        """The contract's defined terms and what each means: the text after the term, up to the next
        definition in the same sentence."""
        out: dict[str, str] = {}
        for sentence in self.sentences():
            if "mean" not in sentence.text and ":" not in sentence.text and "defined" not in sentence.text:
                continue
            marks = list(_DEFINITION.finditer(sentence.text))
            for mark, following in zip(marks, [*marks[1:], None], strict=False):
                end = following.start() if following else len(sentence.text)
                out.setdefault(mark.group("term"), sentence.text[mark.end() : end].strip(" ,;."))
        return out

    @cached_property
    def _replacements(self) -> list[tuple[str, str, str]]:
        return word_replacements(self.text) if "replaced" in self.text else []

    def as_amended(self, sentence: Sentence) -> str:
        """The sentence's text with the words a later amendment replaces in its clause ('In clause 6.2
        the words "eight (8) hours" are deleted and replaced by "twenty (20) hours"') replaced."""
        text = sentence.text
        if not self._replacements:
            return text
        number = re.match(r"\W*(\d+(?:\.\d+)*)", text)
        section = self.doc.sections[sentence.section].number if sentence.section >= 0 else ""
        for clause, old, new in self._replacements:
            if old in text and clause in ((number.group(1) if number else ""), section):
                text = text.replace(old, new)
        return text

    def defined_in(self, text: str, where: Callable[[str], bool] | None = None) -> str:
        """What the defined terms used in ``text`` mean, joined (those ``where`` accepts): a clause that
        relies on a definition far away ("the Support Charges", defined at the end as "HK$18,000 per
        month") reads it too. A term inside a longer one ("Term" in "Minimum Term") is the longer one."""
        found = []
        rest = text
        for term in sorted(self.definitions, key=len, reverse=True):
            meaning = self.definitions[term]
            if not meaning or term not in rest or meaning in text:
                continue
            pattern = re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])")
            if pattern.search(rest):
                rest = pattern.sub(" ", rest)
                if where is None or where(meaning):
                    found.append(meaning)
        return " ".join(found)

    def sentences(self) -> list[Sentence]:
        """The contract's sentences in force: those of a clause an amendment deletes or replaces
        ("Clause 7.1 is deleted and replaced by") are left out (:mod:`.amendments`)."""
        if self._current is None:
            gone = superseded(self.text, self.doc.sentences)
            current = [s for i, s in enumerate(self.doc.sentences) if i not in gone] if gone else self.doc.sentences
            if "(" in self.text and re.search(r"deleted|replaced|revoked|struck|removed|substituted", self.text, re.I):
                current = _without_described(current)
            self._current = current
        return self._current

    def evidence(self, sentence: Sentence, start: int | None = None, end: int | None = None) -> EvidenceSpan:
        a = sentence.start if start is None else start
        b = sentence.end if end is None else end
        return EvidenceSpan(text=self.text[a:b], start=a, end=b)

    def is_heading(self, sentence: Sentence) -> bool:
        if sentence.section < 0:
            return False
        section = self.doc.sections[sentence.section]
        return (
            sentence.start <= section.start + 8
            and 0 < section.heading_end <= sentence.end + 2
            and len(sentence.text) < 140
        )

    def heading(self, sentence: Sentence) -> str:
        return self.doc.heading_path(sentence)

    def side_of(self, word: str) -> str | None:
        lowered = word.lower()
        if lowered in ("you",):
            return "client"
        if lowered in ("we", "us"):
            return "vendor"
        return side_of_term(word, self.parties)

    def subject_side(self, text: str, before: int | None = None) -> str:
        """Which side is the subject of the obligation in ``text``: the party named before the
        first modal verb (or before ``before``). client | vendor | both | unknown."""
        limit = before
        if limit is None:
            modal = _MODAL.search(text)
            limit = modal.start() if modal else min(len(text), 120)
        head = text[:limit]
        both = _BOTH.search(head)
        sides = []
        for match in self.party_words.finditer(head):
            side = self.side_of(match.group(0))
            if side:
                sides.append((match.start(), side))
        if both and (not sides or both.start() > sides[-1][0] - 1 or both.end() > sides[-1][0]):
            return "both"
        if not sides:
            return "unknown"
        return sides[-1][1]

    def sides_mentioned(self, text: str) -> set[str]:
        return {side for m in self.party_words.finditer(text) if (side := self.side_of(m.group(0)))}
