"""The documentation the demo repository carries, and when each piece was written.

A partial operations guide: how the system works is written down and kept up to date, the
architecture page was written when the partner arrived and never touched again, and the
troubleshooting section is still a TODO; setup instructions live in the README; the internal
team's datasheet of the carrier messages predates the partner (stale); there is no model card.
``COMMITS`` maps a day to the commits ``gitgen`` writes that day: (author index in
``gitgen.AUTHORS``, message, {path: text}).
"""

from __future__ import annotations

from datetime import date

README_2025 = """# ETA prediction

Predicts shipment arrival times for Meridian Freight lanes.

## Setup

1. Install Python 3.11 and create a virtual environment.
2. `pip install -r requirements.txt`
3. Ask Quantia Labs for read access to the feature store.

## Running

Train locally with `python -m eta.models.training --lanes pilot` and serve with
`python -m eta.serving.api`. The nightly training is described in `pipelines/train.yaml`.
"""

README_2026 = """# ETA prediction

Predicts shipment arrival times (P50 and P90) for every Meridian Freight lane.

## Setup

1. Install Python 3.11 and create a virtual environment.
2. `pip install -r requirements.txt`
3. Export `ETA_FEATURE_STORE_URL` and `ETA_REGISTRY_URL` (values in Meridian's vault, `eta/prod`).

## Running

- Train: `python -m eta.models.training --lanes all --since 18m` (see `pipelines/train.yaml`).
- Backfill features: run `pipelines/backfill.yaml` with the lane list.
- Serve: `python -m eta.serving.api --port 8080`; the batch scorer is `src/eta/serving/batch.py`.

See [the operations guide](docs/operations.md) for how the system works.
"""

ARCHITECTURE = """# Architecture

Quantia's reference architecture for ETA prediction, as agreed in the pilot.

- Feature pipelines read carrier status messages and lane history into the feature store.
- Models (`src/eta/models`) are gradient-boosted quantile models trained nightly.
- Serving (`src/eta/serving`) exposes a REST API behind a cache; infrastructure is Terraform in
  `infra/terraform`, applied from Quantia's CI.
- Monitoring is planned for a later phase.
"""

DATASHEET = """# Datasheet: carrier status messages

## Motivation

Carrier status messages (EDI 214) are the main signal of where a shipment is; the ETA model needs
their history to learn dwell and transit times per lane.

## Composition

One row per status message: shipment id, carrier, lane, event code, event time, location. About
30 million rows for 2023-2024; see `src/eta/data/schema.py` for the columns.

## Collection process

Copied nightly from the EDI archive by `src/eta/data/loaders.py`; duplicates removed by message id.

## Preprocessing

Timezones normalised to UTC; events without a location dropped (about 2%); checks in
`src/eta/data/quality.py`.
"""

OPERATIONS = """# Operations guide

## How the system works

Every night `pipelines/nightly.yaml` rebuilds the lane features (`src/eta/features`) from the
carrier messages, retrains the quantile models (`src/eta/models/training.py`) and registers them.
A backtest decides whether the new model is promoted. The API (`src/eta/serving/api.py`) answers
dispatchers with P50 and P90 arrival times from the promoted model.

## Troubleshooting

TODO: stale features, failed nightly runs, rolling back a model.
"""

OPERATIONS_UPDATE = OPERATIONS.replace(
    """dispatchers with P50 and P90 arrival times from the promoted model.
""",
    """dispatchers with P50 and P90 arrival times from the promoted model; lane features are cached
in the serving layer (`src/eta/serving/feature_cache.py`) for one hour. Drift on the weather
features is watched by `src/eta/monitoring/drift.py`, which pages Meridian on-call first.
""",
)

COMMITS: dict[date, list[tuple[int, str, dict[str, str]]]] = {
    date(2024, 6, 10): [(1, "Write the datasheet of the carrier messages", {"docs/datasheet.md": DATASHEET})],
    date(2025, 6, 20): [(3, "Add setup and run instructions", {"README.md": README_2025})],
    date(2025, 8, 4): [(3, "Document the target architecture", {"docs/architecture.md": ARCHITECTURE})],
    date(2026, 3, 9): [(4, "First draft of the operations guide", {"docs/operations.md": OPERATIONS})],
    date(2026, 9, 28): [(2, "Refresh the setup and run instructions", {"README.md": README_2026})],
    date(2026, 10, 19): [
        (4, "Operations guide: cache and drift monitoring", {"docs/operations.md": OPERATIONS_UPDATE})
    ],
}
