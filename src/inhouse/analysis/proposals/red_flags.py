"""Overclaim and pressure red flags, each with the partner's own words as evidence.

- guaranteed_accuracy: an accuracy or detection figure promised up front ("guarantees 99.2%
  accuracy", "100% detection"), not a target to be measured in a pilot;
- no_limits: "we can do everything", "no limits", "no use case we can't handle";
- artificial_deadline: an offer that expires, slots running out, "sign by Friday";
- multi_year_discount: a discount tied to committing for several years now;
- auto_conversion: a pilot or trial that becomes a long commitment unless cancelled.
Only the partner's sentences are read; a negated promise ("we cannot guarantee 95%") is none.
"""

from __future__ import annotations

import re

from inhouse.analysis.proposals.document import ParsedDocument, Unit
from inhouse.domain.partners import RedFlag

#: a figure in digits or in words: "99.2%", "ninety-eight percent", "a hundred per cent"
_PERCENT = (
    r"(?:\d{2,3}(?:[.,]\d+)?|(?:(?:one |a )?hundred|(?:ninety|eighty|seventy|sixty|fifty)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?(?: point \w+)?))\s?(?:%|percent|per cent)"
)
_NEGATED = re.compile(
    r"\b(can't|cannot|can not|won't|will not|don't|do not|never|no|not|unable to|wouldn't|would not|refuse to)\b"
    r"[^.]{0,25}\b(guarantee|promise|commit)",
    re.I,
)
_GUARANTEE = [
    re.compile(
        rf"\b(guarantee[sd]?|guaranteeing|promise[sd]?|assure[sd]?|warrant(s|ed)?)\b[^.;]{{0,60}}{_PERCENT}", re.I
    ),
    re.compile(
        rf"{_PERCENT}[^.;]{{0,40}}\b(guaranteed|accuracy guarantee|or your money back|promised|assured)\b"
        rf"|{_PERCENT}[^.;?]{{0,60}}\b(we|I) (can |will |do )?(guarantee|promise|warrant) (that|it|this|you that)\b",
        re.I,
    ),
    re.compile(
        r"\b100\s?(%|percent|per cent) (accura\w*|detection|reliab\w*|precision|recall|correct)|"
        r"\bzero (false (positives|negatives|rejects|alarms)|errors|mistakes)\b|\b(perfect|"
        r"flawless) accuracy\b",
        re.I,
    ),
    re.compile(r"\bguarantee[sd]? (\w+ ){0,3}(accura\w*|precision|recall|detection rate|results)\b", re.I),
]
#: "nothing we can't do", "no use case we couldn't handle", "never had a case we couldn't crack",
#: "haven't found a bordereau we can't read", "nothing we haven't done / don't cover".
NEVER_FAILED = (
    r"\bnothing\b(?! (further |more |extra )?(owed|due|to pay|charged|payable))[^.;!?]{0,60}\b(we|it|they|"
    r"our \w+|(?-i:[A-Z])\w+)"
    r"( \w+)?[\u2122\u00ae]? (can't|cannot|can not|couldn't|could not|haven't|have not|"
    r"don't|do not|wouldn't)\b"
    r"|\bno\b[^.;!?]{0,40}\b(use case|problem|challenge|project|task|industry|requirement|case|question|"
    r"format|document|situation|"
    r"scenario|base|type|size|volume|language|data ?set|client|customer|domain|sector|workload|setting|part|"
    r"piece|system|tool|stack|"
    r"integration|platform)s?"
    r"\b[^.;!?]{0,30}\b(we|it|they|our \w+|(?-i:[A-Z])\w+)( \w+)?[\u2122\u00ae]? (can't|cannot|can not|couldn't|could not|"
    r"haven't)\b"
    r"|\b(never|haven't|have not|hasn't|has not|yet to)( yet| ever)? (met|meet|had|found|find|seen|see|"
    r"encountered|encounter|faced|"
    r"face|come across|lost)\b[^.;!?]{0,60}"
    r"\b(couldn't|could not|can't|cannot|didn't|did not|wasn't able to)\b"
)
#: Denying a limit in the words of a hedge: "nothing here is outside our wheelhouse", "nothing in this
#: brief we'd need help with", "we've built every piece of this before", "no project too complex",
#: "we don't have any weaknesses".
DENIED_LIMITS = (
    r"\b(nothing|none of (this|it|that|these)|no part of (this|it|that))\b[^.;!?]{0,50}\b(outside|beyond) (of )?(our|my) "
    r"(wheelhouse|expertise|scope|comfort zone|lane|remit|capabilit\w+|skills?|skill ?set|experience|competen\w+|reach)"
    r"|\bnothing\b[^.;!?]{0,50}\b(we|I)('d| would| will|'ll)? need (any )?(outside )?(help|support|"
    r"a partner) (with|on|for)\b"
    r"|\b(every|each|all) (single )?(piece|part|bit|aspect|element|component)s? of (this|it|that|the brief)\b[^.;!?]{0,30}"
    r"\b(before|many times|already)\b|\b(we've|we have) (built|done|covered|solved|delivered) (every|each|all)( of)? (the )?"
    r"(piece|part|bit|aspect|element|component)s?\b"
    r"|\bno (\w+ ){0,2}(is |are )?too (big|small|complex|hard|difficult|ambitious)( for us)?\b"
    r"|\b(we|I) (don't|do not) (really )?have (any |real )?(weakness(es)?|limitations?|gaps|blind spots|shortcomings)\b"
    r"|\b(we|it|the platform|our \w+) (has|have) no (known |real |significant )?(limitations?|weakness(es)?|"
    r"gaps|blind spots)\b"
    r"|\b(good|great|excellent|strong|best) at (everything|anything|all of it)\b|\b(we )?(can )?cover (all of it|the lot)\b"
    r"|\bexcel (across the board|at everything|in every)\b|\bno (\w+ ){0,2}(area|domain|field|"
    r"aspect)s? (where|in which) (we|it) "
    r"(fall short|struggle|are weak)\b|\b(have|has) no (real )?weakness(es)? (to speak of|worth mentioning)\b"
    r"|\b(any|every) [\w -]{1,40}\b(and|or) (any|every) \w+|\bif it's [^.;]{0,40}, (we've got it|we do it|"
    r"we cover it|we can do it)\b"
    r"|\b(proven|works?|worked|succeeded|tested|delivered) (in|for|on|across) (every|any|"
    r"all) (\w+ )?(scenario|situation|case|setting|"
    r"environment|context|condition)s?\b|\b(whatever|everything|anything) you (need|want|"
    r"could want)\b[^.;!?]{0,30}\b(covered|"
    r"handle|do|deliver)\b"
)
_NO_LIMITS = [
    re.compile(
        r"\b(we|it|platform|they|I) can do (it all|everything|anything)\b|\bdo(es)? it all\b|"
        r"\bno limits?\b|\blimitless\b|"
        r"\bwithout (any )?limits\b|\bunlimited (scope|use cases)\b",
        re.I,
    ),
    re.compile(NEVER_FAILED, re.I),
    re.compile(DENIED_LIMITS, re.I),
    re.compile(
        r"\b(any|every) (\w+ )?(use case|industry|challenge)\b|\b(cover|handle|solve|automate|tackle|crack)s? "
        r"(it all|everything|anything)\b|"
        r"(?<!: )\b(any|every) \w+( \w+)?, (any|every) \w+|\b(handles?|works? (for|on|with)|supports?|covers?|automates?) "
        r"any \w+( \w+)?, \w+( \w+)? (or|and) \w+|\bcomplete package\b|\bwhatever (your|"
        r"you)\b[^.]{0,40}\b(covered|cover|handle|do)\b",
        re.I,
    ),
]
#: the product or the partner can't fail: "our AI never misses a qualified lead" (present tense; "we've never
#: missed a go-live" is a track record, "so you never miss a lead" is the client's)
_INFALLIBLE = re.compile(
    r"\b(our (\w+ )?(AI|engine|platform|model|system|tool|algorithm|software|assistant)|it|the (AI|engine|platform|model|"
    r"system|tool))\s+(simply |just )?never\s+(misses|fails|errs|overlooks|gets ([\w-]+ ){1,3}?wrong|"
    r"makes (a )?mistakes?)\b(?! (a |the )?(deadline|date|meeting|call|payment|beat|day)s?\b)",
    re.I,
)
#: "name the problem and we'll have it solved", "one engine for all of them" after a list of kinds,
#: "one partner, every capability", "every corner of retail" (not "every corner of your warehouse")
_ANY_PROBLEM = re.compile(
    r"\bname (the|your|any) (problem|challenge|use case|need)s?,? and (we'll|we will|we) (have it |get it )?"
    r"(solved|solve|crack|fix|build|handle|deliver)"
    r"|\bone (partner|platform|engine|vendor|supplier|team), every (capability|need|problem|use case)\b"
    r"|\b(worked|delivered|played|operate|work) in every (corner|nook|niche|part) of (?!your\b|the client's\b)",
    re.I,
)
_ONE_FOR_ALL = re.compile(
    r"\bone (\w+ )?(engine|platform|tool|system|model|solution) for (all of them|every one of them|"
    r"all of it)\b",
    re.I,
)
_DEADLINE = [
    re.compile(
        r"\b(offer|discount|price|pricing|rate|deal|promotion)s?\b[^.]{0,50}\b(expires?|(?<!the )ends?|(through|until|till|up to) the end of|"
        r"is only valid|valid (only )?until|"
        r"disappears?|goes up|increases?|changes?|only (applies|available) (until|if)|"
        r"only (open|available|on offer|good|running|held) (until|till|through|to)|goes (up )?to [$\u20ac\u00a3]?\d)\b",
        re.I,
    ),
    re.compile(
        r"\b(sign|countersign|commit|decide|order)(ed|s|ing)? ([\w-]+ ){0,6}(by|before|until) (((this|next) )?(coming )?friday|"
        r"january|february|march|april|may|june|july|august|september|october|november|december|"
        r"((this|next) )?(coming )?(monday|tuesday|wednesday|"
        r"thursday|saturday|sunday)|tomorrow|tonight|end of (the |this )?(day|week|month|quarter|year)|"
        r"the end of|\d{1,2}(st|nd|rd|th)? "
        r"\w+|\w+ \d{1,2}(st|nd|rd|th)?\b)",
        re.I,
    ),
    re.compile(
        r"\bonly (\w+ )?(\d+|one|two|three|a few|a handful of) (\w+ )?(slots?|places?|spots?|seats?|licen[cs]es?) "
        r"(left|remaining|available)|\blimited[- ]time\b|\b(this|today|this week|this month|this quarter)'?s? only\b|"
        r"\bbefore (it's too late|prices rise|the price (goes up|increases))\b|\bact now\b|"
        r"\bdecid\w+ this (week|month|quarter)\b|"
        r"\b(if|when) you sign (before|by|this|today|within)|\bsign(ed|s|ing)?\b[^.]{0,20}\b(this|"
        r"by (the )?end of (this|the)) "
        r"(week|month|quarter|year)\b|\bsign (this|before the end of this) (month|week|quarter)|"
        r"\boffer (is )?only valid\b|\bafter that date\b",
        re.I,
    ),
]
#: an offer held only until a stated moment: "the price is available only until noon on Monday 3 June", "open
#: until 6 pm on Thursday" - a clock time on a named day or date, or "only" before the "until" after the offer
_WEEKDAY = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december)"
_HELD_UNTIL = re.compile(
    r"\b(offer|discount|price|pricing|rate|deal|promotion|terms|slot)s?\b[^;!?]{0,120}?\b(is |are |remains? |stays? )?"
    r"(available|valid|open|on the table|held|good|on offer) only (until|till|through|to|before)\b"
    r"|\b(available|valid|open|on the table|held|good|on offer|stands?|holds?)( only)? (until|till|up to|before) "
    r"(\d{1,2}([.:]\d{2})?\s?(a\.?m\b\.?|p\.?m\b\.?|h\b|o'clock)|noon|midday|midnight|close of business|(the )?end of (the )?day)"
    rf",?( \w+ time)?,? (on |this |next )?({_WEEKDAY}|{_MONTH} \d{{1,2}}|\d{{1,2}}(st|nd|rd|th)? {_MONTH}|the \d{{1,2}}"
    r"(st|nd|rd|th)?)\b",
    re.I,
)
_PRICE_WORD = re.compile(r"\b(offer|discount\w*|price|pricing|rates?|deal|promotion|terms|fees?)\b", re.I)
#: a near-term date and an incentive in one sentence: "book a demo this week and we'll waive the fee",
#: "sign before April and we'll discount year one" (not "we can start this week", not a free pilot)
_SOON = re.compile(
    r"\b(this (week|month|quarter)|today|tomorrow|tonight|within (\d+|a|one|two|three|seven|ten|fourteen) (days?|hours?)|"
    r"(by|before) (the end of (the |this )?(week|month|quarter)|friday|monday|tuesday|wednesday|thursday|saturday|"
    r"sunday|january|february|march|april|may|june|july|august|september|october|november|december|"
    r"\d{1,2}(st|nd|rd|th)? \w+))\b",
    re.I,
)
_INCENTIVE = re.compile(
    r"\b(waive|waives|waived|waiving|discount\w*|\d{1,2}\s?(%|percent|per cent) off|take \S+ off|knock \S+ off|"
    r"throw in|thrown in|free (for|of charge)|at no (extra )?(cost|charge)|for free|"
    r"lock in|price (goes up|rises|increases)|(keeps?|holds?|locks?) (in )?(today's|the current|our current|"
    r"this) (rate|price|pricing)|(prices?|rates?) (go|goes) up)\b",
    re.I,
)
#: something running out on a named near day: "it expires this Friday", "lapses on the 12th", "ends next week"
_EXPIRES = re.compile(
    r"\b(expires?|lapses?|runs out|is withdrawn|closes)\b[^.;]{0,12}?\b((this|next|on|by) (coming )?(monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|week|month|quarter|\d{1,2}(st|nd|rd|th)?\b)|(tomorrow|tonight|"
    r"at (midnight|the end of (the |this )?(day|week|month|quarter))))",
    re.I,
)
_OFFER_NOUN = re.compile(r"\b(offer|incentive|promotion|promo|deal|waiver|bonus|special (rate|price))s?\b", re.I)
_ACTION = re.compile(
    r"\b(if|when|once)? ?(you )?(sign|book|order|commit|confirm|decide|buy|agree|reply|say yes|"
    r"go ahead|place)\w*\b",
    re.I,
)
_DISCOUNT = re.compile(
    r"\b(discount\w*|\d{1,2}\s?(%|percent|per cent) off|off the (first|list|full)|rebate|"
    r"(reduction|saving|cut) (on|in|of|to) (the |your |our |all )?([\w-]+ ){0,2}(licen[cs]es?|subscriptions?|fees?|"
    r"price|pricing|rates?|charges?)|"
    r"reduced (rate|price)|"
    r"founding-client|loyalty bonus|(year|months?|quarter) (is|are) free|"
    r"(first )?\d+ (days|weeks|months) (of the (term|contract|agreement) )?(are |is )?free|"
    r"below (the )?list( price)?|"
    r"free for (the first |year |month )?(year|month|quarter|one)s?( one)?|under list( price)?|free (months?|year)|(\w+ )?(months?|"
    r"year|quarter) (for )?free|at no (extra )?(cost|charge))\b",
    re.I,
)
_MULTI_YEAR = re.compile(
    r"\b(multi-?year|(two|three|four|five|2|3|4|5)[- ]years?|(24|36|48|60)[- ]months?|(two|three|four|five) years|"
    r"(24|36|48|60) months)\b",
    re.I,
)
_CONVERSION = re.compile(
    r"\b(converts?|rolls? (over )?into|rolls over|automatically (becomes?|converts?|renews?|rolls?|turns?|"
    r"continues?|transitions?|"
    r"starts?)|(becomes?|converts?|renews?|continues?|starts?|begins?|rolls? over) automatically|"
    r"auto-?(converts?|renews?)|turns into|"
    r"will renew|renews? (for|into|as)|continues? as|unless (cancell?ed|you cancel|terminated)|unless (you |"
    r"the client )?(tell|notify|"
    r"inform|let) us|unless (\w+ ){0,3}(cancels?|opts? out|gives? notice|terminates?|objects?))\b",
    re.I,
)
_TRIAL = re.compile(
    r"\b(pilot|trial|proof of concept|poc|starter|test|evaluation|first \w+ (weeks|months|days))\b", re.I
)
_LONG = re.compile(
    r"\b(annual|multi-?year|\d+[- ]month|\w+[- ]year|(12|18|24|36|48) months|subscription|"
    r"licen[cs]e|plan)\b",
    re.I,
)


