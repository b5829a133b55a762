"""Which sentence describes past work for another client, and who that client is.

Read by the sentence's structure rather than by a list of clients or projects:

- a first-person actor ("we", "I", "our team", the partner's name) with a verb in the past or
  perfect ("built", "have done", "ran", "rolled out", "worked") and, after it, ``for`` / ``with``
  / ``at`` / ``to`` a client phrase;
- a fronted client ("For Arlo Freight, we built...", "At a regional utility, our model...");
- the "closest thing / something similar" shapes ("the closest thing we've done is for X",
  "we did something comparable with X", "a project with X last year");
- an apposition ("X, a regional hospital group, ...") or a client as the subject of a past
  engagement ("X asked us to...", "X has used our model since...");
- "case study", "reference client" and lines under a References / Past work heading.

A client phrase is a capitalised name of up to seven words (with "of", "and", "&", "for"
inside and a legal suffix such as Ltd, GmbH, Inc., plc after: "Lakemont Surgical Partners",
"University of Tartu", "Brenner Logistik GmbH") or a described client: a determiner and a noun
phrase ("a large European retailer", "one of the big Nordic banks", "the city of Aarhus").
The current client ("you", "your team") and things that are not clients ("a pilot", "the
data", "40 users") are not.
"""

from __future__ import annotations

import re

_CAP = r"(?:[A-Z][\w'&.-]*|[A-Z]{2,}[\w&-]*)"
_JOIN = r"(?:of|and|&|for|de|du|van|der|von|la|le|the|y|i)"
_SUFFIX = r"(?:,? (?:Ltd|Limited|GmbH|AG|Inc|LLC|LLP|plc|PLC|SA|S\.A|BV|B\.V|NV|AB|AS|Oy|SpA|Pty|Co|Corp|KG|SE)\.?)"
#: a capitalised organisation name: "Lakemont Surgical Partners", "University of Tartu", "Brenner GmbH"
NAME = rf"(?:{_CAP}(?: (?:{_JOIN} )?{_CAP}){{0,6}}{_SUFFIX}?)"
#: where a described client's phrase stops
_STOP = (
    r"in|on|at|last|back|during|where|when|that|which|who|whose|to|with|for|and|but|since|from|across|over|"
    r"about|called|named|through|using|under|after|before|while|so|because|as|by|into|is|was|were|are|has|had|"
    r"have|did|does|it|they|their|its|a|an|we|our|this|these|those|now|then|twice|once|recently|previously"
)
_DET = r"(?i:an?|one of (?:the|our)|another|the)"
DESCRIBED = rf"(?:{_DET} (?:(?!(?i:{_STOP})\b)[\w'&/-]+ ?){{1,6}})"
CLIENT = rf"(?P<client>(?-i:{DESCRIBED}|{NAME}))"

