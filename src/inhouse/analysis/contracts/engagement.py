"""Engagement model (project, advisory or mixed) and the playbook's advice for it.

The playbook: start advisory (hourly or monthly, flexible exploration), then convert the
proven scope to project-based (fixed scope, timeline, cost).
"""

from __future__ import annotations

import re

from inhouse.analysis.contracts.detectors.base import rx
from inhouse.domain.contracts import Recommendation

_PROJECT = rx(
    r"fixed[- ](?:price|fee|cost|sum|scope)",
    r"lump[- ]sum",
    r"milestones?",
    r"acceptance (?:tests?|testing|criteria|"
    r"certificate)",
    r"go-?live",
    r"(?:delivery|completion) (?:date|schedule)",
    r"project plan",
    r"deliverables? "
    r"(?:schedule|list|table)",
    r"payment schedule",
    r"(?:total|aggregate) (?:project |contract )?(?:price|fee)s? of",
    # a recurring service at a fixed price per period for a fixed term
    r"fixed (?:monthly|annual|yearly|quarterly) (?:fee|price|charge)",
)
_ADVISORY = rx(
    r"hourly (?:rate|fee|basis)",
    r"(?:hourly|daily) bill(?:ing)? rates?|\brate card\b",
    r"per hour",
    r"time[- ]and[- ]materials?|\bT&M\b",
    r"retainer",
    r"(?:monthly|per month) (?:advisory|consulting|retainer|fee)",
    r"advisory (?:services|agreement|engagement|"
    r"retainer|phase|board)",
    r"(?:consulting|consultancy|advisory) services",
    r"as[- ]needed basis|as (?:and when|"
    r"reasonably) requested",
    r"day rates?|per (?:person[- ])?day",
    r"hours per (?:month|week)",
    r"(?:advise|advice|guidance|recommendations) (?:on|to|regarding)",
    r"no (?:specific )?deliverables",
)
_MIXED = rx(
    r"(?:discovery|advisory|exploration|pilot|assessment) phase[^.;]{0,200}?(?:build|delivery|implementation|"
    r"project|development) phase",
    r"convert\w* [^.;]{0,60}?(?:fixed|project)",
    r"phase (?:1|one)[^.;]{0,120}?"
    r"(?:time[- ]and[- ]materials|hourly|advisory)[^.]{0,400}?phase (?:2|two)",
)


# A rate for work beyond the engagement ("further coaching at $1,100 a day per person", "out-of-scope
# work at the hourly rate", "available on request at standard rates") prices extras, not the engagement itself.
_EXTRA = (
    r"(?:additional|optional|extra|further|outside (?:the|its|this) (?:scope|services)|out[- ]of[- ]scope|beyond the scope|"
    r"on request|if the \w+ asks|then[- ]current|not included)"
)
_RATE = r"(?:per (?:hour|day|person[- ]day)|hourly|day rates?|daily rates?|rates? for)"
_EXTRA_RATE = re.compile(rf"{_EXTRA}\b[^.;\n]*?{_RATE}|{_RATE}[^.;\n]*?{_EXTRA}\b", re.IGNORECASE)
_PIECE = re.compile(r"[^.;\n]+")
_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")


def _without_extra_rates(text: str) -> str:
    """The text without the sentences and lines that price extras (cut at ".", ";" and line ends; a
    decimal point is no end of a piece: "extra work at $95.50 per hour")."""
    masked = _DECIMAL_POINT.sub("\x00", text)
    if not _EXTRA_RATE.search(masked):
        return text
    kept = " ".join(piece for piece in _PIECE.findall(masked) if not _EXTRA_RATE.search(piece))
    return kept.replace("\x00", ".")


