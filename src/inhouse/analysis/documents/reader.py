"""The one entry point: bytes and a file name in, :class:`ExtractedText` out, within the limits.

Whatever goes wrong reading a document ends as one line: :class:`~inhouse.errors.InvalidInput` for a
file that is not a document we read (too large on disk, empty, an unsupported type) and
:class:`~inhouse.errors.AnalyzerError` for one we cannot read (corrupt, encrypted, scanned, over a
limit of :class:`~inhouse.domain.limits.DocumentLimits`); nothing else escapes (see ``budget.guarded``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import PurePath

from inhouse.analysis.documents.base import DOCUMENT_SUFFIXES, DocumentFormat, ExtractedText
from inhouse.analysis.documents.budget import Budget, guarded, size
from inhouse.analysis.documents.mail import is_mime, read_eml
from inhouse.analysis.documents.markup import read_html, read_markdown
from inhouse.analysis.documents.pdf import read_pdf
from inhouse.analysis.documents.text import decode_text, tame
from inhouse.analysis.documents.word import read_docx
from inhouse.domain.limits import DocumentLimits
from inhouse.errors import AnalyzerError, InvalidInput

DEFAULT_MAX_BYTES = DocumentLimits().max_bytes

_EXTENSIONS = {**DOCUMENT_SUFFIXES, "": DocumentFormat.TEXT}  # a file without a name is read as text
_MAGIC_PDF = b"%PDF-"
_MAGIC_ZIP = b"PK\x03\x04"
_MAGIC_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_KNOWN_BINARY = {
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"II*\x00": "TIFF image",
    b"MM\x00*": "TIFF image",
    b"{\\rtf": "RTF document",
}
_SUPPORTED = "PDF, DOCX, Markdown, HTML or plain text"


def detect_format(data: bytes, filename: str) -> DocumentFormat:
    """Decide the format from the content's signature first, the file name second."""
    name = filename or "document"
    suffix = PurePath(filename).suffix.lower()
    head = data[:16]
    if head.startswith(_MAGIC_PDF) or (suffix == ".pdf" and _MAGIC_PDF in data[:1024]):
        return DocumentFormat.PDF
    if head.startswith(_MAGIC_OLE):
        if suffix == ".docx":
            raise AnalyzerError(f"{name}: encrypted DOCX (password-protected), cannot read it")
        raise InvalidInput(f"{name}: unsupported file type (legacy Office binary); save it as DOCX or PDF")
    if head.startswith(_MAGIC_ZIP):
        if suffix in ("", ".docx", ".zip"):
            return DocumentFormat.DOCX
        raise InvalidInput(f"{name}: unsupported file type ({suffix} archive); expected {_SUPPORTED}")
    for magic, what in _KNOWN_BINARY.items():
        if head.startswith(magic):
            raise InvalidInput(f"{name}: unsupported file type ({what}); expected {_SUPPORTED}")
    if suffix == ".pdf":
        raise AnalyzerError(f"{name}: corrupt PDF (no PDF header)")
    if suffix == ".docx":
        raise AnalyzerError(f"{name}: corrupt DOCX (not a zip archive)")
    if suffix not in _EXTENSIONS:
        raise InvalidInput(f"{name}: unsupported file type {suffix!r}; expected {_SUPPORTED}")
    fmt = _EXTENSIONS[suffix]
    if fmt is DocumentFormat.TEXT and _looks_like_html(head + data[16:512]):
        return DocumentFormat.HTML
    return fmt


def read_document(
    data: bytes, filename: str, max_bytes: int | None = None, *, limits: DocumentLimits | None = None
) -> ExtractedText:
    """Read a document's text within ``limits`` (the defaults when not given; ``max_bytes``, when
    given, overrides its size on disk, 0 for none). Raises InvalidInput (too large, unsupported type,
    empty) or AnalyzerError (scanned PDF, encrypted or corrupt file, over a limit), one line each."""
    limits = limits or DocumentLimits()
    if max_bytes is not None:
        limits = replace(limits, max_bytes=max_bytes)
    name = filename or "document"
    if limits.max_bytes and len(data) > limits.max_bytes:
        raise InvalidInput(f"{name}: file is {size(len(data))}, over the limit of {size(limits.max_bytes)}")
    if not data.strip():
        raise InvalidInput(f"{name}: file is empty")
    fmt = detect_format(data, filename)
    budget = Budget(name, limits)
    encoding = None
    warnings: list[str] = []
    starts: tuple[int, ...] = (0,)
    with guarded(name, _NAMES[fmt]):
        if fmt is DocumentFormat.PDF:
            pages, warnings = read_pdf(data, budget)
            text, starts = _join_pages(pages)
        elif fmt is DocumentFormat.DOCX:
            text = read_docx(data, budget)
        elif fmt is DocumentFormat.HTML:
            text, encoding = read_html(data, budget)
        elif fmt is DocumentFormat.MARKDOWN:
            text, encoding = read_markdown(data, budget)
        elif name.lower().endswith(".eml") and is_mime(data):
            text, encoding = read_eml(data, budget)
        else:
            text, encoding = decode_text(data, name)
        budget.check_text(len(text))
        budget.tick()
        if fmt is not DocumentFormat.PDF:  # a PDF's pages were tamed one by one (their starts stay true)
            text = tame(text)
    if not text.strip():
        raise InvalidInput(f"{name}: document has no text")
    return ExtractedText(
        text=text, format=fmt, filename=filename, page_starts=starts, encoding=encoding, warnings=tuple(warnings)
    )


_NAMES = {
    DocumentFormat.PDF: "PDF",
    DocumentFormat.DOCX: "DOCX",
    DocumentFormat.HTML: "HTML",
    DocumentFormat.MARKDOWN: "Markdown",
    DocumentFormat.TEXT: "text",
}


def _join_pages(pages: list[str]) -> tuple[str, tuple[int, ...]]:
    starts, parts, offset = [], [], 0
    for page in map(tame, pages):
        starts.append(offset)
        parts.append(page)
        offset += len(page) + 2
    return "\n\n".join(parts) + "\n", tuple(starts)


def _looks_like_html(head: bytes) -> bool:
    sample = head.lstrip().lower()
    return sample.startswith(b"<!doctype html") or sample.startswith(b"<html")