#: the actor of past work: the partner
_ACTOR = r"(?:\b[Ww]e|\bI|\b[Oo]ur (?:team|company|firm|group|studio|consultancy|engineers|people|crew|lab|practice)|\b[Mm]y team)"
#: verbs in the past or perfect: regular -ed forms and the common irregular ones
_PAST = (
    r"(?:\w{2,}ed|(?:re)?built|(?:re)?did|(?:re)?done|ran|(?:re)?made|(?:re)?wrote|(?:re)?written|led|took|taken|won|gave|given|brought|shipped|put|got|"
    r"sold|taught|drove|undertook|undertaken|began|begun|set up|spun up|stood up|rolled out|wound up|been \w+ing)"
)
_AUX = r"(?:(?:'ve|'d| have| had| also| recently| previously| already| once| just| successfully| first| then| last year)\s*)*"
_PAST_WORK = re.compile(
    rf"{_ACTOR}{_AUX} (?:\w+ly )?{_PAST}\b(?P<rest>[^.;!?]{{0,140}})",
)
#: a named client among several the partner works or worked for ("live at three trusts, including X")
_INCLUDING = re.compile(
    rf"{_ACTOR}(?:'re|'ve| are| have| were)?\b[^.;!?]{{0,80}}\b(?:including|among them|such as|notably) (?P<client>{NAME})"
)
#: the client as the direct object of past help ("our team helped a national rail operator rebuild...")
_HELPED = re.compile(
    rf"{_ACTOR}{_AUX} (?:\w+ly )?(?:helped|supported|advised|served|equipped|assisted|coached|guided|trained) {CLIENT}"
)
_TO_CLIENT = re.compile(rf"\b(?:for|with|at|alongside|inside|into) {CLIENT}")
_FRONTED = re.compile(
    rf"^\W*(?:(?:In|Back in|Last year|Recently|Previously|Earlier this year|In \d{{4}})[^,]{{0,20}}, )?"
    rf"(?:For|At|With|Together with|Working with) {CLIENT}\s*(?:\([^)]*\))?,? {_ACTOR}{_AUX} (?:\w+ly )?{_PAST}\b",
)
_CLOSEST = re.compile(
    rf"\b(?:closest|nearest|most similar|most comparable|best comparison|best parallel|best match)\b[^.;!?]{{0,60}}?"
    rf"\b(?:is|was|would be|'s)\b(?:[^.;!?]{{0,40}}?\b(?:for|with|at)|(?: (?:probably|likely|arguably|still))?)"
    rf" {CLIENT}",
    re.I,
)
_SIMILAR_FOR = re.compile(
    rf"\b(?:(?:something|exactly this|much the same|the same thing|a version of this)"
    rf"(?: (?:very )?(?:similar|comparable|like (?:this|that|it|yours)|close to (?:this|that|it)))?|"
    rf"(?:a |an |one )?(?:similar|comparable|equivalent|related|near-identical|almost identical|very similar) "
    rf"(?:[\w-]+ ){{0,2}}?[\w-]+) "
    rf"(?:of (?:ours|mine) )?(?:[\w-]+ ){{0,4}}?(?:for|with|at) {CLIENT}",
    re.I,
)
#: the client named as the comparison ("X is the nearest comparison", "X would be a good match")
_COMPARED = re.compile(
    rf"^\W*(?P<client>{NAME}) (?:is|would be|'s|are|remains) (?:probably |perhaps |arguably )?(?:the|a|an|our) "
    rf"(?:\w+ ){{0,2}}?(?:comparison|match|parallel|comparable|equivalent|fit|analogue|example)\b"
)
#: present work for a client ("we also run the booking service for a regional ferry operator")
_RUNS_FOR = re.compile(
    rf"{_ACTOR}(?: also| currently| still| now)? (?:run|operate|host|maintain|support)\b[^.;!?]{{0,60}}?\bfor {CLIENT}"
)
#: something the partner supplied or sold to a client ("we supplied a booking system to a marina operator")
_SUPPLIED = re.compile(
    rf"{_ACTOR}{_AUX} (?:\w+ly )?(?:supplied|sold|provided|licensed|shipped|delivered|handed over)\b"
    rf"[^.;!?]{{0,60}}?\bto {CLIENT}"
)
_PROJECT_WITH = re.compile(
    rf"\b(?:a|an|our|one|the) (?:\w+ ){{0,3}}?(?:project|engagement|pilot|rollout|deployment|programme|program|"
    rf"contract|piece of work|job|implementation|case study|work) (?:we (?:did|ran|delivered|completed) )?(?:for|with|at) "
    rf"{CLIENT}",
    re.I,
)
_APPOSITION = re.compile(
    rf"^\W*(?P<client>{NAME})\s*(?:\(|,|-|—|–)\s*(?:an?|one of|the|our)\b"
    r"(?:(?!\b(?:is|are|was|were|has|have|had)\b)[^,()]){3,80}[,)]"
)
_ENGAGED = (
    r"(?:(?:asked|hired|engaged|chose|selected|commissioned|brought|came to|approached|contracted|appointed|"
    r"used|uses|has used|had|adopted|licensed|deployed|rolled out|runs|ran|relies on|relied on|switched on|went live|"
    r"signed|took|trialled|trialed|piloted|tested)\b[^.;!?]{0,40}\b(?:us|our|it|the (?:tool|model|system|platform))\b|"
    # a product named in one word with a capital inside, where it is used ("uses ShelfCast in 14 plants")
    r"(?:uses|has used|adopted|licensed|deployed|rolled out) (?-i:[A-Z][a-z]+[A-Z][A-Za-z]+) (?:in|at|across|for|since)\b)"
)
_CLIENT_SUBJECT = re.compile(
    rf"^\W*(?:(?:In \d{{4}}|Last year|Recently|Two years ago),? )?(?P<client>{NAME}|{DESCRIBED})\s*(?:\([^)]*\))?"
    rf"(?: (?:in|from|near|outside|based in) {NAME})?,? "
    r"(?:(?:about|roughly|around|of|with|at) [^,.;!?]{1,40}?,? )?(?:still |now |also |even )?"
    r"(?:(?:has|have|had) )?(?:been )?(?:first )?" + _ENGAGED,
)
#: a cheap test that a sentence may be a client's engagement at all, before the costly subject pattern
_ENGAGED_HINT = re.compile(r"\b" + _ENGAGED)
_CASE_STUDY = re.compile(rf"\bcase study\b[^.;!?]{{0,20}}?(?:\b(?:for|with|at|from)\b|:)\s*(?:{CLIENT})?", re.I)
_REFERENCE_OF = re.compile(
    rf"\b(?:reference (?:client|customer|project|site|account)s?)\b(?:[^.;!?]{{0,30}}?\b(?:is|was|:) {CLIENT})?",
    re.I,
)
_LARGEST = re.compile(
    rf"\bour (?:largest|biggest|most recent|latest|first|flagship|closest|best|oldest|longest-running) "
    rf"[\w -]{{0,40}}(?:deployment|project|client|customer|implementation|engagement|reference|rollout|install) "
    rf"(?:is|was) (?:at |with |for )?{CLIENT}",
    re.I,
)
#: an entry under a References heading: a short phrase before ":", a dash or a comma ("Mid-size grocer: ...")
_LISTED = re.compile(
    r"^[^\w|]*\|?\s*(?P<client>(?!(?:We|I|Our|You|Your|They|It|This|These|Those|There|All|Each|Any|Many|Several|At|For|In|"
    r"With|On|From|By|After|Before|Since|When|If|So|But|And|Then|Also)\b)"
    r"[^:,;()—–.!?\s][^:,;()—–.!?|]{2,60}?)\s*(?:\([^)]*\))?\s*(?::|;|—|–| - |,|\|)\s*\S"
)

