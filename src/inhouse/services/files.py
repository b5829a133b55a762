"""Reading the files a user names on the command line or uploads: one clear error each."""

from __future__ import annotations

from pathlib import Path

from inhouse.errors import InvalidInput, NotFound


def read_user_file(path: str) -> bytes:
    """The bytes of the file at ``path``; NotFound or InvalidInput with one clear line otherwise."""
    file = Path(path).expanduser()
    if not file.exists():
        raise NotFound(f"no such file: {path}")
    if not file.is_file():
        raise InvalidInput(f"{path} is not a file")
    try:
        return file.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror or exc}") from None
