"""Money that keeps a party in: minimum commitments (purchase, volume, spend, committed term)
and termination fees (including liquidated damages and the fees for the rest of the term)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from inhouse.analysis.contracts.context import Context
from inhouse.analysis.contracts.detectors.base import rx
from inhouse.analysis.contracts.detectors.flag_base import FlagDetector
from inhouse.analysis.contracts.numbers import NUMBER
from inhouse.analysis.contracts.structure import Sentence

_CLAUSE = r"(?:[^.;]|(?<=\d)\.(?=\d))"  # a character of the same clause: "Section 12.2" does not end it
_AT_LEAST = (
    r"(?:at least|not less than|no less than|a minimum of|minimum of|in excess of|no fewer than|not fewer than|"
    r"in no event less than)"
)
_PER = r"(?:\b(?:per|each|every|in any|during (?:each|any|the)|within|a) (?:calendar |contract )?|/\s*)"
_QUANTITY = rf"(?:\$|€|£|₹|\b(?:usd|eur|gbp|inr|aud|cad|sgd|nzd|hkd|chf|zar|rs\.?|rupees)\b|\[|\*|\d|(?:{NUMBER})\b)"

#: a committed term the client cannot leave early: "the Subscription Term is non-cancellable",
#: "ordinary termination before the end of the initial period is excluded"
_TERM_LOCK = re.compile(
    # (the vendor's own "non-cancellable obligations" or costs, reimbursed on termination, lock nobody in)
    r"\bnon[- ]?cancell?able\b(?![^.;]{0,40}?\b(?:orders?|purchase orders?|shipments?)\b)(?! (?:obligations|"
    r"commitments|costs|expenses|expenditures?|purchases|contracts|subcontracts|appointments)\b)|"
    r"\b(?:ordinary|early|premature|convenience) termination\b[^.;]{0,80}?\b(?:is|are|shall be|will be) (?:hereby )?"
    r"(?:excluded|not permitted)|"
    # a lock-in written as such: "a lock-in period of eighteen months", "cannot be terminated prematurely",
    # "may not terminate ... for convenience before the expiry of the Minimum Term", "a commitment for the full term"
    r"\block[- ]?in (?:period|term)\b|\blocked[- ]in\b|"
    r"\b(?:cannot|can ?not|may not|shall not|will not) be (?:terminated|cancell?ed|ended) (?:prematurely|early|"
    r"before (?:the )?(?:end|expiry|expiration))|"
    r"\bmay not (?:terminate|cancel|end)\b[^.;]{0,60}?\b(?:before|prior to|during) (?:the )?(?:(?:end|expiry|expiration) "
    r"of (?:the )?)?(?:(?:minimum|initial|committed|lock-in|fixed) (?:term|period)|(?:first|initial) [\w-]+(?: \(\d+\))? "
    r"(?:months|years))|"
    # "during the Initial Term the Customer may terminate this agreement only under clause 14.3 (breach)"
    r"\bduring (?:the )?(?:minimum|initial|committed|lock-in|fixed) (?:[\w-]+ )?(?:term|period)\b[^.;]{0,60}?\bmay (?:terminate|"
    r"cancel|end)\b[^.;]{0,60}?\bonly\b|"
    # the same lock said as a refusal: "during the minimum hosting period the Buyer may not end the service except for ..."
    r"\bduring (?:the )?(?:minimum|committed|lock-in) (?:[\w-]+ )?(?:term|period)\b[^.;]{0,60}?\b(?:may not|cannot|can ?not|"
    r"shall not|will not|is not (?:entitled|permitted) to) (?:terminate|cancel|end)\b|"
    r"\bcommitment for the (?:full|entire|whole) (?:initial |minimum |committed )?(?:term|period)|"
    r"\b(?:is|are) not (?:cancell?able|terminable)\b(?![^.;]{0,40}?\b(?:orders?|shipments?)\b)|"
    # a right to leave that cannot take effect before a date: "a notice that may not take effect before the first anniversary"
    r"\b(?:notice|termination)\b[^.;]{0,40}?\b(?:may|shall|will|must|can) not (?:expire|take effect|be effective|end)\b"
    r"[^.;]{0,20}?\b(?:before|prior to|earlier than) (?:the )?(?:(?:end|expiry|expiration) of (?:the )?)?(?:\w+ )?"
    r"(?:\(\w+\) )?(?:anniversary|minimum (?:term|period)|initial (?:term|period))|"
    # a right to leave that opens only at a date: "may terminate on three months' notice, but not before 30 June 2029"
    r"\bterminat\w*\b[^.;]{0,120}?\bbut not (?:before|earlier than|prior to) (?:\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+,? \d{4}|"
    r"[A-Z][a-z]+ \d{1,2},? \d{4}|the (?:end|expiry|expiration) of)",
    re.IGNORECASE,
)


class MinimumCommitment(FlagDetector):
    kind = "minimum_commitment"
    prefilter = re.compile(
        r"minimum|least|less than|fewer|excess|take[- ]or|commit|shortfall|guarantee|obligat|quota|"
        r"forecast|target|non-?cancel|not cancel|terminable|\block|prematur|(?:ordinary|early|convenience) termination|"
        r"may not (?:terminate|cancel|end)|be (?:terminated|cancell?ed|ended) (?:early|before)|but not (?:before|earlier|prior)|"
        r"may (?:terminate|cancel|end)\b[^.;]{0,60}\bonly\b|not (?:expire|take effect|be effective)",
        re.IGNORECASE,
    )
    patterns = rx(
        r"\bminimum (?:(?:annual|monthly|quarterly|yearly|aggregate|total|cumulative|guaranteed|contract|purchase|order|"
        r"sales|revenue|royalty|spend|payment|commitment|number of|quantity|volume|amount|fee|fees|billing|performance)[- ]?)+"
        r"(?:purchase|order|quantit|volume|commitment|amount|spend|revenue|fee|fees|royalt|payment|number|units?|sales|"
        r"requirement|guarantee|target|charge|billing|hours|goals?)",
        r"\bminimum (?:purchase|order|quantit|volume|commitment|spend|revenue|royalt|sales|units?|fees?|payments?|"
        r"billing|charge|performance)",
        r"guaranteed (?:minimum|fee|payment|revenue|volume)",
        r"\bminimum (?:annual |monthly |quarterly )?guarantee",
        # sales targets and quotas: "agrees to satisfy the annual sale targets", "does not meet the revenue forecast"
        r"(?:meet|satisfy|achieve|attain|reach)\w* (?:[a-z'’]+ ){0,4}(?:sales?|purchase|revenue|volume|order) "
        r"(?:targets?|quotas?|goals?|forecasts?)\b",
        r"\bquota amount\b",
        # binding forecasts: "shall order at least 80% of the quantity forecast", "the first three months are binding"
        r"(?:order|purchase|buy)\w*[^.;]{0,100}?" + _AT_LEAST + r"[^.;]{0,40}?(?:%|percent)[^.;]{0,40}?forecast",
        r"\bbinding (?:forecasts?|portion of (?:the |each |any )?forecast)|forecasts?[^.;]{0,60}?(?:shall|will) be "
        r"(?:firm|binding)",
        r"take[- ]or[- ]pay",
        r"binding commitment (?:of [a-z]+ )?to (?:purchase|order|buy)",
        r"commits? to (?:a )?minimum",
        r"minimum (?:subscription|contract|commitment|initial|committed) (?:term|period)",
        r"(?:purchase|order|buy|acquire|spend|pay|procure|commit to|book|use|sell|deliver|produce|provide|feature|"
        r"participate in|play|make available|maintain|achieve|generate|ensure)(?:s|d|ed)? (?:[a-z]+ ){0,5}"
        + _AT_LEAST
        + r" "
        + _QUANTITY,
        r"\b(?:shall|must|will|agrees? to)\b[^.;]{0,80}?"
        + _AT_LEAST
        + r" "
        + _QUANTITY
        + r"[^.;]{0,60}?"
        + _PER
        + r"(?:year|month|quarter|week|day|period|season|term|annum)",
        r"\ba minimum of " + _QUANTITY + r"[^.;]{0,40}?(?:\$|€|£|usd|eur|units|hours|days|events|orders|episodes|"
        r"percent|%|per (?:month|year|quarter|annum))",
        # "a monthly minimum of", "the total minimum of Securities", "an aggregate minimum amount equal to $5,000,000"
        r"(?:annual|monthly|quarterly|yearly|total|aggregate) minimum (?:of|amount|number|quantity)",
        r"\bminimum (?:dollar )?amount (?:of|equal to) " + _QUANTITY,
        # quantities: "in quantities of not less than 2,500 barrels", "in at least the following quantities"
        r"quantit(?:y|ies) of " + _AT_LEAST + r" " + _QUANTITY,
        r"at least the following (?:quantities|amounts|volumes)",
        r"\b(?:sales|purchase|volume|minimum|annual|quarterly) quotas?\b",
        r"\bminimum (?:[a-z]+ )?(?:expenditures?|budget)",
        r"\bminimum (?:number|amount|level|volume) of (?!(?:business |calendar |working )?(?:days?|weeks?|months?|years?)\b)"
        r"[a-z]+",
        _AT_LEAST
        + r" "
        + _QUANTITY
        + r"[^.;]{0,60}?(?:shall|must|will) be (?:purchased|ordered|bought|sold|paid|spent)",
        r"\b(?:annual|monthly|quarterly|volume|purchase|order|spend(?:ing)?) commitments?\b",
        r"(?:commit(?:s|ted|ment)?|obligat\w+) to (?:purchase|order|buy|spend|procure) (?:[a-z]+ ){0,3}" + _AT_LEAST,
        # "undertakes to buy work worth not less than GBP 5,000 a month"
        r"(?:commit(?:s|ted|ment)?|obligat\w+|agrees?|undertakes?) to (?:purchase|order|buy|spend|procure|pay for)\b"
        r"[^.;]{0,60}?\b(?:to the value of|worth|amounting to|in an amount of) " + _AT_LEAST,
        r"(?:minimum|purchase|order|volume|quantit)[^.;]{0,60}?shortfall|shortfall[^.;]{0,60}?(?:minimum|purchase|order|volume)",
        # a committed term: "the Subscription Term is non-cancellable", "ordinary termination ... is excluded"
        _TERM_LOCK.pattern,
    )
    vetoes = rx(
        r"minimum (?:wage|insurance|coverage|standards?|requirements? (?:of|for|set)|notice|age|"
        r"(?:performance )?(?:standards?|specifications?)|"
        r"necessary|extent|level of (?:care|skill))",
        r"\bat a minimum\b",
        r"at least (?:the same|as|equal|reasonable|commercially)",
        # a length of time ("at least thirty (30) days"), not a quantity per period ("at least 1,000 units per month")
        r"(?:" + _AT_LEAST + r") (?:(?!per\b|each\b|every\b|an?\b)[^\s.;]+ ){1,3}?(?:business |calendar |working )?"
        r"(?:days?|months?|weeks?|years?)\b",
        r"no minimum (?:purchase|order|commitment|fee|spend|term)",
        r"(?:no|not|nor|without) (?:any )?(?:[a-z]+ )?(?:purchase|volume|order|spend(?:ing)?) commitments?",
        r"(?:not|nothing|no)\b[^.;]{0,60}?(?:oblig\w+|requir\w*|commit\w*|guarantee\w*|promise\w*)[^.;]{0,100}?"
        r"(?:any )?minimum[^.;]{0,40}",
        r"(?:not|no) (?:be )?(?:promised|guaranteed|committed)\b[^.;]{0,80}",
        # thresholds that are conditions, not obligations: "provided that the customer has paid at least 50%"
        r"(?:has|have|having) (?:paid|purchased|sold|achieved|reached) (?:at least|not less than|a minimum of)",
        # times and notices whose length is redacted: "at least [***] prior to", "at least [***] advance notice"
        _AT_LEAST + r" [^.;]{0,30}?(?:(?:advance|prior|written) )*notice",
        _AT_LEAST + r" [^.;]{0,90}?(?:prior to|in advance of|before) (?:its|the|any|such|each)",
        # type sizes and technical specifications: "in at least 12 point type", "a design capacity of no less than"
        _AT_LEAST
        + r" \S+ (?:point|pt\.?) (?:type|font)|font size|(?:design|maximum|minimum) capacity[^.;]{0,80}|[^.;]{0,60}life remaining|remaining (?:shelf )?life",
        r"not (?:be )?(?:subject to )?any minimum",
        r"without (?:any )?minimum",
        r"(?:not|no) (?:be )?(?:[a-z]+ ){0,2}obligat\w+ to (?:purchase|order|buy)",
        r"no (?:commitment|obligation) to (?:purchase|order|buy)",
        r"(?:insurance|coverage|per occurrence|in the aggregate|policy|policies)",
        # price floors, financial covenants and service levels are other clause kinds
        r"minimum (?:resale |advertised |sales? |selling |retail |purchase |unit )?prices?",
        r"minimum (?:net worth|balance|capital(?:ization)?|liquidity|credit rating|rating)",
        r"minimum number of (?:meetings|members|directors|representatives|votes|persons|employees|attendees)",
        # how often a committee meets: "shall meet a minimum of four times per calendar year"
        r"(?:meet|convene)\w*[^.;]{0,80}?" + _AT_LEAST + r" [^.;]{0,20}?\b(?:times?|once|twice)\b",
        r"(?:uptime|availability|accuracy|service levels?|response (?:time|rate)|fill rate|\bavailable(?: for)?)[^.;]{0,40}?"
        + _AT_LEAST
        + r"|"
        + _AT_LEAST
        + r" [^.;]{0,30}?(?:uptime|availability|accuracy)",
        r"(?:net worth|shareholders['’]? equity|working capital|outstanding (?:shares|voting)|voting (?:stock|power|"
        r"securities))[^.;]{0,40}?" + _AT_LEAST + r"|" + _AT_LEAST + r" [^.;]{0,40}?(?:of the outstanding|voting)",
    )

    def candidates(self, context: Context) -> Iterable[Sentence]:
        """Relevant sentences, except a committed term that locks only the vendor in ("The Supplier may
        terminate on six months' notice, but not before 30 June 2028"): the client keeps its way out."""
        for sentence in super().candidates(context):
            text = sentence.text
            if _TERM_LOCK.search(text) and not self.patterns.search(_TERM_LOCK.sub(" ", text)):
                if context.subject_side(text) == "vendor" and not re.search(
                    r"\b(?:either|each|neither|both) (?:party|parties)\b", text, re.I
                ):
                    continue
            yield sentence

    def _vetoed(self, text: str) -> bool:
        if re.search(r"insurance|occurrence|deductible|single limit|confidential|degree of care", text, re.I):
            return True
        return super()._vetoed(text)

    def binds(self, context: Context, text: str) -> str:
        if _TERM_LOCK.search(text):
            if re.search(
                r"\b(?:neither|nor either|either|each) (?:party|of the parties)\b|\bboth parties\b", text, re.I
            ):
                return "both"  # "neither party shall terminate during the lock-in period"
            return "client"  # the client cannot leave before the term ends
        shortfall = re.search(r"\b(?:invoice|charge|bill)s?\b[^.;]{0,40}?\b(?:shortfall|difference)\b", text, re.I)
        if shortfall:  # "the Supplier may invoice the shortfall": the other side pays it
            holder = context.subject_side(text, before=shortfall.start())
            if holder in ("client", "vendor"):
                return "client" if holder == "vendor" else "vendor"
        buyer = re.search(r"(?:purchase|order|buy|spend|pay|procure|acquire|commit)", text, re.I)
        return context.subject_side(text, before=buyer.start() if buyer else None)


class TerminationFee(FlagDetector):
    """A fee, penalty or liquidated damages owed for leaving (or breaching): what makes
    walking away expensive."""

    kind = "termination_fee"
    prefilter = re.compile(
        r"liquidated|terminat|cancel|break|exit|withdraw|kill|buy|penalt|would have|breach|violat|"
        r"delay|forfeit|not yet|lump|claim (?:to|for) the|agreed (?:price|remuneration|fee)",
        re.IGNORECASE,
    )
    patterns = rx(
        r"liquidated damages",
        r"(?:early )?(?:termination|cancel?lation|break(?:age)?|exit|withdrawal|kill|buy[- ]?out|demobili[sz]ation|"
        r"wind[- ]down|disengagement|close[- ]out) (?:fee|charge|payment|penalty|amount|sum|price)s?",
        r"(?:fee|charge|penalty|payment) (?:up)?on (?:early )?(?:termination|cancel?lation)",
        r"(?:terminat|cancel)[^.;]{0,160}?(?:pay|payable|liable|owe|obligated)[^.;]{0,100}?"
        r"(?:remaining|remainder|balance|unexpired|outstanding) (?:of )?(?:the )?(?:fees|term|contract|initial term|"
        r"minimum|payments|charges|commitment|period|months)",
        r"(?:pay|payable|liable)[^.;]{0,80}?(?:all|the) (?:fees|charges|amounts|payments) (?:that|which) would have",
        r"(?:pay|payable|liable)[^.;]{0,80}?\bthe (?-i:[A-Z])[a-z]+ (?:fees|charges) (?:that|which) would have",
        r"(?:pay|payable|paid|apply|applied|charged?)[^.;]{0,80}?as (?:a )?(?:penalty|liquidated damages)",
        # (a defined fee may come between: "the Monthly Fees that would have been due")
        # "a contractual penalty (in the original's words) equal to 20% of the fees"
        r"\ba (?:contractual )?penalty(?: \([^()]{1,60}\))? (?:of|equal|equivalent|amounting)",
        r"(?:option|right) (?:[a-z]+ ){0,3}to buy[- ]?out",
        # "upon such termination Customer shall pay an amount equal to six months' fees"
        r"(?:upon|on|following|in the event(?: of| that)?|if|in case of)\b[^.;]{0,40}?\b(?:early )?terminat\w*"
        + _CLAUSE
        + r"{0,200}?(?:shall|will|must|agrees? to) (?:also )?pay[^.;]{0,80}?(?:an amount equal|a sum|the sum|amount of|"
        r"\$|€|£|\b(?:usd|eur|gbp)\b|percent|%|(?:months?|years?)['’]? (?:of )?(?:fees|payments|charges|compensation)|"
        r"(?:fees|charges|payments) for (?:the|a|an) (?:\w+ ){0,2}(?:months?|years?|period))",
        # a fixed sum for a breach: "in case of violation, the Party shall pay the other an equivalent of 18 months"
        r"(?:in (?:the )?(?:case|event) of|for (?:each|any|every)|in violation of|in breach of) (?:any )?(?:such )?"
        r"(?:violation|breach|this|the|section|clause|article)"
        + _CLAUSE
        + r"{0,120}?(?:shall|will),?(?: [\w,\[\]*()]+){0,8}? pay"
        r"[^.;]{0,60}?(?:an? (?:amount|sum|equivalent)|\$|€|£)",
        r"(?:pay|payable|credit|deduct)\w*[^.;]{0,80}?(?:for|per) (?:each|every) (?:full )?(?:calendar )?"
        r"(?:day|week|month)(?:['’]s)? (?:of )?delay",
        r"(?:late fee|penalty)[^.;]{0,40}?(?:for|per) (?:each|every) (?:day|week)|(?:for|per) (?:each|every) (?:day|week)"
        r"[^.;]{0,20}?(?:past|after|beyond) the (?:deadline|due date|delivery date|scheduled)",
        r"forfeit\w*[^.;]{0,80}?(?:deposit|advance|prepaid|fees?|payments?)(?=[^.;]{0,120}?(?:terminat|breach|cancel))"
        r"|(?:terminat|breach|cancel)\w*[^.;]{0,120}?forfeit\w*[^.;]{0,80}?(?:deposit|advance|prepaid|fees?|payments?)",
        r"(?:terminat|cancel)\w*[^.;]{0,120}?(?:unamortized|unrecovered|unrecouped) (?:costs?|investment|portion|"
        r"amounts?|balance)",
        # the civil-law price of leaving a contract for work: the contractor keeps its claim to the agreed price less
        # what it saves, or a lump sum for the part not yet done ("a flat 8 % of the fee for the share not yet delivered")
        r"(?:retains?|keeps?|entitled to|is owed|receives?) (?:its |the |a )?(?:claim (?:to|for) )?(?:the )?(?:agreed|full|entire|"
        r"contract|contractual) (?:remuneration|price|fee|fees|compensation|sum)\b[^.;]{0,80}?\b(?:less|reduced by|minus|after "
        r"deduct\w*|deducting|but must (?:credit|deduct))",
        r"(?:lump[- ]sum|flat[- ]rate|\d+ ?%|\bper ?cent\b)[^.;]{0,100}?(?:part|portion|share) of (?:the )?(?:work|services|"
        r"remuneration|price|fees?)[^.;]{0,40}?not yet (?:performed|provided|rendered|delivered|carried out|completed)|"
        r"(?:part|portion|share) of (?:the )?(?:work|services)[^.;]{0,20}?not yet (?:performed|provided|rendered|delivered|"
        r"carried out|completed)[^.;]{0,80}?(?:lump[- ]sum|flat[- ]rate|\d+ ?%|\bper ?cent\b)",
        # "all fees for the remainder of the Subscription Term shall become immediately due"
        r"(?:terminat|cancel)\w*"
        + _CLAUSE
        + r"{0,200}?(?:fees|charges|amounts|payments)[^.;]{0,20}? for the (?:remaining|remainder|"
        r"balance|unexpired|rest) (?:portion )?(?:of )?(?:the )?(?:[a-z]+ ){0,2}(?:term|period|months|years)",
    )
    vetoes = rx(
        r"(?:without|no|free of|not subject to any|waive\w*) (?:any )?(?:early )?(?:termination|cancellation) (?:fee|charge|penalty|payment)s?",
        # a statement about such clauses (a franchise disclosure), not one: "contains a liquidated damages clause"
        r"(?:contains?|includes?|certain) (?:a |the )?liquidated damages (?:clauses?|provisions?)",
        r"liquidated damages (?:clauses?|provisions?) (?:are|is|may be|may not be|might not be) (?:not )?(?:unenforceable|"
        r"enforceable|void)",
        # fees a third party charges, passed on: "termination or cancellation fees charged by the Alternative Supplier"
        r"(?:termination|cancell?ation)(?: or (?:termination|cancell?ation))? (?:fees?|charges?) (?:charged|imposed|levied|"
        r"assessed) by (?:the |a |any |such )?(?:third|alternat\w*|other|[a-z]+ (?:supplier|vendor|carrier|provider))",
        r"without (?:penalty|liability|any (?:penalty|liability))",
        r"(?:no|not be|not constitute) liquidated damages",
        # a particulars table that switches the clause off: "Liquidated damages for delay | Not applicable"
        r"(?:liquidated damages|(?:termination|cancell?ation|break|exit) (?:fees?|charges?))(?: for [a-z]+(?: [a-z]+){0,2})?\W{0,8}"
        r"(?:not applicable|n/?a\b|nil\b|none\b|not used)",
        r"(?:call|network) termination",
    )
    # payment for work done up to the end is not a fee for leaving
    earned = re.compile(
        r"accrued|performed|rendered|delivered|earned|incurred|up to (?:and including )?the (?:effective )?"
        r"(?:date|time) of (?:such )?termination|prior to (?:the )?(?:effective )?(?:date of )?termination|"
        r"through the (?:effective )?(?:date of )?termination|termination date|"
        r"(?:month|period|quarter) in which (?:the |such |that )?termination (?:becomes|is|shall become) effective",
        re.IGNORECASE,
    )
    # cancelling an order is not leaving the contract; a liability clause that lists fees is not a fee
    order_cancelled = re.compile(
        r"cancel\w* (?:of |or reschedul\w* )?(?:any |an |the |such |each )?(?:purchase )?"
        r"(?:orders?|shipments?|deliver(?:y|ies)|reservations?|bookings?)|(?:orders?|"
        r"shipments?)\b[^.;]{0,40}?(?:rescheduled or )?cancel|(?:in-house|on order)\b[^.;]{0,60}"
        r"cancel|cancel[^.;]{0,60}\b(?:in-house|on order)\b",
        re.IGNORECASE,
    )
    liability_list = re.compile(r"limitations? of liability", re.IGNORECASE)
    leaving = re.compile(r"liquidated|terminat\w* (?:of )?(?:this|the) agreement", re.IGNORECASE)

    def candidates(self, context: Context) -> Iterable[Sentence]:
        """Relevant sentences, except "cancellation charges" in a contract whose cancellation
        charges are for cancelled orders (and sentences under an order or delivery heading)."""
        orders = any(self.order_cancelled.search(s.text) for s in context.sentences() if "ancel" in s.text)
        for sentence in super().candidates(context):
            if orders and not re.search(r"liquidated|penalt|terminat", sentence.text, re.I):
                continue
            if re.search(
                r"\border|purchase|forecast|shipment|deliver", context.heading(sentence), re.I
            ) and not self.leaving.search(sentence.text):
                continue
            yield sentence

    def relevant(self, text: str) -> bool:
        if not super().relevant(text):
            return False
        if self._rights_bought_only(text):
            return False
        # money that comes back is no price of leaving: "on termination for the Vendor's breach it refunds the
        # prepaid fees for the rest of the term"
        if re.search(r"\brefund|\brepay", text, re.I) and not re.search(
            r"\b(?:pay|payable|due|owe|owed|owing|liable|liquidated|penalt\w*|forfeit\w*)\b", text, re.I
        ):
            return False
        if (self.order_cancelled.search(text) or self.liability_list.search(text)) and not self.leaving.search(text):
            return False
        if self.earned.search(text) and not re.search(
            r"liquidated|penalt|termination (?:fee|charge)|remain|would have|unexpired|balance|equal to|not yet (?:performed|"
            r"provided|rendered|delivered|carried out|completed)|lump[- ]sum|(?:less|reduced by) what|"
            r"(?:months?|years?)['’]? (?:of )?(?:fees|payments|charges)|in addition to|"
            r"(?:break|exit|demobili[sz]ation|wind[- ]down|disengagement|close[- ]out) (?:fee|charge)",
            text,
            re.I,
        ):
            return False
        return True

    def _rights_bought_only(self, text: str) -> bool:
        """A "buy-out fee" that buys rights (the price of taking over a licence, the source code or the
        ownership), in a sentence that says nothing of leaving, is a price, not a fee for leaving."""
        if not re.search(r"buy[- ]?out", text, re.I) or not re.search(
            r"\brights?\b|licen[cs]|ownership|\btitle\b|escrow|source code|training|covered by|royalt|\bdefined\b|\bmeans\b|"
            r"meaning",
            text,
            re.I,
        ):
            return False
        if re.search(
            r"(?:on|upon|if|in the event of|following|after|before|for|in case of|when)\b[^.;]{0,60}?\b(?:terminat|cancel|exit|"
            r"withdraw|leav)|\b(?:terminat\w*|cancel\w*|exit) (?:for convenience|early|before)|early (?:end|termination)|"
            r"liquidated|penalt|remaining|remainder|unexpired",
            text,
            re.I,
        ):
            return False
        return not self.patterns.search(
            re.sub(r"buy[- ]?out (?:fee|charge|payment|amount|sum|price)s?", " ", text, flags=re.I)
        )

    def binds(self, context: Context, text: str) -> str:
        leaving = re.search(
            rf"\b(?:if|where|should|in the event (?:that )?|once|when) (?:the )?(?P<who>{context.party_words.pattern})"
            r"\s+(?:terminates|cancels|ends|elects to (?:terminate|cancel)|exercises)",
            text,
            re.I,
        )
        if leaving and (side := context.side_of(leaving.group("who"))):
            # ending the contract for the other's breach: the party in breach pays
            breach = re.match(
                rf"[^.;,]{{0,40}}?\b(?:for|because of|due to|on account of|following) (?:the )?"
                rf"(?P<other>{context.party_words.pattern})['’]s? (?:[a-z]+ ){{0,2}}?(?:breach|default)",
                text[leaving.end() :],
                re.I,
            )
            if breach and (other := context.side_of(breach.group("other"))) and other != side:
                return other
            return side  # the party that leaves pays
        pay = re.search(r"\b(?:pay|payable|owe|liable|liquidated)", text, re.I)
        if not pay:  # the payee named: "the Developer is to receive ..." binds the other party
            paid = re.search(r"\b(?:receive|retains?|keeps?|(?:is|be) entitled to|is owed)\b", text, re.I)
            if paid:
                payee = context.subject_side(text, before=paid.start())
                if payee in ("client", "vendor"):
                    return "client" if payee == "vendor" else "vendor"
        return context.subject_side(text, before=pay.start() if pay else None)
