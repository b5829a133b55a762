"""Promises about conduct, recognised by their shape rather than by their verb.

"We never take our tools away mid-season", "we don't touch your WMS configuration", "we won't
lock you in", "we don't resell anything": the partner (first person) + a promise-shaped negation
(never / won't / will not / don't / do not / would never) + an action whose object is the
client's own — its people, data, systems, tools, configuration, IP, staff or timeline ("you",
"your ...", "the client's ...") — or an action qualified as conduct ("away", "mid-season",
"without your sign-off", "behind your back"). These are assurances, not limitations.

A limitation is about the partner's own capability, experience, scope or certainty, so the shape
does not cover:

- "can't" / "haven't" / "have never" / "didn't": inability and experience ("we haven't worked
  with your ERP before" is an admission);
- ability verbs with a client object ("we don't support your version of SAP", "we don't read
  your handwritten forms"): what the partner's product cannot do;
- possession and knowledge ("we don't have your accent data", "we don't know your market");
- qualifiers of capability after the action ("yet", "well", "reliably", "at the moment").
"""

from __future__ import annotations

import re

#: first person, then the promise-shaped negation; adverbs may sit between ("we simply never")
_PROMISE = re.compile(
    r"\b(we|I)('ll|'d| will| would| also| simply| just| really| still| honestly| genuinely| absolutely| ever|"
    r" as a rule| on principle)*\s*(never|won't|will not|wouldn't|would not|don't|do not)\b",
    re.I,
)
_PERFECT = re.compile(r"\b(we|I)('ve| have| had|'d)\s+never\b", re.I)  # "we've never ..." is experience
#: verbs of ability: negated with a client object they still say what the partner cannot do
_ABILITY = re.compile(
    r"^(support|supports|integrate|integrates|connect|connects|read|reads|speak|speaks|understand|understands|"
    r"handle|handles|cover|covers|recogni[sz]e|detect|extract|transcribe|translate|forecast|predict|model|"
    r"parse|process|run|work|interface|plug|sync|have|has|know|knows|offer|provide|serve|see)$",
    re.I,
)
_ADVERB = re.compile(
    r"^(ever|even|just|simply|actually|really|quietly|suddenly|unilaterally|secretly|routinely|"
    r"casually|ourselves|personally|directly|once|then|go|and)$",
    re.I,
)
#: the client's own things as the object: "you", "your ...", "the client's ...", "anyone on your team"
_CLIENT_OBJECT = re.compile(r"\b(you|your|yours|the client's|the customer's|anyone on your|anything of yours)\b", re.I)
#: conduct qualifiers: removal, timing or consent
_CONDUCT_FRAME = re.compile(
    r"\b(away|mid-[\w-]+|halfway through|part-way through|in the middle of|without (your |you |the client's )?"
    r"(asking|consent|permission|notice|warning|approval|sign-off|agreement|knowledge|say-so|involvement)|"
    r"behind (your|the client's) back|on (you|the client)|unannounced|overnight)\b",
    re.I,
)
#: what qualifies a capability, not a promise: "we don't read your scans well yet"
_CAPABILITY_TAIL = re.compile(
    r"\b(yet|well|reliably|properly|at the moment|currently|today|out of the box|"
    r"natively|automatically|before|so far|in-house|ourselves)\b",
    re.I,
)
#: an explicit promise verb governing the negation: "we promised we wouldn't", "I gave them my word we'd never"
_PROMISED = re.compile(
    r"\b(we|I)('ve| have| had)?\s+(promised|agreed|undertook|undertaken|committed|swore|sworn|pledged|assured \w+|"
    r"told \w+|gave (\w+ )?(our|my) word)( \w+)?( that)?\s*$",
    re.I,
)
_CLAUSE_END = re.compile(r"[.;:!?()]|,\s*(but|and|so|because|though|although|while|whereas|which)\b|\s[-–—]\s")
_WINDOW = 8  # words after the negation that may hold the object


def capability_shaped(text: str, position: int) -> bool:
    """The negation at ``position`` reads as inability or inexperience whatever its object: "haven't",
    "can't", an ability verb ("we don't support your..."), or a capability qualifier ("... well yet")."""
    if re.match(
        r"(can't|cannot|can not|haven't|hasn't|have not|has not|didn't|did not|couldn't)\b", text[position:], re.I
    ) or _PERFECT.search(text[max(0, position - 12) : position + 6]):
        return True
    words = re.findall(r"[\w'’-]+", text[position:])[1 : 1 + _WINDOW]
    verbs = [w for w in words if not _ADVERB.match(w)]
    end = next((m.start() for m in _CLAUSE_END.finditer(text, position)), len(text))
    return bool(verbs and _ABILITY.match(verbs[0]) or _CAPABILITY_TAIL.search(text[position:end]))


def conduct_promise(text: str, position: int) -> bool:
    """The negation at ``position`` opens a promise about conduct (see the module doc), not a limit."""
    start = max((m.start() for m in _PROMISE.finditer(text) if m.start() <= position <= m.end()), default=-1)
    if start < 0:
        return False
    match = _PROMISE.match(text, start)
    if match is None or _PERFECT.match(text, start):
        return False
    end = next((m.start() for m in _CLAUSE_END.finditer(text, match.end())), len(text))
    words = re.findall(r"[\w'’-]+", text[match.end() : end])[:_WINDOW]
    verbs = [w for w in words if not _ADVERB.match(w)]
    if not verbs or _ABILITY.match(verbs[0]):
        return False
    tail = " ".join(words)
    if _CAPABILITY_TAIL.search(tail):
        return False
    if _PROMISED.search(text[:start]) and not re.match(r"(be able|manage|know how)\b", tail, re.I):
        return True  # "we promised them we wouldn't ...": said as a promise, whatever the action
    return bool(_CLIENT_OBJECT.search(tail) or _CONDUCT_FRAME.search(tail))
