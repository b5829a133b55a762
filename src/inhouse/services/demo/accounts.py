"""The demo's accounts: an admin, the client's lead, a viewer, and a partner user of Quantia Labs.

Their passwords are fixed and printed by ``inhouse demo`` (the demo is the same every time), so a
new user can sign in on both sides of the engagement. They are demo passwords, public in this
file: a workspace built by ``inhouse demo`` is for trying the product, never for real data.
"""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain.accounts import Role, UserIn
from inhouse.domain.demo import DemoAccount
from inhouse.domain.shapes import validated
from inhouse.services import accounts as account_service


def demo_accounts(partner: str) -> list[DemoAccount]:
    """The four demo accounts, ``partner`` (the engaged partner's name) for the partner user."""
    return [
        DemoAccount(
            email="admin@meridianfreight.com",
            name="Meridian IT admin",
            role=Role.ADMIN,
            partner=None,
            password="demo-admin-password",
        ),
        DemoAccount(
            email="dana.okafor@meridianfreight.com",
            name="Dana Okafor",
            role=Role.LEAD,
            partner=None,
            password="demo-lead-password",
        ),
        DemoAccount(
            email="grace.mensah@meridianfreight.com",
            name="Grace Mensah",
            role=Role.VIEWER,
            partner=None,
            password="demo-viewer-password",
        ),
        DemoAccount(
            email="lukas@quantialabs.io",
            name="Lukas Brandt",
            role=Role.PARTNER,
            partner=partner,
            password="demo-partner-password",
        ),
    ]


def add(ws: Workspace, partner: str) -> list[DemoAccount]:
    """Store the demo accounts (passwords hashed, as for any account) and return them."""
    wanted = demo_accounts(partner)
    for item in wanted:
        user = validated(
            UserIn,
            email=item.email,
            name=item.name,
            role=item.role,
            partner=item.partner,
            password=item.password,
        )
        account_service.add(ws, user)
    return wanted
