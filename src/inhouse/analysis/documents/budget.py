"""The reading of one document within its limits, and the one boundary where parser failures become errors.

A :class:`Budget` carries the :class:`~inhouse.domain.limits.DocumentLimits` of one reading and the
file's name; the readers call :meth:`Budget.tick` between pages, paragraphs and chunks (a cooperative
deadline: a parser busy inside one call is checked when it returns) and report what they unpack and
extract, so a document over a limit is refused while it is read, not after.

:func:`guarded` is the single place where the third-party parsers (pypdf, python-docx, lxml, zipfile,
BeautifulSoup) are allowed to fail: whatever they raise ends as an :class:`~inhouse.errors.AnalyzerError`
of one line, "<file>: <reason> (<exception type>)". Our own errors pass through unchanged. An exception
raised from our own code rather than a library's is a bug: it is logged with its traceback on the
``inhouse.analysis.documents`` logger at ERROR level (the hostile-document tests fail on such a record)
and still answered as unreadable input, so a user never sees a traceback.
"""

from __future__ import annotations

import logging
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from inhouse.domain.limits import DocumentLimits
from inhouse.errors import AnalyzerError, InhouseError

LOG = logging.getLogger("inhouse.analysis.documents")
_OURS = str(Path(__file__).resolve().parents[2])  # the inhouse package


class Budget:
    """Time, bytes and characters left for reading one document."""

    def __init__(self, name: str, limits: DocumentLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self.name = name
        self.limits = limits
        self.clock = clock
        self.deadline = clock() + limits.seconds
        self.unpacked = 0
        self.chars = 0

    def tick(self) -> None:
        """Refuse the document once its wall-clock budget is spent."""
        if self.clock() > self.deadline:
            raise AnalyzerError(
                f"{self.name}: reading it took longer than {self.limits.seconds:g} s, the limit (document_seconds)"
            )

    def unpack(self, count: int, what: str = "") -> None:
        """Count ``count`` more bytes decompressed; refuse past ``max_unpacked_bytes``."""
        self.unpacked += count
        if self.unpacked > self.limits.max_unpacked_bytes:
            where = f" ({what})" if what else ""
            raise AnalyzerError(
                f"{self.name}: unpacks to more than {size(self.limits.max_unpacked_bytes)}{where}, "
                "the limit (max_unpacked_bytes)"
            )

    def text(self, count: int) -> None:
        """Count ``count`` more characters of extracted text; refuse past ``max_text_chars``."""
        self.chars += count
        self.check_text(self.chars)

    def check_text(self, total: int) -> None:
        if total > self.limits.max_text_chars:
            raise AnalyzerError(
                f"{self.name}: holds more than {self.limits.max_text_chars:,} characters of text, "
                "the limit (max_text_chars)"
            )

    def depth(self, depth: int) -> None:
        """Refuse elements nested deeper than ``max_markup_depth``."""
        if depth > self.limits.max_markup_depth:
            raise AnalyzerError(
                f"{self.name}: elements nested more than {self.limits.max_markup_depth} deep, "
                "the limit (max_markup_depth)"
            )


@contextmanager
def guarded(name: str, what: str) -> Iterator[None]:
    """Turn whatever a parser raises while reading ``name`` (a ``what``: "PDF", "DOCX"...) into one line."""
    try:
        yield
    except InhouseError:
        raise
    except MemoryError:
        raise AnalyzerError(f"{name}: {what} too large to read in memory (MemoryError)") from None
    except RecursionError:
        raise AnalyzerError(f"{name}: corrupt {what} (nested too deeply: RecursionError)") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError) as exc:
        raise AnalyzerError(f"{name}: corrupt {what} (damaged archive: {type(exc).__name__})") from None
    except NotImplementedError as exc:
        raise AnalyzerError(f"{name}: {what} uses a feature that cannot be read (NotImplementedError)") from exc
    except Exception as exc:  # the one boundary around the third-party parsers: see the module's docstring
        if _raised_by_us(exc):
            LOG.error("reading %s raised %s in inhouse's own code", name, type(exc).__name__, exc_info=exc)
        raise AnalyzerError(f"{name}: corrupt {what} ({type(exc).__name__})") from None


def _raised_by_us(exc: BaseException) -> bool:
    """Whether the innermost frame of ``exc``'s traceback is in the inhouse package."""
    tb = exc.__traceback__
    last = None
    while tb is not None:
        last = tb
        tb = tb.tb_next
    return last is not None and str(Path(last.tb_frame.f_code.co_filename).resolve()).startswith(_OURS)


def size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MiB"
    if count >= 1024:
        return f"{count / 1024:.1f} KiB"
    return f"{count} bytes"
