"""The one sentence splitter every analyzer uses: offsets of sentences in a stretch of text.

A sentence ends at ``.``, ``!`` or ``?`` (and, for clauses, ``;``) before white space, at a blank
line, or before a list item on a new line. It does not end after an abbreviation ("Inc.", "e.g.",
"Sec. 2.1", "Jan. 5, 2026", "Mr."), an initial ("J. R. Smith", "U.S."), the number of a heading
or clause at a line start ("7.", "7.2."), or when the next word starts in lower case or with a
digit ("approx. 3", "Section 2. of") unless that digit is the next clause's number. A capital
letter after a heading word ("Exhibit B. Payment ...") is a label, not an initial: it ends the
sentence. Offsets are into the original text, so ``text[start:end]`` is always the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

ABBREVIATIONS = frozenset(
    {
        # companies and legal forms
        "inc",
        "ltd",
        "llc",
        "corp",
        "co",
        "s.a",
        "n.v",
        "b.v",
        "gmbh",
        "plc",
        "pty",
        "l.p",
        "l.l.c",
        "ag",
        # references inside a text
        "no",
        "nos",
        "sec",
        "secs",
        "art",
        "para",
        "cl",
        "pp",
        "p",
        "fig",
        "v",
        "vs",
        "viz",
        "cf",
        "e.g",
        "i.e",
        "etc",
        "al",
        "incl",
        "approx",
        "ca",
        "min",
        "max",
        "nr",
        "dept",
        # places
        "u.s",
        "u.k",
        "st",
        "mt",
        # titles
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "jr",
        "sr",
        # months
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    }
)
"""Words whose final period is not a sentence's end (lower case, without that period)."""

HEADING_WORDS = frozenset(
    {"section", "article", "clause", "schedule", "exhibit", "annex", "appendix", "attachment", "part"}
)
"""Words that name a part of a document: a single capital after one is a label ("Exhibit B.")."""

_END = re.compile(r"[.;!?](?:[\"'”’)\]]*)(?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:\(?[a-z0-9]{1,4}[.)]|[-*•+]|\#)[ \t])")
_END_NO_SEMICOLON = re.compile(
    r"[.!?](?:[\"'”’)\]]*)(?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:\(?[a-z0-9]{1,4}[.)]|[-*•+]|\#)[ \t])"
)
_CLAUSE_NUMBER = re.compile(
    r"[ \t#*>]*(?:(?:section|article|clause)\s+)?[0-9IVXLCivxlc]{1,4}(?:\.[0-9]{1,3})*", re.IGNORECASE
)
_NUMBER_REACH = 48
_LAST_WORD = re.compile(r"([A-Za-z.]+)\.$")
_INITIAL = re.compile(r"\b[A-Z]\.$")
_LOWER_NEXT = re.compile(r"[ \t]*[a-z0-9]")  # the next word, on the same line, in lower case or a digit
_NEXT_CLAUSE = re.compile(r"\s+\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+[A-Z(]")
_UPPER_NEXT = re.compile(r"\s+[A-Z]")
_LABEL = re.compile(r"\b([A-Za-z]+)[ \t]+[A-Z]\.$")


def sentence_spans(
    text: str, begin: int = 0, end: int | None = None, *, semicolons: bool = True
) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text[begin:end]``, stripped of surrounding white space.

    ``semicolons`` also ends a sentence at ``;`` (a contract's clauses); prose leaves it inside."""
    end = len(text) if end is None else end
    cursor = begin
    for match in (_END if semicolons else _END_NO_SEMICOLON).finditer(text, begin, end):
        stop = match.end()
        if match.group(0)[0] == "." and not _ends_at_period(text, begin, match.start(), stop):
            continue
        span = _trim(text, cursor, stop)
        if span:
            yield span
        cursor = stop
    span = _trim(text, cursor, end)
    if span:
        yield span


def _ends_at_period(text: str, begin: int, dot: int, stop: int) -> bool:
    """Whether the period at ``dot`` ends a sentence (the cheapest tests first; each looks at a few
    characters around it, so splitting stays linear in the text)."""
    if _LOWER_NEXT.match(text, stop, stop + 3) and not _NEXT_CLAUSE.match(text, stop, stop + 14):
        return False  # "Section 2. of", "approx. 3" and the like, but not the next clause's number: ". 12.2 The"
    reach = max(begin, dot - _NUMBER_REACH)  # a clause number is short: look back no further
    newline = text.rfind("\n", reach, dot)
    if (newline >= 0 or reach == begin) and _CLAUSE_NUMBER.fullmatch(text, max(newline + 1, begin), dot):
        return False  # the number of a heading or clause: "7." or "7.2."
    word = _LAST_WORD.search(text, max(begin, stop - 12), dot + 1)
    if word and word.group(1).lower().rstrip(".") in ABBREVIATIONS:
        return False
    if _INITIAL.search(text, max(begin, stop - 3), dot + 1):
        label = _LABEL.search(text, max(begin, dot - 16), dot + 1)
        if not (label and label.group(1).lower() in HEADING_WORDS and _UPPER_NEXT.match(text, stop, stop + 3)):
            return False  # an initial: "J. Smith", "U.S."
    return True


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start < 2:
        return None
    return start, end
