"""References the partner cites, and what the document says about the playbook's questions.

A reference starts at a sentence in which the partner describes specific past work for
another client ("we built a similar triage assistant for a regional mutual insurer",
"our largest deployment is at a pan-European bank") and takes in the next sentences of
the same paragraph or turn. Each question is answered only when the text says so:
similar in scale? still running? can we talk to that client? Otherwise ``unknown``.
"""

from __future__ import annotations

import re

from inhouse.analysis.proposals.document import ParsedDocument, Unit
from inhouse.domain.partners import Answer, ReferenceFinding

_ANCHOR = re.compile(
    r"\b(we|our team|I|they)('ve| have| had)? (also |recently |previously |already |once )?(built|did|delivered|deployed|implemented|ran|developed|created|designed|"
    r"rolled out|worked with|helped|supported|launched|automated|introduced|set up|conducted|installed)\b[^.]{0,140}\b(for|with|at) (a|an|one|the|(?-i:[A-Z]))"
    r"|\b(similar|comparable|same kind of|equivalent) (\w+ ){0,2}(project|pilot|system|assistant|solution|engagement|deployment|"
    r"work|tool|model|programme|program|rollout|exercise|installation|implementation|study)s? (for|with|at|in|runs|has)\b"
    r"|\bcase study\b[^.]{0,20}\b(for|with|at|:)"
    r"|\b(reference (client|customer|project|site))\b"
    r"|\bour (largest|biggest|most recent|latest|first|flagship|closest|best) [\w -]{0,40}(deployment|project|client|customer|"
    r"implementation|engagement|reference|rollout) (is|was) (at|with|for|a|an|the)\b"
    r"|\b(for example|for instance|recently),? (at|for|with) (?-i:[A-Z])",
    re.I,
)
_SCALE_YES = re.compile(
    r"\b(similar|comparable|same|equivalent) (in )?(\w+ )?(size|scale|volume|book|number)|\bsimilar size\b|\b(comparable|similar) to "
    r"(yours|you|your)\b|\babout (your|the same) size|\bsize (of|like) yours|\bof (comparable|similar) (size|scale)|"
    r"\b(comparable|similar) (size|scale)\b|\bthe same size as\b|\bsimilar-sized\b|\bcomparable-sized\b",
    re.I,
)
_SCALE_NO = re.compile(
    r"\b(considerably|much|far|significantly|substantially|a lot|many times|\d+x|\w+ times) (larger|bigger|smaller)\b|"
    r"\b(larger|bigger|smaller) than (you|yours|your|[A-Z])|\b(different|not comparable in) (scale|size)\b|"
    r"\bnot (of )?(a )?(similar|comparable) (size|scale)",
    re.I,
)
_RUNNING_YES = re.compile(
    r"\bstill (in (daily |active |everyday )?use|running|used|live|in production|operating|operational|uses? it|use it|"
    r"relies on it|in service)\b|\b(remains?|is) (still )?(in production|live|in (daily )?use|operational)\b|"
    r"\b(running|live|in production|in use) (since|for (\w+ )?years|ever since|today)\b|\bhas been (running|live|in production|"
    r"in use|used)\b|\b(runs?|operat(es|ing)|works?|has run) since\b|\bto this day\b|\bcontinues? to (use|run)\b|\b(is|are) (still )?used (there |daily |every \w+ )"
    r"|\bused there\b[^.]{0,40}\bevery\b|\bstill used\b|\b(now|still) (runs?|operates?|maintains?|owns?) (it|the (model|system|tool|"
    r"solution))\b|\b(runs?|operates?) (it|the (model|system|tool)) (alone|themselves|independently|in-house)\b",
    re.I,
)
_RUNNING_NO = re.compile(
    r"\b(decommissioned|retired|discontinued|shut down|switched off|no longer (used|running|in use|live|in production|maintained|"
    r"supported|operational)|"
    r"(system|model|tool|solution|platform|it) (was |has been )?(stopped|cancelled|canceled|replaced|abandoned|turned off)|"
    r"never went live|did not go live|didn't go live|sunset)\b",
    re.I,
)
_CONTACT_YES = re.compile(
    r"\b(happy|agreed|willing|glad|available|ready|keen) to (speak|talk|take (a|your) call|receive (a |your )?call|"
    r"hear from you|answer (your )?questions|chat|share|be contacted|act as|"
    r"give you|tell you)|\bput you in touch\b|\b(arrange|set up|organise|organize|schedule) (a |an )?(\w+ )?(call|introduction|"
    r"meeting|conversation|visit)|\bintroduce you\b|\bspeak with (you|them) directly|\bcontact (details|them directly)\b|"
    r"\byou (can|could|may|are welcome to) (call|contact|speak|talk|visit|ask)\b|\bconnect you (with|to)\b",
    re.I,
)
_CONTACT_NO = re.compile(
    r"\b(unable|not able|cannot|can't|can not|not allowed|not permitted|not in a position) to (share|name|disclose|arrange|"
    r"put you|introduce|give|reveal|provide)|\bconfidential(ity)?\b|\bunder (an )?nda\b|\bcan't name\b|\bno (direct )?contact\b|"
    r"\bprefer(s)? not to (be contacted|share|be named)|\bdoes not (wish|want) to be (contacted|named)\b",
    re.I,
)
_ALL_REFERENCES = re.compile(
    r"\b(any|all|each) (of )?(these|our|those|the) (clients|customers|references|projects)\b|\breferences\b", re.I
)
_GENERIC_CLAIM = re.compile(
    r"\bavailable on request\b|\b(include|includes|including) (many|several|leading|top)\b|"
    r"\b\d[\d,]*\+? (companies|clients|customers|organi[sz]ations|firms|brands|banks|retailers|hospitals|utilities)\b|"
    r"\b(many|several|dozens of|hundreds of|numerous|countless|leading) (companies|clients|customers|organi[sz]ations|firms|brands)\b",
    re.I,
)
_DESCRIBED_CLIENT = re.compile(
    r"^\W*(?:(?:a|an|the|one|our)\b[^.;:]{0,80}\b(company|carrier|bank|insurer|retailer|distributor|manufacturer|hospital|"
    r"utility|municipality|firm|group|chain|operator|provider|agency|university|council|airline|brand|client|customer|producer|"
    r"grocer|platform|startup|cooperative|co-op|broadcaster|publisher|school|city|ministry|charity|practice|clinic|plant)s?\b|"
    r"(?-i:[A-Z][\w&.-]+(?: [A-Z][\w&.-]+){0,4})\s*[(:,-])",
    re.I,
)
_REFERENCE_HEADING = re.compile(
    r"\b(references?|experience|track record|case stud(y|ies)|past (work|projects)|credentials)\b", re.I
)


