"""Starts small: does the partner propose a small first step rather than a long commitment?

For it: a pilot, proof of concept, discovery sprint or trial of a few weeks, limited
in scope, with the client free to stop afterwards. Against it: annual or multi-year
terms, minimum commitments, "not sold separately", refusing a trial — and, decisively,
a "pilot" that converts automatically into a long subscription unless cancelled, or a
"pilot phase" that is just the first months of a fixed term: that is not starting small.
A long contract offered only as an optional next step after a pilot does not count against.

The small step may be named (pilot, proof of value, spike, bake-off, sandbox, "a fixed-fee
fortnight", "a one-off test on a sample") or only described: a few weeks on a small scope
("three weeks, two clinics, fixed fee") when the partner proposes it or answers "how would we
start?"; a line under a "Pilot" or "Getting started" heading is read with its heading. Against
it, besides long terms of any length ("30-month", "three-season minimum"): talking a pilot down
("we used to do pilots", "trials understate the benefit", "better than a trial"), a first phase
that cannot be bought on its own, and a pilot that is the first months of the contract. A pilot
in a reference ("we ran a pilot with X in 2022") is not an offer; "no auto-renewal" is no conversion.
"""

from __future__ import annotations

import re

from inhouse.analysis.proposals.document import ParsedDocument, Unit
from inhouse.analysis.proposals.signals.base import SignalDetector, Weighing, cue, score

