"""The documentation audit: operations guide (how it works, architecture, troubleshooting),
setup and run instructions, model card and datasheet; present, stale or missing.

:func:`audit_repository` is the entry point. The steps: ``files`` (what is documentation,
what is code), ``sections`` (headings of Markdown, reStructuredText, AsciiDoc, text...),
``catalog`` and ``candidates`` (what each item looks like), ``mentions`` (the code a
document names), ``history`` (git plumbing) and ``auditor`` (currency and the verdicts).
"""

from inhouse.analysis.docs.auditor import AuditOptions, audit_repository

__all__ = ["AuditOptions", "audit_repository"]
