"""Lock-in red flags: auto_renewal, exclusivity, minimum_commitment, termination_fee and
termination for convenience (whose absence is the flag no_termination_for_convenience).

Each flag is a small detector: ``patterns`` that make a sentence a candidate, ``vetoes``
that unmake it (a "non-exclusive licence" is not exclusivity, "no termination fee" is not a
fee), and a rule for the party it binds. vendor_retains_ip comes from the ownership detector.
"""

from __future__ import annotations

import re
from typing import ClassVar

from inhouse.analysis.contracts.context import Context
from inhouse.analysis.contracts.detectors.base import Detector, rx
from inhouse.analysis.contracts.numbers import NUMBER
from inhouse.domain.contracts import RedFlag


class FlagDetector(Detector):
    patterns: ClassVar[re.Pattern]
    vetoes: ClassVar[re.Pattern | None] = None
    max_evidence: ClassVar[int] = 3

    def relevant(self, text: str) -> bool:
        match = self.patterns.search(text)
        if not match:
            return False
        return not (self.vetoes and self._vetoed(text))

    def _vetoed(self, text: str) -> bool:
        """A sentence is vetoed when every candidate match in it is explained away."""
        cleaned = self.vetoes.sub(" ", text)
        return not self.patterns.search(cleaned)

    def binds(self, context: Context, text: str) -> str:
        return context.subject_side(text)

    def detect(self, context: Context) -> RedFlag | None:
        hits = list(self.candidates(context))
        if not hits:
            return None
        sides = {self.binds(context, s.text) for s in hits}
        return RedFlag(kind=self.kind, binds=_combine(sides),
                       evidence=[context.evidence(s) for s in hits[: self.max_evidence]])


def _combine(sides: set[str]) -> str:
    known = sides - {"unknown"}
    if "both" in known or known == {"client", "vendor"}:
        return "both"
    if len(known) == 1:
        return known.pop()
    return "unknown"


