"""The labelled sentences the contract models learn from, and the documents they are scored on.

Sources (read only when present; the CUAD texts live in ``../shared``):

- CUAD v1 dev contracts (``shared/data/cuad-contracts``) with their annotated spans
  (``shared/data/cuad-clauses/dev.jsonl``): a sentence is positive for a decision when it overlaps a
  span of one of the decision's CUAD categories, negative otherwise; a contract holds the decision
  when it has such a category.
- The project's hand labels of CUAD contracts (``benchmarks/contracts/cuad/labels_*.jsonl``) and of
  its written contracts (``benchmarks/contracts/written/labels_written.jsonl``): each evidence quote
  makes the sentences it overlaps positive; a contract holds a clause kind when its verdict is not
  ``absent``, a red flag when it is listed.

Contracts of the frozen test split (``benchmarks/contracts/cuad/README.md``) are left out unless
asked for. Sentences come from the reviewer's own splitter (:mod:`..structure`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from inhouse.analysis.contracts.context import Context
from inhouse.analysis.documents import read_document

ROOT = Path(__file__).resolve().parents[5]
LABELS = ROOT / "benchmarks" / "contracts"

#: decision -> CUAD categories whose spans are its positive sentences
CUAD_CATEGORIES: dict[str, tuple[str, ...]] = {
    "auto_renewal": ("Renewal Term",),
    "exclusivity": ("Exclusivity",),
    "minimum_commitment": ("Minimum Commitment",),
    "termination_fee": ("Liquidated Damages",),
    "termination_for_convenience": ("Termination for Convenience",),
    "vendor_retains_ip": (),
    "deliverable_ownership": ("IP Ownership Assignment", "Joint IP Ownership", "License Grant"),
    "knowledge_transfer": (),
    "source_access": ("Source Code Escrow",),
    "maintenance": (),
    "exit": ("Termination for Convenience", "Post-Termination Services"),
}
FLAGS = (
    "auto_renewal",
    "exclusivity",
    "minimum_commitment",
    "termination_fee",
    "termination_for_convenience",
    "vendor_retains_ip",
)
CLAUSES = ("deliverable_ownership", "knowledge_transfer", "source_access", "maintenance", "exit")
#: the hand labels' red flag kind of a flag decision (termination for convenience has none: its
#: label is the absence of the right, whose evidence is the for-cause clauses)
HAND_FLAG = {flag: flag for flag in FLAGS if flag != "termination_for_convenience"}


@dataclass
class Document:
    name: str
    group: str
    source: str  # cuad | written
    frozen: bool
    sentences: list[str]
    #: decision -> indices of its positive sentences; a decision absent here is not labelled
    positives: dict[str, set[int]] = field(default_factory=dict)
    #: decision -> does the contract hold it; a decision absent here is unknown
    gold: dict[str, bool] = field(default_factory=dict)
    text: str = field(default="", repr=False)


def group_name(file: str) -> str:
    """The frozen-split group of a CUAD file: its name without ``.txt`` and a trailing part number."""
    stem = file[:-4] if file.endswith(".txt") else file
    return re.sub(r"(?:[_ -]?part)?\d+$", "", stem, flags=re.IGNORECASE).strip(" _-")


def is_frozen(file: str) -> bool:
    """Whether a CUAD contract belongs to the frozen test split (README's rule)."""
    return hashlib.sha256(group_name(file).encode("utf-8")).hexdigest()[0] in "012"


def shared_dir(explicit: str | Path | None = None) -> Path | None:
    for candidate in (explicit, ROOT.parent / "shared"):
        if candidate and Path(candidate, "data", "cuad-contracts").is_dir():
            return Path(candidate)
    return None


class _Normalised:
    """A text with whitespace runs collapsed to one space, and the map back to sentence ranges."""

    def __init__(self, text: str) -> None:
        pieces, offsets = [], [0] * (len(text) + 1)
        position = 0
        cursor = 0
        for match in re.finditer(r"\s+", text):
            chunk = text[cursor : match.start()]
            for i in range(len(chunk)):
                offsets[cursor + i] = position + i
            position += len(chunk)
            pieces.append(chunk)
            for i in range(match.start(), match.end()):
                offsets[i] = position
            pieces.append(" ")
            position += 1
            cursor = match.end()
        chunk = text[cursor:]
        for i in range(len(chunk)):
            offsets[cursor + i] = position + i
        position += len(chunk)
        pieces.append(chunk)
        offsets[len(text)] = position
        self.text = "".join(pieces)
        self.lower = self.text.lower()
        self.offsets = offsets

    def find(self, quote: str) -> list[tuple[int, int]]:
        """The ranges of ``quote``'s pieces (CUAD cuts with ``<omitted>``) found in the text."""
        found = []
        for piece in quote.split("<omitted>"):
            piece = " ".join(piece.split()).strip(" .;,")
            if len(piece) < 8:
                continue
            at = self.text.find(piece)
            if at < 0:
                at = self.lower.find(piece.lower())
            if at >= 0:
                found.append((at, at + len(piece)))
        return found


def _overlapping(ranges: list[tuple[int, int]], spans: Iterable[tuple[int, int]]) -> set[int]:
    hits = set()
    for a, b in spans:
        need = min(20, max(1, (b - a) // 2))
        for index, (s, e) in enumerate(ranges):
            if min(b, e) - max(a, s) >= min(need, e - s):
                hits.add(index)
    return hits


def _split(text: str) -> tuple[list[str], list[tuple[int, int]], _Normalised]:
    normal = _Normalised(text)
    sentences, ranges = [], []
    for sentence in Context.build(text).doc.sentences:  # as written: clauses an amendment replaces included
        if sentence.text.strip():
            sentences.append(sentence.text)
            ranges.append((normal.offsets[sentence.start], normal.offsets[sentence.end]))
    return sentences, ranges, normal


def _hand_labels(folder: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    labels = {}
    for path in sorted(folder.glob("labels_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                label = json.loads(line)
                labels[label["file"]] = label
    return labels


def _apply_hand(document: Document, label: dict, ranges: list[tuple[int, int]], normal: _Normalised) -> None:  # type: ignore[type-arg]
    for clause in CLAUSES:
        finding = label[clause]
        spans = [r for quote in finding["evidence"] for r in normal.find(quote)]
        document.positives.setdefault(clause, set()).update(_overlapping(ranges, spans))
        document.gold[clause] = finding["verdict"] != "absent"
    kinds = {flag["kind"]: flag for flag in label["red_flags"]}
    for decision, kind in HAND_FLAG.items():
        spans = [r for quote in kinds.get(kind, {}).get("evidence", []) for r in normal.find(quote)]
        document.positives.setdefault(decision, set()).update(_overlapping(ranges, spans))
        if document.source == "written" or not CUAD_CATEGORIES[decision]:
            document.gold[decision] = kind in kinds


def cuad_documents(shared: Path, *, frozen: bool = False) -> list[Document]:
    """The CUAD dev contracts (the frozen test split only when ``frozen``, else the others)."""
    base = shared / "data" / "cuad-contracts"
    spans: dict[str, dict[str, list[str]]] = {}
    for line in (shared / "data" / "cuad-clauses" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        spans.setdefault(record["contract"], {}).setdefault(record["category"], []).append(record["text"])
    hand = _hand_labels(LABELS / "cuad")
    documents = []
    for line in (base / "dev_labels.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        file = Path(entry["file"]).name
        if is_frozen(file) != frozen:
            continue
        text = (base / entry["file"]).read_text(encoding="utf-8")
        sentences, ranges, normal = _split(text)
        document = Document(
            name=file, group="cuad:" + group_name(file), source="cuad", frozen=frozen, sentences=sentences, text=text
        )
        categories = set(entry["categories"])
        mine = spans.get(entry["contract"], {})
        for decision, wanted in CUAD_CATEGORIES.items():
            if wanted:
                found = [r for category in wanted for quote in mine.get(category, []) for r in normal.find(quote)]
                document.positives[decision] = _overlapping(ranges, found)
                document.gold[decision] = bool(categories & set(wanted))
        if file in hand:
            _apply_hand(document, hand[file], ranges, normal)
        documents.append(document)
    return documents


def written_documents() -> list[Document]:
    """The project's written contracts with their hand labels."""
    folder = LABELS / "written"
    documents = []
    for file, label in _hand_labels(folder).items():
        text = read_document((folder / file).read_bytes(), file).text
        sentences, ranges, normal = _split(text)
        document = Document(
            name=file, group="written:" + file, source="written", frozen=False, sentences=sentences, text=text
        )
        _apply_hand(document, label, ranges, normal)
        documents.append(document)
    return documents


def documents(shared: Path | None, *, frozen: bool = False) -> list[Document]:
    """Every labelled document (CUAD ones when ``shared`` is given), frozen split excluded
    (or only it, when ``frozen``: the written contracts are never in it)."""
    found = cuad_documents(shared, frozen=frozen) if shared else []
    return found if frozen else found + written_documents()


def input_checksums(shared: Path | None) -> dict[str, str]:
    """The SHA-256 of each training input file (the texts are pinned by their labels' hashes)."""
    paths = sorted(LABELS.glob("cuad/labels_*.jsonl")) + sorted(LABELS.glob("written/labels_*.jsonl"))
    paths += sorted(p for p in (LABELS / "written").iterdir() if p.suffix in (".md", ".txt", ".html"))
    if shared:
        paths += [shared / "data/cuad-clauses/dev.jsonl", shared / "data/cuad-contracts/dev_labels.jsonl"]
    out = {}
    for path in paths:
        name = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else "shared/" + str(path.relative_to(shared))  # type: ignore[arg-type]
        out[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    if shared:
        digest = hashlib.sha256()
        for path in sorted((shared / "data/cuad-contracts/dev").glob("*.txt")):
            digest.update(path.name.encode("utf-8") + b"\0" + hashlib.sha256(path.read_bytes()).digest())
        out["shared/data/cuad-contracts/dev/*.txt"] = digest.hexdigest()
    return out