#: a quotation's ordinary validity, the whole sentence: "The offer is valid until 31.01.2027", "Quote valid
#: for 90 days" (an offer "only valid until Friday" or a price that "ends this month" is still a deadline)
_VALIDITY = re.compile(
    r"^\W*(?:the |this |our )?(?:offer|quotation|quote|proposal|tender|prices?|pricing)s? (?:is |are |remains? )?"
    r"valid (?:until|till|to|through|for) (?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+ \d{4}|"
    r"[A-Z][a-z]+ \d{1,2},? \d{4}|(?:[3-9]\d|\d{3}) days)\W*$",
    re.I,
)


def find_red_flags(document: ParsedDocument) -> tuple[RedFlag, ...]:
    found: dict[str, list[str]] = {}
    units = document.partner_units
    for unit in units:
        text = unit.text
        around = _around(document, unit)
        if any(p.search(text) for p in _GUARANTEE) and not _NEGATED.search(text):
            found.setdefault("guaranteed_accuracy", []).append(text)
        elif _guaranteed_after(document, unit):
            found.setdefault("guaranteed_accuracy", []).append(text)
        if any(p.search(text) for p in _NO_LIMITS) or _denies_limits(text, document):
            found.setdefault("no_limits", []).append(text)
        if (
            (any(p.search(text) for p in _DEADLINE) and not _VALIDITY.match(text))
            or (_HELD_UNTIL.search(text) and _PRICE_WORD.search(text))
            or _time_limited(text)
        ):
            found.setdefault("artificial_deadline", []).append(text)
        if _discount(text) and _MULTI_YEAR.search(around) and not _NEGATED.search(text):
            found.setdefault("multi_year_discount", []).append(text)
        if _CONVERSION.search(text) and _TRIAL.search(around) and _LONG.search(text):
            found.setdefault("auto_conversion", []).append(text)
    order = ["guaranteed_accuracy", "no_limits", "artificial_deadline", "multi_year_discount", "auto_conversion"]
    return tuple(RedFlag(kind=kind, evidence=tuple(dict.fromkeys(found[kind]))[:3]) for kind in order if kind in found)


