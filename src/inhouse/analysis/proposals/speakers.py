"""Who says what: speaker turns in transcripts, messages in email threads, and sides.

A transcript line such as ``[00:01:02] Tomasz Nowak (Forecastly): text``, ``BEN HOLLIS: text``,
``Ana Ruiz, Quantia: text``, ``Ana Ruiz [Quantia]: text``, a Zoom chat line ``10:02:11 From Ana
Ruiz to Everyone: text``, an Otter-style ``Marco Rossi  0:06`` line followed by text, a message
export's ``Ana Ruiz  ·  Quantia`` line over a ``Tue 3:14 PM`` line, a chat line stamped with its date
(``02/12/2026, 09:14 - Ana Ruiz: text``), or a WebVTT cue starts a turn; ``Q1:`` / ``A1:`` count as
``Q:`` / ``A:``. An interview written as ``Q:`` / ``A:`` lines is read as two speakers, placed
by the header ("Q = Ferro Analytics", "Carla Nunez, Redstone Builders (Q)") when it says who is
who. Email threads are split by :mod:`threads`.

Each speaker (or sender) is then put on the partner's side or the client's, using the
``--partner`` name when it matches a label, affiliation or e-mail domain, and otherwise
what each side typically says (offering and pitching vs asking about the offer, its price and
its weaknesses, or answering questions). Several people can speak for the partner: those who
sound like it, and those who put questions to the client and get answers.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from inhouse.analysis.proposals.text import lines
from inhouse.analysis.proposals.threads import parse_emails
from inhouse.analysis.proposals.turns import Conversation, Turn
from inhouse.analysis.proposals.turns import compact as _compact
from inhouse.analysis.proposals.turns import merge_turns as _merge

__all__ = [
    "CLIENT",
    "PARTNER",
    "Conversation",
    "Turn",
    "assign_sides",
    "parse_emails",
    "parse_transcript",
    "side_scores",
]

PARTNER = "partner"
CLIENT = "client"


#: a time stamp before a label, perhaps with its date ("[00:01:02]", "9:41 AM", "02/12/2026, 09:14 -")
_STAMP = (
    r"(?:[\[(]?(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4},?\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?"
    r"(?:\s?[AaPp]\.?[Mm]\.?)?[\])]?\s*(?:-\s*)?)"
)
#: a line holding only when a message was sent ("Tue 3:14 PM", "Yesterday, 18:02", "12 Nov, 09:15")
_STAMP_LINE = re.compile(
    r"^\s*(?:(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?|Today|Yesterday|\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?|"
    r"\d{1,2} [A-Z][a-z]{2,8}|[A-Z][a-z]{2,8} \d{1,2})(?:,? \d{4})?,?\s+)?\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s?[AaPp]\.?[Mm]\.?)?\s*$",
    re.I,
)
#: a sender's name on a line of its own, perhaps with a dot and an organisation ("Ana Ruiz  ·  Quantia")
_SENDER_LINE = re.compile(
    r"^\s*(?P<name>(?:Dr\.? |Prof\.? )?[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){1,3})"
    r"(?:\s+[·•|]\s+(?P<org>[^:·•|]{2,50}?))?\s*$"
)
_LABEL_LINE = re.compile(
    rf"^\s*{_STAMP}?(?:\*\*)?(?P<label>[A-Z][^:\n]{{0,70}}?)(?:\*\*)?\s*:(?:\*\*)?\s+(?P<text>\S.*)$"
)
_VTT_VOICE = re.compile(r"^\s*<v\s+(?P<label>[^>]+)>(?P<text>.*)$")
_OTTER = re.compile(
    r"^\s*(?P<label>[A-Z][\w .'()&,-]{1,60}?)\s{2,}\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?:[AaPp]\.?[Mm]\.?))?\s*$"
)
#: a label with its time stamp on a line of its own, the words on the lines below ("Speaker 2 (00:01:02):")
_STAMPED_LABEL = re.compile(
    r"^\s*(?:\*\*)?(?P<label>[A-Z][\w .'&-]{0,40}?)(?:\*\*)?\s*[\[(]\s*\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\s*[\])]"
    r"\s*:?\s*$"
)
#: a key saying who a numbered label is ("Speaker 1 = Ana Ruiz (Quantia, Head of Data)")
_SPEAKER_KEY = re.compile(
    r"^\s*(?P<label>(?:Speaker|Participant|Voice|Person|Caller)\s*\d{1,2})\s*=\s*(?P<who>[A-Z].{1,120})$"
)
_CUE_TIMING = re.compile(r"^\s*(?:WEBVTT.*|\d+|\d{1,2}:\d{2}(?::\d{2})?[.,]\d+\s*-->.*)$")
_HEADER_KEYS = {
    "date",
    "time",
    "participants",
    "attendees",
    "present",
    "subject",
    "location",
    "recorded",
    "duration",
    "agenda",
    "from",
    "to",
    "cc",
    "bcc",
    "re",
    "note",
    "notes",
    "title",
    "meeting",
    "call",
    "transcript",
    "summary",
    "topic",
    "place",
    "venue",
    "sent",
    "organiser",
    "organizer",
    "host",
    "recording",
    "next steps",
    "action items",
    "attachments",
    "reply-to",
    "fee",
    "price",
    "pricing",
    "timeline",
    "scope",
    "budget",
    "cost",
    "goal",
    "goals",
    "objective",
    "result",
    "q",
    "a",
    "question",
    "answer",
    "faq",
    "tip",
    "important",
    "warning",
    "example",
    "step",
    "risk",
    "risks",
    "mitigation",
    "owner",
    "deliverable",
    "deliverables",
    "outcome",
    "outcomes",
    "fees",
    "phase",
    "week",
    "weeks",
    "month",
    "status",
    "action",
    "decision",
    "impact",
    "benefit",
    "benefits",
    "assumption",
    "assumptions",
    "dependency",
    "dependencies",
    "input",
    "output",
    "problem",
    "solution",
    "context",
    "background",
    "approach",
    "team",
    "target",
    "kpi",
    "metric",
    "success criteria",
    "requirement",
    "constraint",
    "option",
    "recommendation",
    "next",
    "total",
    "start",
    "end",
    "why",
    "what",
    "how",
    "who",
    "when",
    "where",
    "effort",
    "team size",
    "contact",
    "website",
    "email",
    "phone",
    "tel",
    "ps",
    "p.s",
    "update",
}
_QA_LINE = re.compile(
    rf"^\s*{_STAMP}?(?:\*\*)?(?P<label>Q|A|Question|Answer)(?:\s?\d{{1,3}})?(?:\*\*)?\s*[:.)](?:\*\*)?\s+(?P<text>\S.*)$"
)
_QA_WHO = re.compile(r"\b(?P<label>Q|A)\s*=\s*(?P<who>.+?)(?=\s*[,;]\s*(?:Q|A)\s*=|\s*$)")
_QA_TAG = re.compile(r"\((?P<label>Q|A)\)")
_PERSON = re.compile(
    r"^(?:Dr\.? |Prof\.? )?[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){1,3}(?:\s*(?:\([^)]*\)|\[[^\]]*\]|,[^,:]{2,40}|"
    r"\s[-|]\s[^:]{2,40}))?$"
)  # "Hana Ito", "Hana Ito (Quantia)", "Hana Ito, Quantia"
_ZOOM_CHAT = re.compile(r"^\s*From\s+(?=[A-Z])|\s+to\s+(Everyone|All|Me|Host)\b.*$")
_PARTICIPANTS = re.compile(
    r"^\s*(?:participants|attendees|present|speakers|on the call|in attendance)\s*:\s*(.*)$", re.I
)


def _label_ok(label: str) -> bool:
    core = re.sub(r"\(.*?\)", "", label).strip(" -*")
    core = re.sub(r"^(Dr|Prof|Mr|Mrs|Ms|Mx|Sr|Sir|Rev)\.\s+", "", core)  # "Dr. Emma Clarke: ..."
    if not core and "(" in label:
        return True
    if not core or core.lower() in _HEADER_KEYS or len(core.split()) > 5:
        return False
    if re.search(r"\d", core) and not re.match(r"^(speaker|participant|person)\s*\d+$", core, re.I):
        return False
    return bool(re.match(r"^[A-Z]", core)) and not re.search(r"[.!?;\"]", core)


def parse_transcript(text: str) -> Conversation | None:
    """The speaker turns of ``text``, or ``None`` when it does not read like a transcript."""
    candidates: list[tuple[str, int, int]] = []  # (label, text start, line end)
    affiliations: dict[str, set[str]] = {}
    pending: str | None = None
    body: list[tuple[str | None, int, int]] = []
    in_participants = False
    last_body: tuple[str | None, int, int] | None = None  # the line before, when it was no label
    header: list[str] = []  # lines before the first Q/A turn, where "Q = ..." may say who asks
    asked = False
    keys: dict[str, str] = {}  # "Speaker 1" -> "Ana Ruiz (Quantia, Head of Data)"
    for line in lines(text):
        stripped = line.stripped
        qa = _QA_LINE.match(line.text)
        asked = asked or bool(qa)
        if not asked:
            header.append(stripped)
        participants = _PARTICIPANTS.match(stripped)
        if participants:
            in_participants = True
            _add_participants(participants.group(1), affiliations)
            continue
        if in_participants and re.match(r"^[-*+]\s", stripped):
            _add_participants(stripped[2:], affiliations, whole=True)
            continue
        if in_participants and line.text[:1] in " \t" and stripped and not _LABEL_LINE.match(line.text):
            # an indented list under "Present:": "  Ana Ruiz - Quantia, Head of Data", one person a line
            _add_participants(stripped, affiliations, whole=True)
            continue
        in_participants = False
        key = _SPEAKER_KEY.match(stripped)
        if key:
            keys.setdefault(key.group("label"), key.group("who"))
            continue
        if not stripped or _CUE_TIMING.match(stripped):
            continue
        before, last_body = last_body, None
        if qa:
            pending = qa.group("label")[0]
            candidates.append((pending, line.start + qa.start("text"), line.end))
            continue
        otter = _OTTER.match(line.text) or _STAMPED_LABEL.match(line.text)
        if otter and _label_ok(otter.group("label")):
            pending = otter.group("label").strip()
            candidates.append((pending, line.end, line.end))
            continue
        sender = _SENDER_LINE.match(text[before[1] : before[2]]) if before and body and body[-1] is before else None
        if sender and _STAMP_LINE.match(stripped):
            # "Ana Ruiz  ·  Quantia" over "Tue 3:14 PM": a message export's sender line starts a turn
            body.pop()
            org = sender.group("org")
            pending = sender.group("name") + (f" ({org.strip()})" if org else "")
            candidates.append((pending, line.end, line.end))
            continue
        match = _VTT_VOICE.match(line.text) or _LABEL_LINE.match(line.text)
        if match and _label_ok(match.group("label")):
            label = _ZOOM_CHAT.sub("", match.group("label")).strip(" *")  # "From Ana Ruiz to Everyone" -> "Ana Ruiz"
            candidates.append((label, line.start + match.start("text"), line.end))
            pending = label
            continue
        last_body = (pending, line.start, line.end)
        body.append(last_body)
    counts: dict[str, int] = defaultdict(int)
    for label, _, _ in candidates:
        counts[label] += 1
    known = {label for label, n in counts.items() if n >= 2 or _name_in(label, affiliations)}
    if len(known) < 2 or sum(counts[label] for label in known) < 3:
        known = _short_call(candidates, text)
        if not known:
            return None
    # someone who speaks once in a real conversation; where a participants list names who was there, only
    # someone on it (a title line "Programme Name: ..." above the list is no speaker)
    named = {name for name in affiliations if name.strip()}
    known |= {label for label in counts if _PERSON.match(label) and (not named or _name_in(label, affiliations))}
    if named:
        known = {label for label in known if counts[label] >= 2 or _name_in(label, affiliations)}
    turns = [Turn(label, start, end) for label, start, end in candidates if label in known and start < end]
    turns += [Turn(label, start, end) for label, start, end in body if label in known and text[start:end].strip()]
    turns = _merge(sorted(turns, key=lambda turn: turn.start), text)
    listed = dict(affiliations)  # from the participants line, before the labels are added
    for label in known:
        affiliations[label] = _label_tokens(label) | _affiliation_of(label, listed)
    for label, who in _qa_sides(header).items():
        if label in known:
            affiliations[label] = _who_tokens(who)
    named_as: dict[str, str] = {}
    for label, who in keys.items():
        if label in known:  # the turns take the person's name, their organisation from the key
            name = re.split(r"\s*[(,;]", who, maxsplit=1)[0].strip() or label
            named_as[label] = name
            affiliations[name] = _who_tokens(who)
            known.add(name)
    if named_as:
        turns = [replace(turn, speaker=named_as.get(turn.speaker or "", turn.speaker)) for turn in turns]
    return Conversation(turns, {k: v for k, v in affiliations.items() if k in known and k not in named_as})


def _short_call(candidates: list[tuple[str, int, int]], text: str) -> set[str]:
    """The speakers of a call of two or three turns: two or more people's names as labels, taking
    turns, whose lines hold most of the text (a "Name: role" list in a proposal holds little)."""
    people = {label for label, _, _ in candidates if _PERSON.match(label) and not _ZOOM_CHAT.search(label)}
    turns = [(label, start, end) for label, start, end in candidates if label in people]
    if len(people) < 2 or len(turns) < 2 or any(a[0] == b[0] for a, b in zip(turns, turns[1:], strict=False)):
        return set()
    body = len(re.sub(r"\s", "", text))
    spoken = sum(len(re.sub(r"\s", "", text[start:end])) for _, start, end in turns)
    return people if body and spoken >= 0.75 * body else set()


def _qa_sides(header: list[str]) -> dict[str, str]:
    """Who asks and who answers: "Q = Ferro Analytics (Nadia)" or "Carla Nunez, Redstone (Q); ..."."""
    found: dict[str, str] = {}
    for line in header:
        for match in _QA_WHO.finditer(line):
            found.setdefault(match.group("label"), match.group("who"))
        for segment in re.split(r";|\s\|\s", _PARTICIPANTS.sub(r"\1", line)):
            tag = _QA_TAG.search(segment)
            if tag:
                found.setdefault(tag.group("label"), _QA_TAG.sub("", segment))
    return found


def _who_tokens(who: str) -> set[str]:
    parts = [part.strip() for part in re.split(r"[,;()]", who) if _compact(part) and not _TITLE.search(part)]
    return {_compact(part) for part in parts} | {"@org:" + part for part in parts} | {"@role:" + who.lower()}


def _add_participants(listing: str, affiliations: dict[str, set[str]], whole: bool = False) -> None:
    entries = [listing] if whole else re.findall(r"[^,;(]+(?:\([^)]*\))?", listing)
    for entry in entries:
        entry = entry.strip(" -*")
        name = re.split(r"\s*(?:\(|\s[-–—]\s|:)\s*", entry, maxsplit=1)[0].strip()
        if not name or len(name.split()) > 5:
            continue
        rest = entry[len(name) :].strip(" -–—:()")
        parts = [part for part in re.split(r"[,;()]", rest) if _compact(part) and not _TITLE.search(part)]
        affiliations.setdefault(name, set())
        affiliations[name].update(_compact(part) for part in parts)
        if rest:
            affiliations[name].add("@role:" + rest.lower())


_TITLE = re.compile(
    r"\b(ceo|cto|cfo|coo|cio|founder|co-founder|head|director|manager|lead|officer|engineer|scientist|executive|president|"
    r"vp|partner|analyst|architect|consultant|owner|chief|superintendent|inspector|sales|operations|finance|it|"
    r"specialist|advisor|adviser|associate|principal|coordinator|administrator|buyer|planner)\b"
    # an abbreviated rank or title ("Det. Supt.", "Insp.", "Sgt."), not a legal suffix ("Co.", "Inc.")
    r"|(?-i:(?<![\w.])(?!(?:Co|Inc|Ltd|Corp|Bros|Pty|Plc|St)\.)[A-Z][a-z]{1,3}\.(?=\s|$))",
    re.I,
)


def _name_in(label: str, affiliations: dict[str, set[str]]) -> bool:
    core = re.sub(r"\(.*?\)", "", label).strip().lower()
    return any(
        name.lower() in label.lower() or (core and name.lower().split()[0] == core.split()[0])
        for name in affiliations
        if name.strip()
    )


def _affiliation_of(label: str, affiliations: dict[str, set[str]]) -> set[str]:
    tokens: set[str] = set()
    core = re.sub(r"\(.*?\)", "", label).strip().lower()
    for name, orgs in affiliations.items():
        if not name.strip():
            continue
        first = core.split()[0] if core.split() else ""
        same_first = first == name.lower().split()[0] and first not in (
            "speaker",
            "participant",
            "person",
            "dr",
            "mr",
            "ms",
            "mrs",
        )
        if name.lower() in label.lower() or (len(core) > 1 and core in name.lower()) or same_first:
            tokens |= orgs
    return tokens


def _label_tokens(label: str) -> set[str]:
    """Organisation tokens of a label: "Ana Ruiz (Quantia)", "Ana Ruiz, Quantia", "Ana Ruiz - Quantia"."""
    outside = re.sub(r"[(\[].*?[)\]]", "", label).strip()
    inside = re.findall(r"[(\[]([^)\]]*)[)\]]", label)
    tokens = {_compact(outside)} if outside and not re.match(r"^(speaker|participant)\s*\d+$", outside, re.I) else set()
    parts = re.split(r"\s*,\s*|\s+[-|/@]\s+", outside)
    if len(parts) > 1:
        tokens |= {_compact(part) for part in parts[1:] if not _TITLE.search(part)}
    for group in inside:
        tokens |= {_compact(part) for part in group.split(",") if _compact(part)}
    return {t for t in tokens if t}


# --- sides -----------------------------------------------------------------------------

_OPS = (
    r"(today|currently|right now|data|team|staff|process|customers|users|patients|members|people|how many|how much|"
    r"who (would|makes|decides|owns|signs|builds)|where|what happens|find out|tried|measure|track|history|"
    r"volume|systems?|"
    r"workflow|use|success|goal|problem|pain|urgent|struggl|keeping you|wrong|hurt|worst|biggest|matter|"
    r"learn|decide|trust)"
)
_PARTNER_CUES = [
    (
        re.compile(
            r"\bour (platform|product|solution|engine|models?|tool|software|suite|api|technology|"
            r"stack|pilot|pricing|licen[cs]e|subscription|offering|approach|proof of concept|"
            r"standard|commercial|minimum|clients|founders|engineers|data scientists|smallest package|"
            r"customers (tell|report|say|see)|team (has|have|combines|brings))\b",
            re.I,
        ),
        2.0,
    ),
    (
        re.compile(
            r"\b(we|I)(?:'d| would| will|'ll| can| could)? (offer|propose|suggest|recommend|build|built|"
            r"deliver|specialise|"
            r"specialize|charge|price|run at|serve|have (?:built|delivered|done|deployed)|"
            r"'ve (?:built|done|delivered|deployed)|can (?:put|arrange|introduce|send)|did .{0,40} for)\b"
            r"|\bwhat (I|we)(?:'d| would) (propose|suggest|recommend)\b",
            re.I,
        ),
        1.5,
    ),
    (
        re.compile(
            r"\blet me (show|walk|tell|give|share|be (?:honest|candid|upfront|clear))\b|"
            r"\bthanks? (you )?for having (us|me)\b|"
            r"\bhappy to help\b|\bshare my screen\b",
            re.I,
        ),
        1.5,
    ),
    (
        re.compile(rf"\b(you|your)\b[^?]{{0,100}}\b{_OPS}[^?]*\?|\b{_OPS}\b[^?]{{0,100}}\b(you|your)\b[^?]*\?", re.I),
        1.5,
    ),
    (
        re.compile(
            r"\b(before (?:we|I) (?:say|talk|put|tell|build|design|show)|I'd (?:love|like) to (?:understand|hear|learn)|"
            r"walk (?:us|me) through|tell (?:us|me) (?:more |a little |a bit )?(?:about )?(?:your|how|"
            r"what|where|who|why|when)|"
            r"help (?:us|me) understand)\b",
            re.I,
        ),
        2.0,
    ),
    (
        re.compile(
            r"\b(is|are) (the |a |an )?(leading|market-leading|number one|fastest-growing|"
            r"award-winning)\b|\btrusted by\b|"
            r"\bwe've got (over |more than )?\d|\b(over|more than) \d[\d,]* (customers|clients|companies|users|\w+ers) "
            r"(on|use|using|trust|rely)\b",
            re.I,
        ),
        1.5,
    ),
    (
        re.compile(
            r"\b(account executive|sales|partnerships|business development|solutions? (?:engineer|architect)|"
            r"customer success|vendor|supplier|consultant|consultancy)\b",
            re.I,
        ),
        1.0,
    ),
    (
        re.compile(
            r"\bwe (can't|cannot|won't|don't) (promise|guarantee|do|offer)\b|\bnot our (specialty|"
            r"speciality|strength|area)\b",
            re.I,
        ),
        1.0,
    ),
]
_CLIENT_CUES = [
    (
        re.compile(
            r"\bwhat (are|is) (you|your \w+) (not|less|bad|weak)|\bwhat's the catch\b|\bwhere (does|"
            r"do) (it|you) fall (short|down)\b|"
            r"\b(is there )?anything (it|you) (can't|cannot|couldn't) do\b|\bwhat are your (weaknesses|limitations)\b|"
            r"\bthanks? (you )?for (the|your) questions\b|\b(quick )?answers?( are)? (inline|below)\b|"
            r"\bto answer your questions\b",
            re.I,
        ),
        2.0,
    ),
    (
        re.compile(
            r"\btell (?:us|me) (?:a bit |a little |more )?about (?:yourselves|yourself|your (?:company|"
            r"product|platform|firm|"
            r"offering|solution|team|background)|(?-i:[A-Z])\w+)",
            re.I,
        ),
        2.0,
    ),
    (
        re.compile(
            r"\byour (platform|product|solution|tool|company|pricing|price|proposal|references?|offer|licen[cs]e|demo|"
            r"slides|engine|firm|team's experience|experience|clients|customers|case studies|contract|"
            r"terms)\b",
            re.I,
        ),
        2.0,
    ),
    (re.compile(r"\b(can|could|would) you (help|send)\b|\b(able to|could|can) help (us|me)\b", re.I), 1.5),
    (re.compile(r"\bhave you (ever )?(done|worked|built|delivered|had)\b", re.I), 1.5),
    (
        re.compile(
            r"\b(any|some|other) (references?|(other )?(clients|customers) we could)\b[^?]*\?|\bwho else (uses|has used|is using|"
            r"runs)\b|\b(could|can|may) (we|I) (speak|talk|chat) (to|with) (them|one of|a client|your clients|someone)\b",
            re.I,
        ),
        2.0,
    ),
    (
        re.compile(
            r"\b(what would (?:it|that|this) cost|send (?:us|me) (?:something|the|a|over)|sounds (?:good|"
            r"reasonable|great|fair|sensible)|"
            r"fine by me|let's do that|appreciate that)\b",
            re.I,
        ),
        1.5,
    ),
    (
        re.compile(
            r"\b(how|what)\b[^?]{0,60}\b(start|first step|cost|price|charge|commercial|look like|"
            r"usually begin)\b[^?]*\?",
            re.I,
        ),
        1.5,
    ),
    (
        re.compile(r"\b(?:we'll|we will|I'll|I will) (?:need to )?(?:think|review|take|discuss|look|get back)\b", re.I),
        1.5,
    ),
    (
        re.compile(
            r"\b(anything|areas?|something) (?:that )?you(?:'re| are)? (?:not|less|weak)\b|"
            r"\byour (?:weakness|limitations?)\b",
            re.I,
        ),
        2.0,
    ),
    (
        re.compile(
            r"\bour (cfo|ceo|board|council|it department|it team|budget|customers|members|staff|employees|"
            r"stores|hotels|trucks|drivers|advisors|agents|examiners|dispatchers|patients|students|"
            r"policyholders|users|shop floor|plants?|buyers|practices|receptionists|officers|"
            r"investigators|clubs)\b",
            re.I,
        ),
        1.0,
    ),
    (
        re.compile(
            r"\b(we|our|us)\b[^.?!]{0,50}\b(lose|losing|lost|struggl\w*|killing us|frustrat\w*|backlog|complain\w*|"
            r"don't have|waste|behind|swamped|can't keep up|problem is|pain|hurts?)\b|\b(killing|"
            r"hurting) us\b",
            re.I,
        ),
        1.5,
    ),
]
_PARTNER_CUES.append(
    (
        re.compile(
            r"(?:^|[.!:]\s+)(?:proposal|suggestion|our suggestion|my suggestion|proposed next step)\s*:|\b(?:prove|"
            r"try|test) it (?:on|in|with) "
            r"(?:one|a single|two)\b|\b(?:a|our) (?:trial|pilot|proof of concept|poc|discovery|test drive|"
            r"sprint)\b[^?.!\n]*[.!]",
            re.I | re.M,
        ),
        2.0,
    )
)
_ROLE_CLIENT = re.compile(r"\b(client|customer|buyer|prospect)\b", re.I)
_VENDORISH = re.compile(
    r"(^|[^a-z])(ai|ml|analytics|data|labs?|tech|software|digital|intelligence|insights?|"
    r"robotics|vision|"
    r"consulting|systems|studio|io)($|[^a-z])",
    re.I,
)


def side_scores(text: str) -> tuple[float, float]:
    partner = sum(weight * len(cue.findall(text)) for cue, weight in _PARTNER_CUES)
    client = sum(weight * len(cue.findall(text)) for cue, weight in _CLIENT_CUES)
    return partner, client


def assign_sides(conversation: Conversation, text: str, partner_name: str | None = None) -> dict[str, str]:
    """Map each speaker to ``partner`` or ``client``."""
    speakers = conversation.speakers
    if len(speakers) == 1:
        return {speakers[0]: PARTNER}
    groups = _groups(speakers, conversation.affiliations)
    wanted = _compact(partner_name or "")
    if len(wanted) >= 3:
        named = [g for g in groups if any(_matches(wanted, tok) for s in g for tok in _tokens(s, conversation))]
        if len(named) == 1:
            return {s: PARTNER if s in named[0] else CLIENT for s in speakers}
    net: list[float] = []
    for group in groups:
        said = "\n".join(text[t.start : t.end] for t in conversation.turns if t.speaker in group)
        roles = " ".join(tok for s in group for tok in conversation.affiliations.get(s, ()) if tok.startswith("@role:"))
        partner, client = side_scores(said)
        role_partner, role_client = side_scores(roles)
        role_client += 3.0 * len(_ROLE_CLIENT.findall(roles))
        vendorish = 1.5 if any(_VENDORISH.search(org) for s in group for org in _org_names(s, conversation)) else 0.0
        net.append(partner - client + role_partner - role_client + vendorish)
    interviewing = _interviewers(conversation, text, groups, net)
    top = max(range(len(groups)), key=lambda i: (net[i], -i))
    clear_client = min(net) <= 0
    sides: dict[str, str] = {}
    for index, group in enumerate(groups):
        # several speakers on the partner's side: those who sound like it as much as half the leader when
        # someone else plainly speaks for the client, or who interview that client
        alike = (
            net[index] >= max(3.0, 0.6 * net[top])
            or (clear_client and net[index] >= max(2.0, 0.5 * net[top]))
            or (index in interviewing)
        )
        is_partner = index == top or (alike and len(groups) > 2)
        for speaker in group:
            sides[speaker] = PARTNER if is_partner else CLIENT
    return sides


def _interviewers(conversation: Conversation, text: str, groups: list[list[str]], net: list[float]) -> set[int]:
    """The groups that put questions to the plainest client speaker and get answers: they interview the client.
    A colleague's question ("how many trucks do we have?") speaks of "we" and does not count."""
    if len(groups) < 3 or min(net) > 0 or max(net) <= 0:
        return set()
    said = [sum(t.end - t.start for t in conversation.turns if t.speaker in group) for group in groups]
    client = min(range(len(groups)), key=lambda i: (net[i], -said[i]))
    group_of = {speaker: index for index, group in enumerate(groups) for speaker in group}
    turns = conversation.turns
    found = set()
    for asked, answer in zip(turns, turns[1:], strict=False):
        index = group_of.get(asked.speaker or "", client)
        question = text[asked.start : asked.end].rstrip()
        if (
            index != client
            and net[index] >= net[client]
            and group_of.get(answer.speaker or "") == client
            and question.endswith("?")
            and not re.search(r"\b(we|our|us)\b", question, re.I)
        ):
            found.add(index)
    return found