class AutoRenewal(FlagDetector):
    """Automatic renewal, and renewal or extension at one party's option: either way the
    other party can find itself bound for another term without a fresh decision."""

    kind = "auto_renewal"
    prefilter = re.compile(r"renew|exten|evergreen|tacit|(?:year|month)[- ]to[- ](?:year|month)|auto|successive|consecutive|until terminated|thereafter", re.IGNORECASE)
    patterns = rx(
        r"automatic(?:al)?ly (?:be )?(?:renew|extend|continue|roll|stay)",
        r"(?:renew|extend|roll over|continue)(?:s|ed)? (?:itself )?(?:automatic(?:al)?ly|tacitly)",
        r"auto(?:matic)?[- ]?renew",
        r"\bautomatic (?:[a-z0-9()-]+ ){0,4}(?:renewals?|extensions?)",
        r"\bevergreen (?:basis|term|clause|renewal|contract|agreement)",
        r"tacit(?:ly)? (?:renew|extend|renewal|extension)",
        r"(?:shall|will) (?:be )?(?:renew|extend|continue)(?:ed)? (?:thereafter )?(?:in (?:full )?(?:force|effect) )?"
        r"(?:for|in) (?:(?:successive|additional|further|subsequent|consecutive|like|similar|renewal) )+"
        r"[^.;]{0,80}?(?:unless|until|except)",
        r"(?:shall|will) (?:thereafter )?(?:continue|remain|be effective|renew) (?:in (?:full )?(?:force (?:and|&) effect|force|effect) )?"
        r"(?:thereafter )?(?:for (?:successive|additional|consecutive|further)|(?:from|on a) (?:year|month)[- ]to[- ](?:year|month)"
        r"|thereafter until terminated)",
        r"(?:effective|continue|renew\w*|extend\w*|basis|thereafter|remain)[^.;]{0,30}?(?:month|year)[- ]to[- ](?:month|year)",
        r"(?:shall|will) (?:automatically )?(?:renew|be renewed|be extended|extend) for (?:an? |another |one )?"
        r"(?:subsequent|additional|further|successive|renewal)",
        r"(?:option|right|election)[^.;]{0,80}? to (?:renew|extend|continue (?:the|this) [a-z]+ (?:relationship|agreement))",
        r"may,? (?:at (?:its|their) (?:sole )?(?:option|discretion|election),? )?(?:renew|extend) (?:this|the) "
        r"(?:agreement|term|franchise|licen[cs]e|contract|maintenance|support|subscription|services?|addendum|sow|"
        r"statement of work)",
        r"(?:agreement|term|licen[cs]e|franchise|contract|addendum|subscription) may be (?:renewed|extended) (?:[^.;]{0,60}?)(?:at (?:its|the) (?:sole )?(?:option|discretion)|by (?:written )?notice|"
        r"upon (?:written )?notice|for (?:an? )?(?:additional|further|successive|renewal))",
        r"(?:notice|intention|election|intent) (?:[a-z]+ ){0,3}(?:of )?non[- ]?renewal",
        r"(?:intention|intent|elect(?:s|ion)?|decid\w*|wish\w*) not to (?:renew|extend)",
        r"(?<!non-)(?<!non)\brenewable(?:,| (?:(?:for|at|in|on|each|every|upon|term|period|annually|subject|with)\b|"
        r"[a-z0-9-]+[- ](?:year|month)))",
        r"(?:renewal|extension) terms? (?:shall|will) (?:commence|begin|apply) automatically",
        r"deemed (?:to be |to have been )?renewed",
    )
    vetoes = rx(
        r"(?:shall|will) not (?:be )?(?:automatically )?(?:renew|extend)(?:ed)?(?! unless)",
        r"no automatic (?:renewal|extension)",
        r"not (?:be )?(?:subject to )?automatic(?:ally)? (?:renew|renewal|extend|extension)",
        r"(?:mutual(?:ly)?|both parties|the parties) (?:[a-z]+ ){0,3}(?:agree|agreement|consent|negotiat)\w*",
        r"upon (?:the )?(?:mutual|written) agreement",
        r"force majeure",
    )

    def _vetoed(self, text: str) -> bool:
        if re.search(r"mutual(?:ly)? (?:written )?(?:agree|agreement|consent)|agreed (?:upon )?by both parties|"
                     r"if agreed by both|negotiat", text, re.I) and not re.search(r"automatic", text, re.I):
            return True
        return super()._vetoed(text)

    def binds(self, context: Context, text: str) -> str:
        if re.search(r"automatic|tacit|year[- ]to[- ]year|month[- ]to[- ]month|successive|non[- ]?renewal", text, re.I):
            return "both"
        holder = context.subject_side(text, before=re.search(r"renew|extend", text, re.I).start()
                                      if re.search(r"renew|extend", text, re.I) else None)
        return {"client": "vendor", "vendor": "client"}.get(holder, "both")


_OTHER_PARTY = (r"(?:another|other|third[- ]part(?:y|ies)|alternative|competing|competitive|rival)(?: [a-z]+){0,2}? "
                r"(?:supplier|vendor|provider|distributor|manufacturer|source|company|compan(?:y|ies)|entit(?:y|ies)|"
                r"persons?|sponsors?|partners?|agents?|resellers?|licensees?|developers?|consultants?|competitors?|"
                r"firms?|brands?|customers?|purchasers?|retailers?|part(?:y|ies))")
_COMPETING = (r"(?:(?:competing|competitive|rival)(?: [a-z]+){1,3}"
              r"|(?:similar|like)(?: [a-z]+){0,2}? (?:products?|services?|goods|business|"
              r"compan(?:y|ies)|brands?|programs?|offerings?|technolog(?:y|ies)|[a-z]+s)"
              r"|any(?:one|body| person| party| entity| third party| other person| company)? other than)")
_ENGAGE = (r"(?:engage|appoint|retain|hire|contract with|purchase|buy|obtain|procure|source|work with|partner with|"
           r"enter into (?:any |an? )?(?:agreement|arrangement|relationship|contract|discussions?)|use the services of)")
_DEALING = (r"(?:engage|appoint|retain|hire|contract with|purchase|buy|obtain|procure|source|sell|resell|distribute|"
            r"licen[cs]e|market|represent|promote|endorse|sponsor|enter into|work with|partner with|supply|"
            r"manufacture|advertise|carry|stock|develop|commercialize|commercialise|offer|grant|accept|use|appear|provide|"
            r"render|perform)")