def engagement_model(text: str) -> str:
    project_cues = {" ".join(m.group(0).lower().split()) for m in _PROJECT.finditer(text)}
    priced = _without_extra_rates(text)
    advisory_cues = {" ".join(m.group(0).lower().split()) for m in _ADVISORY.finditer(priced)}
    if any(cue.startswith("fixed monthly") for cue in project_cues):
        advisory_cues.discard("monthly fee")  # the fixed monthly fee of a managed service is not a retainer
    title = priced[:400].lower()
    if re.search(r"hosting|managed (?:services?|support)|subscription|software as a service|\bsaas\b", title):
        advisory_cues.discard("monthly fee")  # the monthly fee of a hosted or managed service pays for the service
    project, advisory = len(project_cues), len(advisory_cues)
    if re.search(r"advisory|consulting|retainer|time[- ]and[- ]materials?|staff(?:ing)? augmentation|\bT&M\b", title):
        advisory += 3
    if re.search(r"statement of work|development agreement|delivery agreement|project agreement|fixed", title):
        project += 2
    phased = re.search(r"\bphase (?:1|one|i)\b", text, re.I) and re.search(r"\bphase (?:2|two|ii)\b", text, re.I)
    both_prices = re.search(
        r"time[- ]and[- ]materials|hourly|day rate|per hour|per (?:person[- ])?day", priced, re.I
    ) and re.search(r"fixed[- ](?:price|fee)", text, re.I)
    if (
        (phased and both_prices)
        or _MIXED.search(text)
        or (project >= 3 and advisory >= 3 and min(project, advisory) * 2 >= max(project, advisory))
    ):
        return "mixed"
    if advisory > project:
        return "advisory"
    return "project"


_ADVICE = {
    "advisory": (
        "advisory contract",
        "Advisory terms fit exploration. Once the scope is proven, convert it into a "
        "fixed-scope project contract (scope, timeline, cost) instead of extending the retainer.",
    ),
    "project": (
        "project contract",
        "Project terms fit a proven scope. If the direction is still uncertain (data, "
        "accuracy or users not yet validated), start with a short advisory phase first.",
    ),
    "mixed": (
        "mixed contract",
        "Make the conversion point explicit: the advisory phase ends with an agreed scope "
        "document, and only then does the fixed-scope, fixed-price project phase start.",
    ),
}


def recommendation(model: str, phase: str | None = None) -> Recommendation:
    """The playbook's advice for this contract, sharpened by the engagement's phase if known."""
    name, advice = _ADVICE[model]
    if phase == "advisory" and model == "project":
        problem = (
            "The engagement is still in its advisory phase but this is a fixed-scope project contract: "
            "it locks in a direction before it is proven."
        )
        text = (
            "Phase 1 (Advisory). The Vendor shall provide advisory services on a time-and-materials basis for "
            "up to eight (8) weeks to validate data, feasibility and scope. Phase 2 (Project) shall start only "
            "upon the Client's written approval of a scope document, with fixed scope, timeline and price."
        )
    elif phase == "project" and model == "advisory":
        problem = (
            "The engagement is in its project phase but the contract is advisory (hourly or monthly): "
            "proven scope should now be bought as a fixed-scope project."
        )
        text = (
            "The Parties shall convert the scope validated during the advisory phase into a Statement of Work "
            "with fixed deliverables, acceptance criteria, a delivery timeline and a fixed price."
        )
    else:
        problem = f"This is a {name}. {advice}"
        text = {
            "advisory": (
                "Upon completion of the advisory phase the Vendor shall deliver a scope document; any "
                "further build work shall be ordered under a separate fixed-price Statement of Work."
            ),
            "project": (
                "Before the fixed-price phase begins, the Parties may agree an advisory phase of up to "
                "four (4) weeks, billed on a time-and-materials basis, to validate scope and data."
            ),
            "mixed": (
                "The advisory phase ends on the Client's written approval of a scope document. The project "
                "phase is then performed for a fixed price against that scope and its acceptance criteria."
            ),
        }[model]
    return Recommendation(clause="engagement_model", problem=problem, suggested_text=text)
