"""Splitting a documentation file into sections by its headings, whatever its markup.

Markdown (ATX ``#`` and setext underlines, fenced code skipped, front matter skipped),
reStructuredText (underlined and overlined titles, levels by order of appearance),
AsciiDoc (``==`` titles), MediaWiki (``== Title ==``), Org (``* Title``) and plain text
(Markdown-style headings, underlined lines, short ALL-CAPS or numbered lines).
A section's body runs to the next heading of the same or a higher level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "markdown",
    ".mkd": "markdown",
    ".rst": "rst",
    ".rest": "rst",
    ".adoc": "asciidoc",
    ".asciidoc": "asciidoc",
    ".asc": "asciidoc",
    ".wiki": "mediawiki",
    ".mediawiki": "mediawiki",
    ".org": "org",
    ".txt": "text",
    ".text": "text",
    "": "text",
}


@dataclass(frozen=True)
class Section:
    heading: str
    level: int  # 1 = top; 0 for the untitled text before the first heading
    line: int  # 1-based line of the heading
    body: str  # the text under the heading, subsections included


def markup_of(path: str) -> str | None:
    return FORMATS.get(PurePosixPath(path).suffix.lower())


_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```+|~~~+)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RST_ADORN = re.compile(r"^([=\-`:'\"~^_*+#<>.])\1{2,}[ \t]*$")
_ADOC = re.compile(r"^(={1,6})[ \t]+(\S.*?)[ \t]*$")
_ADOC_BLOCK = re.compile(r"^(-{4,}|\.{4,}|={4,}|\+{4,}|/{4,}|_{4,})[ \t]*$")
_WIKI = re.compile(r"^(={1,6})[ \t]*(.+?)[ \t]*\1[ \t]*$")
_ORG = re.compile(r"^(\*{1,6})[ \t]+(.+?)[ \t]*$")
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.?[ \t]+([A-Z][^.!?]{1,60})$")


def _clean(text: str) -> str:
    text = re.sub(r"\{#[^}]*\}$", "", text)  # {#anchor}
    text = re.sub(r"[*_`]", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return text.strip().rstrip(":").strip()


def _markdown(lines: list[str], plain: bool = False) -> list[tuple[int, int, str]]:
    heads: list[tuple[int, int, str]] = []
    fence: str | None = None
    start = front_matter_end(lines)
    for i in range(start, len(lines)):
        line = lines[i]
        opened = _FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            continue
        if opened:
            fence = opened.group(1)
            continue
        atx = _ATX.match(line)
        if atx:
            heads.append((i, len(atx.group(1)), _clean(atx.group(2))))
            continue
        below = lines[i + 1] if i + 1 < len(lines) else ""
        setext = _SETEXT.match(below)
        if (
            setext
            and line.strip()
            and not line.startswith(("    ", "\t"))
            and not re.match(r"^\s*([-*+>|]|\d+[.)])\s", line)
            and (not plain or len(setext.group(1)) >= 3)
        ):
            heads.append((i, 1 if setext.group(1)[0] == "=" else 2, _clean(line)))
            continue
        if plain and _plain_heading(lines, i):  # the first line of a text file is its title
            heads.append((i, 1 if i == start and not heads else 2, _clean(line)))
    return heads


def front_matter_end(lines: list[str]) -> int:
    """The first line after a YAML front matter block (0 when there is none)."""
    if lines and lines[0].strip() == "---":
        for i in range(1, min(len(lines), 200)):
            if lines[i].strip() in ("---", "..."):
                return i + 1
    return 0


def _plain_heading(lines: list[str], i: int) -> bool:
    line = lines[i].strip()
    if not line or len(line) > 60 or len(line.split()) > 8:
        return False
    before_blank = i == 0 or not lines[i - 1].strip()
    if not before_blank:
        return False
    letters = [c for c in line if c.isalpha()]
    if len(letters) >= 3 and line.upper() == line:
        return True
    return bool(_NUMBERED.match(line))


def _rst(lines: list[str]) -> list[tuple[int, int, str]]:
    heads: list[tuple[int, int, str]] = []
    styles: list[tuple[str, bool]] = []
    i = 0
    while i < len(lines) - 1:
        over = _RST_ADORN.match(lines[i])
        if (
            over
            and i + 2 < len(lines)
            and lines[i + 1].strip()
            and _RST_ADORN.match(lines[i + 2])
            and lines[i + 2].strip()[0] == over.group(1)
        ):
            style, title, at = (over.group(1), True), lines[i + 1].strip(), i + 1
            i += 3
        else:
            under = _RST_ADORN.match(lines[i + 1])
            text = lines[i].strip()
            if not (
                under
                and text
                and not _RST_ADORN.match(lines[i])
                and len(lines[i + 1].rstrip()) >= len(lines[i].rstrip())
            ):
                i += 1
                continue
            style, title, at = (under.group(1), False), text, i
            i += 2
        if style not in styles:
            styles.append(style)
        heads.append((at, styles.index(style) + 1, _clean(title)))
    return heads


def _asciidoc(lines: list[str]) -> list[tuple[int, int, str]]:
    heads: list[tuple[int, int, str]] = []
    block: str | None = None
    for i, line in enumerate(lines):
        delimiter = _ADOC_BLOCK.match(line)
        if delimiter:
            block = None if block == delimiter.group(1) else (block or delimiter.group(1))
            continue
        if block:
            continue
        found = _ADOC.match(line) or _ATX.match(line)
        if found:
            heads.append((i, len(found.group(1)), _clean(found.group(2))))
    return heads


def _by_pattern(lines: list[str], pattern: re.Pattern[str]) -> list[tuple[int, int, str]]:
    heads = []
    for i, line in enumerate(lines):
        found = pattern.match(line)
        if found:
            heads.append((i, len(found.group(1)), _clean(found.group(2))))
    return heads


def split_sections(text: str, markup: str) -> list[Section]:
    """The file's sections in order; text before the first heading is an untitled level-0 section."""
    lines = text.splitlines()
    if markup == "rst":
        heads = _rst(lines)
    elif markup == "asciidoc":
        heads = _asciidoc(lines)
    elif markup == "mediawiki":
        heads = _by_pattern(lines, _WIKI)
    elif markup == "org":
        heads = _by_pattern(lines, _ORG)
    else:
        heads = _markdown(lines, plain=markup == "text")
    heads = [h for h in heads if h[2]]
    sections: list[Section] = []
    first = heads[0][0] if heads else len(lines)
    skip = front_matter_end(lines) if markup in ("markdown", "text") else 0
    intro = "\n".join(lines[skip:first]).strip()
    if intro:
        sections.append(Section("", 0, 1, intro))
    for n, (at, level, title) in enumerate(heads):
        end = len(lines)
        for later_at, later_level, _ in heads[n + 1 :]:
            if later_level <= level:
                end = later_at
                break
        body_start = at + (
            2 if markup in ("text", "markdown") and at + 1 < len(lines) and _SETEXT.match(lines[at + 1]) else 1
        )
        if markup == "rst":
            body_start = at + 2
        sections.append(Section(title, level, at + 1, "\n".join(lines[body_start:end]).strip()))
    return sections
