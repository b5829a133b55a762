"""Overclaim and pressure red flags, each with its evidence; negated promises are none."""

from __future__ import annotations

import pytest

from inhouse.analysis.proposals import assess_text


def flags(text, kind=None):
    return {flag.kind: flag.evidence for flag in assess_text(text, "doc.md", kind=kind).red_flags}


@pytest.mark.parametrize(
    "kind,sentence",
    [
        ("guaranteed_accuracy", "Our engine guarantees 99.2% accuracy on every document from day one."),
        ("guaranteed_accuracy", "We deliver 97% forecast accuracy, guaranteed."),
        ("guaranteed_accuracy", "The system reaches 100% detection of defects with zero false rejects."),
        ("no_limits", "There are no limits to what our platform can handle."),
        ("no_limits", "Honestly, we can do everything you need, from chatbots to pricing."),
        ("no_limits", "There is no use case in retail we can't handle."),
        ("no_limits", "We've never had a project we couldn't deliver."),
        ("artificial_deadline", "This offer expires on Friday, after which list prices apply."),
        ("artificial_deadline", "We only have two onboarding slots left this year."),
        ("multi_year_discount", "Sign the three-year agreement this month and get 25% off the first year."),
        ("auto_conversion", "The 60-day pilot automatically becomes a 24-month plan unless you cancel."),
    ],
)
def test_each_red_flag_is_found_with_its_quote(kind, sentence):
    found = flags(f"# Proposal\nWe are an analytics company.\n\n{sentence}\n")
    assert kind in found
    assert found[kind][0] == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "We cannot guarantee 95% accuracy before we have seen your data.",
        "We will measure accuracy in the pilot and report it honestly.",
        "We offer a four-week pilot with no commitment afterwards.",
        "Our annual plan is available if the pilot succeeds.",
    ],
)
def test_honest_statements_raise_no_flag(sentence):
    assert flags(f"# Proposal\nWe are an analytics company.\n\n{sentence}\n") == {}


def test_only_the_partners_words_raise_flags():
    call = """Call
Participants: Mia Berg (Harlow Logistics), Jon Reyes (Routa)

Jon Reyes: What is the biggest problem in your planning today?
Mia Berg: Our last vendor promised 99% accuracy, guaranteed, and said there were no limits. It was a disaster.
Jon Reyes: I understand. We would suggest a four-week pilot on one depot, and we can't promise a number yet.
Mia Berg: Sounds reasonable.
"""
    assert flags(call, kind="transcript") == {}
