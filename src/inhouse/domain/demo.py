"""The demo workspace as ``inhouse demo --json`` describes it once built."""

from __future__ import annotations

from pydantic import Field

from inhouse.domain.accounts import Role
from inhouse.domain.engagements import EngagementDetail
from inhouse.domain.shapes import Shape


class DemoAccount(Shape):
    """One demo account and its (public, fixed) demo password."""

    email: str
    name: str
    role: Role
    partner: str | None = Field(description="The partner organisation of a partner user")
    password: str = Field(description="A fixed demo password, printed on purpose: the demo holds no real data")


class DemoWorkspace(Shape):
    folder: str
    database: str
    engagement: EngagementDetail
    analyses: list[str]
    repo: str
    documents: dict[str, str]
    accounts: list[DemoAccount] = Field(
        description="The accounts to sign in with (last, so the fields before keep their place)"
    )
