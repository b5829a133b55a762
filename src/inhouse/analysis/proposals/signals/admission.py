"""The structural rule behind honest limits: who is limited, how, and in what.

A partner sentence admits a limit when three things meet in it:

(a) **the partner is the actor** (see :mod:`actors`) — the nearest subject before the limiting
    words is the partner ("we", "I", "our models", "nobody on the Tidemark team", the partner's
    name), or the partner follows them as the one limited ("fresh territory for us", "more than
    we can staff", "a finer grain than anything we've shipped"); "it" / "this" take the actor of
    the sentence before;
(b) **a limiting predicate** — a negation ("not", "never", "no", "nobody", "n't") or a limiting
    word: only, little, few, limited, thin, weaker, newer, shakiest, struggles, not yet, relying
    on or bringing in others, outside / beyond, "would need to learn", "would be reading up",
    more errors, "everything so far was for ...";
(c) **a capability, experience, scope or certainty object** after the actor — a verb or noun of
    doing, knowing, supporting, staffing, delivering, promising, a language or a named tool
    ("SAP", "SCADA"); weakness words ("shakiest", "wobbles") are about capability by themselves.

Excluded, whatever the words: negated promises about conduct ("we never share your data", "we
won't lock you in"), negated failures, which are boasts ("we've never missed a deadline"),
commercial terms ("we don't run trials", "no set-up fee"), opinions ("we don't think"), idioms
("not just", "no problem", "a few", "no-code"), conditions ("if it doesn't pay off, we stop"),
indirect questions ("clients ask where it runs out of road") and questions. The other way round,
:func:`denies_limits` finds limits denied ("we haven't hit a ceiling", "no hotel our engine can't
price") and :func:`virtue_as_limit` a virtue dressed as one ("the criticism we hear is that our
reports are too detailed").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from inhouse.analysis.proposals.signals.actors import NOBODY, PARTNER, is_self, name_words, nearest
from inhouse.analysis.proposals.signals.limit_words import (
    AFTER_US,
    ALL_SO_FAR,
    BENEFIT,
    CAPABILITY,
    CERTAINTY,
    CLAUSE_START,
    COMMERCIAL_OBJECT,
    COMPLEMENT,
    CONDITION,
    CONDUCT,
    DEFECT,
    DENIED,
    DOUBLE,
    EXCESS,
    FAILURE,
    FOR_US,
    FRAME,
    HELD,
    IDIOM,
    INDEFINITE_RELATIVE,
    INDIRECT,
    LIMITER,
    NEGATION,
    NEUTRAL_SUBJECT,
    OF_EXPERIENCE,
    OFFER_PHRASE,
    OFFER_TERMS,
    POSSESSION,
    PRODUCT,
    PURPOSE,
    QUANTITY,
    REFUSED_PRACTICE,
    RELIANCE,
    REPORTED,
    SELF_STATE,
    SHORT_OF,
    THAN_US,
    WEAKNESS,
)
from inhouse.analysis.proposals.signals.promise import capability_shaped, conduct_promise


@dataclass(frozen=True)
class Admission:
    """A limiting predicate attributed to the partner, with why it counts."""

    words: str
    reason: str


def admissions(text: str, partner_names: Sequence[str] = (), carried: str | None = None) -> list[Admission]:
    """The partner's admissions of a limit in one sentence. ``carried`` is the actor the sentence before
    ended on, for an "it" / "this" subject."""
    if text.rstrip().endswith("?") or denies_limits(text, partner_names):
        return []
    names = name_words(partner_names)
    found: list[Admission] = []
    for match in LIMITER.finditer(text):
        if _excluded(text, match):
            continue
        start = _partner_actor(text, match, names, carried)
        if start is None:
            continue
        reason = _capability(text, match, start)
        if reason:
            found.append(Admission(match.group(0), reason))
    for pattern, reason in (
        (THAN_US, "beyond what the partner has done"),
        (SHORT_OF, "short of its own standard"),
        (ALL_SO_FAR, "all so far was for"),
    ):
        for match in pattern.finditer(text):
            if _condition(text, match.start()):
                continue
            if pattern is ALL_SO_FAR:
                actor = nearest(text, match.start(2), names)
                if not actor or actor[1] != PARTNER:
                    continue
            found.append(Admission(match.group(0), reason))
    return found


def _capability(text: str, match: re.Match[str], start: int) -> str:
    """(c): why the limited thing is a capability, experience, scope or certainty, or "" when it is not."""
    words, after = match.group(0), text[match.end() :]
    negative = bool(re.fullmatch(NEGATION, words, re.I))
    handled = re.match(r"^\s+(\w+ )?([a-z]+) (you|your|the client's)\b", after)
    if (
        negative
        and handled
        and not CAPABILITY.fullmatch(handled.group(2))
        and not capability_shaped(text, match.start())
    ):
        return ""  # "we don't hand your project to juniors": conduct towards the client
    if WEAKNESS.fullmatch(words):
        return "a weakness of the partner's"
    if negative and re.match(r"^\s+([\w'-]+ ){1,5}?(yet|well|reliably|properly|at the moment)\b", after, re.I):
        return "not yet, or not well"  # "we don't parse your scanned contracts reliably yet"
    if is_self(text, match.start()):
        return "nobody on the partner's side has done it"
    if RELIANCE.match(words):
        return "the partner relies on others for it"
    if negative and CERTAINTY.match(after):
        return "the partner will not promise"
    if negative and (COMPLEMENT.match(after) or SELF_STATE.match(after)):
        return "not the partner's strength or scope"
    if negative and POSSESSION.match(after):
        return "the partner does not have it"
    if QUANTITY.search(words) and not BENEFIT.match(after):
        return "the partner has little of it"
    if CAPABILITY.search(text[start : _clause_end(text, match.end())]):
        return "partner + limiting predicate + capability"
    return ""


def _partner_actor(text: str, match: re.Match[str], names: set[str], carried: str | None) -> int | None:
    """Where the partner's part of the clause starts when the limit is the partner's, else None."""
    if is_self(text, match.start()) or AFTER_US.match(text[match.end() :]) or FOR_US.search(match.group(0)):
        return match.start()
    if COMPLEMENT.match(text[match.end() :]) and re.fullmatch(NEGATION, match.group(0), re.I):
        subject = text[_clause_start(text, match.start()) : match.start()]
        # "is not our specialty", "isn't where we shine" - but "pilots are not part of our model" is a term
        return None if OFFER_TERMS.search(subject) else match.start()
    actor = nearest(text, match.start(), names)
    if actor is None:
        if carried == PARTNER and (neutral := NEUTRAL_SUBJECT.search(text[: match.start()])):
            return neutral.start()
        return None
    return actor[0] if actor[1] == PARTNER else None


#: how an offer is packaged: "not sold separately", "we don't license it on its own"
_UNBUNDLED = re.compile(
    r"\b(separately|individually|on (its|their) own|as a standalone|stand-?alone|in isolation)\b", re.I
)
_SALE = re.compile(r"\b(offer|sell|sold|contract|price|buy|bought|licen[cs]e|purchas|quot)\w*\b", re.I)
#: a product doing something to an object "with no ...": how it works, not what the partner lacks
_PRODUCT_MANNER = re.compile(
    r"\b(?:our|its|the) (?!(?:team|people|staff|engineers|developers|consultants|analysts|company|firm|crew)\b)"
    r"[\w-]+(?: [\w-]+)?\s+(?:[\w-]+(?:,| and| or) )*[a-z-]+s\s+(?:[\w-]+\s+){1,6}with\s+$",
    re.I,
)


#: a past client or project named after "for" / "with" / "at", then its size set off by a comma: "for a family
#: firm in Leeds, only ..." (the partner's own staffing or experience has a verb before "only")
_SIZED_CLIENT = re.compile(r"\b(for|with|at|by) (a|an|one|another|the|some) [^,;:()]{2,60},\s*$", re.I)
_COUNT = re.compile(
    r"^\s+(about |around |some )?(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"a (few|handful|couple|dozen))\b",
    re.I,
)
#: "that was a one-off study, not the product": a thing (not the partner) named and then contrasted
_CONTRASTED_THING = re.compile(r"\b(?:that|this|it|which)\s+(?:was|is|were|are)\s+(?:just\s+|only\s+)?[^,;]{2,60},\s*$")
_CONTRAST_TAIL = re.compile(r"^\s+(?:a|an|the|our|its)\s+[\w-]+(?:\s+[\w-]+)?\s*[.;!)]?\s*$", re.I)


def unbundled_offer(text: str, position: int) -> bool:
    """The negation at ``position`` is about how the offer is packaged ("we do not sell the first stage
    separately"), a commercial term rather than a limit of what the partner can do."""
    clause = text[_clause_start(text, position) : _clause_end(text, position)]
    return bool(_UNBUNDLED.search(clause) and _SALE.search(clause))


def _excluded(text: str, match: re.Match[str]) -> str:
    """Why the limiting words are no admission whoever says them (conduct, terms, idiom, condition...), or ""."""
    after = text[match.end() :]
    word = match.group(0).lower()
    negative = bool(re.fullmatch(NEGATION, word, re.I))
    if (negative or word == "only") and CONDUCT.match(after) or negative and FAILURE.match(after):
        return "conduct or failure negated"
    if negative and conduct_promise(text, match.start()):
        return "a promise about conduct"  # "we never take our tools away mid-season": the shape, not the verb
    before = text[: match.start()].lower()
    if word == "only" and re.search(r"\b(our|the|my|their|your|its|his|her)\s+$", before):
        return "idiom"  # "our only weakness", "the only thing"
    if word == "only" and _SIZED_CLIENT.search(before) and _COUNT.match(after):
        return "a client described by its size"  # "we built it for a small chain, only six shops"
    clause = text[_clause_start(text, match.start()) : _clause_end(text, match.end())]
    if OFFER_PHRASE.search(clause) and (word == "only" or OFFER_PHRASE.search(before[-60:])):
        return "commercial terms"  # "this pricing is only available on...", "the pilot is not..."
    if word in ("few", "little", "least") and re.search(r"\b(a|quite a|at|not a|the very)\s+$", before):
        return "idiom"
    if IDIOM.match(after) or (word == "no" and re.match(r"\W*(\w+ )?(problem|issue|doubt|way)\b", after)):
        return "idiom"
    if negative and unbundled_offer(text, match.start()):
        return "commercial terms"  # "we don't sell the first stage separately": how the offer is packaged
    if word == "no" and _PRODUCT_MANNER.search(text[_clause_start(text, match.start()) : match.start()]):
        return "a feature, not a limit"  # "our engine files each claim overnight with no manual step"
    if negative and REFUSED_PRACTICE.match(text, match.start()):
        return "commercial terms"  # "we don't do proofs of concept": how the partner sells, not what it can do
    if COMMERCIAL_OBJECT.match(after) or re.search(
        r"\b(commercially|financially|economically)\b", text[match.start() : _clause_end(text, match.end())], re.I
    ):
        return "commercial terms"
    if word in ("only", "least") and re.match(
        r"\s+(if|when|to|after|because|way|thing we|charge|pay|bill|once "
        r"(we|you|the|your|it|they|there))\b",
        after,
        re.I,
    ):
        return "idiom"
    purpose = word in ("don't", "do not", "doesn't", "never", "only", "not") and PURPOSE.search(before)
    if _condition(text, match.start()) or purpose:
        return "condition or purpose"
    if word in ("fewer", "less") and not (HELD.search(before[-25:]) or OF_EXPERIENCE.match(after)):
        return "a benefit, not a limit"  # "clients send fewer queries", "less manual work"
    if word == "not" and _CONTRASTED_THING.search(before) and _CONTRAST_TAIL.match(after):
        return "a thing described by contrast"  # "that was a one-off study, not the product"
    if INDEFINITE_RELATIVE.search(before):
        return "a design described"  # "a model that doesn't score anyone"
    if INDIRECT.search(text[: match.start()]) or REPORTED.search(text[: match.start()]):
        return "indirect question or reported speech"
    return ""


def _condition(text: str, position: int) -> bool:
    start = max((m.end() for m in re.finditer(r"[,;:()]|\s[-–—]\s", text[:position])), default=0)
    return bool(CONDITION.search(text[max(0, start - 1) : position]))


def _clause_start(text: str, position: int) -> int:
    return max((m.end() for m in CLAUSE_START.finditer(text, 0, position)), default=0)


def _clause_end(text: str, position: int) -> int:
    return next((m.start() for m in CLAUSE_START.finditer(text, position)), len(text))


def denies_limits(text: str, partner_names: Sequence[str] = ()) -> str:
    """The partner denies having limits: "we haven't hit a ceiling with any client", "no weaknesses worth
    mentioning", or a double negation ("no hotel our engine can't price", "not a corner of AI we don't play
    in"). Returns the words, or ""."""
    names = name_words(partner_names)
    for match in DENIED.finditer(text):
        actor = nearest(text, match.start(), names)
        if (actor is None or actor[1] in (PARTNER, NOBODY)) and not _condition(text, match.start()):
            return match.group(0)
    for match in DOUBLE.finditer(text):
        negation = match.start(match.lastindex or 0)
        middle = text[match.end(1) : negation]
        inside = nearest(text, negation, names)
        partner = inside is not None and inside[1] == PARTNER and inside[0] >= match.end(1)
        outer = nearest(text, match.start(), names)
        product = (
            PRODUCT.search(middle)
            and (inside is None or inside[0] < match.end(1))
            and (outer is None or outer[1] == PARTNER)
        )
        joined = re.search(r",\s*(and|but|so|because)\b|\b(but|because|although)\b", middle)
        if (partner or product) and not joined and not CONDUCT.match(text[match.end() :]):
            return match.group(0)
    return ""


def virtue_as_limit(text: str) -> bool:
    """A limit-frame ("the criticism we hear", "if I had to name a downside") whose content is an excess of a
    virtue ("clients get so attached that...", "more documentation than they'll ever read"), not a defect."""
    if not FRAME.search(text):
        return False
    return any((match.group(2) or "").lower() not in DEFECT for match in EXCESS.finditer(text))
