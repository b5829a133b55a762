"""The limits a document is read within: what a partner hands over is untrusted, so its reading is bounded.

The services build a :class:`DocumentLimits` from the workspace settings (:meth:`DocumentLimits.of`) and
pass it to the reader; the analyzers never read the settings themselves. A document over any limit is
refused with one line naming the file and the limit, never truncated silently. The defaults are the
settings' defaults (``docs/configuration.md``), so a reader called without limits is bounded the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class _LimitSettings(Protocol):
    """The settings a :class:`DocumentLimits` is built from (``inhouse.settings.Settings`` has them)."""

    @property
    def max_document_bytes(self) -> int: ...
    @property
    def max_unpacked_bytes(self) -> int: ...
    @property
    def max_archive_members(self) -> int: ...
    @property
    def max_markup_depth(self) -> int: ...
    @property
    def max_pages(self) -> int: ...
    @property
    def max_text_chars(self) -> int: ...
    @property
    def document_seconds(self) -> float: ...


@dataclass(frozen=True)
class DocumentLimits:
    """Bounds on reading one document, each named after the setting it comes from.

    ``max_bytes``: bytes of the file as given (``max_document_bytes``; 0 for none, for a document
    already stored). ``max_unpacked_bytes``: bytes once decompressed (a DOCX's zip members together,
    counted from the archive's directory and again while reading; a PDF's content streams).
    ``max_archive_members``: files in a DOCX. ``max_markup_depth``: nesting of HTML or XML elements.
    ``max_pages``: pages of a PDF. ``max_text_chars``: characters of extracted text. ``seconds``: the
    wall-clock budget (``document_seconds``), checked between pages, paragraphs and chunks.
    """

    max_bytes: int = 25 * 1024 * 1024
    max_unpacked_bytes: int = 200 * 1024 * 1024
    max_archive_members: int = 10_000
    max_markup_depth: int = 256
    max_pages: int = 5_000
    max_text_chars: int = 1_000_000
    seconds: float = 15.0

    @classmethod
    def of(cls, settings: _LimitSettings) -> DocumentLimits:
        """The limits the workspace settings set."""
        return cls(
            max_bytes=settings.max_document_bytes,
            max_unpacked_bytes=settings.max_unpacked_bytes,
            max_archive_members=settings.max_archive_members,
            max_markup_depth=settings.max_markup_depth,
            max_pages=settings.max_pages,
            max_text_chars=settings.max_text_chars,
            seconds=settings.document_seconds,
        )
