"""The score: 100 points over the five must-have clauses, from their positions against the
playbook (:mod:`.positions`), minus points for lock-in flags.

Ownership 25, exit 25, source access 20, knowledge transfer 15, maintenance 15: a preferred
position earns the clause's points, an acceptable one half of them, a walk-away one none. A flag
costs more when it binds the client than when it binds only the vendor.
"""

from __future__ import annotations

from inhouse.domain.contracts import ClausePosition, ContractRedFlag

WEIGHTS = {"deliverable_ownership": 25, "knowledge_transfer": 15, "source_access": 20, "maintenance": 15, "exit": 25}
_SHARE = {"preferred": 1.0, "acceptable": 0.5, "walk_away": 0.0}
_FLAG_COST = {
    "auto_renewal": 5,
    "exclusivity": 8,
    "minimum_commitment": 6,
    "termination_fee": 6,
    "vendor_retains_ip": 4,
    "no_termination_for_convenience": 6,
}


def score(positions: list[ClausePosition], flags: list[ContractRedFlag]) -> int:
    points = sum(int(WEIGHTS[p.clause] * _SHARE[p.position]) for p in positions)
    for flag in flags:
        cost = _FLAG_COST.get(flag.kind, 4)
        points -= cost if flag.binds in ("client", "both", "unknown") else cost // 3
    return max(0, min(100, points))