#: described phrases that are no client: the current client, work items, amounts
_NOT_CLIENT = re.compile(
    r"^(?:the|a|an|one of the|another)? ?(?:you|your|yours|us|our|we|them|it|this|that|same|similar|"
    r"few|lot|number|couple|bit|pilot|project|data|dataset|model|tool|system|platform|team|view|focus|budget|"
    r"week|month|year|day|time|way|set|sample|subset|handful|mix|range|version|approach|process|problem|"
    r"question|proof|poc|trial|sprint|phase|test|demo|weeks|months|years|days|phases|sprints|stages?|steps?|"
    r"\d[\w.,]*\b(?!-))\b",
    re.I,
)
_CLIENT_WORDS = re.compile(r"\b(?:you|your|yours)\b", re.I)
_FIRST_WORDS = {
    "We", "I", "Our", "The", "This", "That", "These", "Those", "It", "They", "Their", "In", "At", "For",
    "With", "Last", "Yes", "No", "Hi", "Hello", "Hey", "Dear", "Morning", "Afternoon", "Evening", "And", "But", "So", "Also", "Then", "Since", "When", "If", "Both", "Sure",
    "Well", "Okay", "OK", "Right", "Great", "Thanks", "Honestly", "Absolutely", "Again", "Now", "Here",
    "Yeah", "Yep", "Yup", "Nope", "Definitely", "Totally", "Exactly", "Certainly", "Indeed", "Of",
    "What", "Why", "How", "Who", "Where", "Which",
    "Today", "Currently", "Next", "Finally", "First", "Second", "Note", "Please", "Example", "You", "Your",
    "EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "AUD", "CAD", "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Q1", "Q2", "Q3", "Q4",
}  # fmt: skip
#: the head of a described client: an organisation, or a noun of someone who does something (-er, -or)
_ORG_HEAD = re.compile(
    r"(?:company|firm|bank|insurer|retailer|hospital|trust|council|group|chain|operator|provider|carrier|"
    r"manufacturer|distributor|university|college|school|ministry|agency|authority|municipality|utility|airline|"
    r"client|customer|brand|business|startup|start-up|scale-up|practice|clinic|network|cooperative|co-op|charity|"
    r"publisher|broadcaster|museum|library|archive|foundation|institute|association|federation|union|society|"
    r"department|government|city|county|region|state|port|airport|railway|operator|plant|factory|mill|mine|"
    r"refinery|terminal|fund|scheme|bureau|exchange|registry|brewery|winery|bakery|dairy|farm|estate|hotel|resort|venue|club|league|studio|agency|"
    r"lab|laboratory|pharmacy|hospice|regulator|marketplace|shop|store|landlord|"
    r"supermarket|grocer|outlet|house|office|board|partnership|consortium|conglomerate|multinational|"
    r"enterprise|organisation|organization|institution|centre|center|nhs)s?|\w{3,}(?:er|or|ist|ian)",
    re.I,
)
_NOT_ACTOR = re.compile(
    r"(?:number|order|water|paper|letter|winter|summer|quarter|computer|counter|corner|border|layer|filter|"
    r"folder|meter|metre|chapter|register|cluster|marker|sensor|monitor|error|factor|sector|vector|colour|color|"
    r"container|trailer|printer|scanner|browser|server|driver|header|footer|parameter|identifier|"
    r"floor|door|minor|major|prior|senior|junior|interior|exterior|other|either|neither|rather|together|however|"
    r"further|ever|never|over|under|after|per|year)s?",
    re.I,
)
_ADJECTIVE_USE = re.compile(
    r"^ (?:\d[\d,]* )?(?!(?:" + _STOP + r"|two|three|four|five|years?|months?|ago|twice|first|too|alone)\b)[a-z][\w-]*"
)
#: past-time markers a project-shaped phrase needs to be past work rather than an offer
PAST_MARK = re.compile(
    rf"\b(?:{_PAST}|last (?:year|spring|summer|autumn|fall|winter|month|quarter)|ago|previously|earlier|back in|"
    r"in (?:19|20)\d\d|since (?:19|20)\d\d|(?:19|20)\d\d)\b",
    re.I,
)
#: a client said to be one: "we count X among our clients", "X has been a client since 2020"
_CLIENT_OF = re.compile(rf"\b(?:count|include|list|name) (?P<client>{NAME}) (?:among|as one of|as) our\b")
_CLIENT_IS = re.compile(
    rf"^\W*(?P<client>{NAME}) (?:is|has been|was|became) (?:a|an|one of our) (?:[\w-]+ )?(?:client|customer)s?\b"
)
#: a heading that names a client
_HEADED = re.compile(
    rf"^\W*(?i:case study|client|customer|reference|project)\s*(?:\d+\s*)?[:—–-]\s*(?P<client>{NAME}|{DESCRIBED})\s*$"
)
#: field labels of a list ("Outcome: ...", "Status: ..."), not clients; "Client: X" names one
_FIELD = re.compile(
    r"^\W*(?:problem|outcome|outcomes|result|results|contact|status|scope|project|sector|industry|duration|year|"
    r"date|dates|budget|team|approach|solution|challenge|impact|role|technology|stack|timeline|location|size|"
    r"note|notes|summary|goal|objective|value|fee|price|term|period|users|volume)\s*:",
    re.I,
)
_FIELD_CLIENT = re.compile(
    rf"^\W*(?i:client|customer|reference|organisation|organization|for)\s*:\s*"
    rf"(?P<client>{NAME}|{_DET} [^,;()\n]{{3,70}}?(?=\s*(?:[,;(]|$))|{DESCRIBED})"
)
#: a field of a list ("Scale: 212 sites", "Reference contact: on request"): one line of an entry, not an entry
_ANY_FIELD = re.compile(r"^\W*[A-Z][\w()/&' -]{0,30}?\s*:\s+\S")
#: a reply naming a client first: "Yes - Harrow Co-op, about your size", "We have: a regional grocer."
_ANSWERED = re.compile(
    rf"^\W*(?:(?i:yes|yeah|yep|sure|we have|we did|I have|a few|once|twice)\b\W*)?(?:(?i:at|for|with) )?"
    rf"(?P<client>{NAME}|{DESCRIBED})\s*(?:\([^)]*\))?(?: (?:in|from|near|outside|based in) {NAME})?"
    r"(?:,? (?:with|of|about|roughly|around) [^,.;!?]{1,40}?(?=,| (?:is|are|was|has|have|had|uses|used|runs|ran|still)\b))?\s*"
    rf"(?:[,;:.—–-]|$|(?:is|are|was|has|have|had|uses|used|runs|ran|still|bought|took|adopted|licensed|went|{_PAST})\b)"
)
#: verbs whose object is a system rather than a client ("integrated with Salesforce", "connected to SAP")
_SYSTEM_VERB = re.compile(
    r"\b(?:integrated|connected|interfaced|synced|synchronised|migrated|plugged|hooked|linked|partnered|teamed up)\b",
    re.I,
)
OFFER = re.compile(
    r"\b(?:will|'ll|'d|would|propose|suggest|recommend|could|plan to|intend to|let's|shall|offer|quote)\b", re.I
)


