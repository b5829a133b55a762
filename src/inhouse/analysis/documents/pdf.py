"""PDF: the text layer, page by page, with pypdf.

A PDF whose pages carry no text is a scan: we say so rather than return nothing,
because OCR is out of scope (nothing is downloaded, no OCR engine is assumed).
"""

from __future__ import annotations

import io
import logging
import struct
import zlib

from inhouse.errors import AnalyzerError

MIN_CHARS_PER_PAGE = 20
_PDF_ERRORS = (
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    OSError,
    zlib.error,
    struct.error,
    RecursionError,
    AssertionError,
    UnicodeError,
)


def read_pdf(data: bytes, filename: str) -> tuple[list[str], list[str]]:
    """Return ``(page_texts, warnings)``."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                decrypted = bool(reader.decrypt(""))
            except (DependencyError, NotImplementedError, FileNotDecryptedError):
                decrypted = False
            if not decrypted:
                raise AnalyzerError(f"{filename}: encrypted PDF (password-protected), cannot read it")
        pages = [(page.extract_text() or "") for page in reader.pages]
    except AnalyzerError:
        raise
    except FileNotDecryptedError:
        raise AnalyzerError(f"{filename}: encrypted PDF (password-protected), cannot read it") from None
    except (PyPdfError, *_PDF_ERRORS) as exc:
        raise AnalyzerError(f"{filename}: corrupt PDF ({type(exc).__name__})") from None
    if not pages:
        raise AnalyzerError(f"{filename}: corrupt PDF (no pages)")
    pages = [_tidy(text) for text in pages]
    textful = [text for text in pages if len(text.strip()) >= MIN_CHARS_PER_PAGE]
    if not textful:
        raise AnalyzerError(f"{filename}: PDF has no text layer (scanned?); run OCR on it first or send the original")
    warnings = []
    empty = [str(number) for number, text in enumerate(pages, start=1) if len(text.strip()) < MIN_CHARS_PER_PAGE]
    if empty:
        warnings.append(f"pages without text (scanned?): {', '.join(empty)}")
    return pages, warnings


def _tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
