"""The files of an export, and the README that describes them to someone who has never seen inhouse."""

from __future__ import annotations

import re

from inhouse.domain.transfer import FORMAT, FORMAT_VERSION, MANIFEST
from inhouse.store.dump import BLOB_SUFFIX, RecordType

README = "README.md"
RECORDS = "records/{name}.jsonl"
SCHEMA = "schemas/{name}.schema.json"
BLOB = "blobs/{sha256}"
#: Every path an export may name: anything else in a manifest is refused.
PATH = re.compile(
    r"^(manifest\.json|README\.md|records/[a-z_]+\.jsonl|schemas/[a-z_]+\.schema\.json|blobs/[0-9a-f]{64})$"
)

#: What each record type holds, for the README.
ABOUT = {
    "clients": "The client organisation whose records these are (one per workspace).",
    "partners": "The partners considered or engaged: status, website, e-mail domains, notes.",
    "people": "People on either side (`side`: internal or partner), with their role.",
    "person_emails": "The e-mail addresses by which a person's commits and tracker work are recognised.",
    "engagements": "Each engagement with a partner: start date, current phase, and the plan of internal share by period.",
    "engagement_phases": "The phase changes of an engagement (advisory, project...), with dates and reasons.",
    "documents": "Documents handed over (contracts, proposals, others): name, kind, media type; the original bytes are the blob named by `content_sha256`.",
    "analysis_results": "Stored analyses (a contract review, a proposal assessment, a scan report...): `kind`, and `payload` in the shape of that analysis.",
    "weekly_reviews": "The weekly record: what was done, why, what's next, who attended, who wrote and who confirmed it.",
    "decisions": "Decisions taken during the engagement, with rationale, deciders and status.",
    "drills": '"Can we modify this alone?" drills: who, what change, the outcome and where they got stuck.',
    "repos": "Repositories linked to an engagement: name and the path they were scanned at.",
    "scan_states": "Each scanned repository's mined history (the blob named by `state_sha256`: Zstandard-compressed, zlib before 2026-12, JSON with its packed numbers beside it), for incremental rescans.",
    "jobs": "Background work (scans, document analyses): status, progress, result or error.",
    "assets": "The asset inventory: what the client must hold at exit, and who holds it.",
    "tasks": "Tracker tasks (imported from Jira or CSV): who worked on what, when.",
    "reference_checks": "Reference checks of partners: entered by hand or claimed in a document, with evidence.",
    "users": "Accounts: e-mail, name, role, partner; `password_hash` is an Argon2 hash, never a password.",
    "user_engagements": "The engagements a partner account is limited to.",
    "api_tokens": "API tokens, as the SHA-256 of each token (the token itself is never stored).",
    "audit_log": "Every write, with who, when, from where, and the record before and after.",
    "trash": "Deleted records kept to be restored: what each delete removed (`payload`, in these record shapes) and its blobs (`blobs_sha256`).",
}


def readme(manifest_records: dict[str, int], types: list[RecordType], inhouse_version: str, revision: str) -> str:
    rows = []
    for kind in types:
        fields = ", ".join(f"`{name}`" for name in kind.shape.model_fields)
        about = ABOUT.get(kind.name) or kind.doc or ""
        rows.append(f"| `{kind.name}` | {manifest_records.get(kind.name, 0)} | {about} | {fields} |")
    return "\n".join(
        [
            "# An inhouse workspace export",
            "",
            "inhouse keeps the record of outsourced AI engagements (partners, contracts, weekly reviews,",
            "who knows the code). This folder (or zip archive) holds one workspace's every record, so that",
            "it can be read without inhouse, checked, and loaded into another inhouse with `inhouse import`.",
            "",
            "## Layout",
            "",
            f"- `{MANIFEST}`: the format (`{FORMAT}`, version {FORMAT_VERSION}), the inhouse version and database",
            "  schema revision that wrote it, the number of records of each type, and every other file with",
            "  its size in bytes and SHA-256. Check a file with `sha256sum` against it.",
            "- `records/<type>.jsonl`: JSON Lines, one record per line, in key order. Every line has every",
            "  field of its type, in the same order; absent values are `null`. Dates are `YYYY-MM-DD`,",
            "  times `YYYY-MM-DDTHH:MM:SS[.ffffff]` in UTC.",
            "- `schemas/<type>.schema.json`: the JSON Schema of each record type.",
            "- `blobs/<sha256>`: binary values (a document's original bytes, a scan's history), named by",
            f"  their SHA-256; a record names its blob in a field ending in `{BLOB_SUFFIX}`.",
            "",
            "Records refer to each other by `id` (`partner_id` is a partner's `id`, and so on). Paths",
            "(a repository's `path`) are those of the machine the export was made on.",
            "",
            "Not exported: browser sessions and the server's own secrets (a new server makes its own), and",
            "the dashboard's stored pages (rebuilt on first view).",
            "",
            f"Written by inhouse {inhouse_version}, schema revision `{revision}`.",
            "",
            "## Record types",
            "",
            "| type | records | what it holds | fields |",
            "|---|---|---|---|",
            *rows,
            "",
        ]
    )
