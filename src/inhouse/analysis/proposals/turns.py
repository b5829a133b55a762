"""Speaker turns: spans of a document said or written by one person, shared by the parsers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Turn:
    """A span of text said or written by one speaker (``None``: the document's author)."""

    speaker: str | None
    start: int
    end: int


@dataclass
class Conversation:
    turns: list[Turn]
    affiliations: dict[str, set[str]] = field(default_factory=dict)  # speaker -> org tokens

    @property
    def speakers(self) -> list[str]:
        seen: dict[str, None] = {}
        for turn in self.turns:
            if turn.speaker:
                seen.setdefault(turn.speaker, None)
        return list(seen)


_GAP = re.compile(r"[\s>]*")  # blank lines, or the ">" markers of a quoted reply


def merge_turns(turns: list[Turn], text: str) -> list[Turn]:
    """Join a speaker's consecutive spans when only blank (or blank quoted) lines stand between them."""
    merged: list[Turn] = []
    for turn in turns:
        last = merged[-1] if merged else None
        if (
            last
            and last.speaker == turn.speaker
            and last.end <= turn.start
            and _GAP.fullmatch(text[last.end : turn.start])
        ):
            merged[-1] = Turn(last.speaker, last.start, turn.end)
        else:
            merged.append(turn)
    return merged


def compact(value: str) -> str:
    return re.sub(r"[^a-z0-9]", "", value.lower())
