"""Exit conditions: can the client leave and take everything with it? "full" when the
client may terminate for convenience, gets its data, code and models back and has
transition assistance; "partial" when some of that is there; "absent" when none is."""

from __future__ import annotations

import re

from inhouse.analysis.contracts.context import Context
from inhouse.analysis.contracts.detectors.after_end import RIGHT_TO_END, speaks_about_after_end
from inhouse.analysis.contracts.detectors.base import Detector, rx
from inhouse.analysis.contracts.detectors.termination import TerminationForConvenience
from inhouse.analysis.contracts.structure import Sentence
from inhouse.domain.contracts import ExitFinding

_ENDING = rx(
    r"terminat",
    r"expir",
    r"\bexit\b",
    r"\bend of (?:the|this) (?:agreement|engagement|term|project|contract)\b(?!\s+(?:phase|stage|milestone|sprint))",
    r"offboard",
    r"wind[- ]down",
    r"cessation",
    r"\bleav(?:e|ing)\b",
    r"\b(?:up)?on (?:any |written |its |your |the [a-z]+['’]s )?request",
    # the end of a part or of another kind of contract: "on the end of any Assignment", "on withdrawal or lapse"
    r"\b(?:on|upon|at|after|following) (?:the )?(?:end|ending|close) of (?:the|this|any|each|an?) (?:[\w-]+ ){0,2}?"
    r"(?:agreement|engagement|term|project|contract|assignment|sow|statement of work|deed|order|letter|mandate)\b",
    r"\b(?:on|upon|after|following) (?:any |such |its |the )?(?:withdrawal|lapse)\b",
    r"\bwhen (?:this|the) (?:agreement|contract|engagement|deed|sow|letter) (?:ends|expires|terminates|is terminated)\b",
)
_HAND = (
    r"\b(?:return|deliver|hand(?:s|ed|ing)? over|transfer|provide|make available|export|furnish|release|give|supply|"
    r"surrender)(?:s|ed|ing)?\b"
)
_RETURN_DATA = rx(
    _HAND + r"[^.;]{0,100}?(?:client|customer|company|buyer|licensee)?['’]?s? ?(?:data|datasets|materials|content|"
    r"records|files|documents|databases|backups)",
    r"(?:client|customer|company) (?:data|materials|content)[^.;]{0,100}?(?:returned|delivered|exported|handed over|"
    r"transferred|made available)",
    r"(?:data|datasets)[^.;]{0,60}?(?:portab|export|machine[- ]readable|standard format|csv|json|parquet)",
    # the thing named between the verb and its complement: "make the Client Data ... available to the Client"
    r"make (?:[\w’'-]+ ){0,4}(?:data|datasets|materials|records|files|documents)\b[^.;]{0,100}?available",
)
_RETURN_ASSETS = rx(
    _HAND + r"[^.;]{0,120}?(?:source[- ]code|code|models?|model weights|weights|deliverables|work product|materials?|"
    r"work[- ]in[- ]progress|documentation|repositor(?:y|ies)|credentials|infrastructure|pipelines|notebooks|artefacts|"
    r"artifacts|configurations?)",
    r"(?:source[- ]code|models?|deliverables|work product|work[- ]in[- ]progress|documentation|repositor(?:y|ies))"
    r"[^.;]{0,80}?(?:returned|delivered|handed over|transferred|made available)",
)
_TRANSITION = rx(
    r"transition(?:al)? (?:assistance|services|support|plan|period|management)",
    r"exit (?:assistance|plan|management|support|services)",
    r"(?:cooperat|assist)\w* [^.;]{0,80}?(?:successor|replacement|transition|migrat|new (?:vendor|supplier|provider))",
    r"\bmigrat\w+ (?:to|of|the)",
    r"orderly (?:and \w+ )?(?:transition|transfer|handover|hand-over|wind)",
    # a second source taking over: "transfer such manufacturing to an alternate manufacturer"
    r"alternat(?:e|ive) (?:manufacturer|supplier|vendor|provider|source|servicer)",
    r"transfer (?:of )?(?:the |such |its )?(?:manufactur\w*|production|process|services?) to (?:a |an |the )?(?:[a-z]+ )?"
    r"(?:manufacturer|supplier|vendor|provider|designee|successor|third part)",
    # the incumbent carries on until it is replaced: "will continue to perform ... until a Successor Servicer accepts"
    r"continue to (?:perform|provide|act|serve)[^.;]{0,160}?until[^.;]{0,80}?(?:successor|replacement)",
    # (handing the client its work or data is a return, not assistance: "hand over to the Customer the app")
    r"hand[- ]?over (?:to|of) [^.;]{0,60}?(?:(?:client|customer)\b(?!['’]s)(?! (?:the |all |any |its |a |an )?(?:[\w-]+ ){0,2}"
    r"(?:work|deliverables?|code|software|source|data|materials?|documents?|results?|copies|models?|records|files)\b)|"
    r"successor|"
    r"another|third[- ]party|replacement)",
    # help with moving the work on: "assist with the transfer of the services to a new provider"
    r"(?:support|assist\w*|help|cooperat\w*)\b[^.;]{0,40}?\btransfer (?:of )?(?:the )?(?:work|services?|operations?|"
    r"system|solution|running)\b[^.;]{0,60}?\bto\b",
    r"(?:successor|replacement) (?:vendor|supplier|provider|contractor)",
    # help to take the work over: "assist the Buyer or a provider it names in taking over the platform"
    r"(?:support|assist\w*|help|cooperat\w*)\b[^.;]{0,100}?\b(?:in|with|to) (?:the )?(?:tak(?:e|ing) over|take-?over)\b",
)
# assistance refused: "has no obligation to provide migration or transition assistance"
_NO_TRANSITION = rx(
    r"no (?:obligation|duty|responsibility)[^.;]{0,60}?(?:transition|migrat|exit|hand[- ]?over)",
    r"not (?:be )?(?:required|obliged|obligated|responsible) to (?:provide|give|render|offer)[^.;]{0,40}?(?:transition|"
    r"migrat|exit|hand[- ]?over)",
    r"(?:will|shall|does|do) not (?:provide|give|render|offer|include)[^.;]{0,30}?(?:transition|migrat|exit) (?:assistance|"
    r"services|support)",
    r"without (?:any )?(?:transition|migration|exit) (?:assistance|services|support)",
)
_CONVENIENCE = TerminationForConvenience()
_RETENTION = rx(
    r"(?:may|shall be entitled to) retain", r"not (?:be )?(?:obliged|required|obligated) to (?:return|deliver)"
)


