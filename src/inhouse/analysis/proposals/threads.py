"""Email threads: messages by sender, quoted history included when it adds something.

A thread is split on its ``From:`` headers. Quoted text — ``>`` lines, what follows
"On <date>, <name> wrote:", or an "----- Original Message -----" block — is attributed to
whoever wrote it (the name in the attribution line or in the quoted ``From:`` header) and
kept only when the file does not already hold it unquoted, so a reply that quotes the
message above it adds nothing twice, while a lone reply whose history exists only as a
quote still shows what the partner first sent and what the client asked. A top-posted
reply has its history below it; that history is read first, oldest (deepest) first, so
units follow the order in which things were said; messages stacked newest first (their Date: or Sent:
headers say so) are read from the bottom up. Inline replies keep their order.
Quoted text nobody can be named for is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from dateutil import parser as dateparser

from inhouse.analysis.proposals.text import lines
from inhouse.analysis.proposals.turns import Conversation, Turn, compact, merge_turns

_HEADER = re.compile(r"^\s*(from|to|cc|bcc|subject|date|sent|reply-to)\s*:\s*(.*)$", re.I)
#: the line over a quoted older message, as mail clients write it in several languages
_ORIGINAL = re.compile(
    r"^\s*-{2,}\s*(?:(?:original|forwarded) message|oorspronkelijk bericht|doorgestuurd bericht|"
    r"urspr\u00fcngliche nachricht|weitergeleitete nachricht|message d'origine|mensaje original|messaggio originale|"
    r"mensagem original|oprindelig meddelelse|ursprungligt meddelande|opprinnelig melding)\s*-{2,}\s*$",
    re.I,
)
_WROTE = re.compile(r"^\s*on\s+(?P<inner>.{4,160}?)\s+wrote\s*:\s*$", re.I)
_PREFIX = re.compile(r"^[ \t]*((?:>[ \t]?)+)")
_ADDRESS = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
#: a printed web-mail message's first line: the sender with an address, then when it was sent
#: ("Ana Ruiz <ana@example.com>      Tue, Mar 3, 2026, 9:14 AM"); "to Bob, me" follows it
_PRINTED_SENDER = re.compile(r"^\s*(?P<who>[^<>:\n]{2,60}?<[\w.+-]+@[\w-]+(?:\.[\w-]+)+>)\s{2,}(?P<when>\S.{5,60})$")
_PRINTED_TO = re.compile(r"^\s*to\s+\S.{0,100}$", re.I)


def printed_senders(text: str) -> int:
    """How many printed web-mail sender lines (a name with its address, then a date) ``text`` holds."""
    return sum(
        1
        for match in (_PRINTED_SENDER.match(line.text) for line in lines(text))
        if match and _when(match.group("when")) is not None
    )


@dataclass(frozen=True)
class _Piece:
    sender: str
    depth: int  # 0: the message itself; 1: what it quotes; 2: what that quoted...
    message: int
    start: int
    end: int


def parse_emails(text: str) -> Conversation | None:
    """The messages of an email thread as turns by sender, or ``None`` without headers."""
    affiliations: dict[str, set[str]] = {}
    pieces: list[_Piece] = []
    message, level, senders = -1, 0, 0
    author: str | None = None  # who wrote the unquoted lines being read
    quoted_by: dict[int, str | None] = {}  # quote depth -> who wrote the text quoted at that depth
    in_header = history_next = False
    loose: str | None = None  # "On X wrote:" not followed by ">" lines: the unprefixed lines are X's
    wrote_pending: tuple[str, int] | None = None  # (writer, depth of the "wrote:" line)
    sent: dict[int, datetime | None] = {}  # message -> when it was sent (its Date: / Sent: header)
    for line in lines(text):
        prefix = _PREFIX.match(line.text)
        depth = prefix.group(1).count(">") if prefix else 0
        start = line.start + (prefix.end() if prefix else 0)
        content = text[start : line.end]
        stripped = content.strip()
        header = _HEADER.match(content)
        printed = _PRINTED_SENDER.match(content) if not depth else None
        when = _when(printed.group("when")) if printed else None
        if printed and when is not None:  # a printed web-mail sender line opens a message, as "From:" does
            name, tokens = _sender(printed.group("who"))
            affiliations.setdefault(name, set()).update(tokens)
            message, level, author, loose, quoted_by = message + 1, 0, name, None, {}
            senders += 1
            sent.setdefault(message, when)
            in_header = True
            continue
        if in_header and _PRINTED_TO.match(content) and not header:
            continue
        if header and header.group(1).lower() == "from":
            name, tokens = _sender(header.group(2))
            affiliations.setdefault(name, set()).update(tokens)
            if depth:
                quoted_by[depth] = name
            elif history_next:  # the older message under an "Original Message" line
                level, author, loose, history_next = level + 1, name, None, False
            else:
                message, level, author, loose, quoted_by = message + 1, 0, name, None, {}
                senders += 1
            in_header = True
            continue
        if in_header and (header or not stripped):
            if header and header.group(1).lower() in ("date", "sent") and not depth and level == 0:
                sent.setdefault(max(message, 0), _when(header.group(2)))
            in_header = bool(header)
            continue
        in_header = False
        if not depth and _ORIGINAL.match(stripped):
            history_next, loose = True, None
            continue
        wrote = _WROTE.match(stripped)
        if wrote:
            writer, tokens = _attribution(wrote.group("inner"))
            if writer:
                affiliations.setdefault(writer, set()).update(tokens)
            quoted_by[depth + 1] = writer
            wrote_pending = (writer, depth) if writer else None
            continue
        if not stripped:
            continue
        if wrote_pending is not None:  # the next line says whether the quote is marked one level deeper
            name, at = wrote_pending
            if depth == at and not depth:
                loose = name
            elif depth == at:
                quoted_by[depth] = name
            wrote_pending = None
        if message < 0 and loose is None and not depth:
            continue
        who = quoted_by.get(depth) if depth else (loose or author)
        if who is None:
            continue
        extra = 1 if (loose and not depth) else 0
        pieces.append(_Piece(who, level + depth + extra, max(message, 0), start, line.end))
    if senders == 0 or not pieces:
        return None
    ordered = _chronological(_novel(pieces, text), newest_first=_newest_first(sent, message + 1))
    turns = [Turn(p.sender, p.start, p.end) for p in ordered]
    return Conversation(merge_turns(turns, text), affiliations) if turns else None


def _novel(pieces: list[_Piece], text: str) -> list[_Piece]:
    """Drop quoted lines the thread already holds unquoted (or quoted once before)."""
    said = " ".join(_key(text[p.start : p.end]) for p in pieces if p.depth == 0)
    kept: list[_Piece] = []
    for piece in pieces:
        if piece.depth:
            key = _key(text[piece.start : piece.end])
            if key and key in said:
                continue
            said += " " + key
        kept.append(piece)
    return kept


#: what a header's date lacks is filled from a fixed moment, never from today, so the same thread reads the same
_NO_DATE = datetime(2000, 1, 1)


def _when(value: str) -> datetime | None:
    """A header's date in UTC ("Thu, 5 Mar 2026 09:12:00 +0100", "Thursday 5 March 2026 09:12"), or None."""
    try:
        found: datetime | None = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        try:
            found = dateparser.parse(value, fuzzy=True, dayfirst=True, default=_NO_DATE)
        except (ValueError, OverflowError, TypeError):
            return None
    if found is None:
        return None
    return found.astimezone(UTC).replace(tzinfo=None) if found.tzinfo else found


