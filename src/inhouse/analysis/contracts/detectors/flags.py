"""Lock-in red flags: auto_renewal, exclusivity, minimum_commitment, termination_fee and
termination for convenience (whose absence is the flag no_termination_for_convenience).

Each flag is a small detector (see :mod:`flag_base`): ``patterns`` that make a sentence a
candidate, ``vetoes`` that unmake it, and a rule for the party it binds. Exclusivity lives in
:mod:`exclusivity`, the money flags in :mod:`commitments`, termination for convenience in
:mod:`termination`; vendor_retains_ip comes from the ownership detector.
"""

from __future__ import annotations

import re

from inhouse.analysis.contracts.context import Context
from inhouse.analysis.contracts.detectors.base import rx
from inhouse.analysis.contracts.detectors.commitments import MinimumCommitment, TerminationFee
from inhouse.analysis.contracts.detectors.exclusivity import Exclusivity
from inhouse.analysis.contracts.detectors.flag_base import FlagDetector
from inhouse.analysis.contracts.detectors.termination import TerminationForConvenience
from inhouse.analysis.contracts.structure import Sentence
from inhouse.domain.contracts import ContractRedFlag

__all__ = [
    "FLAG_DETECTORS",
    "AutoRenewal",
    "Exclusivity",
    "FlagDetector",
    "MinimumCommitment",
    "TerminationFee",
    "TerminationForConvenience",
    "no_termination_for_convenience",
]


class AutoRenewal(FlagDetector):
    """Automatic renewal, and renewal or extension at one party's option: either way the
    other party can find itself bound for another term without a fresh decision."""

    kind = "auto_renewal"
    prefilter = re.compile(
        r"renew|exten|evergreen|tacit|(?:year|month)[- ]to[- ](?:year|month)|auto|successive|"
        r"consecutive|until terminated|thereafter|option|continu",
        re.IGNORECASE,
    )
    patterns = rx(
        r"automatic(?:al)?ly (?:be )?(?:renew|extend|continue|roll|stay)",
        r"(?:renew|extend|roll over|continue)(?:s|ed)? (?:itself )?(?:automatic(?:al)?ly|tacitly)",
        r"auto(?:matic)?[- ]?renew",
        r"\bautomatic (?:[a-z0-9()-]+ ){0,4}(?:renewals?|extensions?)",
        r"\bevergreen (?:basis|term|clause|renewal|contract|agreement)",
        r"tacit(?:ly)? (?:renew|extend|renewal|extension)",
        r"(?:shall|will) (?:be )?(?:renew|extend|continue)(?:ed)? (?:thereafter )?(?:in (?:full )?(?:force|effect) )?"
        r"(?:for|in) (?:(?:successive|additional|further|subsequent|consecutive|like|similar|renewal) )+"
        r"[^.;]{0,80}?(?:unless|until|except)",
        r"(?:shall|will) (?:thereafter )?(?:continue|remain|be effective|renew) (?:in (?:full )?(?:force (?:and|&) effect|force|effect) )?"
        r"(?:thereafter )?(?:for (?:successive|additional|consecutive|further)|(?:from|on a) (?:year|month)[- ]to[- ](?:year|month)"
        r"|thereafter until terminated)",
        r"(?:effective|continue|renew\w*|extend\w*|basis|thereafter|remain|runs?)[^.;]{0,30}?(?:month|year)[- ]to[- ](?:month|year)",
        # renewal without a fresh decision in plain words: "renews by itself for a further year", "continues from one
        # month to the next without any action from you"
        r"renew(?:s|ed)? (?:by|of) itself|renew(?:s|ed)? without (?:any )?(?:action|notice|further (?:action|act))",
        r"continues? from one (?:month|year|quarter|period|term) to the next",
        r"(?:shall|will) (?:automatically )?(?:renew|be renewed|be extended|extend) for (?:an? |another |one )?"
        r"(?:subsequent|additional|further|successive|renewal)",
        r"(?:option|right|election)[^.;]{0,80}? to (?:renew|extend|continue (?:the|this) [a-z]+ (?:relationship|agreement))",
        r"may,? (?:at (?:its|their) (?:sole )?(?:option|discretion|election),? )?(?:renew|extend) (?:this |the )?"
        r"(?:agreement|term|franchise|licen[cs]e|contract|maintenance|support|subscription|services?|addendum|sow|"
        r"statement of work)",
        r"(?:agreement|term|licen[cs]e|franchise|contract|addendum|subscription) may be (?:renewed|extended) (?:[^.;]{0,60}?)(?:at (?:its|the) (?:sole )?(?:option|discretion)|by (?:written )?notice|"
        r"upon (?:written )?notice|for (?:up to )?(?:an? |\w+ (?:\(\d+\) )?)?(?:additional|further|successive|renewal))",
        r"(?:notice|intention|election|intent) (?:[a-z]+ ){0,3}(?:of )?non[- ]?renewal",
        r"(?:intention|intent|elect(?:s|ion)?|decid\w*|wish\w*) not to (?:renew|extend)",
        r"(?<!non-)(?<!non)\brenewable(?:,| (?:(?:for|at|in|on|each|every|upon|term|period|annually|subject|with)\b|"
        r"[a-z0-9-]+[- ](?:year|month)))",
        r"(?:renewal|extension) terms? (?:shall|will) (?:commence|begin|apply) automatically",
        r"deemed (?:to be |to have been )?renewed",
        r"(?:shall|will) (?:automatically )?extend for (?:a period of|an additional|another|a further|further)",
        # "is extended by twelve months at a time unless terminated": renewal without a fresh decision
        r"(?:is|are|shall be|will be) (?:thereafter )?(?:extended|renewed|prolonged) (?:by|for) [^.;]{0,60}?unless "
        r"(?:terminated|cancell?ed|either|one|the|a|written|notice)",
    )
    vetoes = rx(
        r"(?:shall|will) not (?:be )?(?:automatically )?(?:renew|extend)(?:ed)?(?! unless)",
        r"no automatic (?:renewal|extension)",
        r"not (?:be )?(?:subject to )?automatic(?:ally)? (?:renew|renewal|extend|extension)",
        r"(?:mutual(?:ly)?|both parties|the parties) (?:[a-z]+ ){0,3}(?:agree|agreement|consent|negotiat)\w*",
        r"upon (?:the )?(?:mutual|written) agreement",
        r"force majeure",
    )

    def _vetoed(self, text: str) -> bool:
        if re.search(
            r"mutual(?:ly)? (?:written )?(?:agree|agreement|consent)|agreed (?:upon )?by both parties|"
            r"if agreed by both|negotiat",
            text,
            re.I,
        ) and not re.search(r"automatic", text, re.I):
            return True
        return super()._vetoed(text)

    def binds(self, context: Context, text: str) -> str:
        if re.search(r"automatic|tacit|year[- ]to[- ]year|month[- ]to[- ]month|successive|non[- ]?renewal", text, re.I):
            # only one party may stop the renewal: "renews automatically unless the Licensee gives notice"
            only = "unless" in text.lower() and re.search(
                rf"\bunless (?:and until )?(?:terminated by )?(?:the )?(?P<who>{context.party_words.pattern})\b"
                r"(?:\s+(?:gives|provides|serves|sends|notifies|delivers|elects|informs|terminates|cancels)\b|\s*$|\s*[,.;])",
                text,
                re.I,
            )
            if only and (side := context.side_of(only.group("who"))) in ("client", "vendor"):
                return side
            return "both"
        verb = re.search(r"renew|extend", text, re.I)
        holder = context.subject_side(text, before=verb.start() if verb else None)
        return {"client": "vendor", "vendor": "client"}.get(holder, "both")