class ExitConditions(Detector):
    kind = "exit"
    prefilter = re.compile(
        r"transition|exit|migrat|orderly|successor|replacement|hand|termin|cancel|expir|end of|"
        r"revoke|alternat|period|"
        r"offboard|wind|cessation|leav|request|surviv|thereafter|after|beyond|inventor|stock|"
        r"merchandise|supplies|materials|products|units|last|final|accrued|anniversary|sell|sale|"
        r"dispos",
        re.IGNORECASE,
    )

    def relevant(self, text: str) -> bool:
        if _TRANSITION.search(text) or _CONVENIENCE.relevant(text):
            return True
        if speaks_about_after_end(text) or RIGHT_TO_END.search(text):
            return True
        return bool(_ENDING.search(text) and (_RETURN_DATA.search(text) or _RETURN_ASSETS.search(text)))

    def elements(
        self, context: Context, convenience: list[Sentence], client_can_leave: bool
    ) -> dict[str, list[Sentence]]:
        found: dict[str, list[Sentence]] = {
            "termination": convenience if client_can_leave else [],
            "return_data": [],
            "return_assets": [],
            "transition": [],
        }
        for sentence in context.sentences():
            text = sentence.text
            heading = context.heading(sentence)
            ending = bool(_ENDING.search(text)) or bool(
                re.search(r"terminat|exit|expir|transition|effect of|\bend(?:ing)?\b", heading)
            )
            if _TRANSITION.search(text) and not re.search(r"\bmeans\b", text) and not _NO_TRANSITION.search(text):
                found["transition"].append(sentence)
            if not ending or _RETENTION.search(text) and not _RETURN_DATA.search(text):
                continue
            if _RETURN_DATA.search(text) and re.search(r"data|materials|content|records|files|documents", text, re.I):
                found["return_data"].append(sentence)
            if _RETURN_ASSETS.search(text):
                found["return_assets"].append(sentence)
        return found

    def detect(
        self, context: Context, convenience: list[Sentence] | None = None, client_can_leave: bool = False
    ) -> ExitFinding:
        found = self.elements(context, convenience or [], client_can_leave)
        returns = found["return_data"] or found["return_assets"]
        present = [name for name, items in found.items() if items]
        if found["termination"] and returns and found["transition"]:
            status = "full"
        elif present:
            status = "partial"
        else:
            status = "absent"
        evidence = []
        for name in ("termination", "return_data", "return_assets", "transition"):
            for sentence in found[name][:1]:
                item = context.evidence(sentence)
                if item not in evidence:
                    evidence.append(item)
        return ExitFinding(status=status, evidence=sorted(evidence, key=lambda e: e.start))

    def detect_alone(self, context: Context) -> ExitFinding:
        return self.detect(context)
