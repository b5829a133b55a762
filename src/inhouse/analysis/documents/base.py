"""The value every document reader returns."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class DocumentFormat(str, enum.Enum):
    PDF = "pdf"
    DOCX = "docx"
    MARKDOWN = "markdown"
    HTML = "html"
    TEXT = "text"

    @property
    def media_type(self) -> str:
        return _MEDIA_TYPES[self]


_MEDIA_TYPES = {
    DocumentFormat.PDF: "application/pdf",
    DocumentFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    DocumentFormat.MARKDOWN: "text/markdown",
    DocumentFormat.HTML: "text/html",
    DocumentFormat.TEXT: "text/plain",
}


DOCUMENT_SUFFIXES: dict[str, DocumentFormat] = {
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
}
"""The one list of accepted document formats: each file name ending and the format it is read as.
The reader, the CLI (through the reader) and the web's upload check accept exactly these."""


@dataclass(frozen=True)
class ExtractedText:
    """Text extracted from one document.

    ``page_starts`` holds the offset in ``text`` where each page begins (PDF only; one
    entry for other formats). ``encoding`` is set for text formats. ``warnings`` lists
    things worth telling the user that did not stop the reading (e.g. a page without text).
    """

    text: str
    format: DocumentFormat
    filename: str = ""
    page_starts: tuple[int, ...] = (0,)
    encoding: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def media_type(self) -> str:
        return self.format.media_type

    @property
    def kind(self) -> str:
        return self.format.value

    @property
    def pages(self) -> int:
        return len(self.page_starts)

    def page_of(self, offset: int) -> int:
        """The 1-based page on which ``offset`` falls."""
        page = 1
        for number, start in enumerate(self.page_starts, start=1):
            if offset >= start:
                page = number
        return page
