"""The asset inventory: what the client must hold to leave a partner, and who holds it today.

Repositories, models, datasets, cloud accounts, credentials... each held by the internal
side, by the partner, or shared, with the name of the holder (a team, a person, a firm).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, StringConstraints

from inhouse.domain.shapes import Input, OptionalBody, OptionalTitle, Shape, Title, lowered, plain_text


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


HOLDERS = (HeldBy.INTERNAL, HeldBy.SHARED, HeldBy.PARTNER)
"""The sides in the order the inventory counts them."""

_KIND_ALIASES = {
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


def kind_word(value: Any) -> Any:
    """``Cloud account``, ``repo``, ``secrets``... to the kind they mean (anything else as given)."""
    if isinstance(value, str):
        text = value.strip().lower().replace("-", "_").replace(" ", "_")
        return _KIND_ALIASES.get(text, text)
    return value


Where = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000), AfterValidator(plain_text)]
"""Where an asset lives: a URL, an account id, a vault path (what the 2000-character column stores)."""


class AssetIn(Input):
    """One asset to record: what it is and who holds it."""

    name: Title
    kind: Annotated[AssetKind, BeforeValidator(kind_word)]
    held_by: Annotated[HeldBy, BeforeValidator(lowered)]
    holder: OptionalTitle = ""
    location: Where = ""
    notes: OptionalBody = ""


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


class AssetRecord(Shape):
    """A recorded asset (the ``inhouse asset list --json`` row) with its engagement's name."""

    id: int
    engagement_id: int
    kind: AssetKind
    name: str
    held_by: HeldBy
    holder: str
    location: str
    notes: str
    engagement: str

    @classmethod
    def of(cls, asset: Asset, engagement: str) -> AssetRecord:
        assert asset.id is not None, "a stored asset has an id"
        return cls(
            id=asset.id,
            engagement_id=asset.engagement_id,
            kind=asset.kind,
            name=asset.name,
            held_by=asset.held_by,
            holder=asset.holder,
            location=asset.location,
            notes=asset.notes,
            engagement=engagement,
        )
