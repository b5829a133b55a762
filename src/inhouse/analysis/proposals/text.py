"""Text structure shared by every detector: headings, paragraphs, sentences, with offsets.

``normalise`` maps typographic quotes and dashes to ASCII one character for one, so
offsets into the normalised text are offsets into the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from inhouse.analysis.documents.sentences import sentence_spans

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2022": "*",
        "\u25cf": "*",
        "\u25aa": "*",
        "\r": "\n",
    }
)


def normalise(text: str) -> str:
    return text.translate(_TRANSLATE)


def words(text: str) -> int:
    return len(re.findall(r"[A-Za-z0-9][\w'-]*", text))


@dataclass(frozen=True)
class Line:
    text: str
    start: int
    end: int

    @property
    def stripped(self) -> str:
        return self.text.strip()


def lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    end = len(text) if end is None else end
    found = []
    position = start
    for raw in text[start:end].split("\n"):
        found.append(Line(raw, position, position + len(raw)))
        position += len(raw) + 1
    return found


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(.+?)\1\s*:?\s*$")
_SLIDE = re.compile(r"^\s*(?:slide|section|page|part)\s*\d+\s*[:.\-)]*\s*(.*)$", re.I)
_NUMBERED = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]?|[IVX]+\.|[A-H][.)])\s+(.*)$")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)]|[a-h][.)])\s+")
_RULE = re.compile(r"^\s*(?:[-=_*~]{3,}|<hr\s*/?>)\s*$")


def heading_of(line: str) -> str | None:
    """The heading text if ``line`` is a heading (Markdown, bold, slide title, short title)."""
    stripped = line.strip()
    if not stripped or stripped.startswith("|"):  # a table row is content, never a title
        return None
    match = _MD_HEADING.match(stripped)
    if match:
        return match.group(1).strip("*_ ")
    match = _BOLD_LINE.match(stripped)
    if match:
        return match.group(2).strip()
    match = _SLIDE.match(stripped)
    if match and len(stripped) <= 120:
        return match.group(1).strip() or stripped
    if len(stripped) > 70 or stripped[-1] in ".?!,;:\"')" or re.match(r"^[-*+]\s", stripped):
        return None
    if re.match(r"^(?i:client|customer|project|status|outcome|result|scope|contact|problem)\s*:\s+\S", stripped):
        return None  # a field of a list ("Client: Marrow Water Ltd", "Status: live"), not a title
    match = _NUMBERED.match(stripped)
    title = (match.group(1) if match else stripped).strip()
    if not title or len(title.split()) > 10 or title[0].islower():
        return None
    if not re.search(r"[A-Za-z]{2}", title):
        return None  # a bare number or a divider ("B.1", "=== 05 ==="): it names no section
    return title


def is_bullet(line: str) -> bool:
    return bool(_BULLET.match(line))


def is_rule(line: str) -> bool:
    return bool(_RULE.match(line))


@dataclass(frozen=True)
class Block:
    """A heading, or a run of lines that belongs together (a paragraph or a bullet)."""

    start: int
    end: int
    heading: str | None = None


def blocks(text: str, start: int = 0, end: int | None = None, headings: bool = True) -> Iterator[Block]:
    """Split ``text[start:end]`` into headings and paragraphs; bullets stand alone.

    ``headings=False`` (speech, e-mail bodies) never takes a short line for a heading."""
    current: list[Line] = []

    def flush() -> Iterator[Block]:
        if current:
            yield Block(current[0].start + _lead(current[0].text), current[-1].end)
            current.clear()

    for line in lines(text, start, end):
        stripped = _QUOTED.sub("", line.text).strip()
        if not stripped or is_rule(stripped):
            yield from flush()
            continue
        heading = heading_of(line.text) if headings else None
        if heading is not None and not current:
            yield Block(line.start, line.end, heading=heading)
            continue
        if heading is not None and _looks_like_title(stripped):
            yield from flush()
            yield Block(line.start, line.end, heading=heading)
            continue
        if is_bullet(stripped) or stripped.startswith("|"):
            yield from flush()
            if re.match(r"^\|[\s:|-]+\|?$", stripped):  # a table's |---|---| rule
                continue
        current.append(line)
    yield from flush()


def _looks_like_title(stripped: str) -> bool:
    """A heading-like line inside a paragraph: only when it is clearly a title."""
    return bool(_MD_HEADING.match(stripped) or _BOLD_LINE.match(stripped) or _SLIDE.match(stripped)) or (
        stripped.isupper() and len(stripped) > 3
    )


def _lead(text: str) -> int:
    return len(text) - len(_QUOTED.sub("", text).lstrip())


_QUOTED = re.compile(r"^[ \t]*(?:>[ \t]?)+")  # the ">" markers of a quoted e-mail line


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of the sentences in ``text[start:end]`` (the shared splitter; ``;`` stays inside).

    A list of fields ("Client: ...", "Scale: ...", "Status: ...", one a line, often without full
    stops) is a sentence per field, not one run-on sentence."""
    found: list[tuple[int, int]] = []
    for a, b in _fields(text, start, end):
        found += [_trim(text, x, y) for x, y in sentence_spans(text, a, b, semicolons=False)]
    return found


_FIELD_LINE = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?[A-Z][\w()/&' -]{0,30}?[ \t]*:[ \t]+\S")


def _fields(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut where each field of a field list begins (two or more "Label: value" lines
    making up most of the lines), or whole."""
    spans = lines(text, start, end)
    filled = [line for line in spans if line.stripped]
    starts = [line.start for line in filled if _FIELD_LINE.match(line.text) and "://" not in line.text[:40]]
    if len(starts) < 2 or len(starts) * 3 < len(filled) * 2:
        return [(start, end)]
    cuts = sorted({start, *starts})
    return [(a, b) for a, b in zip(cuts, [*cuts[1:], end], strict=True) if text[a:b].strip()]


_LIST_NUMBER = re.compile(r"\(?\d{1,3}[.)][ \t]+(?=\S)")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the quote markers, bullets or list number ("1.", "2)") it starts with."""
    while start < end and text[start] in " \t\n*-+>":
        start += 1
    number = _LIST_NUMBER.match(text, start, end)
    if number:
        start = number.end()
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    return start, end


def quote(text: str, start: int, end: int, limit: int = 320) -> str:
    """The passage as a one-line quote, shortened on a word boundary when long."""
    value = " ".join(re.sub(r"\n[ \t]*(?:>[ \t]?)+", "\n", text[start:end]).split()).strip("*_ ")
    if len(value) <= limit:
        return value
    return value[: limit - 3].rsplit(" ", 1)[0] + "..."
