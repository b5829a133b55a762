"""What kind of document this is: a proposal, a meeting transcript, an email thread, or other."""

from __future__ import annotations

import re

from inhouse.analysis.proposals.speakers import parse_emails, parse_transcript
from inhouse.analysis.proposals.text import normalise
from inhouse.analysis.proposals.threads import printed_senders

KINDS: tuple[str, ...] = ("proposal", "transcript", "email", "other")

_EMAIL_HEADER = re.compile(r"^\s*(from|to|cc|subject|date|sent)\s*:\s*\S", re.I | re.M)
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_EMAIL_MARKERS = re.compile(
    r"^\s*(?:-{2,}\s*original message|on .{4,120}wrote:|(?:hi|hello|dear|hey)\s+[A-Z][\w.-]*\s*,|"
    r"(?:best|kind|warm)?\s*regards,?|best,|cheers,|thanks,|sincerely,)\s*$",
    re.I | re.M,
)
_TRANSCRIPT_MARKERS = re.compile(
    r"\b(transcript|transcribed|recording|recorded|webvtt|meeting notes|call notes|participants|attendees|"
    r"speaker \d|speaker labels|(?:sales|intro|introductory|discovery|first|kick-?off|demo|video|zoom|teams) (?:call|meeting)|speakers:)\b|\d{1,2}:\d{2}:\d{2}|-->",
    re.I,
)
_PROPOSAL_MARKERS = re.compile(
    r"\b(proposal|we propose|proposed|our approach|scope|deliverables?|pricing|fee|fees|commercials?|"
    r"investment|timeline|next steps?|pilot|proof of concept|statement of work|sow|slide \d+|"
    r"executive summary|phase \d|licen[cs]e|subscription|per month|/month|EUR|USD|GBP|CHF|NOK|proof of value|"
    r"recommendation|success criteria|about us|who we are|agenda|engagement|trial|discovery|pitch|deck|pocs?|our platform|"
    r"how we('d| would) start|getting started|(?:his|her|their|our|my) suggestion|free (?:\w+ )?(?:days?|weeks?|fortnight|months?|period)|why us|case stud(y|ies)|quotation|rfp|tender|onboarding|known gaps)\b|[$\u20ac\u00a3]\s?\d",
    re.I,
)
_OFFERING = re.compile(
    r"\b(we|our) (offer|propose|suggest|recommend|provide|deliver|build|platform|team|approach|solution)\b", re.I
)


def detect_kind(text: str) -> str:
    """``proposal``, ``transcript``, ``email`` or ``other`` (deterministic, explainable by rules)."""
    text = normalise(text)
    head = text[:4000]
    headers = {m.group(1).lower() for m in _EMAIL_HEADER.finditer(text)}
    if printed_senders(head):  # a printed web-mail message: its sender line holds the address and the date
        headers |= {"from", "date"}
    email_score = (2 if "from" in headers else 0) + len(headers & {"to", "subject", "date", "sent", "cc"})
    email_score += 1 if _ADDRESS.search(head) else 0
    email_score += min(2, len(_EMAIL_MARKERS.findall(text)))
    conversation = parse_transcript(text)
    turns = len(conversation.turns) if conversation else 0
    transcript_score = (3 if turns >= 4 else 1 if turns else 0) + (2 if turns >= 8 else 0)
    short = conversation is not None and 2 <= turns < 4  # a call of two or three turns
    if conversation is not None:
        per_speaker = [sum(1 for t in conversation.turns if t.speaker == s) for s in conversation.speakers]
        transcript_score += 1 if sum(1 for n in per_speaker if n >= 2) >= 2 else 0
        spoken = sum(t.end - t.start for t in conversation.turns) / max(1, len(text.strip()))
        if spoken < 0.5:  # a few "Risk: ..." lines in a proposal are not a conversation
            transcript_score -= 4
        elif short and spoken >= 0.75:  # every line but a title is someone speaking
            transcript_score += 2
    transcript_score += min(3, len(_TRANSCRIPT_MARKERS.findall(head)))
    if "from" in headers and email_score >= 5 and parse_emails(text) is not None and transcript_score < 5:
        return "email"
    if conversation is not None and (turns >= 4 or short) and transcript_score >= 4:
        return "transcript"
    if email_score >= 4 and _EMAIL_MARKERS.search(text) and len(text) < 20000:
        return "email"
    markers = len(_PROPOSAL_MARKERS.findall(text))
    offering = len(_OFFERING.findall(text))
    if markers >= 2 or (markers and offering >= 2):
        return "proposal"
    return "other"
