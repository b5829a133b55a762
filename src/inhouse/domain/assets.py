"""The asset inventory: what the client must hold to leave a partner, and who holds it today.

Repositories, models, datasets, cloud accounts, credentials... each held by the internal
side, by the partner, or shared, with the name of the holder (a team, a person, a firm).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from inhouse.domain.organisations import require_name
from inhouse.errors import InvalidInput


class AssetKind(str, enum.Enum):
    REPOSITORY = "repository"
    MODEL = "model"
    DATASET = "dataset"
    CLOUD_ACCOUNT = "cloud_account"
    CREDENTIAL = "credential"
    PIPELINE = "pipeline"
    DOCUMENTATION = "documentation"
    DOMAIN = "domain"
    OTHER = "other"


#: The kinds an exit needs at the very least; the inventory is incomplete without one of each.
ESSENTIAL_KINDS = (
    AssetKind.REPOSITORY,
    AssetKind.MODEL,
    AssetKind.DATASET,
    AssetKind.CLOUD_ACCOUNT,
    AssetKind.CREDENTIAL,
)


class HeldBy(str, enum.Enum):
    INTERNAL = "internal"
    PARTNER = "partner"
    SHARED = "shared"


def parse_kind(value: str) -> AssetKind:
    text = str(value).strip().lower().replace("-", "_").replace(" ", "_")
    aliases = {
        "repo": "repository",
        "repositories": "repository",
        "cloud": "cloud_account",
        "account": "cloud_account",
        "credentials": "credential",
        "secret": "credential",
        "secrets": "credential",
        "data": "dataset",
        "datasets": "dataset",
        "models": "model",
        "docs": "documentation",
    }
    try:
        return AssetKind(aliases.get(text, text))
    except ValueError:
        allowed = ", ".join(k.value for k in AssetKind)
        raise InvalidInput(f"invalid asset kind {value!r}: expected one of {allowed}") from None


def parse_held_by(value: str) -> HeldBy:
    try:
        return HeldBy(str(value).strip().lower())
    except ValueError:
        raise InvalidInput(f"invalid holder side {value!r}: expected internal, partner or shared") from None


@dataclass
class Asset:
    engagement_id: int
    kind: AssetKind
    name: str
    held_by: HeldBy
    holder: str = ""
    location: str = ""
    notes: str = ""
    id: int | None = None
    created_at: datetime | None = None

    def __post_init__(self) -> None:
        self.name = require_name(self.name, "asset")
        self.holder = self.holder.strip()
        if len(self.holder) > 200:
            raise InvalidInput("the holder's name is longer than 200 characters")
        if len(self.location) > 2000:
            raise InvalidInput("the asset's location is longer than 2000 characters")

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "engagement_id": self.engagement_id,
            "kind": self.kind.value,
            "name": self.name,
            "held_by": self.held_by.value,
            "holder": self.holder,
            "location": self.location,
            "notes": self.notes,
        }
