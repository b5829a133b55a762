"""A document as the detectors see it: sentences in order, each with its speaker and side.

Proposals and pitch decks have one author, the partner. Transcripts and email threads
are split by speaker and every sentence knows whether the partner or the client said it,
so a detector can weigh *who* talks about *what*.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from inhouse.analysis.proposals.speakers import (
    CLIENT,
    PARTNER,
    Conversation,
    Turn,
    assign_sides,
    parse_emails,
    parse_transcript,
)
from inhouse.analysis.proposals.text import blocks, grid_tables, normalise, quote, sentences, words
from inhouse.domain.partners import SpeakerShare


@dataclass(frozen=True)
class Unit:
    """One sentence (or bullet) with where it stands and who said it."""

    text: str
    start: int
    end: int
    index: int
    side: str = PARTNER
    speaker: str | None = None
    heading: str = ""
    turn: int = 0
    block: int = 0  # paragraph number

    @property
    def is_question(self) -> bool:
        return self.text.rstrip().endswith("?")

    @property
    def by_partner(self) -> bool:
        return self.side == PARTNER


@dataclass
class ParsedDocument:
    text: str
    kind: str
    units: list[Unit]
    headings: list[str] = field(default_factory=list)
    speakers: list[SpeakerShare] = field(default_factory=list)
    partner_names: list[str] = field(default_factory=list)
    client_names: list[str] = field(default_factory=list)

    @property
    def conversational(self) -> bool:
        """True when both sides speak (a transcript or a thread with client messages)."""
        return any(u.side == CLIENT for u in self.units) and any(u.side == PARTNER for u in self.units)

    @property
    def partner_units(self) -> list[Unit]:
        return [u for u in self.units if u.side == PARTNER]

    def next_units(self, unit: Unit, count: int = 1, same_turn: bool = True) -> list[Unit]:
        following = self.units[unit.index + 1 : unit.index + 1 + count]
        return [u for u in following if not same_turn or u.turn == unit.turn]


def parse_document(text: str, kind: str, partner_name: str | None = None) -> ParsedDocument:
    text = grid_tables(normalise(text))
    conversation: Conversation | None = None
    if kind == "transcript":
        conversation = parse_transcript(text)
    elif kind == "email":
        conversation = parse_emails(text)
    if conversation is not None and conversation.turns:
        sides = assign_sides(conversation, text, partner_name)
        spans = conversation.turns
    else:
        sides, spans = {}, [Turn(None, 0, len(text))]
    units: list[Unit] = []
    headings: list[str] = []
    heading = ""
    block_number = 0
    for turn_index, turn in enumerate(spans):
        side = sides.get(turn.speaker, PARTNER) if turn.speaker else PARTNER
        for block in blocks(text, turn.start, turn.end, headings=turn.speaker is None):
            if block.heading is not None:
                heading = block.heading
                headings.append(heading)
                continue
            block_number += 1
            for start, end in sentences(text, block.start, block.end):
                content = quote(text, start, end)
                if not re.search(r"[A-Za-z]{2}", content):
                    continue
                units.append(
                    Unit(content, start, end, len(units), side, turn.speaker, heading, turn_index, block_number)
                )
    parsed = ParsedDocument(text, kind, units, headings)
    parsed.speakers = _shares(units)
    if parsed.conversational or kind == "email":
        parsed.partner_names = [partner_name] if partner_name else []
        if conversation is not None:  # the partner's organisation as its labels and e-mail domains name it
            parsed.partner_names += _org_names(conversation, sides)
    else:
        parsed.partner_names, parsed.client_names = _names(text, partner_name)
    return parsed


def _org_names(conversation: Conversation, sides: dict[str, str]) -> list[str]:
    names: list[str] = []
    for speaker, tokens in conversation.affiliations.items():
        if sides.get(speaker) != PARTNER:
            continue
        names += [t.split(":", 1)[1].split()[0] for t in tokens if t.startswith("@domain:")]
        # "Participants: Liam Byrne (Receptly)": a one-to-three-word affiliation with no job title in it
        names += [
            t.split(":", 1)[1].strip()
            for t in tokens
            if t.startswith(("@org:", "@role:"))
            and 0 < len(t.split(":", 1)[1].split()) <= 3
            and not _JOB.search(t)
            and "," not in t
        ]
        names += re.findall(r"\(([^),]{3,40})\)", speaker)
    return [n for n in dict.fromkeys(names) if len(n) >= 3 and n.lower() not in _GENERIC]


def _shares(units: list[Unit]) -> list[SpeakerShare]:
    totals: dict[str, list[int]] = {}
    sides: dict[str, str] = {}
    for unit in units:
        if unit.speaker is None:
            continue
        counts = totals.setdefault(unit.speaker, [0, 0])
        counts[0] += words(unit.text)
        counts[1] += 1 if unit.is_question else 0
        sides[unit.speaker] = unit.side
    return [
        SpeakerShare(name=name, role="client" if sides[name] == CLIENT else "partner", words=n, questions=q)
        for name, (n, q) in totals.items()
    ]


_WORD = r"[A-Z][\w&'-]*(?:\.[\w&'-]+)*"
_NAME = rf"({_WORD}(?:[ \t]+(?:{_WORD}|of|and|&|de|van|der|la)){{0,5}})"
_CLIENT_NAME = re.compile(
    rf"\b(?i:proposal|prepared|submitted|offer|presented|written)\s+(?i:for|to)\s*:?\s+(?:the\s+)?{_NAME}"
)
_FOR_LINE = re.compile(rf"^\s*(?i:for|client|prepared for|customer)\s*:\s*(?:the\s+)?{_NAME}", re.M)
_VENDOR_NAME = [
    re.compile(rf"\b(?i:prepared|submitted|presented|written)\s+(?i:by)\s*:?\s+{_NAME}"),
    re.compile(rf"^\s*(?i:by|vendor|supplier|from)\s*:\s*{_NAME}", re.M),
    re.compile(rf"^\W*(?i:about|why|meet)\s+{_NAME}\s*$", re.M),
    re.compile(rf"^\W*{_NAME}\s+(?i:at a glance|in numbers|in brief|overview)\s*$", re.M),
    re.compile(rf"\b(?:I'm|I am)\s+\w+\s+(?:from|at|with)\s+{_NAME}"),
    # a call log or message note: "Caller: <name>, <firm>" names the partner's firm
    re.compile(
        rf"^\s*(?i:caller|called by|message from|voicemail from|call from)\s*:\s*[^,\n]{{2,60}},\s*{_NAME}", re.M
    ),
    re.compile(rf"^\W*{_NAME}\s+(?:Ltd|Limited|GmbH|AG|AS|Inc|LLC|BV|SAS|Oy|AB)\b\.?[ \t]*$", re.M),
]
_JOB = re.compile(
    r"\b(ceo|cto|cfo|coo|founder|head|director|manager|lead|officer|engineer|scientist|executive|"
    r"president|vp|partner|analyst|architect|consultant|owner|chief|sales|operations|finance|client|"
    r"customer|vendor|supplier|team|dept|department)\b",
    re.I,
)
_GENERIC = {"us", "the", "our", "your", "you", "we", "proposal", "the proposal", "a", "company", "product", "pricing"}


#: a heading over past work: a "Client:" line under it names a past client, not the current one
_PAST_WORK_HEADING = re.compile(
    r"^[^\n:]{0,40}?\b(?i:(?:past|previous|prior|comparable|similar|relevant|selected|recent) (?:work|projects?|"
    r"experience|engagements?|clients?)|references?|case stud(?:y|ies)|track record|experience|credentials)\b[^\n:]{0,40}$",
    re.M,
)
_HEADER_LINES = 15


def _header_client(head: str) -> list[str]:
    """The current client of a "Client: X" line: only the first, in the document's header (its first
    lines, before any past-work heading); a "Client:" line in a list of past projects names a past client."""
    match = _FOR_LINE.search(head)
    if not match:
        return []
    before = head[: match.start()]
    if _PAST_WORK_HEADING.search(before) or len([ln for ln in before.split("\n") if ln.strip()]) >= _HEADER_LINES:
        return []
    return [match.group(1).strip()]


def _names(text: str, partner_name: str | None) -> tuple[list[str], list[str]]:
    head = text[:3000]
    clients = [m.group(1).strip() for m in _CLIENT_NAME.finditer(head)]
    clients += _header_client(head)
    vendors = [partner_name] if partner_name else []
    for pattern in _VENDOR_NAME:
        vendors += [m.group(1).strip() for m in pattern.finditer(text[:20000])]

    def clean(names: list[str]) -> list[str]:
        return list(dict.fromkeys(n for n in names if n and n.lower() not in _GENERIC and len(n) > 2))

    clients = clean(clients)
    vendors = [v for v in clean(vendors) if v not in clients]
    return vendors, clients
