"""Problem first: does the partner start from the client's problem, or from itself?

A sentence leans *problem* when it reports what the client said, asks about the client's
situation, data, users or process, or describes the client's pain in the client's terms;
it leans *self* when it presents the partner: its company, awards, platform and stack.
What counts is the opening: the first third of a proposal, or the stretch of a call
in which the partner says its first third of words (there the client's share of the
talking counts too). A technical deck that opens on the client's numbers is problem-first;
a proposal that mentions "your needs" only after pages of credentials is not.

A byline ("Submitted by...") does not open anything. A sentence whose subject is the partner's
product ("LogSage clusters your alerts...", "whatever you need, we've got it covered") is a
pitch even when it names the client's pain.
"""

from __future__ import annotations

import re

from inhouse.analysis.proposals.document import ParsedDocument, Unit
from inhouse.analysis.proposals.signals.base import SignalDetector, Weighing, cue, score
from inhouse.analysis.proposals.text import words

_LISTENING = [
    cue(
        r"\byou (told|described|mentioned|said|explained|shared|showed|raised|noted|indicated|outlined|highlighted|asked)\b"
        r"|\b(told|showed) us\b|\b(we|I) (heard|understood|learned|learnt|listened)\b|\bas (I|"
        r"we) understand\b|\bas you (put|said|described)"
        r"|\b(on|in|during) (our|the|yesterday's|today's) (call|chat|meeting|conversation|visit)\b"
        r"|\bin your (own )?words\b|\bwhat we heard\b|\b(team|manager|lead|director|officer|staff)s? (told|"
        r"described|explained|mentioned|said)",
        2.5,
    ),
    cue(
        r"\b(understand|learn|hear|know|confirm) (more |a bit more |a little more |"
        r"better )?(about )?(the problem|your|what|how|where|why|who|which|more)\b"
        r"|\bbefore (anything|we|I|saying|talking|writing|building|designing|putting)\b.{0,80}\b(understand|"
        r"ask|hear|learn|know|confirm|questions?|start with you|about you|from you)\b"
        r"|\bstart(ing)? (from|with) (your side|you\b|your)|\bwalk (us|me) through\b"
        r"|\btell (us|me) (more|about|a little|a bit|what|how|where|why)|\b(keeping you up|going wrong|"
        r"most urgent|most painful|biggest headache|hurting most|in your words)\b"
        r"|\b(would love|'d love|'d like|would like) to (understand|hear|learn)\b|\brather start with you\b|"
        r"\bquestions? (for you|we still have|to you)\b"
        r"|\bhelp (us|me) (to )?understand\b|\b(when|as) we (met|spoke|talked)\b|\b(in|during) our (call|"
        r"meeting|conversation|workshop|"
        r"discussion|visit|interview)s?\b|\bput it (bluntly|simply|well|plainly)\b",
        2.5,
    ),
    # a question to the client reported in notes or minutes: "JD opened by asking the board to describe the
    # backlog", "began by asking them to walk through a typical week" (what the client asks is not reported here)
    cue(
        r"\b(opened|began|started|kicked off|led off)( the (meeting|call|session|discussion|workshop))? (by|with) "
        r"(asking|inviting)\b"
        r"|\b(asked|invited|encouraged)\s+(?!us\b|me\b)((the )?[\w-]+\s+){1,3}?to (describe|explain|walk (us |"
        r"the team )?through|outline|talk (us )?through|set out|tell (us|them|him|her)|share|summari[sz]e|paint)\b",
        2.5,
    ),
]
_THEIR_ORG = re.compile(
    r"\b([A-Z][\w&-]+)('s|s') (team|staff|finance|operations|process|customers|members|agents|managers|officers|engineers|"
    r"clinicians|nurses|drivers|planners|buyers|stores|sites|board|backlog|volume|data|programme|department|division)\b"
)
_QUANTITY = re.compile(
    r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty) (working |business |full )?"
    r"(days|hours|weeks|months) (to|per|a|each|every|of)\b",
    re.I,
)
_PAIN = re.compile(
    r"\b(problems?|challeng\w*|pain\w*|struggl\w*|backlogs?|bottlenecks?|delays?|delayed|waiting|complain\w*|"
    r"manual(ly)?|by hand|"
    r"frustrat\w*|burn(ing|ed|t)? out|burnout|los(e|es|ing|t)|loss(es)?|costs?|costing|costly|wast\w*|wrong|misrout\w*|late|"
    r"overload\w*|pressure|urgent|errors?|mistakes?|slow\w*|risks?|fail\w*|gaps?|inconsisten\w*|warned|incidents?|churn|"
    r"shortages?|empty|too (much|many|long|slow)|spend(s|ing)?|difficult\w*|hard to|worr\w*|concern\w*|needs?|"
    r"goals?|want(s|ed)?|"
    r"aims?|objectives?|hurt\w*|issues?|stuck|unplanned|downtime|surprised|behind|overdue|takes? \w+ (days|hours|weeks)|"
    r"\d+(\.\d+)?\s?(%|percent|per cent))\b",
    re.I,
)
_SECOND = re.compile(r"\b(you|your|you're|you've|yours)\b", re.I)
_SELF = re.compile(r"\b(we|we're|we've|our|us|I'm)\b", re.I)
_ABOUT_THEM = re.compile(
    r"\b(data|users?|process|team|staff|customers?|workflow|systems?|today|currently|now|how many|how much|who|which|where|"
    r"when|what happens|tools?|volume|history|decide|owns?|trust)\b",
    re.I,
)
_PITCH_QUESTION = re.compile(
    r"\b(ready to|want to (see|learn|know more)|why not|interested in|shall I|would you like|can we (schedule|book|set up)|"
    r"are you ready|how about|what if you could|imagine|any questions|make sense|see my screen|hear me)\b",
    re.I,
)
_SELF_CUES = [
    cue(
        r"\b(founded|established) (in \d{4}|by|\d+ years ago|in the)|\bspin-?(out|off)\b|\bspun[- ](out|"
        r"off)\b|\b\d[\d,]* (people|employees|engineers|"
        r"data scientists|staff|experts|consultants|specialists|developers|researchers)\b|\boffices? in\b|\bawards?\b|"
        r"\baward-winning\b|\b(iso ?27001|soc ?2)\b|\b(named|recogni[sz]ed) (a|as)\b|\bpeer-reviewed\b",
        2.0,
    ),
    cue(
        r"\b(leading|leader in|market-leading|market's|best-in-class|world-class|state-of-the-art|"
        r"cutting-edge|next-generation|"
        r"revolutionary|transforming|pioneer\w*|unique|proprietary|most advanced|industry-leading|the best)\b",
        1.5,
    ),
    cue(
        r"\b\d[\d,]*\+? ([\w-]+ ){0,2}(inspected|deployed|served|delivered|installed|processed|automated|"
        r"monitored|live)\b",
        1.5,
    ),
    cue(
        r"\b(trusted by|used by|deployed (in|at|on|across)|serv(es|ing) (more than |over )?\d|customers in|clients in|"
        r"\d[\d,]*\+? ([\w-]+ )?(customers|clients|companies|firms|brands|businesses|organi[sz]ations|institutions|"
        r"enterprises)|(we|our [\w-]+) (serve|support|work with|power|help)s? (more than |over |some )?\d[\d,]*\+? "
        r"([\w-]+ )?[a-z]{3,}s)\b",
        1.5,
    ),
    cue(
        r"\bour (own|latest|new|track record)\b|\bour ([\w-]+ ){0,2}?(platform|technology|tech|stack|engine|models?|"
        r"solution|product|suite|team|company|founders|architecture|algorithms?|software|tools?|capabilities|"
        r"features|api|roadmap|dashboards?|integrations?|release|system|ai|infrastructure|pipeline|research|"
        r"expertise|experience|customers|clients|offering|portfolio|mission|hardware|devices|network|vision)\b",
        1.5,
    ),
    cue(
        r"\b(who we are|about us|let me (show|walk you through|give you|tell you about|start with)|share my screen|"
        r"(quick|short|brief) (tour|demo|overview|intro)|reaching out because|next slide|this is our|"
        r"here you (see|can see)|under the hood|jump (straight )?in)\b"
        r"|\b(I'll|we'll|I will|we will|I'm going to|let's|let me) (start|begin|jump|kick off|do|give|walk)\b.{0,50}"
        r"\b(tour|demo|overview|product|platform|slides|deck|who we are|ourselves)\b",
        3.0,
    ),
    cue(
        r"\b(whatever|everything|all|anything) (you|your \w+) (need|want|could want)\b|\bwe've got (it|you) covered\b|"
        r"\b(perfect|ideal|made) for you\b|\b(try it|get started) (risk-free|today|now|for free)\b",
        1.5,
    ),
    cue(
        r"\b(is|are) (a|an|the) (leading|full-service|specialist|ai|platform|company|provider|real-time|market)\b|"
        r"\b(is|are) (a|an|the) ([\w-]+ ){1,3}?(company|provider|platform|firm|start-?up|spin-?out|consultancy|vendor|"
        r"specialists?|leader)\b",
        1.0,
    ),
]
#: technical vocabulary of the partner's own making (kinds of model, infrastructure, delivery), not
#: named tools: a named product or library is found by its shape (:data:`_PRODUCT_SHAPE`).
_TECH = re.compile(
    r"\b(containers?|microservices?|apis?|rest|cloud|gpus?|transformers?|"
    r"neural|deep learning|machine learning|gradient[- ]boost\w*|forests?|llms?|"
    r"large language models?|fine-tun\w*|"
    r"embeddings?|vector|retrieval|rag|reinforcement learning|computer vision|nlp|pipelines?|feature store|"
    r"mlops|latency|throughput|p95|uptime|sla|architecture|ensembles?|algorithms?|parameters|inference|"
    r"dashboards?|integrat\w*|sdk|saas|on-prem\w*|edge|iot|sensors?|twins?|automl|"
    r"low-code|no-code|agents?|"
    r"chatbots?|generative|genai|model registry|drift|scalab\w*|real-time|streaming|databases?|data lake|"
    r"ms|sso|encoders?|decoders?|solvers?|optimi[sz]er|engine|module|modules|widget|platform)\b",
    re.I,
)
#: a product or library named in mixed case ("XGBoost", "FastAPI", "MLflow", "PyTorch"); not a plural
#: acronym ("KPIs", "PDFs")
_PRODUCT_SHAPE = re.compile(r"\b(?:[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z]{2,}[a-z]{2,}[A-Za-z]*|[a-z]+[A-Z][A-Za-z]*)\b")


