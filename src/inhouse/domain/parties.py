"""Whether a contract's parties are the engagement's client and partner, by normalised name.

A name is compared without case, punctuation, a leading "the" or legal-form suffixes (Ltd, GmbH,
Inc., LLC, plc, S.A....): "Meridian Freight Ltd." is "Meridian Freight". A found party matches an
expected name when both are the same words, or when two or more words of one start the other
("Quantia Labs" and "Quantia Labs Europe GmbH"); never on one shared first word alone ("Acme Corp"
is not "Acme Analytics", "Quantia" is not "Quantia Labs"). Pure.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from inhouse.domain.shapes import Shape

LEGAL_FORMS = frozenset(
    "ab ag as asa bv co company corp corporation gmbh inc incorporated kg kk limited llc llp lp ltd nv oy "
    "plc pty sa sarl sas se spa srl".split()
)
"""Legal-form words dropped from the end of a name (after punctuation is removed: "S.A." is "sa")."""

PartyVerdict = Literal["match", "mismatch", "unknown"]


class PartyCheck(Shape):
    """The contract's parties against the engagement's client and partner: ``match`` (both found),
    ``mismatch`` (one or both missing: stored only when confirmed), ``unknown`` (no party found)."""

    verdict: PartyVerdict
    found: list[str]
    expected: list[str]
    missing: list[str]
    message: str


def normalise(name: str) -> tuple[str, ...]:
    """The words a name is compared by: folded to ASCII, lower case, no punctuation, no legal form."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = folded.replace("&", " and ")
    folded = re.sub(r"(?<=\b[a-z])\.(?=[a-z]\b)", "", folded)  # S.A. -> sa., L.L.C -> llc
    words = re.sub(r"[^a-z0-9]+", " ", folded).split()
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words = words[:-1]
    return tuple(words)


def same_party(found: str, expected: str) -> bool:
    """Whether ``found`` (a party the contract names) is ``expected`` (the client's or partner's name)."""
    a, b = normalise(found), normalise(expected)
    if not a or not b:
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if long[: len(short)] != short:
        return False
    return len(short) >= 2 or len(short) == len(long)


def check_parties(found: list[str], client: str, partner: str) -> PartyCheck:
    """Whether the parties ``found`` in a contract include both the engagement's ``client`` and ``partner``."""
    expected = [client, partner]
    if not found:
        return PartyCheck(
            verdict="unknown",
            found=[],
            expected=expected,
            missing=[],
            message=f"no parties identified in the contract: stored without checking them against {client} "
            f"and {partner}",
        )
    missing = [name for name in expected if not any(same_party(party, name) for party in found)]
    if not missing:
        return PartyCheck(
            verdict="match",
            found=list(found),
            expected=expected,
            missing=[],
            message=f"the parties ({', '.join(found)}) are the engagement's client and partner",
        )
    return PartyCheck(
        verdict="mismatch",
        found=list(found),
        expected=expected,
        missing=missing,
        message=f"the contract's parties ({', '.join(found)}) do not include the engagement's client {client} "
        f"and partner {partner} (missing: {', '.join(missing)})",
    )
