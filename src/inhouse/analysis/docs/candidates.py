"""Finding, in every documentation file, the places that could be each audited item."""

from __future__ import annotations

import re
from dataclasses import dataclass

from inhouse.analysis.docs import catalog
from inhouse.analysis.docs.files import placeholder
from inhouse.analysis.docs.sections import Section
from inhouse.domain.docs_audit import ITEMS, DocKind, Location

_INTRO = {
    "overview",
    "introduction",
    "intro",
    "about",
    "summary",
    "what it does",
    "purpose",
    "background",
    "the system",
    "system",
}


@dataclass(frozen=True)
class Candidate:
    kind: DocKind
    location: Location
    strength: int
    text: str  # the text that describes the item (section body or whole file)

    @property
    def file(self) -> str:
        return self.location.file


def _file_match(kind: str, path: str) -> tuple[int, str]:
    by_name = catalog.file_strength(kind, path)
    by_folder = catalog.folder_strength(kind, path)
    if by_name >= by_folder:
        return by_name, "file name"
    return by_folder, "folder"


def find(path: str, text: str, sections: list[Section], nav_titles: tuple[str, ...] = ()) -> list[Candidate]:
    """Every candidate in one file: by its name or folder, its headings, its set of sections."""
    found: list[Candidate] = []
    headings = [s.heading for s in sections if s.heading]
    ops_file = catalog.is_operations_file(path)
    for kind in ITEMS:
        strength_of_file, how = _file_match(kind, path)
        for title in nav_titles:  # a title the site navigation (mkdocs nav) gives the file
            if catalog.heading_strength(kind, title) > strength_of_file:
                strength_of_file, how = catalog.heading_strength(kind, title), f"navigation title {title!r}"
        by_heading: list[Candidate] = []
        for section in sections:
            if not section.heading:
                continue
            strength = catalog.heading_strength(kind, section.heading)
            if kind == "how_it_works" and ops_file and catalog.normalise(section.heading) in _INTRO:
                strength = 3  # an operations guide's overview is how the system works
            if strength:
                by_heading.append(
                    Candidate(
                        kind,
                        Location(
                            file=path,
                            section=section.heading,
                            line=section.line,
                            match="heading",
                            placeholder=placeholder(section.body),
                        ),
                        strength,
                        section.body,
                    )
                )
        found.extend(by_heading)
        if strength_of_file and not any(
            c.strength >= strength_of_file and not c.location.placeholder for c in by_heading
        ):
            # (an as strong heading inside the file says more than the file's name)
            found.append(
                Candidate(
                    kind,
                    Location(file=path, section=None, line=None, match=how, placeholder=placeholder(text)),
                    strength_of_file,
                    text,
                )
            )
        if kind in catalog.SECTION_SETS:
            hits = catalog.section_set(kind, headings)
            if hits:
                first = next(s for s in sections if s.heading == hits[0])
                names = ", ".join(dict.fromkeys(hits))
                found.append(
                    Candidate(
                        kind,
                        Location(
                            file=path,
                            section=first.heading,
                            line=first.line,
                            match=f"sections: {names}",
                            placeholder=placeholder(text),
                        ),
                        2,
                        text,
                    )
                )
    return found


_NAV = re.compile(r"""^\s*-\s*['"]?([^:'"\n]+?)['"]?\s*:\s*['"]?([^'"\s]+\.(?:md|markdown|rst))['"]?\s*$""")
_DOCS_DIR = re.compile(r"""^docs_dir\s*:\s*['"]?([^'"\s#]+)""", re.M)


def mkdocs_titles(config: str) -> dict[str, tuple[str, ...]]:
    """``path -> titles`` from an mkdocs.yml ``nav`` (``- Troubleshooting: ops/faq.md``)."""
    docs_dir = _DOCS_DIR.search(config)
    folder = (docs_dir.group(1) if docs_dir else "docs").strip("/")
    titles: dict[str, list[str]] = {}
    for line in config.splitlines():
        found = _NAV.match(line)
        if found:
            titles.setdefault(f"{folder}/{found.group(2).lstrip('./')}", []).append(found.group(1).strip())
    return {path: tuple(names) for path, names in titles.items()}
