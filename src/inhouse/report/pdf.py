"""The report as PDF, laid out by WeasyPrint from the same HTML (needs Pango, from the OS)."""

from __future__ import annotations

from inhouse.errors import NotAvailable


def render_pdf(html: str) -> bytes:
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: the Pango libraries are missing
        raise NotAvailable(f"PDF reports need WeasyPrint and Pango: {exc}") from None
    return HTML(string=html).write_pdf()
