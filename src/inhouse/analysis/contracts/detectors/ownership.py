"""Deliverable ownership: who owns the code, models, data and documentation made under
the contract: "client", "partial", "vendor" or "absent", with the conditions attached.

Each ownership or licence sentence is read for three things: what it is about (the
deliverables, the vendor's pre-existing or background IP, trained models), who ends up
owning it (the party after "vest in", "property of", "assigns to", or before "owns",
"retains"), and whether the client gets a perpetual licence to what the vendor keeps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from inhouse.analysis.contracts.context import Context
from inhouse.analysis.contracts.detectors.base import Detector, rx
from inhouse.analysis.contracts.structure import Sentence
from inhouse.domain.contracts import ContractRedFlag, EvidenceSpan, OwnershipFinding

_OWNERSHIP = rx(
    r"(?:shall|will|does|do) (?:solely |exclusively )?(?:be|become|remain|vest)\w* (?:and remain )?(?:the )?(?:sole )?"
    r"(?:and exclusive )?(?:exclusive )?(?:property|owner|proprietor)",
    r"(?<!its\x20)(?<!their\x20)(?<!his\x20)(?<!her\x20)(?<!your\x20)(?<!our\x20)(?<!my\x20)(?<!whose\x20)"
    r"\bown(?:s|ed|ership|er)?\b(?!\x20(?:expense|cost|account|behalf|risk|discretion|initiative|judgment|"
    r"employees|personnel|use|business|products))",
    r"right,? title,? and interest",
    r"\bvest(?:s|ed|ing)? (?:[a-z]+ ){0,3}(?:in|with)\b",
    r"\b(?:hereby |shall |will |agrees? to |irrevocably |does hereby )(?:[a-z]+ ){0,2}assign",
    r"assign(?:s|ed|ment)? (?:and transfer(?:s)? )?(?:to [A-Z][A-Za-z]+ )?(?:all|any and all|its|his|her|the entire) "
    r"(?:of its |of their )?(?:right|title|interest|intellectual|ownership|rights)",
    r"works? made for hire|work for hire",
    r"(?:jointly|co-?)[- ]?own|joint (?:ownership|property|owners)",
    r"(?:belong|inure|enure)s? (?:solely |exclusively )?to",
    r"\bproperty of\b",
    r"\bretain(?:s|ed)? (?:all |sole |its |exclusive )?(?:right|title|ownership|interest|intellectual|copyright|rights)",
    r"reserve[sd]? (?:to itself )?all (?:rights|right)",
    r"\bassign\w*\b[^.;]{0,80}?(?:patents?|trademarks?|copyrights?|domain names?|applications?|regulatory|\bIND\b|"
    r"rights?|title|interest|inventions?)",
    r"\bjoint(?:ly)? (?:owned|registered|names?|patents?|inventions?|ip|intellectual|property|ownership)",
    r"copyright holder|holder of (?:the )?copyright",
    # "all rights in the engine shall remain with the Developer"
    r"\b(?:rights?|title|ownership)\b[^.;]{0,120}?\b(?:shall|will|does|do|is to) (?:at all times )?(?:remain|rest|stay)"
    r"(?: vested)? (?:with|in)\b",
    # "title to the results shall pass to the Buyer on delivery"
    r"\b(?:rights?|title|ownership)\b[^.;]{0,200}?\b(?:pass|passes|shall pass|will pass|transfers?|shall transfer|will transfer)"
    r" to\b",
    # the rights after the verb: "the Developer transfers to the Buyer the author's economic rights to the code"
    r"\b(?:transfers?|assigns?|conveys?)\b (?:to (?:the )?[A-Z][\w-]* )?(?:all |the )?(?:[\w'’-]+ ){0,3}?(?:economic |"
    r"proprietary |exploitation |property |intellectual property )?rights\b",
)
_LICENCE = rx(
    r"(?:grant|grants|granted|granting) (?:to )?(?:[A-Za-z ,]+ )?(?:a |an |the )?[^.;]{0,160}?licen[cs]e",
    r"licen[cs]e (?:is |are )?(?:hereby )?granted",
    r"\blicen[cs]e(?:s|d)? (?:to|under) (?:use|make|sell|reproduce|distribute|practice|exploit|the)",
    r"(?:non-?exclusive|exclusive|perpetual|irrevocable|royalty[- ]free|fully[- ]paid|worldwide|non-?transferable|"
    # the words between: letters with inner hyphens only, so a run of dashes ("------" under a
    # signature line) is read one way, never split between words and separators (exponential)
    r"sublicensable|limited|revocable)\W+(?:[a-z]+(?:-[a-z]+)*\W+){0,6}(?:licen[cs]e|right to use)",
    r"\bsub-?licen[cs]",
    r"hereby grants?",
    r"right to (?:use|reproduce|modify|distribute|exploit|sublicense)",
    r"\bgrant\w*\b[^.;]{0,80}?\brights?\b",
    r"rights? (?:to|of) (?:use|usage|utiliz\w+|exploit|reproduce|distribute|sell|create|market|promote|practice|make|"
    r"access|display|perform|publish|broadcast|manufacture|commerciali[sz]e)",
    r"\blicensed\b",
    r"(?:permit|allow|authori[sz]e)\w* [^.;]{0,60}?to (?:access and )?use",
)
DELIVERABLES = re.compile(
    r"deliverables?|work product|work results?|foreground|project (?:ip|intellectual property|materials|results)|"
    r"developments?|inventions?|bespoke|custom(?:ised|ized)? (?:code|software|models?|components)|"
    r"(?:source|object) code|software|code\b|models?\b|model weights|weights|documentation|work\b|"
    r"results|materials (?:created|developed|prepared|produced)|(?:created|developed|conceived|prepared|produced|made|"
    r"authored|generated)[^.;]{0,40}?(?:under|in (?:the )?(?:course|performance)|pursuant|in connection with|for (?:the )?"
    r"(?:client|customer|company))|(?:intellectual property|ip) (?:rights )?(?:created|developed|arising|generated)|"
    r"all intellectual property|(?:new|foreground|project|arising|bespoke|commissioned) (?:iprs?|ip|"
    r"intellectual property)\b",
    re.IGNORECASE,
)
BACKGROUND = re.compile(
    r"pre-?existing|background|(?:vendor|supplier|provider|contractor|consultant|developer|agency)['’]?s? "
    r"(?:own |proprietary |general )?(?:tools|materials|ip|intellectual property|technology|platform|libraries|"
    r"frameworks|know-how|methodolog)|retained (?:ip|intellectual property|materials)|proprietary (?:tools|platform|"
    r"technology|libraries|frameworks|materials)|general (?:skills|know-how|knowledge)|know-how|residual|"
    r"independently developed|prior (?:ip|inventions|works)|third[- ]party (?:materials|components|software)|"
    r"open[- ]source|existing (?:ip|intellectual property|materials|technology)|(?:vendor|supplier|provider) (?:ip|"
    r"materials|technology|tools)|tools and (?:materials|methodolog)|(?:its|their) (?:own )?(?:[a-z-]+ )?(?:tools|libraries|"
    r"frameworks|utilities|templates)|"
    # what existed before the contract, said in a relative clause: "its library, which existed before the Agreement"
    r"\b(?:existed|existing|created|developed|written|owned) (?:by [a-z]+ )?(?:before|prior to) (?:the |this )?(?:date of (?:the |this )?)?"
    r"(?:agreement|contract|effective date|commencement|start|order|sow|statement of work)",
    re.IGNORECASE,
)
MODELS = re.compile(
    r"model weights|trained models?|(?:the )?weights\b|fine-?tuned models?|(?:machine[- ]learning|ml|ai) "
    r"models?|\bmodels?\b(?! (?:contract|clause|agreement))",
    re.IGNORECASE,
)
CLIENT_ASSETS = re.compile(
    r"(?:client|customer|company|buyer|licensee)(?:['’]s)? (?:data|materials|content|"
    r"confidential|information|inputs?|marks|trademarks|pre-?existing|background|property|systems)",
    re.IGNORECASE,
)
# "an application developed for the Buyer by another firm and owned by the Buyer"
_MADE_ELSEWHERE = re.compile(
    # (a right "to have it further developed by third parties" is the client's, not a thing made elsewhere)
    r"(?<!further )(?<!have it )(?<!have them )\b(?:developed|created|written|built|made|supplied)\b[^.;|]{0,40}?\bby "
    r"(?:a |an |another |some )?(?:other |previous |"
    r"former |earlier )?(?:third[- ]part(?:y|ies)|(?:other|previous|former|earlier) (?:supplier|vendor|developer|contractor)s?)\b",
    re.IGNORECASE,
)
# things made in performing the contract, named in a sentence that keeps them with the vendor
_MADE_IN_PERFORMANCE = re.compile(
    r"\bby whomever (?:made|developed|created|written)|\b(?:whether or not|even if|including those) (?:made|developed|"
    r"created|built|written|prepared) (?:specifically |exclusively |solely |especially )?for (?:the )?[A-Z]|\barising "
    r"(?:from|out of|in the course of) (?:the )?[A-Z][\w-]*(?: [A-Z][\w-]*)?['’]s? performance",
)
# the data a party owns is its asset, not a deliverable: "The Company owns the data collected from its users"
_OWNS_DATA = re.compile(r"\bowns?\s+(?:all\s+)?(?:the\s+)?(?:[a-z]+\s+)?(?:data|records|information)\b")
_PERPETUAL = re.compile(r"perpetual|irrevocable", re.IGNORECASE)
_CONDITIONS = rx(
    r"\b(?:upon|on|after|following|subject to|conditional (?:up)?on|contingent (?:up)?on|provided that|once|until)"
    r"[^.;]{0,40}?(?:full|final|complete|receipt of|payment in full)[^.;]{0,30}?payment(?: in full)?(?: of [^.;,]{0,60})?",
    r"\b(?:upon|on|after|following|subject to|conditional (?:up)?on)[^.;]{0,20}?payment in full(?: of [^.;,]{0,60})?",
    r"\b(?:upon|on|after|following|subject to|conditional (?:up)?on) (?:the )?(?:client['’]s |customer['’]s )?"
    r"(?:final )?acceptance(?: of [^.;,]{0,40})?",
    r"\b(?:upon|on|after|following) (?:the )?(?:termination|expiry|expiration|completion|delivery)(?: of [^.;,]{0,40})?",
    r"\b(?:until|unless) [^.;]{0,20}?(?:paid|payment)[^.;,]{0,40}",
    r"\b(?:upon|on|after|following|subject to|once)[^.;]{0,30}?(?:receipt|payment)[^.;]{0,30}?\b(?:full|final|entire|"
    r"total|whole)\b[^.;,]{0,30}?(?:price|fees?|amounts?|charges?|consideration|sums?)",
    r"\b(?:when|once|after|upon) (?:the )?[A-Z]?[a-z]+ (?:has|have) paid[^.;,]{0,60}",
    # "on payment of all Fees then due", "upon payment of the milestone invoice for that deliverable"
    r"\b(?:upon|on|after|following|subject to|once) (?:the )?(?:[A-Z][\w-]*['’]s )?payment (?:of|for) (?:all|the|each|every|any)"
    r"\b[^.;,]{0,60}",
    # the signed record of acceptance: "upon signing the acceptance protocol", "on signature of its acceptance report"
    r"\b(?:upon|on|after|following|subject to|from)\s+(?:the\s+)?(?:date of\s+)?(?:signing|signature|execution)\s+(?:of\s+)?"
    r"(?:the\s+|its\s+|each\s+|an?\s+)?(?:[A-Za-z-]+\s+){0,2}?acceptance\s+(?:protocol|report|certificate|note|record|form)s?",
)
# a sentence on when the client's ownership takes effect, naming no party: "The assignment of rights in each
# phase takes effect on ..."
_TAKES_EFFECT = re.compile(
    r"\b(?:assignment|transfer|vesting|passing) of (?:the )?(?:[a-z'’]+ )?(?:rights|ownership|title|copyright)\b[^.;]{0,80}?"
    r"\b(?:take|takes|shall take|will take) effect|\b(?:ownership|title|rights) (?:in [^.;]{0,40}?)?(?:shall |will )?"
    r"(?:pass|vest|transfer)\b",
    re.IGNORECASE,
)
#: a civil-law grant of the work itself (the author keeps only the bare copyright): "an exclusive right of
#: use, unrestricted as to time and place, in the results" is the client's
#: ownership, not a licence
CIVIL_LAW_GRANT = rx(
    r"(?<!non-)(?<!non)\bexclusive\b[^.;]{0,40}?\brights?\b[^.;]{0,120}?\b(?:unlimited|unrestricted) (?:in|as to) (?:time|"
    r"territory|space|content)",
    r"(?<!non-)(?<!non)\bexclusive\b[^.;]{0,40}?\brights? (?:of|to) (?:use|exploitation|exploit)\b[^.;]{0,200}?\ball "
    r"(?:known )?(?:and unknown )?(?:types|kinds|forms) of (?:use|exploitation)",
)
_NEGATED_CLIENT = rx(r"(?:client|customer|company|buyer) (?:shall|will|does) not (?:acquire|obtain|own|have|receive)")


@dataclass
class _Reading:
    client_owns: list[Sentence] = field(default_factory=list)
    vendor_owns: list[Sentence] = field(default_factory=list)
    vendor_models: list[Sentence] = field(default_factory=list)
    background: list[Sentence] = field(default_factory=list)
    perpetual_licence: list[Sentence] = field(default_factory=list)
    licence_to_client: list[Sentence] = field(default_factory=list)
    joint: list[Sentence] = field(default_factory=list)
    conditions: list[str] = field(default_factory=list)


class DeliverableOwnership(Detector):
    kind = "deliverable_ownership"
    prefilter = re.compile(
        r"\bown|propert|title|vest|assign|hire|licen|belong|inure|enure|retain|reserve|grant|right|joint|copyright|permit|allow|authori",
        re.IGNORECASE,
    )

    def relevant(self, text: str) -> bool:
        if _OWNERSHIP.search(text) or _LICENCE.search(text):
            return bool(
                re.search(
                    r"intellectual|propert|right|licen|title|copyright|patent|deliverable|work product|"
                    r"code|model|invention|software|material|technolog|work|ip\b|iprs?\b|marks?\b|content|data|image|name|"
                    r"product|patent|domain|application|approval|program|design|system|know|brand",
                    text,
                    re.I,
                )
            )
        return False

    def read(self, context: Context) -> _Reading:
        reading = _Reading()
        for sentence in self.candidates(context):
            self._classify(context, sentence, reading)
        return reading

    def _classify(self, context: Context, sentence: Sentence, reading: _Reading) -> None:
        text = sentence.text
        about_background = bool(BACKGROUND.search(text))
        about_models = bool(MODELS.search(text))
        about_deliverables = bool(DELIVERABLES.search(text)) or bool(
            re.search(r"ownership of deliverables|intellectual property", context.heading(sentence))
        )
        if re.search(
            r"(?:repositor(?:y|ies)|account|organi[sz]ation|infrastructure|environment|cloud|tenant)s? "
            r"(?:owned|controlled|administered|hosted)",
            text,
            re.I,
        ):
            return
        if (
            CLIENT_ASSETS.search(text) or _own_assets(context).search(text) or _OWNS_DATA.search(text)
        ) and not re.search(
            # (what is made from the client's data is not the client's data: "a classifier fitted on Buyer Data")
            r"deliverable|work product|foreground|develop\w*|creat\w*|\bmade\b|\bmakes\b|produce[sd]?\b|trained|fine-?tun\w*|"
            r"models?\b|weights|improvements|configurations",
            text,
            re.I,
        ):
            return
        if re.search(
            r"(?:jointly|co-?)[- ]?own|joint (?:ownership|property|owners)|shared ownership", text, re.I
        ) and not re.search(r"not (?:be )?(?:jointly|joint)", text, re.I):
            reading.joint.append(sentence)
        owner = self._owner(context, text)
        licensee = self._licensee(context, text) if _LICENCE.search(text) else None
        if (
            licensee == "client"
            and owner is None
            and (about_deliverables or about_models)
            and CIVIL_LAW_GRANT.search(text)
        ):
            owner = "client"
        if licensee == "client" and owner != "client":
            reading.licence_to_client.append(sentence)
            if _PERPETUAL.search(text):
                reading.perpetual_licence.append(sentence)
        if owner == "client" and _MADE_ELSEWHERE.search(text):
            return  # the client's own thing, made by someone else before this contract: no deliverable of it
        if owner == "client" and (about_deliverables or about_models) and not _NEGATED_CLIENT.search(text):
            reading.client_owns.append(sentence)
            if re.search(
                r"(?:except|excluding|other than|save for|but not)[^.;]{0,80}?(?:" + BACKGROUND.pattern + ")",
                text,
                re.I,
            ):
                reading.background.append(sentence)
        elif owner == "vendor":
            if _MADE_IN_PERFORMANCE.search(text) and not about_models:
                # what the vendor makes while performing is a deliverable, whatever else the sentence keeps:
                # "including all configurations made for the Customer", "improvements, by whomever made"
                reading.vendor_owns.append(sentence)
                return
            if not about_background:
                # the vendor's thing named by a defined term whose definition says it existed before or is the
                # vendor's own: "all rights in the Engine shall remain with the Supplier"
                about_background = bool(context.defined_in(text, where=_background_definition))
            if about_background:
                reading.background.append(sentence)
            elif about_models and re.search(r"weights|trained|model", text, re.I):
                reading.vendor_models.append(sentence)
            elif about_deliverables:
                reading.vendor_owns.append(sentence)
        if not owner and not licensee and _TAKES_EFFECT.search(text):
            owner = "client"  # only the conditions are read: the owner is the one the assignment names elsewhere
        if owner or licensee:
            for match in _CONDITIONS.finditer(text):
                condition = re.sub(r"\s+", " ", match.group(0)).strip(" ,.;")
                if owner == "client" and condition not in reading.conditions:
                    reading.conditions.append(condition)

    def _owner(self, context: Context, text: str) -> str | None:
        """The side that ends up owning what the sentence is about."""
        words = context.party_words.pattern
        # a vesting that is only supposed ("insofar as such rights would vest in the Client, the Client transfers
        # them to the Vendor") gives way to the transfer that follows it
        after = next(
            (
                m
                for m in re.finditer(
                    rf"(?:property of|vest(?:s|ed)?(?: [a-z]+){{0,3}} (?:in|with)|belong(?:s)?(?: solely| exclusively)? to|"
                    rf"assign(?:s|ed)?(?: [a-z,]+){{0,4}} to|transfer(?:s|red)?(?: them| it| such rights| the same){{0,1}} to|"
                    rf"pass(?:es|ed)? to|inure(?:s)? to the benefit of|owned by|(?:remain|rest|stay)s?(?: vested)? with|"
                    rf"for the (?:sole )?benefit of|made for hire (?:for|by)|sole owner(?:ship)? (?:is|shall be) )\s+(?:the\s+)?"
                    rf"(?P<who>{words})",
                    text,
                    re.I,
                )
                if not re.search(r"\b(?:would|might|could)\s+$", text[max(0, m.start() - 12) : m.start()], re.I)
            ),
            None,
        )
        if after:
            side = context.side_of(after.group("who"))
            if side:
                return side
        possessive = re.search(rf"(?P<who>{words})['’]s? (?:sole and exclusive |exclusive |sole )?property", text, re.I)
        if possessive and not re.search(r"remain(?:s)? (?:the )?(?:sole )?(?:and exclusive )?property", text, re.I):
            side = context.side_of(possessive.group("who"))
            if side:
                return side
        before = re.search(
            rf"(?P<who>{words})(?:\s+and\s+its\s+(?:licensors|affiliates|suppliers))?\s+(?:shall\s+|will\s+|does\s+|hereby\s+)?(?:(?:solely|exclusively|fully|continue to|"
            rf"retain and)\s+)?(?:own|owns|retain|retains|hold|holds|is the (?:sole )?owner|shall be the (?:sole )?owner|"
            rf"will be the (?:sole )?owner|reserves|shall have all right|will have all right|has all right)\b",
            text,
            re.I,
        )
        if before:
            side = context.side_of(before.group("who"))
            if side:
                return side
        remain = re.search(
            rf"remain(?:s)? (?:the )?(?:sole )?(?:and exclusive )?(?:exclusive )?property of (?:the )?"
            rf"(?P<who>{words})",
            text,
            re.I,
        )
        if remain:
            return context.side_of(remain.group("who"))
        if re.search(r"works? made for hire|work for hire", text, re.I) and not re.search(
            r"not (?:be )?(?:considered |deemed )?"
            r"(?:a )?works? (?:made )?for hire",
            text,
            re.I,
        ):
            return "client"
        return None

    def _licensee(self, context: Context, text: str) -> str | None:
        words = context.party_words.pattern
        match = (
            re.search(rf"grant(?:s|ed)?\s+(?:to\s+)?(?:the\s+)?(?P<who>{words})", text, re.I)
            or re.search(rf"(?P<who>{words})\s+(?:is|shall be|will be)\s+(?:hereby\s+)?granted", text, re.I)
            or re.search(rf"licen[cs](?:e|ed)\s+to\s+(?:the\s+)?(?P<who>{words})", text, re.I)
        )
        return context.side_of(match.group("who")) if match else None

    def detect(self, context: Context, reading: _Reading | None = None) -> OwnershipFinding:
        reading = reading or self.read(context)
        status = self.status(reading)
        chosen = {
            "client": reading.client_owns + reading.background + reading.joint,
            "partial": reading.client_owns
            + reading.vendor_models
            + reading.background
            + reading.vendor_owns
            + reading.joint,
            "vendor": reading.vendor_owns + reading.vendor_models + reading.licence_to_client,
            "absent": reading.background + reading.licence_to_client,
        }[status]
        evidence = _unique([context.evidence(s) for s in chosen])[:4]
        conditions = reading.conditions if status in ("client", "partial") else []
        return OwnershipFinding(
            status=status, conditions=conditions[:3], licence=bool(reading.perpetual_licence), evidence=evidence
        )

    @staticmethod
    def status(reading: _Reading) -> str:
        background_unlicensed = bool(reading.background) and not reading.perpetual_licence
        if reading.client_owns:
            if reading.vendor_owns or reading.joint or reading.vendor_models or background_unlicensed:
                return "partial"
            return "client"
        if reading.vendor_owns or reading.vendor_models:
            return "vendor"
        if reading.joint:
            return "partial"
        if reading.licence_to_client and not reading.background:
            return "vendor"
        return "absent"

    def vendor_retains_ip(
        self, context: Context, finding: OwnershipFinding, reading: _Reading | None = None
    ) -> ContractRedFlag | None:
        reading = reading or self.read(context)
        kept = reading.vendor_owns + reading.vendor_models
        if not kept and reading.background and not reading.perpetual_licence and finding.status != "absent":
            kept = reading.background
        if not kept:
            return None
        return ContractRedFlag(
            kind="vendor_retains_ip", binds="client", evidence=_unique([context.evidence(s) for s in kept])[:3]
        )


def _background_definition(meaning: str) -> bool:
    return bool(BACKGROUND.search(meaning)) and not DELIVERABLES.search(meaning)


def _own_assets(context: Context) -> re.Pattern[str]:
    """The client's own things named with its defined term ("the Purchaser Data", "Principal Materials")."""
    terms = [re.escape(p.term) for p in context.parties if p.side == "client"]
    if not terms:
        return re.compile(r"(?!)")
    return re.compile(rf"\b(?:{'|'.join(terms)})(?:['’]s)? (?:data|materials|content|inputs?|records)\b", re.IGNORECASE)


def _unique(items: list[EvidenceSpan]) -> list[EvidenceSpan]:
    seen, out = set(), []
    for item in sorted(items, key=lambda e: e.start):
        if (item.start, item.end) not in seen:
            seen.add((item.start, item.end))
            out.append(item)
    return out