#: an accuracy or detection figure: "finds 98 percent of the faults", "a recall of 97%"
_RATE = re.compile(
    rf"\b(accura\w*|detect\w*|precision|recall|catch(es)?|caught|finds?|found|identif\w*|flags?|spots?|recogni[sz]\w*|"
    rf"classif\w*|correct\w*|right|hit rate|error rate|extracts?|reads?|match(es)?)\b[^.;]{{0,60}}{_PERCENT}"
    rf"|{_PERCENT}[^.;]{{0,40}}\b(accura\w*|detect\w*|precision|recall|of (the |all )?(defects|faults|errors|cases|"
    rf"fraud|anomalies|documents|fields|items|invoices|claims)|correct\w*|right)\b",
    re.I,
)
#: the next sentence guarantees "it": "This we guarantee in the contract", "We guarantee that from day one"
_GUARANTEE_BACK = re.compile(
    r"^\W*((and|so) )?((this|that|it|which)( figure| number| rate| level| result)? (we|I) (can |will |do |would )?"
    r"(guarantee|warrant|promise|commit to)|(we|I) (can |will |do |would )?(guarantee|warrant|promise) (this|that|it|"
    r"the (figure|number|rate|level|result))\b|(this|that|it)( figure| number| rate| level| result)? is "
    r"(contractually |fully )?(guaranteed|warranted))",
    re.I,
)


