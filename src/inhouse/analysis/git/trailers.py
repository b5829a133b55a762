"""Credit trailers of commit messages: ``Co-authored-by:`` and ``Reviewed-by:``.

Knowledge of a change is not only its author's: GitHub records pair and mob work as
``Co-authored-by: Name <email>`` trailers, and projects with a review discipline (the
Linux kernel, Gerrit users) record ``Reviewed-by:``. JetBrains' Bus Factor Explorer
(Jabrayilzade et al., "Bus Factor Explorer", ASE 2023, tool demo) credits both, and
Thongtanunam et al. ("Revisiting Code Ownership and its Relationship with Software
Quality in the Scope of Modern Code Review", ICSE 2016) found that most developers who
know a module only review its changes.

``Signed-off-by:`` is *not* credit: it certifies the Developer Certificate of Origin
(who passed the patch on), not who wrote or read it, so it is never asked for.

git itself finds the trailer block (the message's last paragraph, by its own rules), so
a ``Reviewed-by:`` line in the middle of a message is no trailer. The message comes from
the party being checked, so what is read is bounded: at most :data:`MAX_TRAILERS`
credits per commit, each value at most :data:`MAX_VALUE` characters, and only the
``Name <email>`` form (an email is what identity merging joins on) is kept.
"""

from __future__ import annotations

import re

CO_AUTHOR = 0  # authorship credit, as the commit's author has
REVIEWER = 1  # review credit

KINDS = {"co-authored-by": CO_AUTHOR, "reviewed-by": REVIEWER}
KIND_NAMES = ("co-author", "reviewer")
MAX_TRAILERS = 8
MAX_VALUE = 320
MAX_PART = 200
SEPARATOR = b"\x1f"
# one more field of ``git log --format``: the credit trailers, folded lines unfolded,
# separated by \x1f (git matches the keys case-insensitively)
FORMAT = "%(trailers:key=Co-authored-by,key=Reviewed-by,unfold,separator=%x1f)"

_PERSON = re.compile(r"^\s*([^<>]*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$")


def parse_trailers(raw: bytes, author: tuple[str, str] | None = None) -> tuple[tuple[int, str, str], ...]:
    """``(kind, name, email)`` for each credit trailer of ``raw`` (git's output of :data:`FORMAT`).

    A trailer naming the commit's own ``author`` (same email, any case) is dropped: an
    author is not their own co-author or reviewer. Repeated credits count once, and a
    person credited both ways keeps the first.
    """
    if not raw:
        return ()
    own = author[1].lower() if author else None
    seen: set[str] = set()
    out: list[tuple[int, str, str]] = []
    for item in raw.split(SEPARATOR):
        if len(out) >= MAX_TRAILERS:
            break
        text = item.decode("utf-8", "replace").strip()
        if len(text) > MAX_VALUE:
            continue
        key, colon, value = text.partition(":")
        kind = KINDS.get(key.strip().lower()) if colon else None
        if kind is None:
            continue
        match = _PERSON.match(value)
        if match is None:
            continue
        name, email = match[1][:MAX_PART], match[2][:MAX_PART]
        folded = email.lower()
        if folded == own or folded in seen:
            continue
        seen.add(folded)
        out.append((kind, name, email))
    return tuple(out)
