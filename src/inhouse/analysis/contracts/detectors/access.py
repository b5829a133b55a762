"""Source code and documentation access: "during" the work (repository and documentation
access while it goes on), "after_only" (on delivery, acceptance, final payment or through
an escrow release), or "absent"."""

from __future__ import annotations

import re

from inhouse.analysis.contracts.context import Context
from inhouse.analysis.contracts.detectors.base import Detector, rx
from inhouse.domain.contracts import SourceAccessFinding

_SUBJECT = rx(
    r"source[- ]code",
    r"repositor(?:y|ies)",
    r"\bgit(?:hub|lab)?\b",
    r"bitbucket",
    r"version[- ]control",
    r"code[- ]?base",
    r"\bescrow",
    r"(?:technical |system |project |design )?documentation",
    # the technical documents of a system: "an architecture document", "the operations runbook"
    r"(?:architecture|technical|design|system|operating|operations) (?:documents?|manuals?|handbooks?)\b",
    r"\brun-?books?\b",
    r"(?:work[- ]in[- ]progress|interim (?:deliverables|versions|builds))",
    r"notebooks?",
    r"\bcode\b",
)
_ACCESS = rx(
    r"\baccess",
    r"(?:read|write|commit|push|admin\w*) (?:access|rights|permissions)",
    r"\bcommit(?:s|ted)?\b",
    r"\bpush(?:es|ed)?\b",
    # ("non-transferable" is a licence's word, "water supply" a noun)
    r"(?:deliver|provide|make available|hand over|(?<!non-)transfer(?!able)|release|deposit|disclose|"
    r"furnish|share|upload|store|host|maintain|keep|move|migrate)\w*",
    r"\bsuppl(?:y|ies)\b(?= (?:the|a|an|to|it|them|all|its|any|copies|such)\b)|\bsupplied\b",
    r"\b(?:kept|held)\b",
    r"\b(?:give|gives|given|giving)\b(?= (?:you|it|them|the|a|an|all|its|copies|to)\b)",
    # what the client's people may do with the code: "may browse and fork the code", "can review the repository"
    r"\b(?:review|read|view|clone|download|browse|examine)\b",
    r"visib\w+",
    r"\bavailable to\b",
    r"inspect",
    r"(?:owned|controlled|administered|"
    r"hosted|provisioned) by",
)
# where the work is kept: the client's own repository (access while it goes on, unless the sentence
# says the code moves there only at a later time)
_PLACE = rx(
    r"(?:owned|controlled|administered|hosted|provisioned) by (?:the )?(?:client|customer|company)",
    r"(?:client|customer|company)['’]s (?:own )?(?:[A-Za-z-]+ ){0,2}?(?:repositor|git|github|gitlab|version[- ]control|"
    r"infrastructure)",
    r"(?:under|within|in) (?:the )?(?:client|customer|company)['’]?s? (?:[A-Za-z]+ ){0,3}(?:organisation|organization|account|"
    r"tenant|workspace|group)",
)
_DURING = rx(
    r"\bduring (?:the )?(?:term|project|engagement|development|performance|course|services|sow|work)",
    r"throughout (?:the )?(?:term|project|engagement|development|performance|course|services|sow)",
    r"at all times",
    r"continuous(?:ly)?",
    r"on an ongoing basis",
    r"\bongoing\b",
    r"real[- ]time",
    r"(?:daily|weekly|regularly|at least (?:once )?(?:a |per |each )?(?:day|week|sprint))",
    r"(?:each|every|end of (?:each|every)) (?:day|sprint|iteration|week|working day)",
    r"as (?:it is|they are|the work is) (?:being )?(?:developed|created|written|produced|done|carried out|performed|built)",
    r"\bin progress\b",
    r"from the (?:start|commencement|effective date|kick-?off|outset|beginning)",
    # "for the remaining duration of the development services", "from the date of this amendment"
    r"\bfor the (?:remaining |whole |entire |full )?(?:duration|term|life(?:time)?) of (?:the |this )?(?:[a-z]+ ){0,4}?"
    r"(?:services|project|engagement|development|agreement|sow|work|contract)",
    r"\bfrom the (?:date|day) (?:of|on which) (?:the |this )?(?:[A-Za-z-]+ ){0,3}?(?:agreement|amendment|sow|order|contract)\b"
    r"(?! (?:ends|expires|terminates|is terminated))",
    _PLACE.pattern,
    r"(?:while|whilst|whenever|as long as|so long as) (?:the )?(?:work|services|project|development|engagement)",
    r"(?:at any time|whenever) (?:during|upon|on) (?:request|reasonable notice)",
)
_AFTER = rx(
    r"(?:upon|on|after|following|subject to|conditional (?:up)?on|once|at the time of|at) (?:the )?(?:client['’]s |customer['’]s )?"
    r"(?:final |full |successful )?(?:acceptance|completion|delivery|payment|termination|expir\w+|close|closure|"
    r"end of the (?:project|engagement|term|sow)|project (?:end|close|completion)|go-?live|sign-?off|handover)",
    r"(?:until|before|prior to) (?:the )?(?:final |full )?(?:acceptance|completion|payment|delivery)",
    # "when the assignment is complete", "once the project has been accepted"
    r"\b(?:when|once|after|as soon as) (?:the |this |our |your )?(?:[A-Za-z-]+ ){0,3}(?:is|are|has been|have been) "
    r"(?:complete|completed|finished|accepted|delivered|paid(?: for)?(?: in full)?)\b",
    r"\bescrow",
    r"(?:release|released) (?:to|upon)",
)
_DENIED = rx(
    r"(?:no|not (?:be )?(?:entitled|permitted|given|granted|provided)(?: to)?|without) (?:any )?(?:access|right to access|"
    r"source code|repository access)",
    # also in the present tense of a plain statement: "the Provider does not deliver source code"
    r"(?:(?:shall|will|does|do) not|is not required to|need not) (?:deliver|provide|disclose|make available|release|supply|"
    r"hand over)[^.;]{0,40}?source[- ]code",
    r"source[- ]code[^.;]{0,60}?(?:shall|will) not be (?:delivered|provided|disclosed|made available|released)",
    r"object[- ]code (?:form )?only",
    # "source code is not among the deliverables of this order"
    r"source[- ]code (?:is|are|shall be|will be|does) not (?:be )?(?:a |an |one of the |part of (?:the )?|among the )?"
    r"(?:deliverables?|included|provided|supplied|delivered|in scope|within (?:the )?scope)",
    r"not (?:be )?(?:otherwise )?(?:required|obliged|obligated|bound) to (?:deliver|provide|disclose|make available|release|"
    r"deposit|supply|give|hand over)",
    r"(?:only|solely) in (?:executable|binary|object[- ]code) form",
    r"(?:cannot|can ?not|may not|will not|shall not|does not|do not|is not (?:able|permitted|entitled) to) (?:have )?(?:any )?"
    r"access",
    r"nothing in [^.;]{0,40}?(?:entitles|gives|grants|obliges|requires)[^.;]{0,60}?(?:source[- ]code|access|repositor)",
)
_USER_DOCUMENTATION = re.compile(r"licen[cs]e\w*\b[^.;]{0,40}? to use\b[^.;]{0,120}?documentation", re.IGNORECASE)
# "the Customer's own GitHub", "its own repository": whose place it is, not an ownership clause
_OWN_ADJECTIVE = re.compile(r"(?:['’]s?|\bits|\btheir|\bour|\byour|\bhis|\bher) own\b", re.IGNORECASE)
# the vendor keeping the work on its own machines while it goes on: the client has no access then
_KEPT_AT_VENDOR = re.compile(
    r"\b(?:keep|kept|hold|held|store|stored|retain(?:ed)?|host(?:ed)?)\b[^.;]{0,100}?\b(?:on|in|at|within) (?P<whose>our|its|"
    r"their|the [A-Za-z]+['’]s) own (?:[a-z]+ )?(?:systems?|servers?|computers?|premises|infrastructure|machines|equipment|"
    r"environment|repositor(?:y|ies)|accounts?)",
    re.IGNORECASE,
)
_CLIENT_SEES = re.compile(r"\b(?:access|view|read|see|inspect|review|visib\w+|available to)\b", re.IGNORECASE)
# "work in progress" names a thing to deliver, not the time of access
_WORK_IN_PROGRESS = re.compile(r"work[- ]in[- ]progress|work (?:then )?in progress", re.IGNORECASE)


