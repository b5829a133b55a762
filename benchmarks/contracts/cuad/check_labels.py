"""Check the hand labels of CUAD contracts (GUIDELINES.md): every line in the format, and, when the
CUAD texts are present, each file's SHA-256 and every quote found verbatim in its text.

    python benchmarks/contracts/cuad/check_labels.py [--labels DIR] [--texts DIR]

``--labels`` names the folder whose ``labels_*.jsonl`` are read (default: this folder).

Exit 0 when every label is well formed (and every quote found), 1 otherwise, one line per problem.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

HERE = Path(__file__).resolve().parent
TEXTS = HERE.parents[3] / "shared" / "data" / "cuad-contracts" / "dev"

Quote = str
Evidence = list[Quote]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Ownership(Strict):
    verdict: Literal["client", "partial", "vendor", "absent"]
    conditions: bool
    evidence: Evidence


class Knowledge(Strict):
    verdict: Literal["present", "absent"]
    hours: float | None = Field(ge=0)
    evidence: Evidence


class Access(Strict):
    verdict: Literal["during", "after_only", "absent"]
    evidence: Evidence


class Maintenance(Strict):
    verdict: Literal["present", "absent"]
    free_months: float | None = Field(ge=0)
    monthly_fee: float | None = Field(ge=0)
    currency: str | None = Field(pattern=r"^[A-Z]{3}$")
    scope_defined: bool
    evidence: Evidence


class Exit(Strict):
    verdict: Literal["full", "partial", "absent"]
    evidence: Evidence


class Flag(Strict):
    kind: Literal[
        "auto_renewal",
        "exclusivity",
        "minimum_commitment",
        "termination_fee",
        "vendor_retains_ip",
        "no_termination_for_convenience",
    ]
    binds: Literal["client", "vendor", "both", "unknown"]
    evidence: Evidence


class ContractLabel(Strict):
    file: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    agreement: Literal[
        "development", "services", "outsourcing", "consulting", "hosting", "maintenance", "support", "licence", "other"
    ]
    client: str
    vendor: str
    engagement_model: Literal["project", "advisory", "mixed"]
    deliverable_ownership: Ownership
    knowledge_transfer: Knowledge
    source_access: Access
    maintenance: Maintenance
    exit: Exit
    red_flags: list[Flag]
    notes: str = ""

    def verdicts(self) -> list[tuple[str, str, Evidence]]:
        clauses: list[tuple[str, str, Evidence]] = [
            ("deliverable_ownership", self.deliverable_ownership.verdict, self.deliverable_ownership.evidence),
            ("knowledge_transfer", self.knowledge_transfer.verdict, self.knowledge_transfer.evidence),
            ("source_access", self.source_access.verdict, self.source_access.evidence),
            ("maintenance", self.maintenance.verdict, self.maintenance.evidence),
            ("exit", self.exit.verdict, self.exit.evidence),
        ]
        return clauses + [(f"red flag {f.kind}", "present", f.evidence) for f in self.red_flags]


def load(folder: Path = HERE) -> tuple[list[ContractLabel], list[str]]:
    """Every label of ``labels_*.jsonl`` in ``folder``, and the problems found reading them."""
    labels, problems, seen = [], [], set()
    for path in sorted(folder.glob("labels_*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{path.name}:{number}"
            try:
                label = ContractLabel.model_validate(json.loads(line))
            except (ValueError, ValidationError) as exc:
                problems.append(f"{where}: {str(exc).splitlines()[0]} {str(exc).splitlines()[1:3]}")
                continue
            if label.file in seen:
                problems.append(f"{where}: {label.file} is labelled twice")
            seen.add(label.file)
            for what, verdict, evidence in label.verdicts():
                if verdict not in ("absent",) and not evidence:
                    problems.append(f"{where}: {what} is {verdict} without evidence")
                for quote in evidence:
                    if not 20 <= len(quote) <= 400:
                        problems.append(f"{where}: {what}: a quote of {len(quote)} characters (20 to 400)")
            labels.append(label)
    return labels, problems


def check_texts(labels: list[ContractLabel], texts: Path) -> list[str]:
    problems = []
    for label in labels:
        path = texts / label.file
        if not path.exists():
            problems.append(f"{label.file}: no such text in {texts}")
            continue
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != label.sha256:
            problems.append(f"{label.file}: its SHA-256 is not the label's")
        text = data.decode("utf-8")
        for what, _, evidence in label.verdicts():
            for quote in evidence:
                if quote not in text:
                    problems.append(f"{label.file}: {what}: quote not found: {quote[:60]!r}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=HERE, help="the folder of labels_*.jsonl (default: this one)")
    parser.add_argument("--texts", type=Path, default=TEXTS, help="the CUAD dev texts (default: ../shared)")
    args = parser.parse_args()
    if not args.labels.is_dir():
        print(f"no such folder of labels: {args.labels}")
        return 2
    labels, problems = load(args.labels)
    if args.texts.is_dir():
        problems += check_texts(labels, args.texts)
    else:
        print(f"(no CUAD texts at {args.texts}: quotes not checked)")
    for problem in problems:
        print(problem)
    print(f"{len(labels)} contracts labelled, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
