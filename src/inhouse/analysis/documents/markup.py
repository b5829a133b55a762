"""Markdown and HTML.

Markdown is kept as written: it is already readable text, and offsets then point into the
file the user has. HTML is reduced to its visible text, one block element per paragraph.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

from inhouse.analysis.documents.text import decode_text

_INVISIBLE = {"script", "style", "head", "title", "meta", "noscript", "template", "svg"}
_BLOCKS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tr",
    "ul",
    "body",
}
_CELLS = {"td", "th"}


def read_markdown(data: bytes, filename: str) -> tuple[str, str]:
    return decode_text(data, filename)


def read_html(data: bytes, filename: str) -> tuple[str, str]:
    raw, encoding = decode_text(data, filename)
    soup = BeautifulSoup(raw, "html.parser")
    parts: list[str] = []
    _walk(soup, parts)
    text = "".join(parts)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n", encoding


def _walk(node: Tag, parts: list[str]) -> None:
    for child in node.children:
        if isinstance(child, (Comment, Declaration, Doctype, ProcessingInstruction)):
            continue
        if isinstance(child, NavigableString):
            parts.append(re.sub(r"\s+", " ", str(child)))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name.lower()
        if name in _INVISIBLE:
            continue
        if name == "br":
            parts.append("\n")
            continue
        block = name in _BLOCKS
        if block:
            parts.append("\n\n")
        _walk(child, parts)
        if block:
            parts.append("\n\n")
        elif name in _CELLS:
            parts.append(" | ")
