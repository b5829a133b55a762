"""Termination for convenience: a party may end the contract without cause, by notice alone.
Its absence for the client is the red flag no_termination_for_convenience.

A sentence counts when it grants a right to terminate (``patterns``) and, in one of its
alternatives ("(a) by mutual agreement or (b) by either party on 30 days' notice"), that right
is either expressly without cause ("for convenience", "without cause", "for any reason or no
reason") or rests on notice alone, with no cause (breach, insolvency, force majeure, unpaid
invoices), no condition ("if", "should", "as follows:") and no renewal deadline attached.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from inhouse.analysis.contracts.context import Context
from inhouse.analysis.contracts.detectors.base import rx
from inhouse.analysis.contracts.detectors.flag_base import FlagDetector, is_contents
from inhouse.analysis.contracts.structure import Sentence

_CAUSE = re.compile(
    r"\b(?:breach|default|insolv|bankrupt|fail(?:s|ure|ed)? to|in the event (?:that )?(?:the other|either)|"
    r"if the other|material(?:ly)?|cure|winding[- ]up|liquidation|change (?:of|in) control|force majeure|"
    r"violat|fraud|negligen|cease to|ceases to|is unable|convicted|misconduct|regulatory|law|illegal|"
    r"beyond (?:its|their|the|such) (?:[a-z]+['’]s? )?(?:reasonable )?control|past due|overdue|non-?payment|"
    r"late payment|unpaid|for reasons? of|by reason of (?!any|convenience))",
    re.IGNORECASE,
)
# Causes that are denied rather than required ("so long as no default exists", "other than for breach"),
# and conditions that are the terminating party's own choice ("if it decides to discontinue the product").
_NO_CAUSE = re.compile(
    r"(?:so long as|provided(?: that)?|if) no (?:default|breach|event of default)[^,;]{0,60}|"
    r"\bif (?:it|he|she|they|[A-Z][\w.]*(?: [A-Z][\w.]*)?) (?:in its [a-z ]{0,20}discretion )?(?:so )?"
    r"(?:decides?|determines?|elects?|wish(?:es)?|chooses?|desires?)\b|"
    r"(?:other than|except) (?:for |by reason of |as a result of )?(?:a |its |the other party['’]s )?"
    r"(?:material )?(?:breach|default|cause)\b",
    re.IGNORECASE,
)
_STRONG = (
    r"(?:for (?:its |their |any party['’]s |[a-z]+['’]s )?(?:own )?convenience|without (?:any )?(?:cause|reason)|"
    r"for any (?:reason|cause)(?: (?:whatsoever )?(?:or|and) (?:for )?no (?:reason|cause))|"
    r"for any or no (?:reason|cause)|for no (?:reason|cause)|with or without (?:cause|reason)|at will|"
    r"(?:may|can|to),? terminate (?:(?:this|the) (?:agreement|contract),? )?for any (?:reason|cause)(?! other))"
)
_WITHOUT_CAUSE = (
    _STRONG[:-1] + r"|for any (?:reason|cause)|in (?:its|their) (?:sole )?(?:and absolute )?discretion|"
    r"at (?:its|their) (?:sole )?(?:option|discretion|election)|at any time)"
)
_MAY = (
    r"(?:may|can|(?:shall|will) have the (?:right|option|ability)|ability|shall be entitled|has the (?:right|option)|"
    r"have the (?:right|option)|is entitled|are entitled|reserves the right|be entitled|entitled|right)"
)
_FILL = r",?(?: [\w,()'’\[\]*/-]+){0,10}?"  # words between the modal and the verb: "may, in its sole discretion,"
_VERB = (
    r" (?:terminat\w*|(?:cancel|end|withdraw from) (?:this|the|our|its|their|your|any|each) (?:[\w-]+ ){0,2}?(?:agreement|"
    r"contract|engagement|appointment|arrangement|relationship|retainer|services|deed|sow|statement of work|subscription|"
    r"assignments?|placements?|orders?|letter|mandate|negotiations)|resign (?:from )?(?:his|her|"
    r"its|the|their) (?:employment|position|engagement|appointment))\b"
)
_PERIOD_NOTICE = re.compile(
    r"(?:\d+|\[[^\]]{0,12}\]|\*+|_+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|"
    r"forty-five|sixty|ninety|hundred)\b)[^;]{0,40}?(?:days?|months?|weeks?|years?)['’]?s?\b[^;]{0,70}?"
    r"(?:notice|notif)|(?:notice|notif\w*) (?:period )?of (?:at least |not less than |no less than )?(?:\d+|[a-z]+(?:-[a-z]+)?)"
    r"(?: \(\d+\))? (?:calendar |business )?(?:days?|months?|weeks?)"
    r"|\b(?:upon|on|by|with|after|following|giving|providing|delivering) (?:the )?(?:prior |advance )?(?:written )?"
    r"(?:notice|notification)\b"
    # a redacted period: "by providing [***] written notice of termination"
    r"|\[[^\]]{0,12}\]\s*(?:\([^)]{0,12}\)\s*)?(?:prior |advance )?(?:written )?notice",
    re.IGNORECASE,
)
_NOT_CONVENIENCE = re.compile(
    r"\bwith cause|forthwith|immediately(?! (?:preceding|following|above|below))|renew|(?:prior to|before) the (?:end|expir)|"
    r"end of (?:the|a|any|its|said|each|such) (?:[\w-]+ ){0,2}term\b|non-renewal|end of life|"
    r"(?:to|at|as of|with effect (?:from|at)) the end of (?:the|its|any|each|such) (?:current|then[- ]current|initial|renewal|"
    r"contract|extension|subscription) (?:[\w-]+ )?(?:period|term)\b",
    re.IGNORECASE,
)
_CONDITIONAL = re.compile(
    r"\bif\b|in the event|upon (?:the )?(?:occurrence|dissolution|termination|expiration|expiry|closing)\b|contingenc|following (?:events|circumstances)|mutual|"
    r"agreement (?:in writing|of the parties)|by (?:written )?agreement|written consent|consent of|^\W*should\b|"
    r"\bshould (?:[\w’']+ ){1,6}(?:terminate|cease|expire|fail|breach|become)\b|"
    r"\b(?:following|after|within|during|of) (?:the (?:end|expiration|expiry) of )?such [^.;]{0,20}?(?:period|failure|"
    r"default)s?\b|as follows\W*$|:\s*$",
    re.IGNORECASE,
)
_NEGATED = re.compile(
    r"(?:may|shall|will|can) not (?:be )?terminat[^;]{0,40}(?:convenience|without cause|for any reason)|"
    r"\bno (?:right|party shall have the right) to terminate",
    re.IGNORECASE,
)
_PROVISO = re.compile(
    r";|,? provided,? (?:however,? )?that|,? except that|,? in which (?:case|event)|\.\s", re.IGNORECASE
)
# Enumerated alternatives: "(a) by mutual agreement, or (b) by either party upon notice".
_ENUMERATOR = re.compile(r"(?:(?<=\s)|(?<=[;:,]))\((?:[a-hxyz]|i{1,3}|iv|vi{0,3})\)\s")
_BLANKS = re.compile(r"[_-]{3,}|\s-{2,}\s")
_CONVENIENCE_HEADING = re.compile(r"convenience|without cause|voluntary termination|termination at will", re.IGNORECASE)
_GRANT = re.compile(
    _MAY.replace(" ", r"\s+") + r",?(?:\s+[\w,()'’\[\]*/-]+){0,10}?\s+(?:terminat|cancel)", re.IGNORECASE
)
_LEAD_IN = re.compile(
    r"(?:may|shall|will|can) (?:only )?be (?:earlier |sooner )?terminated|\bterminable\b|"
    r"(?:sooner|earlier) terminated|terminat\w* (?:as follows|in the following|under the following|"
    r"upon (?:any of )?the following)",
    re.IGNORECASE,
)
_ITEM = re.compile(
    r"^\W*(?:or|and)?\s*(?:\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)|\d{1,2}(?:\.\d{1,2}){0,3}\.?)?\s*"
    r"(?=(?:by|at any time|upon|on|with|after)\b)",
    re.IGNORECASE,
)
# What a right to terminate may end and still be about leaving the contract; "terminate the Fund", "terminate the
# subagency", "terminate Development of a product" end something else.
_OBJECT = re.compile(
    r"\s+(?:this|the|its|any|such|all|each|an?|their|his|her)\s+((?:[\w’'-]+\s+){0,6}[\w’'-]+)", re.IGNORECASE
)
_OWN_OBJECT = re.compile(
    r"agreement|contract|\bterm\b|licen[cs]e|appointment|engagement|employment|arrangement|"
    r"relationship|services?\b|\bsows?\b|statements?|orders?\b|scope|project|work|franchise|"
    r"distributorship|subscription|addend|schedule|exhibit|amendment|lease|rights|obligations|"
    r"exclusivity|territor|product|program|plan\b|participation|membership|partnership|alliance|"
    r"collaboration|cooperation|deal|transaction|purchase|supply|sale|retainer|assignment|placement|consult|\bdeed\b|"
    r"\bletter\b|mandate|call-off",
    re.IGNORECASE,
)
_CAUSE_HEADING = re.compile(
    r"for cause|for breach|default|insolv|bankrupt|force majeure|change (?:of|in) control", re.IGNORECASE
)


class TerminationForConvenience(FlagDetector):
    """Present when a party may end the contract without cause; its absence for the client
    is the red flag no_termination_for_convenience."""

    kind = "termination_for_convenience"
    prefilter = re.compile(r"termin|cancel|resign|withdraw|\bend\b", re.IGNORECASE)
    patterns = rx(
        _MAY + _FILL + _VERB + r"[^;]{0,140}?" + _WITHOUT_CAUSE,
        _MAY + _FILL + _VERB + r"[^;]{0,160}?(?:notice|notif)",
        r"(?:may|can) be (?:terminated|cancell?ed)[^;]{0,100}?(?:" + _WITHOUT_CAUSE + r"|notice|notif)",
        r"(?:until|unless) (?:sooner |earlier )?terminated (?:by (?:either|any|each) party|at any time)[^;]{0,60}?notice",
        r"until (?:either|any|one) party (?:gives|provides|informs|notifies|delivers)[^;]{0,80}?notice",
        r"(?:option|election) of (?:either|any|each) party[^;]{0,60}?notice",
        r"terminable ?(?:at will|by (?:either|any|the) |(?:up)?on [^;]{0,30}notice|without cause|for convenience|<omitted>)",
        r"cancell?able at any time",
        r"(?:for|at) (?:its|their|the [a-z]+['’]s) (?:own )?convenience[^;]{0,60}?terminat",
        r"terminat\w* (?:this agreement |the agreement |any sow |any statement of work )?for convenience",
        r"unilateral(?:ly)? (?:right to )?(?:terminat|cancel)",
        # notice first, right second: "giving not less than six months' notice, may terminate"
        r"notice\b[^;]{0,60}?,? (?:[\w'’]+ ){1,4}(?:may|can|shall be entitled to|shall have the right to) terminate",
        _MAY + r",? (?:upon|on|with|by giving|by providing|after|following) [^;]{0,60}?notice[^;]{0,40}?,? terminate",
        # "written notice of its decision to terminate", "notice of X's wish to terminate ... for any reason"
        r"notice (?:[\w’']+ ){0,6}?of (?:its|his|her|their|[\w.]+['’]s?) (?:decision|intention|intent|wish|desire|"
        r"election) to terminate",
        r"notice of termination (?:for any or no reason|for any reason or (?:for )?no reason|for convenience|"
        r"without cause)",
        # the grant far from its qualifier: "may, ..., terminate ... or terminate this Agreement as a whole with or
        # without cause"; "shall be earlier terminated at any time upon sixty days' notice"
        r"terminat\w* (?:this|the) (?:agreement|contract)(?: as a whole| in its entirety)?,? (?:with or without cause|"
        r"without cause|for convenience|for any or no reason)",
        r"(?:shall|will|may|can) (?:also )?be (?:earlier |sooner )?(?:terminated|cancell?ed) (?:by (?:either|any|each) "
        r"party )?(?:at any time|upon|on|by|with)\b[^;]{0,80}?notice",
        r"(?:upon|on) (?:[\w.]+ )?(?:giving|providing|delivering) (?:[\w.]+ )?(?:at least |not less than )?[^;]{0,40}?"
        r"notice of termination",
        r"cancell?able at any time",
    )
    vetoes = None

    def relevant(self, text: str) -> bool:
        text = " ".join(_BLANKS.sub(" ", text).split())
        if _NEGATED.search(text):
            return False
        return any(self._without_cause(part) for part in _alternatives(text))

    def _without_cause(self, text: str) -> bool:
        grant = self.patterns.search(text)
        if not grant:
            return False
        verb = re.search(r"\bterminate\b", text[grant.start() : grant.end()], re.IGNORECASE)
        if verb:
            what = _OBJECT.match(text, grant.start() + verb.end())
            if what and not _OWN_OBJECT.search(what.group(1)):
                return False
        strong = re.search(_STRONG.replace(" ", r"\s+"), text, re.IGNORECASE)
        if (
            strong
            and not re.search(r"\bceas\w*\s+$", text[: strong.start()], re.IGNORECASE)
            and not re.search(r"force majeure", text, re.IGNORECASE)
        ):
            return True
        cleaned = _NO_CAUSE.sub(" ", text)
        if _CAUSE.search(cleaned):
            return False
        # a proviso after the grant qualifies its consequences ("provided that if X terminates, X shall pay")
        proviso = _PROVISO.search(text, grant.end())
        scope = _NO_CAUSE.sub(" ", text[: proviso.start()] if proviso else text)
        if _CONDITIONAL.search(scope):
            return False
        late = _NOT_CONVENIENCE.search(scope)
        if late and not (
            re.match(r"(?:prior to|before)", late.group(0), re.I)
            and re.search(r"at any time", scope[: late.start()], re.I)
        ):
            return False
        return bool(_PERIOD_NOTICE.search(text) or re.search(r"at any time", text, re.IGNORECASE))

    def candidates(self, context: Context) -> Iterable[Sentence]:
        """Relevant sentences, except notice-only grants under a heading about termination for
        cause ("Termination for Breach", "Events of Default"): the cause is in the heading. Under a
        heading about termination for convenience ("Termination without Cause", "Voluntary
        Termination"), any right to terminate counts: the heading says there is no cause."""
        lead_in = -99  # index of the last lead-in; its alternatives follow within a few clauses
        for index, sentence in enumerate(context.sentences()):
            if context.is_heading(sentence):
                continue
            if index - lead_in <= 8 and self._item_without_cause(sentence.text):
                yield sentence
                continue
            if _LEAD_IN.search(sentence.text):
                lead_in = index
            if not self.prefilter.search(sentence.text):
                continue
            heading = context.heading(sentence)
            if (
                _CONVENIENCE_HEADING.search(heading)
                and _GRANT.search(sentence.text)
                and not _NEGATED.search(sentence.text)
            ):
                yield sentence
                continue
            if not self.is_relevant(sentence.text) or is_contents(sentence.text):
                continue
            if _CAUSE_HEADING.search(heading) and not re.search(
                _STRONG.replace(" ", r"\s+"), sentence.text, re.IGNORECASE
            ):
                continue
            yield sentence

    def _item_without_cause(self, text: str) -> bool:
        """An alternative of a lead-in read on its own: "(d) By either party upon sixty days' notice"."""
        item = _ITEM.match(text)
        if not item:
            return False
        return self.relevant("This Agreement may be terminated " + text[item.end() :])

    def terminating_sides(self, context: Context) -> tuple[set[str], list[Sentence]]:
        sides: set[str] = set()
        hits = []
        for sentence in self.candidates(context):
            verb = re.search(r"terminat", sentence.text, re.I)
            side = context.subject_side(sentence.text, before=verb.start() if verb else None)
            if side == "unknown" and re.search(r"\bby (?:either|any|each) party|either party", sentence.text, re.I):
                side = "both"
            sides.add(side)
            hits.append(sentence)
        return sides, hits


def _alternatives(text: str) -> list[str]:
    """The sentence itself, or its lead-in joined to each enumerated alternative."""
    marks = list(_ENUMERATOR.finditer(text))
    if not marks:
        return [text]
    head = text[: marks[0].start()]
    ends = [m.start() for m in marks[1:]] + [len(text)]
    return [head + text[m.end() : end] for m, end in zip(marks, ends, strict=False)]
