"""Shared by the journal readers: decoding files, front matter, and finding dates in text."""

from __future__ import annotations

import re
from datetime import date, datetime

from inhouse.analysis.documents.text import tame
from inhouse.errors import InvalidInput

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE_PATTERNS = [
    re.compile(r"(?<!\d)(?P<y>\d{4})[-_./](?P<m>\d{1,2})[-_./](?P<d>\d{1,2})(?!\d)"),
    re.compile(r"(?<![\d])(?P<y>\d{4})-?w(?P<w>\d{1,2})(?![\d])", re.IGNORECASE),
    re.compile(
        r"(?<!\d)(?P<d>\d{1,2})(?:st|nd|rd|th)?[\s/-]+" + _MONTH + r"\.?,?[\s/-]+(?P<y>\d{4}|\d{2})(?!\d)",
        re.IGNORECASE,
    ),
    re.compile(_MONTH + r"\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?!\d)", re.IGNORECASE),
    re.compile(r"(?<!\d)(?P<y>20\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)"),
]
_NUMERIC = re.compile(r"^\s*(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4}|\d{2})\b")


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), else Windows-1252; binary files are refused."""
    if b"\x00" in data[:4096]:
        raise InvalidInput(f"{name}: not a text file")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return tame(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise InvalidInput(f"{name}: not UTF-8 text")


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_date(text: str) -> date | None:
    """The first date written in ``text``: ISO, ISO week (2026-W02), "12 Jan 2026", "January 12, 2026", 20260112."""
    found: list[tuple[int, date]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            day: date | None
            if parts.get("w"):
                try:
                    day = date.fromisocalendar(int(parts["y"]), int(parts["w"]), 1)
                except ValueError:
                    continue
            elif parts.get("mon"):
                day = _make(_year(parts["y"]), _MONTHS[parts["mon"].lower()[:3]], int(parts["d"]))
            else:
                day = _make(int(parts["y"]), int(parts["m"]), int(parts["d"]))
            if day is not None:
                found.append((match.start(), day))
                break
    return min(found)[1] if found else None


def parse_loose_date(value: str) -> date | None:
    """A whole cell or field as a date: ISO date or datetime, Jira's ``11/May/24 3:26 PM``, ``6/21/2025 16:14``
    (numeric dates are month/day/year unless the first number is over 12), or what ``find_date`` reads."""
    text = str(value).strip().strip("\"'")
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for fmt in (
        "%d/%b/%y %I:%M %p",
        "%d/%b/%y %H:%M",
        "%d/%b/%Y %I:%M %p",
        "%d/%b/%Y %H:%M",
        "%d/%b/%y",
        "%d/%b/%Y",
        "%d-%b-%Y",
        "%d-%b-%y",
    ):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    numeric = _NUMERIC.match(text)
    if numeric:
        a, b, year = int(numeric["a"]), int(numeric["b"]), _year(numeric["y"])
        if "." in text[: numeric.end()]:
            return _make(year, b, a)  # 21.06.2025 is day.month.year
        return _make(year, b, a) if a > 12 else _make(year, a, b)
    return find_date(text)


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    """``---`` YAML front matter (the simple subset notes and ADRs use) and the rest of the text."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return {}, text
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            return _parse_simple_yaml(lines[1:end]), "\n".join(lines[end + 1 :])
    return {}, text


def _scalar(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value.split(" #")[0].strip()


def _parse_simple_yaml(lines: list[str]) -> dict[str, object]:
    data: dict[str, object] = {}
    key: str | None = None
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = re.match(r"^\s*-\s+(.*)$", line)
        if item and key is not None:
            current = data.get(key)
            data[key] = (current if isinstance(current, list) else []) + [_scalar(item.group(1))]
            continue
        pair = re.match(r"^([A-Za-z0-9_ -]+?)\s*:\s*(.*)$", line)
        if not pair:
            continue
        key = pair.group(1).strip().lower().replace(" ", "-").replace("_", "-")
        value = pair.group(2).strip()
        if value.startswith("[") and value.endswith("]"):
            data[key] = [_scalar(v) for v in value[1:-1].split(",") if v.strip()]
        else:
            data[key] = _scalar(value) if value else []
    return data


def as_list(value: object) -> list[str]:
    """A front-matter value as a list of names: a YAML list or a comma-separated string."""
    if isinstance(value, list):
        items = [str(v) for v in value]
    elif value is None:
        items = []
    else:
        items = re.split(r"[;,]", str(value))
    return [" ".join(i.split()) for i in items if i.strip()]
