"""Where an export's files go and come from: a sink writes them, a source reads them back.

The CLI gives a folder or a zip archive; the services see only names and bytes. A source is
untrusted (an export may come from anyone): it is asked for a named file with a size limit and
must never give more than that many bytes.
"""

from __future__ import annotations

from typing import Protocol


class Sink(Protocol):
    def write(self, path: str, data: bytes) -> None:
        """Store ``data`` as the export's file ``path`` (a relative POSIX path)."""


class Source(Protocol):
    def describe(self) -> str:
        """Where the files come from, for messages."""

    def read(self, path: str, limit: int) -> bytes | None:
        """The file ``path``, at most ``limit + 1`` bytes of it (more: the file is larger than said);
        None when there is no such file."""
