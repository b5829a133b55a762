"""Who is who in an engagement: matching what people write (a name, an email, a team) to a side.

Review notes say "Dana", "Tomas Ribeiro", "Mei Chen <mei.chen@quantialabs.io>"; trackers export
display names; ADRs list deciders. ``Roster.match`` turns each into the person (or organisation)
it names and its side, or ``None`` when it cannot tell: never a guess between two people.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from inhouse.domain.common import Side
from inhouse.domain.organisations import Person
from inhouse.domain.shapes import MAX_ITEMS, Input, Name, OptionalTitle, Ref, Shape, lowered

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_ADDRESS = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PARENTHESES = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*")
_TEAM_WORDS = {
    Side.INTERNAL: ("internal", "internal team", "client", "client team", "in house", "inhouse"),
    Side.PARTNER: ("partner", "partner team", "vendor", "supplier", "contractor"),
}


def fold(text: str) -> str:
    """Lowercase, accents removed, punctuation turned to spaces: ``"Tomás  Ribeiro."`` -> ``"tomas ribeiro"``."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


@dataclass(frozen=True)
class Match:
    """``text`` as written, the canonical ``name`` it resolved to and that name's ``side``."""

    text: str
    name: str | None = None
    side: Side | None = None


class Roster:
    """The people of one engagement, the client and partner names, and their email domains."""

    def __init__(
        self,
        people: Iterable[Person],
        client_name: str = "",
        partner_name: str = "",
        partner_domains: Iterable[str] = (),
    ) -> None:
        self.people = list(people)
        self._keys: dict[str, tuple[str, Side]] = {}
        firsts: dict[str, list[tuple[str, Side]]] = {}
        for person in self.people:
            entry = (person.name, person.side)
            self._keys[fold(person.name)] = entry
            for email in person.emails:
                self._keys[email.lower()] = entry
            parts = fold(person.name).split()
            if parts:
                firsts.setdefault(parts[0], []).append(entry)
        self._first_names = {k: v[0] for k, v in firsts.items() if len(v) == 1 and k not in self._keys}
        self._orgs: dict[str, tuple[str, Side]] = {}
        for side, words in _TEAM_WORDS.items():
            for word in words:
                self._orgs[word] = (word, side)
        if client_name:
            self._orgs[fold(client_name)] = (client_name, Side.INTERNAL)
        if partner_name:
            self._orgs[fold(partner_name)] = (partner_name, Side.PARTNER)
        self._domains: dict[str, Side] = {}
        for person in self.people:
            if person.side in (Side.INTERNAL, Side.PARTNER):
                for email in person.emails:
                    self._domains.setdefault(email.split("@")[-1].lower(), person.side)
        for domain in partner_domains:
            self._domains[domain.lower()] = Side.PARTNER
        self.client_name, self.partner_name = client_name, partner_name
        self._matched: dict[str, Match] = {}  # the same few names recur in every week's records

    def names(self, side: Side) -> list[str]:
        return [p.name for p in self.people if p.side is side]

    def match(self, text: str) -> Match:
        found = self._matched.get(text)
        if found is None:
            found = self._matched[text] = self._match(text)
        return found

    def _match(self, text: str) -> Match:
        written = " ".join(str(text).split())
        emails = _EMAIL.findall(written)
        for email in emails:
            if email.lower() in self._keys:
                name, side = self._keys[email.lower()]
                return Match(written, name, side)
        without_email = _EMAIL.sub(" ", written).replace("<", " ").replace(">", " ")
        for candidate in (without_email, _PARENTHESES.sub(" ", without_email)):
            key = fold(candidate)
            if not key:
                continue
            if key in self._keys:
                name, side = self._keys[key]
                return Match(written, name, side)
            if key in self._first_names:
                name, side = self._first_names[key]
                return Match(written, name, side)
            if key in self._orgs:
                name, side = self._orgs[key]
                return Match(written, name, side)
        for email in emails:
            domain_side = self._domains.get(email.split("@")[-1].lower())
            if domain_side is not None:
                return Match(written, None, domain_side)
        return Match(written)

    def side_of(self, text: str) -> Side | None:
        return self.match(text).side

    def internal(self, texts: Iterable[str]) -> list[str]:
        """The canonical names of the internal people among ``texts`` (each once, in order)."""
        found: list[str] = []
        for text in texts:
            match = self.match(text)
            if match.side is Side.INTERNAL:
                name = match.name or match.text
                if name not in found:
                    found.append(name)
        return found


def split_names(values: Iterable[str]) -> list[str]:
    """``["Dana, Mei", " Lukas "]`` -> ``["Dana", "Mei", "Lukas"]`` (commas, semicolons, " and ")."""
    out: list[str] = []
    for value in values:
        for part in re.split(r"[;,\n]|\s+and\s+|\s+&\s+", str(value)):
            part = " ".join(part.strip().lstrip("-*+•").split())
            if part and part not in out:
                out.append(part)
    return out


def _address(value: str) -> str:
    clean = value.strip().lower()
    if len(clean) > 320 or "\x00" in clean or not _ADDRESS.match(clean):
        raise PydanticCustomError("email", "must be an email address, not '{value}'", {"value": value})
    return clean


Email = Annotated[str, AfterValidator(_address)]
"""An email address, lowercased (as git authors and review notes are matched against it)."""


Role = OptionalTitle
"""What someone does (``ML engineer``): may be empty, at most 200 characters."""


class PersonIn(Input):
    """Someone on the internal or the partner side; a partner-side person names their partner."""

    name: Name
    side: Side
    emails: list[Email] = Field(default_factory=list, max_length=MAX_ITEMS)
    partner: Ref | None = Field(default=None, validate_default=True)
    role: Role = ""

    _side = field_validator("side", mode="before")(lowered)

    @field_validator("emails")
    @classmethod
    def _once(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))

    @field_validator("partner")
    @classmethod
    def _partner_side(cls, value: str | None, info: ValidationInfo) -> str | None:
        side = info.data.get("side")
        if side is Side.PARTNER and not value:
            raise ValueError("is required for a partner-side person")
        if side is not None and side is not Side.PARTNER and value:
            raise ValueError(f"only applies to partner-side people, not {side.value}")
        return value


class PeopleQuery(Input):
    """Which people to list: one side's, one partner's or one engagement's (all when empty)."""

    side: Side | None = None
    partner: Ref | None = None
    engagement: Ref | None = None

    _side = field_validator("side", mode="before")(lowered)


class PersonRecord(Shape):
    """One person as ``inhouse person list --json`` shows them."""

    id: int
    name: str
    side: Side
    emails: list[str]
    role: str
    partner: str | None

    @classmethod
    def of(cls, person: Person, partner: str | None = None) -> PersonRecord:
        assert person.id is not None, "a stored person has an id"
        return cls(
            id=person.id,
            name=person.name,
            side=person.side,
            emails=list(person.emails),
            role=person.role,
            partner=partner,
        )
