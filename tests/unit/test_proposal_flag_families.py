"""Red-flag families beyond the first wordings, each with a look-alike that must stay clean.

Wording is our own, unlike the benchmark documents."""

from __future__ import annotations

import pytest

from inhouse.analysis.proposals import assess_text


def kinds(sentence: str) -> set[str]:
    text = f"# Proposal from Corvid Metrics\nWe are an analytics company.\n\n{sentence}\n"
    return {flag.kind for flag in assess_text(text, "doc.md").red_flags}


@pytest.mark.parametrize(
    "kind,sentence",
    [
        ("no_limits", "We have yet to run into a ceiling on what our models can take on."),
        ("no_limits", "There isn't a branch of logistics we haven't modelled."),
        ("no_limits", "Our engine never gets a routing decision wrong."),
        ("no_limits", "Name your challenge and we'll have it solved within the quarter."),
        ("no_limits", "Farms, mills, bakeries, depots: one platform for all of them."),
        ("no_limits", "Our analysts have worked in every corner of agritech."),
        ("artificial_deadline", "Confirm the order by 14 March and we'll waive the onboarding fee."),
        ("artificial_deadline", "Say yes today and we knock 10% off."),
        ("artificial_deadline", "Committing to the full programme of three phases before November keeps today's rate."),
        ("artificial_deadline", "The launch price holds until the end of the month."),
        ("multi_year_discount", "Our plan runs for four years, and the monitoring module is free for year one."),
    ],
)
def test_a_family_member_is_flagged(kind, sentence):
    assert kind in kinds(sentence), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "We have never missed a go-live date in nine years.",
        "With alerts on your phone you never miss a late delivery.",
        "We can start this week and share the plan on Friday.",
        "The fixed price covers the work, with the code handed over at the end.",
        "Your three depots share one platform for all of them.",
        "We foresee no obstacles in getting read access to the ERP.",
        "Our team has mapped every corner of your warehouse already.",
        "The pilot is free for the first month, then you decide.",
    ],
)
def test_a_look_alike_raises_no_flag(sentence):
    assert kinds(sentence) == set(), sentence
