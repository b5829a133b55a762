"""Clauses an amendment deletes or replaces: "Clause 7.1 is deleted and replaced by: ...".

A variation, deed of amendment or amendment agreement that deletes or replaces a numbered clause
makes the original clause's text no longer part of the contract: the detectors read the new text
(the sentence that carries it) and not the old one. Only whole clauses that are deleted or
replaced are dropped; an amendment that adds a clause, or changes a clause "so that" something
else applies, leaves the original in place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from inhouse.analysis.contracts.structure import Sentence

_REF = r"(?:clause|section|article|paragraph|sub-?clause|§)\s*(?P<num>[0-9]+(?:\.[0-9]+)*)(?P<subs>(?:\s*\([0-9a-z]{1,4}\))*)"
# the clause's title and emphasis may follow its number: "**Section 3.2 (Automatic Renewal)** of the Agreement"
_TITLE = r"(?:\s*\((?=[A-Za-z])[^()\n]{2,60}\))?(?:\*{1,2}|_{1,2})?"
_AMENDED = re.compile(
    _REF + _TITLE + r"(?:\s+of\s+(?:the|this)\s+(?:agreement|contract|terms|order|sow|statement of work|schedule \w+))?"
    r"\s+(?:is|shall be|will be)\s+(?:hereby\s+)?(?:deleted|replaced|revoked|struck(?:\s+out)?|removed|"
    r"amended\s+(?:to\s+read|as\s+follows|and\s+restated)|(?:wholly\s+)?substituted)",
    re.IGNORECASE,
)
_LINE_NUMBER = re.compile(r"(?m)^[ \t#*>]*(?:§\s*)?(?:\(?[0-9]+(?:\.[0-9]+)*[.)]?|\([0-9a-z]{1,4}\))[ \t]")
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")


# Words replaced inside a clause: 'In clause 6.2, the words "two (2) days" are deleted and replaced by "five (5) days"'.
_WORDS_REPLACED = re.compile(
    r"(?:in|to) (?:clause|section|article|paragraph|sub-?clause|§)\s*(?P<num>[0-9]+(?:\.[0-9]+)*)[^\n\"“]{0,60}?,?\s+"
    r"(?:the )?words? [\"“](?P<old>[^\"”\n]{1,120})[\"”] (?:are|is|shall be) (?:hereby )?(?:deleted and )?replaced "
    r"(?:by|with) (?:the words? )?[\"“](?P<new>[^\"”\n]{1,400})[\"”]",
    re.IGNORECASE,
)


def word_replacements(text: str) -> list[tuple[str, str, str]]:
    """(clause number, old words, new words) for each replacement of words inside a clause."""
    return [(m.group("num"), m.group("old"), m.group("new")) for m in _WORDS_REPLACED.finditer(text)]


_REPLACED = re.compile(r"replac|substitut|amended|restated|read as follows", re.IGNORECASE)


def deletes_only(text: str) -> bool:
    """Whether ``text`` deletes a clause without putting anything in its place ("Section 14.4 (Early
    Termination Fee) is deleted in its entirety"): it names the clause's subject but says none of it."""
    match = _AMENDED.search(text)
    if match is None:
        return False
    return not _REPLACED.search(match.group(0)) and not _REPLACED.search(text[match.end() :])


# The lead-in of a replacement that describes the clause it removes: "Clause 9 of the Agreement (which provided for
# a fixed term of 24 months and an early termination fee) is deleted and replaced as follows:". The words in the
# parentheses are the old clause, no longer in force; only what follows the lead-in is.
_DESCRIBED = re.compile(
    _REF + r"(?:\s+of\s+(?:the|this)\s+(?:agreement|contract|terms|order|sow|statement of work|schedule \w+))?\s*"
    r"\((?P<old>(?:[^()]|\([^()]{0,40}\)){12,900})\)\s*,?\s*(?:is|shall be|will be|are)\s+(?:hereby\s+)?(?:deleted|"
    r"replaced|revoked|struck(?:\s+out)?|removed|amended|(?:wholly\s+)?substituted)(?:\s+in\s+(?:its|their)\s+entirety)?"
    r"(?:\s+and\s+(?:replaced|substituted|restated))?(?:\s+(?:as\s+follows|by\s+the\s+following|with\s+the\s+following|"
    r"to\s+read(?:\s+as\s+follows)?))?\s*:?",
    re.IGNORECASE,
)


