"""Exclusivity: an exclusive appointment or licence, a requirements commitment, or a promise
not to deal with anyone else (another supplier, a competing product, a third party)."""

from __future__ import annotations

import re

from inhouse.analysis.contracts.detectors.base import rx
from inhouse.analysis.contracts.detectors.flag_base import FlagDetector

_OTHER_PARTY = (
    r"(?:another|other|third[- ]part(?:y|ies)|alternative|competing|competitive|rival)(?: [a-z]+){0,2}? "
    r"(?:supplier|vendor|provider|distributor|manufacturer|source|company|compan(?:y|ies)|entit(?:y|ies)|"
    r"persons?|sponsors?|partners?|agents?|resellers?|licensees?|developers?|consultants?|competitors?|"
    r"firms?|brands?|customers?|purchasers?|retailers?|part(?:y|ies))"
)
_COMPETING = (
    r"(?:(?:competing|competitive|rival)(?: [a-z]+){1,3}"
    r"|(?:similar|like)(?: [a-z]+){0,2}? (?:products?|services?|goods|business|"
    r"compan(?:y|ies)|brands?|programs?|offerings?|technolog(?:y|ies)|[a-z]+s)"
    r"|any(?:one|body| person| party| entity| third party| other person| company)? other than)"
)
_ENGAGE = (
    r"(?:engage|appoint|retain|hire|commission|entrust|contract with|purchase|buy|obtain|procure|source|work with|partner with|"
    r"enter into (?:any |an? )?(?:agreement|arrangement|relationship|contract|discussions?)|use the services of)"
)
_DEALING = (
    r"(?:engage|appoint|retain|hire|entrust|contract with|purchase|buy|obtain|procure|source|sell|resell|distribute|"
    r"licen[cs]e|market|represent|promote|endorse|sponsor|enter into|work with|partner with|supply|"
    r"manufacture|advertise|carry|stock|develop|commercialize|commercialise|offer|grant|accept|use|appear|provide|"
    r"render|perform)"
)
_NOT = (
    r"(?:shall|will|agrees?(?: that it will)?(?: to)?|may|must|covenants?(?: to| that it will)?|cannot|to) not,? "
    r"(?:(?:directly|indirectly|either|or|and|itself|through|any|of|its|their|affiliates?|,|be|granted|to) ){0,8}"
)


_BLANKS = re.compile(r"[_-]{3,}")  # form lines and rules left by PDF conversion: "will not ---- represent"
# Recitals describe the background, often other agreements ("WHEREAS X has appointed Y as its exclusive
# distributor under the Supply Agreement"); they bind nobody.
_BACKGROUND = re.compile(
    r"^\W*(?:[A-Z]\.\s+)?whereas\b|\bthat certain\b|have entered into [^.;]{0,80}"
    r"agreement dated",
    re.IGNORECASE,
)


