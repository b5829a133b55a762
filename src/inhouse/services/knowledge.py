"""Who knows the code, as a use case: scan a repository, store the result with its engagement.

The analyzer (``analysis.git``) runs outside any transaction; the result (an
``AnalysisResult`` of kind ``scan``: a :class:`~inhouse.domain.knowledge.ScanResult` dumped as
JSON) and the mined history (for the next, incremental, scan) are stored together in one unit
of work.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inhouse.analysis.git import (
    FileFilter,
    ScanOptions,
    SideRules,
    parse_alias,
    parse_org_map,
    scan_repository,
)
from inhouse.analysis.git.gitcmd import GitRepo
from inhouse.analysis.git.review_credit import from_changes
from inhouse.bootstrap import Workspace
from inhouse.domain.common import Side
from inhouse.domain.engagements import Engagement
from inhouse.domain.knowledge import ScanIn, ScanResult, ScanSummary, StoredScan
from inhouse.domain.repos import Repo
from inhouse.domain.results import AnalysisResult
from inhouse.domain.shapes import Upload
from inhouse.errors import NotFound
from inhouse.services import lookup, mirrors
from inhouse.services.collection import collection_paused
from inhouse.services.repos import git_dir_of
from inhouse.store import jsontext
from inhouse.store.uow import UnitOfWork

if TYPE_CHECKING:
    from inhouse.services.demo import DemoContext

KIND = "scan"

#: Email domains shared by everyone: never a hint of a person's side.
PUBLIC_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "live.com",
        "yahoo.com",
        "icloud.com",
        "me.com",
        "proton.me",
        "protonmail.com",
        "gmx.de",
        "gmx.net",
        "aol.com",
        "users.noreply.github.com",
        "localhost",
        "localdomain",
    }
)


def side_rules(
    uow: UnitOfWork,
    engagement: Engagement | None,
    *,
    internal_domains: Sequence[str] = (),
    partner_domains: Sequence[str] = (),
    org_map: dict[str, Side] | None = None,
) -> SideRules:
    """Sides from the engagement's people (emails, then names), the partner's domains, the
    people's own company domains, the org map and the domains given on the command line."""
    people: dict[str, Side] = {}
    names: dict[str, Side] = {}
    internal, partner = list(internal_domains), list(partner_domains)
    if engagement is not None:
        for person in uow.people.for_engagement(engagement.client_id, engagement.partner_id):
            names[person.name.lower()] = person.side
            for email in person.emails:
                people[email.lower()] = person.side
                domain = email.rpartition("@")[2].lower()
                if domain not in PUBLIC_DOMAINS:
                    (internal if person.side is Side.INTERNAL else partner).append(domain)
        partner_row = uow.partners.get(engagement.partner_id)
        if partner_row is not None:
            partner.extend(partner_row.email_domains)
    internal_set = list(dict.fromkeys(internal))
    partner_set = [d for d in dict.fromkeys(partner) if d not in internal_set or d in partner_domains]
    return SideRules(
        people=people,
        org_map={**names, **(org_map or {})},
        internal_domains=tuple(internal_set),
        partner_domains=tuple(partner_set),
    )


def read_org_map(org_map: Upload | None) -> dict[str, Side] | None:
    """The org map a user sent (``pattern,side`` lines or JSON), None when there is none."""
    if org_map is None:
        return None
    return parse_org_map(org_map.content.decode("utf-8", errors="replace"))


