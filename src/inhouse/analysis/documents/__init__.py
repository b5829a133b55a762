"""Reading the documents partners send (PDF, DOCX, Markdown, HTML, plain text) into text.

One entry point, :func:`read_document`, takes the original bytes and the file name and
returns an :class:`ExtractedText` whose ``text`` is what every text analyzer works on;
offsets that analyzers report are offsets into that text.
"""

from inhouse.analysis.documents.base import DOCUMENT_SUFFIXES, DocumentFormat, ExtractedText
from inhouse.analysis.documents.reader import DEFAULT_MAX_BYTES, detect_format, read_document

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DOCUMENT_SUFFIXES",
    "DocumentFormat",
    "ExtractedText",
    "detect_format",
    "read_document",
]