_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "eighteen": 18,
    "twenty": 20,
    "thirty": 30,
    "forty-five": 45,
    "sixty": 60,
    "ninety": 90,
    "twenty-four": 24,
    "thirty-six": 36,
    "forty-eight": 48,
}
_DURATION = re.compile(
    r"\b(\d+|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")[\s-]*(?:\(\d+\)[\s-]*)?"
    r"(?:(?!(?:of|or|to|and|more|than)\b)[a-z]{4,}[\s-])?(day|week|fortnight|"
    r"month|year|quarter|"
    r"season)s?\b",
    re.I,
)
_OFFER = re.compile(
    r"\b(pilots?|proofs?[- ]of[- ](concept|value)|pocs?|povs?|trials?|discovery|sprints?|prototypes?|test runs?|feasibility|"
    r"starter|first phase|phase (1|one|zero|0)|small (first )?step|start(ing)? small|small (pilot|experiment|"
    r"project|test|scope)|"
    r"experiments?|shadow mode|mvp|minimum viable|try (it|this|us) (out|on)|test it on|(paid|small|short|limited|first) "
    r"(\w+ )?(test|engagement|project|phase|evaluation)|test (phase|period)|evaluation period|trial period|phase zero|"
    r"try-?out|foundation sprint|quick win|try (it|this|us|things)( out)? (for|on|with|in)|spikes?|"
    r"pilot study|dry run|bake-?off|"
    r"taster|trial run|try (it|this|us)( out)? (free|for free)|sandbox|free (account|tier)|thin slice|"
    r"\d+[- ](day|week|month)s? (paid |free |fixed-fee |fixed-price )?"
    r"(evaluation|assessment|engagement|study|test|exercise|review|trial|pilot)s?|start(ing)? (with|on|"
    r"in) (just |only )?(one|a single|a small|two) |to (prove|test|validate|demonstrate) (the )?"
    r"(value|concept|approach|idea|hypothesis)|(fixed[- ]fee|fixed[- ]price|time-?boxed|paid|short|small|"
    r"one-off|quick|free|no-cost|"
    r"low-cost|limited|first|initial|lightweight|light-touch|mini|low-risk|bite-sized|contained|"
    r"scoped) ([\w-]+ ){0,2}(tests?|trials?|runs?|evaluations?|exercises?|engagements?|study|assessments?|"
    r"experiments?|benchmarks?|"
    r"fortnight|sprints?|phases?|projects?|piece of work)|(tests?|trials?|runs?|benchmarks?|"
    r"evaluations?) on (a |an )?(sample|subset|"
    r"slice|handful|small|few|\d))\b",
    re.I,
)
_PROPOSING = re.compile(
    r"\b(we|I)('d| would| could| can| will)? ?(suggest|propose|offer|recommend)|\b(start|begin|kick off) with\b|"
    r"\bfirst step\b|\bnext step\b|\bgetting started\b|\bhow (we|to) (suggest )?start|\bpropose to begin\b|"
    r"\bstarting point\b|"
    r"\b(a |the )?(sensible|good|natural|easy|simple|logical|low-risk) (start|first step|starting point|way to start)\b|"
    r"\b(our|my) (suggestion|proposal|recommendation)\b|^\W*(suggestion|proposal|proposed next step)\s*:|"
    r"\bwhat (I|we)('d| would) do\b|"
    r"\b(happy|glad|keen) to (run|do|start|offer|set up)|\b(we|I) (can|could) (run|do|start|set up)|"
    r"\blet's (try|start|do)",
    re.I,
)
#: a small count ("two", "a handful of", "up to 3", "only") and, within a few words, a plural noun
#: that is not a span of time, an amount or a generic word: "two depots", "a couple of sample
#: routes", "limited to the northern sites" -- whatever the client's units are called.
_SMALL_COUNT = r"(one|a single|two|three|[1-3]|a few|a couple of|a handful of|limited to|only|just|up to \d+)"
_NOT_UNITS = (
    r"(days|weeks|months|years|hours|minutes|seconds|quarters|seasons|fortnights|nights|weekends|times|things|"
    r"ways|reasons|questions|steps|points|others|ones|words|thanks|months'|years'|hundreds|thousands|millions|"
    r"dollars|euros|pounds|percent|cents|always|perhaps|sometimes|thus|plus|yes|news|series|means|"
    r"is|has|was|does|goes|this|its|us|as|his|hers|ours|yours|theirs|needs|works|makes|takes|gets|runs|says)"
)
_SMALL_SCOPE = re.compile(
    r"\ba (small )?(sample|subset|slice|handful) of\b|\b(one|a single|just one|only one|1) (?!(of|thing|more|"
    r"day|week|month|year|time|point|way|reason|question|step|another|"
    r"side|hand|last)\b)[a-z][\w-]{2,}\b"
    rf"|\b{_SMALL_COUNT}\b(?:[ ,]+(?:of |or |and |the |our |your |their )?[a-z][\w'-]*){{0,3}}?[ ,]+"
    rf"(?!{_NOT_UNITS}\b)[a-z][a-z-]+(?<!ss)(?<!us)(?<!is)(?<!'s)s\b",
    re.I,
)
_FREE_TO_STOP = [
    cue(
        r"\bno (further |ongoing |long-term )?(commitment|obligation)s?\b|\bno obligation\b|"
        r"\bwithout (any )?(commitment|obligation|engagement)"
        r"|\bno lock-?in\b|\bno credit card\b|\bmonth-to-month\b|\bno minimum (term|commitment)\b|"
        r"\b(terminate|cancel) at any (time|point)\b|\bno (auto-?renewal|automatic renewal|"
        r"long-term contract)\b|\bdecide freely\b|\bnothing more\b"
        r"|\bno strings( attached)?\b|\brisk-free\b|\b(lost|lose|owe) nothing\b|\bentirely (your|up to you)\b"
        r"|\bnothing further (is )?owed\b|\bno contract beyond\b|\bnot obliged\b",
        1.5,
    ),
    cue(
        r"\b(then |and |after that |afterwards )?you (decide|can (stop|walk away|cancel)|are free to (stop|"
        r"walk)|walk away|keep everything)\b|\b(stop|walk away) after\b|"
        r"\b(we|you) (can |will |would )?(simply |just )?stop (there|then|at that point|after that)\b|"
        r"\bthat's the end of it\b|"
        r"\b(write-?up|code|report|results?|model|templates?|notes|work|findings) (is|are) yours\b|"
        r"\byou keep (the|all|everything|whatever|what)\b|"
        r"\bshake hands\b|\bgo/no-go\b|\bcancel (at )?any ?time\b|\bthen your decision\b|\b(decide|"
        r"decision) (whether|if) (to )?(continue|go further|"
        r"proceed|expand)|\bseparate (decision|agreement)\b|\bagreed separately\b|\bpart as friends\b|"
        r"\bfree to stop\b",
        1.0,
    ),
]
_SPAN = (
    r"(\d+|one|two|three|four|five|six|nine|ten|eleven|twelve|eighteen|twenty-four|thirty|thirty-six|forty-eight|sixty)"
)
_COMMITMENT = (
    r"contracts?|agreements?|licen[cs]es?|subscriptions?|commitments?|terms?|partnerships?|plans?|"
    r"programmes?|programs?|"
    r"deals?|frameworks?|engagements?|managed services?|service agreements?|minimum|roll-?outs?|"
    r"periods?|retainers?"
)
_LONG_TERM = re.compile(
    rf"\b(annual|annually|yearly|multi-?year|multi-?season|full {_SPAN}[- ]months?|{_SPAN}[- ](years?|months?|seasons?))\b"
    rf"[^.;]{{0,60}}?\b({_COMMITMENT})\b"
    r"|\b(minimum|fixed|initial) (term|commitment|engagement|contract period|annual spend|spend)\b"
    rf"|\b(subscription|licen[cs]e|contract|agreement|term)s? (of|for) {_SPAN} (years?|months?|seasons?)\b"
    rf"|\b{_SPAN}[- ]month (programme|program|project|engagement)\b"
    r"|\b(enterprise|platform) (plan|agreement|licen[cs]e|subscription)\b|\bstrategic partnership\b",
    re.I,
)
_MANDATORY = [
    cue(
        r"\b(cannot|can't|can not|are not|aren't|is not|isn't|not) (be )?(contracted|sold|bought|purchased|"
        r"available|offered) "
        r"(separately|individually|on (its|their) own)\b|\bonly (available|offered|sold) (on|with|as|under)\b|"
        r"\bnot as a standalone\b|\b(doesn't|does not) work with our (model|platform)\b|\bcannot be cancell?ed\b|"
        r"\bfixed from signature\b|\binvoiced (annually )?in advance\b|\b(invoiced|payable|due) on signature\b|"
        r"\bmandatory\b|\b(minimum|standard) (engagement|term|model|commercial model) is\b|\bthe only way\b|"
        r"\b(all|every|whole|entire) (\d+ )?(estate|portfolio|group|service area|sites|stores|properties|"
        r"channels|hotels|presses|"
        r"lines|departments|advisory team)\b",
        2.0,
    ),
]
_REFUSAL = re.compile(
    r"\b(we )?(don't|do not|won't|never|can't|cannot) (do|offer|run|sell|support) (separate |small |"
    r"standalone )?([\w-]+ ){0,2}"
    r"(pilots?|trials?|proofs? of concept|pocs?|small (projects?|starts?))\b|\bno (smaller )?(pilots?|"
    r"trials?)\b(?! (fee|cost))"
    r"|\b(used to|no longer|stopped|recommend against|advise against|don't really|"
    r"rarely)\b[^.;]{0,40}\b(pilots?|trials?|pocs?|proofs? "
    r"of concept)\b|\b(better than|instead of) (a |an )?(pilot|trial|poc|proof of concept)\b"
    r"|\b(pilots?|trials?|pocs?)\b[^.;]{0,20}\b(understate|under-?sell|don't show|won't show|doesn't show|"
    r"do not show|tend to "
    r"(understate|mislead|disappoint)|aren't worth|are a waste)\b"
    r"|\bpilots? (never|don't|do not) (show|work)|\b(doesn't|does not|won't|will not) work (on|for|"
    r"with) (a single|one|just one|"
    r"only one)",
    re.I,
)
_CONVERSION = re.compile(
    r"\b(converts?|converted|converting|rolls? (over )?into|rolls over|automatically (becomes?|converts?|"
    r"renews?|rolls?|turns?|"
    r"continues?|transitions?|moves?|upgrades?)|auto-?(converts?|renews?|rolls?)|turns into|becomes? (a|an|our)|"
    r"transitions? (automatically )?into|continues? as|unless (\w+ ){0,3}(cancels?|cancell?ed|opts? out|"
    r"gives?|terminates?|terminated|notif\w*|"
    r"tells?|informs?|lets?|objects?)|"
    r"(continues?|starts?|begins?|renews?|rolls? over) automatically)\b",
    re.I,
)
_BUNDLED = re.compile(
    r"\b(phases?|stages?|pilots?|discovery|trials?)\b[^.]{0,60}\b(cannot|can't|are not|aren't|is not|isn't|"
    r"not) (be )?(contracted|"
    r"sold|bought|purchased|signed|ordered|cancell?ed|terminated) (separately|individually|independently|"
    r"on (its|their) own)\b"
    r"|\b(contractually|on paper|commercially|legally)\b,?[^.;]{0,20}\b(one|a single|the same|a whole) ([\w-]+ )?"
    r"(agreement|contract|programme|program|order|engagement|project|deal|purchase)\b"
    r"|\b(single|one) ([\w-]+ ){0,2}(agreement|contract|programme|program|order) (covering|for|including|across|spanning) "
    r"(all|every|each|the (\w+ )?(phases|stages))\b|"
    # the other way round: "all phases form part of the single contract", "each stage sits within one agreement"
    r"\b(all|every|each|both|the (three|four|five|two|\d)) (of the )?(phases?|stages?)\b[^.;]{0,30}?\b(form|forms|are|is|"
    r"fall|falls|sit|sits|belong|belongs)( \w+)? (part of|within|under|inside) (the (single|same|one)|one( single)?|a single|this (single|one)) "
    r"([\w-]+ ){0,2}(agreement|contract|programme|program|order|award)\b|"
    # "delivered within the 24-month contract term ..., in three phases": the phases of one fixed term
    rf"\b(within|under|over|across) (the|a|one|this|our) (single )?({_SPAN}[- ](months?|years?)|multi-?year) "
    r"([\w-]+ )?(contract|agreement|licen[cs]e|subscription)( term| period)?\b[^.;]{0,60}\bin (two|three|four|five|\d) "
    r"(phases|stages)\b|"
    r"\bpilots? (phase |period )?(is|are|=|covers|means|runs as) (the )?(first|initial|"
    r"opening) (\w+ ){0,2}(months?|weeks?|quarter|days) "
    r"of (the|a|our|your) (\w+ )?(subscription|licen[cs]e|contract|agreement|term)\b|"
    r"\bpilot (phase|period|months?)\b.{0,80}\b(of|within|part of|included in) (the|a|our) (\w+ )?(subscription|licen[cs]e|"
    r"contract|agreement|term)\b|\b(first|initial) (\w+ ){0,2}(months?|weeks?|"
    r"quarter) of the (\w+ )?(subscription|licen[cs]e|"
    r"contract|agreement|term)\b.{0,60}\bpilot|\bserves? as (a|the) pilot|\bcounts? as (a |the )?pilot|"
    r"\bpilot (is )?(included|bundled) (in|with) (the|a|our) (\w+ )?(annual|multi-year|\d+-month|subscription|"
    r"licen[cs]e)",
    re.I,
)
_OPTIONAL = re.compile(
    r"\bif (the pilot|it|this|that|results|successful|you|the results|we succeed|all goes)\b|\bafter (the|a|"
    r"this) (pilot|trial|"
    r"proof|poc|discovery|sprint)|\b(would|could|might|may) (then )?(suggest|propose|discuss|talk about|consider|look at)\b|"
    r"\bseparate decision\b|\bno commitment (now|today|at this stage)\b|\boptional(ly)?\b|\bonce (proven|successful)\b|"
    r"\blater\b|\bwe (can|could) talk about\b|\bagreed separately\b",
    re.I,
)


