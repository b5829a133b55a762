"""What happens when a contract ends: the language of duties that run past termination or
expiry (wind-down, sell-off of inventory, survival, tail periods, insurance and record-keeping
tails, payments on termination).

The exit detector uses it to say whether a span speaks about leaving at all. Duties after the
end that belong to other clause kinds (a post-term non-compete or non-solicit, an inspection
right, a right of first refusal, a cap on liability) are look-alikes, unless the span also
speaks about handing things back or over.
"""

from __future__ import annotations

from inhouse.analysis.contracts.detectors.base import rx

_END = r"(?:terminat\w*|expir\w*|cancell?(?:ation|ed|s)|cancel|non-?renewal)"

AFTER_END = rx(
    r"\b(?:upon|after|following|on|at|prior to) (?:the )?(?:any )?(?:effective date of )?(?:such )?(?:expiration|expiry|"
    r"termination|cancell?ation|end of (?:the|this) (?:term|agreement))",
    r"surviv\w* (?:any |the )?(?:such )?(?:termination|expiration|expiry)",
    r"post[- ]termination",
    r"wind(?:ing)?[- ]?(?:down|up)\b",
    r"sell[- ]off",
    r"(?:termination|expiration|expiry) (?:or (?:termination|expiration|expiry) )?of (?:this|the) agreement",
    # the end as a condition: "if this Agreement is terminated by X under Section 12", "in the event of termination"
    r"\b(?:if|in the event|where|when|should|in case)\b[^.;]{0,80}?\b" + _END,
    r"unless (?:this|the) agreement (?:is|has been) terminated",
    # survival, and duties the end leaves standing
    r"\bsurviv\w*",
    r"(?:notwithstanding|regardless of) (?:the |any |such )?(?:termination|expiration|expiry)",
    r"terminat\w*[^.;]{0,60}?(?:shall|will) not (?:relieve|release|affect|prejudice|discharge)",
    r"accrued (?:rights|obligations|liabilit)",
    # tail periods: "during the Term and for two years thereafter", "for six months after the Term"
    r"(?:during|throughout) the term[^.;]{0,40}? and (?:for )?[^.;]{0,40}?(?:thereafter|after(?:wards)?\b)",
    r"(?:remains? in (?:full )?(?:force|effect)|(?:remainder|rest) of the term)[^.;]{0,40}? and (?:for )?[^.;]{0,40}?"
    r"thereafter",
    r"\band for (?:a period of )?(?:up to )?[^.;]{0,30}?(?:years?|months?|days?) thereafter\b",
    r"\b(?:years?|months?|days?|weeks?)(?: \(\d+\))? (?:after|following|from|beyond) (?:the )?(?:term\b|(?:end|expiration|"
    r"expiry|termination)(?: or (?:expiration|termination|expiry))? of (?:this|the) (?:agreement|term|contract))",
    r"(?:after|following|beyond|from) (?:the )?(?:end of (?:the )?|expiration of (?:the )?)?(?:term|contract(?:ed)? period)\b",
    r"remaining in [^.;]{0,60}?inventor",
    r"anniversary of the (?:expiration|termination|end)",
    # notice of termination given, the termination date, the assistance around it
    r"(?:after|from|following|upon|on) (?:and after )?(?:receipt of |delivery of |the giving of )?(?:a |any |the )?"
    r"(?:written )?notice of (?:termination|non-?renewal|cancell?ation|cessation)",
    r"(?:effective date of|date of|as of such|effective upon|time of) (?:such )?(?:termination|expiration|expiry)",
    r"(?:termination|expiration|cessation) (?:date|assistance|services|period)",
    # what is left when the relationship ends: inventory, stock, orders in progress
    r"(?:remaining|existing|unsold|residual|surplus|excess) (?:[a-z]+ )?(?:inventor(?:y|ies)|stocks?|merchandise|"
    r"supplies|materials|products?|units)",
    r"(?:dispose|disposal|disposition|sale|sell) of (?:any |all |the )?(?:remaining |existing )?(?:inventor|stock)",
    r"last[- ](?:time )?buy|final (?:purchase )?orders?",
    r"post[- ](?:expiration|expiry|term)\b",
    r"tail (?:period|coverage)",
    r"run[- ]off",
    r"phase[- ]out",
    r"(?:after|following|upon) (?:the )?(?:discontinu|cessation)\w*",
)
TAIL_PERIOD = rx(r"(?:sell[- ]off|use[- ]up|wind[- ]down|run[- ]off|phase[- ]out|tail) period")
DUTY = rx(
    r"\bshall\b",
    r"\bwill\b",
    r"\bmust\b",
    r"\bagrees?\b",
    r"\bentitled\b",
    r"\bcontinue\b",
    r"\bmay\b",
    r"\bsurviv",
    r"\bgrants?\b",
    r"\boption\b",
    r"\bright to\b",
    r"\bremain\b",
    r"\bobligat",
    r"\bliable\b",
    r"\bdeemed\b",
    r"\bpay(?:able)?\b",
    r":\s*$",
)
# Duties after the end that are other clause kinds; see the module docstring.
OTHER_KINDS = rx(
    r"\bcompet\w*",
    r"\bsolicit\w*",
    r"\bdisparag\w*",
    r"\b(?:hire|employ) (?:or|any|the)",
    r"\binspect\w*",
    r"first (?:right|option|refusal|negotiat\w*|offer)",
    r"right of first",
    r"(?:limitation|cap) (?:of|on) liability",
    r"(?:aggregate|total|maximum) liability",
    r"in no event (?:shall|will)",
    r"governed by",
    r"arbitrat\w*",
    r"(?:shall|will) not be liable",
    r"directly or indirectly",
    r"\bendorse (?:any|a|the|or|competing)\b",
)
HAND_BACK = rx(
    r"\breturn",
    r"\bdeliver",
    r"\btransfer",
    r"\bhand(?:s|ed)? over",
    r"\bdestroy",
    r"\btransition",
    r"\bwind[- ]?down",
    r"\binventor(?:y|ies)\b",
    r"sell[- ]off",
    r"\bcease (?:to use|using|all use)",
    r"\bmigrat",
)


# A right to end the contract, with or without cause: "may terminate", "may be cancelled", "shall have the
# right to terminate", "elects to terminate".
RIGHT_TO_END = rx(
    r"\b(?:may|can|right to|entitled to|option to|elects? to|election to|decides? to|wish(?:es)? to|reserves? the right to)"
    r",?(?: [\w,()'’\[\]*-]+){0,8}? (?:terminat\w*|cancel|rescind|withdraw from|end) (?:this|the|its|their|any|such|all)\b",
    r"\bmay (?:at any time )?revoke (?:this |the |its |any )?(?:[\w.]+['’]s? )?(?:[a-z]+ )?licen[cs]e",
    r"(?:may|can) be (?:terminated|cancell?ed|rescinded)\b",
    r"\bterminable\b",
)


def speaks_about_after_end(text: str) -> bool:
    """Does ``text`` set a duty that runs past the end of the contract?"""
    if TAIL_PERIOD.search(text):
        return True
    if not (AFTER_END.search(text) and DUTY.search(text)):
        return False
    return not OTHER_KINDS.search(text) or bool(HAND_BACK.search(text))
