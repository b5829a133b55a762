"""Who is who: raw git authors merged into identities, each on a side, bots set apart.

Merging, in order: the repository's ``.mailmap`` at the scanned revision, explicit
alias groups, then conservative heuristics (the same email in another case; the
same full name of at least two words, accents and case ignored, but never across
organisations: the client and a partner, or two partners, as the side rules tell them
apart by email; a GitHub ``noreply`` address whose login is another author's name or
email user).

Bots and agents are set apart and hold no knowledge: CI and maintenance bots
(:data:`DEFAULT_BOT_PATTERNS`) and AI coding agents (:data:`DEFAULT_AGENT_PATTERNS`, kind
``agent``), recognised whenever bots are.

Sides, first match wins: the engagement's people (by email), the org-map file
(emails, ``@domains`` or names), then ``--internal-domain`` / ``--partner-domain``
(a domain also covers its subdomains). Anyone else is ``other``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from inhouse.domain.common import Side
from inhouse.domain.knowledge import IdentityKind
from inhouse.errors import InvalidInput

DEFAULT_BOT_PATTERNS: tuple[str, ...] = (
    r"\[bot\]",
    r"\bdependabot\b",
    r"\brenovate\b",
    r"\bgithub-actions\b",
    r"\bgreenkeeper\b",
    r"\bsnyk-bot\b",
    r"\bpre-commit-ci\b",
    r"\bimgbot\b",
    r"\ballcontributors\b",
    r"\bweblate\b",
    r"\btranslate(wiki)?-?bot\b",
    r"\bci-bot\b",
    r"\bbot@",
    r"-bot@",
    r"^github actions?\b",
    r"\baction@github\.com\b",
    r"^jenkins\b",
    r"\bjenkins@",
    r"\btravis[- ]?ci\b",
    r"\btravis@",
    r"^gitlab ci\b",
    r"\bsemantic-release-bot\b",
)
DEFAULT_AGENT_PATTERNS: tuple[str, ...] = (
    r"^copilot\b",
    r"\bcopilot-swe-agent\b",
    r"\b\d+\+copilot@users\.noreply\.github\.com",
    r"\bdevin-ai-integration\b",
    r"^devin ai\b",
    r"@cognition\.ai\b",
    r"\bnoreply@anthropic\.com",
    r"^claude( code)?\s*<",
    r"^cursor agent\b",
    r"\bcursoragent@cursor\.com",
    r"\bchatgpt-codex-connector\b",
    r"^(openai )?codex\s*<",
    r"\bcodex@openai\.com",
    r"\(aider\)\s*<",
    r"\bsweep-ai\b",
    r"^sweep\s*<",
    r"\bopenhands\b",
    r"\bgemini-code-assist\b",
    r"\bamazon-q-developer\b",
    r"\bjules@google\.com",
)


def alternation(patterns: Sequence[str]) -> str:
    """One regular expression matching where any of ``patterns`` does."""
    return "|".join(f"(?:{p})" for p in patterns)


AGENTS = re.compile(alternation(DEFAULT_AGENT_PATTERNS), re.IGNORECASE)
#: A word every default bot or agent pattern needs (lowercase): an ASCII signature holding none of
#: them matches none of the default patterns, so the regexes (about 8 µs a search) are not run.
#: An ASCII text can only match an ASCII letter case-insensitively through the other case of it.
DEFAULT_WORDS: tuple[str, ...] = (
    "bot", "renovate", "github", "greenkeeper", "pre-commit-ci", "allcontributors", "weblate",
    "jenkins", "travis", "gitlab ci", "translate",
    "copilot", "devin", "cognition", "anthropic", "claude", "cursor", "codex", "aider", "sweep",
    "openhands", "gemini", "amazon-q", "jules",
)  # fmt: skip
_DEFAULT_BOTS = alternation(DEFAULT_BOT_PATTERNS)  # the pattern of bot_matcher(None)
_NOREPLY = re.compile(r"^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$")


# -- .mailmap ------------------------------------------------------------------------
class Mailmap:
    """git's mailmap: ``Proper Name <proper@email> Commit Name <commit@email>`` lines."""

    def __init__(self, text: str = "") -> None:
        self._by_email: dict[str, tuple[str | None, str | None]] = {}
        self._by_pair: dict[tuple[str, str], tuple[str | None, str | None]] = {}
        for raw in text.splitlines():
            line = raw.split("#", 1)[0].strip()
            parts = _name_and_email_pairs(line)
            if not parts:
                continue
            proper_name = parts[0][0].strip() or None
            proper_email = parts[0][1].strip() or None
            if len(parts) == 1:
                self._by_email[proper_email.lower() if proper_email else ""] = (proper_name, None)
                continue
            commit_name = parts[1][0].strip()
            commit_email = parts[1][1].strip().lower()
            target = (proper_name, proper_email)
            if commit_name:
                self._by_pair[(commit_name.lower(), commit_email)] = target
            else:
                self._by_email[commit_email] = target

    def __bool__(self) -> bool:
        return bool(self._by_email or self._by_pair)

    def map(self, name: str, email: str) -> tuple[str, str]:
        found = self._by_pair.get((name.lower(), email.lower())) or self._by_email.get(email.lower())
        if not found:
            return name, email
        return found[0] or name, found[1] or email


