"""Seeding a large workspace for the web latency benchmark: many engagements, each with a
repository whose stored scan covers thousands of commits.

How commits are stored: the scan keeps no row per commit. It stores (1) the mined history
of each repository in ``scan_states`` (``History.to_state()``: people, files with their
change days, commits per person-day; packed), which incremental rescans start from, and
(2) the report in ``analysis_results`` (kind ``scan``). A "stored commit" here is one commit
folded into those records; the seed builds them with the real ``History`` and store code.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from inhouse.analysis.git.history import History
from inhouse.analysis.git.mining import Commit, FileChange
from inhouse.domain.common import Phase, Side
from inhouse.domain.documents import Document, DocumentKind
from inhouse.domain.drills import Drill, DrillOutcome
from inhouse.domain.engagements import Engagement, PhaseChange
from inhouse.domain.organisations import Partner, Person
from inhouse.domain.repos import Repo
from inhouse.domain.results import AnalysisResult
from inhouse.domain.reviews import WeeklyReview
from inhouse.services import lookup

START = date(2025, 1, 6)


def synthetic_history(commits: int, seed: int = 7) -> dict:
    """The mined state of a repository with ``commits`` commits by 30 people over 700 files."""
    rng = random.Random(seed)
    people = [(f"Dev {i}", f"dev{i}@{'client' if i % 3 == 0 else 'partner'}.example") for i in range(30)]
    dirs = [f"src/module_{d}" for d in range(40)]
    files = [f"{rng.choice(dirs)}/file_{f}.py" for f in range(700)]
    history = History(mode="full", head="f" * 40)
    epoch = int((START - date(1970, 1, 1)).total_seconds())
    for n in range(commits):
        name, email = rng.choice(people)
        changes = [
            FileChange("M" if n > 50 else "A", rng.choice(files), added=rng.randint(1, 80), deleted=rng.randint(0, 40))
            for _ in range(rng.randint(1, 5))
        ]
        history.add(
            Commit(
                sha=f"{n:040x}",
                parents=(f"{n - 1:040x}",) if n else (),
                author_name=name,
                author_email=email,
                timestamp=epoch + n * 3600 * 3,
                changes=changes,
            )
        )
    return history.to_state()


def scan_payload(index: int, commits: int) -> dict:
    rng = random.Random(index)
    identities = [
        {
            "id": f"p{i}",
            "names": [f"Dev {i}"],
            "emails": [f"dev{i}@x.example"],
            "side": "internal" if i % 3 == 0 else "partner",
            "commits": rng.randint(10, 400),
            "lines_added": rng.randint(100, 9000),
            "lines_deleted": rng.randint(10, 3000),
            "files_authored": rng.randint(1, 90),
            "bot": False,
        }
        for i in range(30)
    ]
    directories = [
        {
            "path": f"src/module_{d}",
            "files": 18,
            "orphaned_files": rng.randint(0, 18),
            "orphaned_lines": None,
            "orphaned": [f"src/module_{d}/file_{f}.py" for f in range(12)],
        }
        for d in range(40)
    ]
    trajectory = [
        {
            "period": f"year {y}",
            "start": f"{2024 + y}-01-06",
            "end": f"{2025 + y}-01-05",
            "commits": commits // 2,
            "internal_commit_share": round(0.2 + 0.15 * y + rng.random() / 10, 4),
            "internal_line_share": 0.3,
            "internal_authorship_share": 0.3,
            "plan_internal_share": [0.3, 0.6, 0.9][y - 1],
            "gap": None,
        }
        for y in (1, 2)
    ]
    return {
        "repo": f"/repos/r{index}",
        "rev": "HEAD",
        "head": "f" * 40,
        "commits": commits,
        "merges": 0,
        "mode": "full",
        "identities": identities,
        "bots": [],
        "truck_factor": {"value": rng.randint(1, 4), "authors": ["p1", "p2"]},
        "offboarding": {
            "side": "partner",
            "files": 700,
            "orphaned_files": 300,
            "orphaned_share": 0.43,
            "orphaned_lines": None,
            "by_directory": directories,
        },
        "period": "engagement-year",
        "plan": "30% -> 60% -> 90%",
        "trajectory": trajectory,
        "forecast": None,
        "warnings": [],
        "scanned_commits": commits,
        "incremental": False,
    }


def contract_payload(text: str) -> dict:
    quote = "All deliverables are the property of the Client."
    start = text.index(quote)
    evidence = [{"text": quote, "start": start, "end": start + len(quote)}]
    absent = {"status": "absent", "evidence": []}
    return {
        "file": "msa.txt",
        "engagement_model": "project",
        "parties": [],
        "score": 40,
        "red_flags": [],
        "recommendations": [],
        "clauses": {
            "deliverable_ownership": {"status": "client", "conditions": [], "evidence": evidence},
            "knowledge_transfer": {"status": "absent", "hours": None, "evidence": []},
            "source_access": absent,
            "exit": absent,
            "maintenance": {"status": "absent", "scope_defined": False, "evidence": []},
        },
    }


def seed(ws, engagements: int, commits: int, progress=print) -> None:
    state = synthetic_history(commits)
    contract = (
        "MASTER SERVICES AGREEMENT\n\n"
        + "General terms. " * 400
        + "\n\n1. All deliverables are the property of the Client.\n"
    )
    with ws.uow() as uow:
        client = lookup.the_client(uow)
        partners = [
            uow.partners.add(Partner(name=f"Partner {p}", client_id=client.id, email_domains=[])) for p in range(10)
        ]
        # the internal people the drills and reviews name (a drill is done by someone on the roster)
        for i in range(0, 30, 3):
            uow.people.add(
                Person(name=f"Dev {i}", side=Side.INTERNAL, emails=[f"dev{i}@client.example"], client_id=client.id)
            )
        uow.commit()
    for index in range(engagements):
        with ws.uow() as uow:
            partner = partners[index % len(partners)]
            engagement = uow.engagements.add(
                Engagement(
                    name=f"Engagement {index:03d}",
                    client_id=client.id,
                    partner_id=partner.id,
                    start_date=START,
                    phase=Phase.PROJECT,
                    phases=[PhaseChange(Phase.PROJECT, START, "start")],
                )
            )
            repo = uow.repos.add(Repo(engagement_id=engagement.id, name=f"r{index}", path=f"/repos/r{index}"))
            uow.scan_states.save(f"/repos/r{index}", state, engagement_id=engagement.id, repo_id=repo.id)
            uow.results.add(
                AnalysisResult(
                    kind="scan",
                    subject=f"/repos/r{index}",
                    payload=scan_payload(index, commits),
                    engagement_id=engagement.id,
                    repo_id=repo.id,
                    summary="truck factor 2; 43% of files orphaned if the partner left",
                )
            )
            document = uow.documents.add(
                Document(
                    filename="msa.txt",
                    kind=DocumentKind.CONTRACT,
                    content=contract.encode(),
                    media_type="text/plain",
                    engagement_id=engagement.id,
                    partner_id=partner.id,
                )
            )
            uow.results.add(
                AnalysisResult(
                    kind="contract",
                    subject=str(document.id),
                    payload=contract_payload(contract),
                    engagement_id=engagement.id,
                    document_id=document.id,
                    summary="score 40/100",
                )
            )
            for week in range(40):
                uow.reviews.add(
                    WeeklyReview(
                        engagement_id=engagement.id,
                        week_of=START + timedelta(weeks=week),
                        done="work",
                        why="reasons",
                        next="more",
                        attendees=["Dev 0", "Dev 1"],
                    )
                )
            uow.drills.add(
                Drill(
                    engagement_id=engagement.id,
                    performed_on=START + timedelta(days=200),
                    person="Dev 0",
                    modification="change",
                    outcome=DrillOutcome.WITH_HELP,
                )
            )
            uow.commit()
        if (index + 1) % 50 == 0:
            progress(f"  seeded {index + 1} engagements")
