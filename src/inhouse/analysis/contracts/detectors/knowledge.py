"""Knowledge transfer: training of the client's own people, with the hours when stated.

Machine-learning "training" (training data, training a model) is not knowledge transfer;
an offer of training "on request at then-current rates" is not a commitment.
"""

from __future__ import annotations

import re

from inhouse.analysis.contracts.context import Context
from inhouse.analysis.contracts.detectors.base import Detector, rx
from inhouse.analysis.contracts.numbers import NUMBER, parse_number
from inhouse.domain.contracts import KnowledgeTransferFinding

_PEOPLE = (
    r"(?:personnel|staff|team|teams|employees|engineers|developers|users|administrators|operators|"
    r"people|members|data scientists|analysts|designated|nominated|representatives|key users|champions|"
    r"specialists|officers|managers|technicians|professionals|workforce|trainees|participants)"
)
_KT = rx(
    r"knowledge[- ]transfer",
    r"hand[- ]?over (?:training|sessions?|workshops?|course|programme|program)",
    # a list of the people may come first: "training to the client's floor leads, planners and IT staff"
    r"(?:train|training|educate|coach|onboard|upskill|instruct|enablement|mentor)\w*\b[^.;]{0,80}?(?:the )?(?:client|customer|"
    r"company|buyer|licensee|sponsor|principal|purchaser)['’]?s? (?:[A-Za-z-]+,? (?:and |or )?){0,6}?" + _PEOPLE,
    # the people named after them: "coaching on the dashboard for three engineers of the Buyer"
    r"(?:training|instruction|coaching|mentoring|onboarding|workshops?|sessions?)\b[^.;]{0,120}?\b(?:for|to) (?:up to |at most |"
    r"no more than )?(?:\w+ )?(?:\(\d+\) )?(?:[a-z-]+ ){0,2}"
    + _PEOPLE
    + r" of (?:the )?(?:client|customer|company|buyer|"
    r"licensee|sponsor|principal|purchaser)\b",
    # the people as the kind of training: "operator training", "end-user training" (a price list or order line)
    r"\b(?:operators?|end[- ]users?|users?|administrators?|admins?|staff|employees?|technicians?|super[- ]users?|"
    r"key[- ]users?)\b(?: and (?:[a-z-]+ ){1,2})? training\b",
    # "eight (8) hours of hands-on training", "three days of administrator training"
    NUMBER + r"\s*(?:\(\d+(?:\.\d+)?\)\s*)?(?:hours?|days?|half[- ]days?|sessions?) of (?:[a-z-]+ ){0,3}(?:training|"
    r"coaching|instruction|onboarding|knowledge transfer|workshops?|tuition)",
    r"(?:training|onboarding|coaching|instruction|mentoring) (?:sessions? )?(?:of|lasting|totall?ing|comprises|comprising|"
    r"consists of|amounts to|(?:is|are|shall be|will be) limited to) (?:up to |at least |not less than )?" + NUMBER,
    r"(?:training|coaching|workshops?|sessions?|courses?|classes)[^.;]{0,20}? (?:for|to|with) (?:the )?(?:[a-z-]+ ){0,3}"
    + _PEOPLE,
    r"(?:train|educate|coach|upskill|enable|mentor)\w* (?:[a-z]+ ){0,3}" + _PEOPLE,
    r"training (?:sessions?|workshops?|courses?|programme|program|curriculum|materials|hours|days)",
    r"(?:enablement|shadowing|pair[- ]programming|knowledge[- ]sharing|walk-?throughs?|brown[- ]bag|mentoring) "
    r"(?:sessions?|programme|program|workshops?)",
    r"\bworkshops?\b",
    r"transfer (?:of )?(?:knowledge|know-how|skills)",
    # the people first, the teaching after: "give the client's planners and IT staff an instruction in"
    r"(?:give|provide|deliver|offer)\w* (?:to )?(?:the )?(?:client|customer|company|buyer|licensee|principal|purchaser)['’]?s? "
    r"(?:[A-Za-z-]+,? (?:and |or )?){0,6}?"
    + _PEOPLE
    + r" (?:an? )?(?:instruction|training|induction|introduction|briefing)",
    r"\binstruct\w* (?:them|him|her|the (?:[a-z]+ ){0,2}" + _PEOPLE + r") in\b",
    # sessions given to named people on how to use something: "give the Buyer's office lead two sessions on the use of"
    r"(?:give|provide|deliver|offer|run|hold)\w* (?:to )?(?:the )?(?:client|customer|company|buyer|licensee|principal|"
    r"purchaser)['’]?s? [^.;]{0,80}?\b(?:sessions?|classes|lessons?|webinars?)\b[^.;]{0,40}?\b(?:on|about|covering|in) "
    r"(?:the )?(?:use|operation|administration|running|how)\b",
    r"share\w* (?:its |their |the |our )?(?:knowledge|know-how|expertise|skills|methods)\b[^.;]{0,60}?\bwith\b",
    r"(?:programme|program|course|curriculum|bootcamp|sessions?)[^.;]{0,60}?(?:to|for|of) (?:[^.;]{0,30}? )?(?:the )?"
    r"(?:client|customer|company|buyer|licensee)['’]?s? (?:[a-z-]+ ){0,3}" + _PEOPLE,
    r"(?:capable|able) (?:of|to) (?:operat|maintain|modify|run)\w* [^.;]{0,40}?(?:independently|without (?:the )?"
    r"(?:vendor|supplier|provider))",
)
_ML = rx(
    r"training (?:data|set|datasets?|pipeline|runs?|jobs?|corpus|examples|process for the model)",
    r"(?:model|classifier|network|algorithm) training",
    r"pre-?training",
    r"fine[- ]tun",
    r"train(?:s|ed|ing)? (?:the |a |an |any |its |such )?(?:[a-z-]+ )?(?:models?|classifiers?|networks?|algorithms?)",
    r"re-?train",
)
_NOT_COMMITTED = rx(
    r"(?:no|not|without) (?:any )?(?:training|knowledge transfer)",
    r"(?:do|does|will|shall) not (?:provide|offer|deliver|include)[^.;]{0,30}?(?:training|knowledge transfer|workshops?|"
    r"coaching)",
    r"(?:training|knowledge transfer)\s*[:–-]?\s*(?:not applicable|n/a\b|none\b|not included|excluded)",
    # a reference to what another document specifies commits nothing by itself
    r"(?:any|such) (?:[a-z]+ )?(?:training|knowledge transfer)[^.;]{0,40}?(?:specified|set out|described|agreed|"
    r"required) (?:in|under|by)",
    r"(?:training|knowledge transfer)[^.;]{0,60}?(?:is|are|shall be|will be) (?:not included|excluded|out of scope)",
    r"(?:not|no) (?:be )?(?:required|obliged|obligated) to (?:provide|deliver)[^.;]{0,40}?(?:training|knowledge)",
    r"(?:upon|on|at) (?:the )?(?:[A-Za-z]+['’]s )?request[^.;]{0,80}?(?:then[- ]current|additional|standard|"
    r"separate)[^.;]{0,20}?(?:rates|fees|charges?|cost)",
    r"(?:then[- ]current|additional|standard|separate) (?:rates|fees|charges?)[^.;]{0,60}?(?:upon|on) request",
    r"(?:may|can),? (?:at (?:its|the [a-z]+['’]s) (?:sole )?discretion,? )?(?:offer|provide|arrange)[^.;]{0,40}?"
    r"training[^.;]{0,60}?(?:additional|separate|then[- ]current)",
)
# Teaching that is not for the client's people: the vendor schooling its own staff, or a handover to the
# supplier that takes over at exit (transition assistance, read by the exit clause).
_NOT_CLIENTS_PEOPLE = rx(
    r"train\w* (?:all |any )?(?:of )?(?:its|their) own\b",
    r"train\w* (?:all |any )?(?:of )?(?:the )?(?:supplier|vendor|provider|contractor|consultant|seller|licensor)['’]?s? "
    r"(?:own )?(?:[a-z]+ )?(?:personnel|staff|employees|team|engineers)",
    r"(?:safety|induction|compliance|security) training (?:of|for) (?:the )?(?:supplier|vendor|provider|contractor|"
    r"consultant|seller)",
)
# workshops that gather what the client knows (discovery, requirements, design) teach the vendor, not the client
_DISCOVERY = rx(
    r"workshops?\b[^.;]{0,80}?\b(?:requirements?|discovery|scoping|kick-?off|confirm\w*|layouts?|interviews?|gather\w*|"
    r"to agree|to understand|to capture|to define)",
    r"(?:requirements?|discovery|scoping|design|kick-?off) workshops?",
    # working sessions held with the client's team, as against workshops given for or to its people
    r"workshops? with (?:the )?(?:client|customer|company|buyer|licensee|principal|purchaser)['’]?s?\b",
)
# courses the client's people take on their own (self-paced, recorded, on demand) are material, like
# documentation, not the vendor teaching them; unless live teaching is promised in the same sentence
_SELF_SERVICE = rx(
    r"self[- ]paced",
    r"self[- ]service (?:training|learning|courses?)",
    r"on[- ]demand (?:courses?|videos?|training|modules?|lessons?|tutorials?)",
    r"\be-?learning\b",
    r"(?:pre-?)?recorded (?:videos?|courses?|webinars?|training|lessons?|tutorials?)",
    r"video (?:tutorials?|library|libraries|lessons?)",
)
_LIVE = rx(
    r"instructor[- ]led",
    r"\blive\b",
    r"in[- ]person",
    r"on[- ]site",
    r"\bworkshops?\b",
    r"\bsessions?\b",
)
_TEACHING = rx(
    r"\btrain(?!ing data)",
    r"instruct",
    r"coach",
    r"mentor",
    r"knowledge",
    r"educat",
    r"upskill",
    r"onboard",
    r"\bteach",
    r"\blearn",
    r"skills",
)
_SUCCESSOR = rx(
    r"(?:replacement|successor|incoming|new|substitute|nominated) (?:supplier|provider|vendor|contractor|service provider|"
    r"agenc(?:y|ies)|integrator|operator)"
)
_CLIENTS_PEOPLE = rx(
    r"(?:client|customer|company|buyer|licensee|sponsor|principal|purchaser)['’]s (?:[a-z-]+ ){0,3}" + _PEOPLE
)
_N = rf"(?<![\w.])(?P<n>{NUMBER})"
_H = rf"(?P<h>{NUMBER})"
_SESSIONS = r"(?:workshops?|sessions?|days?|trainings?|classes|modules?|seminars?|webinars?|courses?|lessons?|clinics?|units?|blocks?)"
# the unit of a duration: hours (also "hrs"), or minutes, counted as a sixtieth of an hour
_UNIT = r"(?:-|\s)?(?P<unit>hours?|hrs?\b|minutes?|mins?\b)"
_HOURS = [
    # "two (2) clinics for the client's night shift, each of four hours": the duration after what the sessions are for
    (
        re.compile(
            _N + r"\s+(?:[a-z-]+\s+){0,2}?" + _SESSIONS + r"\b[^.;]{0,120}?,\s*each\s+(?:of|lasting)\s+"
            r"(?:up\s+to\s+|approximately\s+|at\s+least\s+)?" + _H + r"\s*(?:\(\d+(?:\.\d+)?\)\s*)?" + _UNIT,
            re.I,
        ),
        "product",
    ),
    # "three workshops of 4 hours", "2.5 days of 8 hours", "two (2) sessions, each of three (3) hours"
    (
        re.compile(
            _N + r"\s+(?:[a-z-]+\s+){0,2}?" + _SESSIONS + r",?\s+"
            r"(?:each\s+)?(?:of|lasting|comprising|with|at)\s+(?:up\s+to\s+|approximately\s+|at\s+least\s+)?"
            + _H
            + r"\s*(?:\(\d+(?:\.\d+)?\)\s*)?"
            + _UNIT,
            re.I,
        ),
        "product",
    ),
    # "three 4-hour workshops", "four (4) two-hour sessions", "two 45-minute clinics"
    (
        re.compile(
            _N
            + r"\s+"
            + _H
            + r"\s*(?:\(\d+(?:\.\d+)?\)\s*)?[- ](?P<unit>hours?|minutes?)\s+(?:[a-z-]+\s+){0,2}?"
            + _SESSIONS,
            re.I,
        ),
        "product",
    ),
    # "2 x 1-day", "3 x 4-hour"
    (re.compile(_N + r"\s*(?:x|×)\s*" + _H + r"[- ]?(?:full[- ])?days?\b", re.I), "product_days"),
    (re.compile(_N + r"\s*(?:x|×)\s*" + _H + _UNIT, re.I), "product"),
    # "2 sessions x 3 hrs" (an order line)
    (re.compile(_N + r"\s+" + _SESSIONS + r"\s*(?:x|×|of)\s*" + _H + _UNIT, re.I), "product"),
    # "four half-day workshops"
    (re.compile(_N + r"\s+half[- ]days?", re.I), "half_days"),
    # "five (5) days of training", "2 person-days of knowledge transfer", "three training days"
    (
        re.compile(
            _N + r"\s+(?:(?:training|teaching|coaching|onboarding|instruction|course|workshop)[- ])?"
            r"(?:full[- ]|working[- ]|business[- ]|person[- ]|man[- ]|consultant[- ])?days?\b(?!\s*(?:after|"
            r"before|prior|following|from|of (?:the|notice|receipt)|notice|['’]))",
            re.I,
        ),
        "days",
    ),
    # "twenty (20) hours", "up to 40 hours"
    (
        re.compile(
            _N
            + r"\s*(?:\(\d+(?:\.\d+)?\)\s*)?(?:-|\s)?(?:person[- ]|consultant[- ]|contact[- ]|man[- ])?(?:hours?|hrs?)\b",
            re.I,
        ),
        "hours",
    ),
]
HOURS_PER_DAY = 8.0