def _name_and_email_pairs(line: str) -> list[tuple[str, str]]:
    """The ``Name <email>`` pairs of a mailmap line, at most two, read as git reads them: a name runs to
    the next ``<``, an email to the next ``>``. Linear in the line's length, whatever it holds."""
    pairs: list[tuple[str, str]] = []
    cursor = 0
    while len(pairs) < 2:
        opening = line.find("<", cursor)
        closing = line.find(">", opening + 1) if opening >= 0 else -1
        if closing < 0:
            break
        pairs.append((line[cursor:opening], line[opening + 1 : closing]))
        cursor = closing + 1
    return pairs


# -- aliases, bots, sides -------------------------------------------------------------
def parse_alias(spec: str) -> list[str]:
    """``"alice@old.com=alice@new.com=Alice Smith"``: every token names one person."""
    tokens = [t.strip() for t in re.split(r"[=,]", spec) if t.strip()]
    if len(tokens) < 2:
        raise InvalidInput(f"invalid alias {spec!r}: expected at least two emails or names joined by '='")
    return tokens


@dataclass(frozen=True)
class SideRules:
    """Everything that decides an identity's side; all matching is case-insensitive."""

    people: Mapping[str, Side] = field(default_factory=dict)  # email -> side
    org_map: Mapping[str, Side] = field(default_factory=dict)  # email, @domain or name -> side
    internal_domains: Sequence[str] = ()
    partner_domains: Sequence[str] = ()

    @cached_property
    def _lowered(self) -> tuple[dict[str, Side], dict[str, Side], list[tuple[str, Side]]]:
        """The people and the org map with their keys in lower case, and the org map's domains
        (normalised by :func:`_domain`)."""
        org = {k.lower(): v for k, v in self.org_map.items()}
        domains = [(d, v) for k, v in org.items() if k[:1] == "@" and (d := _domain(k[1:]))]
        return {k.lower(): v for k, v in self.people.items()}, org, domains

    @cached_property
    def _domains(self) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """The internal and partner domains normalised, and the partner organisations' domains
        longest first (for :meth:`organisation`)."""
        internal = tuple(d for d in map(_domain, self.internal_domains) if d)
        partner = tuple(d for d in map(_domain, self.partner_domains) if d)
        named = [_domain(k[1:]) for k, v in self.org_map.items() if k.startswith("@") and v == Side.PARTNER]
        organisations = tuple(sorted((d for d in named + list(partner) if d), key=len, reverse=True))
        return internal, partner, organisations

    def side_of(self, names: Iterable[str], emails: Iterable[str]) -> Side:
        lowered: list[str] = []  # each email once (an identity lists its raw emails beside them)
        for email in emails:
            email = email.lower()
            if email not in lowered:
                lowered.append(email)
        people, org, org_domains = self._lowered
        for email in lowered:
            if email in people:
                return people[email]
        for email in lowered:
            if email in org:
                return org[email]
        if org:
            for name in names:
                if name.lower() in org:
                    return org[name.lower()]
        hosts = [email.rpartition("@")[2] for email in lowered]
        for host in hosts:
            for domain, side in org_domains:
                if _host_in(host, domain):
                    return side
        internal, partner, _ = self._domains
        for host in hosts:
            if _under(host, internal):
                return Side.INTERNAL
            if _under(host, partner):
                return Side.PARTNER
        return Side.OTHER

    def organisation(self, email: str) -> str | None:
        """Which organisation an email belongs to, as far as the rules tell: the client
        (``internal``), a partner by its domain, or None when unknown."""
        side = self.side_of((), (email,))
        if side == Side.INTERNAL:
            return "internal"
        if side != Side.PARTNER:
            return None
        host = email.rpartition("@")[2].lower()
        for domain in self._domains[2]:
            if _host_in(host, domain):
                return f"partner:{domain}"
        return f"partner:{host}"


