"""What each kind of job does: ``kind -> handler(ws, payload, reporter) -> JobResult``. A handler
gets everything from its payload (and the upload kept with its job), so any worker process runs it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from inhouse.bootstrap import Workspace
from inhouse.domain.jobs import PAYLOADS, ContractPayload, DocumentPayload, JobResult, ProposalPayload, ScanPayload
from inhouse.domain.knowledge import ScanIn
from inhouse.domain.shapes import Upload
from inhouse.errors import InvalidInput
from inhouse.jobs.reporter import Reporter
from inhouse.services import contracts, job_runs, mirrors, partners_assess, repos
from inhouse.services.knowledge import scan as scan_service

Handler = Callable[[Workspace, Any, Reporter], JobResult]


def scan(ws: Workspace, payload: ScanPayload, report: Reporter) -> JobResult:
    """Scan a linked repository; one linked by URL is fetched into this worker's mirror first, then
    scanned at its branch (default: the remote's HEAD). A retried job whose earlier attempt stored
    its scan of the same commit answers that one (one result per job)."""
    report("starting the scan", 0, 0)
    engagement_id, target = repos.of_engagement(ws, str(payload.engagement_id), str(payload.repo_id))
    folder, rev = target.path, payload.commit
    if target.url is not None:
        report(f"fetching {target.url}", 0, 0)
        folder = str(mirrors.refresh(ws, target).path)
        rev = rev or target.branch or "HEAD"
    since = job_runs.submitted_at(ws, report.job_id)
    stored = scan_service(
        ws,
        str(engagement_id),
        ScanIn(repository=folder, rev=rev, **(payload.leavers.model_dump() if payload.leavers else {})),
        progress=report,
        repo_id=target.id,
        since=since,
    )
    return JobResult(
        result_id=stored.result_id, repo=stored.repo, commits=stored.commits, head=stored.head, summary=stored.summary()
    )


def _upload(ws: Workspace, report: Reporter) -> Upload:
    name, content = job_runs.upload(ws, report.job_id)
    return Upload(name=name, content=content)


def contract(ws: Workspace, payload: ContractPayload, report: Reporter) -> JobResult:
    report(f"reading and reviewing {payload.file_name}")
    upload = _upload(ws, report)
    [checked] = contracts.check(
        ws, [upload], engagement=str(payload.engagement_id), confirm_parties=payload.confirm_parties
    )
    return JobResult(result_id=checked.result_id, document_id=checked.document_id, summary=checked.summary)


def document(ws: Workspace, payload: DocumentPayload, report: Reporter) -> JobResult:
    report("reading and reviewing the handed-over contract")
    checked = contracts.review_stored(ws, payload.document_id)
    return JobResult(result_id=checked.result_id, document_id=payload.document_id, summary=checked.summary)


def proposal(ws: Workspace, payload: ProposalPayload, report: Reporter) -> JobResult:
    report(f"reading and assessing {payload.file_name}")
    [assessed] = partners_assess.assess(ws, [_upload(ws, report)], partner=str(payload.partner_id))
    return JobResult(
        result_id=assessed.result_id,
        document_id=assessed.document_id,
        partner_id=payload.partner_id,
        partner=assessed.partner,
        summary=f"{assessed.assessment.kind} of {assessed.partner} assessed",
    )


HANDLERS: dict[str, Handler] = {"scan": scan, "contract": contract, "document": document, "proposal": proposal}


def payload_of(kind: str, stored: dict[str, Any] | None) -> Any:
    """The stored payload as its kind's model."""
    model = PAYLOADS.get(kind)
    if model is None or stored is None:
        raise InvalidInput(f"a {kind} job has no payload a worker can run")
    return model.model_validate(stored)
