"""An export on disk: written to a folder or a zip archive, read back from either.

Writing goes to a new name beside the target and is renamed into place once complete, so an
interrupted export leaves no half export under the name asked for. Reading is of untrusted
files: only the names the manifest lists are opened, never more bytes than it gives each,
only regular files inside the folder (a link out of it, a FIFO or a device is refused), and a
zip archive is read member by member, never extracted.
"""

from __future__ import annotations

import os
import shutil
import stat
import zipfile
from pathlib import Path, PurePosixPath
from types import TracebackType

from inhouse.cli.files import kind_of, local_path
from inhouse.errors import InvalidInput, NotFound

#: Zip members carry this date, so that an archive's bytes depend on its content alone.
EPOCH = (1980, 1, 1, 0, 0, 0)


def _refuse_existing(target: Path, original: str) -> None:
    kind = kind_of(target)
    if kind == "folder":
        try:
            empty = not any(target.iterdir())
        except OSError as exc:
            raise InvalidInput(f"cannot use {original}: {exc.strerror or exc}") from None
        if not empty:
            raise InvalidInput(f"{original} exists and is not empty: name a new folder")
    elif kind is not None:
        raise InvalidInput(f"{original} exists: name a new file or folder")
    if kind_of(target.parent) != "folder":
        raise NotFound(f"no such folder: {target.parent}")


class _Writer:
    def __init__(self, path: str, what: str) -> None:
        self.original = path
        self.target = local_path(path, what).absolute()
        _refuse_existing(self.target, path)
        self.partial = self.target.with_name(f".{self.target.name}.partial-{os.getpid()}")

    def __enter__(self) -> _Writer:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        try:
            self.close()
            if kind is None:
                if kind_of(self.target) == "folder":  # an empty folder named as the target
                    self.target.rmdir()
                os.replace(self.partial, self.target)
        except OSError as error:
            raise InvalidInput(f"cannot write {self.original}: {error.strerror or error}") from None
        finally:
            self.discard()

    def close(self) -> None:
        """Finish writing (the archive's directory)."""

    def discard(self) -> None:
        if self.partial.is_dir():
            shutil.rmtree(self.partial, ignore_errors=True)
        else:
            self.partial.unlink(missing_ok=True)


class FolderSink(_Writer):
    """An export written as a folder of files."""

    def __init__(self, path: str) -> None:
        super().__init__(path, "export folder")
        try:
            self.partial.mkdir()
        except OSError as exc:
            raise InvalidInput(f"cannot write {path}: {exc.strerror or exc}") from None

    def write(self, path: str, data: bytes) -> None:
        file = self.partial / PurePosixPath(path)
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(data)


class ZipSink(_Writer):
    """An export written as one zip archive, its members in the order written, dated 1980-01-01."""

    def __init__(self, path: str) -> None:
        super().__init__(path, "export file")
        try:
            self.archive = zipfile.ZipFile(self.partial, "x", zipfile.ZIP_DEFLATED, allowZip64=True)
        except OSError as exc:
            raise InvalidInput(f"cannot write {path}: {exc.strerror or exc}") from None

    def write(self, path: str, data: bytes) -> None:
        member = zipfile.ZipInfo(path, date_time=EPOCH)
        member.compress_type = zipfile.ZIP_DEFLATED
        member.external_attr = 0o644 << 16
        member.create_system = 3
        self.archive.writestr(member, data)

    def close(self) -> None:
        self.archive.close()


class FolderSource:
    """An export read from a folder: only regular files inside it."""

    def __init__(self, path: str) -> None:
        self.original = path
        self.root = Path(os.path.realpath(local_path(path, "export")))

    def describe(self) -> str:
        return self.original

    def read(self, path: str, limit: int) -> bytes | None:
        candidate = Path(os.path.realpath(self.root / PurePosixPath(path)))
        if not candidate.is_relative_to(self.root):
            raise InvalidInput(f"{self.original}: {path} leads out of the export folder")
        try:
            descriptor = os.open(candidate, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise InvalidInput(f"{self.original}: cannot read {path}: {exc.strerror or exc}") from None
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise InvalidInput(f"{self.original}: {path} is not a regular file")
            return handle.read(limit + 1)


class ZipSource:
    """An export read from a zip archive, member by member."""

    def __init__(self, path: str) -> None:
        self.original = path
        try:
            self.archive = zipfile.ZipFile(local_path(path, "export"))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
            raise InvalidInput(f"{path} is not a zip archive") from None
        except OSError as exc:
            raise InvalidInput(f"cannot read {path}: {exc.strerror or exc}") from None

    def describe(self) -> str:
        return self.original

    def read(self, path: str, limit: int) -> bytes | None:
        try:
            member = self.archive.getinfo(path)
        except KeyError:
            return None
        if member.file_size > limit:
            return b"\0" * (limit + 1)  # larger than the manifest says: never inflated
        try:
            with self.archive.open(member) as handle:
                return handle.read(limit + 1)
        except (zipfile.BadZipFile, NotImplementedError, ValueError, EOFError, OSError, RuntimeError) as exc:
            raise InvalidInput(f"{self.original}: {path} cannot be read from the archive ({exc})") from None

    def close(self) -> None:
        self.archive.close()


def open_source(path: str) -> FolderSource | ZipSource:
    """The export at ``path``, a folder or a zip archive."""
    kind = kind_of(local_path(path, "export"))
    if kind is None:
        raise NotFound(f"no such export: {path}")
    if kind == "folder":
        return FolderSource(path)
    if kind != "file":
        raise InvalidInput(f"{path} is neither a folder nor a file")
    return ZipSource(path)
