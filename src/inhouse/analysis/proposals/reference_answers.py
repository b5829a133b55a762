"""The playbook's three questions about a reference, answered from what the text says.

- **similar scale**: counts with the same unit ("120 clinics", "4,000 users", "€300k") in the
  reference and in what the client said or the partner said about the client (your 90
  clinics): within a factor of two is similar, three times or more apart is not; or words
  that say so ("a similar size to yours", "roughly your scale", "ten times your volume",
  "much smaller").
- **still running**: "in production since", "still used", "runs every night", "live today"
  against "retired", "ended", "switched off", "no longer", "never went live".
- **can we talk to them**: "I'll connect you", "happy to introduce", "available on request",
  "they agreed to speak", "you can call" against "confidential", "under NDA", "can't share".

Each answer is ``yes``, ``no`` or ``unknown`` and comes from one sentence, which is kept as
evidence. A refusal beats an offer in the same sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from inhouse.domain.partners import Answer

SCALE_YES = re.compile(
    r"\b(?:similar|comparable|same|equivalent|like-for-like|matching)(?:[- ]sized?| in (?:size|scale|volume))\b|"
    r"\b(?:similar|comparable|same|equivalent) (?:\w+ )?(?:size|scale|volume|footprint|headcount|number|order of magnitude|"
    r"ballpark|complexity)\b|\b(?:comparable|similar|close) to (?:yours|you|your (?:\w+ )?\w+)\b|"
    r"\b(?:about|roughly|around|almost|nearly|much|pretty much|more or less|exactly) (?:your|the same) (?:size|scale|volume)\b|"
    # a hedged "your <noun>" drawn as the conclusion: "..., so more or less your <noun>"
    r"\b(?:so|which is|that's|that is)\s+(?:pretty much|more or less|roughly|basically|essentially|much) "
    r"(?:exactly )?your (?:[\w-]+ )?[\w-]+\b|"
    r"\bsize (?:of|like) yours\b|\b(?:about |roughly |around |much )?the same (?:\w+ )?as (?:you|yours|ours)\b|\bsame ballpark\b|\ba (?:touch|bit|little) (?:bigger|larger|smaller) than (?:you|yours)\b|"
    # a modest comparison: "somewhat more calls than Carrowmore", "slightly fewer sites than you"
    r"\b(?:somewhat|slightly|a (?:touch|bit|little)) (?:more|fewer|less|bigger|larger|smaller|busier|quieter) "
    r"(?:[\w-]+ )?than (?:you|yours|your \w+|(?-i:[A-Z])\w+)\b|"
    r"\b(?:with|of|has|have|runs?|handles?|at) (?:roughly|approximately|more or less|about|around) your (?:[\w-]+ )?[\w-]+\b|"
    r"\b(?:about |roughly |around |nearly |almost )?(?:half|twice) (?:of )?(?:yours|your \w+|the (?:\w+ )?\w+'s|(?-i:[A-Z])[\w-]+'s)(?! \w+ times)\b|"
    r"\b(?:much|very much|a lot|just) like (?:you|yours)\b|\b(?:similar|comparable) (?:[\w-]+ ){1,2}(?:to|as) (?:yours|you|your \w+)\b|\bscale (?:is|was) (?:comparable|similar|close)\b|\bof your size\b",
    re.I,
)
SCALE_NO = re.compile(
    r"\b(?:considerably|much|far|significantly|substantially|a lot|many times|\d+x|\w+ times|way|vastly|an order of magnitude) "
    r"(?:larger|bigger|smaller|greater)\b|\b(?:three times|four times|five times|ten times|\d+ times|\d+x) "
    r"(?:your|the) (?:\w+ )?(?:size|scale|volume|throughput|\w+)\b|"
    r"\b(?:a third|a quarter|a fifth|a tenth|\w+ times) (?:of |the size of |as (?:big|large) as )?(?:yours|your \w+|what you \w+)\b|\b(?:different|not comparable in|not the same|not your) (?:scale|size)\b|"
    r"\bnot (?:of |on )?(?:a |the )?(?:similar|comparable|same) (?:size|scale)\b|\ba fraction of your (?:size|scale|volume)\b|"
    r"\b(?:smaller|larger|bigger) (?:scale|operation|organisation|organization)\b|\bnowhere near your (?:size|scale|volume)\b",
    re.I,
)
RUNNING_YES = re.compile(
    r"\bstill (?:\w+ )?(?:in (?:daily |active |everyday |full )?use|running|runs|used|uses|live|in production|operating|"
    r"operational|relies on it|rely on it|in service|going|on it|using it)\b|"
    r"\b(?:remains?|is|are) (?:still )?(?:in production|live|in (?:daily )?use|operational|in service)\b|"
    r"\b(?:running|live|in production|in use|operational)(?: (?:with|for|at) (?:us|them|\w+))? (?:since|for (?:\w+ ){0,3}(?:years|months)|"
    r"ever since|today|to this day)\b|"
    r"\bhas been (?:running|live|in production|in (?:live |daily |active |full )?use|used|operating)\b|"
    r"\b(?:has|have) been using (?:it|them|the \w+|our \w+|their \w+) (?:for (?:\w+ )?(?:years|months)|since)\b|\b(?:runs?|operat(?:es|ing)|works?|has run) since\b|"
    r"\b(?:now|still|today) (?:runs?|is running|operates?|is live|is in use) (?:at|in|for|with|across)\b|"
    r"\b(?:runs?|operates?|uses?|has run|has used|has had) (?:it|them|the \w+|our \w+|their \w+)\b[^.;]{0,40}\bsince\b|"
    r"\bstill (?!(?:has|is|was|needs?|wants?|seems?|looks?|waiting|deciding|thinking|talking|evaluating|testing)\b)"
    r"[a-z]+\b(?:[^.;]{0,40}\b(?:with|on|using|through))? (?:it|them|our \w+|the (?:tool|model|system|platform))\b|"
    # "Since 2021 the system is running on 22 machines": a present tense with "since"
    r"\bsince (?:19|20)\d\d\b[^.;]{0,40}\b(?:is|are) (?:\w+ )?(?:running|in use|in operation|operating|live|working)\b|"
    r"\b(?:is|are) (?:running|in use|in operation|operating|live|working)\b[^.;]{0,40}\bsince (?:19|20)\d\d\b|"
    r"\b(?:19|20)\d\d\s*(?:-|to|until)\s*(?:present|today|now|date|ongoing)\b|\bongoing\b|"
    r"\bto this day\b|\bcontinues? to (?:use|run|rely)\b|\b(?:is|are) (?:still )?used (?:there |daily |every \w+|each \w+)|"
    r"\b(?:runs?|is used|gets used) (?:every|each) (?:night|day|morning|week|shift|month)\b|\bwent live in\b[^.]{0,60}\bstill\b|"
    r"\b(?:now|still) (?:runs?|operates?|maintains?|owns?) (?:it|the (?:model|system|tool|solution))\b|"
    r"\b(?:runs?|operates?) (?:it|the (?:model|system|tool)) (?:alone|themselves|independently|in-house)\b|"
    r"\b(?:is|are|'re|'s) (?:currently |now |still )?live (?:across|at|in|with)\b|\b(?:in|into) (?:its|their) (?:second|third|fourth|fifth) year\b|"
    r"\b(?:is|are) (?:still )?used by\b[^.;]{0,40}\b(?:every|each|daily)\b|\bused (?:every|each) (?:day|night|week|shift)\b|"
    r"(?<!never )(?<!not )\bwent live\b|\bbeen \w+ing (?:along |away |smoothly |quietly )?(?:ever )?since\b|\b(?:has|have) (?:been )?(?:run|used|relied on|operated)\b[^.;]{0,50}\b"
    r"(?:for (?:\w+ )?(?:years|months)|since)\b|\b(?:now|still) (?:run|operated|maintained|owned|used) (?:\w+ly )?by (?:their|them|the)\b|"
    r"\bstill (?:\w+ )?(?:use|run|rely on|depend on|operate) (?:it|them|the \w+|our \w+)\b|"
    r"\bstill (?:their|the|a|our) (?:\w+ )?(?:tool|system|platform|engine|model|process|solution)\b|\bstill (?:\w+ly )?(?!(?:has|is|was|needs|seems|looks|waiting|deciding|thinking|talking|evaluating|testing)\b)"
    r"\w{3,}(?:s|ing)\b",
    re.I,
)
#: not after people who move ("guests moved to another hotel"): a client switching systems is the client or its
#: system moving
_NOT_PEOPLE = "(?<!guests )(?<!customers )(?<!patients )(?<!passengers )(?<!people )(?<!staff )(?<!users )"
RUNNING_NO = re.compile(
    r"\b(?:decommissioned|retired|discontinued|shut down|switched off|turned off|wound down|shelved|mothballed|"
    r"no longer (?:used|running|in use|live|in production|maintained|supported|operational|uses? it|runs? it)|"
    r"(?:system|model|tool|solution|platform|it|project|pilot|contract|engagement) (?:was |has been |had been )?"
    r"(?:stopped|cancelled|canceled|replaced|abandoned|ended|discontinued|dropped)|"
    r"never went (?:live|into production)|did not go (?:live|into production)|didn't go (?:live|into production)|"
    r"never (?:made it|got) (?:to|into) production|came to an end|(?:has|have|had) (?:since )?ended|"
    r"moved (?:off|away from) (?:it|the)|sunset(?:ted)?|stopped using|replaced by|not (?:rolled out|deployed|taken forward|put into production)|pilot only|"
    r"never rolled out|not (?:to )?(?:be )?continued?|(?:didn't|did not|wasn't|was not|weren't) (?:continued?|extended|renewed|"
    r"taken (?:further|forward))|(?:since|now|later|subsequently) (?:been )?(?:replaced|superseded)|(?:was|were) (?:just |only )?(?:a )?one-(?:off|time)|went back to (?:doing (?:it|them|this) |\w+ing (?:\w+ )?)?(?:by hand|manually|manual|"
    r"paper|spreadsheets?|the old|their old|its old)|"
    + _NOT_PEOPLE
    + r"(?:switched|moved|migrated|went) (?:over )?(?:to|onto|with) (?:a |an |another )?"
    r"(?:competitor|rival|different|other|new|in-house)|"
    + _NOT_PEOPLE
    + r"(?:switched|moved|migrated|went) (?:over )?(?:to|onto|with) "
    r"(?:another|a different|a rival|a competing|a new) \w+)\b|(?<![-\w])ended\b(?! up)|"
    r"(?:^|\|)\s*(?:status\s*:\s*)?(?:stopped|paused|halted|terminated|cancell?ed|canceled|abandoned|dropped|closed)\b|"
    r"\b(?:cancell?ed|canceled|terminated|ceased|did not renew|didn't renew|let lapse) (?:the|their|our) (?:\w+ )?"
    r"(?:contract|subscription|licen[cs]e|agreement|service|project|engagement)\b|"
    r"\b(?:replaced|retired|dropped|abandoned|scrapped|decommissioned|switched off) (?:it|them|our \w+|"
    r"the (?:tool|model|system|platform|service))\b|"
    r"\((?:completed|finished|concluded|closed|ended)\)|"
    # the work said to be over ("that engagement finished in 2023"), unless the sentence goes on to what runs
    # now ("the work finished in 2021 and they now maintain it themselves")
    r"\b(?:project|engagement|pilot|contract|programme|program|rollout|assignment|work) (?:was |had |has )?"
    r"(?:finished|concluded|wrapped up|closed)\b(?![^.;]*\b(?:now|still|today|since)\b)|"
    r"\bstatus\s*:\s*(?:stopped|paused|halted|terminated|cancell?ed|canceled|abandoned|dropped|closed|ended|inactive)\b",
    re.I,
)
CONTACT_YES = re.compile(
    r"\b(?:happy|agreed|willing|glad|available|ready|keen|pleased|open|offered) to (?:speak|talk|take (?:a|your) call|"
    r"receive (?:a |your )?call|hear from you|answer (?:your )?questions|chat|share|be contacted|act as|be a reference|"
    r"give you|tell you|introduce|connect|host|show you|walk you)|\bput you in touch\b|"
    r"\b(?:arrange|set up|organise|organize|schedule|make|offer) (?:a |an )?(?:\w+ )?(?:call|introduction|intro|"
    r"meeting|conversation|visit)s?\b|\bintroduce (?:you|them|your)\b|\bspeak with (?:you|them) directly\b|"
    r"\bcontact (?:details|them directly)\b|\byou(?:'re| are)? (?:can|could|may|are welcome to|welcome to) "
    r"(?:call|ring|phone|contact|speak|talk|visit|ask|email|e-mail|reach)\b|\bconnect (?:you|your)\b|\b(?:is|are|'re) (?:very )?welcome to (?:call|ring|phone|contact|speak|talk|visit|e-?mail|reach)\b|"
    # a request to speak to the reference, reported with the partner's yes ("asked whether ...; TB agreed")
    r"\basked (?:whether|if) [^.;]{0,80}\b(?:speak|talk|call|contact|visit|meet)\b[^.;]{0,40}[;,]\s*(?:and )?"
    r"(?:[A-Z][\w.]* ){0,3}(?:agreed|said yes|confirmed|offered to (?:arrange|set))\b|"
    # a referee's telephone number or e-mail address given with the reference
    r"(?:\+\d{1,3}[\s.-]?)?\(\d{2,5}\)[\s.-]?\d{3,4}[\s.-]\d{3,4}\b|\b0\d{3,4}[\s.-]\d{3}[\s.-]?\d{3,4}\b|"
    r"\b[\w.+-]+@[\w-]+\.[\w.]{2,}\b|"
    # the client named in the third person: "has agreed that the Association may contact her"
    r"\b(?:agreed|confirmed|happy|glad) that (?:you|your \w+|the (?-i:[A-Z])\w+)(?: \w+)? (?:may|can|could) "
    r"(?:contact|call|ring|phone|speak|talk|visit|e-?mail)\b|"
    r"\b(?:available|provided|supplied) on request\b|\bon request\b|\b(?:will|'ll|would|'d|can|could) (?:happily )?"
    r"(?:take|join|hop on|jump on|get on) (?:a|your) call\b|\b(?:take|welcome) (?:your|a) call\b|\b(?:is|are) (?:a )?(?:named |willing )?"
    r"references?\b|\bcan be contacted\b|\b(?:their|her|his) (?:[\w-]+ ){0,2}?(?:[\w-]+'s )?(?:number|details|email|e-mail|contact details)\b|"
    r"\bavailable (?:for|to take) (?:a |an )?(?:reference |short |quick )?(?:call|chat|conversation|visit)\b|"
    r"\breference (?:calls?|contacts?|visits?) (?:is |are )?(?:possible|available|welcome|on request|can be arranged)\b",
    re.I,
)
CONTACT_NO = re.compile(
    r"\b(?:unable|not able|cannot|can't|can not|not allowed|not permitted|not in a position|not at liberty|won't be able) to "
    r"(?:share|name|disclose|arrange|put you|introduce|give|reveal|provide|connect|say)|\bconfidential(?:ity)?\b|"
    r"\bunder (?:an |a strict )?nda\b|\bcan't (?:name|say who|share)\b|\bno (?:direct )?contact\b|"
    r"\bprefers? not to (?:be contacted|share|be named|take calls)|\bdo(?:es)? not (?:wish|want) to be (?:contacted|named)\b|"
    r"\b(?:don't|do not|doesn't|does not) (?:do|take|offer|give) (?:reference )?(?:calls|references)\b|"
    r"\basked (?:us|me) not to (?:share|name|disclose|pass on|give out|hand out|hand over|give)\b|\b(?:would|'d) rather not\b|"
    r"\b(?:asked|prefer|prefers|wish|wishes|want|wants|chose|chosen) to (?:remain|stay|be kept) anonymous\b|"
    r"\b(?:declined|refused|unwilling|reluctant|not willing) to (?:act|be|serve|speak|talk|take|give|provide)\b|"
    r"\basked (?:us |me )?not to be (?:contacted|named|called|approached)\b|"
    r"\b(?:contact|referee|reference)s?\b[^.;]{0,20}\bnot (?:available|possible|offered)\b|"
    r"\banonymi[sz]ed at (?:their|the client's) request\b|\bcan't put you in touch\b|"
    # doubt that the reference would take the call: "I don't think they'd welcome a call"
    r"\b(?:don't|do not|doubt|wouldn't|would not|won't)\b[^.;]{0,25}\b(?:welcome|take|want|appreciate|accept) (?:a|your|the) "
    r"(?:call|contact|approach|enquiry|inquiry)\b",
    re.I,
)

#: a count with its unit, or an amount of money
_COUNT = re.compile(
    r"(?P<money>[£€$]|\b(?:EUR|USD|GBP|CHF) ?)?(?<![\w.,])(?P<n>\d[\d,.]*)(?:\s?(?P<mult>k|m|bn|thousand|million|billion)\b)?\+?"
    r"(?:-(?P<compound>[a-z]{3,})\b)?(?P<words>(?: [a-z][a-z-]*){0,3})",
    re.I,
)
_NOUN_STOP = re.compile(
    r"^(?:of|in|on|at|per|and|or|to|with|across|a|an|the|so|that|which|who|we|you|it|is|are|was|were|from|for|"
    r"than|each|every|over|under|like|but|about|roughly|around|by|against|versus|vs|your|their|our|its|"
    r"would|will|can|could|should|may|might|must|be|been|being|is|are|was|were|has|have|had|do|does|did|"
    # prepositions and conjunctions end the counted noun too ("30 vans out of two depots")
    r"out|off|up|down|into|onto|through|between|within|among|along|near|during|since|until|after|before|"
    r"while|when|where|because|if|as|all|both|only|just|still|then|there|here|now|today)$",
    re.I,
)
_UNITLESS = {
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "percent",
    "per",
    "and",
    "or",
    "to",
    "of",
}
_MULT = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}


#: an introduction to the partner's own people ("introduce you to our investors"), not to the reference
_OWN_PEOPLE = re.compile(
    r"\b(?:introduce|connect|put)\s+you\b[^.;]{0,20}?\b(?:to|with)\s+(?:our|my)\b|"
    r"\b(?:speak|talk|chat|meet)\s+(?:to|with)\s+(?:our|my)\b",
    re.I,
)


def answer(text: str, yes: re.Pattern[str], no: re.Pattern[str]) -> Answer:
    if no.search(text):
        return Answer.NO
    if yes is CONTACT_YES and _OWN_PEOPLE.search(text):
        return Answer.UNKNOWN
    if yes.search(text):
        return Answer.YES
    return Answer.UNKNOWN


def span_answer(texts: Sequence[str], yes: re.Pattern[str], no: re.Pattern[str]) -> tuple[Answer, list[int]]:
    """The answer a reference's sentences give, read in turn (a later yes stands, a no ends the
    reading), and the positions of the sentences that gave one (its evidence)."""
    found, where = Answer.UNKNOWN, []
    for position, text in enumerate(texts):
        said = answer(text, yes, no)
        if said is not Answer.UNKNOWN:
            found = said
            where.append(position)
            if said is Answer.NO:
                break
    return found, where


#: "How many pallet positions do you have?": the unit a client's bare count answers with
_HOW_MANY = re.compile(
    r"\bhow many (?:[\w-]+ ){0,3}?([a-z][\w-]*) (?:do|does|did|are|is|have|has|would|will|can)\b", re.I
)
_BARE_COUNT = re.compile(r"(?<![\w.,])(\d[\d,.]*)\s?(k|thousand|million)?\b", re.I)


def answered_count(question: str, reply: str) -> dict[str, float]:
    """The count a reply gives to "how many X ...?", in the question's unit ("About 35,000" -> X: 35000)."""
    asked = _HOW_MANY.search(question)
    found = _BARE_COUNT.search(in_digits(reply)) if asked else None
    if not asked or not found:
        return {}
    try:
        value = float(found.group(1).rstrip(".,").replace(",", ""))
    except ValueError:
        return {}
    if 1900 <= value <= 2100 and not found.group(2) and "," not in found.group(1):
        return {}
    return {_singular(asked.group(1).lower()): value * _MULT.get((found.group(2) or "").lower(), 1.0)}


_NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90"}
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(_NUMBER_WORDS) + r")\b(?!-)", re.I)


def in_digits(text: str) -> str:
    """``text`` with its counts spelt out as words in digits: "three presses against your nine" -> "3 ... 9"."""
    return _NUMBER_WORD.sub(lambda m: _NUMBER_WORDS[m.group(0).lower()], text)


def counts(text: str) -> dict[str, float]:
    """Counts in ``text`` by unit ("clinics" -> 120, "money" -> 300000); years and percentages left out."""
    found: dict[str, float] = {}
    for match in _COUNT.finditer(in_digits(text)):
        raw = match.group("n").rstrip(".,").replace(",", "")
        try:
            value = float(raw)
        except ValueError:
            continue
        value *= _MULT.get((match.group("mult") or "").lower(), 1.0)
        if match.group("money"):
            found.setdefault("money", value)
            continue
        nouns: list[str] = []
        if match.group("compound"):  # "a 12-property group": the unit is compounded with the count
            unit = match.group("compound").lower()
            if unit not in _UNITLESS:
                found.setdefault(_singular(unit), value)
            continue
        for word in (match.group("words") or "").split():
            if _NOUN_STOP.match(word):
                break
            nouns.append(word)
        unit = nouns[-1].lower() if nouns else ""
        year = 1900 <= value <= 2100 and not match.group("mult") and "," not in match.group("n")  # "2,000" is a count
        if not unit or unit in _UNITLESS or year:
            continue
        found.setdefault(_singular(unit), value)
    return found


