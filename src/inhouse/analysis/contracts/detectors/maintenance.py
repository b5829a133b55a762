"""Maintenance: bug fixes and performance after delivery, with the free period, the monthly
fee and currency, and whether the scope is defined (what is covered, how fast)."""

from __future__ import annotations

import re

from inhouse.analysis.contracts.context import Context
from inhouse.analysis.contracts.detectors.base import Detector, rx
from inhouse.analysis.contracts.numbers import contract_dollar, durations_in_months, parse_money
from inhouse.analysis.contracts.structure import Sentence
from inhouse.domain.contracts import MaintenanceFinding

_MAINTENANCE = rx(
    r"(?<!predictive-)(?<!predictive\x20)(?<!preventive-)(?<!preventive\x20)(?<!preventative\x20)"
    r"\bmaintenance\b(?! (?:of|and repair of) (?:insurance|records|books|accounts|the premises|confidentiality))"
    # the client's own upkeep of its assets, named as a kind of record or trade: "fleet maintenance logs",
    # "the plant maintenance history", "maintenance crews"
    r"(?! (?:records?|logs?|history|histories|database|data\b|work orders?|technicians?|engineers?|crews?|staff|"
    r"personnel|teams?|depots?|yards?|workshops?)\b)"
    r"(?! (?:limited|ltd|llc|l\.l\.c|inc|gmbh|pty|plc|corporation|corp|co\b|company|group)\b)",
    r"(?:support|maintenance) (?:services|period|plan|fees?|term|agreement|package|retainer|tier|level)",
    r"(?:technical|ongoing|post[- ]?(?:launch|delivery|go-?live|acceptance)|production|second[- ]line|third[- ]line) support",
    r"bug[- ]?fix\w*",
    # the verb with the system as its object: "shall maintain the Route Planner for a monthly lump sum"
    r"\b(?:shall|will|must|agrees? to|undertakes? to) (?:continue to )?maintain (?:and support )?the "
    r"(?!(?:confidential|insurance|records?|books|accounts|escrow|deposit|premises|register|polic|security|"
    r"backups?|registration|trade ?marks?|marks|standards?)\w*\b)(?:[A-Z][\w-]+(?: [A-Z][\w-]+)?|system|software|"
    r"application|platform|solution|models?|deliverables)\b",
    r"(?:defect|error|bug) (?:correction|fixing|resolution|remediation)",
    r"(?:fix|correct|remedy|repair|resolve|remediate)\w* (?:any )?(?:[a-z]+ ){0,2}(?:bugs|defects|errors|incidents|"
    r"non-?conformit\w+|malfunctions|failures|anomal(?:y|ies))",
    r"warrant\w*[^.;]{0,120}?(?:free (?:from|of) (?:material )?(?:defects|errors)|perform (?:materially |substantially )?"
    r"in accordance|conform)",
    r"warranty period",
    # the civil-law guarantee of conformity: "guarantees the conformity of the work for a period of six months"
    r"guarantee period",
    r"\bguarantee[sd]?\b[^.;]{0,100}?\b(?:conformity|conform|free (?:from|of)|defects?|anomal(?:y|ies))\b[^.;]{0,80}?"
    r"\bfor a period of\b",
    r"hyper-?care",
    r"limited warranty",
    r"warrant(?:y|ies) (?:term|shall (?:extend|last|run|expire))",
    r"warrant(?:y|ies)\b(?:[^.;]|(?<=\d)\.(?=\d)){0,60}?(?:shall|will) (?:extend|last|run|expire|continue|remain in (?:force|effect))",
    r"warrant\w*[^.;]{0,160}?(?:for a period of|period of|for (?:\S+ ){1,3}(?:days|months|years)|from the date|"
    r"after (?:the )?(?:date|delivery|installation|shipment|acceptance))",
    # (replacing a person is staffing, not a remedy: "replace any member of staff at no additional charge")
    r"\b(?:repair|replace|correct)(?:s|ed)?\b(?! (?:any|the|a|such) (?:member|person|individual|consultant|engineer|"
    r"employee|personnel|staff|key personnel)\b)[^.;]{0,80}?(?:free of charge|at no (?:additional )?(?:cost|charge)|"
    r"without charge)",
    r"(?:defects?|deficienc\w+|non-?conform\w+|shortages?|discrepanc\w+)[^.;]{0,120}?(?:within|no later than|period)",
    r"(?:within|no later than|period)[^.;]{0,120}?(?:defects?|deficienc\w+|non-?conform\w+|shortages?|discrepanc\w+)",
    r"(?:safety )?updates?[^.;]{0,40}?without charge",
    r"service levels?",
    r"\bSLAs?\b",
    r"(?:response|resolution) times?",
    r"(?:security )?patch(?:es|ing)",
    r"updates? and upgrades?",
    r"model (?:drift|degradation|monitoring|retraining)",
    r"retrain\w* (?:of )?(?:the )?models?",
)
_SUPPORT_NOUN = re.compile(r"\bsupport\b", re.I)
_DOMAIN_SUPPORT = re.compile(r"\b(?:customer|decision|sales|field)[- ]support\b", re.I)
# the topics of a course: what it teaches, not what the vendor commits to do
_SYLLABUS = re.compile(
    r"(?:knowledge[- ]transfer|training|workshops?|sessions?|courses?|webinars?|classes)\b[^.;]{0,160}?\b(?:covering|"
    r"on how to|about how to|explaining|to teach)\b",
    re.I,
)
# Quality of what was delivered, the family CUAD's Warranty Duration covers beyond maintenance: warranty
# terms and their breach, and the windows to inspect, test, accept or reject a delivery. They speak
# about the clause (``relevant``) but are not a maintenance commitment (``detect`` skips them).
_DELIVERED = (
    r"(?:products?|goods|shipments?|deliver(?:y|ies|ables?)|batch(?:es)?|lots?|units?|systems?|software|"
    r"equipment|materials?|samples?|licensed technology|application|work product|services)"
)
_QUALITY = rx(
    r"\b(?:\w+|\d+)[- ](?:days?|weeks?|months?|years?)['’]? (?:limited |product |standard |extended )?warrant(?:y|ies)\b",
    r"warrant(?:y|ies) (?:of|for) (?:a period of )?(?:\w+ )?(?:\(\d+\) )?(?:days?|weeks?|months?|years?)",
    r"(?:breach of|fail\w* to (?:comply|conform) with) (?:the |this |such |any |its |these )?(?:foregoing |above |"
    r"express |limited )?warrant",
    r"(?:inspection|acceptance|rejection|test(?:ing)?|warranty|guarantee) period",
    r"\b(?:inspect|test|examine)(?:s|ed|ion|ing)?\b[^.;]{0,80}?" + _DELIVERED,
    r"\breject(?:s|ed|ion)?\b[^.;]{0,120}?(?:within|period|days|specifications?|non-?conform|defect|fail)",
    r"(?:within|period)[^.;]{0,80}?\breject",
    r"deemed (?:to )?(?:have )?(?:been )?accept",
    r"accept(?:ance)? or reject",
    # a delivery that fails its specification and the window to report it: "fails to conform to the Specifications",
    # "found damaged upon delivery ... report in writing within 48 hours"
    r"fail(?:s|ed|ure)? to (?:conform|comply) (?:to|with) (?:the |its |such |applicable )?(?:[a-z]+ )?specifications",
    r"(?:damaged|defective|non-?conforming|broken) (?:up)?on (?:delivery|receipt|arrival)",
    # the warranty's period before the promise: "For ninety days after delivery, Developer warrants that ..."
    r"(?:for|during|within) (?:a period of )?(?:\w+ )?(?:\(\d+\) )?(?:days?|months?|years?) (?:after|from|following) "
    r"[^.;]{0,60}?warrant",
    r"(?:materials? and|good) workmanship",
    # the warranty remedy and its window: "repaired or replaced ... within fifteen days"
    r"\b(?:repair|replace)(?:e?d|ment)? or (?:repair|replace)(?:e?d|ment)?\b[^.;]{0,160}?(?:within|period|warrant)",
    r"(?:no longer|not) covered by (?:the|any|such|its) (?:[a-z]+ )?warrant|out[- ]of[- ]warranty",
    r"(?:does|do|did|shall) not (?:meet|conform|comply) (?:to |with )?(?:the |its |such |applicable )?(?:specifications|"
    r"requirements|warrant)",
    r"(?:without|free of|no) (?:additional )?charge[^.;]{0,60}?(?:updates?|upgrades?|patch|fix|repair|replace)",
    r"free (?:from|of) (?:any )?(?:material |latent )?(?:defects?|errors?|faults?)",
    r"latent defects?",
    r"shelf[- ]life",
    r"(?:conform|perform|operate|function)\w*[^.;]{0,80}?(?:for a period of|for (?:\w+ )?\(?\d+\)? (?:days|months|years))"
    r"|(?:for a period of|during the (?:first )?(?:\w+ )?(?:\(\d+\) )?(?:days|months|years))[^.;]{0,80}?(?:conform|perform|"
    r"operate|function)\w*",
    r"guarantee\w*[^.;]{0,80}?(?:for (?:a period of )?(?:\w+ )?(?:\(\d+\) )?(?:days?|months?|years?))",
    r"(?:expiration|expiry|end|term|duration|length) of (?:the|any|such|its|this) (?:[a-z]+ )?warrant",
    r"claims?\b[^.;]{0,60}?(?:defect|damage|shortage|quality|non-?conform)[^.;]{0,100}?within",
    r"warrant(?:y|ies)[^.;]{0,80}?surviv\w*[^.;]{0,60}?(?:days?|months?|years?)",
    r"warrant\w*[^.;]{0,160}?(?:during|throughout) the (?:term|life|useful life|service life)\b",
    r"remaining (?:shelf life|expiry|dating)|\bmonths?['’]? dating\b",
    r"(?:notify|notice|claim|report)\w*[^.;]{0,80}?within[^.;]{0,40}?(?:of|after|from|following) (?:the )?"
    r"(?:[\w.]+['’]s? )?(?:date of )?(?:receipt|delivery|installation|shipment|arrival)",
)
# A deficiency or discrepancy in a payment or an audited amount is not a defect in what was delivered.
_MONEY_GAP = re.compile(
    r"(?:deficienc|discrepanc)\w*[^.;]{0,80}?(?:pay|audit|invoice|royalt|amount|\breports?\b(?! to)|"
    r"statement)|"
    r"(?:pay|audit|invoice|royalt|underpay|overpay)\w*[^.;]{0,80}?(?:deficienc|discrepanc)",
    re.IGNORECASE,
)
_SERVICE_WORDS = re.compile(r"mainten|support|warrant|defect|bug|repair|non-?conform", re.IGNORECASE)
# What every maintenance commitment mentions (a cheaper filter than the one for the quality family).
_COMMITMENT_WORDS = re.compile(
    r"mainten|maintain|support|bug|defect|error|fix|correct|remed|repair|resolv|warrant|hyper|"
    r"service level|sla|respon|resolution|patch|update|drift|retrain|incident|malfunction|"
    r"failure|conform|deficien|shortage|discrepan|replace|charge",
    re.IGNORECASE,
)
_NOT_DELIVERY = re.compile(
    r"\b(?:books|records|accounts|premises|facilit(?:y|ies)|audit\w*|invoices?|financial|"
    r"(?<!shall )(?<!will )(?<!must )(?<!to )reports?|statements?)\b",  # the noun, not "shall report"
    re.IGNORECASE,
)
_VERB = re.compile(r"\b(?:shall|will|may|must|is|are|be|has|have|agrees?|provides?|means|warrants?)\b", re.IGNORECASE)
_FREE = rx(
    r"(?:free|no (?:additional |extra |further )?(?:charge|cost|fee)|without (?:additional |extra |further )?(?:charge|"
    r"cost|fee)|at no (?:additional |extra |further )?(?:charge|cost)|free of charge|included in the (?:fees|price|"
    r"project fee|fixed fee|contract price)|complimentary|warranty period|guarantee period|hyper-?care|defects? liability period|"
    r"defects? (?:notification|correction|rectification) period|limitation period for (?:claims (?:for|based on) )?defects)",
)
_FREE_NAME = re.compile(r"(?<![\"“])\b(?:the )?Free(?: [A-Z][\w-]*)+(?![\"”])")
_EXPLICITLY_FREE = rx(
    r"\bfree\b|no (?:additional |extra |further )?(?:charge|cost|fee)|without (?:additional |extra |further )?(?:charge|"
    r"cost|fee)|at no (?:additional |extra |further )?(?:charge|cost)|included in|complimentary",
)
#: a window that starts at a delivery event: "within sixty days after Final Acceptance"
_ANCHOR = (
    r"\s*(?:\(\d+\)\s*)?(?:after|from|following|of) (?:the )?(?:date of )?(?:final |each |the )?(?:acceptance|delivery|"
    r"go-?live|installation|completion|launch|handover|hand-over)"
)
#: support paid through another fee: "Support is included in the Annual Subscription Fee"
_INCLUDED_IN = re.compile(
    r"(?:support|maintenance)[^.;]{0,60}?(?:is|are|shall be|will be) included in (?:the )?(?P<fee>(?:[A-Za-z-]+ ){0,3}"
    r"(?:fees?|price|charges?))(?: (?:of|for) (?:every|each|the|your|any|its) (?P<item>[\w-]+))?",
    re.IGNORECASE,
)
_TOTAL_VALUE = re.compile(
    r"\b(?:contract|order|agreement|call-off|estimated|total|aggregate) (?:contract )?(?:value|price|sum)\b\W{0,12}$",
    re.I,
)
_SUPPORT_LABEL = re.compile(r"\b(?:support|maintenance|maintain|AMC|hyper-?care|care|SLA)\b", re.I)
_OTHER_FEE_LABEL = re.compile(
    r"\b(?:subscription|implementation|licen[cs]e|resource|development|set-?up|onboarding|project|build|"
    r"hosting only|professional services)\b",
    re.I,
)
#: the other way round: "the Platform Charges cover hosting and support"
_FEE_INCLUDES = re.compile(
    r"(?P<fee>(?:[A-Za-z-]+ ){0,3}(?:fees?|price|charges?)) (?:include|includes|covers?|comprises?)\b[^.;]{0,60}?"
    r"(?:support|maintenance)",
    re.IGNORECASE,
)
# the words of a promise: a sentence without them only names the subject ("retraining, which it may perform")
_PROMISE = re.compile(
    r"\b(?:shall|will|must|undertakes?|agrees?|commits?|warrants?|guarantees?|is responsible|includes?|included|"
    r"provides?|comprises?|covers?)\b|\|",
    re.IGNORECASE,
)
# a term defined where the support is promised: "... together with managed support services (the "Services")"
_DEFINED_HERE = re.compile(r"\((?:the\s+)?[\"“]\**(?P<term>[A-Z][\w-]*(?: [A-Z][\w-]*){0,3})\**[\"”]\)")
_MONTHLY = re.compile(r"per (?:calendar )?month|a month|monthly|/\s?(?:month|mo)\b|each month|every month", re.I)
_YEARLY = re.compile(
    r"(?i:per (?:annum|year|calendar year)|annual(?:ly)?|a year|yearly|/\s?(?:year|yr)\b|each year)|"
    r"\b(?:YR|YRS|Yr|yr)\b",  # the unit column of an order line
)
_AFTER_FREE = re.compile(
    r"[^.;]{0,20}?\b(?:start|begin|commenc|run)\w*\s+(?:at|on|upon|from|after)\s+(?:the\s+)?(?:end|expiry|expiration)\s+of\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:warranty|free|defects? liability)",
    re.I,
)
_COLUMN_CURRENCY = re.compile(r"\b(?:price|amount|fee|charge|cost|total|rate)s?\s*\(([A-Z]{3})\)", re.I)
_BARE_FIGURE = re.compile(r"\|\s*(\d{1,3}(?:,\d{3})+(?:\.\d{2})?)\s*\|?\s*$")
_IN_WORDS = re.compile(r"\s*\([^()\d]{3,120}\)")
_QUARTERLY = re.compile(r"per (?:calendar )?quarter|quarterly|each quarter|every quarter|a quarter\b", re.I)
_HOURLY = re.compile(
    r"per (?:hour|day|person[- ]day|man[- ]day)|hourly|daily rate|day rate|/\s?(?:hour|hr|day)\b", re.I
)
_SCOPE = {
    "defects": rx(
        r"bugs?", r"defects?", r"errors?", r"incidents?", r"malfunctions?", r"non-?conformit", r"anomal(?:y|ies)"
    ),
    "performance": rx(
        r"performance", r"degradation", r"latency", r"accuracy", r"drift", r"throughput", r"availability", r"uptime"
    ),
    "response": rx(
        r"response times?",
        r"resolution times?",
        r"respond within",
        r"resolve[d]? within",
        r"severity",
        r"priority (?:1|one|levels?)",
        r"\bP[1-4]\b",
        r"service levels?",
        r"\bSLAs?\b",
        r"business hours",
        r"(?:respon|answer|acknowledg|resolv|restor|attend)\w*[^.;]{0,40}?within (?:\S+ ){1,3}"
        r"(?:hours?|business days?|days?)",
        r"within (?:\S+ ){1,3}(?:hours?|business hours?)",
        r"responses? within",
    ),
    "updates": rx(
        r"security (?:patches|updates|fixes)",
        r"patch",
        r"updates?",
        r"upgrades?",
        r"compatib",
        r"retrain",
        r"dependenc",
    ),
    "exclusions": rx(
        r"(?:does|shall|will) not (?:cover|include)", r"excluded", r"exclusions?", r"out of scope", r"not covered"
    ),
}
_NOT_PROVIDED = rx(
    r"(?:no|not (?:include|provide|cover)\w*|without) (?:any )?(?:maintenance|support|warranty)",
    r"(?:maintenance|support)[^.;]{0,100}?(?:is|are|shall be|will be) (?:not included|excluded|out of scope|"
    r"(?:the )?subject (?:of|to) a separate|not (?:a )?part of|outside (?:the )?scope of)",
    r"(?:maintenance|support)[^.;]{0,60}?separate (?:[\w-]+ )?(?:agreement|contract|order)",
    r"\bas[- ]is\b",
    # a label that switches it off: "Support after go-live: not included"
    r"(?:maintenance|support)\b[^.;:|\n]{0,40}?[:|]\s*(?:not included|excluded|none\b|n/a\b|not applicable)",
    # the upkeep stays with the client: "support of the hardware remains the responsibility of the Buyer"
    r"(?:maintenance|support)\b[^.;]{0,60}?remains? (?:with|the responsibility of|a matter for) (?:the )?(?:client|customer|"
    r"buyer|licensee|company|principal|purchaser)",
    r"(?:client|customer|buyer|licensee|principal|purchaser) (?:is|remains|shall be) (?:solely )?responsible for (?:the )?"
    r"(?:[a-z]+ )?(?:maintenance|support)\b",
    r"no (?:obligation|duty|commitment)[^.;]{0,80}?(?:support|maintain|maintenance|update|fix|correct)",
    # "we are not obliged to provide any support, fixes or updates"
    r"not (?:be )?(?:obliged|required|obligated|bound) to (?:provide|give|offer|deliver|perform)[^.;]{0,30}?(?:support|"
    r"maintenance|fix|updates?|corrections?)",
    r"(?:will|shall) not (?:otherwise )?(?:provide |offer )?(?:any )?(?:further |ongoing )?(?:support|maintain|maintenance)\b"
    r"(?![^.;]{0,60}?(?:until|except|other than))",
)