_MAY_TERMINATE = re.compile(r"\b(?:may|right to|entitled to)\s+terminate", re.IGNORECASE)
_MAY_NOT_TERMINATE = re.compile(
    r"\b(?:is|are|shall be|will be) not (?:entitled|permitted|allowed) to\s+(?:terminate|cancel|end)\b|"
    r"\b(?:may|shall|can|will) not\s+(?:terminate|cancel|end)\b|\bcannot\s+(?:terminate|cancel|end)\b|"
    r"\bhas no right to\s+(?:terminate|cancel|end)\b",
    re.IGNORECASE,
)

FLAG_DETECTORS: tuple[FlagDetector, ...] = (AutoRenewal(), Exclusivity(), MinimumCommitment(), TerminationFee())


def no_termination_for_convenience(context: Context) -> tuple[ContractRedFlag | None, list[Sentence]]:
    """The flag when the client cannot end the contract without cause, and the sentences
    that grant termination for convenience (used by the exit detector)."""
    sides, hits = TerminationForConvenience().terminating_sides(context)
    if hits and (sides & {"client", "both", "unknown"}):
        return None, hits
    binds = "client" if "vendor" in sides else "both"
    termination = [s for s in context.sentences() if _MAY_TERMINATE.search(s.text)]
    # the contract says so of the client in words: "the Buyer may not end this contract before its term runs out"
    barred = [
        s
        for s in context.sentences()
        if (refusal := _MAY_NOT_TERMINATE.search(s.text))
        and context.subject_side(s.text, before=refusal.start()) == "client"
    ]
    if barred and binds == "both":
        binds = "client"
    shown = hits or list({s.start: s for s in barred + termination}.values())
    evidence = [context.evidence(s) for s in shown[:2]]
    return ContractRedFlag(kind="no_termination_for_convenience", binds=binds, evidence=evidence), hits
