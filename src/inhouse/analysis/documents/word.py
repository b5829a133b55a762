"""DOCX: a zip archive checked and read through within the limits, then read with python-docx.

Before python-docx sees the archive, its directory is checked (no encrypted entries, at most
``max_archive_members`` members, declared sizes within ``max_unpacked_bytes`` and no entry whose
compression ratio betrays a zip bomb, the parts a Word document needs) and then every member is
decompressed in chunks, the bytes counted again as they come (a directory can lie) and the CRC checked;
each XML part is parsed as it streams, its nesting counted against ``max_markup_depth``, with entities
and network access off. Only then does python-docx build the document, paragraph by paragraph, with
the deadline and the text limit checked as it goes.
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING, Any

from docx.oxml.ns import qn
from lxml import etree

from inhouse.analysis.documents.budget import Budget, size
from inhouse.errors import AnalyzerError

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph

MAX_RATIO = 100  # uncompressed / compressed, for entries large enough to matter
RATIO_FLOOR = 1024 * 1024
REQUIRED = ("[Content_Types].xml", "_rels/.rels", "word/document.xml")
_CHUNK = 256 * 1024
_XML_SUFFIXES = (".xml", ".rels")
_W_DOCUMENT = qn("w:document")
MAX_LEVEL = 8  # Word's list levels are 0 to 8


def check_zip(data: bytes, budget: Budget) -> None:
    """Raise AnalyzerError unless ``data`` is a sane, unencrypted DOCX archive within the limits."""
    name, limits = budget.name, budget.limits
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise AnalyzerError(f"{name}: corrupt DOCX (not a readable zip archive)") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > limits.max_archive_members:
            raise AnalyzerError(
                f"{name}: {len(entries):,} files in the DOCX archive, over the limit of "
                f"{limits.max_archive_members:,} (max_archive_members)"
            )
        total = 0
        for info in entries:
            if info.flag_bits & 0x1:
                raise AnalyzerError(f"{name}: encrypted DOCX (password-protected), cannot read it")
            total += info.file_size
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise AnalyzerError(f"{name}: refused DOCX: entry {info.filename} looks like a zip bomb")
        if total > limits.max_unpacked_bytes:
            raise AnalyzerError(
                f"{name}: unpacks to {size(total)}, over the limit of {size(limits.max_unpacked_bytes)} "
                "(max_unpacked_bytes)"
            )
        names = {info.filename for info in entries}
        missing = [part for part in REQUIRED if part not in names]
        if missing:
            raise AnalyzerError(f"{name}: corrupt DOCX (missing {', '.join(missing)})")
        for info in entries:
            _read_member(archive, info, budget)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget) -> None:
    """Decompress one member in chunks (counted, CRC checked), parsing it as it streams if it is XML."""
    parser = _DepthParser(budget, info.filename) if info.filename.lower().endswith(_XML_SUFFIXES) else None
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                budget.unpack(len(chunk), info.filename)
                budget.tick()
                if parser is not None:
                    parser.feed(chunk)
    except zipfile.BadZipFile:
        raise AnalyzerError(f"{budget.name}: corrupt DOCX (damaged entry {info.filename})") from None
    if parser is not None:
        parser.close()


class _DepthParser:
    """An incremental XML parse of one part that refuses nesting past the limit, clearing what it read."""

    def __init__(self, budget: Budget, part: str) -> None:
        self.budget = budget
        self.part = part
        self.depth = 0
        self.root: str | None = None
        self.parser = etree.XMLPullParser(
            events=("start", "end"), resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
        )

    def feed(self, chunk: bytes) -> None:
        try:
            self.parser.feed(chunk)
        except etree.XMLSyntaxError as exc:
            self._corrupt(exc)
        self._drain()

    def close(self) -> None:
        try:
            self.parser.close()
        except etree.XMLSyntaxError as exc:
            self._corrupt(exc)
        self._drain()
        if self.part == "word/document.xml" and self.root != _W_DOCUMENT:
            raise AnalyzerError(f"{self.budget.name}: corrupt DOCX (word/document.xml is not a Word document body)")

    def _drain(self) -> None:
        for event, element in self.parser.read_events():
            if event == "start":
                self.depth += 1
                if self.root is None:
                    self.root = str(element.tag)
                self.budget.depth(self.depth)
            else:
                self.depth -= 1
                element.clear()

    def _corrupt(self, exc: etree.XMLSyntaxError) -> None:
        if "Excessive depth" in str(exc.msg):  # libxml2's own bound (256 without huge trees) came first
            self.budget.depth(self.budget.limits.max_markup_depth + 1)
        reason = str(exc.msg or "").splitlines()[0][:120] if exc.msg else type(exc).__name__
        raise AnalyzerError(f"{self.budget.name}: corrupt DOCX ({self.part} is not well-formed XML: {reason})")


def read_docx(data: bytes, budget: Budget) -> str:
    """Paragraphs and table rows in document order, one per line; call it inside ``guarded``."""
    check_zip(data, budget)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    numbering = _Numbering(document)
    for block in document.iter_inner_content():
        budget.tick()
        if isinstance(block, Paragraph):
            line = numbering.prefix(block) + block.text
        elif isinstance(block, Table):
            rows = []
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = cell.text.strip()
                    if value and (not cells or cells[-1] != value):
                        cells.append(value)
                rows.append(" | ".join(cells))
            line = "\n".join(rows)
        else:  # pragma: no cover - iter_inner_content yields paragraphs and tables only
            continue
        budget.text(len(line) + 1)
        lines.append(line)
    return "\n".join(lines).strip() + "\n"


class _Numbering:
    """Word's automatic list numbering is not in the paragraph text; rebuild a plain
    decimal form ("1.", "1.2.") so numbered clauses keep their numbers."""

    def __init__(self, document: DocxDocument) -> None:
        self.counters: dict[str, list[int]] = {}
        self.formats: dict[tuple[str, int], str] = {}
        self.styles: dict[str | None, tuple[Any, bool]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, AttributeError, NotImplementedError):
            return
        abstract: dict[str, dict[int, str]] = {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                level = _level(lvl.get(qn("w:ilvl"), "0"))
                if level is not None:
                    levels[level] = fmt.get(qn("w:val")) if fmt is not None else "decimal"
            abstract[node.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is None:
                continue
            for level, fmt in abstract.get(ref.get(qn("w:val")), {}).items():
                self.formats[(num.get(qn("w:numId")), level)] = fmt

    def prefix(self, paragraph: Paragraph) -> str:
        try:  # python-docx converts the attributes as they are read and refuses a non-number
            ppr = paragraph._p.pPr
            own: Any = ppr.numPr if ppr is not None else None
            inherited, bullet_style = self._style(paragraph)
            num_pr = own if own is not None else inherited
            if num_pr is None or num_pr.numId is None:
                return ""
            num_id = str(num_pr.numId.val)
            level = _level(num_pr.ilvl.val if num_pr.ilvl is not None else 0)
        except ValueError:
            return ""
        if num_id == "0" or level is None:  # no list, or a level Word never writes: the text without a number
            return ""
        fmt = self.formats.get((num_id, level), "decimal")
        if bullet_style or fmt in ("bullet", "none"):
            return "- "
        counters = self.counters.setdefault(num_id, [])
        while len(counters) <= level:
            counters.append(0)
        del counters[level + 1 :]
        counters[level] += 1
        if fmt in ("lowerLetter", "upperLetter") and counters[level] <= 26:
            letter = chr(ord("a") + counters[level] - 1)
            return f"({letter.upper() if fmt == 'upperLetter' else letter}) "
        if fmt in ("lowerRoman", "upperRoman"):
            roman = _roman(counters[level])
            return f"({roman.upper() if fmt == 'upperRoman' else roman}) "
        numbers = [c if c else 1 for c in counters]
        return ".".join(str(n) for n in numbers) + ". "

    def _style(self, paragraph: Paragraph) -> tuple[Any, bool]:
        """The numbering properties the paragraph's style chain gives, and whether it is a bullet style;
        looked up once per style (python-docx scans every style to find one)."""
        key = paragraph._p.style
        if key not in self.styles:
            style = paragraph.style
            bullet = "bullet" in (style.name or "").lower() if style is not None else False
            found, depth = None, 0
            while style is not None and depth < 10:
                ppr = style.element.pPr
                if ppr is not None and ppr.numPr is not None:
                    found = ppr.numPr
                    break
                style = style.base_style
                depth += 1
            self.styles[key] = (found, bullet)
        return self.styles[key]


def _level(value: object) -> int | None:
    """A list level (0 to 8 in Word), or None for anything else a hostile file may hold."""
    try:
        level = int(str(value))
    except ValueError:
        return None
    return level if 0 <= level <= MAX_LEVEL else None


def _roman(number: int) -> str:
    out = []
    for value, letters in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)
