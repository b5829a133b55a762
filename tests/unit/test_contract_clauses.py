"""Each must-have clause, each verdict, on short contracts written for the purpose."""

from __future__ import annotations

import pytest

from inhouse.analysis.contracts import review_contract

HEAD = (
    'SERVICES AGREEMENT\n\nThis Agreement is made between Acme Retail Inc. ("Client") and '
    'NeuralForge Labs Ltd. ("Vendor").\n\n1. Services\n1.1 Vendor shall build a forecasting model for a fixed '
    "price of USD 100,000 against milestones and acceptance criteria.\n\n"
)


def clauses(body: str):
    return review_contract(HEAD + body, "c.txt").clauses


@pytest.mark.parametrize(
    "body, status",
    [
        (
            "2. Ownership\n2.1 All Deliverables, including source code and trained models, shall vest in Client upon "
            "creation, and Vendor hereby assigns to Client all right, title and interest therein.\n",
            "client",
        ),
        (
            "2. Work Product\n2.1 All Work Product shall be works made for hire and the sole property of Client.\n",
            "client",
        ),
        (
            "2. Ownership\n2.1 Client shall own the source code. Vendor retains ownership of the trained model weights.\n",
            "partial",
        ),
        ("2. Ownership\n2.1 All Foreground IP shall be jointly owned by Client and Vendor.\n", "partial"),
        (
            "2. Ownership\n2.1 Client shall own the Deliverables. Vendor's pre-existing tools embedded in the Deliverables "
            "remain the exclusive property of Vendor.\n",
            "partial",
        ),
        (
            "2. Ownership\n2.1 Vendor retains all right, title and interest in the Deliverables. Vendor grants Client a "
            "non-exclusive licence to use the Deliverables during the Term.\n",
            "vendor",
        ),
        ("2. Confidentiality\n2.1 Each party shall keep the other's information confidential.\n", "absent"),
    ],
)
def test_deliverable_ownership(body, status):
    assert clauses(body).deliverable_ownership.status == status


def test_ownership_conditions_and_perpetual_licence_for_background():
    found = clauses(
        "2. Ownership\n2.1 All Deliverables shall become the property of Client upon payment in full of "
        "the Fees. Vendor retains its pre-existing tools and grants Client a perpetual, irrevocable "
        "licence to use them.\n"
    ).deliverable_ownership
    assert found.status == "client"
    assert found.conditions == ["upon payment in full of the Fees"]


@pytest.mark.parametrize(
    "body, status, hours",
    [
        (
            "2. Training\n2.1 Vendor shall provide twenty (20) hours of handover training to Client's engineers.\n",
            "present",
            20,
        ),
        ("2. Workshops\n2.1 Vendor shall deliver three workshops of 4 hours to Client's team.\n", "present", 12),
        ("2. Handover\n2.1 Vendor shall provide knowledge transfer to the Client team.\n", "present", None),
        (
            "2. Model\n2.1 Vendor shall train the model on Client's training data for 40 hours of GPU time.\n",
            "absent",
            None,
        ),
        ("2. Training\n2.1 Vendor may offer training upon request at its then-current rates.\n", "absent", None),
    ],
)
def test_knowledge_transfer(body, status, hours):
    found = clauses(body).knowledge_transfer
    assert (found.status, found.hours) == (status, hours)


@pytest.mark.parametrize(
    "body, status",
    [
        (
            "2. Access\n2.1 Client shall have read access to the Git repository at all times during the Term.\n",
            "during",
        ),
        ("2. Access\n2.1 Vendor shall commit code weekly to a repository owned by Client.\n", "during"),
        (
            "2. Code\n2.1 Upon final acceptance, Vendor shall deliver the source code and documentation to Client.\n",
            "after_only",
        ),
        (
            "2. Escrow\n2.1 Vendor shall deposit the source code with an escrow agent, released on Vendor's insolvency.\n",
            "after_only",
        ),
        ("2. Code\n2.1 The software is provided in object code form only.\n", "absent"),
        ("2. Fees\n2.1 Client shall pay within thirty days.\n", "absent"),
    ],
)
def test_source_access(body, status):
    assert clauses(body).source_access.status == status


def test_maintenance_terms():
    found = clauses(
        "2. Maintenance\n2.1 For three (3) months after acceptance Vendor shall provide maintenance free of "
        "charge, fixing bugs and performance issues and responding to critical incidents within four "
        "hours.\n2.2 Thereafter maintenance costs EUR 2,500 per month.\n"
    ).maintenance
    assert (found.status, found.free_months, found.monthly_fee, found.currency, found.scope_defined) == (
        "present",
        3,
        2500,
        "EUR",
        True,
    )


def test_maintenance_without_price_or_scope():
    found = clauses(
        "2. Support\n2.1 Vendor will provide support and maintenance services for the system.\n"
    ).maintenance
    assert (found.status, found.free_months, found.monthly_fee, found.currency, found.scope_defined) == (
        "present",
        None,
        None,
        None,
        False,
    )


def test_annual_maintenance_fee_is_monthly():
    found = clauses(
        "2. Maintenance\n2.1 Client shall pay an annual maintenance fee of $36,000 covering error "
        "correction and responses within four (4) hours.\n"
    ).maintenance
    assert (found.monthly_fee, found.currency) == (3000, "USD")


def test_maintenance_absent():
    found = clauses("2. Fees\n2.1 Client shall pay within thirty days.\n").maintenance
    assert found.status == "absent" and found.free_months is None


@pytest.mark.parametrize(
    "body, status",
    [
        (
            "2. Termination\n2.1 Client may terminate this Agreement for convenience on thirty (30) days' notice.\n"
            "2.2 Upon termination Vendor shall return all Client data, deliver all code and models, and provide "
            "transition assistance to any successor supplier.\n",
            "full",
        ),
        (
            "2. Termination\n2.1 Either party may terminate this Agreement at any time upon thirty (30) days' notice.\n",
            "partial",
        ),
        (
            "2. Termination\n2.1 Either party may terminate for material breach not cured within thirty days.\n"
            "2.2 On termination Vendor shall return all Client data.\n",
            "partial",
        ),
        (
            "2. Termination\n2.1 Either party may terminate for material breach not cured within thirty days.\n",
            "absent",
        ),
    ],
)
def test_exit(body, status):
    assert clauses(body).exit.status == status