def _newest_first(sent: dict[int, datetime | None], messages: int) -> bool:
    """Messages stacked newest first: every one dated, none later than the one above it, the last earlier."""
    dates = [sent.get(message) for message in range(messages)]
    known = [d for d in dates if d is not None]
    if len(dates) < 2 or len(known) < len(dates):
        return False
    return all(a >= b for a, b in zip(known, known[1:], strict=False)) and known[0] > known[-1]


def _chronological(pieces: list[_Piece], newest_first: bool = False) -> list[_Piece]:
    """Per message: a top-posted reply's history (deepest first) before the reply itself; messages stacked
    newest first are read from the last up."""
    ordered: list[_Piece] = []
    messages = list(dict.fromkeys(p.message for p in pieces))
    for message in reversed(messages) if newest_first else messages:
        own = [p for p in pieces if p.message == message]
        replies = [i for i, p in enumerate(own) if p.depth == 0]
        history = [i for i, p in enumerate(own) if p.depth > 0]
        top_posted = bool(history) and (not replies or max(replies) < min(history))
        if top_posted:
            own = sorted(own, key=lambda p: -p.depth)  # stable: text order within a depth
        ordered += own
    return ordered


def _key(value: str) -> str:
    return " ".join(re.sub(r"(?m)^[ \t]*(?:>[ \t]?)+", "", value).lower().split())


def _sender(value: str) -> tuple[str, set[str]]:
    address = _ADDRESS.search(value)
    name = re.sub(r"<[^>]*>|\"|'", "", value).strip() or value.strip()
    if "@" in name:
        name = name.split("@")[0].replace(".", " ").title()
    tokens = set()
    if address:
        domain = address.group(1).lower()
        tokens.add(compact(domain.rsplit(".", 1)[0]))
        tokens.add("@domain:" + domain.replace("-", " ").replace(".", " "))
    return name, tokens


def _attribution(inner: str) -> tuple[str | None, set[str]]:
    """The writer in "On Tue, 4 Mar 2025 at 10:12, Priya Sandhu <p@x.org> wrote:"."""
    address = _ADDRESS.search(inner)
    before = inner[: address.start()] if address else inner
    before = before.rstrip(" ,(<\"'[").rsplit(",", 1)[-1]
    match = re.search(r"((?:[A-Z][\w'.-]*\s*){1,4})$", before.strip(" \"'"))
    name = re.sub(r"^(?:AM|PM|UTC|GMT|CET|CEST|BST)\s+", "", match.group(1).strip()) if match else ""
    if address:
        return _sender(f"{name} <{address.group(0)}>" if name else address.group(0))
    return (name or None), set()
