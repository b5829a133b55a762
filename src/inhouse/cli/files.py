"""The files a user names on the command line, read into uploads (a file name and its bytes).

Services never receive a path for a document: the CLI reads the file here, with one clear error
for a missing, unreadable or oversized one, and hands the service an :class:`Upload`. Only regular
files are read (a folder, a FIFO, a device such as ``/dev/zero`` is refused before it is opened),
and never more than ``max_bytes`` of one: a file that grows while it is read is refused too.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from inhouse.domain.shapes import Upload, validated
from inhouse.errors import InvalidInput, NotFound, TooLarge

CHUNK = 1024 * 1024


def local_path(path: str | Path, what: str = "path") -> Path:
    """``path`` as a Path (``~`` expanded); InvalidInput for one no file can have (blank, a NUL
    character, an unknown user's home)."""
    text = str(path)
    if not text.strip():
        raise InvalidInput(f"the {what} must not be blank")
    if "\x00" in text:
        raise InvalidInput(f"the {what} must not contain NUL characters")
    try:
        return Path(text).expanduser()
    except RuntimeError:  # ~user of a user this system does not know
        raise InvalidInput(f"cannot find the home folder in {what} {text}") from None


def kind_of(path: Path) -> str | None:
    """What is at ``path``: "file", "folder", "other" (a FIFO, a device, a socket), or None when
    nothing is there (a dangling or looping link counts as nothing); InvalidInput when the system
    refuses to look (a name too long, a folder without permission)."""
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # a link that points at itself
            return None
        raise InvalidInput(f"cannot use {path}: {exc.strerror or exc}") from None
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "folder"
    return "other"


def read_upload(path: str | Path, max_bytes: int, what: str = "file") -> Upload:
    """The file at ``path`` as an Upload; NotFound, InvalidInput or TooLarge in one line otherwise."""
    file = local_path(path, what)
    kind = kind_of(file)
    if kind is None:
        raise NotFound(f"no such {what}: {path}")
    if kind != "file":
        raise InvalidInput(f"{path} is not a file" + (" (a folder)" if kind == "folder" else ""))
    parts, total = [], 0
    try:
        # O_NONBLOCK: should the path have become a FIFO since it was looked at, opening it never waits
        descriptor = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise InvalidInput(f"{path} is not a file")
            while chunk := handle.read(min(CHUNK, max_bytes + 1 - total)):
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


def writable(path: str | Path, what: str = "file") -> Path:
    """``path`` as a file that can be written, checked before any work goes into its content: a folder,
    a FIFO or a device there is refused (writing to a FIFO would wait for a reader), and so is a
    missing folder. A link is written through, to the file it names."""
    target = local_path(path, what)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
        if target.is_symlink():
            raise InvalidInput(f"{path} is a link that leads back to itself")
    kind = kind_of(target)
    if kind == "folder":
        raise InvalidInput(f"{path} is a folder: name a file to write")
    if kind == "other":
        raise InvalidInput(f"{path} is not a regular file: name a file to write")
    if kind_of(target.parent) != "folder":
        raise NotFound(f"no such folder: {target.parent}")
    return target


def write_file(path: str | Path, content: bytes, what: str = "file") -> Path:
    """Write ``content`` to ``path`` (see :func:`writable`) whole or not at all: into a new file beside
    it, then renamed over it, so a reader never sees half a file."""
    target = writable(path, what)
    folder = target.parent
    partial = folder / f".{target.name}.{os.getpid()}.partial"
    try:
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise InvalidInput(f"cannot write {path}: {exc.strerror or exc}") from None
    return target


def folder_entries(folder: Path) -> list[Path]:
    """The regular files directly in ``folder``; InvalidInput when it cannot be listed."""
    try:
        return [entry for entry in folder.iterdir() if kind_of(entry) == "file"]
    except OSError as exc:
        raise InvalidInput(f"cannot list {folder}: {exc.strerror or exc}") from None
