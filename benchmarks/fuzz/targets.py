"""Every reader and importer of what a partner hands over, as ``feed(data, filename)`` in process.

A target's name is the first part of a regression file's name (``<target>-<sha1>.<ext>``), so the
regression test can hand the file back to the same reader. ``seeds`` picks the corpus files a target
mutates. The entry points are the ones the services call:

- ``document``: ``read_document`` (PDF, DOCX, HTML, Markdown, text, .eml, .vtt, .srt by name and content)
- ``proposal``: ``read_document`` + ``assess_text`` (then transcripts, e-mail threads, signals, references)
- ``contract``: ``read_document`` + ``review_contract``
- ``tracker``: ``read_tracker_csv`` (Jira and plain CSV exports: ``participation import``)
- ``adr``: ``decode`` + ``parse_adr`` (MADR and adr-tools: ``decision import``)
- ``notes``: ``decode`` + ``parse_review_note`` (weekly review notes: ``review import``)
- ``orgmap``: ``parse_org_map`` (JSON or ``pattern,side`` lines: the scan's org map upload)
- ``mailmap``: ``Mailmap`` (a scanned repository's ``.mailmap``)
- ``docs``: the docs audit's reading of a repository's documentation (decode, sections, candidates)
- ``mkdocs``: ``mkdocs_titles`` (a scanned repository's ``mkdocs.yml``)

When the readers take resource limits (a ``limits`` parameter), the targets pass the settings'
defaults, as the services do.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from inhouse.analysis.contracts import review_contract
from inhouse.analysis.docs.candidates import find as find_candidates
from inhouse.analysis.docs.candidates import mkdocs_titles
from inhouse.analysis.docs.files import decode as decode_doc
from inhouse.analysis.docs.files import placeholder
from inhouse.analysis.docs.sections import markup_of, split_sections
from inhouse.analysis.documents import read_document
from inhouse.analysis.git.identities import Mailmap, parse_org_map
from inhouse.analysis.journal.adr import parse_adr
from inhouse.analysis.journal.notes import parse_review_note
from inhouse.analysis.journal.text import decode
from inhouse.analysis.journal.tracker import read_tracker_csv
from inhouse.analysis.proposals import assess_text
from inhouse.errors import AnalyzerError, InvalidInput

EXPECTED: tuple[type[BaseException], ...] = (AnalyzerError, InvalidInput)
"""The documented answers to bad input: unreadable (exit 5, HTTP 422) and bad input (exit 2, 4xx)."""


def _limit_kwargs(function: Callable[..., Any]) -> dict[str, Any]:
    """``{"limits": DocumentLimits(...)}`` from the settings' defaults when ``function`` takes limits."""
    if "limits" not in inspect.signature(function).parameters:
        return {}
    try:
        from inhouse.domain import limits as module
        from inhouse.settings import Settings
    except ImportError:
        return {}
    cls = getattr(module, "DocumentLimits", None)
    if cls is None:
        return {}
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    build = getattr(cls, "of", None) or getattr(cls, "from_settings", None)
    if callable(build):
        return {"limits": build(settings)}
    names = getattr(cls, "model_fields", None) or getattr(cls, "__dataclass_fields__", {})
    values = {name: getattr(settings, name) for name in names if hasattr(settings, name)}
    return {"limits": cls(**values)}


_DOCUMENT_LIMITS = _limit_kwargs(read_document)


def _document(data: bytes, name: str) -> None:
    read_document(data, name, **_DOCUMENT_LIMITS)


def _proposal(data: bytes, name: str) -> None:
    """As services/partners_assess.py: read with the limits, then assess the text."""
    text = read_document(data, name, **_DOCUMENT_LIMITS).text
    assess_text(text, name, partner="Quantia Analytics")


def _contract(data: bytes, name: str) -> None:
    """As services/contracts.py: read with the limits, then review the text."""
    review_contract(read_document(data, name, **_DOCUMENT_LIMITS).text, file=name)


def _tracker(data: bytes, name: str) -> None:
    read_tracker_csv(data, name)


def _adr(data: bytes, name: str) -> None:
    parse_adr(decode(data, name), name)


def _notes(data: bytes, name: str) -> None:
    parse_review_note(decode(data, name), name)


def _orgmap(data: bytes, name: str) -> None:
    parse_org_map(data.decode("utf-8", errors="replace"))


def _mailmap(data: bytes, name: str) -> None:
    mailmap = Mailmap(data.decode("utf-8", "replace"))
    mailmap.map("Hana Ito", "hana@old-laptop.local")
    mailmap.map("nadia", "nf@redstone.example")


def _docs(data: bytes, name: str) -> None:
    text = decode_doc(data)
    if text is None:
        return
    path = f"docs/{name}"
    sections = split_sections(text, markup_of(path) or "text")
    for section in sections:
        placeholder(section.body)
    find_candidates(path, text, sections, ("Troubleshooting",))


def _mkdocs(data: bytes, name: str) -> None:
    mkdocs_titles(decode_doc(data) or "")


_DOCUMENTS = (".pdf", ".docx", ".html", ".md", ".txt", ".eml", ".vtt", ".srt")


@dataclass(frozen=True)
class Target:
    name: str
    feed: Callable[[bytes, str], None]
    picks: Callable[[str], bool]

    def seeds(self, corpus: dict[str, bytes]) -> list[str]:
        return sorted(name for name in corpus if self.picks(name))


def _suffix(name: str) -> str:
    return PurePosixPath(name).suffix.lower()


TARGETS: dict[str, Target] = {
    target.name: target
    for target in (
        Target("document", _document, lambda n: _suffix(n) in _DOCUMENTS and not n[:4].isdigit()),
        Target("proposal", _proposal, lambda n: n.startswith(("proposal", "thread", "call"))),
        Target("contract", _contract, lambda n: n.startswith("contract") or n == "proposal.pdf"),
        Target("tracker", _tracker, lambda n: _suffix(n) == ".csv" and not n.startswith("orgmap")),
        Target("adr", _adr, lambda n: n[:4].isdigit() and n[4] == "-" and not n.startswith("2026")),
        Target("notes", _notes, lambda n: n.startswith("2026-")),
        Target("orgmap", _orgmap, lambda n: n.startswith("orgmap")),
        Target("mailmap", _mailmap, lambda n: n == ".mailmap"),
        Target("docs", _docs, lambda n: n in ("RUNBOOK.md", "guide.rst", "deploy.adoc", "proposal.md")),
        Target("mkdocs", _mkdocs, lambda n: n == "mkdocs.yml"),
    )
}