_NOT = (r"(?:shall|will|agrees?(?: that it will)?(?: to)?|may|must|covenants?(?: to| that it will)?|cannot|to) not,? "
        r"(?:(?:directly|indirectly|either|or|and|itself|through|any|of|its|their|affiliates?|,|be|granted) ){0,8}")


class Exclusivity(FlagDetector):
    kind = "exclusivity"
    prefilter = re.compile(r"exclusiv|sole|\bnot\b|prohibit|restrict|requirements|needs|purchases|grant|appoint|designat", re.IGNORECASE)
    patterns = rx(
        r"(?<!non)(?<!non-)(?<!non\x20)(?<!non‐)\bexclusive,? (?:[a-z-]+,? ){0,4}?(?:licen[cs]e|rights?|distribut|"
        r"supplier|provider|agent|agency|representative|reseller|dealer|partner|sponsor|supply|basis|dealing|"
        r"arrangement|relationship|territory|marketing|sales|manufactur|vendor|source|developer|consultant|endorse|"
        r"option|negotiat|collaborat|contractor|customer|purchaser|retailer|broker|seller|advis[oe]r)",
        r"(?:supply|supplies|sell|sells|purchase|purchases|buy|buys|procure|source|distribute|market|license|"
        r"licence|manufacture|provide|provides|represent|order|obtain|repair|service|maintain)(?:d|ed)? "
        r"(?:[a-z]+ ){0,4}exclusively (?!to (?:the|its|our|their) benefit)",
        r"exclusively (?:supply|sell|purchase|buy|procure|source|distribute|market|license|licence|manufacture|"
        r"represent|promote|use the services|engage|order|obtain|(?:[a-z]+ed) by (?:the )?[A-Z])",
        r"(?:all|100%|one hundred percent(?: \(100%\))?) of (?:its|their|the [a-z]+['’]s|[A-Z][A-Za-z]+['’]s|your|our) "
        r"(?:[a-z]+ ){0,3}(?:requirements|needs|purchases)",
        r"\bsole (?:and exclusive )?(?:supplier|provider|source|distributor|vendor|representative|agent|licensee|"
        r"reseller|partner|manufacturer|developer)\b",
        _NOT + _ENGAGE + r"[^.;]{0,100}?" + _OTHER_PARTY,
        _NOT + _DEALING + r"[^.;]{0,100}?" + _COMPETING,
        r"(?:shall|will) not (?:be )?(?:permitted|entitled|allowed|free) to " + _DEALING + r"[^.;]{0,60}?(?:"
        + _OTHER_PARTY + "|" + _COMPETING + ")",
        r"(?:prohibited|restricted) from [^.;]{0,80}?(?:" + _OTHER_PARTY + "|" + _COMPETING + ")",
        r"(?:grant|appoint|designate)(?:s|ed)? [^.;]{0,80}?(?:the |its |their |an? )?(?:sole and )?exclusive",
    )
    vetoes = rx(
        r"non\W{0,3}exclusive",
        r"exclusive of",
        r"exclusive owner",
        r"not (?:[a-z]+ ){0,3}have (?:any )?exclusiv",
        r"(?:sole and )?exclusive (?:remed\w*|liabilit\w*|obligation|benefit|control|property|rights? of ownership|"
        r"legal right|statement|agreement|understanding|jurisdiction|venue|forum|terms|warrant\w*|purpose|"
        r"right,? but not the obligation)",
        r"(?:inure|enure|belong|owned|vest|attributable|subject|responsible)s? (?:solely |fully )?(?:and )?exclusively",
        r"\bnot (?:be |to be |intended to be )?(?:deemed (?:to be )?)?(?:an? )?exclusive",
        r"(?:not|nor) (?:[a-z]+ ){0,4}(?:create|constitute|establish|evidence|grant)\w* (?:[a-z]+ ){0,4}exclusiv",
        r"(?:no|not have any|without) (?:right to any )?exclusiv\w*",
        r"nothing (?:in this agreement )?(?:shall|will)? ?(?:be (?:deemed|construed) to )?(?:restrict|prevent|limit|"
        r"prohibit|preclude)s?",
        r"free to (?:engage|work|provide|enter|render|contract|sell|license|deal)",
    )

    def _vetoed(self, text: str) -> bool:
        if re.search(r"\b(?:confidential|disclos|gratuit|gift|settlement|infring|prosecut|solicit|employ(?!ee))",
                     text, re.I) and not re.search(r"exclusiv|sole (?:supplier|source|provider)", text, re.I):
            return True
        return super()._vetoed(text)


