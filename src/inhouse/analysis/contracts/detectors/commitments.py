"""Money that keeps a party in: minimum commitments (purchase, volume, spend, committed term)
and termination fees (including liquidated damages and the fees for the rest of the term)."""

from __future__ import annotations

import re

from inhouse.analysis.contracts.context import Context
from inhouse.analysis.contracts.detectors.base import rx
from inhouse.analysis.contracts.detectors.flag_base import FlagDetector
from inhouse.analysis.contracts.numbers import NUMBER

_AT_LEAST = r"(?:at least|not less than|no less than|a minimum of|minimum of|in excess of|no fewer than|not fewer than)"
_QUANTITY = rf"(?:\$|€|£|usd|eur|\[|\*|\d|(?:{NUMBER})\b)"


class MinimumCommitment(FlagDetector):
    kind = "minimum_commitment"
    prefilter = re.compile(r"minimum|least|less than|fewer|excess|take[- ]or|commit|shortfall|guarantee|obligat|quota|"
                           r"forecast", re.IGNORECASE)
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
        r"(?:year|month|quarter|week|day|period|season|term|annum)",
        r"\ba minimum of " + _QUANTITY + r"[^.;]{0,40}?(?:\$|€|£|usd|eur|units|hours|days|events|orders|episodes|"
        r"percent|%|per (?:month|year|quarter|annum))",
        # "a monthly minimum of", "the total minimum of Securities", "an aggregate minimum amount equal to $5,000,000"
        r"(?:annual|monthly|quarterly|yearly|total|aggregate) minimum (?:of|amount|number|quantity)",
        r"\bminimum (?:dollar )?amount (?:of|equal to) " + _QUANTITY,
        # quantities: "in quantities of not less than 2,500 barrels", "in at least the following quantities"
        r"quantit(?:y|ies) of " + _AT_LEAST + r" " + _QUANTITY, r"at least the following (?:quantities|amounts|volumes)",
        r"\b(?:sales|purchase|volume|minimum|annual|quarterly) quotas?\b",
        r"\bminimum (?:[a-z]+ )?(?:expenditures?|budget)",
        r"\bminimum (?:number|amount|level|volume) of (?!(?:business |calendar |working )?(?:days?|weeks?|months?|years?)\b)"
        r"[a-z]+",
        _AT_LEAST + r" " + _QUANTITY + r"[^.;]{0,60}?(?:shall|must|will) be (?:purchased|ordered|bought|sold|paid|spent)",
        r"\b(?:annual|monthly|quarterly|volume|purchase|order|spend(?:ing)?) commitments?\b",
        r"(?:commit(?:s|ted|ment)?|obligat\w+) to (?:purchase|order|buy|spend|procure) (?:[a-z]+ ){0,3}" + _AT_LEAST,
        r"(?:minimum|purchase|order|volume|quantit)[^.;]{0,60}?shortfall|shortfall[^.;]{0,60}?(?:minimum|purchase|order|volume)",
    )
    vetoes = rx(
        r"minimum (?:wage|insurance|coverage|standards?|requirements? (?:of|for|set)|notice|age|"
        r"(?:performance )?(?:standards?|specifications?)|"
        r"necessary|extent|level of (?:care|skill))",
        r"\bat a minimum\b",
        r"at least (?:the same|as|equal|reasonable|commercially)",
        r"(?:" + _AT_LEAST + r") [^.;]{0,20}?(?:business |calendar |working )?(?:days?|months?|weeks?|years?)\b",
        r"no minimum (?:purchase|order|commitment|fee|spend|term)",
        r"(?:no|not|nor|without) (?:any )?(?:[a-z]+ )?(?:purchase|volume|order|spend(?:ing)?) commitments?",
        r"(?:not|nothing|no)\b[^.;]{0,60}?(?:oblig\w+|requir\w*|commit\w*)[^.;]{0,40}?(?:any )?minimum[^.;]{0,40}",
        r"not (?:be )?(?:subject to )?any minimum",
        r"without (?:any )?minimum",
        r"(?:not|no) (?:be )?(?:[a-z]+ ){0,2}obligat\w+ to (?:purchase|order|buy)",
        r"no (?:commitment|obligation) to (?:purchase|order|buy)",
        r"(?:insurance|coverage|per occurrence|in the aggregate|policy|policies)",
        # price floors, financial covenants and service levels are other clause kinds
        r"minimum (?:resale |advertised |sales? |selling |retail |purchase |unit )?prices?",
        r"minimum (?:net worth|balance|capital(?:ization)?|liquidity|credit rating|rating)",
        r"minimum number of (?:meetings|members|directors|representatives|votes|persons|employees|attendees)",
        r"(?:uptime|availability|accuracy|service levels?|response (?:time|rate)|fill rate)[^.;]{0,40}?" + _AT_LEAST
        + r"|" + _AT_LEAST + r" [^.;]{0,30}?(?:uptime|availability|accuracy)",
        r"(?:net worth|shareholders['’]? equity|working capital|outstanding (?:shares|voting)|voting (?:stock|power|"
        r"securities))[^.;]{0,40}?" + _AT_LEAST + r"|" + _AT_LEAST + r" [^.;]{0,40}?(?:of the outstanding|voting)",
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

