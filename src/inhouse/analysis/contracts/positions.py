"""Each must-have against the client's positions playbook: preferred, acceptable or walk-away.

A clause's verdict says what the contract does with the must-have (``present``: grants it in some
form; ``contradicted``: says the opposite, e.g. the vendor owns the deliverables or the client may
not leave; ``not_mentioned``), its terms (who owns, how many hours, when the source is open...)
place it on the playbook's ladder, and the position follows. The score and the recommendations are
derived from the positions.
"""

from __future__ import annotations

from inhouse.domain.contracts import ClauseFindings, ClausePosition, ContractRedFlag, OwnershipFinding
from inhouse.domain.playbook import OWNERSHIP_LADDER, MustHaveVerdict, OwnershipTerm, Position, PositionsPlaybook

_OWNERSHIP_WORDS: dict[OwnershipTerm, str] = {
    "client": "the client owns the deliverables",
    "client_conditional": "the client owns them once a condition is met",
    "partial": "the client owns them but the vendor keeps part",
    "licence": "the vendor owns them, the client has a perpetual licence",
    "vendor": "the vendor owns them",
}
_ACCESS_WORDS = {"during": "access during the project", "after_only": "access on delivery or acceptance only"}
_EXIT_WORDS = {"full": "the client may leave and takes the handover", "partial": "part of the exit terms"}


def ownership_term(finding: OwnershipFinding) -> OwnershipTerm | None:
    """Where the ownership finding sits on the ladder (None: not stated or unclear)."""
    if finding.status == "client":
        return "client_conditional" if finding.conditions else "client"
    if finding.status == "partial":
        return "partial"
    if finding.status == "vendor":
        return "licence" if finding.licence else "vendor"
    return None


def _on_ladder(term: str | None, ladder: tuple[str, ...], preferred: str, acceptable: str) -> Position:
    if term is None:
        return "walk_away"
    if ladder.index(term) <= ladder.index(preferred):
        return "preferred"
    return "acceptable" if ladder.index(term) <= ladder.index(acceptable) else "walk_away"


def positions(
    clauses: ClauseFindings, flags: list[ContractRedFlag], playbook: PositionsPlaybook
) -> list[ClausePosition]:
    """The five must-haves against ``playbook``, in the playbook's order."""
    flagged = {flag.kind for flag in flags if flag.binds in ("client", "both", "unknown")}
    out: list[ClausePosition] = []

    own, book = clauses.deliverable_ownership, playbook.deliverable_ownership
    term = ownership_term(own)
    verdict: MustHaveVerdict = (
        "not_mentioned" if term is None else "contradicted" if term in ("licence", "vendor") else "present"
    )
    found = (
        _OWNERSHIP_WORDS[term]
        if term
        else (
            "rights in the work are mentioned, but not who owns the deliverables"
            if own.status == "unclear"
            else "not stated"
        )
    )
    out.append(
        ClausePosition(
            clause="deliverable_ownership",
            verdict=verdict,
            position=_on_ladder(term, OWNERSHIP_LADDER, book.preferred, book.acceptable),
            found=found
            + ("; the vendor keeps rights in its work (red flag)" if "vendor_retains_ip" in flagged else ""),
            preferred=_OWNERSHIP_WORDS[book.preferred],
            acceptable=_OWNERSHIP_WORDS[book.acceptable],
            evidence=own.evidence,
        )
    )

    kt, hours = clauses.knowledge_transfer, playbook.knowledge_transfer
    position: Position
    if kt.status == "absent":
        position, found = "walk_away", "not stated"
    elif kt.hours is None:
        position, found = hours.unstated_hours, "promised, hours not stated"
    else:
        position = (
            "preferred"
            if kt.hours >= hours.preferred_hours
            else "acceptable"
            if kt.hours >= hours.acceptable_hours
            else "walk_away"
        )
        found = f"{kt.hours:g} hours"
    out.append(
        ClausePosition(
            clause="knowledge_transfer",
            verdict="not_mentioned" if kt.status == "absent" else "present",
            position=position,
            found=found,
            preferred=f"at least {hours.preferred_hours:g} hours",
            acceptable=f"at least {hours.acceptable_hours:g} hours",
            evidence=kt.evidence,
        )
    )

    acc, access = clauses.source_access, playbook.source_access
    access_term = None if acc.status == "absent" else acc.status
    out.append(
        ClausePosition(
            clause="source_access",
            verdict="present" if access_term else ("contradicted" if acc.evidence else "not_mentioned"),
            position=_on_ladder(access_term, ("during", "after_only"), access.preferred, access.acceptable),
            found=_ACCESS_WORDS[access_term] if access_term else ("access refused" if acc.evidence else "not stated"),
            preferred=_ACCESS_WORDS[access.preferred],
            acceptable=_ACCESS_WORDS[access.acceptable],
            evidence=acc.evidence,
        )
    )

    mnt, care = clauses.maintenance, playbook.maintenance
    if mnt.status == "absent":
        position, found = "walk_away", "not stated"
    else:
        free = mnt.free_months is not None and mnt.free_months >= care.preferred_free_months
        scoped = mnt.scope_defined or not care.preferred_needs_scope
        position = "preferred" if free and scoped else "acceptable"
        found = (
            f"{mnt.free_months:g} months free" if mnt.free_months is not None else "no free period"
        ) + f", scope {'defined' if mnt.scope_defined else 'undefined'}"
    out.append(
        ClausePosition(
            clause="maintenance",
            verdict="not_mentioned" if mnt.status == "absent" else "present",
            position=position,
            found=found,
            preferred=f"at least {care.preferred_free_months:g} months free"
            + (" with a defined scope" if care.preferred_needs_scope else ""),
            acceptable="maintenance terms stated",
            evidence=mnt.evidence,
        )
    )

    ext, leave = clauses.exit, playbook.exit
    exit_term = None if ext.status == "absent" else ext.status
    locked = any(f.kind == "no_termination_for_convenience" and f.evidence for f in flags)
    out.append(
        ClausePosition(
            clause="exit",
            verdict="present" if exit_term else ("contradicted" if locked else "not_mentioned"),
            position=_on_ladder(exit_term, ("full", "partial"), leave.preferred, leave.acceptable),
            found=_EXIT_WORDS[exit_term]
            if exit_term
            else ("the client may not end the contract" if locked else "not stated"),
            preferred=_EXIT_WORDS[leave.preferred],
            acceptable=_EXIT_WORDS[leave.acceptable],
            evidence=ext.evidence,
        )
    )
    return out
