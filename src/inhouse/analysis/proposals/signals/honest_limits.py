"""Honest limits: does the partner say what it is *not* good at?

Counts a concrete limitation the partner states about itself: something it does not do,
has not done, is weak at, cannot promise, or would send to another provider. Only the
partner's own words count (a client describing its own limits does not). Against it:
"we can do everything" / "no limits", denying any weakness when the client asks, and the
humble-brag ("our only limitation is that we are too thorough"), which names a virtue,
not a limit, and is never taken for an honest limitation.
"""

from __future__ import annotations

import re

from inhouse.analysis.proposals.document import ParsedDocument, Unit
from inhouse.analysis.proposals.red_flags import NEVER_FAILED
from inhouse.analysis.proposals.signals.base import SignalDetector, Weighing, cue, score

_LIMITS = [
    cue(r"\bnot (really |exactly )?(our|my) (specialty|speciality|strength|expertise|area|core|focus|forte|field|domain|"
        r"wheelhouse|sweet spot|strong suit|business|thing)\b|\bisn't (our|my) (specialty|speciality|strength|expertise|area|core|focus)", 2.5),
    cue(r"\b(outside|beyond) (of )?(our|my) (expertise|competence|scope|skills?|experience|core|area|specialty)", 2.5),
    cue(r"\b(we|I)('re| are| am)? not (a |an |the )?(good|great|strong|expert|experts|specialists?|right|best|experienced|"
        r"set up|equipped|able|familiar|qualified)\b", 2.5),
    cue(r"\b(we|I)('re| are| am) not (a|an) [\w -]{2,40}(provider|integrator|company|vendor|platform|firm|shop|system|"
        r"replacement|specialist|partner|consultancy|expert)s?\b|\bis not (a|an) (replacement|substitute)\b", 2.0),
    cue(r"\b(we|I)('re| are| am)? (weak|weaker|less (experienced|mature|strong)|not as strong|inexperienced|new to|still learning)\b", 2.0),
    cue(r"\b(is|are|remains|stays|gets|be) (noticeably |clearly |still |much |a lot |significantly |considerably )?"
        r"(weak|weaker|less mature|less accurate|limited|thin|immature|unproven|non-existent|poor|worse|higher)\b", 1.5),
    cue(r"\b(we|I)( have|'ve| had)( also| still| honestly| really| frankly)? (never|not yet|not|no|little|limited|only) (done|worked|built|deployed|tried|delivered|"
        r"experience|production experience|data|track record|integrated|used|been|validated|tested)", 2.0),
    cue(r"\b(haven't|hasn't|have not|has not|had not) (yet )?(been )?(done|worked|integrated|validated|tested|built|"
        r"delivered|used|deployed|proven)\b|\bnot (yet )?(been )?(validated|proven|tested) (for|on|in|under|with)\b", 1.5),
    cue(r"\b(no|little|limited|thin|less) (production |real |prior |hands-on |direct |relevant )?(experience|track record|"
        r"expertise|data|exposure)\b", 1.5),
    cue(r"\bwe (don't|do not|won't|will not|cannot|can't|can not|wouldn't|would not) (do|offer|provide|support|handle|cover|"
        r"model|build|touch|promise|guarantee|predict|replace|make|work on|claim|produce|recommend (it|relying|using))\b", 2.0),
    cue(r"\b(can't|cannot|can not|won't|will not|unable to|not able to|wouldn't|would not) (honestly )?(promise|guarantee|"
        r"predict|commit to|give you|claim)\b|\bno (guarantees?|promises?)\b|\bwill not be predicted\b|\bwon't help\b", 2.0),
    cue(r"\b(does not|doesn't|do not|don't|will not|won't|cannot|can't) (make|do|offer|provide|support|handle|cover|model|"
        r"build|touch|replace|produce|include|give|work (with|for|on))\b", 1.5),
    cue(r"\b(out of scope|outside (the |our )?scope|not in scope|not (something|an area|a thing|what) (we|I)\b)", 1.5),
    cue(r"\b(would|will|'d|might|may|could) need (a |an |another |your |to bring in |to involve )?(own )?(specialist|"
        r"specialised|specialized|other|another|different|separate|it department|it team|integrator|someone|vendor|provider|partner|tool)"
        r"|\b(recommend|suggest|point you to|bring in|refer you to|work(ing)? alongside|rather than pretend)\b.{0,40}"
        r"\b(specialist|specialised|specialized|different|another|other) (provider|vendor|partner|company|tool|firm)?", 2.0),
    cue(r"\b(struggles?|struggling|fails?|drops?|degrades?|suffers?|performs? worse|higher error|error (is|rate) (higher|"
        r"increases?)|increases? the error|needs? substantial human|needs? (human )?correction)\b", 1.0),
    cue(r"\b(a|our|one) (real|big|clear|known|genuine|current|serious|honest) (limitation|weakness|gap|blind spot)\b|"
        r"\b(limitation|weakness|gap|blind spot) (for us|of ours|on our side|we have)\b", 2.0),
    cue(r"\b(limitations?|limits|weakness(es)?|caveats?|shortcomings?|not a (good )?fit|poor fit|weak spots?)\b", 0.5),
    cue(r"\b(to be (honest|upfront|clear|candid|transparent)|in (full )?(transparency|fairness)|honestly|candidly|"
        r"I should (be|say)|rather say so|full disclosure|be upfront|be candid|some honesty)\b", 0.5),
]
_SELF_SUBJECT = re.compile(
    r"\b(we|we're|we've|we'd|we'll|our|ours|us|I|I'm|I've|I'd|my|it|its|this|that|these|those|the (platform|model|models|"
    r"system|engine|tool|product|solution|app|assistant|chatbot|pilot|team|software|recommendations?|extraction|detection|"
    r"forecasting|optimi[sz]er|recognition))\b", re.I)