_BYLINE = re.compile(
    r"^\W*((submitted|prepared|presented|written|compiled|sent|issued|delivered|authored) (by|for|to)\b|"
    r"(date|version|ref|reference|document|status|confidential\w*|draft|v\d)\b\W)",
    re.I,
)
_PRODUCT_START = re.compile(
    r"^\W*(our (platform|product|solution|engine|tool|app|software|system|model|"
    r"assistant|technology)|"
    r"the (platform|product|solution|engine|app|software)) (\w+ )?(is|does|will|can|"
    r"reads|turns|helps|uses|"
    r"gives|finds|scores|predicts|clusters|automates|analy[sz]es|detects|works|lets|"
    r"sends|connects)\b",
    re.I,
)
_PROBLEM_HEADING = cue(
    r"\b(your|you|problem|problems|challenges?|situation|context|background|needs?|goals?|objectives?|pain|heard|"
    r"understanding|current state|why now|(your|the) brief|what we learned|where you are)\b",
    1.0,
)
_SELF_HEADING = cue(
    r"\b(about|who we are|company|overview|technology|technical|architecture|platform|product|stack|capabilities|features|"
    r"at a glance|in numbers|in brief|in short|snapshot|fact ?sheet|how it works|credentials|track record|"
    r"introducing|introduction|our (team|solution|approach|story|experience|"
    r"company|technology)|lifecycle|pipeline|infrastructure|highlights)\b",
    1.0,
)


