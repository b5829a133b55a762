"""The register's CSV: template B_07.01's column codes as the header, the engagement's values below.

What a filer pastes into the register of information: one header row of the assessment columns'
codes (``B_07.01.0050`` ... ``B_07.01.0120``) and one row of values, empty where inhouse derived
none. Cells are written as ``report.csv_out`` writes every CSV (RFC 4180, ``\\r\\n``, UTF-8, text
starting with ``=``, ``+``, ``-``, ``@``... neutralised with a leading quote); the reasons are in the
JSON and on the page, not here.
"""

from __future__ import annotations

import csv
import io

from inhouse.domain.register import RegisterAssessment
from inhouse.report.csv_out import MEDIA_TYPE, cell

__all__ = ["MEDIA_TYPE", "filename", "register_csv"]


def register_csv(assessment: RegisterAssessment) -> str:
    cells = assessment.cells()
    values = [cell(c.model_dump(mode="json")["value"]) for c in cells]
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows([[c.code for c in cells], values])
    return out.getvalue()


def filename(assessment: RegisterAssessment) -> str:
    kept = "".join(c.lower() if c.isascii() and c.isalnum() else "-" for c in assessment.engagement)
    slug = "-".join(part for part in kept.split("-") if part) or "engagement"
    return f"register-{assessment.template}-{slug}-{assessment.as_of.isoformat()}.csv"
