"""The analyses the demo runs, in order, once its records exist.

Each feature keeps its step next to its service (``demo_step(context) -> str``,
a one-line note); this list only orders them.
"""

from __future__ import annotations

from collections.abc import Callable

from inhouse.services.demo import DemoContext

Step = Callable[[DemoContext], str]


def analyses() -> list[tuple[str, Step]]:
    from inhouse.services import contracts, docs_audit, knowledge, partners_assess
    from inhouse.services.demo import inventory, journal, reviews

    return [
        ("tasks", journal.import_tasks),
        ("scan", knowledge.demo_step),
        ("pull request reviews", reviews.demo_step),
        ("contract review", contracts.demo_step),
        ("docs audit", docs_audit.demo_step),
        ("asset inventory", inventory.demo_step),
        ("partner choice", partners_assess.demo_step),
    ]