#: a scene set for the client ("Imagine a ...", "Picture your ...") and then, after a colon, a dash or "then",
#: the partner's product or the partner acting in it: "...: our assistant replies, ..." is a pitch
_SCENE = re.compile(r"^\W*(imagine|picture|think of|suppose|say)\b", re.I)
_SCENE_ACTOR = re.compile(
    r"(?:[:;]|\s[-\u2013\u2014]\s|,? then)\s+(?P<actor>(?:[A-Z][a-z]+[A-Z][\w]*|[A-Z][\w]*[\u2122\u00ae]|we|our [\w-]+"
    r"(?: [\w-]+)?|the (?:platform|assistant|product|engine|system|tool|app|bot|agent|model|software)))\s+"
    r"(?:\w+ly )?[a-z]+s?\b"
)


def _scene_pitch(text: str, document: ParsedDocument) -> bool:
    """ "Imagine a nurse at 3am who needs ...: OurBot answers ...": a hypothetical whose actor is the partner's."""
    if not _SCENE.match(text):
        return False
    for match in _SCENE_ACTOR.finditer(text):
        actor = match.group("actor")
        if actor[0].isupper() or actor.lower().startswith(("we", "our", "the")):
            return True
    lowered = text.lower()
    return any(
        re.search(rf"(?:[:;]|\s[-\u2013\u2014]\s)\s*{re.escape(name.lower())}\b", lowered)
        for name in document.partner_names
        if len(name) >= 3
    )