_AT_LEAST = r"(?:at least|not less than|no less than|a minimum of|minimum of|in excess of|no fewer than|not fewer than)"
_QUANTITY = rf"(?:\$|€|£|usd|eur|\[|\*|\d|{NUMBER})"


class MinimumCommitment(FlagDetector):
    kind = "minimum_commitment"
    prefilter = re.compile(r"minimum|least|less than|fewer|excess|take[- ]or|commit|shortfall|guarantee|obligat", re.IGNORECASE)
    patterns = rx(
        r"\bminimum (?:(?:annual|monthly|quarterly|yearly|aggregate|total|cumulative|guaranteed|contract|purchase|order|"
        r"sales|revenue|royalty|spend|payment|commitment|number of|quantity|volume|amount|fee|fees|billing|performance)[- ]?)+"
        r"(?:purchase|order|quantit|volume|commitment|amount|spend|revenue|fee|fees|royalt|payment|number|units?|sales|"
        r"requirement|guarantee|target|charge|billing|hours|goals?)",
        r"\bminimum (?:purchase|order|quantit|volume|commitment|spend|revenue|royalt|sales|units?|fees?|payments?|"
        r"billing|charge|performance)",
        r"guaranteed (?:minimum|fee|payment|revenue|volume)",
        r"take[- ]or[- ]pay",
        r"binding commitment (?:of [a-z]+ )?to (?:purchase|order|buy)",
        r"commits? to (?:a )?minimum", r"minimum (?:subscription|contract|commitment|initial|committed) (?:term|period)",
        r"(?:purchase|order|buy|acquire|spend|pay|procure|commit to|book|use|sell|deliver|produce|provide|feature|"
        r"participate in|play|make available|maintain|achieve|generate|ensure)(?:s|d|ed)? (?:[a-z]+ ){0,5}" + _AT_LEAST
        + r" " + _QUANTITY,
        r"\b(?:shall|must|will|agrees? to)\b[^.;]{0,80}?" + _AT_LEAST + r" " + _QUANTITY
        + r"[^.;]{0,60}?\b(?:per|each|every|in any|during (?:each|any|the)|within|a) (?:calendar |contract )?"
        r"(?:year|month|quarter|week|day|period|season|term)",
        r"\ba minimum of " + _QUANTITY + r"[^.;]{0,40}?(?:\$|€|£|usd|eur|units|hours|days|events|orders|episodes|"
        r"per (?:month|year|quarter))",
        r"(?:commit(?:s|ted|ment)?|obligat\w+) to (?:purchase|order|buy|spend|procure) (?:[a-z]+ ){0,3}" + _AT_LEAST,
        r"(?:minimum|purchase|order|volume|quantit)[^.;]{0,60}?shortfall|shortfall[^.;]{0,60}?(?:minimum|purchase|order|volume)",
    )
    vetoes = rx(
        r"minimum (?:wage|insurance|coverage|standards?|requirements? (?:of|for|set)|notice|age|"
        r"necessary|extent|level of (?:care|skill))",
        r"\bat a minimum\b",
        r"at least (?:the same|as|equal|reasonable|commercially)",
        r"(?:" + _AT_LEAST + r") [^.;]{0,20}?(?:business |calendar |working )?(?:days?|months?|weeks?|years?)\b",
        r"no minimum (?:purchase|order|commitment|fee|spend|term)",
        r"(?:not|nothing|no)\b[^.;]{0,60}?(?:oblig\w+|requir\w*|commit\w*)[^.;]{0,40}?(?:any )?minimum[^.;]{0,40}",
        r"not (?:be )?(?:subject to )?any minimum",
        r"without (?:any )?minimum",
        r"(?:not|no) (?:be )?(?:[a-z]+ ){0,2}obligat\w+ to (?:purchase|order|buy)",
        r"no (?:commitment|obligation) to (?:purchase|order|buy)",
        r"(?:insurance|coverage|per occurrence|in the aggregate|policy|policies)",
    )

    def _vetoed(self, text: str) -> bool:
        if re.search(r"insurance|per occurrence|confidential|degree of care", text, re.I):
            return True
        return super()._vetoed(text)

    def binds(self, context: Context, text: str) -> str:
        buyer = re.search(r"(?:purchase|order|buy|spend|pay|procure|acquire|commit)", text, re.I)
        return context.subject_side(text, before=buyer.start() if buyer else None)


