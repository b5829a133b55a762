"""The labelled proposal documents as training examples, and the frozen test split.

Every folder under ``benchmarks/proposals`` with a ``labels.json`` (and the root itself)
gives documents; a document is its own group, named ``<folder>/<file stem>`` (the root folder
is ``docs``). A document belongs to the **frozen test split** when the SHA-256 of its group
name starts with ``0``, ``1`` or ``2`` (about 3 in 16): training and cross-validation never
see it, and it is scored once, at the end.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from inhouse.analysis.documents import read_document
from inhouse.analysis.proposals.document import parse_document
from inhouse.analysis.proposals.kinds import detect_kind
from inhouse.analysis.proposals.model import features
from inhouse.analysis.proposals.signals import DETECTORS

ROOT = Path(__file__).resolve().parents[5] / "benchmarks" / "proposals"
FROZEN_PREFIXES = ("0", "1", "2")


@dataclass(frozen=True)
class Example:
    group: str
    labels: dict[str, bool]
    #: the rules' verdict and cue features, per signal
    rules: dict[str, bool]
    cues: dict[str, dict[str, float]]
    grams: dict[int, float]

    @property
    def frozen(self) -> bool:
        return is_frozen(self.group)


def is_frozen(group: str) -> bool:
    return hashlib.sha256(group.encode("utf-8")).hexdigest().startswith(FROZEN_PREFIXES)


def folders(root: Path = ROOT) -> list[Path]:
    return [root, *sorted(p for p in root.iterdir() if p.is_dir() and (p / "labels.json").exists())]


def examples(root: Path = ROOT) -> list[Example]:
    """Every labelled document, in folder then label order."""
    out = []
    for folder in folders(root):
        name = "docs" if folder == root else folder.name
        for label in json.loads((folder / "labels.json").read_text(encoding="utf-8")):
            path = folder / "docs" / label["file"]
            text = read_document(path.read_bytes(), path.name).text
            document = parse_document(text, detect_kind(text))
            rules, cues = {}, {}
            for detector in DETECTORS:
                weighing = detector.weigh(document)
                rules[detector.name] = detector.result(weighing, document).value
                cues[detector.name] = features.cue_features(weighing, rules[detector.name], document)
            out.append(
                Example(
                    group=f"{name}/{Path(label['file']).stem}",
                    labels={k: bool(v) for k, v in label["signals"].items()},
                    rules=rules,
                    cues=cues,
                    grams=features.ngram_features(features.partner_text(document)),
                )
            )
    return out


def input_checksums(root: Path = ROOT) -> dict[str, str]:
    """SHA-256 of each labels file and document, by path under the repository."""
    base = root.parents[1]
    sums = {}
    for folder in folders(root):
        for path in [folder / "labels.json", *sorted((folder / "docs").iterdir())]:
            sums[str(path.relative_to(base))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return dict(sorted(sums.items()))