def _domain(domain: str) -> str:
    """A domain as rules name it (``@Acme.com``, ``acme.com ``), as hosts are compared with it."""
    return domain.lower().lstrip("@").strip()


def _host_in(host: str, domain: str) -> bool:
    """Whether the (lower-case) ``host`` is the (normalised, non-empty) ``domain`` or under it."""
    return host == domain or host.endswith("." + domain)


def _under(host: str, domains: Sequence[str]) -> bool:
    """Whether ``host`` is one of ``domains`` or under one (:func:`_host_in`)."""
    for domain in domains:
        if _host_in(host, domain):
            return True
    return False


def parse_org_map(text: str) -> dict[str, Side]:
    """An org map: JSON ``{"internal": [...], "partner": [...]}`` or ``pattern,side`` lines.

    A pattern is an email, ``@domain`` (or a bare ``domain.tld``) or a person's name.
    """
    from inhouse.domain.common import parse_enum

    mapping: dict[str, Side] = {}
    stripped = text.strip()
    if stripped.startswith("{"):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise InvalidInput(f"org map is not valid JSON: {exc.msg} (line {exc.lineno})") from None
        except RecursionError:
            raise InvalidInput("org map is not valid JSON: it is nested too deeply") from None
        for side_name, patterns in data.items():
            side = parse_enum(Side, side_name, "side in the org map")
            if isinstance(patterns, str) or not isinstance(patterns, list):
                raise InvalidInput(f"org map entry {side_name!r} must be a list of patterns")
            for pattern in patterns:
                mapping[_pattern(str(pattern))] = side
        return mapping
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        pattern, sep, side_name = line.rpartition(",")
        if not sep:
            pattern, _, side_name = line.rpartition(" ")
        if not pattern.strip():
            raise InvalidInput(f"org map line {number}: expected 'pattern,side', got {raw.strip()!r}")
        if side_name.strip().lower() == "side":
            continue  # a CSV header
        mapping[_pattern(pattern)] = parse_enum(Side, side_name, f"side on org map line {number}")
    return mapping


def _pattern(pattern: str) -> str:
    value = pattern.strip().strip('"').strip()
    if "@" not in value and " " not in value and "." in value:
        return "@" + value.lower()  # a bare domain
    return value.lower()


def bot_matcher(patterns: Sequence[str] | None) -> re.Pattern[str] | None:
    patterns = DEFAULT_BOT_PATTERNS if patterns is None else patterns
    if not patterns:
        return None
    try:
        return re.compile(alternation(patterns), re.IGNORECASE)
    except re.error as exc:
        raise InvalidInput(f"invalid bot pattern: {exc}") from None


# -- merging -------------------------------------------------------------------------
@dataclass
class IdentityGroup:
    index: int
    id: str
    names: list[str]
    emails: list[str]
    side: Side
    bot: bool  # a bot or an agent: held out of the knowledge
    people: list[int]  # raw person indexes
    kind: IdentityKind = "person"


PERSON, BOT, AGENT = "p", "b", "a"


def person_kinds(people: Sequence[tuple[str, str]], bots: re.Pattern[str] | None, known: str = "") -> str:
    """Each raw author's kind by its signature ``name <email>``: :data:`AGENT` (an AI agent, set
    apart whenever bots are), :data:`BOT` (``bots`` matches) or :data:`PERSON`; one letter each.
    ``known``: the kinds of the first people, found before under the same ``bots`` (a rescan
    checks only the authors new since)."""
    found = [known[: len(people)]]
    words = DEFAULT_WORDS if bots is not None and bots.pattern == _DEFAULT_BOTS else None
    for name, email in people[len(found[0]) :]:
        signature = f"{name} <{email}>"
        if bots is None:
            found.append(PERSON)
        elif words is not None and signature.isascii() and not any(w in signature.lower() for w in words):
            found.append(PERSON)
        elif AGENTS.search(signature):
            found.append(AGENT)
        else:
            found.append(BOT if bots.search(signature) else PERSON)
    return "".join(found)


def kinds_key(bots: re.Pattern[str] | None) -> str:
    """What :func:`person_kinds` depends on besides the people (kept beside kinds found before)."""
    return repr((bots.pattern, bots.flags, AGENTS.pattern) if bots is not None else None)


_PUNCTUATION = re.compile(r"[^\w\s]")


