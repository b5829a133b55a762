"""The parties to a contract and the side each is on.

Parties are found where contracts define them: the preamble ("between Acme Inc., a Delaware
corporation ("Client"), and ...") and labels such as "Client: Acme Inc.". A party's role
comes from its defined term: client-side terms (Client, Customer, Buyer, Licensee...) and
vendor-side terms (Vendor, Supplier, Provider, Contractor, Consultant, Licensor...).
A term that tells neither (e.g. "Company") takes the side the other party leaves free.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CLIENT_TERMS = ("client", "customer", "buyer", "purchaser", "subscriber")
VENDOR_TERMS = (
    "vendor",
    "supplier",
    "provider",
    "service provider",
    "contractor",
    "consultant",
    "developer",
    "agency",
    "seller",
    "advisor",
    "adviser",
    "integrator",
    "consultancy",
    "studio",
)
# Terms of other kinds of contract, with the side each stands on for who-binds-whom.
OTHER_SIDES = {
    "licensee": "client",
    "licensor": "vendor",
    "manufacturer": "vendor",
    "distributor": "client",
    "reseller": "client",
    "franchisee": "client",
    "franchisor": "vendor",
    "sponsor": "client",
    "company": "",
    "partner": "",
    "owner": "",
    "principal": "",
    "recipient": "",
    "agent": "",
    "employee": "vendor",
    "executive": "vendor",
    "employer": "client",
}
_ROLE_OF = {**{term: "client" for term in CLIENT_TERMS}, **{term: "vendor" for term in VENDOR_TERMS}}
_AMBIGUOUS = {term for term, side in OTHER_SIDES.items() if not side}

_QUOTE = "\"“”'‘’"
# Whitespace quantifiers are possessive (``*+``, ``++``): what follows each is never whitespace, so giving
# characters back could not help a match, and a long run of spaces stays linear instead of quadratic.
_DEFINED = re.compile(
    rf"(?P<name>[A-ZÀ-ÖØ-Þ][\w&.,'’\- ]{{1,90}}?)\s*+,?\s*+(?:\((?:a|an)\s[^()]{{0,160}}\)\s*+,?\s*+)?"
    rf"(?:\b(?:a|an)\s++[^()]{{0,200}}?)?"
    rf"\(\s*+(?:the\s++|hereinafter\s++(?:referred\s++to\s++as\s++)?(?:the\s++)?|referred\s++to\s++(?:herein\s++)?as\s++(?:the\s++)?)?"
    rf"[{_QUOTE}](?P<alias>[A-Z][A-Za-z \-]{{1,40}})[{_QUOTE}]"
)
_LABEL = re.compile(
    r"^[ \t*#|]*(?:(?:From|To|For)[ \t]+the[ \t]+)?(?P<alias>Client|Customer|Vendor|Supplier|Provider|Service Provider|"
    r"Contractor|Consultant|Licensor|Licensee|Buyer|Seller|Company|Advisor|Adviser)[ \t*]*:[ \t*]*(?P<name>[A-Z][^\n|]{1,80})$",
    re.MULTILINE,
)
# A party on a line of its own whose defined term comes late on the line, after a registration number in
# parentheses or an address ("(1) X LIMITED, a company incorporated in ... (company number 1) whose registered
# office is at ... (the "Customer")"), without parentheses ("..., hereinafter referred to as the "Principal";"),
# or on the next line ("X GmbH, Ringweg 2, Graz,\nhereinafter referred to as the "Buyer""), also after a blank line and
# between dashes ("X GmbH, Hauptweg 3\n\n– hereinafter the "Buyer" –"),
# without quotes when it is a role ("... Ballarat VIC 3350 (Principal)"), or after a dash (X AG, Zug — the "Buyer" —).
_ROLE_WORDS = "|".join(
    sorted((w.title() for w in (*CLIENT_TERMS, *VENDOR_TERMS, *OTHER_SIDES) if w != "company"), key=len, reverse=True)
)
_PARTY_LINE = re.compile(
    rf"(?m)^[ \t*#>|-]*+(?:\(?[0-9]{{1,2}}[.)]|\(?[a-z][.)])?[ \t]*+(?P<name>[A-ZÀ-ÖØ-Þ][\w&.'’\- ]{{2,90}})[ \t]*+,?"
    rf"[^\n]{{0,600}}?(?:\([ \t]*+(?:the[ \t]++|hereinafter[ \t]++(?:(?:referred[ \t]++to[ \t]++as|called|known[ \t]++as)[ \t]++)?"
    rf"(?:the[ \t]++)?)?[{_QUOTE}](?P<alias>[A-Z][A-Za-z \-]{{1,40}})[{_QUOTE}]|,?[ \t]*+(?:\n[ \t]*+){{0,2}}(?:[—–-][ \t]*+)?hereinafter[ \t]++"
    rf"(?:(?:referred[ \t]++to[ \t]++as|called|known[ \t]++as)[ \t]++)?(?:the[ \t]++)?[{_QUOTE}](?P<alias2>[A-Z][A-Za-z \-]{{1,40}})"
    rf"[{_QUOTE}]|\((?:the[ \t]++)?(?P<alias3>{_ROLE_WORDS})\)|[—–][ \t]*+(?:the[ \t]++)?[{_QUOTE}](?P<alias4>[A-Z][A-Za-z \-]{{1,40}})"
    rf"[{_QUOTE}])"
)
# (names may hold letters beyond ASCII: "Brünnerhof AG", "Société Lumière SARL")
_NAME_NOISE = re.compile(r"^(?:by\s+and\s+)?(?:between|among|and|by|with)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Party:
    name: str
    term: str  # the defined term: "Client", "Supplier", "Acme"
    role: str  # client | vendor, or the defined term lower-cased for other kinds ("licensor")
    side: str = ""  # client | vendor | "" (unknown): whom an obligation of this party binds


def find_parties(text: str) -> list[Party]:
    head = re.sub(r"\*\*|__|(?<=\w)\*|\*(?=\w)", "", text[:6000])  # Markdown emphasis around names
    found: dict[str, Party] = {}
    for match in _DEFINED.finditer(head):
        alias = match.group("alias").strip()
        name = _clean_name(match.group("name"))
        if not name or alias.lower() in ("agreement", "effective date", "services", "parties", "party"):
            continue
        role, side = _role_for(alias)
        if alias not in found and (side or role or _looks_like_company(name)):
            found[alias] = Party(name=name, term=alias, role=role or alias.lower(), side=side)
    for match in _LABEL.finditer(text[:8000]):
        alias = match.group("alias")
        if alias not in found:
            name = _clean_name(match.group("name"))
            if name:
                role, side = _role_for(alias)
                found[alias] = Party(name=name, term=alias, role=role or alias.lower(), side=side)
    if len(found) < 2:
        for match in _PARTY_LINE.finditer(head):
            alias = next(match.group(g) for g in ("alias", "alias2", "alias3", "alias4") if match.group(g)).strip()
            name = _clean_name(match.group("name"))
            role, side = _role_for(alias)
            if (
                name
                and alias not in found
                and (side or role)
                and alias.lower() not in ("agreement", "parties", "party")
            ):
                found[alias] = Party(name=name, term=alias, role=role or alias.lower(), side=side)
    parties = list(found.values())[:4]
    return _sides_from_roles(_settle_ambiguous(parties), text)


def _sides_from_roles(parties: list[Party], text: str) -> list[Party]:
    """When no defined term tells a side ("the Partner", "the JV Company"), the one who pays for the
    services is the client and the one paid or appointed to provide them the vendor: "A shall pay B a fee",
    "A appoints B to provide the Services"."""
    if len(parties) < 2 or any(p.side for p in parties):
        return parties
    terms = "|".join(re.escape(p.term) for p in sorted(parties, key=lambda p: -len(p.term)))
    match = re.search(
        rf"\b(?:the\s+)?(?P<client>{terms})\s+(?:shall|will|agrees? to|must)\s+pay\s+(?:to\s+)?(?:the\s+)?(?P<vendor>{terms})\b"
        rf"|\b(?:the\s+)?(?P<client2>{terms})\s+(?:hereby\s+)?(?:appoints|engages|retains)\s+(?:the\s+)?(?P<vendor2>{terms})\s+"
        rf"(?:to|as)\b",
        text,
    )
    if match is None:
        return parties
    client = match.group("client") or match.group("client2")
    vendor = match.group("vendor") or match.group("vendor2")
    if client == vendor:
        return parties
    sides = {client: "client", vendor: "vendor"}
    return [Party(p.name, p.term, p.role, sides[p.term]) if p.term in sides else p for p in parties]


def _role_for(alias: str) -> tuple[str, str]:
    """(role, side) for a defined term; role is empty when the term is another kind's."""
    lowered = alias.lower().strip()
    last = lowered.split()[-1] if lowered.split() else ""
    for key in (lowered, last):
        if key in _ROLE_OF:
            return _ROLE_OF[key], _ROLE_OF[key]
        if key in OTHER_SIDES:
            return key, OTHER_SIDES[key]
    return "", ""