class Exclusivity(FlagDetector):
    kind = "exclusivity"
    prefilter = re.compile(
        r"exclusiv|sole|\bnot\b|prohibit|restrict|requirements|needs|purchases|grant|appoint|"
        r"designat|no right",
        re.IGNORECASE,
    )
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
        r"(?:shall|will) not (?:be )?(?:permitted|entitled|allowed|free) to "
        + _DEALING
        + r"[^.;]{0,60}?(?:"
        + _OTHER_PARTY
        + "|"
        + _COMPETING
        + ")",
        r"(?:prohibited|restricted) from [^.;]{0,80}?(?:" + _OTHER_PARTY + "|" + _COMPETING + ")",
        r"(?:grant|appoint|designate)(?:s|ed)? [^.;]{0,80}?(?:the |its |their |an? )?(?:sole and )?exclusive",
        # "the licence ... shall be perpetual, exclusive and irrevocable"; "shall work exclusively with"
        r"licen[cs]e[^.;]{0,80}?(?:shall|will) be (?:[a-z-]+,? )*?(?:and )?(?<!non-)(?<!non)exclusive",
        r"(?:work|deal|partner|collaborate)s? exclusively (?:with|for|through)",
        # "shall commission any further work on the platform exclusively from the Supplier"
        r"\b(?:commission|engage|order|purchase|procure|source|obtain|buy)\w*\b[^.;]{0,100}?\b(?:exclusively|solely) "
        r"(?:from|with|through) (?:the )?[A-Z]",
        r"\bexclusivity (?:agreement|clause|provisions?|obligations?|period|rights?|commitment|covenant)",
        r"(?:manufactur|produc|suppl|provid|perform|develop|sell|distribut|make)\w*\b[^.;]{0,100}?exclusively (?:for|to) "
        r"(?!(?:the |its |their |such )?(?:purposes?|use|benefit|account|extent|operation)\b)",
        r"no right to (?:allow|permit|authori[sz]e|grant|license|licence|appoint)[^.;]{0,80}?(?:other than|except)",
        _NOT + r"(?:licen[cs]e|sell|distribute|market|grant (?:any )?(?:rights?|licen[cs]es?))\b[^.;]{0,80}?"
        r"to (?:any )?third[- ]part(?:y|ies)",
        # another firm kept out of the same work: "shall not engage a third party to perform services of the same nature"
        _NOT
        + _ENGAGE
        + r" (?:any |an? )?(?:other )?(?:third[- ]part(?:y|ies)|other (?:person|firm|supplier|provider)s?) "
        r"to (?:perform|provide|supply|render|deliver|carry out)[^.;]{0,120}?(?:same|similar|like|comparable|equivalent)",
        # another firm kept from building the same thing: "shall not commission any third party to build a routing tool"
        # (a subcontracting rule "without consent" is not exclusivity)
        _NOT + _ENGAGE + r" (?:any |an? )?(?:other )?third[- ]part(?:y|ies) to (?:develop|build|design|create)\b"
        r"(?![^.;]{0,160}?\b(?:consent|approval)\b)",
        # the provider kept from serving others of a kind: "must not provide analytics services to any other clinic"
        # (giving data or copies to others is no such promise; "data" naming a kind of service is: "data
        # engineering services")
        _NOT
        + r"(?:provide|supply|perform|render|offer|sell)\w*\b(?![^.;]{0,80}?\b(?:data\b(?![\w ]{0,30}?\bservices?\b)|"
        r"information|personal|copies)\b)[^.;]{0,80}?\b(?:services?|work|products?|solutions?|advice)\b[^.;]{0,40}?\bto "
        r"(?:any|an?) (?:other|"
        r"competing|rival)\b",
        # a thing made for the client kept from others: "shall not license the tuned model to any other hospital"
        _NOT + r"(?:licen[cs]e|sell|resell|distribute|market|make available)\b[^.;]{0,120}?\bto (?:any|an?) (?:other|"
        r"competing|rival)\b(?! part of\b)",
        # the provider kept from serving others: "shall not supply fleet-routing services to any carrier ... other than the Buyer"
        _NOT + r"(?:provide|supply|perform|render|offer|sell)\w*\b[^.;]{0,100}?\bto any\b[^.;]{0,100}?\bother than\b",
        # the provider kept from the same work for others: "must not provide services of a similar kind to any other ..."
        _NOT + r"(?:provide|supply|perform|render|offer)\w* (?:any )?(?:services?|work|products?) (?:of (?:a|the) "
        r"(?:same|similar|like|comparable) (?:kind|nature|type)|(?:that are )?(?:the )?same as|similar to (?:the|those))"
        r"[^.;]{0,80}?\b(?:any|an?) (?:other|third|competitor)",
    )
    vetoes = rx(
        # a limit on what the licensee does with what it is given is a licence term, not a promise to deal with
        # no one else: "shall not resell the licensed data, and shall not use it to build a competing product"
        r"\bnot (?:use|exploit) (?:them|it|the [\w -]{1,40}?) (?:to|in order to) (?:build|develop|create|make)\b"
        r"[^.;]{0,30}?\b(?:competing|competitive|rival)\b",
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
        r"exclusively (?:used|related|attributable|relating|for (?:the )?purposes?)",
        r"(?:then[- ]current|applicable|regulatory|legal|reporting|filing) requirements",
        r"exclusive rights? in (?:and to )?",
        # the author's right over adaptations, passed with the economic rights: "the exclusive right to authorise
        # the exercise of derivative rights" is ownership, not exclusive dealing
        r"exclusive right to (?:authori[sz]e|permit|consent to)[^.;]{0,40}?\bderivative",
        r"(?:not|nor) (?:to )?use (?:any |the )?(?:of )?(?:[a-z]+ )?(?:logos?|names?|marks?|trademarks?|trade names?|"
        r"likeness|materials?)\b",
        r"(?:employee|personnel|staff|hire|hiring)[^.;]{0,80}?exclusive (?:independent )?contractor",
        # a denial: "this contract does not render the Vendor a sole supplier", "nothing here requires the
        # Buyer to purchase exclusively from the Vendor", "need not be obliged to source ... exclusively"
        r"(?:does|do|shall|will|did) not (?:make|render|constitute|appoint|designate|create)\b[^.;]{0,40}?\b(?:an? )?"
        r"(?:exclusive|sole)\b(?:[^.;]{0,40}?\b(?:supplier|provider|source|vendor|partner|contractor|consultant)s?\b)?",
        r"\bnothing\b[^.;]{0,60}?\b(?:oblig(?:es?|ing)|requir(?:es?|ing)|compel(?:s|ling)?|binds?|binding|commit(?:s|ting)?)\b"
        r"[^.;]{0,100}?\bexclusive(?:ly)?\b",
        # an assignment "on an exclusive basis" passes ownership; it is not exclusive dealing
        r"\bassign\w*\b[^.;]{0,40}?\b(?:on|in) an? exclusive (?:basis|manner)",
        r"\bnot (?:be )?(?:obliged|required|bound|committed|obligated) to\b[^.;]{0,100}?\b(?:exclusive(?:ly)?|solely)\b",
        # an option to negotiate a licence of either kind: "an exclusive or non-exclusive licence"
        r"exclusive or non-?exclusive|non-?exclusive or exclusive",
        # a civil-law grant of the work itself (the copyright stays with the author): "an exclusive right of use,
        # unrestricted as to time and territory, in the results" is the client's ownership, not exclusive dealing
        r"exclusive\b[^.;]{0,40}?\brights?\b(?=[^.;]{0,120}?(?:unlimited|unrestricted) (?:in|as to) (?:time|territory|space|"
        r"content))",
        r"exclusive\b[^.;]{0,40}?\brights? (?:of|to) (?:use|exploitation|exploit)\b(?=[^.;]{0,200}?all (?:known )?"
        r"(?:and unknown )?(?:types|kinds|forms) of (?:use|exploitation))",
        # a denial: "nothing in this Order makes the Vendor an exclusive or preferred supplier"
        r"\bnothing\b[^.;]{0,80}?\b(?:makes?|renders?|constitutes?|appoints?|designates?|creates?)\b[^.;]{0,40}?"
        r"\b(?:exclusive|sole)\b(?:[^.;]{0,40}?\b(?:supplier|provider|source|vendor|partner|contractor|consultant|"
        r"distributor|agent|licensee|relationship|arrangement)s?\b)?",
    )

    def relevant(self, text: str) -> bool:
        return super().relevant(_BLANKS.sub(" ", text))

    def _vetoed(self, text: str) -> bool:
        if _BACKGROUND.search(text):
            return True
        if re.search(
            r"\b(?:confidential|disclos|gratuit|gift|settlement|infring|prosecut|solicit|employ(?!ee))", text, re.I
        ) and not re.search(r"exclusiv|sole (?:supplier|source|provider)", text, re.I):
            return True
        return super()._vetoed(text)
