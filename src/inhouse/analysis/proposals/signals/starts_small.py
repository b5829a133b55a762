"""Starts small: does the partner propose a small first step rather than a long commitment?

For it: a pilot, proof of concept, discovery sprint or trial of a few weeks, limited
in scope, with the client free to stop afterwards. Against it: annual or multi-year
terms, minimum commitments, "not sold separately", refusing a trial — and, decisively,
a "pilot" that converts automatically into a long subscription unless cancelled, or a
"pilot phase" that is just the first months of a fixed term: that is not starting small.
A long contract offered only as an optional next step after a pilot does not count against.
"""

from __future__ import annotations

import re

from inhouse.analysis.proposals.document import ParsedDocument, Unit
from inhouse.analysis.proposals.signals.base import SignalDetector, Weighing, cue, score

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "eighteen": 18, "twenty": 20, "thirty": 30, "forty-five": 45, "sixty": 60, "ninety": 90,
    "twenty-four": 24, "thirty-six": 36, "forty-eight": 48,
}
_DURATION = re.compile(
    r"\b(\d+|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")[\s-]*(?:\(\d+\)[\s-]*)?"
    r"(day|week|month|year|quarter|season)s?\b", re.I)
_OFFER = re.compile(
    r"\b(pilots?|proofs?[- ]of[- ](concept|value)|pocs?|povs?|trials?|discovery|sprints?|prototypes?|test runs?|feasibility|"
    r"starter|first phase|phase (1|one|zero|0)|small (first )?step|start(ing)? small|small (pilot|experiment|project|test|scope)|"
    r"experiments?|shadow mode|mvp|minimum viable|try (it|this|us) (out|on)|test it on|(paid|small|short|limited|first) "
    r"(\w+ )?(test|engagement|project|phase|evaluation)|test (phase|period)|evaluation period|trial period|phase zero|"
    r"try-?out|foundation sprint|quick win|try (it|this|us|things)( out)? (for|on|with|in))\b", re.I)
_PROPOSING = re.compile(
    r"\b(we|I)('d| would| could| can| will)? ?(suggest|propose|offer|recommend)|\b(start|begin|kick off) with\b|"
    r"\bfirst step\b|\bnext step\b|\bgetting started\b|\bhow (we|to) (suggest )?start|\bpropose to begin\b|\bstarting point\b|"
    r"\b(happy|glad|keen) to (run|do|start|offer|set up)|\b(we|I) (can|could) (run|do|start|set up)|\blet's (try|start|do)", re.I)
_SMALL_SCOPE = re.compile(
    r"\b(one|a single|two|a few|limited to|only|up to \d+)\b.{0,40}\b(depots?|regions?|districts?|lines?|teams?|departments?|sites?|"
    r"segments?|queues?|stores?|hotels?|cit(y|ies)|zones?|roles?|fleets?|use cases?|process(es)?|plants?|countr(y|ies)|brands?|"
    r"categor(y|ies)|channels?|metering areas?|acquisitions?|farms|properties|agents|feeders|modules?)\b", re.I)
_FREE_TO_STOP = [
    cue(r"\bno (further |ongoing |long-term )?(commitment|obligation)s?\b|\bno obligation\b|\bwithout (any )?(commitment|obligation)"
        r"|\bno strings( attached)?\b|\brisk-free\b|\b(lost|lose|owe) nothing\b|\bentirely (your|up to you)\b"
        r"|\bnothing further (is )?owed\b|\bno contract beyond\b|\bnot obliged\b", 1.5),
    cue(r"\b(then |and |after that |afterwards )?you (decide|can (stop|walk away|cancel)|are free to (stop|walk)|walk away|keep everything)\b|\b(stop|walk away) after\b|"
        r"\bgo/no-go\b|\bcancel (at )?any ?time\b|\bthen your decision\b|\b(decide|decision) (whether|if) (to )?(continue|go further|"
        r"proceed|expand)|\bseparate (decision|agreement)\b|\bagreed separately\b|\bpart as friends\b|\bfree to stop\b", 1.0),
]
_LONG_TERM = re.compile(
    r"\b(annual|annually|yearly|multi-?year|(two|three|four|five|2|3|4|5)[- ]years?|(12|18|24|36|48|60|twelve|eighteen|"
    r"twenty-four|thirty-six|forty-eight|sixty)[- ]months?|full \d+[- ]months?)\b[^.;]{0,60}?\b(contracts?|agreements?|"
    r"licen[cs]es?|subscriptions?|commitments?|terms?|partnerships?|plans?|programmes?|programs?|deals?|frameworks?|"
    r"engagements?|managed services?|service agreements?|minimum|roll-?outs?|periods?|retainers?)\b"
    r"|\b(minimum|fixed|initial) (term|commitment|engagement|contract period|annual spend|spend)\b"
    r"|\b(subscription|licen[cs]e|contract|agreement|term)s? (of|for) (\d+|one|two|three|four|five|twelve|twenty-four|thirty-six) "
    r"(years?|months?)\b|\b(nine|ten|eleven|twelve|eighteen|9|10|11|12|18)[- ]month (programme|program|project|engagement)\b"
    r"|\b(enterprise|platform) (plan|agreement|licen[cs]e|subscription)\b|\bstrategic partnership\b", re.I)
