"""What each documentation item looks like: file names, folder names and headings.

A *signal* gives a strength: 3 for an unmistakable match (a file called RUNBOOK.md, a
heading "Troubleshooting", a "Model card"), 2 for a good one (a section set such as a
model card's "Intended use" and "Training data", an ADR folder), 1 for a weak one (an
"Overview" heading in a README). The auditor keeps the strongest, then the most current.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

#: Files named like this are an operations guide: their overview counts as "how it works".
OPERATIONS_FILES = re.compile(
    r"^(runbooks?|operations?|ops|operating|operator|operations?[ ]guide|operators?[ ]guide|"
    r"run[ ]?book|handbook|playbook|maintenance[ ]guide|support[ ]guide|sre)$"
)

_W = r"(?:^|\b)"

HEADINGS: dict[str, list[tuple[str, int]]] = {
    "how_it_works": [
        (r"how (it|this|the [a-z ]{1,30}) works?", 3),
        (r"(system|solution|platform|service|pipeline) overview", 3),
        (r"data ?flow", 3),
        (r"under the hood", 3),
        (r"internals", 3),
        (r"how (it|this) is built", 3),
        (r"(main )?components", 2),
        (r"(technical )?overview", 1),
        (r"(system )?design", 1),
    ],
    "architecture": [
        (r"architecture", 3),
        (r"system design", 3),
        (r"(high|low)[ -]level design", 3),
        (r"design (overview|document|doc)", 3),
        (r"infrastructure( overview| diagram)?$", 2),
        (r"components? diagram", 2),
    ],
    "troubleshooting": [
        (r"trouble ?shoot", 3),
        (r"(common|known|frequent) (problems|issues|errors|pitfalls|failures)", 3),
        (r"when (things|something|it) (go(es)? wrong|breaks?|fails?)", 3),
        (r"failure modes?", 3),
        (r"incident( response| handling)?", 3),
        (r"on[- ]?call", 3),
        (r"debug(ging)?", 2),
        (r"faq|frequently asked", 2),
        (r"diagnos(is|e|ing|tics)", 2),
        (r"recover(y|ing)?", 2),
        (r"roll ?back", 2),
        (r"(alerts?|alarms?) and (what to do|responses?|actions?)", 3),
        (r"if (something|it|a [a-z]+) (breaks|fails|goes wrong)", 3),
    ],
    "setup": [
        (r"set ?up|set-up", 3),
        (r"install(ation|ing)?", 3),
        (r"getting started", 3),
        (r"quick ?start", 3),
        (r"how to (run|build|deploy|start|use)", 3),
        (r"running( it| locally| the [a-z ]+)?$", 3),
        (r"^run( it| locally| the [a-z ]+)?$", 3),
        (r"local development|development (setup|environment)", 3),
        (r"deploy(ment|ing)?", 2),
        (r"prerequisites|requirements to run", 2),
        (r"usage", 2),
        (r"build(ing)?( from source)?$", 2),
    ],
    "model_card": [
        (r"model ?card", 3),
        (r"model (details|description|documentation|overview)", 3),
    ],
    "datasheet": [
        (r"data ?sheet", 3),
        (r"data(set)? ?card", 3),
        (r"data(set)? documentation", 3),
        (r"data dictionary", 3),
        (r"data (sources?|schema|lineage|provenance|description|catalog(ue)?)", 2),
        (r"datasets?( used| description| overview)?$", 2),
        (r"training data(set)?$", 1),
    ],
}

FILE_NAMES: dict[str, list[tuple[str, int]]] = {
    "how_it_works": [(r"how[ ]it[ ]works|overview|system[ ]overview|internals|data[ ]?flow", 3)],
    "architecture": [(r"architecture|arch|system[ ]design|design|design[ ]doc", 3)],
    "troubleshooting": [
        (r"trouble[ ]?shoot(ing)?|faq|known[ ]issues|incidents?|debugging|on[ ]?call", 3),
        (r"run[ ]?books?", 2),
    ],
    "setup": [
        (
            r"install(ation)?|set[ ]?up|getting[ ]started|quick[ ]?start|deploy(ment|ing)?|"
            r"running|how[ ]to[ ]run|development|building",
            3,
        ),
        (r"contributing|usage", 2),
    ],
    "model_card": [(r"model[ ]?cards?|model[ ]documentation", 3), (r"models?", 1)],
    "datasheet": [
        (r"data[ ]?sheets?|data(set)?[ ]?cards?|data[ ]dictionary|data[ ]documentation", 3),
        (r"datasets?|data", 1),
    ],
}

#: Folders whose files document one item (adr-tools' doc/adr, MADR's docs/decisions...).
FOLDERS: dict[str, list[tuple[str, int]]] = {
    "architecture": [(r"adrs?|decisions|architecture([ ]decisions)?|design", 2)],
    "model_card": [(r"model[ ]?cards?", 3), (r"models?", 1)],
    "datasheet": [(r"data[ ]?sheets?|data(set)?[ ]?cards?", 3)],
    "troubleshooting": [(r"run[ ]?books?|troubleshooting|incidents?", 2)],
}

#: A model card's (Mitchell et al., 2019) and a datasheet's (Gebru et al., 2021) usual sections:
#: two or three of them in one file make it one, even without the name.
SECTION_SETS: dict[str, tuple[set[str], int]] = {
    "model_card": (
        {
            "intended use",
            "intended uses",
            "model details",
            "factors",
            "metrics",
            "evaluation data",
            "training data",
            "quantitative analyses",
            "ethical considerations",
            "caveats and recommendations",
            "limitations",
            "out of scope use",
            "evaluation",
            "performance",
            "bias risks and limitations",
        },
        2,
    ),
    "datasheet": (
        {
            "motivation",
            "composition",
            "collection process",
            "collection",
            "preprocessing",
            "preprocessing cleaning labeling",
            "labeling",
            "uses",
            "distribution",
            "maintenance",
            "data sources",
            "data schema",
            "schema",
            "fields",
            "provenance",
            "licence",
            "license",
        },
        3,
    ),
}
_SET_ANCHORS = {
    "model_card": ("intended use", "model details", "training data", "evaluation data"),
    "datasheet": ("composition", "collection process", "collection", "data sources", "motivation"),
}

_COMPILED = {kind: [(re.compile(rf"{_W}(?:{p})"), s) for p, s in pats] for kind, pats in HEADINGS.items()}
_FILES = {kind: [(re.compile(rf"^({p})$"), s) for p, s in pats] for kind, pats in FILE_NAMES.items()}
_FOLDERS = {kind: [(re.compile(rf"^({p})$"), s) for p, s in pats] for kind, pats in FOLDERS.items()}


def normalise(text: str) -> str:
    """Lower case, numbering and punctuation gone: "2.1 Trouble-shooting!" -> "trouble shooting"."""
    text = re.sub(r"^\s*((\d+|[ivxIVX]+|[A-Za-z])[.)]|\d+(\.\d+)+)\s+", "", text)
    text = re.sub(r"[^\w\s]|_", " ", text.lower())
    return re.sub(r"\s+", " ", text).strip()


def stem(path: str) -> str:
    name = PurePosixPath(path).name
    for suffix in PurePosixPath(name).suffixes[-1:]:
        name = name[: -len(suffix)]
    name = re.sub(r"^\d+[-_ ]*", "", name)  # 01-setup.md
    return normalise(name.replace("-", " ").replace("_", " "))


def heading_strength(kind: str, heading: str) -> int:
    text = normalise(heading)
    return max((s for p, s in _COMPILED[kind] if p.search(text)), default=0)


def file_strength(kind: str, path: str) -> int:
    name = stem(path)
    if name in ("readme", "index", "home"):
        return 0
    return max((s for p, s in _FILES[kind] if p.match(name)), default=0)


def folder_strength(kind: str, path: str) -> int:
    folders = [normalise(part.replace("-", " ").replace("_", " ")) for part in PurePosixPath(path).parts[:-1]]
    return max((s for p, s in _FOLDERS.get(kind, []) for f in folders if p.match(f)), default=0)


def is_operations_file(path: str) -> bool:
    return bool(OPERATIONS_FILES.match(stem(path)))


def section_set(kind: str, headings: list[str]) -> list[str]:
    """The headings of ``headings`` that belong to ``kind``'s section set, when enough of them do."""
    names, needed = SECTION_SETS[kind]
    hits = [h for h in headings if normalise(h) in names]
    anchored = any(normalise(h) in _SET_ANCHORS[kind] for h in hits)
    return hits if len({normalise(h) for h in hits}) >= needed and anchored else []