def _org_names(speaker: str, conversation: Conversation) -> list[str]:
    """Readable organisation names: the label's parts and the sender's domain."""
    parts = re.findall(r"\(([^)]*)\)", speaker) + [re.sub(r"\(.*?\)", "", speaker)]
    names = [p.strip() for group in parts for p in group.split(",") if p.strip()]
    names += [
        t.split(":", 1)[1] for t in conversation.affiliations.get(speaker, ()) if t.startswith(("@domain:", "@org:"))
    ]
    return [n for n in names if n.lower() != "client"]


def _tokens(speaker: str, conversation: Conversation) -> set[str]:
    return {t for t in conversation.affiliations.get(speaker, set()) if not t.startswith("@")} | {_compact(speaker)}


def _matches(wanted: str, token: str) -> bool:
    return len(token) >= 3 and (wanted in token or (len(token) >= 4 and token in wanted))


def _groups(speakers: list[str], affiliations: dict[str, set[str]]) -> list[list[str]]:
    """Speakers sharing an organisation token (label, affiliation, e-mail domain) form one side."""
    groups: list[list[str]] = []
    keys: list[set[str]] = []
    for speaker in speakers:
        own = {t for t in affiliations.get(speaker, set()) if not t.startswith("@")}
        for index, key in enumerate(keys):
            if own & key:
                groups[index].append(speaker)
                key |= own
                break
        else:
            groups.append([speaker])
            keys.append(set(own))
    return groups
