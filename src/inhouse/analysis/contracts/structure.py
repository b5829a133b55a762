"""Splitting a contract into numbered sections and sentence-sized clauses, keeping offsets.

Every later finding is a :class:`Span` into the original text, so evidence can always be
shown in place. Headings are recognised by their numbering ("7.", "7.2", "Section 7",
"ARTICLE VII", "Schedule B", Markdown "#"), sentences by the one splitter of
:mod:`inhouse.analysis.documents.sentences` (legal abbreviations such as "Inc.", "e.g.", "Sec. 2"
left intact).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from inhouse.analysis.documents.sentences import sentence_spans

_HEADING = re.compile(
    r"""^[ \t]*(?:\#{1,6}[ \t]*)?(?:\*\*)?
    (?:
        (?P<word>section|article|clause|schedule|exhibit|annex|appendix|attachment|part)\.?[ \t]+
        (?P<wnum>[0-9]+(?:\.[0-9]+)*|[IVXLC]+|[A-Z])\b\.?
      |
        (?P<num>[0-9]{1,2}(?:\.[0-9]{1,2}){0,3})(?:\.|\)|(?=[ \t]))
    )
    [ \t]*(?:[-–—:][ \t]*)?(?P<title>[^\n]{0,120})$""",
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)
_MD_HEADING = re.compile(r"^[ \t]*\#{1,6}[ \t]+(?P<title>[^\n]{1,120})$", re.MULTILINE)
_CAPS_HEADING = re.compile(r"^[ \t]*(?P<title>[A-Z][A-Z0-9 ,;&/'()-]{3,80})[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Section:
    number: str
    title: str
    start: int
    end: int
    heading_end: int = -1  # end of a heading line that stands alone, else -1

    @property
    def level(self) -> int:
        return self.number.count(".") + 1 if self.number else 1

    @property
    def is_heading(self) -> bool:
        """A short title ("Ownership of Work Product"), not a clause's first sentence."""
        words = self.title.split()
        return 0 < len(words) <= 9 and not re.search(r"\b(?:means|shall|will|may|is|are)\b", self.title)


@dataclass(frozen=True)
class Sentence:
    """A sentence-sized clause; ``text`` is the original slice with line breaks as spaces."""

    start: int
    end: int
    text: str
    section: int  # index into ContractText.sections, -1 when before the first heading


@dataclass
class ContractText:
    text: str
    sections: list[Section] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)

    def section_title(self, sentence: Sentence) -> str:
        if sentence.section < 0:
            return ""
        return self.sections[sentence.section].title

    def heading_path(self, sentence: Sentence) -> str:
        """The titles of the sentence's section and its parents, lower-cased."""
        if sentence.section < 0:
            return ""
        current = self.sections[sentence.section]
        titles = [current.title] if current.is_heading else []
        for other in reversed(self.sections[: sentence.section]):
            if not other.number or not current.number:
                if not current.number and other.number == "" and other.is_heading and not titles:
                    titles.append(other.title)
                break
            if other.level < current.level and current.number.startswith(other.number + "."):
                if other.is_heading:
                    titles.append(other.title)
                current = other
        return " / ".join(reversed(titles)).lower()


def parse(text: str) -> ContractText:
    sections = find_sections(text)
    return ContractText(text=text, sections=sections, sentences=split_sentences(text, sections))


def find_sections(text: str) -> list[Section]:
    heads: list[tuple[int, str, str, int]] = []
    for match in _HEADING.finditer(text):
        number = match.group("num") or (match.group("word") or "").capitalize() + " " + (match.group("wnum") or "")
        title = _clean_title(match.group("title"))
        if match.group("num") and not _plausible_numbered(match.group("num"), title):
            continue
        heads.append((match.start(), number.strip(), title, _alone(match)))
    seen = {head[0] for head in heads}
    for pattern in (_MD_HEADING, _CAPS_HEADING):
        for match in pattern.finditer(text):
            if match.start() not in seen and not _inside_line_of(heads, match.start()):
                title = _clean_title(match.group("title"))
                if pattern is _CAPS_HEADING and len(title.split()) > 8:
                    continue
                heads.append((match.start(), "", title, match.end()))
                seen.add(match.start())
    heads.sort()
    sections = []
    for index, (start, number, title, heading_end) in enumerate(heads):
        end = heads[index + 1][0] if index + 1 < len(heads) else len(text)
        sections.append(Section(number=number, title=title, start=start, end=end, heading_end=heading_end))
    return sections


def _alone(match: re.Match[str]) -> int:
    """The end of the heading line when it holds only a number and a short title (not the first
    line of a clause whose sentence runs on, as PDF text wraps)."""
    title = (match.group("title") or "").strip().rstrip("*_ ")
    words = title.split()
    if not words or len(words) > 10 or re.search(r"[.;:,]$", title):
        return -1
    if re.search(r"\b(?:shall|will|may|must|means|is|are)\b", title) or words[-1].lower() in (
        "in",
        "of",
        "and",
        "or",
        "the",
        "to",
        "a",
        "an",
        "with",
        "for",
        "by",
        "any",
        "all",
    ):
        return -1
    following = match.string[match.end() : match.end() + 3].lstrip("\n ")
    if following and following[0].islower():
        return -1
    return match.end()


def _inside_line_of(heads: list[tuple[int, str, str, int]], position: int) -> bool:
    return any(start <= position < start + 3 for start, *_ in heads)


def _plausible_numbered(number: str, title: str) -> bool:
    if not title:
        return "." in number
    if re.match(r"^[0-9,]", title):  # "10 000 units", "2.5 days" at a line start
        return False
    return title[0].isupper() or title[0] in "(\"“'*_"


def _clean_title(title: str | None) -> str:
    title = (title or "").strip().strip("*_#").strip()
    first = re.split(r"(?<=[a-z0-9)])\.\s", title, maxsplit=1)[0]
    return first.rstrip(".:").strip()[:120]


def split_sentences(text: str, sections: list[Section]) -> list[Sentence]:
    sentences: list[Sentence] = []
    cuts = sorted({section.start for section in sections} | {s.heading_end for s in sections if s.heading_end > 0})
    cuts.append(len(text))
    starts = [section.start for section in sections]
    section_index = -1
    segment_start = 0
    for cut in cuts:
        for start, end in _split_segment(text, segment_start, cut):
            while section_index + 1 < len(starts) and starts[section_index + 1] <= start:
                section_index += 1
            flat = text[start:end].replace("\n", " ")  # same length: offsets still hold
            sentences.append(Sentence(start=start, end=end, text=flat, section=section_index))
        segment_start = cut
    return sentences


def _split_segment(text: str, begin: int, end: int) -> Iterator[tuple[int, int]]:
    return sentence_spans(text, begin, end)