class Maintenance(Detector):
    kind = "maintenance"
    prefilter = re.compile(
        r"mainten|maintain|support|bug|defect|error|fix|correct|remed|repair|resolv|warrant|hyper|service level|"
        r"sla|respon|resolution|patch|update|drift|retrain|incident|malfunction|failure|conform|"
        r"deficien|shortage|discrepan|replace|inspect|test|examin|reject|accept|specification|"
        r"guarantee|charge|shelf|dating|claim|notif|free|damag|workmanship",
        re.IGNORECASE,
    )

    def relevant(self, text: str) -> bool:
        if len(text.split()) <= 6 and not _VERB.search(text):
            return False  # a bare title ("SOFTWARE MAINTENANCE AGREEMENT") names a subject; the text below speaks
        if self.commitment(text):
            return True
        return bool(_QUALITY.search(text)) and not _NOT_DELIVERY.search(text)

    def commitment(self, text: str) -> bool:
        """Does ``text`` speak about maintenance or support proper (what ``detect`` counts)?"""
        text = _DOMAIN_SUPPORT.sub(" ", text)  # "customer-support ticket routing" names the client's business
        syllabus = _SYLLABUS.search(text)
        if syllabus and not _MAINTENANCE.search(text[: syllabus.start()]):
            return False  # what a training covers ("sessions covering monitoring and model retraining")
        if _MAINTENANCE.search(text):
            return not _MONEY_GAP.search(text) or bool(_SERVICE_WORDS.search(text))
        return bool(
            _SUPPORT_NOUN.search(text)
            and re.search(
                r"provide|shall|will|period|month|fee|severity|priority|respon|answer|portal|included in", text, re.I
            )
            and not re.search(
                r"in support of|support (?:the|its|his|her|their) (?:position|claim|efforts|"
                r"application|defen)|supporting documentation|ceas\w* to (?:\w+ )?support|discontinu\w* (?:\w+ )?support|"
                # support as funding: "acknowledges the funder's support", "financial support"
                r"acknowledg\w*[^.;]{0,40}?support|(?:financial|funding|sponsorship) support|support (?:of|from) "
                r"(?:the )?(?:sponsor|funder|donor)",
                text,
                re.I,
            )
        )

    def detect(self, context: Context) -> MaintenanceFinding:
        hits: list[Sentence] = []
        refused: list[Sentence] = []
        for sentence in context.sentences():
            if (
                not _COMMITMENT_WORDS.search(sentence.text)
                or context.is_heading(sentence)
                or not self.commitment(sentence.text)
            ):
                continue
            if re.search(r"\bmeans\b|shall mean", sentence.text) and "definition" in context.heading(sentence):
                continue
            if len(sentence.text.split()) <= 6 and not _VERB.search(sentence.text) and ":" not in sentence.text:
                continue  # a title ("Special Condition 4 (Ongoing Support).") says what follows, not a promise
            if _NOT_PROVIDED.search(sentence.text):
                refused.append(sentence)
            else:
                hits.append(sentence)
        if refused and not any(_PROMISE.search(s.text) for s in hits):
            hits = []  # support refused, and what is left promises nothing ("retraining, which it may perform")
        if not hits:
            return MaintenanceFinding(status="absent", evidence=[context.evidence(s) for s in refused[:2]])
        section_texts = self._section_texts(context, hits)
        free_months = self._free_months(self._with_definitions(context, hits))
        fee, currency = self._monthly_fee(hits, context)
        covered = {name for name, pattern in _SCOPE.items() if any(pattern.search(t) for t in section_texts)}
        scope_defined = len(covered - {"exclusions"}) >= 2 or ("response" in covered and len(covered) >= 2)
        ordered = sorted(hits, key=lambda s: -self._weight(s.text))[:3]
        return MaintenanceFinding(
            status="present",
            free_months=free_months,
            monthly_fee=fee,
            currency=currency,
            scope_defined=scope_defined,
            evidence=sorted((context.evidence(s) for s in ordered), key=lambda e: e.start),
        )

    @staticmethod
    def _weight(text: str) -> int:
        return (
            3 * bool(re.search(r"maintenance|support", text, re.I))
            + 2 * bool(_FREE.search(text))
            + 2 * bool(parse_money(text))
            + bool(re.search(r"month", text, re.I))
        )

    @staticmethod
    def _section_texts(context: Context, hits: list[Sentence]) -> list[str]:
        texts = [s.text for s in hits]
        for sentence in hits:  # a list that runs on in the same line ("Support: portal; Severity 1 within 1 hour")
            line_end = context.text.find("\n", sentence.end)
            if line_end > sentence.end and context.text[sentence.end - 1 : sentence.end] in (";", ":"):
                texts.append(context.text[sentence.start : line_end])
        seen = set()
        for sentence in hits:
            if (
                sentence.section >= 0
                and sentence.section not in seen
                and re.search(r"maintenance|support|warranty|service level", context.heading(sentence))
            ):
                seen.add(sentence.section)
                section = context.doc.sections[sentence.section]
                texts.append(context.text[section.start : section.end])
        return texts

    @staticmethod
    def _with_definitions(context: Context, hits: list[Sentence]) -> list[str]:
        """Each sentence, followed by the definitions of the terms it uses when it states no period
        or amount of its own ("during the Warranty Period", defined at the end as sixty days)."""
        texts = []
        for sentence in hits:
            text = sentence.text
            if not durations_in_months(text):
                defined = context.defined_in(text)
                if defined:
                    text = f"{text} {defined}"
            texts.append(text)
        return texts

    @staticmethod
    def _free_months(texts: list[str]) -> float | None:
        best = None
        for text in texts:
            if not _FREE.search(text):
                continue
            # a reference to a defined period named "free" is not a promise of this sentence ("together with
            # the Free Support Period, for a fee of NZ$900 per month"); the definition itself is
            explicit = _EXPLICITLY_FREE.search(_FREE_NAME.sub(" ", text))
            if not explicit and any(not _HOURLY.search(text[end : end + 40]) for _a, _c, _s, end in parse_money(text)):
                continue  # "support after the Warranty Period for twelve months at $2,000 a month" is paid
            for months, start, end in durations_in_months(text):
                before = text[max(0, start - 25) : start].lower()
                anchored = re.match(_ANCHOR, text[end : end + 60], re.I)
                if re.search(r"\b(?:once|twice|thrice|times|per|every|each)\s*$", before):
                    continue  # a frequency ("twice a year"), not a period
                if _AFTER_FREE.match(text, end):
                    continue  # "a support term of three years starting at the end of the Warranty Period" is paid
                if (
                    re.search(r"within|notice|after|prior|respond|resolve", before)
                    and not re.search(r"for|period", before)
                    and not (anchored and re.search(r"notif|report|within", before))
                ):
                    continue
                if months < 0.9 or months > 60:
                    continue
                best = months if best is None else max(best, months)
        return round(best, 1) if best is not None else None

    @classmethod
    def _monthly_fee(cls, hits: list[Sentence], context: Context) -> tuple[float | None, str | None]:
        dollar = contract_dollar(context.text)
        fee, code = cls._fee_in(hits, dollar)
        if fee is not None:
            return fee, code
        defined = [meaning for s in hits if (meaning := context.defined_in(s.text))]
        fee, code = cls._fee_texts(defined, dollar)
        if fee is not None:
            return fee, code
        for sentence in hits:  # "Support is included in the subscription fee": that fee, stated elsewhere
            included = _INCLUDED_IN.search(sentence.text)
            includes = None if included else _FEE_INCLUDES.search(sentence.text)
            if not included and not includes:
                continue
            # "included in the price of every Plan": the Plan's price, stated where the Plan is priced
            if included:
                words = included.group("item") or " ".join(included.group("fee").split()[-2:])
            else:
                assert includes is not None
                words = " ".join(includes.group("fee").split()[-2:])
            name = re.escape(words)
            named = [s for s in context.sentences() if s is not sentence and re.search(name, s.text, re.I)]
            fee, code = cls._fee_in(named, dollar)
            if fee is not None:
                return fee, code
            fee, code = cls._column_fee(context, named, name, dollar)
            if fee is not None:
                return fee, code
        fee, code = cls._fee_of_defined_services(context, hits, dollar)
        if fee is not None:
            return fee, code
        return cls._priced_line(context.text, dollar)

    @staticmethod
    def _priced_line(text: str, dollar: str) -> tuple[float | None, str | None]:
        """A line of a price table whose header names the currency ("| Unit price (EUR)") and whose row
        names a yearly or monthly support line with a bare figure ("| Annual Support, Year 1 | 1 | 9,000.00")."""
        if "|" not in text:
            return None, None
        code = None
        for line in text.splitlines():
            if "|" not in line:
                continue
            header = _COLUMN_CURRENCY.search(line)
            if header:
                code = next((c for _a, c, _s, _e in parse_money(f"{header.group(1)} 1", dollar=dollar)), None)
                continue
            row = _BARE_FIGURE.search(line)
            if code is None or row is None:
                continue
            label = line[: row.start()]
            if not _SUPPORT_LABEL.search(label) or _HOURLY.search(label):
                continue
            amount = float(row.group(1).replace(",", ""))
            if _MONTHLY.search(label):
                return amount, code
            if _YEARLY.search(label):
                return round(amount / 12, 2), code
        return None, None

    @classmethod
    def _column_fee(
        cls, context: Context, named: list[Sentence], name: str, dollar: str
    ) -> tuple[float | None, str | None]:
        """The fee a table column names in its header ("| Yearly Charge (EUR) |"), read in the row below
        it: the header says the period, the row the amount."""
        sentences = context.sentences()
        for header in named:
            if "|" not in header.text:
                continue
            column = re.search(rf"[^|]*{name}[^|]*", header.text, re.I)
            if column is None or parse_money(column.group(0), dollar=dollar):
                continue
            monthly, yearly = bool(_MONTHLY.search(column.group(0))), bool(_YEARLY.search(column.group(0)))
            if not (monthly or yearly):
                continue
            index = next((i for i, s in enumerate(sentences) if s.start == header.start), -1)
            # the rows: in the same sentence after the header (a Markdown table) or in the next ones (HTML)
            rows = [header.text[column.end() :]] + [s.text for s in sentences[index + 1 : index + 3]]
            for row in rows:
                amounts = [
                    (a, c)
                    for a, c, _s, end in parse_money(row, dollar=dollar)
                    if not _HOURLY.search(row[end : end + 40])
                ]
                if len(amounts) == 1:
                    amount, code = amounts[0]
                    return (amount if monthly else round(amount / 12, 2)), code
                if amounts:
                    break
        return None, None

    @classmethod
    def _fee_of_defined_services(
        cls, context: Context, hits: list[Sentence], dollar: str
    ) -> tuple[float | None, str | None]:
        """The fee for a defined term that a support sentence defines ("hosting together with managed support
        (the "Services")"), priced elsewhere ("For the Services the Client shall pay a monthly fee of ...")."""
        terms = {m.group("term") for s in hits for m in _DEFINED_HERE.finditer(s.text)}
        # a schedule titled with the services' name lists the support ("Appendix 1 - Managed Services:
        # ... maintenance of the platform"); the fee is priced for that name ("in consideration of the
        # Managed Services ... a fee of ... per quarter"), written as a capitalised term
        for sentence in hits:
            title = context.doc.section_title(sentence).strip(" .:")
            title = re.sub(
                r"^(?:(?:schedule|appendix|annex|annexure|exhibit|part)\s+\w+\s*[-–—:]?\s*)", "", title, flags=re.I
            )
            if re.fullmatch(r"(?:[A-Za-z-]+ ){0,3}services", title, re.I):
                terms.add(" ".join(word[:1].upper() + word[1:] for word in title.split()))
        for term in sorted(terms):
            pattern = re.compile(rf"\b(?i:for|of) (?i:the |all )?{re.escape(term)}\b")
            priced = [s for s in context.sentences() if s not in hits and pattern.search(s.text)]
            fee, code = cls._fee_in(priced, dollar)
            if fee is not None:
                return fee, code
        return None, None

    @classmethod
    def _fee_in(cls, hits: list[Sentence], dollar: str) -> tuple[float | None, str | None]:
        return cls._fee_texts([s.text for s in hits], dollar)

    @staticmethod
    def _fee_texts(texts: list[str], dollar: str) -> tuple[float | None, str | None]:
        """The first monthly (or yearly, divided by twelve) amount, preferring one whose label names the
        support or maintenance over one whose label names another fee: in a schedule of rates the
        subscription, resource or implementation fee sits beside the support fee."""
        found: list[tuple[int, float, str]] = []
        for text in texts:
            previous_end = 0
            for amount, code, start, end in parse_money(text, dollar=dollar):
                label = text[max(previous_end, start - 80) : start]
                previous_end = end
                # the amount repeated in words ("S$9,000 (nine thousand dollars) a year") does not move
                # the period away from it
                words = _IN_WORDS.match(text, end)
                end = words.end() if words else end
                window = text[max(0, start - 60) : end + 60]
                tail = text[end : end + 40]
                if _HOURLY.search(tail):
                    continue
                if _TOTAL_VALUE.search(text[max(0, start - 40) : start]):
                    continue  # "Contract value: £148,800" is the whole contract, whatever the next line says
                if _MONTHLY.search(window):
                    value = amount
                elif _YEARLY.search(window):
                    value = round(amount / 12, 2)
                elif _QUARTERLY.search(window):
                    value = round(amount / 3, 2)
                else:
                    continue
                rank = 2 if _SUPPORT_LABEL.search(label) else 0 if _OTHER_FEE_LABEL.search(label) else 1
                found.append((rank, value, code))
        if not found:
            return None, None
        best = max(rank for rank, _v, _c in found)
        _rank, value, code = next(item for item in found if item[0] == best)
        return value, code