_NEGATION = re.compile(
    r"\b(no|not|never|doesn't|does not|won't|will not|without|nothing|isn't|is not)\b[^.;,]{0,25}$", re.I
)
_PAST = re.compile(
    r"\b(ran|did|delivered|completed|conducted|finished|led)\b( [\w-]+){0,3} (pilots?|trials?|proofs?|pocs?|"
    r"sprints?|discovery)\b"
    r"|\b(pilots?|trials?|pocs?|proofs? of concept)\b[^.;]{0,80}\b(was|were|went|ended|concluded|turned)\b",
    re.I,
)
_ASK_START = re.compile(r"\b(start|begin|first step|kick off|get going|look like|next step)\b", re.I)
_SHORT = re.compile(
    r"\b(short|small|brief|quick|light-?weight|light-touch|limited|fixed-price|fixed-fee|"
    r"time-?boxed)\b",
    re.I,
)
_FIXED_FEE = re.compile(r"\b(fixed|flat)[- ](fee|price)\b|\bonly\W*$", re.I)


def long_term(text: str) -> bool:
    """An annual or multi-year commitment (9 months and more; "two seasons" and more)."""
    for match in _LONG_TERM.finditer(text):
        found = match.group(0)
        weeks = durations_in_weeks(found)
        seasons = re.search(r"\b(\w+)[- ]seasons?\b", found, re.I)
        if not weeks or max(weeks) >= 39 or (seasons and _NUMBER_WORDS.get(seasons.group(1).lower(), 0) >= 2):
            return True
        if seasons and seasons.group(1).isdigit() and int(seasons.group(1)) >= 2:
            return True
    return False


