"""Which files are documentation, which are code, and what a placeholder looks like."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from inhouse.analysis.docs.sections import FORMATS
from inhouse.analysis.documents.text import decode_text, tame
from inhouse.errors import InvalidInput

#: Text files without an extension that are documentation (README, RUNBOOK...).
BARE_DOCS = re.compile(
    r"^(readme|install|installing|runbook|operations|ops|setup|usage|faq|troubleshooting|"
    r"architecture|design|maintenance|datasheet|model_?card)$",
    re.I,
)
#: Documentation-like files that never hold the items (licences, change logs, templates).
NOT_ITEMS = re.compile(
    r"^(licen[cs]e|copying|notice|changelog|changes|history|news|release[_-]?notes|authors|"
    r"contributors|code[_-]of[_-]conduct|codeowners|requirements.*|constraints.*|cmakelists|"
    r"robots|third[_-]?party.*|.*template.*|pull_request_template|security|citation|"
    r"top_level|entry_points|sources|dependency_links|not-zip-safe)$",
    re.I,
)
VENDORED = frozenset(
    {
        "node_modules",
        "vendor",
        "vendored",
        "third_party",
        "thirdparty",
        "external",
        ".venv",
        "venv",
        "site-packages",
        "bower_components",
        ".tox",
        "_build",
        ".git",
        "__pycache__",
        ".eggs",
        "ISSUE_TEMPLATE",
        "PULL_REQUEST_TEMPLATE",
    }
)
_MARKER = re.compile(r"^(todo|tbd|tba|tbc|wip|fixme|xxx)\b", re.I)
_ONLY = re.compile(
    r"^(n/?a|none( yet)?|coming soon|to (be|come)( written| done| completed| added| documented)?|"
    r"work in progress|placeholder|lorem ipsum.*|\.\.\.|-)[.!]*$",
    re.I,
)


def _stem(name: str) -> str:
    return name.rsplit(".", 1)[0] if "." in name else name


def vendored(path: str) -> bool:
    return any(part in VENDORED or part.endswith(".egg-info") for part in PurePosixPath(path).parts[:-1])


def doc_like(path: str) -> bool:
    """Written for people rather than machines: any documentation markup, licences included."""
    name = PurePosixPath(path).name
    suffix = PurePosixPath(name).suffix.lower()
    if suffix and suffix in FORMATS:
        return True
    return not suffix and bool(BARE_DOCS.match(name) or NOT_ITEMS.match(name))


def is_doc(path: str) -> bool:
    """A documentation file the audit reads."""
    name = PurePosixPath(path).name
    return doc_like(path) and not vendored(path) and not NOT_ITEMS.match(_stem(name))


def is_code(path: str) -> bool:
    """Part of the system a document describes: every file that is neither documentation nor vendored."""
    return not doc_like(path) and not vendored(path)


def decode(data: bytes) -> str | None:
    """Text of a documentation blob, read by the shared decoder (a BOM wins, then UTF-8, cp1252,
    latin-1; newlines normalised); None when it looks binary or announces an encoding it breaks."""
    try:
        text, _ = decode_text(data, "blob")
    except InvalidInput:
        return None
    return tame(text)


def placeholder(body: str) -> bool:
    """An empty section, or one that only promises content ("TODO", "TBD", "Coming soon")."""
    text = re.sub(r"^\s*(#{1,6}|={1,6}|\*{1,6})\s.*$|^\s*[-=~^`#*_.]{3,}\s*$", "", body, flags=re.M)
    text = re.sub(r"<!--.*?-->|[*_`>#|]", " ", text, flags=re.S)
    text = re.sub(r"\s+", " ", text).strip()
    if _MARKER.match(text) or _ONLY.match(text):
        return True
    return len(re.findall(r"[A-Za-z]{2,}", text)) < 6