_LEAD_IN = re.compile(r"^[^:.;!?]{3,60}:\s+(?=[A-Z])")
#: a third-person report of what someone said ("He mentioned that", "Their director explained that")
_REPORTING = re.compile(
    r"^\W*(?:He|She|They|(?:[A-Z][\w.'-]+ ){1,3})(?:also |then )?(?:said|mentioned|explained|noted|added|stressed|"
    r"confirmed|pointed out|told (?:us|me|him|her|them))(?: that)?\s+(?=[A-Z])"
)


#: what is no past work for a client, whatever the sentence's shape: the staff's earlier careers ("two of our
#: engineers spent years at a carrier"), a firm brought in or subcontracted ("we'd bring in a specialist (we've
#: worked with X before)"), a wish ("we'd love you to be a reference client"), a bid still open ("we are in
#: procurement with ..."), an award or a ranking
NOT_PAST_WORK = re.compile(
    r"\b(?:spent|spend) (?:\w+ ){0,2}(?:years|months|a decade|decades) (?:at|with|in)\b|\bbefore (?:joining|they joined|"
    r"he joined|she joined|founding|starting)\b|\b(?:formerly|previously) (?:of|at|with) (?-i:[A-Z])|\bjoined us from\b|"
    r"\bbring in\b|\bbrought in\b|\bsub-?contract\w*|\b(?:our|a|an) (?:\w+ )?(?:technology|implementation|delivery|"
    r"integration|specialist) partners?\b|"
    r"\b(?:we'?d|we would|we'll|we will|would) (?:\w+ )?(?:love|like|welcome|be (?:delighted|glad|happy|proud))\b[^.;!?]{0,80}"
    r"\breferences?\b|\b(?:reference|flagship) (?:client|customer|site|account)s? (?:one day|in (?:the )?future)\b|"
    r"\b(?:are|'re|is) (?:also |currently |now |still )?(?:in procurement|bidding|in talks|in discussions|tendering|shortlisted|"
    r"in (?:a |the )?(?:tender|bid|pitch))\b|"
    r"\b(?:recogni[sz]ed|named|shortlisted|ranked|awarded|won|winners?|finalists?)\b[^.;!?]{0,80}"
    r"\b(?:awards?|list|ranking|prize|league table)\b",
    re.I,
)


