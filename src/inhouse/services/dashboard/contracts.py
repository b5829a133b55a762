"""The contract checklist (the five must-have clauses) and the contract text with its evidence."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from inhouse.analysis.documents import read_document
from inhouse.bootstrap import Workspace
from inhouse.domain.documents import DocumentKind
from inhouse.errors import InhouseError, NotFound
from inhouse.store.dashboard import iso

NOT_REVIEWED = "no contract review stored yet: upload the contract (or run inhouse contract check)"

CLAUSES = {
    "deliverable_ownership": "Deliverable ownership: code, models, data and documentation are yours",
    "knowledge_transfer": "Knowledge transfer: hours of handover training for the internal team",
    "source_access": "Source code and documentation access during the project",
    "maintenance": "Maintenance terms: period, scope and price",
    "exit": "Exit conditions: you can retrieve your data and systems",
}
_GOOD = {"client", "present", "during", "full"}
_PARTIAL = {"partial", "after_only"}


def verdict(status: str | None) -> str:
    if status in _GOOD:
        return "ok"
    if status in _PARTIAL:
        return "warn"
    return "bad"


def _detail(kind: str, finding: dict[str, Any]) -> str:
    if kind == "knowledge_transfer" and finding.get("hours"):
        return f"{finding['hours']:g} hours"
    if kind == "maintenance" and finding.get("status") == "present":
        parts = []
        if finding.get("free_months"):
            parts.append(f"{finding['free_months']:g} months free")
        if finding.get("monthly_fee"):
            parts.append(f"then {finding['monthly_fee']:,.0f} {finding.get('currency') or ''}/month".strip())
        if not finding.get("scope_defined"):
            parts.append("scope not defined")
        return ", ".join(parts)
    if kind == "deliverable_ownership" and finding.get("conditions"):
        return "; ".join(finding["conditions"])
    return ""


def findings(payload: dict[str, Any]) -> list[dict]:
    """Clauses first (in the playbook's order), then red flags; each with a stable id."""
    out = []
    clauses = payload.get("clauses") or {}
    for kind, label in CLAUSES.items():
        finding = clauses.get(kind) or {}
        status = finding.get("status", "absent")
        out.append(
            {
                "id": f"clause-{kind}",
                "group": "clause",
                "kind": kind,
                "label": label,
                "status": status,
                "verdict": verdict(status),
                "detail": _detail(kind, finding),
                "evidence": list(finding.get("evidence") or []),
            }
        )
    for index, flag in enumerate(payload.get("red_flags") or []):
        kind = flag.get("kind", "red_flag")
        out.append(
            {
                "id": f"flag-{index}-{kind}",
                "group": "red_flag",
                "kind": kind,
                "label": kind.replace("_", " "),
                "status": f"binds {flag.get('binds', 'unknown')}",
                "verdict": "bad" if flag.get("binds") in ("client", "both", "unknown") else "warn",
                "detail": "",
                "evidence": list(flag.get("evidence") or []),
            }
        )
    return out


def checklist(payload: dict[str, Any] | None, meta: dict[str, Any] | None = None) -> dict:
    if not payload or "clauses" not in payload:
        return {"measured": False, "why": NOT_REVIEWED}
    meta = meta or {}
    return {
        "measured": True,
        "document_id": meta.get("document_id"),
        "file": PurePath(str(payload["file"])).name if payload.get("file") else None,  # not an upload's temp path
        "score": payload.get("score"),
        "engagement_model": payload.get("engagement_model"),
        "findings": findings(payload),
        "recommendations": payload.get("recommendations") or [],
        "parties": payload.get("parties") or [],
        "reviewed_at": meta.get("created_at"),
    }


def _locate(text: str, evidence: dict[str, Any]) -> tuple[int, int] | None:
    """The evidence's span in ``text``: its offsets when they match, else the quote's first occurrence."""
    start, end, quote = evidence.get("start"), evidence.get("end"), evidence.get("text") or ""
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        if not quote or text[start:end] == quote:
            return start, end
    if quote:
        found = text.find(quote)
        if found >= 0:
            return found, found + len(quote)
    return None


def segments(text: str, items: list[dict]) -> list[dict]:
    """Split ``text`` at every evidence boundary; each piece lists the findings covering it.

    The first piece of each evidence carries ``anchor`` (``ev-<finding id>-<n>``) to link to."""
    spans = []
    for item in items:
        for n, evidence in enumerate(item["evidence"]):
            where = _locate(text, evidence)
            evidence["located"] = where is not None
            evidence["anchor"] = f"ev-{item['id']}-{n}"
            if where:
                spans.append((where[0], where[1], item["id"], evidence["anchor"]))
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    pieces = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = [(fid, anchor, s) for s, e, fid, anchor in spans if s <= left and right <= e]
        anchors = [anchor for _, anchor, s in covering if s == left]
        pieces.append(
            {"text": text[left:right], "findings": sorted({fid for fid, _, _ in covering}), "anchors": anchors}
        )
    return pieces


def contract_view(ws: Workspace, document_id: int | str) -> dict:
    """The contract's text with every finding's evidence marked, beside the checklist."""
    try:
        wanted = int(document_id)
    except (TypeError, ValueError):
        raise NotFound(f"no document {document_id!r}") from None
    with ws.uow() as uow:
        document = uow.documents.get(wanted)
        if document is None:
            raise NotFound(f"no document {document_id}")
        result = uow.results.latest("contract", document_id=document.id)
        engagement = uow.engagements.get(document.engagement_id) if document.engagement_id else None
    data = {
        "document": {
            "id": document.id,
            "filename": document.filename,
            "kind": document.kind.value,
            "size": document.size,
            "media_type": document.media_type,
            "created_at": iso(document.created_at),
        },
        "engagement": {"id": engagement.id, "name": engagement.name} if engagement else None,
        "is_contract": document.kind is DocumentKind.CONTRACT,
    }
    meta = {"document_id": document.id, "created_at": iso(result.created_at)} if result else None
    data["checklist"] = checklist(result.payload if result else None, meta)
    try:
        text = read_document(document.content, document.filename, max_bytes=0).text
    except InhouseError as exc:
        data.update(text_error=exc.message, segments=[])
        return data
    items = data["checklist"].get("findings", [])
    data["segments"] = segments(text, items)
    data["text_error"] = None
    return data
