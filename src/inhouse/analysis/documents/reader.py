"""The one entry point: bytes and a file name in, :class:`ExtractedText` out."""

from __future__ import annotations

from pathlib import PurePath

from inhouse.analysis.documents.base import DocumentFormat, ExtractedText
from inhouse.analysis.documents.markup import read_html, read_markdown
from inhouse.analysis.documents.pdf import read_pdf
from inhouse.analysis.documents.text import decode_text
from inhouse.analysis.documents.word import read_docx
from inhouse.errors import AnalyzerError, InvalidInput

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_EXTENSIONS = {
    ".pdf": DocumentFormat.PDF,
    ".docx": DocumentFormat.DOCX,
    ".md": DocumentFormat.MARKDOWN,
    ".markdown": DocumentFormat.MARKDOWN,
    ".mdown": DocumentFormat.MARKDOWN,
    ".html": DocumentFormat.HTML,
    ".htm": DocumentFormat.HTML,
    ".xhtml": DocumentFormat.HTML,
    ".txt": DocumentFormat.TEXT,
    ".text": DocumentFormat.TEXT,
    ".eml": DocumentFormat.TEXT,
    ".vtt": DocumentFormat.TEXT,
    ".srt": DocumentFormat.TEXT,
    "": DocumentFormat.TEXT,
}
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


def read_document(data: bytes, filename: str, max_bytes: int = DEFAULT_MAX_BYTES) -> ExtractedText:
    """Read a document's text. Raises InvalidInput (too large, unsupported type, empty) or
    AnalyzerError (scanned PDF, encrypted or corrupt file), each with a one-line message."""
    name = filename or "document"
    if max_bytes and len(data) > max_bytes:
        raise InvalidInput(f"{name}: file is {_size(len(data))}, over the limit of {_size(max_bytes)}")
    if not data.strip():
        raise InvalidInput(f"{name}: file is empty")
    fmt = detect_format(data, filename)
    encoding = None
    warnings: list[str] = []
    starts: tuple[int, ...] = (0,)
    if fmt is DocumentFormat.PDF:
        pages, warnings = read_pdf(data, name)
        text, starts = _join_pages(pages)
    elif fmt is DocumentFormat.DOCX:
        text = read_docx(data, name)
    elif fmt is DocumentFormat.HTML:
        text, encoding = read_html(data, name)
    elif fmt is DocumentFormat.MARKDOWN:
        text, encoding = read_markdown(data, name)
    else:
        text, encoding = decode_text(data, name)
    if not text.strip():
        raise InvalidInput(f"{name}: document has no text")
    return ExtractedText(
        text=text, format=fmt, filename=filename, page_starts=starts, encoding=encoding, warnings=tuple(warnings)
    )


def _join_pages(pages: list[str]) -> tuple[str, tuple[int, ...]]:
    starts, parts, offset = [], [], 0
    for page in pages:
        starts.append(offset)
        parts.append(page)
        offset += len(page) + 2
    return "\n\n".join(parts) + "\n", tuple(starts)


def _looks_like_html(head: bytes) -> bool:
    sample = head.lstrip().lower()
    return sample.startswith(b"<!doctype html") or sample.startswith(b"<html")


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MiB"
    if count >= 1024:
        return f"{count / 1024:.1f} KiB"
    return f"{count} bytes"
