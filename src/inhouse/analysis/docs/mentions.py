"""Which code a document talks about: the files and folders it names that exist.

Candidates are path-like tokens (``src/eta/serving``, ``serving/api.py``, ``./infra/``,
link targets, ``eta.serving`` module names). A candidate names a file or a folder of the
code base exactly, or as a trailing part of a path ("serving/api.py" names
"src/eta/serving/api.py"); a bare file name such as ``api.py`` counts only when exactly one
file has that name. Nothing else is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_TOKEN = re.compile(r"[A-Za-z0-9_./\\-]*[A-Za-z0-9_]")
_URL = re.compile(r"[a-z][a-z0-9+.-]*://\S+|\S+@\S+", re.I)


class CodeIndex:
    """The code base at one revision: its files and every folder that holds one."""

    def __init__(self, files: Iterable[str]) -> None:
        self.files = set(files)
        self.folders: set[str] = set()
        self.by_suffix: dict[str, set[str]] = {}
        for path in self.files:
            parts = path.split("/")
            for i in range(1, len(parts)):
                self.folders.add("/".join(parts[:i]))
            for i in range(len(parts)):
                self.by_suffix.setdefault("/".join(parts[i:]), set()).add(path)
        self._folder_suffix: dict[str, set[str]] = {}
        for folder in self.folders:
            parts = folder.split("/")
            for i in range(len(parts)):
                self._folder_suffix.setdefault("/".join(parts[i:]), set()).add(folder)

    def resolve(self, token: str) -> set[str]:
        token = token.strip("./\\").replace("\\", "/")
        if not token or token in (".", ".."):
            return set()
        if token in self.files or token in self.folders:
            return {token}
        if "/" in token:
            return set(self.by_suffix.get(token, ())) | set(self._folder_suffix.get(token, ()))
        named = self.by_suffix.get(token, set())
        return set(named) if len(named) == 1 else set()  # a unique file name such as train_job.py


def mentioned_paths(text: str, code: CodeIndex) -> list[str]:
    """The code files and folders ``text`` names, shortest covering set, sorted."""
    text = _URL.sub(" ", text)
    found: set[str] = set()
    for token in set(_TOKEN.findall(text)):
        if "/" not in token and "." not in token:
            continue  # a plain word: too ambiguous to be a path
        hits = code.resolve(token)
        if not hits and "/" not in token and token.count(".") >= 1:
            dotted = token.replace(".", "/")  # a module name: eta.serving.api
            hits = code.resolve(dotted) or code.resolve(dotted + ".py")
        found |= hits
    covered = sorted(found, key=lambda p: (p.count("/"), p))
    keep: list[str] = []
    for path in covered:
        if not any(path == k or path.startswith(k + "/") for k in keep):
            keep.append(path)
    return sorted(keep)


def in_scope(path: str, scope: list[str]) -> bool:
    return any(path == p or path.startswith(p + "/") for p in scope)