def described_work(text: str, partner_names: list[str], client_names: list[str]) -> str | None:
    """The past client the sentence describes work for, or None when it describes none. Callers leave out
    first the sentences that are no past work whatever their shape (:data:`NOT_PAST_WORK`)."""
    for pattern in (_CLOSEST, _COMPARED, _SIMILAR_FOR, _LARGEST, _FRONTED, _HELPED, _INCLUDING, _SUPPLIED, _RUNS_FOR):
        for match in pattern.finditer(text):
            if client := _client(match, partner_names, client_names):
                return client
    for match in _PAST_WORK.finditer(text):
        if _CLIENT_WORDS.match(match.group("rest").strip()) or _SYSTEM_VERB.search(match.group(0)[:40]):
            continue
        for found in _TO_CLIENT.finditer(match.group("rest")):
            if client := _client(found, partner_names, client_names):
                return client
    if not OFFER.search(text.split(",")[0]):
        for match in _PROJECT_WITH.finditer(text):
            # "our deployment at X" is work that exists; "a project with X" needs a past marker
            if match.group(0).lower().startswith("our") or PAST_MARK.search(text):
                if client := _client(match, partner_names, client_names):
                    return client
    # "On your question about who else uses it: X ...", "He mentioned that X, a ..., has used ...": the
    # clause after a lead-in or a reporting frame is read as a sentence of its own
    lead_in = _LEAD_IN.match(text) or _REPORTING.match(text)
    engaged = bool(_ENGAGED_HINT.search(text))
    for pattern in (_APPOSITION, _CLIENT_SUBJECT, _CLIENT_OF, _CLIENT_IS):
        if pattern is _CLIENT_SUBJECT and not engaged:
            continue
        hit = pattern.search(text) or (pattern.search(text[lead_in.end() :]) if lead_in else None)
        if hit and (client := _client(hit, partner_names, client_names, subject=True)):
            if re.sub(r"^The (?=[A-Z])", "", hit.group("client")).split()[0] not in _FIRST_WORDS:
                return client
    for pattern in (_CASE_STUDY, _REFERENCE_OF):
        hit = pattern.search(text)
        if hit:
            named = hit.groupdict().get("client")
            return _client(hit, partner_names, client_names) if named else "a client"
    return None