def _singular(unit: str) -> str:
    if unit.endswith("ies"):
        return unit[:-3] + "y"
    if unit.endswith(("ches", "shes", "sses", "xes")):
        return unit[:-2]
    return unit[:-1] if unit.endswith("s") and not unit.endswith("ss") else unit


#: "60,000 homes against your 55,000": the client's count named with the reference's
_AGAINST_YOURS = re.compile(
    r"(?<![\w.,])(\d[\d,.]*)\s?(k|m|thousand|million)?\b[^.\d]{0,40}?(?:\b(?:against|versus|vs\.?|compared (?:with|to)|to|"
    r"next to|where you have) |; |\(|, )(?:your|you have|you've got|yours is|you run|you operate|you manage|you:|"
    r"you're at|you are at) (?:own )?(\d[\d,.]*)\s?(k|m|thousand|million)?\b",
    re.I,
)


#: "you run 14 properties; they run 12": the client's count first, the reference's after it
_YOURS_AGAINST = re.compile(
    r"\byou (?:run|have|operate|manage|serve|employ|handle)s? (\d+)\b[^.\d]{0,40}?(?:;|,|—|–| and| while| whereas) "
    r"(?:they|theirs|that client|that one) (?:run|have|operate|manage|serve|employ|handle|is|are|had|ran)s? (\d+)\b",
    re.I,
)


