"""Architecture decision records in the two common Markdown flavours, read and written.

adr-tools (Nygard): ``# 1. Title``, ``Date: YYYY-MM-DD``, then ``## Status``, ``## Context``,
``## Decision``, ``## Consequences``.

MADR: ``# Title`` with either YAML front matter (``status``, ``date``, ``decision-makers`` or
``deciders``) or list lines (``* Status:``, ``* Deciders:``, ``* Date:``), then ``## Context and
Problem Statement`` and ``## Decision Outcome`` with ``Chosen option: "...", because ...``.

The why of a decision is MADR's justification ("because ...") or, failing that, the context.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from inhouse.analysis.journal.text import as_list, parse_loose_date, split_front_matter
from inhouse.domain.roster import fold
from inhouse.errors import InvalidInput

FLAVOURS = ("madr", "adr-tools")
STATUSES = ("proposed", "accepted", "rejected", "deprecated", "superseded", "draft")
_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$")
_H2 = re.compile(r"^##\s+(.+?)\s*#*\s*$")
_FIELD = re.compile(
    r"^\s*(?:[*+-]\s+)?(?:\*\*)?(status|date|deciders|decision[- ]makers)(?:\*\*)?\s*:\s*(.*)$", re.IGNORECASE
)
_CHOSEN = re.compile(r'chosen option:?\s*"?(?P<option>.+?)"?,\s*because\s*(?P<why>.+)', re.IGNORECASE | re.DOTALL)
_NUMBER = re.compile(r"^(?:adr[-\s]?)?(\d+)\s*[.:)-]\s*", re.IGNORECASE)


@dataclass
class AdrRecord:
    title: str
    status: str
    decided_on: date | None
    deciders: list[str] = field(default_factory=list)
    rationale: str = ""
    number: int | None = None
    flavour: str = "madr"
    source: str = ""


def adr_file_names(names: list[str]) -> list[str]:
    """The ADRs among a folder's file names: the numbered ``0001-*.md`` (else all its Markdown but
    README, index and templates), sorted."""
    markdown = sorted(n for n in names if n.lower().endswith((".md", ".markdown")))
    numbered = [n for n in markdown if n[:1].isdigit()]
    return numbered or [
        n for n in markdown if not n.lower().startswith(("readme", "index", "template", "adr-template"))
    ]


def _placeholder(value: str) -> bool:
    """MADR's template values: ``{list everyone involved}``, ``[YYYY-MM-DD when ...]``."""
    value = value.strip()
    return (value[:1] in "{[" and value[-1:] in "}]" and "](" not in value) or value in ("", "-")


def normalise_status(text: str) -> str:
    words = fold(text).split()
    for word in words[:2]:
        if word in STATUSES:
            return word
    return " ".join(text.split())[:40].lower() or "accepted"


def _sections(lines: list[str]) -> dict[str, str]:
    sections: dict[str, list[str]] = {}
    current = None
    for line in lines:
        heading = _H2.match(line)
        if heading:
            current = fold(heading.group(1))
            sections.setdefault(current, [])
        elif current is not None:
            sections[current].append(line)
    return {k: "\n".join(v).strip() for k, v in sections.items()}


def _first(sections: dict[str, str], *names: str) -> str:
    for name in names:
        for key, body in sections.items():
            if key == name or key.startswith(name):
                return body
    return ""


def parse_adr(text: str, source: str = "ADR", number: int | None = None) -> AdrRecord:
    """Read one ADR of either flavour; InvalidInput naming ``source`` when it has no title."""
    meta, body = split_front_matter(text)
    lines = body.splitlines()
    headings = [(i, found) for i, line in enumerate(lines) if (found := _H1.match(line))]
    if not headings:
        raise InvalidInput(f"{source}: no title (expected a first-level heading such as '# 1. Use PostgreSQL')")
    title_line, heading = headings[0]
    title = heading.group(1).strip()
    numbered = _NUMBER.match(title)
    if numbered:
        number = int(numbered.group(1))
        title = title[numbered.end() :].strip()
    if not title:
        raise InvalidInput(f"{source}: the title heading is empty")
    fields: dict[str, str] = {}
    for line in lines[title_line + 1 :]:
        if _H2.match(line):
            break
        found = _FIELD.match(line)
        if found:
            fields[found.group(1).lower().replace(" ", "-")] = re.sub(r"<!--.*?-->", "", found.group(2)).strip()
    sections = _sections(lines[title_line + 1 :])
    adr_tools = "status" in sections or ("date" in fields and "decision" in sections)
    status_text = str(meta.get("status") or fields.get("status") or _first_line(sections.get("status", "")))
    date_text = str(meta.get("date") or fields.get("date") or "")
    deciders_raw = (
        meta.get("decision-makers")
        or meta.get("deciders")
        or fields.get("decision-makers")
        or fields.get("deciders")
        or []
    )
    deciders = [d for d in as_list(deciders_raw) if not _placeholder(d)]
    decided_on = None
    if date_text and not _placeholder(date_text):
        decided_on = parse_loose_date(date_text)
        if decided_on is None:
            raise InvalidInput(f"{source}: date {date_text!r} is not a date (expected YYYY-MM-DD)")
    return AdrRecord(
        title=title,
        status=normalise_status(status_text) if not _placeholder(status_text) else "accepted",
        decided_on=decided_on,
        deciders=deciders,
        rationale=_rationale(sections, adr_tools),
        number=number,
        flavour="adr-tools" if adr_tools else "madr",
        source=source,
    )


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def _rationale(sections: dict[str, str], adr_tools: bool) -> str:
    context = _first(sections, "context")
    if adr_tools:
        return context
    outcome = _first(sections, "decision outcome")
    chosen = _CHOSEN.search(outcome)
    if chosen:
        why = chosen.group("why").split("\n\n")[0].strip()
        return context if context.startswith(why) else why
    if context:
        return context
    return "\n".join(line for line in outcome.splitlines() if not line.lower().startswith("chosen option")).strip()


def slug(title: str, limit: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return words[:limit].rstrip("-") or "decision"


def render_adr(record: AdrRecord, flavour: str = "madr") -> tuple[str, str]:
    """The file name (``0001-title.md``) and Markdown text of ``record`` in ``flavour``."""
    if flavour not in FLAVOURS:
        raise InvalidInput(f"invalid ADR format {flavour!r}: expected one of {', '.join(FLAVOURS)}")
    number = record.number or 1
    name = f"{number:04d}-{slug(record.title)}.md"
    when = record.decided_on.isoformat() if record.decided_on else ""
    deciders = ", ".join(record.deciders)
    why = record.rationale.strip()
    if flavour == "adr-tools":
        head = [f"# {number}. {record.title}", "", f"Date: {when}"] + ([f"Deciders: {deciders}"] if deciders else [])
        text = head + [
            "",
            "## Status",
            "",
            record.status.capitalize(),
            "",
            "## Context",
            "",
            why,
            "",
            "## Decision",
            "",
            record.title,
            "",
            "## Consequences",
            "",
            "Not recorded.",
            "",
        ]
        return name, "\n".join(text)
    front = ["---", f"status: {record.status}", f"date: {when}"]
    if deciders:
        front.append(f"decision-makers: {deciders}")
    outcome = f'Chosen option: "{record.title}", because {why}' if why else f'Chosen option: "{record.title}".'
    text = front + [
        "---",
        "",
        f"# {record.title}",
        "",
        "## Context and Problem Statement",
        "",
        why,
        "",
        "## Decision Outcome",
        "",
        outcome,
        "",
    ]
    return name, "\n".join(text)
