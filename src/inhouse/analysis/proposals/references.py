"""References the partner cites, and what the text says about the playbook's three questions.

A reference starts at a sentence in which the partner describes past work for another client
(:mod:`reference_clients`: "the closest thing we've done is for Lakemont Surgical Partners",
"we did something similar for a large European retailer", "Harbour Health, a regional hospital
group, has run our triage model since 2022") and takes in the next sentences of the same
paragraph or turn; a later sentence naming the same client adds to it. In a call or thread, a
client question about that reference ("Is it still live?", "Could we speak to them?") is
answered by the partner's reply. Each question (:mod:`reference_answers`) is answered only when
the text says so: similar in scale? still running? can we talk to that client? Otherwise
``unknown``. Every finding names its client as the text does and who said it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from inhouse.analysis.proposals import reference_answers as answers
from inhouse.analysis.proposals.document import ParsedDocument, Unit
from inhouse.analysis.proposals.reference_clients import (
    NOT_PAST_WORK,
    answered_client,
    described_work,
    entry_client,
    headed_client,
    is_field,
    label_client,
    listed_client,
)
from inhouse.domain.partners import Answer, ReferenceFinding

_QUESTIONS = {
    "similar_scale": (answers.SCALE_YES, answers.SCALE_NO),
    "still_running": (answers.RUNNING_YES, answers.RUNNING_NO),
    "client_contact_offered": (answers.CONTACT_YES, answers.CONTACT_NO),
}
#: what a client's question about a reference asks
_ASKS = {
    "similar_scale": re.compile(r"\b(size|scale|big|large|small|how many|volume|comparable|similar)\b", re.I),
    "still_running": re.compile(r"\b(still|live|running|in use|production|use it|using it|going)\b", re.I),
    "client_contact_offered": re.compile(
        r"\b(talk|speak|call|ring|phone|e-?mail|contact|reference|introduc\w*|connect|chat|reach|meet|word with)\b",
        re.I,
    ),
}
_YES_REPLY = re.compile(
    r"^\W*(yes|yeah|yep|sure|absolutely|of course|definitely|certainly|very much|they are|it is)\b", re.I
)
_NO_REPLY = re.compile(r"^\W*(no|nope|not (really|any ?more|yet)|sadly|unfortunately|I'm afraid)\b", re.I)
_ALL_REFERENCES = re.compile(
    r"\b(any|all|each|either|both) (of )?(these|our|those|the|them)\b( (clients|customers|references|projects))?|"
    r"\breferences\b",
    re.I,
)
GENERIC_CLAIM = re.compile(
    r"\b(helped|served|supported|with|for|over|than|across|to|by|including) \d[\d,]*\+? (companies|clients|customers|"
    r"organi[sz]ations|firms|brands|banks|retailers|hospitals|utilities)\b|"
    r"\b(many|several|dozens of|hundreds of|numerous|countless|leading) (companies|clients|customers|organi[sz]ations|firms|brands)\b",
    re.I,
)
_REFERENCE_HEADING = re.compile(
    r"\b(references?(?! (architecture|design|model|implementation|data|guide|manual))|experience|track record|"
    r"case stud(y|ies)|(past|previous|prior|earlier|former|completed|comparable|similar|related|relevant) (work|projects?|engagements?|"
    r"experience|deployments?|contracts?|assignments?|installations?|performance)|credentials|clients|customers|selected work|similar (work|projects)|"
    r"where we('ve| have) (done|delivered|built)|who we('ve| have) (worked with|done \w+ for|built \w+ for)|"
    r"(done|delivered|built) (this|it|similar work) (for|with|at|before)|"
    r"(done|delivered|built|shipped|proven|tried) (before|already|previously|elsewhere)|proof|case in point|"
    r"(success|customer|client) stor(y|ies)|in the field|(where|who) (it|this) (runs|is live)|"
    r"(proven|client|customer) results|results (for|with|at) (other )?(clients|customers))\b|"
    # a table whose first column names the client ("Client | Scope | Status")
    r"^\W*(client|customer|organi[sz]ation|reference)\s*\|",
    re.I,
)
#: the partner telling what their own side bought or tried ("we signed with a vendor ..."): no reference opens there
CLIENT_HISTORY = re.compile(r"\b(we|I) (signed|bought|hired|tried|used|chose|picked) \b", re.I)
#: a client asking about past work: "Have you done this anywhere before?", "Who else uses it?"
_ASKS_BEFORE = re.compile(
    r"\b(have you|did you|has your (team|company|firm)|who else|any (other )?(clients?|customers?|references?)|"
    r"(has|have|did|does) (anyone|anybody|any (other )?\w+) (\w+ ){0,3}(used|tried|run|bought|deployed|adopted|had|"
    r"stopped|left|cancell?ed|dropped|quit|moved away))\b"
    r"[^?]*\?|\b(before|anywhere|elsewhere|already|previously|other clients?)\b[^?]*\?",
    re.I,
)
#: a client asking for references in so many words ("Could you send two or three references?")
_ASKS_FOR = re.compile(
    r"\breferences?\b|\b(?:clients?|customers?) (?:we|I) could (?:call|talk to|speak to|ring)\b", re.I
)
#: the label of an entry in a list of examples ("Example A.", "Reference 2:", "Case 3 -")
_ENTRY_LABEL = re.compile(
    r"^\W*(?:example|reference|case|project|contract|referee|client|customer)\s+(?:[A-Z]|\d{1,2})\s*[.:)-]\s+(?=[A-Z])",
    re.I,
)
#: a greeting or thanks before the answer ("Hello Desmond,", "Thanks for the numbers.")
_COURTESY = re.compile(
    r"^\W*(?:hi|hello|dear|hey|thanks|thank you|many thanks|good (?:morning|afternoon))\b[^.!?]{0,40}[.!,]?$", re.I
)
_FOLLOW_UP = 12  # units after a reference in which a client question about it is answered


@dataclass
class _Group:
    client: str
    units: list[Unit]
    replies: list[Unit] = field(default_factory=list)  # partner answers to the client's questions
    asked: dict[str, Answer] = field(default_factory=dict)


def find_references(document: ParsedDocument) -> tuple[ReferenceFinding, ...]:
    # in the order the text first mentions them: a thread read oldest first lists them as its pages do
    groups = sorted(_groups(document), key=lambda group: min(unit.start for unit in group.units))
    grouped = {u.index for group in groups for u in group.units}
    general = [u for u in document.partner_units if u.index not in grouped and _ALL_REFERENCES.search(u.text)]
    client_counts = _client_counts(document, grouped)
    return tuple(_finding(group, general, client_counts, document.client_names, document.text) for group in groups)


def opening_units(document: ParsedDocument) -> list[int]:
    """The index of the unit that opens each reference the rules find, in order."""
    return [group.units[0].index for group in _groups(document)]


def _groups(document: ParsedDocument) -> list[_Group]:
    partners, clients = document.partner_names, document.client_names
    groups: list[_Group] = []
    previous: Unit | None = None
    requested = False  # the client has asked for references and not spoken since
    for unit in document.units:
        if not unit.by_partner:
            if previous is None or previous.by_partner:
                requested = False
            requested = requested or bool(_ASKS_BEFORE.search(unit.text) or _ASKS_FOR.search(unit.text))
            previous = unit
            continue
        client = None
        said = _ENTRY_LABEL.sub("", unit.text)  # "Example A. Harrow Co-op, ..." names Harrow Co-op
        if not unit.is_question and not CLIENT_HISTORY.search(said) and not NOT_PAST_WORK.search(said):
            client = described_work(said, partners, clients)
            if client is None and _listed(unit, previous, document.text):
                client = (
                    listed_client(said, partners, clients)
                    or label_client(said, partners, clients)
                    or entry_client(said, partners, clients)
                )
            if client is None and (_answers_before(document, unit) or (requested and _entry(unit, document.text))):
                client = answered_client(said, partners, clients)
            if client is None and _first_under(unit, previous):
                client = headed_client(unit.heading, partners, clients)
            if client and not client[0].isupper() and GENERIC_CLAIM.search(unit.text):
                client = None
        previous = unit
        if client:
            same = next((g for g in groups if client[0].isupper() and g.client.lower() == client.lower()), None)
            if same is not None:
                same.units.append(unit)
            else:
                groups.append(_Group(client, [unit]))
        elif groups and _continues(groups[-1], unit) and not _ALL_REFERENCES.search(unit.text):
            groups[-1].units.append(unit)
        elif named := next((g for g in groups if g.client[0].isupper() and g.client in unit.text), None):
            named.units.append(unit)  # a later sentence about a client already named
    for number, group in enumerate(groups):
        following = groups[number + 1].units[0].index if number + 1 < len(groups) else len(document.units)
        _follow_up(document, group, following)
    return groups


def _finding(
    group: _Group, general: list[Unit], client_counts: dict[str, float], client_names: list[str], text: str = ""
) -> ReferenceFinding:
    found: dict[str, Answer] = {}
    evidence = [group.units[0]]
    read = {unit.index: _with_columns(unit, text) for unit in [*group.units, *group.replies]}
    spoken = [*group.units, *group.replies]
    for question, (yes, no) in _QUESTIONS.items():
        found[question], where = answers.span_answer([read[unit.index] for unit in spoken], yes, no)
        evidence += [spoken[i] for i in where]
        if found[question] is Answer.UNKNOWN and question in group.asked:
            found[question] = group.asked[question]
            evidence += group.replies[:1]
    if found["similar_scale"] is Answer.UNKNOWN:
        for unit in group.units:
            said = answers.stated_against_yours(unit.text, client_names)
            if said is not Answer.UNKNOWN:
                found["similar_scale"] = said
                evidence.append(unit)
                break
    if found["similar_scale"] is Answer.UNKNOWN:
        own = answers.counts(". ".join([group.client, *(u.text for u in group.units)]))
        found["similar_scale"] = answers.compared_scale(own, client_counts)
        if found["similar_scale"] is not Answer.UNKNOWN:
            evidence += [u for u in group.units if answers.counts(u.text)][:1]
    if found["client_contact_offered"] is Answer.UNKNOWN:
        for unit in general:
            said = answers.answer(unit.text, answers.CONTACT_YES, answers.CONTACT_NO)
            if said is not Answer.UNKNOWN:
                found["client_contact_offered"] = said
                evidence.append(unit)
                break
    ordered = sorted(dict.fromkeys(evidence), key=lambda u: u.index)
    speakers = [u.speaker for u in ordered if u.speaker]
    return ReferenceFinding(
        client=group.client,
        said_by=speakers[0] if speakers else "",
        similar_scale=found["similar_scale"],
        still_running=found["still_running"],
        client_contact_offered=found["client_contact_offered"],
        evidence=tuple(dict.fromkeys(u.text for u in ordered)),
    )


def _with_columns(unit: Unit, text: str) -> str:
    """A table row read with its column headers ("Point of contact: Not available; Period: 2021 - 2023"),
    so a cell means what its column says; any other sentence as it is."""
    start = text.rfind("\n", 0, unit.start) + 1
    end = text.find("\n", unit.start)
    row = text[start : end if end >= 0 else len(text)].strip()
    if not row.startswith("|") or unit.text.strip() != _quote_row(row):
        return unit.text
    above = text[:start].rstrip("\n").split("\n")
    for number in range(len(above) - 1, 0, -1):
        line = above[number].strip()
        if re.fullmatch(r"\|?[\s:|-]*-{3,}[\s:|-]*\|?", line):
            header = [cell.strip() for cell in above[number - 1].strip().strip("|").split("|")]
            cells = [cell.strip() for cell in row.strip("|").split("|")]
            if len(header) != len(cells) or header == cells:
                return unit.text
            return "; ".join(f"{h}: {c}" if h else c for h, c in zip(header, cells, strict=True) if c)
        if not line.startswith("|"):
            break
    return unit.text


def _quote_row(row: str) -> str:
    return " ".join(row.split())


def _follow_up(document: ParsedDocument, group: _Group, until: int) -> None:
    """A client's question about the reference, answered in the partner's next words."""
    units = document.units
    start = group.units[-1].index + 1
    for index in range(start, min(until, start + _FOLLOW_UP, len(units))):
        question = units[index]
        if not question.is_question or (question.by_partner and not _restated(question, document.text)):
            continue
        topics = [name for name, pattern in _ASKS.items() if pattern.search(question.text)]
        if not topics:
            continue
        reply = []
        for unit in units[index + 1 : index + 4]:
            if not unit.by_partner:
                break
            reply.append(unit)
        if not reply:
            continue
        group.replies += reply
        for topic in topics:
            if _NO_REPLY.search(reply[0].text):
                group.asked.setdefault(topic, Answer.NO)
            elif _YES_REPLY.search(reply[0].text):
                group.asked.setdefault(topic, Answer.YES)


def _restated(unit: Unit, text: str) -> bool:
    """The client's question set out on a line of its own in the partner's answer ("2) Can we talk to them?")."""
    start = text.rfind("\n", 0, unit.start) + 1
    end = text.find("\n", unit.end)
    line = text[start : end if end >= 0 else len(text)]
    lead = re.fullmatch(
        r"[ \t>]*(?:\d{1,2}[.)]|[-*+•]|\(\w\)|[A-Za-z][.)]|Q\d*[.:)]?)?[ \t]*", text[start : unit.start]
    )
    return bool(lead) and not line[unit.end - start :].strip(" \t*_")


def _answers_before(document: ParsedDocument, unit: Unit) -> bool:
    """The partner's first words after a client's "have you done this before?" (a "Sure." may come first)."""
    before = document.units[max(0, unit.index - 8) : unit.index]
    asked: Unit | None = None
    for position, earlier in enumerate(reversed(before)):
        if not earlier.by_partner:  # any sentence of the client's last turn may ask ("Who else? I'd want to...")
            if asked is not None and earlier.turn != asked.turn:
                break
            asked = earlier
            if _ASKS_BEFORE.search(earlier.text) or _ASKS_FOR.search(earlier.text):
                return True  # "have you done this before?", "could you give us a reference?"
            continue
        if asked is not None or position > 1 or (len(earlier.text.split()) > 3 and not _COURTESY.match(earlier.text)):
            break
    return False


def _entry(unit: Unit, text: str) -> bool:
    """A sentence that opens a numbered or bulleted line ("1. Harrow Co-op. We ...", "- A regional grocer: ...")."""
    line = text[text.rfind("\n", 0, unit.start) + 1 : unit.start]
    return bool(re.fullmatch(r"[ \t>]*(?:\d{1,2}[.)]|[-*+]|\(\w\))[ \t]*", line))


def _first_under(unit: Unit, previous: Unit | None) -> bool:
    """The first sentence under its heading."""
    return bool(unit.heading) and (previous is None or previous.heading != unit.heading)


def _client_counts(document: ParsedDocument, grouped: set[int]) -> dict[str, float]:
    """What the client's own counts are: its words in a call, or the partner's words about "your" 90 sites."""
    names = [re.escape(n) for n in document.client_names if n]
    about_client = re.compile(r"\b(you|your|yours" + "".join("|" + n for n in names) + r")\b", re.I)
    first = min(grouped, default=len(document.units))
    found: dict[str, float] = {}
    for unit in document.units:
        if unit.index in grouped:
            continue
        asked = document.units[unit.index - 1] if unit.index else None
        if not unit.by_partner and asked is not None and asked.by_partner and asked.is_question:
            for unit_name, value in answers.answered_count(asked.text, unit.text).items():
                found.setdefault(unit_name, value)  # "How many X do you have?" - "About 35,000."
        if not unit.by_partner or about_client.search(unit.text):
            for unit_name, value in answers.counts(unit.text).items():
                # the whole, not a part: "a pilot on two hotels" before "all 14 hotels"
                found[unit_name] = max(found.get(unit_name, value), value)
    if not document.conversational:  # a proposal's opening describes the client
        for unit in document.units[:first]:
            for unit_name, value in answers.counts(unit.text).items():
                found.setdefault(unit_name, value)
    return found


def _listed(unit: Unit, previous: Unit | None, text: str) -> bool:
    """A line that opens an entry under a References / Past work heading."""
    row = text[text.rfind("\n", 0, unit.start) + 1 : unit.end]
    rule = re.match(r"[^\n]*\n([ \t]*\|?[ \t]*:?-{3,}[^\n]*)", text[unit.end :])
    if rule and ("|" in rule.group(1) or "|" in row):
        return False  # a table's header row (a "---" after a blank line, or under prose, is a divider)
    if previous is not None and previous.block == unit.block and is_field(unit.text):
        return False  # the next field of the same entry ("Scale: ...", "Status: ...")
    new_line = unit.start == 0 or "\n" in text[max(0, unit.start - 8) : unit.start].lstrip(" \t-*•")[-1:]
    return bool(
        unit.heading
        and _REFERENCE_HEADING.search(unit.heading)
        and (previous is None or previous.block != unit.block or new_line)
    )


def _continues(group: _Group, unit: Unit) -> bool:
    """The next sentences of the same paragraph or turn (or of a References section)."""
    last = group.units[-1]
    if unit.index != last.index + 1 or len(group.units) >= 5 or unit.turn != last.turn:
        return False
    return unit.block == last.block or bool(
        unit.heading and unit.heading == last.heading and _REFERENCE_HEADING.search(unit.heading)
    )
