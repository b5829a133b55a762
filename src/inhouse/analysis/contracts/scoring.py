"""The score: 100 points over the five must-have clauses, minus points for lock-in flags.

Ownership 25, exit 25, source access 20, knowledge transfer 15, maintenance 15. A flag
costs more when it binds the client than when it binds only the vendor.
"""

from __future__ import annotations

from inhouse.domain.contracts import ClauseFindings, ContractRedFlag

_OWNERSHIP = {"client": 25, "partial": 12, "vendor": 0, "absent": 0}
_ACCESS = {"during": 20, "after_only": 8, "absent": 0}
_EXIT = {"full": 25, "partial": 12, "absent": 0}
_FLAG_COST = {
    "auto_renewal": 5,
    "exclusivity": 8,
    "minimum_commitment": 6,
    "termination_fee": 6,
    "vendor_retains_ip": 4,
    "no_termination_for_convenience": 6,
}


def score(clauses: ClauseFindings, flags: list[ContractRedFlag]) -> int:
    points = _OWNERSHIP[clauses.deliverable_ownership.status]
    if clauses.deliverable_ownership.status == "client" and clauses.deliverable_ownership.conditions:
        points -= 5
    kt = clauses.knowledge_transfer
    points += 0 if kt.status == "absent" else (15 if kt.hours else 9)
    points += _ACCESS[clauses.source_access.status]
    mnt = clauses.maintenance
    if mnt.status == "present":
        points += 6 + 3 * (mnt.free_months is not None) + 3 * (mnt.monthly_fee is not None) + 3 * mnt.scope_defined
    points += _EXIT[clauses.exit.status]
    for flag in flags:
        cost = _FLAG_COST.get(flag.kind, 4)
        points -= cost if flag.binds in ("client", "both", "unknown") else cost // 3
    return max(0, min(100, points))
