"""Tracker CSV exports: who worked on which task, and when.

``jira``: Jira's "Export Excel CSV (all fields)" or "(current fields)": the columns ``Issue key``,
``Summary``, ``Assignee``, ``Status`` and dates ``Resolved`` / ``Updated`` / ``Created`` (the first
present is the task's date), in Jira's ``11/May/24 3:26 PM`` form or ISO. Jira repeats a column
name for multi-valued fields (``Labels``, ``Sprint``, ``Watchers``...): the first non-empty cell wins.

``plain``: a header ``date,title,assignee,status`` (``status`` optional; ``summary``/``task``,
``who``/``owner`` accepted), or the same four columns without a header.

``auto`` picks ``jira`` when there is an ``Issue key`` column. Every problem is an InvalidInput
naming the file and the line: nothing is imported from a file with one bad row.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from datetime import date

from inhouse.analysis.journal.text import decode, parse_loose_date
from inhouse.errors import InvalidInput

FORMATS = ("auto", "jira", "plain")
_JIRA_DATES = ("resolved", "updated", "created")
_PLAIN = {
    "date": ("date", "day", "when", "done on", "resolved", "completed", "updated"),
    "title": ("title", "summary", "task", "name", "description"),
    "assignee": ("assignee", "who", "owner", "person", "assigned to", "done by"),
    "status": ("status", "state"),
}


@dataclass(frozen=True)
class TrackerRow:
    key: str
    title: str
    assignee: str
    status: str
    worked_on: date
    line: int


Records = list[tuple[int, list[str]]]
"""``(line the record starts on, cells)`` for every non-blank CSV record."""
Columns = dict[str, list[int]]
"""Each header name and the positions it has (Jira repeats some)."""


def _header_key(name: str) -> str:
    return " ".join(name.strip().strip('"').lower().replace("_", " ").split())


def _records(text: str, name: str) -> Records:
    """``(line the record starts on, cells)`` for every non-blank CSV record."""
    first = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records, start = [], 1
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                records.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InvalidInput(f"{name} line {start}: not readable as CSV ({exc})") from None
    return records


def _columns(header: list[str]) -> Columns:
    columns: dict[str, list[int]] = {}
    for index, cell in enumerate(header):
        columns.setdefault(_header_key(cell), []).append(index)
    return columns


def _cell(row: list[str], indexes: list[int]) -> str:
    """The first non-empty cell among a repeated column's positions."""
    for index in indexes:
        if index < len(row) and row[index].strip():
            return row[index].strip()
    return ""


def read_tracker_csv(data: bytes, name: str, fmt: str = "auto") -> tuple[str, list[TrackerRow]]:
    """``(format used, rows)`` of a tracker export."""
    if fmt not in FORMATS:
        raise InvalidInput(f"invalid format {fmt!r}: expected one of {', '.join(FORMATS)}")
    text = decode(data, name)
    records = _records(text, name)
    if not records:
        raise InvalidInput(f"{name}: the file is empty")
    columns = _columns(records[0][1])
    if fmt == "auto":
        fmt = "jira" if "issue key" in columns else "plain"
    found = _jira(records, columns, name) if fmt == "jira" else _plain(records, columns, name)
    return fmt, found


def _date(value: str, name: str, line: int, column: str) -> date:
    day = parse_loose_date(value)
    if day is None:
        raise InvalidInput(f"{name} line {line}: {column} {value!r} is not a date")
    return day


def _jira(records: Records, columns: Columns, name: str) -> list[TrackerRow]:
    missing = [c for c in ("issue key", "summary", "assignee") if c not in columns]
    dates = [c for c in _JIRA_DATES if c in columns]
    if missing or not dates:
        need = missing + ([] if dates else ["Resolved, Updated or Created"])
        raise InvalidInput(
            f"{name}: not a Jira CSV export: no {', '.join(need)} column "
            "(a date,title,assignee,status file is the plain format)"
        )
    out: list[TrackerRow] = []
    seen: dict[str, int] = {}
    for line, row in records[1:]:
        key = _cell(row, columns["issue key"])
        if not key:
            raise InvalidInput(f"{name} line {line}: no Issue key")
        if key in seen:
            raise InvalidInput(f"{name} line {line}: issue {key} already on line {seen[key]}")
        seen[key] = line
        column = next((c for c in dates if _cell(row, columns[c])), None)
        if column is None:
            raise InvalidInput(f"{name} line {line}: issue {key} has no Resolved, Updated or Created date")
        out.append(
            TrackerRow(
                key=key,
                title=" ".join(_cell(row, columns["summary"]).split()) or key,
                assignee=_cell(row, columns["assignee"]),
                status=_cell(row, columns.get("status", [])),
                worked_on=_date(_cell(row, columns[column]), name, line, column.capitalize()),
                line=line,
            )
        )
    return out


def _plain(records: Records, columns: Columns, name: str) -> list[TrackerRow]:
    found = {field: next((columns[n][0] for n in names if n in columns), None) for field, names in _PLAIN.items()}
    body = records[1:]
    if found["date"] is None and found["title"] is None:
        if parse_loose_date(records[0][1][0]) is None:
            raise InvalidInput(f"{name}: no date and title columns (expected a header date,title,assignee,status)")
        found, body = {"date": 0, "title": 1, "assignee": 2, "status": 3}, records  # no header row
    missing = [field for field in ("date", "title", "assignee") if found[field] is None]
    if missing:
        raise InvalidInput(f"{name}: no {', '.join(missing)} column (expected date,title,assignee,status)")
    out: dict[str, TrackerRow] = {}
    for line, row in body:
        cells = {field: (row[i].strip() if i is not None and i < len(row) else "") for field, i in found.items()}
        if not cells["title"]:
            raise InvalidInput(f"{name} line {line}: no title")
        day = _date(cells["date"], name, line, "date")
        digest = hashlib.sha1(f"{day}|{cells['title']}|{cells['assignee']}".encode()).hexdigest()[:12]
        key = f"plain-{digest}"
        out[key] = TrackerRow(key, cells["title"], cells["assignee"], cells["status"], day, line)
    return list(out.values())
