"""Markdown and HTML.

Markdown is kept as written: it is already readable text, and offsets then point into the
file the user has. HTML is reduced to its visible text, one block element per paragraph.

Before BeautifulSoup builds a tree, a streaming pass (the standard library's tokenizer, which does not
recurse) follows the nesting the way BeautifulSoup's ``html.parser`` builder will and refuses a page
nested past ``max_markup_depth``: a deep tree is what makes a parser recurse until it crashes. The
walk over the tree is iterative for the same reason; both check the deadline as they go.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, NavigableString, Tag, XMLParsedAsHTMLWarning
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

from inhouse.analysis.documents.budget import Budget
from inhouse.analysis.documents.text import decode_text

# what a partner's page looks like is not a warning for whoever runs inhouse (the CLI's stderr stays one line)
warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)
warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)

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


_VOID = {
    "area",
    "base",
    "basefont",
    "bgsound",
    "br",
    "col",
    "command",
    "embed",
    "frame",
    "hr",
    "image",
    "img",
    "input",
    "isindex",
    "keygen",
    "link",
    "menuitem",
    "meta",
    "nextid",
    "param",
    "source",
    "spacer",
    "track",
    "wbr",
}
_CHUNK = 64 * 1024
_TICK_EVERY = 1024  # nodes between two looks at the clock


def read_markdown(data: bytes, budget: Budget) -> tuple[str, str]:
    text, encoding = decode_text(data, budget.name)
    budget.check_text(len(text))
    return text, encoding


def read_html(data: bytes, budget: Budget) -> tuple[str, str]:
    raw, encoding = decode_text(data, budget.name)
    _check_depth(raw, budget)
    budget.tick()
    soup = BeautifulSoup(raw, "html.parser")
    budget.tick()
    parts = _walk(soup, budget)
    text = "".join(parts)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    text = text.strip() + "\n"
    budget.check_text(len(text))
    return text, encoding


class _DepthCheck(HTMLParser):
    """Follows the nesting BeautifulSoup will build: a start tag opens (unless void), an end tag closes
    back to the last open tag of its name, an end tag with none open is ignored."""

    def __init__(self, budget: Budget) -> None:
        super().__init__(convert_charrefs=False)
        self.budget = budget
        self.open: list[str] = []
        self.seen = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.seen += 1
        if self.seen % _TICK_EVERY == 0:
            self.budget.tick()
        if tag in _VOID:
            return
        self.open.append(tag)
        self.budget.depth(len(self.open))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index] == tag:
                del self.open[index:]
                return


def _check_depth(raw: str, budget: Budget) -> None:
    checker = _DepthCheck(budget)
    for start in range(0, len(raw), _CHUNK):
        checker.feed(raw[start : start + _CHUNK])
        budget.tick()
    checker.close()


def _walk(root: Tag, budget: Budget) -> list[str]:
    """The visible text of ``root``'s descendants, in order, with block and cell separators."""
    parts: list[str] = []
    stack: list[Iterator[Any] | str] = [
        iter(root.children)
    ]  # iterators over children, and the text to add once one is done
    seen = 0
    while stack:
        top = stack[-1]
        if isinstance(top, str):
            stack.pop()
            parts.append(top)
            continue
        child = next(top, None)
        if child is None:
            stack.pop()
            continue
        seen += 1
        if seen % _TICK_EVERY == 0:
            budget.tick()
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
        if name in _BLOCKS:
            parts.append("\n\n")
            stack.append("\n\n")
        elif name in _CELLS:
            stack.append(" | ")
        stack.append(iter(child.children))
    return parts
