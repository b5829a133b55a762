"""Conduct promises by their shape, and elliptical answers read with the question they answer.

Wording here is our own and unlike the benchmark documents."""

from __future__ import annotations

import re

import pytest

from inhouse.analysis.proposals import assess_text
from inhouse.analysis.proposals.signals.admission import admissions
from inhouse.analysis.proposals.signals.promise import conduct_promise

NAMES = ("Quarrystone Data",)


def _negation(sentence: str) -> int:
    return re.search(r"\b(never|won't|will not|don't|do not|wouldn't|would not|can't|haven't)\b", sentence).start()


@pytest.mark.parametrize(
    "sentence",
    [
        "We never reshuffle your shift planners onto other work.",
        "We won't rewrite your picking rules behind your back.",
        "We don't repurpose your call recordings for our own demos.",
        "I would never pull our engineers off the project mid-quarter.",
        "We do not alter your ledger mappings without your sign-off.",
        "We simply don't move your go-live date to suit our calendar.",
        "We never switch the dashboards off halfway through a contract.",
        "We don't claim your process designs as our IP.",
    ],
)
def test_promises_about_the_clients_things_are_conduct_not_limits(sentence):
    assert conduct_promise(sentence, _negation(sentence)), sentence
    assert not admissions(sentence, NAMES), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "We don't support your version of the Infor ledger.",
        "We haven't worked with your kind of rostering system before.",
        "We can't read your handwritten delivery notes.",
        "We don't parse your scanned contracts reliably yet.",
        "We don't have your regional dialects in our training audio.",
        "We've never modelled tidal flows for a port like yours.",
    ],
)
def test_limits_with_a_client_object_stay_admissions(sentence):
    assert not conduct_promise(sentence, _negation(sentence)), sentence
    assert admissions(sentence, NAMES), sentence


def _proposal(line: str) -> str:
    return (
        "# Proposal from Quarrystone Data\n\nYou told us the weekly forecast takes two days by hand.\n\n"
        f"{line}\n\nWe suggest a four-week trial on one depot for a fixed fee.\n"
    )


def test_a_proposal_with_only_conduct_promises_does_not_admit_a_limit():
    line = (
        "We never lift our analysts off your account mid-season, and we don't touch your routing rules without asking."
    )
    assert assess_text(_proposal(line), "p.md").signals["honest_limits"].value is False


QA = """Interview notes: Harlow Buses / Quarrystone Data
Q = Harlow Buses (Ines Roy), A = Quarrystone Data (Pat Cole)

Q: What do you do?
A: We build timetable and crew models for transport operators.
Q: Have you worked on electric bus charging?
A: {answer}
Q: What would a first step look like?
A: A six-week trial on one depot at a fixed fee.
"""


@pytest.mark.parametrize(
    "answer",
    [
        "Charging schedules, no. Diesel fleets, many times.",
        "Not charging as such, no. Crew rostering is where we've spent our years.",
        "Diesel fleets mostly. Charging windows would be unfamiliar territory.",
    ],
)
def test_a_short_answer_is_read_with_the_question_it_answers(answer):
    result = assess_text(QA.format(answer=answer), "qa.txt", kind="transcript").signals["honest_limits"]
    assert result.value is True, answer


def test_a_yes_answer_to_the_same_question_is_no_admission():
    answer = "Yes, for two operators in the last three years."
    result = assess_text(QA.format(answer=answer), "qa.txt", kind="transcript").signals["honest_limits"]
    assert result.value is False