def _product_subject(text: str, document: ParsedDocument) -> bool:
    """The sentence's subject is the partner's product or company: "LogSage clusters your alerts...", or the
    actor of a scene set for the client ("Imagine a driver who ...: our app reroutes her")."""
    lowered = text.lower().lstrip(" *-")
    return (
        bool(_PRODUCT_START.match(text))
        or any(lowered.startswith(name.lower()) for name in document.partner_names if len(name) >= 3)
        or _scene_pitch(text, document)
    )


def problem_weight(unit: Unit, document: ParsedDocument) -> float:
    text = unit.text
    if _scene_pitch(text, document):  # the client's wish in the scene ("wants to know why") is the pitch's set-up
        return 0.0
    weight = score(text, _LISTENING)
    if _product_subject(text, document) and not unit.is_question:  # what it does for "your" X is still a pitch
        return min(weight, 4.0)
    second = bool(_SECOND.search(text))
    self_talk = bool(_SELF.search(text))
    lowered = text.lower()
    named = any(name.lower() in lowered for name in document.client_names) or any(
        not any(m.group(1).lower() in p.lower() for p in document.partner_names) for m in _THEIR_ORG.finditer(text)
    )
    pain = bool(_PAIN.search(text) or _QUANTITY.search(text))
    if unit.is_question and not _PITCH_QUESTION.search(text):
        weight += 2.0 if (second or _ABOUT_THEM.search(text)) else 1.0
    if pain and (second or named):
        weight += 1.5
    elif pain and not self_talk:
        weight += 0.75
    elif (second or named) and not self_talk:
        weight += 0.5
    return min(weight, 4.0)


#: putting the partner off until later: "before I say anything about us", "rather than talk about what we do"
_DEFERRAL = re.compile(
    r"\b(before|rather than|instead of) ((I|we)('d| would| will)? )?\w+( you)?( anything| much| a word| more)?"
    r" (about )?(us|ourselves|who we are|what we do|our \w+)\b",
    re.I,
)


def self_weight(unit: Unit, document: ParsedDocument) -> float:
    text = _DEFERRAL.sub(" ", unit.text)
    tech = len(_TECH.findall(text)) + len(_PRODUCT_SHAPE.findall(text))
    weight = score(text, _SELF_CUES) + min(2.0, 0.5 * tech)
    lowered = text.lower()
    if any(lowered.startswith(name.lower()) or f" {name.lower()} is" in lowered for name in document.partner_names):
        weight += 1.0
    if _product_subject(text, document) and not score(text, _LISTENING):
        weight += 1.0
    return min(weight, 4.0)


