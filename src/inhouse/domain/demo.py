"""The demo workspace as ``inhouse demo --json`` describes it once built."""

from __future__ import annotations

from inhouse.domain.engagements import EngagementDetail
from inhouse.domain.shapes import Shape


class DemoWorkspace(Shape):
    folder: str
    database: str
    engagement: EngagementDetail
    analyses: list[str]
    repo: str
    documents: dict[str, str]