def _guaranteed_after(document: ParsedDocument, unit: Unit) -> bool:
    """An accuracy figure whose guarantee follows in the partner's next sentence ("It finds 98% of faults. That
    we guarantee."); "We cannot guarantee that" after it is none."""
    if not _RATE.search(unit.text):
        return False
    following = document.next_units(unit)
    return bool(
        following
        and following[0].by_partner
        and _GUARANTEE_BACK.search(following[0].text)
        and not _NEGATED.search(following[0].text)
    )


def _denies_limits(text: str, document: ParsedDocument) -> bool:
    """No limit admitted to: infallibility, "name the problem and we'll solve it", "one engine for all of them"
    after a list of kinds, and the limits the honest-limits rule finds denied ("we haven't hit a ceiling", "there
    isn't a corner of AI we don't play in")."""
    from inhouse.analysis.proposals.signals.admission import denies_limits  # the signals import this module

    if _INFALLIBLE.search(text) or _ANY_PROBLEM.search(text):
        return True
    one = _ONE_FOR_ALL.search(text)
    if one and text[: one.start()].count(",") >= 2:
        return True
    words = denies_limits(text, document.partner_names)
    # "we foresee no obstacles" is optimism about this project, "the only thing it can't do is make coffee" a joke
    optimism = re.search(r"\b(foresee|see|expect|anticipate|envisage|envision|predict|only)\b", words, re.I)
    return bool(words) and not optimism


def _time_limited(text: str) -> bool:
    """An incentive that holds only if the client acts by a near date, or one that runs out on a near date
    ("the fee waiver lapses next Tuesday")."""
    soon = _SOON.search(text)
    if soon and _INCENTIVE.search(text) and _ACTION.search(text[: soon.start()]):
        return True
    return bool(
        _EXPIRES.search(text) and (_INCENTIVE.search(text) or _DISCOUNT.search(text) or _OFFER_NOUN.search(text))
    )


def _discount(text: str) -> bool:
    """A price cut — not a free pilot ("an 8-week pilot at no charge" discounts nothing long)."""
    return any(
        not (re.search(r"^(free|at no (extra )?(cost|charge))", m.group(0), re.I) and _TRIAL.search(text[: m.start()]))
        for m in _DISCOUNT.finditer(text)
    )


def _around(document: ParsedDocument, unit: Unit) -> str:
    """The sentence with its neighbours in the same turn or section (a discount often follows the term)."""
    before = [
        u
        for u in document.units[max(0, unit.index - 2) : unit.index]
        if u.turn == unit.turn and (u.heading == unit.heading or u.index == unit.index - 1)
    ]
    return " ".join([u.text for u in before] + [unit.text] + [u.text for u in document.next_units(unit)])