class TerminationFee(FlagDetector):
    """A fee, penalty or liquidated damages owed for leaving (or breaching): what makes
    walking away expensive."""

    kind = "termination_fee"
    prefilter = re.compile(r"liquidated|terminat|cancel|break|exit|withdraw|kill|buy|penalt|would have", re.IGNORECASE)
    patterns = rx(
        r"liquidated damages",
        r"(?:early )?(?:termination|cancel?lation|break(?:age)?|exit|withdrawal|kill|buy[- ]?out) (?:fee|charge|payment|"
        r"penalty|amount|sum|price)s?",
        r"(?:fee|charge|penalty|payment) (?:up)?on (?:early )?(?:termination|cancel?lation)",
        r"(?:terminat|cancel)[^.;]{0,160}?(?:pay|payable|liable|owe|obligated)[^.;]{0,100}?"
        r"(?:remaining|remainder|balance|unexpired|outstanding) (?:of )?(?:the )?(?:fees|term|contract|initial term|"
        r"minimum|payments|charges|commitment|period|months)",
        r"(?:pay|payable|liable)[^.;]{0,80}?(?:all|the) (?:fees|charges|amounts|payments) (?:that|which) would have",
        r"(?:pay|payable|paid|apply|applied|charged?)[^.;]{0,80}?as (?:a )?(?:penalty|liquidated damages)",
        r"\ba penalty (?:of|equal|equivalent|amounting)",
        r"(?:option|right) (?:[a-z]+ ){0,3}to buy[- ]?out",
    )
    vetoes = rx(
        r"(?:without|no|free of|not subject to any|waive\w*) (?:any )?(?:early )?(?:termination|cancellation) (?:fee|charge|penalty|payment)s?",
        r"without (?:penalty|liability|any (?:penalty|liability))",
        r"(?:no|not be|not constitute) liquidated damages",
        r"(?:call|network) termination",
    )

    def binds(self, context: Context, text: str) -> str:
        pay = re.search(r"\b(?:pay|payable|owe|liable|liquidated)", text, re.I)
        return context.subject_side(text, before=pay.start() if pay else None)


_NOTICE = rf"(?:(?:at least|not less than|no less than|upon|on|with|by giving|after|giving|providing|by providing|by) )+(?:{NUMBER}|\d+|[_ ]+\(?[_ \d]*\)?) ?(?:\(\d+\) )?(?:calendar |business |working )?(?:days|day|months?|weeks?)['’]?s?"
_CAUSE = re.compile(
    r"\b(?:breach|default|insolv|bankrupt|fail(?:s|ure|ed)? to|in the event (?:that )?(?:the other|either)|"
    r"if the other|material(?:ly)?|cure|winding[- ]up|liquidation|change (?:of|in) control|force majeure|"
    r"violat|fraud|negligen|cease to|ceases to|is unable|convicted|misconduct|regulatory|law|illegal)",
    re.IGNORECASE,
)


_WITHOUT_CAUSE = (r"(?:for (?:its |their |any party['’]s |[a-z]+['’]s )?(?:own )?convenience|without (?:any )?(?:cause|reason)|"
                  r"for any (?:reason|cause)(?: (?:or|and) (?:for )?no (?:reason|cause))?|for no (?:reason|cause)|"
                  r"with or without (?:cause|reason)|in (?:its|their) (?:sole )?(?:and absolute )?discretion|"
                  r"at (?:its|their) (?:sole )?(?:option|discretion|election)|at any time|at will)")
_MAY = (r"(?:may|can|(?:shall|will) have the (?:right|option|ability)|ability|shall be entitled|has the (?:right|option)|have the (?:right|option)|"
        r"is entitled|are entitled|reserves the right|be entitled|entitled|right)")


