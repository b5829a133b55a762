"""Who a sentence's words belong to: the partner, the client, or a third party.

Honest limits only counts a limit the partner states about itself, so each limiting phrase is
attributed to the nearest *actor* (a subject) before it:

- the partner: "we", "I", "our models", "my team", the partner's name ("Tidemark", "LexiFlow"),
  "nobody on our team", "none of us";
- the client: "you", "your catalogue", "they", "their data" — in subject position ("your records
  only go back to 2009"), not as an object ("we integrate with your HR system but...");
- a third party: another company's product ("Salesforce's Bulk API", "HubSpot does not...");
- anyone else: a plain noun subject ("site supervisors cannot...", "this offer is only valid");
- no one: an existential "there is / there's", which ends the search.

"It", "this" and "the system" are neutral: they leave the decision to what comes before, or to
the sentence before (the *carried* actor). Objects ("told us", "for me") are never actors.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

PARTNER, CLIENT, THIRD, OTHER = "partner", "client", "third", "other"
NOBODY = "nobody"  # an existential "there is": nobody is the subject

_AUX = (
    r"(?:is|are|was|were|be|been|has|have|had|do|does|did|can|could|will|would|shall|should|may|might|must|"
    r"isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|don't|doesn't|didn't|can't|cannot|couldn't|won't|"
    r"wouldn't|shouldn't|only|never|still|also|already|just|really|'s|'re|'ve|'d|'ll|go|goes|went|come|comes|"
    r"came|arrive|arrives|contain|contains|cover|covers|include|includes|hold|holds|lack|lacks|need|needs|"
    r"require|requires|vary|varies|differ|differs|cap|caps|limit|limits|run|runs|sit|sits|live|lives|look|"
    r"looks|seem|seems|remain|remains|stay|stays|get|gets|tend|tends|use|uses|work|works|support|supports|"
    r"expose|exposes|allow|allows|offer|offers|process|processes|keep|keeps|store|stores|show|shows|give|"
    r"gives|take|takes|told|said|mentioned|explained|showed|shared|sent|know|knows|want|wants)"
)
_MODAL = (
    r"(?:is|are|was|were|has|have|had|do|does|did|can|could|will|would|may|might|must|should|isn't|aren't|"
    r"wasn't|weren't|hasn't|haven't|hadn't|don't|doesn't|didn't|can't|cannot|couldn't|won't|wouldn't|"
    r"shouldn't|only|never|rarely|seldom)"
)
_FUNCTION = (
    r"(?:and|but|or|so|to|for|with|on|in|at|of|by|from|twice|once|again|then|than|as|that|which|who|"
    r"because|if|when|where|while|we|I|us|our|you|your|it|the|a|an|there|here)"
)
_NOT_PARTNER_GROUP = r"(clients?|customers?|users|partners?|references|investors|competitors|rivals)\b"
_SELF = re.compile(
    rf"\b(we|we're|we've|we'd|we'll|our(?! {_NOT_PARTNER_GROUP})|ours|I|I'm|I've|I'd|I'll|"
    rf"my(?! {_NOT_PARTNER_GROUP})|(nobody|no one|none|not one) (on|in|at|of|among|within) (us|our|my)\b|"
    r"(nobody|no one|none|not one) (on|in|at|of|among|within) the [\w ]{0,20}(team|company|firm|side|"
    r"bench|staff)|no one here|nobody here)\b"
)
_SELF_I = re.compile(_SELF.pattern, re.I)
_THEIRS = re.compile(
    r"\b(you|your|you're|you've|yours|they|their|they're|they've|the client|the customer|"
    r"the vendor|the supplier|the manufacturer)\b",
    re.I,
)
_PRONOUN = {"you", "you're", "you've", "they", "they're", "they've"}
_PROPER = re.compile(r"\b([A-Z][\w-]*[A-Za-z])('s)?\b")
_GENERIC = re.compile(rf"(?<!['’])\b([a-z][\w-]+)\s+{_MODAL}\b")
_THERE = re.compile(r"\bthere(?:'s| is| are| was| were| have been| has been| will be| would be)\b", re.I)
_NEUTRAL = {
    "it",
    "this",
    "that",
    "these",
    "those",
    "which",
    "who",
    "what",
    "one",
    "each",
    "nothing",
    "nobody",
    "none",
    "everything",
    "anything",
    "something",
    "all",
    "both",
    "here",
    "also",
    "still",
    "really",
    "honestly",
    "frankly",
    "now",
    "today",
    "currently",
    "yet",
    "so",
    "and",
    "but",
    "just",
    "only",
    "system",
    "model",
    "models",
    "platform",
    "tool",
    "engine",
    "product",
    "pipeline",
    "app",
    "software",
    "assistant",
    "service",
    "solution",
    "team",
    "us",
    "me",
    "then",
    "always",
    "often",
    "sometimes",
    "usually",
    "ever",
    "never",
    "again",
    "too",
    "either",
    "else",
    "more",
    "less",
    "most",
    "much",
    "many",
    "far",
}
_OBJECT_BEFORE = re.compile(
    r"\b(to|for|with|give|show|tell|send|help|let|ask|from|by|of|at|on|about|owe|offer|thank|"
    r"remind|assure|promise|bring|walk|take|than|like)\s+$",
    re.I,
)
_SUBJECT_NEXT = re.compile(rf"^(\s+(?!{_FUNCTION}\b)[\w-]+){{0,3}}?\s+{_AUX}\b", re.I)
_LANGUAGES = {
    "english",
    "french",
    "german",
    "spanish",
    "portuguese",
    "italian",
    "dutch",
    "polish",
    "arabic",
    "chinese",
    "mandarin",
    "cantonese",
    "japanese",
    "korean",
    "welsh",
    "gaelic",
    "hindi",
    "turkish",
    "russian",
    "swedish",
    "norwegian",
    "danish",
    "finnish",
    "greek",
    "brazilian",
    "scottish",
    "irish",
    "american",
    "british",
    "european",
    "australian",
    "canadian",
    "german-language",
}
_COMMON = {
    "the",
    "our",
    "we",
    "i",
    "it",
    "this",
    "that",
    "these",
    "those",
    "there",
    "if",
    "when",
    "on",
    "in",
    "for",
    "and",
    "but",
    "so",
    "as",
    "at",
    "by",
    "with",
    "from",
    "to",
    "a",
    "an",
    "any",
    "all",
    "some",
    "no",
    "not",
    "nobody",
    "none",
    "yes",
    "honestly",
    "frankly",
    "candidly",
    "today",
    "currently",
    "right",
    "sure",
    "ok",
    "okay",
    "well",
    "also",
    "however",
    "still",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "my",
    "your",
    "you",
    "they",
    "their",
    "what",
    "which",
    "who",
    "why",
    "how",
    "where",
}


def name_words(partner_names: Sequence[str]) -> set[str]:
    """The partner's names as lower-case words: "Tidemark Systems AS" -> {"tidemark systems as", "tidemark"}."""
    words = {n.lower() for n in partner_names if len(n) >= 3}
    words |= {n.split()[0].lower() for n in partner_names if n.split() and len(n.split()[0]) >= 4}
    return words


