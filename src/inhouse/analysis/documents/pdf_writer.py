"""A minimal PDF writer: pages of plain text in Helvetica, with a real text layer.

Enough for the demo workspace, the tests and the benchmarks to produce genuine PDFs
without a PDF library; it wraps long lines and starts a new page when one is full.
"""

from __future__ import annotations

import textwrap

LINES_PER_PAGE = 60
WRAP = 95


def write_pdf(pages: list[str], *, wrap: int = WRAP) -> bytes:
    """Return PDF bytes with one page per item of ``pages`` (an empty string gives a page
    without text, like a scan). Text too long for one page flows onto more pages."""
    laid_out: list[list[str]] = []
    for page in pages:
        lines: list[str] = []
        for paragraph in page.split("\n"):
            lines.extend(textwrap.wrap(paragraph, wrap) or [""])
        if not page:
            laid_out.append([])
            continue
        for start in range(0, len(lines), LINES_PER_PAGE):
            laid_out.append(lines[start : start + LINES_PER_PAGE])
    return _assemble(laid_out)


def write_text_pdf(text: str) -> bytes:
    """One flowing document: paragraphs wrapped and paginated."""
    return write_pdf([text])


def _escape(line: str) -> str:
    line = line.encode("cp1252", "replace").decode("latin-1")
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _assemble(pages: list[list[str]]) -> bytes:
    objects: list[bytes] = []
    count = len(pages)
    first_page = 4
    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(count))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for index, lines in enumerate(pages):
        content_id = first_page + 2 * index + 1
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content_id} 0 R >>".encode()
        )
        if lines:
            body = ["BT", "/F1 10 Tf", "12 TL", "50 750 Td"]
            for line in lines:
                body.append(f"({_escape(line)}) Tj T*")
            body.append("ET")
            stream = "\n".join(body).encode("latin-1")
        else:
            stream = b"0 0 1 rg 50 50 500 690 re f"  # a filled box: ink, but no text
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
