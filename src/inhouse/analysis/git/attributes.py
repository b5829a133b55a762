"""The repository's own word on its files: GitHub linguist's markers in ``.gitattributes``.

    docs/*.py       linguist-documentation
    src/ngx/**      linguist-generated
    lib/ours/*      -linguist-vendored

``linguist-generated``, ``linguist-vendored`` and ``linguist-documentation`` are read from
every ``.gitattributes`` at the scanned commit, as git reads attributes: a pattern without a
``/`` matches a file's name at any depth below the file's folder, one with a ``/`` the path
from that folder (``*`` and ``?`` stop at ``/``, ``**`` crosses folders); a later line wins
over an earlier one and a deeper file over a shallower one. ``attr`` and ``attr=true`` set a
marker, ``-attr`` and ``attr=false`` unset it (the file counts again), ``!attr`` forgets it.

The files are written by whoever owns the repository, so reading them is bounded: at most
:data:`MAX_FILES` files of :data:`MAX_BYTES` each and :data:`MAX_RULES` rules in all; a
pattern longer than :data:`MAX_PATTERN` characters or with more than :data:`MAX_STARS` stars
is skipped; bytes that are not UTF-8 and lines that mean nothing are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from inhouse.analysis.git.gitcmd import GitRepo

#: The linguist markers read, by the category of files they set apart.
MARKERS = {
    "linguist-generated": "generated",
    "linguist-vendored": "vendored",
    "linguist-documentation": "documentation",
}
MAX_FILES = 200
MAX_BYTES = 256 * 1024
MAX_RULES = 10_000
MAX_PATTERN = 1000
MAX_STARS = 8


@dataclass(frozen=True)
class Rule:
    folder: str  # "" for the root, else "a/b/" (the folder of the .gitattributes file)
    pattern: str
    category: str
    value: bool | None  # True: marked, False: explicitly unmarked, None: unspecified again


@dataclass(frozen=True)
class LinguistAttributes:
    """The linguist markers of one commit, in the order git applies them."""

    rules: tuple[Rule, ...] = ()
    _cache: dict[str, dict[str, bool]] = field(default_factory=dict, compare=False, repr=False)

    def __bool__(self) -> bool:
        return bool(self.rules)

    def of(self, path: str) -> dict[str, bool]:
        """``category -> marked`` for the categories some rule decides for ``path``."""
        known = self._cache.get(path)
        if known is None:
            known = self._cache[path] = self._decide(path)
        return known

    def _decide(self, path: str) -> dict[str, bool]:
        state: dict[str, bool | None] = {}
        for rule in self.rules:
            if rule.folder and not path.startswith(rule.folder):
                continue
            if _matcher(rule.pattern).match(path[len(rule.folder) :]):
                state[rule.category] = rule.value
        return {k: v for k, v in state.items() if v is not None}


def parse(text: str, folder: str = "", limit: int = MAX_RULES) -> list[Rule]:
    """The linguist rules of one ``.gitattributes`` file found in ``folder`` ("" or "a/b/")."""
    rules: list[Rule] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or line.startswith("[attr]"):
            continue
        pattern, *attrs = line.split()
        if pattern.startswith('"') or pattern.startswith("!") or pattern.endswith("/"):
            continue  # quoted names, negative and folder patterns: git applies none of them to a file
        if len(pattern) > MAX_PATTERN or pattern.count("*") > MAX_STARS:
            continue
        for attr in attrs:
            name, value = _attribute(attr)
            if name in MARKERS:
                rules.append(Rule(folder, pattern, MARKERS[name], value))
                if len(rules) >= limit:
                    return rules
    return rules


def _attribute(attr: str) -> tuple[str, bool | None]:
    if attr.startswith("-"):
        return attr[1:], False
    if attr.startswith("!"):
        return attr[1:], None
    name, sep, value = attr.partition("=")
    if not sep:
        return name, True
    low = value.lower()
    return name, True if low == "true" else False if low == "false" else None


def read(repo: GitRepo, tree: Mapping[str, tuple[str, str]]) -> LinguistAttributes:
    """The linguist markers of every ``.gitattributes`` of a commit's ``tree`` (``path -> (blob id,
    mode)``), root first; a file too large, or missing from a partial clone, is skipped."""
    found = sorted(
        (p for p in tree if p == ".gitattributes" or p.endswith("/.gitattributes")),
        key=lambda p: (p.count("/"), p),
    )[:MAX_FILES]
    if not found:
        return LinguistAttributes()
    oids = {tree[p][0]: p for p in found}
    sizes = _sizes(repo, list(oids))
    small = [o for o in oids if 0 <= sizes.get(o, -1) <= MAX_BYTES]
    content = dict(repo.blobs(small))
    rules: list[Rule] = []
    for path in found:
        data = content.get(tree[path][0])
        if data is None:
            continue
        folder = path[: -len(".gitattributes")]
        rules += parse(data.decode("utf-8", "replace"), folder, MAX_RULES - len(rules))
        if len(rules) >= MAX_RULES:
            break
    return LinguistAttributes(tuple(rules))


def _sizes(repo: GitRepo, oids: list[str]) -> dict[str, int]:
    out = repo.run(
        ["cat-file", "--batch-check=%(objectname) %(objecttype) %(objectsize)"],
        input="".join(f"{o}\n" for o in oids).encode(),
    )
    sizes: dict[str, int] = {}
    for line in out.decode("ascii", "replace").splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] == "blob" and parts[2].isdigit():
            sizes[parts[0]] = int(parts[2])
    return sizes


@lru_cache(maxsize=4096)
def _matcher(pattern: str) -> re.Pattern[str]:
    """A gitattributes pattern as a regex over the path below the attributes file's folder."""
    text = f"(?:.*/)?{glob_regex(pattern)}" if "/" not in pattern else glob_regex(pattern.lstrip("/"))
    try:
        return re.compile(text, re.DOTALL)
    except re.error:  # a bracket git would read another way: the rule matches nothing
        return re.compile(r"(?!)")


def glob_regex(pattern: str) -> str:
    """A glob as regex text: ``*`` and ``?`` stay within a folder, ``**`` crosses folders
    (``**/x``, ``a/**`` and ``a/**/b`` as git reads them), ``[...]`` is a class."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "*":
            if pattern.startswith("**", i):
                before = i == 0 or pattern[i - 1] == "/"
                after = i + 2 == n or pattern[i + 2] == "/"
                if before and after:
                    if i + 2 == n:
                        out.append(".*")
                        i += 2
                    else:
                        out.append("(?:.*/)?")
                        i += 3
                    continue
            out.append("[^/]*")
            while i < n and pattern[i] == "*":
                i += 1
            continue
        if c == "?":
            out.append("[^/]")
        elif c == "[":
            end = pattern.find("]", i + 2 if pattern[i + 1 : i + 2] in ("!", "^", "]") else i + 1)
            if end < 0:
                out.append(re.escape(c))
            else:
                body = pattern[i + 1 : end]
                if body[:1] in ("!", "^"):
                    body = "^" + body[1:]
                out.append("[" + body.replace("\\", "\\\\").replace("[", "\\[") + "]")
                i = end
        elif c == "\\" and i + 1 < n:
            i += 1
            out.append(re.escape(pattern[i]))
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out) + r"\Z"
