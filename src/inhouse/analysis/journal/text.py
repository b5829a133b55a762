"""Shared by the journal readers: decoding files, YAML front matter, and finding dates in text."""

from __future__ import annotations

import re
from datetime import date, datetime

import yaml

from inhouse.analysis.documents.text import decode_text, tame
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
    """The text of a journal file, decoded as every document is (:func:`~inhouse.analysis.documents.text.decode_text`:
    a BOM's UTF-8 or UTF-16, else UTF-8, cp1252, latin-1); binary files are refused."""
    return tame(decode_text(data, name)[0])


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


FRONT_MATTER_MAX_CHARS = 16 * 1024
"""The longest front matter read (notes and ADRs hold a few lines); a longer one is refused."""
_KEY_LINE = re.compile(r"^[ \t]*[\"']?[\w][\w \t.-]*[\"']?[ \t]*:(?:[ \t]|$)")


class _SafeLoader(yaml.SafeLoader):  # type: ignore[misc]  # PyYAML ships no type hints
    """PyYAML's safe loader without aliases: an alias would let a small file stand for a huge value."""

    def compose_node(self, parent: object, index: object) -> object:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(problem="aliases (*name) are not accepted", problem_mark=event.start_mark)
        return super().compose_node(parent, index)


def split_front_matter(text: str, source: str = "document") -> tuple[dict[str, object], str]:
    """``---`` YAML front matter and the rest of the text.

    Read with PyYAML's safe loader (block scalars, quoted lists, nested maps), aliases refused and
    the front matter at most :data:`FRONT_MATTER_MAX_CHARS`; keys are lower case with ``-`` for
    spaces and underscores. A ``---`` block whose first line is no ``key:`` is no front matter (a
    thematic break). Invalid YAML is an InvalidInput naming ``source`` and the line."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return {}, text
    size = 0
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            block = lines[1:end]
            first = next((line for line in block if line.strip() and not line.lstrip().startswith("#")), "")
            if not _KEY_LINE.match(first):
                return {}, text
            return _load_yaml("\n".join(block), source), "\n".join(lines[end + 1 :])
        size += len(lines[end]) + 1
        if size > FRONT_MATTER_MAX_CHARS:
            raise InvalidInput(f"{source}: front matter is over {FRONT_MATTER_MAX_CHARS // 1024} KiB")
    return {}, text


def _load_yaml(block: str, source: str) -> dict[str, object]:
    try:
        data = yaml.load(block, Loader=_SafeLoader)  # a subclass of SafeLoader, aliases refused
    except yaml.MarkedYAMLError as exc:
        where = f"line {exc.problem_mark.line + 2}: " if exc.problem_mark else ""
        raise InvalidInput(f"{source}: front matter is not valid YAML ({where}{exc.problem or exc.context})") from None
    except yaml.YAMLError as exc:
        raise InvalidInput(f"{source}: front matter is not valid YAML ({' '.join(str(exc).split())})") from None
    if not isinstance(data, dict):
        raise InvalidInput(f"{source}: front matter is not a list of key: value lines")
    return {_key(key): _plain(value) for key, value in data.items()}


def _key(key: object) -> str:
    return " ".join(str(key).split()).lower().replace(" ", "-").replace("_", "-")


def _plain(value: object) -> object:
    """A YAML value as the readers use it: None as an empty list, dates and numbers as text, nested
    maps with normalised keys."""
    if value is None:
        return []
    if isinstance(value, dict):
        return {_key(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def as_list(value: object) -> list[str]:
    """A front-matter value as a list of names: a YAML list or a comma-separated string."""
    if isinstance(value, list):
        items = [str(v) for v in value]
    elif value is None:
        items = []
    else:
        items = re.split(r"[;,]", str(value))
    return [" ".join(i.split()) for i in items if i.strip()]
