"""MADR-style decision records of varied shapes (MADR 2 list lines, MADR 3 and 4 front matter,
the template's placeholders, site-generator front matter only, setext titles, fenced code), written
for the tests; ``undated`` names those that carry no date of their own."""

from __future__ import annotations

MADR4 = """---
status: accepted
date: 2025-09-15
decision-makers:
  - Ann Inside
  - Pat Partner
consulted: [Data platform team]
informed: "everyone in #eta"
---
# Keep model features in one versioned store

## Context and Problem Statement

Features are computed twice, once for training and once for serving, and they drift apart.

## Decision Drivers

* one definition per feature
* reproducible training sets

## Considered Options

* A versioned feature store
* Shared SQL views
* Copy the code into both pipelines

## Decision Outcome

Chosen option: "A versioned feature store", because it gives training and serving one definition.

### Consequences

* Good, because a training set can be rebuilt.
* Bad, because the store is one more service to run.
"""

MADR3 = """---
status: "superseded by 0007"
deciders: [Ann Inside, Pat Partner]
date: 2025-10-01
---
# Score lanes nightly, not on request

## Context and Problem Statement

Requests spike at shift change.

## Considered Options

1. Nightly batch
2. On request

## Decision Outcome

Chosen option: "Nightly batch", because
the spike would need three times the serving capacity.
"""

MADR2 = """# Use Parquet for the training snapshots

* Status: accepted
* Deciders: Ann Inside, Pat Partner
* Date: 2025-08-20

Technical Story: the snapshots must be readable by the analysts' tools.

## Context and Problem Statement

CSV snapshots lose types.

## Considered Options

* Parquet
* CSV with a schema file

## Decision Outcome

Chosen option: Parquet, because every tool the analysts use reads it.
"""

TEMPLATE_VALUES = """---
status: {proposed | rejected | accepted | deprecated | superseded by ADR-0005}
date: {YYYY-MM-DD when the decision was last updated}
decision-makers: {list everyone involved in the decision}
---
# Retrain monthly

## Context and Problem Statement

Drift shows after about five weeks.

## Decision Outcome

Chosen option: "Monthly retraining", because drift shows after five weeks.
"""

SITE_FRONT_MATTER = """---
parent: Decisions
nav_order: 5
---
# Name options the same way everywhere

## Context and Problem Statement

Options are listed twice, so their names must match.

## Considered Options

* Repeat the names
* Number the options

## Decision Outcome

Chosen option: 'Repeat the "names"', because

* readers do not have to remember numbers,
* a diff shows renamed options.
"""

SETEXT_AND_CODE = """```sh
# not a title: a comment in a fenced block
make adr
```

Alert on lateness, not on model error
=====================================

Context and Problem Statement
-----------------------------

Dispatchers act on lateness.

Decision Outcome
----------------

Chosen option: "Lateness alerts", because that is what dispatchers act on.
"""

NEUTRAL_BECAUSE = """# Allow partial lanes in the pilot

## Context and Problem Statement

Two lanes lack data for the first month.

## Decision Outcome

Chosen option: "Partial lanes, because data is late", because the pilot can start on time.
"""

SHAPES = {
    "madr4": MADR4,
    "madr3": MADR3,
    "madr2": MADR2,
    "template-values": TEMPLATE_VALUES,
    "site-front-matter": SITE_FRONT_MATTER,
    "setext-and-code": SETEXT_AND_CODE,
    "neutral-because": NEUTRAL_BECAUSE,
}
UNDATED = {"template-values", "site-front-matter", "setext-and-code", "neutral-because"}


TITLES = {
    "madr4": "Keep model features in one versioned store",
    "madr3": "Score lanes nightly, not on request",
    "madr2": "Use Parquet for the training snapshots",
    "template-values": "Retrain monthly",
    "site-front-matter": "Name options the same way everywhere",
    "setext-and-code": "Alert on lateness, not on model error",
    "neutral-because": "Allow partial lanes in the pilot",
}


def nineteen() -> dict[str, str]:
    """Nineteen files ``0000-...md`` to ``0018-...md``, the shapes in turn, each with a title of its own."""
    names = list(SHAPES)
    files = {}
    for number in range(19):
        shape = names[number % len(names)]
        files[f"{number:04d}-{shape}.md"] = SHAPES[shape].replace(TITLES[shape], f"{TITLES[shape]} ({number})", 1)
    return files