_CLIENT_SUBJECT = re.compile(r"^\W*(you|your|you're|they|their)\b", re.I)

_OVERCLAIM = [
    cue(r"\b(we|it|platform|they|I|you) can do (it all|everything|anything)\b|\bdo(es)? it all\b|\bno limits?\b|\blimitless\b|"
        r"\bwithout (any )?limits\b|\bunlimited (scope|use cases)\b", 2.5),
    cue(NEVER_FAILED, 2.5),
    cue(r"\b(any|every) (\w+ )?(use case|industry|problem|challenge|scale)\b|\bwhatever (you|your|comes|the)\b.{0,50}\b(cover|handle|do|"
        r"deliver|covered|solve)|\bcomplete package\b|\bfull stack\b|\b(cover|handle|solve|automate|tackle|do|build|crack)s? "
        r"(it all|everything|anything)\b|\b(we're|we are) the best\b", 2.0),
    cue(r"\b(handles?|works? (for|on|with)|supports?|covers?|solves?|automates?|for|tackles?) any (\w+ ){0,2}(type|kind|language|"
        r"jurisdiction|product|source|line|city|fleet|industry|scale|volume|document|platform|condition|baked good|use|format|challenge)", 1.5),
    cue(r"\b(flawless|never fail|perfect) (delivery|record|track record)\b|\bdeliver every time\b", 1.0),
]
_WEAKNESS_WORD = re.compile(r"\b(limitations?|weakness(es)?|drawbacks?|downsides?|flaws?|shortcomings?|faults?)\b", re.I)
_HUMBLE_FRAME = re.compile(
    r"\b(only|one|biggest|main|greatest|single|real|sole)\b.{0,40}\b(limitations?|weakness|drawback|downside|flaw|shortcoming|fault)"
    r"|\bif (we|I) (have|had|were to name) (a|one|any) (weakness|limitation|flaw|fault)"
    r"|\b(limitation|weakness|flaw)\b.{0,30}\b(is|would be) that\b", re.I)
