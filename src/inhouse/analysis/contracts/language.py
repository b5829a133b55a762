"""Suggested clause language we write ourselves, one function per weakness.

Each text uses the contract's own defined terms for the two sides ("Customer",
"Supplier"...) so it can be pasted into a markup.
"""

from __future__ import annotations

from inhouse.domain.contracts import ClauseFindings, Recommendation, RecommendationClause, RedFlagKind


def _advice(clause: RecommendationClause, problem: str, suggested_text: str) -> Recommendation:
    return Recommendation(clause=clause, problem=problem, suggested_text=suggested_text)


def clause_recommendations(clauses: ClauseFindings, client: str, vendor: str) -> list[Recommendation]:
    out: list[Recommendation] = []
    c, v = client, vendor
    own = clauses.deliverable_ownership
    if own.status != "client":
        problem = {
            "absent": "The contract does not say who owns the deliverables: code, models, data and documentation.",
            "unclear": "The contract speaks about rights in the work but does not say clearly that the deliverables "
            f"belong to the {c}.",
            "vendor": f"The {v} owns the deliverables and the {c} only receives a licence: switching partners "
            "would mean starting from scratch.",
            "partial": f"Ownership is split: the {v} keeps part of the work (models, pre-existing IP without a "
            "perpetual licence, or joint ownership).",
        }[own.status]
        out.append(
            _advice(
                "deliverable_ownership",
                problem,
                (
                    f"All Deliverables, including source code, trained models and their weights, training and evaluation "
                    f"data prepared for the {c}, and documentation, and all intellectual property rights in them, shall vest "
                    f"in the {c} upon creation. The {v} hereby assigns them to the {c}. To the extent any Deliverable "
                    f"incorporates the {v}'s pre-existing materials, the {v} grants the {c} a perpetual, irrevocable, "
                    f"worldwide, royalty-free licence to use, modify and have modified those materials as part of the "
                    f"Deliverables."
                ),
            )
        )
    elif own.conditions:
        out.append(
            _advice(
                "deliverable_ownership",
                f"Ownership passes only {own.conditions[0]}: until then the {c} holds nothing it can "
                "hand to another partner.",
                f"Ownership of each Deliverable vests in the {c} upon creation. The {v}'s remedy for "
                "late payment is interest on the overdue amount, not the withholding of ownership.",
            )
        )
    kt = clauses.knowledge_transfer
    if kt.status == "absent" or kt.hours is None:
        problem = (
            "No knowledge transfer: nobody on the client side is trained to run or change the system."
            if kt.status == "absent"
            else "Training is promised but without a number of hours, so it cannot be held to account."
        )
        out.append(
            _advice(
                "knowledge_transfer",
                problem,
                (
                    f"Before final acceptance the {v} shall provide at least twenty (20) hours of handover training to the "
                    f"{c}'s nominated staff, covering architecture, deployment, retraining and operations, and shall "
                    f"support one modification made by the {c}'s staff without the {v}'s hands on the keyboard."
                ),
            )
        )
    acc = clauses.source_access
    if acc.status != "during":
        problem = (
            "No right to the source code or documentation."
            if acc.status == "absent"
            else "Source code and documentation arrive only at the end (delivery, acceptance or final payment): "
            "nobody inside can follow the work while it happens."
        )
        out.append(
            _advice(
                "source_access",
                problem,
                (
                    f"From the start of the Services, the {v} shall commit all source code, notebooks, configuration and "
                    f"documentation at least weekly to a repository owned and administered by the {c}, to which the {c}'s "
                    f"staff shall have read access at all times during the Term."
                ),
            )
        )
    mnt = clauses.maintenance
    if mnt.status == "absent":
        out.append(
            _advice(
                "maintenance",
                "No maintenance terms: bug fixes and performance issues after delivery are unpriced and unscheduled.",
                (
                    f"For three (3) months after acceptance the {v} shall correct defects and "
                    "performance degradations free of charge, responding to critical incidents "
                    f"within four (4) business hours. Thereafter the {c} may order maintenance at a "
                    "fixed monthly fee stated in the Order, cancellable on thirty (30) days' "
                    "notice."
                ),
            )
        )
    else:
        gaps = []
        if mnt.free_months is None:
            gaps.append("no free period")
        if mnt.monthly_fee is None:
            gaps.append("no monthly price")
        if not mnt.scope_defined:
            gaps.append("no defined scope (what is covered, response times)")
        if gaps:
            out.append(
                _advice(
                    "maintenance",
                    "Maintenance is mentioned but has " + ", ".join(gaps) + ".",
                    (
                        "Maintenance covers correction of defects, performance degradation (including model drift beyond "
                        "the agreed metric) and security updates, with responses within four (4) business hours for "
                        "critical and two (2) business days for other incidents; it is free for three (3) months after "
                        "acceptance and then charged at a fixed monthly fee stated in the Order."
                    ),
                )
            )
    ext = clauses.exit
    if ext.status != "full":
        problem = (
            "No exit terms: the client cannot leave with its data and systems."
            if ext.status == "absent"
            else "Exit is incomplete: termination for convenience, return of data, code and models, or transition "
            "assistance is missing."
        )
        out.append(
            _advice(
                "exit",
                problem,
                (
                    f"The {c} may terminate this Agreement or any Statement of Work for convenience on thirty (30) days' "
                    f"written notice. On any termination or expiry the {v} shall, within ten (10) business days, deliver to "
                    f"the {c} all {c} data, source code, trained models and weights, documentation and credentials, and "
                    f"shall provide up to forty (40) hours of transition assistance to the {c} or its successor supplier at "
                    f"the rates in this Agreement."
                ),
            )
        )
    return out


FLAG_ADVICE: dict[RedFlagKind, tuple[str, str]] = {
    "auto_renewal": (
        "The contract renews without a fresh decision.",
        "This Agreement ends at the end of the Initial Term unless both Parties agree in writing to renew it.",
    ),
    "exclusivity": (
        "Exclusivity stops the client from working with other partners or building in-house.",
        "Nothing in this Agreement restricts the {c} from developing similar work itself or engaging third parties.",
    ),
    "minimum_commitment": (
        "A minimum purchase commitment keeps the client paying whether or not the work is useful.",
        "The {c} has no minimum purchase or volume commitment; fees are due only for Services ordered and performed.",
    ),
    "termination_fee": (
        "A termination fee or liquidated damages make leaving expensive.",
        "On termination for convenience the {c} pays only for Services performed up to the "
        "effective date of termination; no other termination fee or penalty applies.",
    ),
    "vendor_retains_ip": (
        "The vendor keeps rights in the work product or models.",
        "No right, title or interest in the Deliverables or trained models remains with the {v}.",
    ),
    "no_termination_for_convenience": (
        "The client cannot end the contract without proving a breach.",
        "The {c} may terminate this Agreement for convenience on thirty (30) days' written notice.",
    ),
}