@collection_paused()
def scan(
    ws: Workspace,
    engagement: str | None,
    request: ScanIn,
    *,
    progress: Callable[[str, int, int], None] | None = None,
    repo_id: int | None = None,
    since: datetime | None = None,
) -> StoredScan:
    """Scan the repository at ``request.repository`` (incrementally when it was scanned before) and
    store the result; returns it with its engagement and the stored result's id. ``repo_id``: the
    linked repository it is (a mirror of one linked by URL), whatever its folder. ``since``: when
    a scan of the same repository and commit was stored at or after that moment (by an earlier
    attempt of the same job), it is answered instead of storing a second one."""
    ws.require_ready()  # a missing workspace fails before the (longer) scan runs
    if repo_id is None and _is_url(request.repository):
        linked = _linked_url(ws, request.repository, engagement)
        repo_id, folder = linked.id, str(mirrors.refresh(ws, linked).path)  # this machine's mirror, fetched
        request = request.model_copy(update={"repository": folder, "rev": request.rev or linked.branch})
    top = str(git_dir_of(Path(request.repository).expanduser()))
    org = read_org_map(request.org_map)
    alias_groups = tuple(tuple(parse_alias(a)) for a in request.aliases)
    with ws.uow() as uow:
        if repo_id is not None:
            repo = uow.repos.get(repo_id)
            if repo is None:
                raise NotFound(f"no repository {repo_id}")
            found = uow.engagements.get(repo.engagement_id)
        else:
            found, repo = lookup.repo_target(uow, top, engagement)
        earlier = uow.results.latest(KIND, repo_id=repo.id) if since is not None and repo is not None else None
        rules = side_rules(
            uow,
            found,
            internal_domains=request.internal_domains,
            partner_domains=request.partner_domains,
            org_map=org,
        )
        kept = uow.scan_states.kept(top)
        previous_links = uow.scan_states.links(top)
        reviewed = uow.change_requests.of_repo(repo.id) if repo is not None and repo.id is not None else []
    options = ScanOptions(
        rev=request.rev or (repo.default_rev if repo else "HEAD"),
        quick=request.quick,
        blame=request.blame,
        blame_flags=request.blame_flags(),
        period=request.period,
        start=found.start_date if found else None,
        plan=found.plan if found else None,
        rules=rules,
        aliases=alias_groups,
        bot_patterns=tuple(request.bots) if request.bots is not None else None,
        include_bots=request.include_bots,
        files=FileFilter(
            exclude=tuple(request.exclude),
            include=tuple(request.include),
            docs=request.count_docs,
            vendored=request.count_vendored,
            generated=request.count_generated,
        ),
        jobs=request.jobs,
        leaves=tuple(request.leaves),
        inactive_days=request.inactive_days,
        gone_after=request.gone_after,
        knowledge_model=ws.settings.knowledge_model,
        knowledge_half_life_days=ws.settings.knowledge_half_life_days,
        reviews=from_changes(reviewed),  # imported pull/merge request reviews: credited by the recency model
    )
    if earlier is not None and earlier.current_at is not None and since is not None and earlier.current_at >= since:
        if earlier.payload.get("head") == GitRepo.open(top).resolve(options.rev):
            stored = StoredScan.model_validate(
                {**earlier.payload, "engagement": found.name if found else None, "result_id": earlier.id}
            )
            return stored

    def stored_state() -> dict[str, Any] | None:
        with ws.uow() as uow:
            return uow.scan_states.get(top, with_report=kept is None)  # a report stored apart is read

    outcome = scan_repository(top, options, previous=stored_state, kept=kept, progress=progress)
    report = outcome.report
    payload = outcome.as_json()
    if repo is not None and repo.url is not None:
        report = report.model_copy(update={"repo": repo.name})  # a mirror's folder name says nothing
        payload["repo"] = repo.name
    engagement_id = found.id if found else None
    repo_id = repo.id if repo else None
    digest = _digest(payload)
    with ws.uow() as uow:
        found_again = _found_again(uow, outcome.reused, payload, digest, engagement_id, repo_id)
        if found_again is not None:  # nothing new: confirm the stored result rather than store a copy
            result = uow.results.confirm(found_again)
        else:
            result = uow.results.add(
                AnalysisResult(
                    kind=KIND,
                    subject=report.repo,
                    payload=payload,
                    summary=report.summary(),
                    engagement_id=engagement_id,
                    repo_id=repo_id,
                    digest=digest,
                )
            )
        if outcome.state is not None and not outcome.reused:
            uow.scan_states.save(top, outcome.state, engagement_id=engagement_id, repo_id=repo_id)
        elif previous_links != (engagement_id, repo_id):  # the stored facts did not change, their links did
            uow.scan_states.relink(top, engagement_id=engagement_id, repo_id=repo_id)
        uow.commit()
    assert result.id is not None, "a stored result has an id"
    return StoredScan.model_construct(**dict(report), engagement=found.name if found else None, result_id=result.id)


