"""Weekly review notes in Markdown: the three sections, the attendees and the week.

Liberal in what it reads. Sections are headings of any level (ATX ``## Done``, setext, a bold line
``**Why**``) or label lines (``Next: ...``) whose text names one of the three things: "What was
done" / "Done" / "What we did"; "Why" / "Decisions and why" / "Rationale"; "What's next" / "Next
steps" / "Action items". Attendees come from an "Attendees" section or line, or the front matter.
The week comes from the front matter (``date:`` / ``week:``), else a heading or a ``Date:`` line,
else the file name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from inhouse.analysis.journal.text import as_list, find_date, parse_loose_date, split_front_matter
from inhouse.domain.reviews import SECTIONS
from inhouse.domain.roster import fold, split_names
from inhouse.errors import InvalidInput

_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_BOLD = re.compile(r"^\s*(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?\s*$")
# Possessive quantifiers (``*+``) where whitespace meets whitespace, so a long line of spaces is read
# in linear time instead of being tried at every split.
_LABEL = re.compile(r"^\s*+(?:\*\*|__)?([A-Za-z'’][A-Za-z' ’]{1,39}?)(?:\*\*|__)?\s*+:\s*+(?:\*\*|__)?\s*(.*)$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_DATE_KEYS = ("week", "week-of", "date", "day", "when", "held-on")
_ATTENDEE_KEYS = ("attendees", "participants", "present", "attendance", "people")
_EXACT_LABELS = {
    "done": "done",
    "what was done": "done",
    "what we did": "done",
    "completed": "done",
    "why": "why",
    "decisions and why": "why",
    "decisions": "why",
    "rationale": "why",
    "why those decisions were made": "why",
    "next": "next",
    "what s next": "next",
    "what is next": "next",
    "next steps": "next",
    "next week": "next",
    "attendees": "attendees",
    "participants": "attendees",
    "present": "attendees",
    "attendance": "attendees",
    "date": "date",
    "week": "date",
    "week of": "date",
}
NOTE_SUFFIXES = (".md", ".markdown", ".txt")
_NOT_NOTES = ("readme", "index", "template", "_template")
HEADINGS_HELP = {
    "done": "'What was done' or 'Done'",
    "why": "'Why' or 'Decisions and why'",
    "next": "'What's next' or 'Next'",
}


@dataclass
class ReviewNote:
    week_of: date | None
    done: str
    why: str
    next: str
    attendees: list[str] = field(default_factory=list)
    source: str = ""


def is_note_file(name: str) -> bool:
    """Whether a file of a notes folder is a weekly note (Markdown or text, not a README, index or template)."""
    stem, dot, suffix = name.rpartition(".")
    return bool(dot) and f".{suffix.lower()}" in NOTE_SUFFIXES and stem.lower() not in _NOT_NOTES


def classify_heading(text: str) -> str | None:
    """Which section a heading names: done, why, next, attendees, or None."""
    norm = fold(re.sub(r"^\s*\d+[.)]\s*", "", text))
    words = set(norm.split())
    if not norm:
        return None
    if norm.startswith(("attendee", "participant", "present", "attendance", "who attended", "who was there")):
        return "attendees"
    if words & {"why", "rationale", "reasons", "reasoning", "decisions", "decided"}:
        return "why"
    if words & {"next", "upcoming", "todo"} or norm.startswith(("action item", "actions", "to do", "plan for")):
        return "next"
    if words & {"done", "did", "completed", "accomplished", "achievements", "delivered", "progress", "happened"}:
        return "done"
    return None


def _heading(lines: list[str], index: int) -> tuple[str, int, str] | None:
    """(heading text, level, inline content) when line ``index`` opens a heading, else None."""
    line = lines[index]
    atx = _ATX.match(line)
    if atx:
        return atx.group(2), len(atx.group(1)), ""
    following = lines[index + 1] if index + 1 < len(lines) else ""
    if line.strip() and re.match(r"^\s*(=+|-+)\s*$", following) and not line.lstrip().startswith(("-", "*", "+")):
        return line.strip(), 1 if following.strip().startswith("=") else 2, ""
    bold = _BOLD.match(line)
    if bold and classify_heading(bold.group(1)):
        return bold.group(1), 7, ""
    label = _LABEL.match(line)
    if label and fold(label.group(1)) in _EXACT_LABELS:
        return label.group(1), 8, label.group(2)
    return None


def _clean(lines: list[str]) -> str:
    return "\n".join(lines).strip()


def parse_review_note(text: str, source: str = "note") -> ReviewNote:
    """Read one weekly note; InvalidInput naming ``source`` when a section is missing."""
    meta, body = split_front_matter(text, source)
    body = _COMMENT.sub("", body)
    lines = body.splitlines()
    sections: dict[str, list[str]] = {}
    current: str | None = None
    level = 0
    title_dates: list[date] = []
    fenced = False
    skip_next = False
    preamble: list[str] = []
    for index, line in enumerate(lines):
        if skip_next:  # the underline of a setext heading
            skip_next = False
            continue
        if _FENCE.match(line):
            fenced = not fenced
        heading = None if fenced else _heading(lines, index)
        if heading is None:
            if current is not None:
                sections[current].append(line)
            elif not sections:
                preamble.append(line)
            continue
        heading_text, heading_level, inline = heading
        skip_next = bool(
            not _ATX.match(line)
            and index + 1 < len(lines)
            and re.match(r"^\s*(=+|-+)\s*$", lines[index + 1])
            and heading_level < 7
        )
        kind = classify_heading(heading_text) if heading_level <= 7 else _EXACT_LABELS.get(fold(heading_text))
        if kind == "date":
            day = parse_loose_date(inline)
            if day:
                title_dates.append(day)
            continue
        if kind is None:
            if current is not None and heading_level > level:
                sections[current].append(line)  # a sub-heading inside a section
                continue
            day = find_date(heading_text)
            if day:
                title_dates.append(day)
            current = None
            continue
        current, level = kind, heading_level
        sections.setdefault(kind, [])
        if inline:
            sections[kind].append(inline)
    missing = [s for s in SECTIONS if s not in sections]
    if missing:
        expected = "; ".join(f"{s}: {HEADINGS_HELP[s]}" for s in missing)
        raise InvalidInput(f"{source}: no heading for {', '.join(missing)} (expected {expected})")
    attendees = split_names(as_list(next((meta[k] for k in _ATTENDEE_KEYS if k in meta), [])))
    attendees += [a for a in split_names(sections.get("attendees", [])) if a not in attendees]
    return ReviewNote(
        week_of=_note_date(meta, title_dates, find_date("\n".join(preamble)), source),
        done=_clean(sections["done"]),
        why=_clean(sections["why"]),
        next=_clean(sections["next"]),
        attendees=attendees,
        source=source,
    )


def _note_date(
    meta: dict[str, object], title_dates: list[date], preamble_date: date | None, source: str
) -> date | None:
    for key in _DATE_KEYS:
        if key in meta and meta[key]:
            value = str(meta[key])
            day = parse_loose_date(value)
            if day is None:
                raise InvalidInput(f"{source}: front matter {key}: {value!r} is not a date")
            return day
    if title_dates:
        return title_dates[0]
    if preamble_date:
        return preamble_date
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    return find_date(name)
