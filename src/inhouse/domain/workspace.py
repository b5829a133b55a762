"""A workspace: its database, the schema revision it is at, and the client it keeps records for."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from inhouse.domain.shapes import Input, Name, Shape


class WorkspaceIn(Input):
    """``inhouse init``: the client organisation to record (optional when one is recorded)."""

    client: Name | None = None


class WorkspaceInit(Shape):
    database: str
    created: bool
    revision: str | None
    clients: list[str]
    client_added: str | None


class SchemaStatus(Shape):
    database: str
    revision: str | None
    head: str | None


class SchemaUpgrade(Shape):
    model_config = ConfigDict(serialize_by_alias=True)

    database: str
    from_: str | None = Field(alias="from")
    to: str | None


class SchemaCheck(Shape):
    database: str
    differences: list[str]