def parse_hours(text: str) -> float | None:
    """Training hours stated in ``text``: products of sessions and hours, days at eight hours,
    half days at four; distinct statements in one sentence add up."""
    taken: list[tuple[int, int]] = []
    total = 0.0
    found = False
    for pattern, kind in _HOURS:
        for match in pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            n = parse_number(match.group("n"))
            if n is None or n <= 0:
                continue
            if kind in ("product", "product_days"):
                h = parse_number(match.group("h"))
                if h is None:
                    continue
                if kind == "product" and (match.groupdict().get("unit") or "h").lower().startswith("m"):
                    h = h / 60  # "five sessions of forty minutes each"
                value = n * h * (HOURS_PER_DAY if kind == "product_days" else 1)
            elif kind == "half_days":
                value = n * HOURS_PER_DAY / 2
            elif kind == "days":
                value = n * HOURS_PER_DAY
            else:
                value = n
            if value > 2000:
                continue
            taken.append((match.start(), match.end()))
            total += value
            found = True
    return round(total, 2) if found else None


class KnowledgeTransfer(Detector):
    kind = "knowledge_transfer"
    prefilter = re.compile(
        r"train|knowledge|workshop|hand|educat|coach|onboard|upskill|enabl|shadow|pair|walk|brown|capable|\bable to|program|course|session|know-how|mentor|"
        r"instruct(?!ions\b)|shar(?:e|es|ing) (?:its |their |the |our )?(?:knowledge|know-how|expertise|skills|methods)",
        re.IGNORECASE,
    )

    def relevant(self, text: str) -> bool:
        if not _KT.search(text):
            return False
        cleaned = _ML.sub(" ", text)
        return bool(_KT.search(cleaned))

    def detect(self, context: Context) -> KnowledgeTransferFinding:
        committed, refused = [], []
        for sentence in self.candidates(context):
            heading = context.heading(sentence)
            if re.search(r"definition", heading) and re.search(r"\bmeans\b", sentence.text):
                continue
            if _NOT_CLIENTS_PEOPLE.search(sentence.text) or (
                _SUCCESSOR.search(sentence.text) and not _CLIENTS_PEOPLE.search(sentence.text)
            ):
                continue  # the vendor's own staff, or the supplier taking over at exit
            if _DISCOVERY.search(sentence.text) and not _TEACHING.search(sentence.text):
                continue
            if _NOT_COMMITTED.search(sentence.text) or (
                _SELF_SERVICE.search(sentence.text) and not _LIVE.search(_SELF_SERVICE.sub(" ", sentence.text))
            ):
                refused.append(sentence)
            else:
                committed.append(sentence)
        if not committed:
            return KnowledgeTransferFinding(
                status="absent", hours=None, evidence=[context.evidence(s) for s in refused[:2]]
            )
        hours_by_sentence = [(self._hours_of(context, context.as_amended(s)), s) for s in committed]
        stated = [(h, s) for h, s in hours_by_sentence if h]
        hours = max(h for h, _ in stated) if stated else None
        ordered = [s for h, s in stated] + [s for h, s in hours_by_sentence if not h]
        evidence = sorted((context.evidence(s) for s in ordered[:3]), key=lambda e: e.start)
        return KnowledgeTransferFinding(status="present", hours=hours, evidence=evidence)

    def _hours_of(self, context: Context, text: str) -> float | None:
        """The hours a sentence states, or those of the training it names and defines elsewhere
        ("deliver the Training Allowance", defined as "sixteen (16) hours of instructor-led training")."""
        hours = parse_hours(self._hours_text(text))
        if hours is None:
            defined = context.defined_in(text, where=self.relevant)
            hours = parse_hours(self._hours_text(defined)) if defined else None
        return hours

    @staticmethod
    def _hours_text(text: str) -> str:
        """Drop durations that are not training time: notice periods, dates, deadlines."""
        text = re.sub(
            r"(?:within|after|before|prior to|following|no later than|at least)\s+"
            + NUMBER
            + r"\s*(?:\(\d+\)\s*)?(?:business\s+|calendar\s+|working\s+)?(?:days?|weeks?|months?)",
            " ",
            text,
            flags=re.I,
        )
        # a part of the total is not more time: "twelve hours, of which at least four hours shall be hands-on"
        text = re.sub(
            r",?\s*of which (?:at least |not less than |no less than |up to |at most )?"
            + NUMBER
            + r"\s*(?:\(\d+\)\s*)?(?:hours?|days?|half[- ]days?|sessions?)",
            " ",
            text,
            flags=re.I,
        )
        # the value a change replaces is not more time: "thirty hours rather than twenty hours"
        text = re.sub(
            r"(?:instead of|in place of|rather than|replacing|(?:up|increased|reduced|changed) from)\s+(?:the\s+)?"
            + NUMBER
            + r"\s*(?:\(\d+\)\s*)?(?:hours?|days?|half[- ]days?|sessions?)",
            " ",
            text,
            flags=re.I,
        )
        # the length of a day is a unit, not more time: "ten days of sessions, a day meaning eight hours"
        text = re.sub(
            r"(?:an?|each|one) (?:working |business )?day (?:meaning|means|being|of|equal to|equals|counting as) "
            + NUMBER
            + r"\s*(?:\(\d+\)\s*)?hours?",
            " ",
            text,
            flags=re.I,
        )
        # response times and hours of cover are not training time: "within 24 hours", "24x7", "8 hours a day"
        text = re.sub(
            r"(?:within|in under|no later than|respon\w+ (?:time )?of)\s+"
            + NUMBER
            + r"\s*(?:\(\d+\)\s*)?(?:business\s+|"
            r"working\s+|clock\s+)?hours?|\b24\s*(?:x|/|×)\s*7\b|"
            + NUMBER
            + r"\s*(?:\(\d+\)\s*)?hours? (?:a|per|each) "
            r"(?:day|week)|business hours",
            " ",
            text,
            flags=re.I,
        )
        return text
