"""Signals and red flags on the shapes batch 15 found missing, in wording written for these tests.

A promise verb governing the negation ("we agreed we wouldn't ..."), a commercial practice with an
adverb ("we don't usually do ... trials"), a past client's size after a comma ("for a family firm,
only six shops"), a scene whose actor is the partner's product ("Imagine ...: TallyBot replies"), a
phase inside one contract, and red flags worded as figures in words, reductions on the fee, an
incentive that lapses on a near day and a denial naming a product with a trade-mark sign."""

from __future__ import annotations

import pytest

from inhouse.analysis.proposals import assess_text
from inhouse.analysis.proposals.signals.admission import admissions


def _flags(text: str, kind: str = "proposal") -> set[str]:
    return {flag.kind for flag in assess_text(text, kind=kind).red_flags}


# --- honest limits: promises, commercial practice, a client's size ---------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Their buyers are swamped with calls, and we agreed we wouldn't pass their number around.",
        "The board was wary of publicity, so I gave them my word we would never name them in a brochure.",
        "We don't usually do free trials, as the set-up takes most of the first month.",
        "We really don't run paid trials these days.",
        "We built the same thing for a family bakery chain in Bristol, only six shops, all in one county.",
        "We also ran it with a regional ferry operator, only two vessels at the time.",
    ],
)
def test_promises_practices_and_client_sizes_admit_nothing(sentence):
    assert admissions(sentence, ["Tallowby"]) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "We promised a date, but we haven't integrated with that ledger before.",
        "We've only built two of these so far, both for much smaller fleets.",
        "We have never supported Finnish, and we would need a language partner for it.",
    ],
)
def test_real_limits_still_count(sentence):
    assert admissions(sentence, ["Tallowby"])


def test_a_conduct_promise_after_a_promise_verb_leaves_honest_limits_false():
    call = (
        "Mara Quill (Tallowby): Thanks for your time. How do your dispatchers plan the day now?\n"
        "Ivo Brant (Keswold Freight): Spreadsheets, mostly, and a lot of phone calls.\n"
        "Mara Quill (Tallowby): Their planners get pestered constantly, and we agreed we wouldn't do that to them.\n"
        "Ivo Brant (Keswold Freight): Fair enough.\n"
    )
    assert assess_text(call, kind="transcript", partner="Tallowby").signals["honest_limits"].value is False


# --- problem first: a scene acted by the partner's product -------------------------------------------


def test_a_scene_acted_by_the_product_is_a_pitch():
    from inhouse.analysis.proposals.document import parse_document
    from inhouse.analysis.proposals.signals.problem_first import problem_weight

    document = parse_document(
        "Imagine a night nurse who needs to know why a dose was skipped: WardMate answers, checks the chart, "
        "and pages the pharmacist.",
        "proposal",
    )
    assert problem_weight(document.units[0], document) == 0.0


def test_a_scene_the_client_acts_in_still_reads_as_their_problem():
    from inhouse.analysis.proposals.document import parse_document
    from inhouse.analysis.proposals.signals.problem_first import _scene_pitch

    document = parse_document(
        "Imagine your planners on a Monday morning: they rebuild the whole schedule by hand.", "proposal"
    )
    assert not _scene_pitch(document.units[0].text, document)


# --- starts small: a phase inside one contract --------------------------------------------------------


def test_a_phase_inside_one_contract_is_not_starting_small():
    call = (
        "Ivo Brant (Keswold Freight): Could we begin with one depot?\n"
        "Mara Quill (Tallowby): We'd roll it out depot by depot, the northern one first, but contractually "
        "it is a single engagement for the whole network over two years.\n"
    )
    assert assess_text(call, kind="transcript", partner="Tallowby").signals["starts_small"].value is False


# --- red flags ----------------------------------------------------------------------------------------


def test_an_accuracy_figure_in_words_that_is_guaranteed():
    assert "guaranteed_accuracy" in _flags("Our matcher sits at ninety-six percent precision, and we guarantee that.")
    assert "guaranteed_accuracy" not in _flags("Our matcher sits at ninety-six percent precision on last year's data.")


@pytest.mark.parametrize(
    "sentence",
    [
        "We offer a 15% reduction on the annual subscription for customers who sign a four-year term.",
        "Sign for three years and you get a 10% cut in licence fees across every year.",
    ],
)
def test_a_reduction_for_a_long_term_is_a_multi_year_discount(sentence):
    assert "multi_year_discount" in _flags(sentence)


def test_a_reduction_the_client_gains_is_no_discount():
    assert "multi_year_discount" not in _flags(
        "Over three years the routing engine gave a 15% reduction in empty miles for the haulier."
    )


def test_an_incentive_that_lapses_on_a_near_day_is_a_deadline():
    assert "artificial_deadline" in _flags(
        "Our spring promotion waives the onboarding fee, but it lapses next Tuesday.", kind="email"
    )
    assert "artificial_deadline" not in _flags(
        "Your current maintenance contract expires next March, so we can plan the switch around it.", kind="email"
    )


def test_a_denial_naming_a_product_with_a_trade_mark_sign_has_no_limits():
    assert "no_limits" in _flags("There is nothing in fleet maintenance that Ferrolink Pulse\u2122 cannot schedule.")
    assert "no_limits" not in _flags("There is nothing in the contract that stops you leaving after the pilot.")
