"""Honest limits: does the partner say what it is *not* good at?

The decision rests on a structural rule (:mod:`admission`): a sentence spoken by the partner
counts as an admission when (a) the partner is its actor ("we", "I", "our models", the partner's
name, "nobody on our team"; or "for us" / "than we can" after the limiting words), (b) its
predicate limits (a negation, "only", "little", "weaker", "newer", "not yet", "would need to
learn", relying on others, outside our...), and (c) what is limited is a capability, experience,
scope or certainty. Excluded: negated promises about conduct ("we never share your data"),
negated failures ("we've never missed a deadline"), commercial terms, limits that belong to the
client, the data or a third party's product, conditions and questions. The rule carries recall:
it does not depend on the wording of the admission, only on its shape.

The phrase families the detector first grew from (:mod:`limit_cues`: "not our specialty",
"outside our wheelhouse", "still in beta", "depends on your data"...) are kept as high-precision
cues and add to the weight; negative lines under a "Limitations" / "What we don't do" heading and
a flat "no" / "not yet" to the client's "do you support X?" count as well, and so does an
elliptical answer read with its question ("Have you done X?" - "Not X, no." / "... would be new
ground"). Promises about conduct are recognised by their shape (:mod:`promise`) and never count. One clear admission
is enough.

Against it: "we can do everything", limits denied ("we haven't hit a ceiling", "no hotel our
engine can't price", "nothing here is outside our wheelhouse"), a flat "no" when the client asks
for a weakness, and the humble-brag ("our only limitation is that we are too thorough", "the
criticism we hear is that clients get so attached they stop..."), a virtue dressed as a limit.
"""

from __future__ import annotations

import re

from inhouse.analysis.proposals.document import ParsedDocument, Unit
from inhouse.analysis.proposals.signals.actors import OTHER, THIRD, last_actor, owner
from inhouse.analysis.proposals.signals.admission import admissions, denies_limits, unbundled_offer, virtue_as_limit
from inhouse.analysis.proposals.signals.base import SignalDetector, Weighing
from inhouse.analysis.proposals.signals.limit_cues import (
    CAPABILITY_QUESTION,
    CLAUSE,
    CLIENT_HEADING,
    CLIENT_SUBJECT,
    CONDITION,
    DENIAL,
    GENERIC_HEADING,
    HEADING,
    HUMBLE_FRAME,
    LIMITS,
    NEGATED_CLAIM,
    NEGATIVE,
    ON_THEIRS,
    OTHERS,
    OVERCLAIM,
    REFUSED_CAPABILITY,
    REPORTING,
    SELF_NEGATION,
    SELF_SUBJECT,
    SELF_WORD,
    STATE,
    STRONG_HEADING,
    UNSUPPORTED,
    VIRTUE,
    WEAKNESS_QUESTION,
)
from inhouse.analysis.proposals.signals.limit_words import REFUSED_PRACTICE, WEAKNESS, WITHHELD_CONTACT
from inhouse.analysis.proposals.signals.promise import conduct_promise

#: weight of one structural admission: enough on its own (the decision needs 1.5), less than a humble-brag (3.0)
ADMISSION = 2.0


def _term_or_promise(text: str, position: int) -> bool:
    """A conduct promise ("we never share your data"), a packaging term ("not sold separately"), a sales practice
    ("we don't do pilots") or a reference's contact withheld ("we can't give their names"): no limit."""
    if REFUSED_PRACTICE.match(text, position) or WITHHELD_CONTACT.match(text, position):
        return True
    return conduct_promise(text, position) or unbundled_offer(text, position)


def _theirs(text: str, match: re.Match[str], names: list[str] | tuple[str, ...] = ()) -> bool:
    """The limit belongs to the client or a third party: the clause's subject is "your"/"their" something ("your
    data is patchy") or another company's product ("Algolia's plan doesn't include..."), not "we"/"our"/the
    product. What comes after the match ("won't replace your team") is its object."""
    if SELF_WORD.match(match.group(0)):  # "if you need on-prem, we're not the right fit"
        return False
    who = owner(text, match.start(), names)
    if who == THIRD or (who == OTHER and not SELF_WORD.search(match.group(0))):
        return True  # "Algolia's plan doesn't include...", "most vendors can't handle..."
    start = max((m.end() for m in CLAUSE.finditer(text, 0, match.start())), default=0)
    before = REPORTING.sub(" ", text[start : match.start()])
    if SELF_WORD.search(before):
        return False
    if OTHERS.search(before):
        return True
    # "sensor data is limited on your older lines": a state whose place is the client's
    return bool(STATE.match(match.group(0)) and ON_THEIRS.match(text[match.end() :]))


def _plain_negation(text: str, match: re.Match[str]) -> bool:
    """ "It doesn't read handwriting": the partner says what it does not do - not in a condition ("if it
    doesn't help, we stop"), a purpose ("so I don't jump ahead") or a promise ("we never share your data")."""
    start = max((m.end() for m in CLAUSE.finditer(text, 0, match.start())), default=0)
    lead = text[start : match.start()].strip().lower()
    return not CONDITION.search(text[max(0, start - 12) : match.start()]) and lead in (
        "",
        "and",
        "but",
        "also",
        "honestly",
    )


def _about_self(text: str, document: ParsedDocument) -> bool:
    """The partner speaks of itself: "we", "our model", or its own name ("RiskWise won't...")."""
    plain = REPORTING.sub(" ", text)
    if SELF_SUBJECT.search(plain) or UNSUPPORTED.search(plain):  # "Welsh isn't supported": the offer's own scope
        return True
    lowered = re.sub(r"[^a-z0-9 ]", "", plain.lower())
    return any(re.search(rf"\b{re.escape(name.lower())}", lowered) for name in document.partner_names if len(name) >= 3)


