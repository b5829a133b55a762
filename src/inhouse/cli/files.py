"""The files a user names on the command line, read into uploads (a file name and its bytes).

Services never receive a path for a document: the CLI reads the file here, with one clear error
for a missing, unreadable or oversized one, and hands the service an :class:`Upload`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from inhouse.domain.shapes import Upload, validated
from inhouse.errors import InvalidInput, NotFound, TooLarge

CHUNK = 1024 * 1024


def read_upload(path: str | Path, max_bytes: int, what: str = "file") -> Upload:
    """The file at ``path`` as an Upload; NotFound, InvalidInput or TooLarge in one line otherwise."""
    file = Path(path).expanduser()
    if not file.exists():
        raise NotFound(f"no such {what}: {path}")
    if not file.is_file():
        raise InvalidInput(f"{path} is not a file")
    parts, total = [], 0
    try:
        with file.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                total += len(chunk)
                if total > max_bytes:
                    raise TooLarge(f"{path}: over the limit of {max_bytes} bytes (INHOUSE_MAX_DOCUMENT_BYTES)")
                parts.append(chunk)
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror or exc}") from None
    return validated(Upload, name=file.name, content=b"".join(parts))


def read_uploads(paths: Iterable[str | Path], max_bytes: int) -> list[Upload]:
    """Every file named, in order (all are read before any is analysed)."""
    return [read_upload(path, max_bytes) for path in paths]