def is_self(text: str, position: int) -> bool:
    """The words at ``position`` themselves name the partner ("Nobody on our team...", "None of us...")."""
    return bool(_SELF_I.match(text, position))


def nearest(text: str, position: int, names: set[str]) -> tuple[int, str] | None:
    """The nearest actor starting before ``position``: (where it starts, whose). Whether a mention is a
    subject is judged on the whole text ("your team won't...": the verb may come after ``position``)."""
    mentions: list[tuple[int, str]] = [
        (m.start(), PARTNER)
        for m in _SELF_I.finditer(text, 0, position)
        if m.group(0).lower() != "i" or m.group(0) == "I"
    ]
    mentions += [(m.start(), NOBODY) for m in _THERE.finditer(text, 0, position)]
    for m in _THEIRS.finditer(text, 0, position):
        pronoun = m.group(0).lower() in _PRONOUN
        if (pronoun and not _OBJECT_BEFORE.search(text[: m.start()])) or (not pronoun and _subject(text, m.end())):
            mentions.append((m.start(), CLIENT))
    for m in _PROPER.finditer(text, 0, position):
        kind = _proper(text, m, names)
        if kind:
            mentions.append((m.start(), kind))
    for m in _GENERIC.finditer(text, 0, min(len(text), position + 12)):
        kind = _generic(text, m, names) if m.start() < position else None
        if kind:
            mentions.append((m.start(), kind))
    return max(mentions) if mentions else None