_MANDATORY = [
    cue(r"\b(cannot|can't|can not|are not|aren't|is not|isn't|not) (be )?(contracted|sold|bought|purchased|available|offered) "
        r"(separately|individually|on (its|their) own)\b|\bonly (available|offered|sold) (on|with|as|under)\b|"
        r"\bnot as a standalone\b|\b(doesn't|does not) work with our (model|platform)\b|\bcannot be cancell?ed\b|"
        r"\bfixed from signature\b|\binvoiced (annually )?in advance\b|\b(invoiced|payable|due) on signature\b|"
        r"\bmandatory\b|\b(minimum|standard) (engagement|term|model|commercial model) is\b|\bthe only way\b|"
        r"\b(all|every|whole|entire) (\d+ )?(estate|portfolio|group|service area|sites|stores|properties|channels|hotels|presses|"
        r"lines|departments|advisory team)\b", 2.0),
]
_REFUSAL = re.compile(
    r"\b(we )?(don't|do not|won't|never|can't|cannot) (do|offer|run|sell|support) (separate |small |standalone )?(\w+ )?"
    r"(pilots?|trials?|proofs? of concept|pocs?|small (projects?|starts?))\b|\bno (smaller )?(pilots?|trials?)\b(?! (fee|cost))"
    r"|\bpilots? (never|don't|do not) (show|work)|\b(doesn't|does not|won't|will not) work (on|for|with) (a single|one|just one|"
    r"only one)", re.I)
_CONVERSION = re.compile(
    r"\b(converts?|converted|converting|rolls? (over )?into|rolls over|automatically (becomes?|converts?|renews?|rolls?|turns?|"
    r"continues?|transitions?|moves?|upgrades?)|auto-?(converts?|renews?|rolls?)|turns into|becomes? (a|an|our)|"
    r"transitions? (automatically )?into|unless (\w+ ){0,3}(cancels?|opts? out|gives?|terminates?|notif\w*)|opts? out|"
    r"(continues?|starts?|begins?|renews?|rolls? over) automatically)\b", re.I)
_BUNDLED = re.compile(
    r"\bpilot (phase|period|months?)\b.{0,80}\b(of|within|part of|included in) (the|a|our) (\w+ )?(subscription|licen[cs]e|"
    r"contract|agreement|term)\b|\b(first|initial) (\w+ ){0,2}(months?|weeks?|quarter) of the (\w+ )?(subscription|licen[cs]e|"
    r"contract|agreement|term)\b.{0,60}\bpilot|\bserves? as (a|the) pilot|\bcounts? as (a |the )?pilot|"
    r"\bpilot (is )?(included|bundled) (in|with) (the|a|our) (\w+ )?(annual|multi-year|\d+-month|subscription|licen[cs]e)", re.I)
_OPTIONAL = re.compile(
    r"\bif (the pilot|it|this|that|results|successful|you|the results|we succeed|all goes)\b|\bafter (the|a|this) (pilot|trial|"
    r"proof|poc|discovery|sprint)|\b(would|could|might|may) (then )?(suggest|propose|discuss|talk about|consider|look at)\b|"
    r"\bseparate decision\b|\bno commitment (now|today|at this stage)\b|\boptional(ly)?\b|\bonce (proven|successful)\b|"
    r"\blater\b|\bwe (can|could) talk about\b|\bagreed separately\b", re.I)


def durations_in_weeks(text: str, near: re.Pattern[str] | None = None) -> list[float]:
    """Durations in ``text`` in weeks; with ``near``, only those within 80 characters of a match."""
    anchors = [m.span() for m in near.finditer(text)] if near else []
    found = []
    for match in _DURATION.finditer(text):
        if anchors and not any(match.start() - 80 <= b and match.end() + 80 >= a for a, b in anchors):
            continue
        raw, unit = match.group(1).lower(), match.group(2).lower()
        number = float(raw) if raw.isdigit() else float(_NUMBER_WORDS.get(raw, 0))
        factor = {"day": 1 / 7, "week": 1, "month": 4.35, "quarter": 13, "season": 13, "year": 52}[unit]
        found.append(number * factor)
    return found


class StartsSmall(SignalDetector):
    name = "starts_small"

    def weigh(self, document: ParsedDocument) -> Weighing:
        weighing = Weighing()
        for unit in document.partner_units:
            text = unit.text
            context = " ".join([text] + [u.text for u in document.next_units(unit)])
            if _BUNDLED.search(text) or (_CONVERSION.search(text) and _OFFER.search(context) and _LONG_TERM.search(context)):
                weighing.add_against(unit, 4.0)
                weighing.veto = True
                continue
            if _REFUSAL.search(text):
                weighing.add_against(unit, 3.0)
                continue
            long_term = bool(_LONG_TERM.search(text))
            optional = long_term and bool(_OPTIONAL.search(text))
            against = score(text, _MANDATORY, cap=2.0) + (2.0 if long_term and not optional else 0.0)
            support = self.offer_weight(text) if not (long_term and not optional) else 0.0
            weighing.add_against(unit, min(against, 4.0))
            weighing.add_for(unit, support)
        return weighing

    def offer_weight(self, text: str) -> float:
        if text.rstrip().endswith("?"):  # "how do you decide today?" asks, it does not offer
            return 0.0
        weight = score(text, _FREE_TO_STOP, cap=2.0)
        if not _OFFER.search(text):
            return weight
        weeks = [w for w in durations_in_weeks(text, near=_OFFER) if w > 0]
        if weeks and min(weeks) > 26:
            return 0.0
        weight += 1.0
        if weeks and max(weeks) <= 14:
            weight += 1.0
        if _PROPOSING.search(text):
            weight += 0.5
        if _SMALL_SCOPE.search(text):
            weight += 0.5
        return min(weight, 4.0)

    def decide(self, weighing: Weighing, document: ParsedDocument) -> bool:
        """A small first step must actually be offered: being free to stop is not enough alone."""
        offered = any(_OFFER.search(unit.text) for _, unit in weighing.support)
        return offered and super().decide(weighing, document)