#: What differs between two runs that found the same (``analysis.git.scanner``'s per-run fields).
_PER_RUN = frozenset({"warnings", "scanned_commits", "incremental"})


def _digest(payload: dict[str, Any]) -> str:
    """What a scan found, as a digest: its payload but for the per-run fields."""
    kept = {k: v for k, v in payload.items() if k not in _PER_RUN}
    return hashlib.sha256(jsontext.encode(kept, default=str)).hexdigest()  # keys in the model's order, each run


def _found_again(
    uow: UnitOfWork,
    reused: bool,
    payload: dict[str, Any],
    digest: str,
    engagement_id: int | None,
    repo_id: int | None,
) -> int | None:
    """The id of the stored result this run found again (the latest of the repository, for the
    same engagement, equal but for the per-run fields), None when it must be stored. A nightly
    rescan of an unchanged repository then costs no megabytes, and reads none: the stored
    result's digest is compared (its payload only when it was stored without one)."""
    if not reused:
        return None
    if repo_id is not None:
        latest = uow.results.latest(KIND, repo_id=repo_id, with_payload=False)
    else:
        latest = uow.results.latest(KIND, subject=str(payload.get("repo")), with_payload=False)
    if latest is None or latest.id is None or (latest.engagement_id, latest.repo_id) != (engagement_id, repo_id):
        return None
    if latest.digest is not None:
        return latest.id if latest.digest == digest else None
    stored = uow.results.get(latest.id)
    if stored is None:  # pragma: no cover - read in the same transaction
        return None
    same = all(stored.payload.get(k) == v for k, v in payload.items() if k not in _PER_RUN)
    return latest.id if same and stored.payload.keys() - _PER_RUN == payload.keys() - _PER_RUN else None


def _is_url(repository: str) -> bool:
    return "://" in repository or repository.startswith("git@")


def _linked_url(ws: Workspace, url: str, engagement: str | None) -> Repo:
    """The repository linked by ``url`` (to the engagement named, when one is): scanning a URL
    scans its mirror on this machine, so only a linked URL is scanned (its credentials and branch
    are the link's)."""
    with ws.uow() as uow:
        found, repo = lookup.repo_target(uow, url, engagement)
    if repo is None or repo.url is None:
        where = f" to engagement {found.name!r}" if found else ""
        raise NotFound(f"no repository is linked by the URL {url}{where}: link it first (inhouse repo add URL)")
    return repo


def latest_summary(uow: UnitOfWork, engagement_id: int) -> ScanSummary | None:
    """The latest scan of an engagement in a few figures (for ``inhouse engagement show``)."""
    result = uow.results.latest(KIND, engagement_id=engagement_id)
    if result is None:
        return None
    report = ScanResult.model_validate(result.payload)
    latest = report.latest
    return ScanSummary(
        repo=report.repo,
        head=report.head,
        commits=report.commits,
        scanned_at=result.current_at.replace(microsecond=0) if result.current_at else None,
        truck_factor=report.truck_factor.value,
        truck_factor_authors=list(report.truck_factor.authors),
        files=report.offboarding.files,
        orphaned_files=report.offboarding.orphaned_files,
        orphaned_share=report.offboarding.orphaned_share,
        period=latest.period if latest else None,
        internal_share=latest.internal_commit_share if latest else None,
        plan_internal_share=latest.plan_internal_share if latest else None,
        gap=latest.gap if latest else None,
        plan_reached_on=report.forecast.reached_on if report.forecast else None,
        internal_file_share=latest.internal_file_share if latest else None,
    )


#: The demo scan's chosen leavers: partner people with no commit in the last 60 days.
DEMO_INACTIVE_DAYS = 60


def demo_step(context: DemoContext) -> str:
    """The demo's scan of its generated repository (listed in ``services/demo/steps.py``), with the
    off-boarding of the partner people inactive for 60 days (Arjun Patel, who left in August 2026)."""
    request = ScanIn(repository=str(context.repo_path), inactive_days=DEMO_INACTIVE_DAYS)
    stored = scan(context.ws, str(context.engagement_id), request)
    return stored.summary()
