"""PDF: the text layer, page by page, with pypdf.

A PDF whose pages carry no text is a scan: we say so rather than return nothing,
because OCR is out of scope (nothing is downloaded, no OCR engine is assumed).

The reading is bounded: pypdf's own per-stream limits are lowered to ``max_unpacked_bytes`` and no
external decoder is ever run (``jbig2dec``); the page count is checked before any page is read; each
page's content is decoded and counted before its text is extracted; the deadline is checked every few
hundred content-stream operators. An encrypted PDF is read when its user password is empty (pypdf uses
``cryptography`` for AES) and refused when it needs a password.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterator
from typing import Any

from inhouse.analysis.documents.budget import Budget
from inhouse.errors import AnalyzerError

MIN_CHARS_PER_PAGE = 20
_TICK_EVERY = 256  # content-stream operators between two looks at the clock
_PYPDF_DEFAULT_LIMIT = 75_000_000
_PER_STREAM_LIMITS = (
    "maximum_declared_stream_length",
    "array_based_stream_maximum_output_length",
    "jbig2_maximum_output_length",
    "lzw_maximum_output_length",
    "run_length_maximum_output_length",
    "zlib_maximum_output_length",
    "brotli_maximum_output_length",
    "image_maximum_buffer_size",
)


def read_pdf(data: bytes, budget: Budget) -> tuple[list[str], list[str]]:
    """Return ``(page_texts, warnings)``; call it inside :func:`~inhouse.analysis.documents.budget.guarded`."""
    from pypdf.errors import DependencyError

    name = budget.name
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # its notes on repairs are not the user's concern
    try:
        pages = _read_pages(data, budget)
    except DependencyError as exc:  # e.g. a JBIG2 stream: its decoder is an external program, never run here
        raise AnalyzerError(f"{name}: the PDF needs a decoder that is not available ({type(exc).__name__})") from None
    if not pages:
        raise AnalyzerError(f"{name}: corrupt PDF (no pages)")
    pages = [_tidy(text) for text in pages]
    textful = [text for text in pages if len(text.strip()) >= MIN_CHARS_PER_PAGE]
    if not textful:
        raise AnalyzerError(f"{name}: PDF has no text layer (scanned?); run OCR on it first or send the original")
    warnings = []
    empty = [str(number) for number, text in enumerate(pages, start=1) if len(text.strip()) < MIN_CHARS_PER_PAGE]
    if empty:
        warnings.append(f"pages without text (scanned?): {', '.join(empty)}")
    return pages, warnings


def _read_pages(data: bytes, budget: Budget) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    name = budget.name
    with _bounded(budget):
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                decrypted = bool(reader.decrypt(""))
            except FileNotDecryptedError:
                decrypted = False
            except (DependencyError, NotImplementedError) as exc:
                raise AnalyzerError(f"{name}: the PDF's encryption cannot be read ({type(exc).__name__})") from None
            if not decrypted:
                raise AnalyzerError(f"{name}: the PDF is encrypted with a password")
        budget.tick()
        count = len(reader.pages)
        if count > budget.limits.max_pages:
            raise AnalyzerError(f"{name}: {count:,} pages, over the limit of {budget.limits.max_pages:,} (max_pages)")
        pages = []
        visitor = _Ticker(budget)
        for number in range(count):
            budget.tick()
            page = reader.pages[number]
            contents = page.get_contents()  # decoded once here and kept: extract_text reuses it
            budget.unpack(len(contents.get_data()) if contents is not None else 0, f"page {number + 1}")
            text = page.extract_text(visitor_operand_before=visitor) or ""
            budget.text(len(text))
            pages.append(text)
    return pages


class _Ticker:
    """A pypdf text visitor that looks at the clock every few hundred operators."""

    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self.seen = 0

    def __call__(self, *_args: Any) -> None:
        self.seen += 1
        if self.seen % _TICK_EVERY == 0:
            self.budget.tick()


@contextlib.contextmanager
def _bounded(budget: Budget) -> Iterator[None]:
    """pypdf's configuration for this reading: per-stream output within the unpacked limit, no external tools."""
    try:
        from pypdf import apply_configuration
    except ImportError:  # pragma: no cover - pypdf before 6.10 has fixed module-level limits
        yield
        return
    limit = min(_PYPDF_DEFAULT_LIMIT, budget.limits.max_unpacked_bytes)
    overwrites: dict[str, Any] = {field: limit for field in _PER_STREAM_LIMITS}
    with apply_configuration(jbig2dec_binary=None, **overwrites):
        yield


def _tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