def in_force_from(text: str) -> int:
    """Where the words in force begin in an amendment's lead-in that describes the clause it deletes or
    replaces ("§ 8 (escrow of the source code) is deleted and replaced as follows:"): after the lead-in;
    0 when ``text`` describes no removed clause."""
    match = _DESCRIBED.search(text)
    return match.end() if match else 0


def superseded(text: str, sentences: Sequence[Sentence]) -> set[int]:
    """The indices of ``sentences`` that lie in a clause a later amendment deletes or replaces."""
    regions: list[tuple[int, int, int]] = []  # (start, end, amendment start)
    for match in _AMENDED.finditer(text):
        region = _clause_before(text, match.group("num"), match.group("subs"), match.start())
        if region:
            regions.append((*region, match.start()))
    if not regions:
        return set()
    gone = set()
    for index, sentence in enumerate(sentences):
        for start, end, amendment in regions:
            if start <= sentence.start and sentence.end <= end + 1 and sentence.end <= amendment:
                gone.add(index)
                break
    return gone


def _clause_before(text: str, number: str, subs: str, before: int) -> tuple[int, int] | None:
    """The span of the clause numbered ``number`` (and sub-paragraphs ``subs``, "(1)", "(b)")
    written before ``before``: its last numbered line before the amendment that is not itself an
    amendment, up to the next numbered line or the end of the paragraph."""
    parts = [p.strip("() ") for p in re.findall(r"\([0-9a-z]{1,4}\)", subs)]
    line = re.compile(
        rf"(?m)^[ \t#*>]*(?:(?:clause|section|article|§)\s*)?{re.escape(number)}(?![0-9]|\.[0-9])[.)]?(?=[ \t]|$)",
        re.IGNORECASE,
    )
    starts = [m.start() for m in line.finditer(text, 0, before) if not _AMENDED.search(_line_at(text, m.start()))]
    if not starts:
        return None
    start = starts[-1]
    if parts:  # "§ 4 (1)": paragraph (1) of § 4, before the next heading of the same kind
        sub = re.compile(rf"(?m)^[ \t>]*\({re.escape(parts[0])}\)[ \t]", re.IGNORECASE)
        limit = _next_heading(text, start, before)
        found = sub.search(text, start, limit)
        if not found:
            return None
        start = found.start()
    return start, _clause_end(text, start, before)


def _line_at(text: str, position: int) -> str:
    end = text.find("\n", position)
    return text[position : end if end >= 0 else len(text)]


def _next_heading(text: str, start: int, before: int) -> int:
    first_line_end = text.find("\n", start)
    if first_line_end < 0:
        return before
    heading = re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]*)?(?:§|(?:clause|section|article)\s)", re.IGNORECASE)
    found = heading.search(text, first_line_end, before)
    return found.start() if found else before


def _clause_end(text: str, start: int, before: int) -> int:
    first_line_end = text.find("\n", start)
    if first_line_end < 0 or first_line_end >= before:
        return min(before, len(text))
    ends = [before]
    numbered = _LINE_NUMBER.search(text, first_line_end + 1, before)
    if numbered:
        ends.append(numbered.start())
    paragraph = _PARAGRAPH_END.search(text, start, before)
    if paragraph:
        ends.append(paragraph.start())
    heading = re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]|[A-Z][A-Z0-9 ,&/'()-]{3,80}[ \t]*$)")
    found = heading.search(text, first_line_end + 1, before)
    if found:
        ends.append(found.start())
    return min(ends)