def owner(text: str, position: int, partner_names: list[str] | tuple[str, ...] = ()) -> str | None:
    """Whose the words at ``position`` are, by the nearest actor before them."""
    found = nearest(text, position, name_words(partner_names))
    return found[1] if found else None


def last_actor(text: str, partner_names: list[str] | tuple[str, ...] = ()) -> str | None:
    """The actor a sentence ends on, carried into the next sentence's "it" / "this"."""
    return owner(text, len(text), partner_names)


def _proper(head: str, m: re.Match[str], names: set[str]) -> str | None:
    word = m.group(1)
    if word.lower() in names:
        return PARTNER
    if word.lower() in _COMMON or word.lower() in _LANGUAGES or _in_partner_phrase(head, m.start(), names):
        return None
    before = head[: m.start()].rstrip()
    initial = not before or before[-1] in ".:!?-*\"'"
    named = not initial or m.group(2) or re.search(r"[a-z][A-Z]|^[A-Z]{2,}$", word)
    if named and (m.group(2) or _subject(head, m.end())):
        return THIRD
    return None


def _generic(head: str, m: re.Match[str], names: set[str]) -> str | None:
    """A plain noun subject ("site supervisors cannot", "this offer is only valid"): someone else's, unless it
    is part of "our ..." (the partner's) or of "Algolia's ..." (a third party's)."""
    word = m.group(1).lower()
    if (
        word in _NEUTRAL
        or word in _COMMON
        or re.fullmatch(_FUNCTION, word, re.I)
        or re.fullmatch(_AUX, word, re.I)
        or re.search(r"(ly|ed|ing)$", word)
    ):
        return None
    phrase = _phrase_owner(head, m.start(), names)
    if phrase == PARTNER:
        return None
    before = head[: m.start()].split()
    if before and (
        re.fullmatch(r"\w+(ed|ing)|to|be|been|\w+'(ve|s|re|d|ll)", before[-1].lower())
        or re.fullmatch(_AUX, before[-1], re.I)
    ):
        return None  # "have seen only", "we've done little": a verb, not a subject
    return phrase or OTHER


def _in_partner_phrase(head: str, start: int, names: set[str]) -> bool:
    return _phrase_owner(head, start, names) == PARTNER


def _phrase_owner(head: str, start: int, names: set[str]) -> str | None:
    """Whose noun phrase the word ends: "our Spanish tutors" (partner), "Algolia's standard plan" (third)."""
    words = re.findall(r"[\w'-]+|[,;:.!?()]", head[:start])[-5:]
    for word in reversed(words):
        if word in ",;:.!?()" or word.lower() in (
            "is",
            "are",
            "was",
            "were",
            "has",
            "have",
            "that",
            "which",
            "who",
            "but",
            "so",
            "if",
            "because",
            "than",
        ):
            return None
        if word.lower() in ("our", "my") or word.lower() in names:
            return PARTNER
        if word.endswith("'s") and word[:1].isupper() and word[:-2].lower() not in names:
            return THIRD
        if word.lower() in ("your", "their"):
            return CLIENT
    return None


def _subject(text: str, end: int) -> bool:
    """A mention in subject position: a verb follows within three words, before any punctuation."""
    return bool(_SUBJECT_NEXT.match(text[end:]) or re.match(r"^\s*('s\b|$)", text[end:]))
