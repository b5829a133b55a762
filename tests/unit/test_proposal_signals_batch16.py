"""Signals and red flags on the shapes batch 16 found missing, in wording written for these tests.

Refusing pilots or trials as a sales practice and withholding a past client's contacts (no limits), phases that
all sit inside one fixed-term contract (not starting small), a question to the client reported in meeting notes
(problem first), and red flags worded as an offer held until a clock time on a named day, a signature "by next
Monday", an accuracy figure guaranteed in the following sentence, and a "no," that answers rather than denies.
"""

from __future__ import annotations

import pytest

from inhouse.analysis.proposals import assess_text


def _flags(text: str, kind: str = "proposal") -> set[str]:
    return {flag.kind for flag in assess_text(text, kind=kind).red_flags}


def _signal(text: str, name: str, kind: str = "proposal") -> bool:
    return assess_text(text, kind=kind).signals[name].value


_OPENING = (
    "Proposal for Harlow Bay Dental\n\n"
    "Your reception team told us that recalls are still sent by hand and that half of them go unanswered.\n\n"
)

# --- honest limits: sales practices and withheld contacts are no limits ------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Honestly, we do not run pilot projects: a season is the shortest span in which the scheduler pays off.",
        "We no longer offer paid trials to dental groups.",
        "We generally don't do proofs of concept; the set-up is the same as a full installation.",
        "We never really offer free trials to clinics.",
        "Sadly we are not allowed to give direct contacts at the insurer.",
        "I'm afraid we can't share their names without their legal team's consent.",
    ],
)
def test_practices_and_withheld_contacts_are_no_limits(sentence):
    assert _signal(_OPENING + sentence + "\n", "honest_limits") is False


@pytest.mark.parametrize(
    "sentence",
    [
        "We can't run a pilot on your imaging data yet, because we have no connector for that archive.",
        "We do not support Welsh, and we have never built a model for it.",
        "We don't do computer vision; we would bring in a partner for the X-ray work.",
    ],
)
def test_real_limits_next_to_them_still_count(sentence):
    assert _signal(_OPENING + sentence + "\n", "honest_limits") is True


# --- starts small: phases inside one contract ---------------------------------------------------------


def test_phases_of_one_fixed_term_are_not_starting_small():
    text = (
        _OPENING + "The work will be delivered within the 36-month framework agreement set out in the ITT, "
        "in three stages.\n\n"
        "Stage 1 is a six-week discovery in two surgeries, at a fixed fee.\n\n"
        "All stages form part of the single agreement awarded under this tender.\n"
    )
    assert _signal(text, "starts_small") is False


def test_a_separate_short_pilot_still_starts_small():
    text = (
        _OPENING + "We suggest a four-week pilot in two surgeries, at a fixed fee of GBP 8,000.\n\n"
        "After the pilot you decide whether to continue; nothing further is owed.\n"
    )
    assert _signal(text, "starts_small") is True


# --- problem first: a question to the client reported in notes ---------------------------------------


def test_notes_that_open_on_a_question_to_the_client_are_problem_first():
    text = (
        "MEETING NOTES\n\n"
        "1. Background\n\n"
        "JT opened by asking the practice managers to describe how recalls work today before saying anything "
        "about Quillan.\n"
        "Recalls are sent by hand on Fridays; roughly half go unanswered.\n\n"
        "2. Quillan overview\n\n"
        "JT gave a short overview of the platform and its scheduling engine.\n"
    )
    assert _signal(text, "problem_first") is True


# --- red flags --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "This offer, with the three-year discount and the June start, is available only until noon on Monday 9 June.",
        "The price stands until 6 p.m. on Thursday, after which our list rates apply.",
        "To hold that rate I would need the countersigned order by next Monday.",
    ],
)
def test_offers_held_to_a_named_moment_are_deadlines(sentence):
    assert "artificial_deadline" in _flags(_OPENING + sentence + "\n")


@pytest.mark.parametrize(
    "sentence",
    [
        "The quotation is valid until 30 September 2026.",
        "The clinic is open until 6 p.m. on Thursday for your staff to visit.",
        "We can start the work next Monday.",
    ],
)
def test_ordinary_dates_are_no_deadlines(sentence):
    assert "artificial_deadline" not in _flags(_OPENING + sentence + "\n")


def test_an_accuracy_figure_guaranteed_in_the_next_sentence():
    text = _OPENING + "Our reader finds 98.5 percent of the missing fields. That we guarantee in the contract.\n"
    assert "guaranteed_accuracy" in _flags(text)


@pytest.mark.parametrize(
    "follow",
    [
        "That we cannot guarantee before the pilot.",
        "We will measure it with you during the first month.",
    ],
)
def test_a_figure_without_a_guarantee_is_no_flag(follow):
    text = _OPENING + "On similar clinics our reader found 98.5 percent of the missing fields. " + follow + "\n"
    assert "guaranteed_accuracy" not in _flags(text)


def test_an_answering_no_is_no_denial_of_limits():
    text = _OPENING + "Asked plainly whether we had served a dental group: no, we have not worked for one so far.\n"
    assert "no_limits" not in _flags(text)


def test_a_double_negation_still_denies_limits():
    text = _OPENING + "There is no booking system our connector can't read.\n"
    assert "no_limits" in _flags(text)
