"""The demo's asset inventory: what Meridian must hold to leave Quantia, and who holds it today.

Serving moved to Meridian's own cloud account (the February decision), but the model registry,
the feature-store accelerator, the CI credentials and the Terraform state are still Quantia's
(the drills got stuck on the last two).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from inhouse.domain.assets import AssetIn
from inhouse.domain.shapes import validated
from inhouse.services import assets as asset_service

if TYPE_CHECKING:
    from inhouse.services.demo import DemoContext

ASSETS = [
    {
        "kind": "repository",
        "name": "eta-prediction",
        "held_by": "internal",
        "holder": "Meridian Freight GitHub organisation",
        "location": "github.com/meridianfreight/eta-prediction",
    },
    {
        "kind": "model",
        "name": "ETA quantile models (P50/P90)",
        "held_by": "partner",
        "holder": "Quantia Labs model registry",
        "location": "registry.quantialabs.example/eta",
        "notes": "promotion procedure undocumented (drill of 2026-11-04)",
    },
    {
        "kind": "dataset",
        "name": "Carrier status messages",
        "held_by": "internal",
        "holder": "Meridian data platform",
        "location": "s3://meridian-edi-archive",
    },
    {
        "kind": "dataset",
        "name": "Lane feature store",
        "held_by": "shared",
        "holder": "Quantia feature-store accelerator in Meridian's account",
        "notes": "accelerator licence to be clarified (Background IP)",
    },
    {"kind": "cloud_account", "name": "AWS production (serving)", "held_by": "internal", "holder": "Meridian IT"},
    {"kind": "cloud_account", "name": "Terraform state backend", "held_by": "partner", "holder": "Quantia Labs AWS"},
    {"kind": "credential", "name": "CI deploy credentials", "held_by": "partner", "holder": "Arjun Patel (Quantia)"},
    {
        "kind": "pipeline",
        "name": "Nightly training pipeline",
        "held_by": "shared",
        "holder": "Meridian Airflow, maintained by Quantia",
    },
]


def demo_step(context: DemoContext) -> str:
    """Record the inventory (listed in ``services/demo/steps.py``)."""
    added = asset_service.add_many(context.ws, str(context.engagement_id), [validated(AssetIn, a) for a in ASSETS])
    by_side = {side: sum(1 for a in added if a.held_by == side) for side in ("internal", "shared", "partner")}
    return (
        f"{len(added)} assets: {by_side['internal']} held internally, {by_side['shared']} shared, "
        f"{by_side['partner']} held by the partner"
    )
