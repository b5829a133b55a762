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
_ANSWER_LABEL = re.compile(
    r"^\s*[*_]*(?i:(?:our |supplier(?:'s)? |bidder(?:'s)? |tenderer(?:'s)? |vendor(?:'s)? )?(?:response|answer|reply))"
    r"[*_]*\s*:?\s*[*_]*\s*$"
)
_RULE = re.compile(r"^\s*(?:[-=_*~]{3,}|<hr\s*/?>)\s*$")


def is_answer_label(line: str) -> bool:
    """A form's bare "Response:" / "*Answer:*" line: it opens the answer under the question above it."""
    return bool(_ANSWER_LABEL.match(line))


def heading_of(line: str) -> str | None:
    """The heading text if ``line`` is a heading (Markdown, bold, slide title, short title)."""
    stripped = line.strip()
    if not stripped or stripped.startswith("|") or is_answer_label(stripped):  # a table row is content
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
        if not stripped or is_rule(stripped) or (headings and is_answer_label(stripped)):
            yield from flush()
            continue
        heading = heading_of(line.text) if headings else None
        if heading is None and not headings and not current and stripped.isupper() and len(stripped) > 3:
            heading = heading_of(line.text)  # a section title in capitals inside a mail ("4. REFERENCES")
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
    joined: list[tuple[int, int]] = []
    for span in found:  # "Example 2." is no sentence: it labels the entry that follows it
        if joined and _ENTRY_LABEL_ONLY.fullmatch(text[joined[-1][0] : joined[-1][1]]):
            joined[-1] = (joined[-1][0], span[1])
        else:
            joined.append(span)
    return joined


_ENTRY_LABEL_ONLY = re.compile(
    r"(?i:example|reference|case|project|contract|referee|client|customer|option)\s+(?:\d{1,2}|[A-Z])[.:)]"
)


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


_GRID_BORDER = re.compile(r"^[ \t]*\+(?:[-=]+\+)+[ \t]*$")
_GRID_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")


def grid_tables(text: str) -> str:
    """``text`` with each ASCII grid table (``+----+----+`` borders, a row's cells wrapped over several
    ``|`` lines, a cell perhaps spanning columns) written as a pipe table, one line per row:
    ``| Larkspur County | Scope over two lines | 2022 - present |``, a ``|---|`` rule under the
    header row and an empty cell after a cell for each further column it spans. Cells are cut at
    the ``|`` marks, not by position (a reader may have squeezed the spaces); spans are read from the
    borders. Text without grid tables is returned unchanged (so its offsets still hold)."""
    if "+-" not in text and "+=" not in text:
        return text
    source = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(source):
        line = source[index]
        if not _GRID_BORDER.match(line) or index + 1 >= len(source) or not _GRID_ROW.match(source[index + 1]):
            out.append(line)
            index += 1
            continue
        columns = _plus_marks(line)
        borders = [line]
        blocks_of_rows: list[list[str]] = []
        header_rows = 0
        row: list[str] = []
        index += 1
        while index < len(source) and (_GRID_ROW.match(source[index]) or _GRID_BORDER.match(source[index])):
            current = source[index]
            if _GRID_BORDER.match(current):
                if row:
                    blocks_of_rows.append(row)
                    row = []
                borders.append(current)
                if "=" in current and not header_rows:
                    header_rows = len(blocks_of_rows)
            else:
                row.append(current)
            index += 1
        if row:
            blocks_of_rows.append(row)
            borders.append(borders[-1])
        for number, lines_of_row in enumerate(blocks_of_rows):
            cells = _grid_cells(lines_of_row, borders[number], borders[number + 1], columns)
            out.append("| " + " | ".join(cells) + " |")
            if number + 1 == header_rows:
                out.append("|" + "---|" * len(cells))
    return "\n".join(out)


def _plus_marks(border: str) -> list[int]:
    return [position for position, char in enumerate(border) if char == "+"]


def _grid_cells(lines_of_row: list[str], above: str, below: str, columns: list[int]) -> list[str]:
    """The cells of one grid-table row, each joined over the row's lines."""
    split = [line.strip().strip("|").split("|") for line in lines_of_row]
    width = max(len(parts) for parts in split)
    cells = [" ".join(p[n].strip() for p in split if n < len(p) and p[n].strip()) for n in range(width)]
    marks = next((_plus_marks(b) for b in (below, above) if len(_plus_marks(b)) == width + 1), None)
    if marks is None or len(columns) == len(marks):
        return cells
    out: list[str] = []
    for (a, b), cell in zip(zip(marks, marks[1:], strict=False), cells, strict=False):
        out += [cell] + [""] * sum(1 for position in columns if a < position < b)
    return out