_VIRTUE = re.compile(
    r"\btoo (good|thorough|detailed|careful|committed|dedicated|passionate|ambitious|popular|successful|fast|engaging|much|"
    r"invested|rigorous|accurate|effective|responsive|generous|honest|hard-working|eager)\b|\bcare (too|so) much\b|"
    r"\bover-?deliver|\bexceed\w*|\bbeyond the brief\b|\bgo(es|ing)? (above and )?beyond\b|\bperfectionis\w*|\bwork too hard\b|"
    r"\b(never want|love|enjoy|don't want) to (leave|stop)|\bhigh demand\b|\bso (popular|good|invested|engaged)\b|"
    r"\b(clients|customers|people|patients|users) (love|enjoy|adore)\b", re.I)
_WEAKNESS_QUESTION = re.compile(
    r"\b(weakness|limitations?|not (so |as )?(good|strong)|less (experienced|strong)|isn't your strength|not your strength|"
    r"struggle with|where (are )?you (weak|less))\b", re.I)
_DENIAL = re.compile(
    r"^\W*(honestly,? |to be honest,? |frankly,? )?(no|not really|nope|none|nothing)\b|can't think of (anything|any)|"
    r"struggle to name|nothing (comes to mind|really)|not that I (know|can think)|(we )?don't have any (weak|limit)|none that I"
    r"|hard to (name|think of) (anything|any)", re.I)
_HEADING = re.compile(r"\b(limitations?|limits|can't|cannot|don't|not|weakness|caveats?|honest|constraints|out of scope|exclusions|"
                      r"risks?|gaps?|assumptions)\b", re.I)
_NEGATIVE = re.compile(r"\b(not|no|never|n't|cannot|weak\w*|limited|less|without|only|drops?|struggles?|worse|thin)\b", re.I)


def humble_brag(unit: Unit, document: ParsedDocument) -> bool:
    """A "limitation" that is really a virtue: "our only weakness is that we over-deliver"."""
    if not _HUMBLE_FRAME.search(unit.text):
        return False
    following = " ".join(u.text for u in document.next_units(unit))
    return bool(_VIRTUE.search(unit.text) or (_VIRTUE.search(following) and len(unit.text) < 120))


class HonestLimits(SignalDetector):
    name = "honest_limits"

    def weigh(self, document: ParsedDocument) -> Weighing:
        weighing = Weighing()
        bragged: set[int] = set()
        for unit in document.partner_units:
            if humble_brag(unit, document):
                weighing.add_against(unit, 3.0)
                bragged.update({unit.index, unit.index + 1})
        for unit in document.partner_units:
            if unit.index in bragged:
                continue
            overclaim = score(unit.text, _OVERCLAIM, cap=3.0)
            weighing.add_against(unit, overclaim)
            if not overclaim:  # "nothing we haven't done" is no admission of a limit
                weighing.add_for(unit, self.limit_weight(unit))
        self._answers_to_weakness_questions(document, weighing)
        return weighing

    def limit_weight(self, unit: Unit) -> float:
        text = unit.text
        if _CLIENT_SUBJECT.search(text) and not re.search(r"\b(we|our|us|I)\b", text):
            return 0.0
        weight = score(text, _LIMITS, cap=4.0)
        under_heading = bool(unit.heading and _HEADING.search(unit.heading))
        if under_heading and _NEGATIVE.search(text):
            weight += 1.0
        if not (under_heading or _SELF_SUBJECT.search(text)):
            return 0.0
        return weight if weight >= 1.5 else 0.0

    def _answers_to_weakness_questions(self, document: ParsedDocument, weighing: Weighing) -> None:
        """A client asks what the partner is not good at; a flat "no" is a denial."""
        units = document.units
        for unit in units:
            if unit.by_partner or not (unit.is_question or _WEAKNESS_QUESTION.search(unit.text)):
                continue
            if not _WEAKNESS_QUESTION.search(unit.text):
                continue
            reply = next((u for u in units[unit.index + 1:] if u.by_partner), None)
            if reply is not None and _DENIAL.search(reply.text) and self.limit_weight(reply) == 0:
                weighing.add_against(reply, 2.5)
