"""DOCX: a zip archive checked before it is opened, then read with python-docx.

The checks refuse encrypted entries, archives with too many entries, and entries whose
declared size or compression ratio betrays a zip bomb, before any entry is decompressed.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import TYPE_CHECKING, Any

from docx.oxml.ns import qn

from inhouse.errors import AnalyzerError

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph

MAX_ENTRIES = 2_000
MAX_TOTAL_UNCOMPRESSED = 256 * 1024 * 1024
MAX_RATIO = 100  # uncompressed / compressed, for entries large enough to matter
RATIO_FLOOR = 1024 * 1024
REQUIRED = ("[Content_Types].xml", "word/document.xml")


def check_zip(data: bytes, filename: str) -> None:
    """Raise AnalyzerError unless ``data`` is a sane, unencrypted DOCX archive."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise AnalyzerError(f"{filename}: corrupt DOCX (not a readable zip archive)") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise AnalyzerError(f"{filename}: refused DOCX with {len(entries)} zip entries")
        total = 0
        for info in entries:
            if info.flag_bits & 0x1:
                raise AnalyzerError(f"{filename}: encrypted DOCX (password-protected), cannot read it")
            total += info.file_size
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise AnalyzerError(f"{filename}: refused DOCX: entry {info.filename} looks like a zip bomb")
        if total > MAX_TOTAL_UNCOMPRESSED:
            raise AnalyzerError(f"{filename}: refused DOCX: {total} bytes uncompressed is over the limit")
        names = {info.filename for info in entries}
        missing = [name for name in REQUIRED if name not in names]
        if missing:
            raise AnalyzerError(f"{filename}: corrupt DOCX (missing {', '.join(missing)})")
        try:
            bad = archive.testzip()
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError):
            bad = "?"
        if bad is not None:
            raise AnalyzerError(f"{filename}: corrupt DOCX (damaged entry {bad})")


def read_docx(data: bytes, filename: str) -> str:
    """Paragraphs and table rows in document order, one per line."""
    check_zip(data, filename)
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, SyntaxError) as exc:
        raise AnalyzerError(f"{filename}: corrupt DOCX ({type(exc).__name__})") from None
    lines: list[str] = []
    numbering = _Numbering(document)
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(numbering.prefix(block) + block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = cell.text.strip()
                    if value and (not cells or cells[-1] != value):
                        cells.append(value)
                lines.append(" | ".join(cells))
    return "\n".join(lines).strip() + "\n"


class _Numbering:
    """Word's automatic list numbering is not in the paragraph text; rebuild a plain
    decimal form ("1.", "1.2.") so numbered clauses keep their numbers."""

    def __init__(self, document: DocxDocument) -> None:
        self.counters: dict[str, list[int]] = {}
        self.formats: dict[tuple[str, int], str] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, AttributeError, NotImplementedError):
            return
        abstract: dict[str, dict[int, str]] = {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = fmt.get(qn("w:val")) if fmt is not None else "decimal"
            abstract[node.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is None:
                continue
            for level, fmt in abstract.get(ref.get(qn("w:val")), {}).items():
                self.formats[(num.get(qn("w:numId")), level)] = fmt

    def prefix(self, paragraph: Paragraph) -> str:
        num_pr = _num_pr(paragraph)
        if num_pr is None or num_pr.numId is None:
            return ""
        num_id = str(num_pr.numId.val)
        if num_id == "0":
            return ""
        level = int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
        style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
        fmt = self.formats.get((num_id, level), "decimal")
        if "bullet" in style or fmt in ("bullet", "none"):
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


def _num_pr(paragraph: Paragraph) -> Any:
    """The paragraph's numbering properties, from itself or its style chain."""
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None:
        return ppr.numPr
    style = paragraph.style
    depth = 0
    while style is not None and depth < 10:
        ppr = style.element.pPr
        if ppr is not None and ppr.numPr is not None:
            return ppr.numPr
        style = style.base_style
        depth += 1
    return None


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