#: "about 30 per cent more sailings than you do", "40% smaller than yours"
_PERCENT_THAN_YOURS = re.compile(
    r"\b(\d{1,3}(?:\.\d)?) ?(?:%|per ?cent|percent) (more|fewer|less|larger|bigger|smaller|greater|higher|lower)\b"
    r"[^.;]{0,40}?\bthan (?:you|yours|your)\b",
    re.I,
)


def stated_against_yours(text: str, client_names: list[str] | tuple[str, ...] = ()) -> Answer:
    """Similar when "N ... against your M" are within a factor of two, not when three or more apart.

    The client may be named instead of "you" ("212 sites (Harlowe: 190)", "3 plants (Elsmere runs 4)")."""
    text = in_digits(text)
    names = [*client_names, *(n.split()[0] for n in client_names if len(n.split()) > 1 and len(n.split()[0]) >= 4)]
    for name in names:
        if name and len(name) >= 3:
            text = re.sub(rf"\b{re.escape(name)}(?=:| (?:runs?|has|have|operates?)\b)", "you", text)
    text = re.sub(
        r"\byou (?:runs|has|operates)\b",
        lambda m: {"runs": "you run", "has": "you have", "operates": "you operate"}[m.group(0).split()[1]],
        text,
    )
    percent = _PERCENT_THAN_YOURS.search(text)
    if percent:
        share = float(percent.group(1)) / 100
        more = percent.group(2).lower() in ("more", "larger", "bigger", "greater", "higher")
        ratio = 1 + share if more else 1 / max(1e-9, 1 - min(share, 0.99))
        return Answer.YES if ratio <= 2.0 else Answer.NO if ratio >= 3.0 else Answer.UNKNOWN
    match = _AGAINST_YOURS.search(text)
    if not match:
        mirrored = _YOURS_AGAINST.search(text)
        if not mirrored:
            return Answer.UNKNOWN
        return compared_scale({"count": float(mirrored.group(2))}, {"count": float(mirrored.group(1))})
    try:
        own = float(match.group(1).rstrip(".,").replace(",", "")) * _MULT.get((match.group(2) or "").lower(), 1.0)
        theirs = float(match.group(3).rstrip(".,").replace(",", "")) * _MULT.get((match.group(4) or "").lower(), 1.0)
    except ValueError:
        return Answer.UNKNOWN
    if not own or not theirs:
        return Answer.UNKNOWN
    return compared_scale({"count": own}, {"count": theirs})


def compared_scale(reference: dict[str, float], client: dict[str, float]) -> Answer:
    """Similar when a shared unit's counts are within a factor of two, not when three or more apart."""
    verdicts = []
    for unit, value in reference.items():
        other = client.get(unit)
        if not other or not value:
            continue
        ratio = max(value, other) / min(value, other)
        verdicts.append(Answer.YES if ratio <= 2.0 else Answer.NO if ratio >= 3.0 else Answer.UNKNOWN)
    if Answer.NO in verdicts:
        return Answer.NO
    return Answer.YES if Answer.YES in verdicts else Answer.UNKNOWN
