"""Architecture decision records in the two common Markdown flavours, read and written.

adr-tools (Nygard): ``# 1. Title``, ``Date: YYYY-MM-DD``, then ``## Status``, ``## Context``,
``## Decision``, ``## Consequences``.

MADR: ``# Title`` with either YAML front matter (``status``, ``date``, ``decision-makers`` or
``deciders``) or list lines (``* Status:``, ``* Deciders:``, ``* Date:``), then ``## Context and
Problem Statement`` and ``## Decision Outcome`` with ``Chosen option: "...", because ...``.

The why of a decision is MADR's justification ("because ...") or, failing that, the context.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from markdown_it import MarkdownIt

from inhouse.analysis.git.gitcmd import GitRepo
from inhouse.analysis.journal.text import as_list, parse_loose_date, split_front_matter
from inhouse.domain.roster import fold
from inhouse.errors import AnalyzerError, InvalidInput, NotFound

FLAVOURS = ("madr", "adr-tools")
STATUSES = ("proposed", "accepted", "rejected", "deprecated", "superseded", "draft")
_FIELD = re.compile(
    r"^\s*(?:[*+-]\s+)?(?:\*\*)?(status|date|deciders|decision[- ]makers)(?:\*\*)?\s*:\s*(.*)$", re.IGNORECASE
)
_CHOSEN = re.compile(
    r"chosen option:?[ \t]*(?:\"(?P<q1>[^\"\n]+)\"|“(?P<q2>[^”\n]+)”|'(?P<q3>[^'\n]+)'|(?P<bare>[^,\n]+?))"
    r"[ \t]*(?:,[ \t]*because\b[ \t]*(?P<why>.*)|[.,]?[ \t]*(?:\n|$))",
    re.IGNORECASE | re.DOTALL,
)
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
    options: list[str] = field(default_factory=list)  # MADR's "Considered Options"
    chosen: str = ""  # MADR's "Chosen option"


def adr_file_names(names: list[str]) -> list[str]:
    """The ADRs among a folder's file names: the numbered ``0001-*.md`` (else all its Markdown but
    README, index and templates), sorted."""
    markdown = sorted(n for n in names if n.lower().endswith((".md", ".markdown")))
    numbered = [n for n in markdown if n[:1].isdigit()]
    return numbered or [
        n for n in markdown if not n.lower().startswith(("readme", "index", "template", "adr-template"))
    ]


def last_commit_dates(folder: str | os.PathLike[str], names: Sequence[str]) -> dict[str, date]:
    """The day of the last commit (committer date) that changed each of ``names`` in ``folder``, read
    from the git work tree holding it with the safe runner; files never committed, and a folder in
    no work tree, have none."""
    try:
        repo = GitRepo.open(folder)
        if repo.bare or not repo.has_commits():
            return {}
        where = os.path.relpath(os.path.realpath(folder), os.path.realpath(repo.path)).replace(os.sep, "/")
        if where == ".." or where.startswith("../"):
            return {}
        prefix = "" if where == "." else where + "/"
        wanted = {prefix + name: name for name in names}
        log = repo.run(["log", "-z", "--format=%x01%cs", "--name-only", "--no-renames", "HEAD", "--", where])
    except (AnalyzerError, NotFound):
        return {}
    found: dict[str, date] = {}
    day: date | None = None
    for field_ in log.decode("utf-8", "surrogateescape").split("\0"):
        field_ = field_.strip("\n")
        if field_.startswith("\x01"):
            head, _, field_ = field_.partition("\n")
            day = date.fromisoformat(head[1:11]) if len(head) >= 11 else None
            field_ = field_.strip("\n")
        name = wanted.get(field_)
        if name and day is not None and name not in found:
            found[name] = day
    return found


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


_MARKDOWN = MarkdownIt("commonmark")


@dataclass(frozen=True)
class _Heading:
    level: int
    text: str
    start: int  # its first line
    end: int  # the line after it


def _outline(body: str) -> list[_Heading]:
    """The document's own headings (ATX or setext; not those in code, quotes or lists), from markdown-it's tokens."""
    tokens = _MARKDOWN.parse(body)
    found = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.level == 0 and token.map:
            found.append(_Heading(int(token.tag[1:]), tokens[index + 1].content.strip(), *token.map))
    return found


def _sections(lines: list[str], headings: list[_Heading]) -> dict[str, str]:
    """Each second-level heading's text (folded) and the lines under it, down to the next heading
    of level two or one."""
    sections: dict[str, str] = {}
    for index, heading in enumerate(headings):
        if heading.level != 2:
            continue
        stop = next((h.start for h in headings[index + 1 :] if h.level <= 2), len(lines))
        sections.setdefault(fold(heading.text), "\n".join(lines[heading.end : stop]).strip())
    return sections


def _first(sections: dict[str, str], *names: str) -> str:
    for name in names:
        for key, body in sections.items():
            if key == name or key.startswith(name):
                return body
    return ""


def _number_of(source: str) -> int | None:
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    numbered = re.match(r"(?:adr[-_]?)?(\d{1,6})[-_ .]", name, re.IGNORECASE)
    return int(numbered.group(1)) if numbered else None


def parse_adr(text: str, source: str = "ADR", number: int | None = None) -> AdrRecord:
    """Read one ADR of either flavour; InvalidInput naming ``source`` when it has no title.

    The structure (title, sections) comes from markdown-it's tokens; the number from the title
    ("# 1. Use PostgreSQL") or else the file name ("0007-...md")."""
    meta, body = split_front_matter(text, source)
    lines = body.splitlines()
    headings = _outline(body)
    title_heading = next((h for h in headings if h.level == 1), None)
    if title_heading is None:
        raise InvalidInput(f"{source}: no title (expected a first-level heading such as '# 1. Use PostgreSQL')")
    title = title_heading.text
    numbered = _NUMBER.match(title)
    if numbered:
        number = int(numbered.group(1))
        title = title[numbered.end() :].strip()
    if number is None:
        number = _number_of(source)
    if not title:
        raise InvalidInput(f"{source}: the title heading is empty")
    after = [h for h in headings if h.start >= title_heading.end]
    first_section = next((h.start for h in after if h.level <= 2), len(lines))
    fields: dict[str, str] = {}
    for line in lines[title_heading.end : first_section]:
        found = _FIELD.match(line)
        if found:
            fields[found.group(1).lower().replace(" ", "-")] = re.sub(r"<!--.*?-->", "", found.group(2)).strip()
    sections = _sections(lines, after)
    adr_tools = "status" in sections or ("date" in fields and "decision" in sections)
    status_text = _text(meta.get("status")) or fields.get("status") or _first_line(sections.get("status", ""))
    date_text = _text(meta.get("date")) or fields.get("date") or ""
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
    outcome = _first(sections, "decision outcome", "decision")
    chosen = _CHOSEN.search(outcome)
    return AdrRecord(
        title=title,
        status=normalise_status(status_text) if not _placeholder(status_text) else "accepted",
        decided_on=decided_on,
        deciders=deciders,
        rationale=_rationale(sections, adr_tools),
        number=number,
        flavour="adr-tools" if adr_tools else "madr",
        source=source,
        options=_items(_first(sections, "considered options", "options")),
        chosen=_option(chosen) if chosen else "",
    )


def _text(value: object) -> str:
    """A front-matter value as one line (a placeholder map such as ``{proposed | accepted}`` stays braced)."""
    if value is None or value == []:
        return ""
    if isinstance(value, dict):
        return "{" + " ".join(str(k) for k in value) + "}"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def _items(text: str) -> list[str]:
    """The top-level items of the first list in ``text``."""
    items = [m.group(1).strip() for m in re.finditer(r"^(?:[*+-]|\d{1,3}[.)])[ \t]+(.+)$", text, re.MULTILINE)]
    return [" ".join(i.split()) for i in items if i.strip()]


def _option(chosen: re.Match[str]) -> str:
    return next(g for g in (chosen.group("q1"), chosen.group("q2"), chosen.group("q3"), chosen.group("bare")) if g)


def _because(chosen: re.Match[str]) -> str:
    """The justification after "because": the paragraph (or list) that follows it; none for a placeholder "…"."""
    block = (chosen.group("why") or "").strip().split("\n\n")[0].strip()
    return "" if not block.strip(" .…") else block


def _rationale(sections: dict[str, str], adr_tools: bool) -> str:
    context = _first(sections, "context")
    if adr_tools:
        return context
    outcome = _first(sections, "decision outcome")
    chosen = _CHOSEN.search(outcome)
    if chosen:
        why = _because(chosen)
        if why:
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