def converts(text: str) -> bool:
    """Automatic conversion or renewal, not negated ("there is no auto-renewal" is none)."""
    return any(not _NEGATION.search(text[: m.start()]) for m in _CONVERSION.finditer(text))


def durations_in_weeks(text: str, near: re.Pattern[str] | None = None) -> list[float]:
    """Durations in ``text`` in weeks; with ``near``, only those within 80 characters of a match."""
    anchors = [m.span() for m in near.finditer(text)] if near else []
    found = []
    for match in _DURATION.finditer(text):
        if anchors and not any(match.start() - 80 <= b and match.end() + 80 >= a for a, b in anchors):
            continue
        raw, unit = match.group(1).lower(), match.group(2).lower()
        number = float(raw) if raw.isdigit() else float(_NUMBER_WORDS.get(raw, 0))
        factor = {"day": 1 / 7, "week": 1, "fortnight": 2, "month": 4.35, "quarter": 13, "season": 13, "year": 52}[unit]
        found.append(number * factor)
    return found


class StartsSmall(SignalDetector):
    name = "starts_small"

    def weigh(self, document: ParsedDocument) -> Weighing:
        weighing = Weighing()
        for unit in document.partner_units:
            text = unit.text
            nearby = document.units[
                max(0, unit.index - 2) : unit.index + 3
            ]  # the pilot and the term are often stated apart
            context = " ".join(u.text for u in nearby if u.turn == unit.turn)
            if _BUNDLED.search(text) or (converts(text) and _OFFER.search(context) and long_term(context)):
                weighing.add_against(unit, 4.0)
                weighing.veto = True
                continue
            if _REFUSAL.search(text):
                weighing.add_against(unit, 3.0)
                continue
            committed = long_term(text) and not _OPTIONAL.search(text)
            against = score(text, _MANDATORY, cap=2.0) + (2.0 if committed else 0.0)
            weighing.add_against(unit, min(against, 4.0))
            if not committed and not _PAST.search(text):
                weighing.add_for(unit, self.offer_weight(_with_heading(unit), _asked_to_start(document, unit)))
        return weighing

    def offer_weight(self, text: str, asked: bool = False) -> float:
        if text.rstrip().endswith("?"):  # "how do you decide today?" asks, it does not offer
            return 0.0
        weight = score(text, _FREE_TO_STOP, cap=2.0)
        if not offers(text, asked):
            return weight
        weeks = [w for w in durations_in_weeks(text, near=_OFFER if _OFFER.search(text) else None) if w > 0]
        if weeks and min(weeks) > 26:
            return 0.0
        weight += 1.0
        if (weeks and max(weeks) <= 14) or (not weeks and _SHORT.search(text)):
            weight += 1.0
        if _PROPOSING.search(text) or asked:
            weight += 0.5
        if _SMALL_SCOPE.search(text):
            weight += 0.5
        return min(weight, 4.0)

    def decide(self, weighing: Weighing, document: ParsedDocument) -> bool:
        """A small first step must actually be offered: being free to stop is not enough alone."""
        offered = any(offers(_with_heading(unit), _asked_to_start(document, unit)) for _, unit in weighing.support)
        return offered and super().decide(weighing, document)