def listed_client(text: str, partner_names: list[str], client_names: list[str]) -> str | None:
    """A client named at the start of a line under a References heading ("Harbour Health: ...")."""
    field = _FIELD_CLIENT.search(text)
    if field:
        return _client(field, partner_names, client_names, subject=True)
    if _FIELD.match(text):
        return None
    match = _LISTED.search(text)
    if not match or len(match.group("client").split()) > 7:
        return None
    words = re.split(r" (?:in|from|based|of)\b", match.group("client"))[0].split()
    if any(w[0].islower() and not re.fullmatch(_JOIN, w) for w in words[1:]):
        last = words[-1]  # "Mid-size grocery chain": a described client ends in one organisation noun
        if not _is_head(last, "") or (last.endswith("s") and not last.endswith("ss")):
            return None
    return _client(match, partner_names, client_names, subject=True)


def is_field(text: str) -> bool:
    """A "Label: value" line of a field list that names no client ("Scale: ...", "Status: ...")."""
    return bool(_ANY_FIELD.match(text)) and not _FIELD_CLIENT.match(text)


def entry_client(text: str, partner_names: list[str], client_names: list[str]) -> str | None:
    """The client of an entry under a References / Comparable work heading that names the work first:
    "Drying control model for a farmers' cooperative in Saxony, 2023"."""
    for found in _TO_CLIENT.finditer(text):
        if _SYSTEM_VERB.search(text[: found.start()]):
            continue
        if client := _client(found, partner_names, client_names):
            return client
    return None