def _norm_name(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return " ".join(_PUNCTUATION.sub(" ", folded).split())


class UnionFind:
    """Disjoint sets of the integers 0 to n - 1; each set is named by its least member."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def merge_identities(
    people: Sequence[tuple[str, str]],
    weights: Sequence[int],
    *,
    mailmap: Mailmap | None = None,
    aliases: Sequence[Sequence[str]] = (),
    rules: SideRules | None = None,
    bots: re.Pattern[str] | None = None,
    heuristics: bool = True,
    kinds: str | None = None,
) -> tuple[list[IdentityGroup], list[int]]:
    """Group raw ``(name, email)`` authors; return the groups and each person's group index.

    ``weights`` (commits per person) pick each group's display name and id. ``kinds``: each
    person's :func:`person_kinds` under ``bots``, when known already.
    """
    rules = rules or SideRules()
    if kinds is None or len(kinds) != len(people):
        kinds = person_kinds(people, bots)
    mapped = [mailmap.map(n, e) if mailmap else (n, e) for n, e in people]
    uf = UnionFind(len(people))
    seen: dict[tuple[str, str], int] = {}

    def link(kind: str, value: str, i: int) -> None:
        if not value:
            return
        first = seen.setdefault((kind, value), i)
        uf.union(first, i)

    by_name: dict[str, list[int]] = {}
    for i, (name, email) in enumerate(mapped):
        link("pair", f"{name}\0{email}", i)
        link("email", email.lower(), i)
        if heuristics:
            norm = _norm_name(name)
            if len(norm.split()) >= 2:
                by_name.setdefault(norm, []).append(i)
    for norm, members in by_name.items():
        if len(members) == 1:  # a name one person has (most of them): nothing to join
            continue
        # the same name merges within an organisation, never across two the rules tell apart;
        # emails of no known organisation join the one organisation the name is seen in
        orgs = {i: rules.organisation(mapped[i][1]) for i in members}
        known = {o for o in orgs.values() if o is not None}
        single = next(iter(known)) if len(known) == 1 else None
        for i in members:
            link("name", f"{norm}\0{orgs[i] or single or ''}", i)
    alias_of: dict[str, list[int]] = {}
    for group_number, group in enumerate(aliases):
        for token in group:
            alias_of.setdefault(token.lower(), []).append(group_number)
    if alias_of:
        for i, (name, email) in enumerate(mapped):
            for key in {name.lower(), email.lower(), people[i][0].lower(), people[i][1].lower()}:
                for group_number in alias_of.get(key, ()):
                    link("alias", str(group_number), i)
    if heuristics:
        handles: dict[str, list[int]] = {}
        for j, (other_name, other_email) in enumerate(mapped):
            handles.setdefault(other_name.lower(), []).append(j)
            handles.setdefault(other_email.lower().partition("@")[0], []).append(j)
        for i, (_name, email) in enumerate(mapped):
            login = _NOREPLY.match(email.lower())
            for j in handles.get(login[1], ()) if login else ():
                if j != i:
                    uf.union(i, j)
    roots: dict[int, list[int]] = {}
    for i in range(len(people)):
        roots.setdefault(uf.find(i), []).append(i)
    groups: list[IdentityGroup] = []
    owner = [0] * len(people)
    used_ids: set[str] = set()
    for members in sorted(roots.values(), key=lambda m: m[0]):  # members ascend: the first is the least
        if len(members) == 1:  # most authors: one name and one email, nothing to weigh
            name, email = mapped[members[0]]
            name_list = [name] if name else []
            email_list = [email.lower()] if email else []
        else:
            names = Counter[str]()
            emails = Counter[str]()
            for i in members:
                names[mapped[i][0]] += weights[i] + 1
                emails[mapped[i][1].lower()] += weights[i] + 1
            name_list = [n for n, _ in sorted(names.items(), key=lambda kv: (-kv[1], kv[0])) if n]
            email_list = [e for e, _ in sorted(emails.items(), key=lambda kv: (-kv[1], kv[0])) if e]
        every_name = name_list + [people[i][0] for i in members]
        every_email = email_list + [people[i][1] for i in members]
        ident = email_list[0] if email_list else (name_list[0] if name_list else "unknown")
        base, n = ident, 2
        while ident in used_ids:
            ident, n = f"{base}#{n}", n + 1
        used_ids.add(ident)
        is_agent = any(kinds[i] == AGENT for i in members)
        is_bot = is_agent or any(kinds[i] == BOT for i in members)
        merged = IdentityGroup(
            len(groups),
            ident,
            name_list,
            email_list,
            rules.side_of(every_name, every_email),
            is_bot,
            members,
            "agent" if is_agent else "bot" if is_bot else "person",
        )
        for i in members:
            owner[i] = merged.index
        groups.append(merged)
    return groups, owner