class SourceAccess(Detector):
    kind = "source_access"
    prefilter = re.compile(
        r"source|repositor|git|bitbucket|version|code|escrow|documen|run-?book|manual|handbook|progress|interim|notebook",
        re.IGNORECASE,
    )

    def relevant(self, text: str) -> bool:
        if re.search(r"source[- ]code|\bescrow", text, re.I):
            return True
        return bool(_SUBJECT.search(text) and (_ACCESS.search(text) or _DENIED.search(text)))

    def detect(self, context: Context) -> SourceAccessFinding:
        during, after, denied = [], [], []
        for sentence in self.candidates(context):
            text = sentence.text
            if re.search(r"\bmeans\b|shall mean", text) and re.search(r"definition", context.heading(sentence)):
                continue
            if re.search(r"confidential|privileged", text, re.I) and not re.search(r"source|repositor|git", text, re.I):
                continue
            if re.search(
                r"property of|\bown(?:s|ed|ership)?\b|\bvest|right,? title|\bassign(?:s|ed|ing|ments? of)?\b",
                _OWN_ADJECTIVE.sub(" ", text),
                re.I,
            ) and not re.search(r"\baccess|\bdeliver|\bcommit|repositor|escrow|\bpush|hand over", text, re.I):
                continue  # an ownership clause that merely names the source code
            if _USER_DOCUMENTATION.search(text) and not re.search(
                r"source|repositor|\bgit|\bcode\b|technical documentation|notebook", text, re.I
            ):
                continue  # a licence to use a product "and its documentation" is no access to the work
            if _DENIED.search(text):
                denied.append(sentence)
                continue
            if self._kept_at_vendor(context, text):
                denied.append(sentence)
                continue
            when = _WORK_IN_PROGRESS.sub(" ", text)
            is_during = bool(_DURING.search(when))
            is_after = bool(_AFTER.search(text))
            if is_during and is_after and not _DURING.search(_PLACE.sub(" ", when)):
                is_during = False  # "after acceptance ... transfer the repository to the Customer's GitLab"
            if is_during and not (is_after and self._after_dominates(text)):
                during.append(sentence)
            elif is_after:
                after.append(sentence)
            elif re.search(r"source[- ]code|repositor", text, re.I) and re.search(
                r"deliver|provide|hand over|transfer", text, re.I
            ):
                after.append(sentence)
        if during:
            return SourceAccessFinding(status="during", evidence=[context.evidence(s) for s in during[:3]])
        if after:
            return SourceAccessFinding(status="after_only", evidence=[context.evidence(s) for s in after[:3]])
        return SourceAccessFinding(status="absent", evidence=[context.evidence(s) for s in denied[:2]])

    @staticmethod
    def _kept_at_vendor(context: Context, text: str) -> bool:
        """ "While the work goes on we keep the code on our own servers": the vendor's own place, with no
        access for the client, is no access during the work."""
        kept = _KEPT_AT_VENDOR.search(text)
        if not kept or _CLIENT_SEES.search(text):
            return False
        whose = kept.group("whose")
        if whose.lower() == "our":
            side = context.side_of("we") or "unknown"
        elif whose.lower() in ("its", "their"):
            side = context.subject_side(text, before=kept.start())
        else:
            side = context.side_of(re.sub(r"^the |['’]s$", "", whose, flags=re.I)) or "unknown"
        return side == "vendor"

    @staticmethod
    def _after_dominates(text: str) -> bool:
        """ "access to the repository only upon acceptance, at all times thereafter" is after_only."""
        return bool(
            re.search(
                r"(?:only|solely|not[^.;]{0,40}until|no (?:access|right)[^.;]{0,60}(?:until|before|prior))"
                r"[^.;]{0,60}?(?:upon|on|after|following|until|before|prior)",
                text,
                re.I,
            )
        )