def offers(text: str, asked: bool = False) -> bool:
    """A small first step named as such ("a four-week pilot"), or described: a few weeks on a small
    scope ("three weeks, two clinics, fixed fee") when proposing or answering "how would we start?"."""
    if _OFFER.search(text):
        return True
    weeks = durations_in_weeks(text)
    small = bool(_SMALL_SCOPE.search(text) or _FIXED_FEE.search(text))
    return bool(weeks) and max(weeks) <= 14 and small and (asked or bool(_PROPOSING.search(text)))


def _with_heading(unit: Unit) -> str:
    """A line under a "Pilot" or "Proof of concept" heading is read with it: "Pilot: 8 weeks, 1 plant"."""
    if (
        unit.heading
        and (_OFFER.search(unit.heading) or _PROPOSING.search(unit.heading))
        and not long_term(unit.heading)
    ):
        return f"{unit.heading}: {unit.text}"
    return unit.text


def _asked_to_start(document: ParsedDocument, unit: Unit) -> bool:
    """The client has just asked how to start (the partner's next words answer it)."""
    before = document.units[max(0, unit.index - 2) : unit.index]
    return any(not u.by_partner and u.is_question and _ASK_START.search(u.text) for u in before) and (
        not before or before[-1].turn != unit.turn or not before[-1].by_partner or before[-1].turn == unit.turn
    )