def _claimed(text: str) -> float:
    """Overclaim weight, leaving out claims under a negation ("we can't do anything useful with X" is a limit)."""
    total = sum(
        weight
        for pattern, weight in OVERCLAIM
        if any(not NEGATED_CLAIM.search(text[max(0, m.start() - 20) : m.start()]) for m in pattern.finditer(text))
    )
    return min(total, 3.0)


def humble_brag(unit: Unit, document: ParsedDocument) -> bool:
    """A "limitation" that is really a virtue: "our only weakness is that we over-deliver", "the criticism we
    hear is that clients get so attached they stop..."."""
    if virtue_as_limit(unit.text):
        return True
    if not HUMBLE_FRAME.search(unit.text):
        return False
    following = " ".join(u.text for u in document.next_units(unit))
    return bool(VIRTUE.search(unit.text) or (VIRTUE.search(following) and len(unit.text) < 120))


class HonestLimits(SignalDetector):
    name = "honest_limits"

    def decide(self, weighing: Weighing, document: ParsedDocument) -> bool:
        """One clear admission is enough ("voice isn't where we shine"), unless denials outweigh it."""
        return not weighing.veto and weighing.for_weight >= 1.5 and weighing.for_weight > weighing.against_weight

    def weigh(self, document: ParsedDocument) -> Weighing:
        weighing = Weighing()
        bragged: set[int] = set()
        for unit in document.partner_units:
            if humble_brag(unit, document):
                weighing.add_against(unit, 3.0)
                bragged.update({unit.index, unit.index + 1})
        carried: str | None = None
        previous: Unit | None = None
        for unit in document.partner_units:
            if previous is None or (previous.turn, previous.block) != (unit.turn, unit.block):
                carried = None  # "it" only points back within one paragraph of one speaker
            previous = unit
            if unit.index in bragged:
                carried = last_actor(unit.text, document.partner_names)
                continue
            overclaim = min(3.0, _claimed(unit.text) + (2.5 if denies_limits(unit.text, document.partner_names) else 0))
            weighing.add_against(unit, overclaim)
            if not overclaim:  # "nothing we haven't done" is no admission of a limit
                structural = ADMISSION if admissions(unit.text, document.partner_names, carried) else 0.0
                weighing.add_for(unit, self.limit_weight(unit, document) + structural)
            carried = last_actor(unit.text, document.partner_names) or carried
        self._answers_to_weakness_questions(document, weighing)
        return weighing

    def limit_weight(self, unit: Unit, document: ParsedDocument) -> float:
        text = unit.text
        if CLIENT_SUBJECT.search(text) and not SELF_WORD.search(text):
            return 0.0
        names = document.partner_names
        weight = min(
            4.0,
            sum(
                w
                for pattern, w in LIMITS
                if any(
                    not _theirs(text, m, names) and not _term_or_promise(text, m.start())
                    for m in pattern.finditer(text)
                )
            ),
        )
        weight += (
            1.0
            if any(
                _plain_negation(text, m) and not _term_or_promise(text, m.start()) for m in SELF_NEGATION.finditer(text)
            )
            else 0.0
        )
        heading = unit.heading
        under_heading = (
            bool(heading and HEADING.search(heading))
            and not (
                CLIENT_HEADING.search(heading) and not SELF_WORD.search(heading)  # "Your constraints" are the client's
            )
            and not (GENERIC_HEADING.search(heading) and not SELF_WORD.search(heading))
        )  # "Limitations of AI"
        if under_heading and any(
            not _theirs(text, m, names) and not _term_or_promise(text, m.start()) for m in NEGATIVE.finditer(text)
        ):
            weight += (
                2.0 if STRONG_HEADING.search(heading) else 1.0
            )  # "What we don't do": each negative line is a limit
        if not (under_heading or _about_self(text, document)):
            return 0.0
        return weight if weight >= 1.5 else 0.0

    def _answers_to_weakness_questions(self, document: ParsedDocument, weighing: Weighing) -> None:
        """The client asks what the partner is not good at (a flat "no" is a denial), or whether it can do
        something (a flat "no" / "not yet" is an admission)."""
        units = document.units
        for unit in units:
            if unit.by_partner:
                continue
            weakness = bool(WEAKNESS_QUESTION.search(unit.text))
            capability = unit.is_question and bool(CAPABILITY_QUESTION.search(unit.text))
            if not (weakness or capability):
                continue
            reply = next((u for u in units[unit.index + 1 :] if u.by_partner), None)
            if reply is None or self.limit_weight(reply, document):
                continue
            if weakness and DENIAL.search(reply.text):
                weighing.add_against(reply, 2.5)
            elif not weakness and _answers(unit, reply, units):
                turn = [u for u in units[reply.index :] if u.turn == reply.turn]
                # "Have you done X?" - "Not X, no." / "... would be new ground": read with the question
                said = next(
                    (
                        u
                        for u in turn
                        if u is reply
                        and REFUSED_CAPABILITY.search(u.text)
                        or WEAKNESS.search(u.text)
                        and not denies_limits(u.text, document.partner_names)
                    ),
                    None,
                )
                if said is not None:
                    weighing.add_for(said, 2.0)


def _answers(question: Unit, reply: Unit, units: list[Unit]) -> bool:
    """``reply`` opens the turn right after the one that ends with ``question``."""
    after = next((u for u in units[question.index + 1 :] if u.turn != question.turn), None)
    return after is not None and after.index == reply.index