def _settle_ambiguous(parties: list[Party]) -> list[Party]:
    """'Company' or 'Partner' take the side the other party does not hold."""
    if len(parties) < 2:
        return parties
    settled = []
    for party in parties:
        if not party.side:
            others = {p.side for p in parties if p is not party and p.side}
            if others == {"vendor"}:
                party = Party(party.name, party.term, "client" if party.role in _AMBIGUOUS else party.role, "client")
            elif others == {"client"}:
                party = Party(party.name, party.term, "vendor" if party.role in _AMBIGUOUS else party.role, "vendor")
        settled.append(party)
    return settled


def _clean_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name.replace("**", "").replace("__", "")).strip(" ,;:*_")
    if name.endswith(".") and not re.search(r"\b(?:Inc|Ltd|Corp|Co|L\.?L\.?C|S\.?A|N\.?V|B\.?V|P\.?C)\.$", name):
        name = name.rstrip(".")
    name = _NAME_NOISE.sub("", name)
    name = re.split(r"\b(?:between|among)\s+", name)[-1]
    return name.strip(" ,;:")


def _looks_like_company(name: str) -> bool:
    return bool(
        re.search(
            r"\b(?:Inc|LLC|Ltd|Limited|Corp|Corporation|GmbH|AG|S\.?A|B\.?V|N\.?V|plc|LLP|LP|Co|Company|Pty|SAS|Oy|AB|KK)\b\.?|"
            # institutions that sign contracts too: "the Regents of X University", "Y Health Trust"
            r"\b(?:University|College|Institute|Trust|Foundation|Hospital|Council|Authority|Regents|Trustees|Commission|"
            r"Society|Association|Department|Ministry|Municipality)\b",
            name,
        )
    )


def side_of_term(word: str, parties: list[Party]) -> str | None:
    """The side (client | vendor) a word in the text stands for: a defined term, a party's
    name, or a generic term; None when it tells no side."""
    lowered = word.lower().strip()
    for party in parties:
        first = party.name.split()[0].lower() if party.name.split() else ""
        if lowered in (party.term.lower(), party.name.lower()) or (len(first) > 3 and lowered == first):
            return party.side or None
    if lowered in _ROLE_OF:
        return _ROLE_OF[lowered]
    return OTHER_SIDES.get(lowered) or None
