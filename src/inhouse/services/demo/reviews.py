"""The demo's pull requests: a saved GitHub review bundle (docs/knowledge-models.md), made in code.

Quantia's people open most pull requests on ``eta-prediction``; Meridian's review a growing share
of them (the same chance as the history's ``Reviewed-by:`` trailers), and Quantia reviews
Meridian's. The bundle is imported through :func:`inhouse.services.code_reviews.import_prs`, as a
user's ``inhouse review import-prs FILE --repo eta-prediction`` would.
"""

from __future__ import annotations

import json
import random
from datetime import date, datetime, time, timedelta
from typing import Any

from inhouse.domain.shapes import Upload
from inhouse.services.demo import DemoContext, gitgen

#: Each author's login on the host: the part of an email before the @ or the name without spaces,
#: which is how the review-sharing report matches a login to a person.
LOGINS = {
    "Dana Okafor": "DanaOkafor",
    "Tomás Ribeiro": "tomas.ribeiro",
    "Priya Raman": "PriyaRaman",
    "Lukas Brandt": "lukas",
    "Mei Chen": "MeiChen",
    "Arjun Patel": "arjun",
}
REPO = "eta-prediction"
BUNDLE_NAME = "eta-prediction-pulls.json"


def _stamp(day: date, hour: int) -> str:
    return datetime.combine(day, time(hour, 0)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _active(side: str, day: date) -> list[gitgen.Author]:
    return [a for a in gitgen.AUTHORS if a.side == side and a.active_from <= day <= a.active_to]


def bundle(seed: int = 11) -> dict[str, Any]:
    """The demo's GitHub bundle: one or two pull requests a week from the engagement's start."""
    rng = random.Random(seed)
    pulls: list[dict[str, Any]] = []
    day = gitgen.ENGAGEMENT_START + timedelta(days=1)
    while day <= gitgen.END - timedelta(days=3):
        for _ in range(rng.choice((1, 1, 2))):
            side = "internal" if rng.random() < gitgen.internal_share_target(day) else "partner"
            author = rng.choice(_active(side, day))
            areas = [a for a, owner in gitgen.AREAS.items() if owner in (side, "mixed")]
            area = rng.choice(areas)
            files = sorted({f"{area}/{rng.choice(gitgen.FILES[area])}" for _ in range(rng.randint(1, 3))})
            reviewers: list[gitgen.Author] = []
            other = "partner" if side == "internal" else "internal"
            if side == "partner":
                if rng.random() < gitgen.internal_review_chance(day):
                    reviewers.append(rng.choice(_active("internal", day)))
                colleagues = [a for a in _active("partner", day) if a != author]
                if colleagues and rng.random() < 0.6:
                    reviewers.append(rng.choice(colleagues))
            else:
                if rng.random() < 0.7:
                    reviewers.append(rng.choice(_active(other, day)))
                colleagues = [a for a in _active("internal", day) if a != author]
                if colleagues and rng.random() < 0.3:
                    reviewers.append(rng.choice(colleagues))
            merged = day + timedelta(days=rng.randint(1, 3))
            pulls.append(
                {
                    "number": 100 + len(pulls) + 1,
                    "title": f"{rng.choice(('Add', 'Tune', 'Fix', 'Refactor'))} {files[0].rsplit('/', 1)[-1]}",
                    "state": "closed",
                    "user": {"login": LOGINS[author.name]},
                    "created_at": _stamp(day, 10),
                    "merged_at": _stamp(merged, 15),
                    "reviews": [
                        {
                            "user": {"login": LOGINS[r.name]},
                            "state": "APPROVED" if i == len(reviewers) - 1 else "COMMENTED",
                            "submitted_at": _stamp(merged, 11),
                        }
                        for i, r in enumerate(reviewers)
                    ],
                    "files": [{"filename": f} for f in files],
                }
            )
        day += timedelta(days=7)
    return {"host": "github", "pulls": pulls}


def demo_step(context: DemoContext) -> str:
    """Import the demo's pull requests for its repository (listed in ``services/demo/steps.py``)."""
    from inhouse.services import code_reviews

    content = json.dumps(bundle(), ensure_ascii=False, indent=1).encode()
    done = code_reviews.import_prs(
        context.ws, REPO, engagement=str(context.engagement_id), upload=Upload(name=BUNDLE_NAME, content=content)
    )
    return f"{done.changes} pull requests with {done.reviews} reviews imported for {done.repo}"