#: an entry's label sentence: a name alone, perhaps in bold ("**Harbour Mills.** They ...", "Harbour Mills.")
_LABEL_NAME = re.compile(
    rf"^\W*(?:\d{{1,2}}(?:\.\d{{1,2}})*\.?\s+)?(?P<client>{NAME})(?:\s*\([^()]{{1,40}}\)|, (?:[A-Z][\w'-]*)(?: [A-Z][\w'-]*){{0,2}})?\.(?:\*\*|__)?"
    r"(?:\s+(?=[A-Z])|\s*$)"
)


def label_client(text: str, partner_names: list[str], client_names: list[str]) -> str | None:
    """The client an entry's label names, when the entry opens with the name alone and a full stop."""
    match = _LABEL_NAME.match(text)
    return _client(match, partner_names, client_names, subject=True) if match else None


def headed_client(heading: str, partner_names: list[str], client_names: list[str]) -> str | None:
    """A client named by a heading: "Case study: Harlow Veterinary Partners", "Reference - a Dutch insurer"."""
    match = _HEADED.search(heading)
    return _client(match, partner_names, client_names, subject=True) if match else None


def answered_client(text: str, partner_names: list[str], client_names: list[str]) -> str | None:
    """The client a partner names in reply to "have you done this before?" ("Yes - Harrow Co-op, ...")."""
    match = _ANSWERED.search(text)
    return _client(match, partner_names, client_names, subject=True) if match else None


def _client(
    match: re.Match[str], partner_names: list[str], client_names: list[str], subject: bool = False
) -> str | None:
    client = (match.group("client") or "").strip(" ,;:-")
    if client.endswith(".") and not re.search(r"\b(?:Inc|Co|Corp|Ltd|S\.A|B\.V)\.$", client):
        client = client[:-1]
    client = re.sub(r"^The (?=[A-Z][\w'&.-]* [A-Z])", "", client)  # "The Kestrel Gallery": a name with its article
    if not client or len(client) < 3 or _NOT_CLIENT.match(client):
        return None
    if client[0].isupper() and client.split()[0] not in ("A", "An", "One", "Another", "The"):
        if not subject and _ADJECTIVE_USE.match(match.string[match.end("client") :]):
            return None  # "Welsh-language records", "English-language centres": a modifier, not a name
    else:
        lead = len(client) - len(re.sub(r"^(?i:one of (?:the|our) )", "", client))
        head = client[:lead] + re.split(r" (?:of|in|from)\b", client[lead:])[0]
        tail = client[len(head) :]
        words = head.split()
        while len(words) > 1 and not _is_head(words[-1], client):
            words.pop()  # "a national rail operator rebuild its...": the phrase ends at its head noun
        if len(words) < 2 or not _is_head(words[-1], client):
            return None
        if len(words) < len(head.split()):
            head, tail = " ".join(words), ""
        of_org = re.match(r" of (?:[\w-]+ ){0,2}([\w-]+)(?: (?:in|near|outside|around) [A-Z][\w -]*)?$", tail)
        if re.match(r" of [A-Z]", tail):
            pass  # "the University of Marlow"
        elif of_org and _is_head(of_org.group(1).rstrip("s") if of_org.group(1).endswith("s") else of_org.group(1), ""):
            pass  # "a chain of audiology clinics"
        else:
            client = head
    lowered = client.lower()
    for name in [*partner_names, *client_names]:
        if name and (name.lower() in lowered or lowered in name.lower()):
            return None
    if client.split()[0].split("'")[0].split("’")[0] in _FIRST_WORDS:
        return None  # "They've asked us...", "We're..."
    return client


def _is_head(word: str, phrase: str) -> bool:
    """An organisation noun ("one of the big Nordic insurers" takes the plural)."""
    if phrase.lower().startswith("one of") and word.endswith("s"):
        word = word[:-1]
    return bool(_ORG_HEAD.fullmatch(word)) and not _NOT_ACTOR.fullmatch(word)