class TerminationForConvenience(FlagDetector):
    """Present when a party may end the contract without cause; its absence for the client
    is the red flag no_termination_for_convenience."""

    kind = "termination_for_convenience"
    prefilter = re.compile(r"terminat|cancel", re.IGNORECASE)
    patterns = rx(
        _MAY + r"(?: [a-z,()]+){0,8}? (?:terminat\w*|cancel (?:this|the) (?:agreement|contract))[^;]{0,140}?"
        + _WITHOUT_CAUSE,
        _MAY + r"(?: [a-z,()]+){0,8}? (?:terminat\w*|cancel (?:this|the) (?:agreement|contract))[^;]{0,120}?notice",
        r"may be terminated[^;]{0,100}?(?:" + _WITHOUT_CAUSE + r"|notice)",
        r"(?:until|unless) (?:sooner |earlier )?terminated (?:by (?:either|any|each) party|at any time)[^;]{0,60}?notice",
        r"until (?:either|any|one) party (?:gives|provides|informs|notifies|delivers)[^;]{0,80}?notice",
        r"(?:option|election) of (?:either|any|each) party[^;]{0,60}?notice",
        r"terminable ?(?:at will|by (?:either|any|the) |(?:up)?on [^;]{0,30}notice|without cause|for convenience|<omitted>)",
        r"cancell?able at any time",
        r"(?:for|at) (?:its|their|the [a-z]+['’]s) (?:own )?convenience[^;]{0,60}?terminat",
        r"terminat\w* (?:this agreement |the agreement |any sow |any statement of work )?for convenience",
        r"unilateral(?:ly)? (?:right to )?(?:terminat|cancel)",
    )
    vetoes = None
    explicit = re.compile(r"convenience|without (?:any )?(?:cause|reason)|for any reason|for no reason|with or without "
                          r"cause|sole (?:and absolute )?discretion|at will|unilateral", re.I)
    period_notice = re.compile(r"(?:\d+|\[[^\]]{0,12}\]|\*+|_+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                               r"fifteen|twenty|thirty|forty|forty-five|sixty|ninety|hundred)\b)[^;]{0,40}?"
                               r"(?:days?|months?|weeks?|years?)['’]?s?\b[^;]{0,40}?notice", re.I)
    not_convenience = re.compile(r"\bwith cause|forthwith|immediately|renew|prior to the (?:end|expir)|end of (?:the|its|"
                                 r"said) (?:initial )?term|non-renewal|end of life", re.I)
    conditional = re.compile(r"\bif\b|in the event|upon the occurrence|contingenc|following (?:events|"
                             r"circumstances)|mutual|agreement (?:in writing|of the parties)|by (?:written )?agreement|"
                             r"written consent|consent of", re.I)

    def relevant(self, text: str) -> bool:
        if not self.patterns.search(text):
            return False
        if self.explicit.search(text):
            return not re.search(r"(?:may|shall|will|can) not (?:be )?terminat[^;]{0,40}(?:convenience|without cause|"
                                 r"for any reason)", text, re.I)
        if _CAUSE.search(text) or self.conditional.search(text) or self.not_convenience.search(text):
            return False
        return bool(self.period_notice.search(text) or re.search(r"at any time", text, re.I))

    def terminating_sides(self, context: Context) -> tuple[set[str], list]:
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


_MAY_TERMINATE = re.compile(r"\b(?:may|right to|entitled to)\s+terminate", re.IGNORECASE)

FLAG_DETECTORS: tuple[FlagDetector, ...] = (AutoRenewal(), Exclusivity(), MinimumCommitment(), TerminationFee())


def no_termination_for_convenience(context: Context) -> tuple[RedFlag | None, list]:
    """The flag when the client cannot end the contract without cause, and the sentences
    that grant termination for convenience (used by the exit detector)."""
    sides, hits = TerminationForConvenience().terminating_sides(context)
    if hits and (sides & {"client", "both", "unknown"}):
        return None, hits
    binds = "client" if "vendor" in sides else "both"
    termination = [s for s in context.sentences() if _MAY_TERMINATE.search(s.text)]
    evidence = [context.evidence(s) for s in (hits or termination)[:2]]
    return RedFlag(kind="no_termination_for_convenience", binds=binds, evidence=evidence), hits