def find_references(document: ParsedDocument) -> tuple[ReferenceFinding, ...]:
    units = document.partner_units
    groups: list[list[Unit]] = []
    previous = None
    for unit in units:
        listed = bool(
            unit.heading
            and _REFERENCE_HEADING.search(unit.heading)
            and _DESCRIBED_CLIENT.search(unit.text)
            and (previous is None or previous.block != unit.block)
        )
        previous = unit
        if (
            (_ANCHOR.search(unit.text) or listed)
            and not _is_client_history(unit)
            and not _GENERIC_CLAIM.search(unit.text)
        ):
            groups.append([unit])
        elif groups and _continues(groups[-1], unit) and not _ALL_REFERENCES.search(unit.text):
            groups[-1].append(unit)
    grouped = {u.index for group in groups for u in group}
    general_yes = any(
        _CONTACT_YES.search(u.text) and _ALL_REFERENCES.search(u.text) for u in units if u.index not in grouped
    )
    general_no = any(
        _CONTACT_NO.search(u.text) and _ALL_REFERENCES.search(u.text) for u in units if u.index not in grouped
    )
    findings = []
    for group in groups:
        text = " ".join(u.text for u in group)
        contact = _answer(text, _CONTACT_YES, _CONTACT_NO)
        if contact is Answer.UNKNOWN:
            contact = Answer.YES if general_yes else Answer.NO if general_no else Answer.UNKNOWN
        evidence = [group[0].text] + [
            u.text
            for u in group[1:]
            if any(
                p.search(u.text) for p in (_SCALE_YES, _SCALE_NO, _RUNNING_YES, _RUNNING_NO, _CONTACT_YES, _CONTACT_NO)
            )
        ]
        findings.append(
            ReferenceFinding(
                similar_scale=_answer(text, _SCALE_YES, _SCALE_NO),
                still_running=_answer(text, _RUNNING_YES, _RUNNING_NO),
                client_contact_offered=contact,
                evidence=tuple(evidence),
            )
        )
    return tuple(findings)


def _answer(text: str, yes: re.Pattern[str], no: re.Pattern[str]) -> Answer:
    if no.search(text):
        return Answer.NO
    if yes.search(text):
        return Answer.YES
    return Answer.UNKNOWN


def _continues(group: list[Unit], unit: Unit) -> bool:
    """The next sentences of the same paragraph or turn (or of a References section)."""
    last = group[-1]
    if unit.index != last.index + 1 or len(group) >= 4 or unit.turn != last.turn:
        return False
    return unit.block == last.block or bool(
        unit.heading and unit.heading == last.heading and _REFERENCE_HEADING.search(unit.heading)
    )


def _is_client_history(unit: Unit) -> bool:
    """ "We signed a three-year contract with a vendor" is the client's history, not a reference."""
    return bool(re.search(r"\b(we|I) (signed|bought|hired|tried|used) \b", unit.text, re.I))
