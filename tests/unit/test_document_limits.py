"""The document limits and the reader's one error boundary, in isolation."""

from __future__ import annotations

import logging
import random
import re
import zipfile
import zlib

import pytest

from inhouse.analysis.documents import markup, word
from inhouse.analysis.documents.budget import Budget, guarded
from inhouse.domain.limits import DocumentLimits
from inhouse.errors import AnalyzerError, InvalidInput
from inhouse.settings import Settings


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_limits_are_the_settings_with_the_same_defaults():
    assert DocumentLimits.of(Settings()) == DocumentLimits()
    custom = DocumentLimits.of(
        Settings(
            max_document_bytes=10,
            max_unpacked_bytes=20,
            max_archive_members=30,
            max_markup_depth=40,
            max_pages=50,
            max_text_chars=6000,
            document_seconds=7.5,
        )
    )
    assert custom == DocumentLimits(10, 20, 30, 40, 50, 6000, 7.5)


def test_the_deadline_is_refused_once_passed_and_not_before():
    clock = Clock()
    budget = Budget("slow.pdf", DocumentLimits(seconds=2), clock=clock)
    clock.now += 1.9
    budget.tick()
    clock.now += 0.2
    with pytest.raises(
        AnalyzerError, match=r"^slow\.pdf: reading it took longer than 2 s, the limit \(document_seconds\)$"
    ):
        budget.tick()


def test_unpacked_bytes_and_characters_add_up_to_their_limits():
    budget = Budget("big.docx", DocumentLimits(max_unpacked_bytes=1000, max_text_chars=50))
    budget.unpack(600)
    budget.unpack(400)  # exactly the limit is allowed
    with pytest.raises(AnalyzerError, match=r"big\.docx: unpacks to more than 1000 bytes \(word/x\.xml\)"):
        budget.unpack(1, "word/x.xml")
    budget.text(50)
    with pytest.raises(AnalyzerError, match="max_text_chars"):
        budget.text(1)


def test_depth_past_the_limit_is_refused():
    budget = Budget("deep.html", DocumentLimits(max_markup_depth=8))
    budget.depth(8)
    with pytest.raises(AnalyzerError, match="nested more than 8 deep"):
        budget.depth(9)


@pytest.mark.parametrize(
    "raised, expected",
    [
        (MemoryError(), "x.pdf: PDF too large to read in memory (MemoryError)"),
        (RecursionError(), "x.pdf: corrupt PDF (nested too deeply: RecursionError)"),
        (zipfile.BadZipFile("bad"), "x.pdf: corrupt PDF (damaged archive: BadZipFile)"),
        (zlib.error("bad"), "x.pdf: corrupt PDF (damaged archive: error)"),
        (NotImplementedError("JBIG2"), "x.pdf: PDF uses a feature that cannot be read (NotImplementedError)"),
        (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"), "x.pdf: corrupt PDF (UnicodeDecodeError)"),
    ],
)
def test_whatever_a_parser_raises_becomes_one_line(raised, expected):
    with pytest.raises(AnalyzerError) as caught, guarded("x.pdf", "PDF"):
        raise raised
    assert str(caught.value) == expected


def test_our_own_errors_pass_the_boundary_unchanged():
    with pytest.raises(InvalidInput, match="^as it was$"), guarded("x.pdf", "PDF"):
        raise InvalidInput("as it was")


def test_a_failure_in_our_own_code_is_logged_as_a_bug_and_still_one_line(caplog):
    caplog.set_level(logging.ERROR, logger="inhouse.analysis.documents")
    with pytest.raises(AnalyzerError, match=r"^x\.docx: corrupt DOCX \(ValueError\)$"), guarded("x.docx", "DOCX"):
        exec(compile("int('not a number')", word.__file__, "exec"))  # a frame of inhouse's own reader code
    assert [r.levelno for r in caplog.records] == [logging.ERROR]
    assert "in inhouse's own code" in caplog.records[0].getMessage()


def test_a_library_failure_is_not_logged_as_ours(caplog):
    caplog.set_level(logging.ERROR, logger="inhouse.analysis.documents")
    with pytest.raises(AnalyzerError, match="corrupt DOCX"), guarded("x.docx", "DOCX"):
        zipfile.ZipFile(__file__)  # zipfile raises, not us
    assert not caplog.records


# --- HTML: the streaming reader gives the text BeautifulSoup's tree gave -------------------------------

TAGS = ["div", "p", "span", "b", "td", "th", "tr", "table", "br", "hr", "script", "style", "head", "title", "li"]
TAGS += ["ul", "h1", "img", "svg", "pre", "a", "meta", "template", "body", "html", "noscript"]
PIECES = ["<!-- c -->", "<!DOCTYPE html>", "<?pi x?>", "<![CDATA[cd a]]>", "&amp;", "&#147;", "\u00a0"]
WORDS = ["hello", " world ", "\n", "  x\ty ", "Fee $5", "1 < 2", "<", "&"]


def _page(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randint(1, 60)):
        roll, tag = rng.random(), rng.choice(TAGS)
        if roll < 0.35:
            out.append(f"<{tag}{' class=x' if rng.random() < 0.2 else ''}>")
        elif roll < 0.6:
            out.append(f"</{tag}>")
        elif roll < 0.65:
            out.append(f"<{tag}/>")
        elif roll < 0.7:
            out.append(rng.choice(PIECES))
        else:
            out.append(rng.choice(WORDS))
    return "".join(out)


def _tree_text(page: str) -> str:
    """The text as the reader once took it from BeautifulSoup's ``html.parser`` tree."""
    from bs4 import BeautifulSoup, NavigableString, Tag
    from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

    parts: list[str] = []

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, (Comment, Declaration, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                parts.append(re.sub(r"\s+", " ", str(child)))
                continue
            if not isinstance(child, Tag) or child.name in markup._INVISIBLE:
                continue
            if child.name == "br":
                parts.append("\n")
                continue
            block = child.name in markup._BLOCKS
            parts.append("\n\n" if block else "")
            walk(child)
            parts.append("\n\n" if block else " | " if child.name in markup._CELLS else "")

    walk(BeautifulSoup(page, "html.parser"))
    text = re.sub(r"[ \t\u00a0]+", " ", "".join(parts))
    text = re.sub(r"\n{3,}", "\n\n", re.sub(r" *\n *", "\n", text))
    return text.strip() + "\n"


def test_html_text_is_the_text_the_tree_gave():
    rng = random.Random(12)
    limits = DocumentLimits(max_markup_depth=10_000)
    for _ in range(400):
        page = _page(rng)
        assert markup.read_html(page.encode(), Budget("page.html", limits))[0] == _tree_text(page), page