def lean(unit: Unit, document: ParsedDocument) -> tuple[str, float]:
    """``("problem", w)``, ``("self", w)`` or ``("", 0)`` for one sentence, heading included."""
    if words(unit.text) < 4 or _BYLINE.match(unit.text):  # a byline or a label, not a statement
        return "", 0.0
    problem, self_ = problem_weight(unit, document), self_weight(unit, document)
    if unit.heading:
        heading_problem, heading_self = score(unit.heading, [_PROBLEM_HEADING]), score(unit.heading, [_SELF_HEADING])
        heading_self += 1.0 if re.match(r"^\W*Why (us\b|choose\b|[A-Z])", unit.heading) else 0.0
        heading_problem += 0.5 * len(
            re.findall(r"\b(your|you|problem|challenge|situation|needs?)\b", unit.heading, re.I)
        )
        if heading_problem > heading_self:
            problem += 1.5
        elif heading_self > heading_problem:
            self_ += 1.5
    if problem >= 1.0 and problem >= self_ + 0.5:
        return "problem", min(problem, 3.0)
    if self_ >= 1.0 and self_ >= problem + 0.5:
        return "self", min(self_, 3.0)
    return "", 0.0


def _sections(units: list[Unit]) -> list[list[Unit]]:
    """Consecutive sentences under one heading (or, without headings, in one paragraph)."""
    sections: list[list[Unit]] = []
    for unit in units:
        last = sections[-1][-1] if sections else None
        same = last is not None and (unit.heading == last.heading if unit.heading else unit.block == last.block)
        if same:
            sections[-1].append(unit)
        else:
            sections.append([unit])
    return sections


class ProblemFirst(SignalDetector):
    name = "problem_first"

    def weigh(self, document: ParsedDocument) -> Weighing:
        if document.conversational:
            return self._conversation(document)
        return self._written(document)

    def _written(self, document: ParsedDocument) -> Weighing:
        """The first section that leans either way decides; the rest of the opening third adds half."""
        units = document.partner_units
        opening = {id(unit) for unit in units[: max(4, round(len(units) / 3))]}  # by identity: a set, not a scan
        weighing = Weighing()
        decided = False
        for section in _sections(units):
            leans = [(unit, *lean(unit, document)) for unit in section]
            problem = sum(w for _, side, w in leans if side == "problem")
            self_ = sum(w for _, side, w in leans if side == "self")
            if not decided and abs(problem - self_) >= 1.0:
                decided = True
                bonus_for, bonus_against = (3.0, 0.0) if problem > self_ else (0.0, 3.0)
                for unit, side, weight in leans:
                    if side == "problem":
                        weighing.add_for(unit, weight + bonus_for)
                        bonus_for = 0.0
                    elif side == "self":
                        weighing.add_against(unit, weight + bonus_against)
                        bonus_against = 0.0
                continue
            for unit, side, weight in leans:
                if id(unit) in opening and side == "problem":
                    weighing.add_for(unit, weight / 2)
                elif id(unit) in opening and side == "self":
                    weighing.add_against(unit, weight / 2)
        return weighing

    def _conversation(self, document: ParsedDocument) -> Weighing:
        partner_words = sum(words(u.text) for u in document.partner_units)
        said, opening, partner_turns = 0, list[Unit](), 0
        for unit in document.units:
            if unit.by_partner and said >= partner_words / 3 and partner_turns >= 3:
                break
            opening.append(unit)
            said += words(unit.text) if unit.by_partner else 0
            partner_turns += unit.by_partner
        weighing = self._opening(document, [u for u in opening if u.by_partner])
        total = sum(words(u.text) for u in opening) or 1
        client = [u for u in opening if not u.by_partner]
        share = sum(words(u.text) for u in client) / total
        if client and share >= 0.25:
            longest = max(client, key=lambda u: words(u.text))
            weighing.add_for(longest, 2.0 if share >= 0.4 else 1.0)
        elif share < 0.12 and weighing.against:
            weighing.add_against(weighing.against[0][1], 2.0)
        return weighing

    def _opening(self, document: ParsedDocument, opening: list[Unit]) -> Weighing:
        weighing = Weighing()
        first = ""
        for unit in opening:
            side, weight = lean(unit, document)
            if side and not first:
                first = side
                weight += 1.5
            if side == "problem":
                weighing.add_for(unit, weight)
            elif side == "self":
                weighing.add_against(unit, weight)
        return weighing
