"""Markdown and HTML.

Markdown is kept as written: it is already readable text, and offsets then point into the
file the user has. HTML is reduced to its visible text, one block element per paragraph.

HTML is read in one streaming pass of the standard library's tokenizer, which neither recurses nor
builds a tree: a page nested past ``max_markup_depth`` is refused as it is read (a deep tree is what
made a tree builder recurse until it crashed), and the deadline is checked every few thousand tags
and every chunk. The text is the one BeautifulSoup's ``html.parser`` tree gave (the tests compare).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from inhouse.analysis.documents.budget import Budget
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
    extract = _Extract(budget)
    for start in range(0, len(raw), _CHUNK):
        extract.feed(raw[start : start + _CHUNK])
        budget.tick()
    extract.close()
    text = "".join(extract.parts)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    text = text.strip() + "\n"
    budget.check_text(len(text))
    return text, encoding


class _Extract(HTMLParser):
    """The visible text of a page in one streaming pass, with block and cell separators.

    It follows the nesting BeautifulSoup's ``html.parser`` builder would build: a start tag opens an
    element (a void one opens and closes at once), an end tag closes back to the last open element of
    its name (and is ignored when none is open), the end of the page closes the rest. A block's text is
    set apart by blank lines, a cell's followed by `` | ``, an invisible element's (script, style...)
    dropped with everything inside it; nesting past ``max_markup_depth`` is refused.
    """

    def __init__(self, budget: Budget) -> None:
        super().__init__(convert_charrefs=True)
        self.budget = budget
        self.parts: list[str] = []
        self.open: list[tuple[str, str, bool]] = []  # name, text once closed, invisible
        self.hidden = 0  # invisible elements open
        self.seen = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.seen += 1
        if self.seen % _TICK_EVERY == 0:
            self.budget.tick()
        invisible = tag in _INVISIBLE
        visible = not self.hidden and not invisible
        opening, closing = "", ""
        if visible and tag == "br":
            opening = "\n"
        elif visible and tag in _BLOCKS:
            opening, closing = "\n\n", "\n\n"
        elif visible and tag in _CELLS:
            closing = " | "
        self.parts.append(opening)
        if tag in _VOID:
            self.parts.append(closing)
            return
        self.open.append((tag, closing, invisible))
        self.hidden += invisible
        self.budget.depth(len(self.open))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                self._close_to(index)
                return

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(re.sub(r"\s+", " ", data))

    def unknown_decl(self, data: str) -> None:
        if data.startswith("CDATA["):  # kept as text, as BeautifulSoup keeps it
            self.handle_data(data[len("CDATA[") :])

    def close(self) -> None:
        super().close()
        self._close_to(0)

    def _close_to(self, index: int) -> None:
        while len(self.open) > index:
            _, closing, invisible = self.open.pop()
            self.hidden -= invisible
            self.parts.append(closing)
