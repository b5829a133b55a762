"""Phrasing families the signals must generalise to: each case is a family, not one sentence.

The wording here is deliberately unlike the benchmark documents.
"""

from __future__ import annotations

import pytest

from inhouse.analysis.proposals import assess_text


def signal(text: str, name: str, kind: str | None = None):
    return assess_text(text, "doc.txt", kind=kind).signals[name]


def proposal(*lines: str) -> str:
    return (
        "# Offer for Brightmoor Foods\n\n" + "\n\n".join(lines) + "\n\nWe propose a four-week pilot at a fixed fee.\n"
    )


# --- honest limits: hedges and admissions ------------------------------------------------------


@pytest.mark.parametrize(
    "admission",
    [
        "Payroll integration is outside our wheelhouse, so we would leave it to your HR system vendor.",
        "Shade grading is not our core competence.",
        "For the EDI side we'd partner with an integrator we trust rather than build it ourselves.",
        "We don't do the label printing in-house.",
        "We'd need to validate the model on your own scans before promising anything.",
        "We can't promise a detection rate until we have seen a month of your data.",
        "How well it works depends on how consistently your inspectors recorded defects.",
        "We have never integrated with Infor M3.",
        "Frankly, we've only ever done this for English-language contact centres.",
        "Our Polish model is still in beta.",
        "Night-shift images would be a guess on our part at first.",
        "The mobile app is iOS-only for now.",
        "That would be a stretch for us without your engineers.",
        "Voice isn't where we shine.",
        "I'd be lying if I said we had done this in a hospital before.",
        "Our team does not have prior exposure to SAP S/4HANA.",
        "Our references in the dairy sector are few.",
        "We cannot take over responsibility for the sensor hardware.",
        "Our false-alarm rate on reflective packaging is high.",
    ],
)
def test_a_single_admission_in_many_wordings_counts_as_honest_limits(admission):
    result = signal(proposal("Your line 2 loses about 3% of packs to seal failures.", admission), "honest_limits")
    assert result.value is True, result
    assert any(admission[:30] in quote for quote in result.evidence)


@pytest.mark.parametrize(
    "denial",
    [
        "Nothing in this brief is outside our wheelhouse.",
        "There's nothing here we'd need outside help with.",
        "We've built every piece of this before, many times.",
        "No project is too complex for us.",
        "We've yet to meet a dataset we couldn't tame.",
        "There's no part of your stack we can't plug into.",
        "We have no limitations worth mentioning.",
        "We excel across the board.",
    ],
)
def test_negated_hedges_and_denials_are_not_limits(denial):
    result = signal(proposal("Your line 2 loses about 3% of packs to seal failures.", denial), "honest_limits")
    assert result.value is False
    assert any(denial[:25] in quote for quote in result.counter_evidence)


@pytest.mark.parametrize(
    "brag",
    [
        "If I had to pick a weakness, it's that we over-engineer everything.",
        "If reviewers require us to name a limitation, it would be that our method is perhaps excessively rigorous.",
        "If you ask us for a weakness, we'd say we're perfectionists.",
        "Our one flaw, if we had to name it: we're relentless about quality.",
        "The only thing our platform can't do is make your coffee.",
    ],
)
def test_humble_brags_and_jokes_are_not_limits(brag):
    assert signal(proposal("Your line 2 loses packs to seal failures.", brag), "honest_limits").value is False


def test_a_limit_that_belongs_to_the_client_does_not_count():
    text = proposal(
        "From the files you shared we note that sensor data is limited on your older lines, "
        "and that your quality team has little time for new tools."
    )
    assert signal(text, "honest_limits").value is False


def test_a_limit_with_the_client_only_as_object_counts():
    text = proposal("To be clear about what it isn't: Brightline won't replace your quality inspectors.")
    assert signal(text, "honest_limits").value is True


def test_negative_lines_under_a_limits_heading_count():
    text = (
        "# Deck\n\n## What we are not\n- Not an X-ray system\n- Not tuned for flexible boards yet\n\n"
        "## Start\nA four-week proof of value on one line.\n"
    )
    assert signal(text, "honest_limits").value is True


def test_limits_in_a_markdown_table_count():
    text = (
        "# Proposal\n\n## Risks and what we can't do\n\n| Area | Position |\n|---|---|\n"
        "| Bus lanes | Not covered - we haven't worked with that evidence format. |\n"
    )
    assert signal(text, "honest_limits").value is True


def test_a_flat_no_to_a_capability_question_is_an_admission():
    text = """Call: Fjord Dental / Smilebot
Participants: Ada Lund (Fjord Dental), Per Moe (Smilebot)

Per Moe: How do patients book today, and who handles cancellations?
Ada Lund: By phone, mostly. Do you support Norwegian?
Per Moe: Not yet. English and Swedish only, for now.
Ada Lund: Okay. What would a first step be?
Per Moe: A four-week trial in one clinic.
"""
    result = signal(text, "honest_limits")
    assert result.value is True


def test_a_flat_no_to_a_weakness_question_is_a_denial():
    text = """Call: Fjord Dental / Smilebot
Participants: Ada Lund (Fjord Dental), Per Moe (Smilebot)

Per Moe: Our platform books, reminds and reschedules patients automatically.
Ada Lund: Any weak spots we should know about?
Per Moe: Weaknesses? I'd say none really.
"""
    assert signal(text, "honest_limits").value is False


# --- starts small --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "offer",
    [
        "Proposed next step: a fixed-fee fortnight on last year's data, with no further obligation.",
        "A two-week spike at one branch; if it isn't useful, nothing more.",
        "Happy to run a one-off test on a sample of 500 of your closed tickets, free.",
        "We could start with one warehouse for a month and you decide whether to go further.",
        "Let's run a bake-off on 1,000 of last month's calls: two weeks, no commitment.",
        "Spin up a free 14-day sandbox with your own data, no credit card needed.",
    ],
)
def test_small_first_steps_in_many_wordings_count(offer):
    text = "# Note for Brightmoor Foods\n\nYour line 2 loses packs to seal failures.\n\n" + offer + "\n"
    assert signal(text, "starts_small").value is True


def test_a_described_first_step_answering_how_to_start_counts():
    text = """Call: Brightmoor Foods / Sealwise
Participants: Jo Hart (Brightmoor Foods), Sam Lee (Sealwise)

Sam Lee: How often does QA sample the trays today, and who acts on a failed seal?
Jo Hart: Every hour, and the line lead acts on it.
Sam Lee: What data do the sealers log?
Jo Hart: Temperatures, every second. So how would we start?
Sam Lee: Three weeks, two lines, fixed fee. If it doesn't move the scrap rate we stop there.
"""
    assert signal(text, "starts_small").value is True


@pytest.mark.parametrize(
    "refusal",
    [
        "We used to do pilots, but we stopped; we sell the annual plant licence.",
        "We'd recommend against it. Single-site trials tend to understate the benefit; we propose a three-year agreement.",
        "What I can offer is better than a trial: the first year at 40% off if you commit to three years.",
    ],
)
def test_refusing_or_talking_down_a_pilot_is_not_starting_small(refusal):
    text = f"""Call: Brightmoor Foods / Sealwise
Participants: Jo Hart (Brightmoor Foods), Sam Lee (Sealwise)

Jo Hart: Could we try it on one line first?
Sam Lee: {refusal}
"""
    assert signal(text, "starts_small").value is False


@pytest.mark.parametrize(
    "bundled",
    [
        "Phase 1 is a 6-week discovery. The programme is contracted as a single 30-month agreement covering all phases.",
        "Discovery (4 weeks) and build (16 weeks) are offered together; the phases cannot be contracted separately.",
        "The pilot is the first three months of the annual contract, in one region.",
        "An 8-week pilot, after which the 24-month subscription begins automatically unless you cancel.",
        "A free 60-day pilot, which then continues as the annual subscription unless you tell us otherwise.",
    ],
)
def test_a_small_start_bound_to_a_long_commitment_is_not_starting_small(bundled):
    assert signal(proposal(bundled), "starts_small").value is False


def test_a_pilot_in_a_reference_is_not_an_offer():
    text = (
        "# About us\n\nWe ran a pilot with Caldermouth Council in 2022; it is still running.\n\n"
        "## Commercials\nA 30-month agreement covering all teams.\n"
    )
    assert signal(text, "starts_small").value is False


def test_no_auto_renewal_is_not_a_conversion():
    text = "# Getting started\n\nA 30-day pilot in three clubs. There's no auto-renewal: at the end you decide.\n"
    assert signal(text, "starts_small").value is True


def test_long_terms_are_read_from_any_number():
    text = "# Commercials\n\nA 30-month service agreement. A three-season minimum applies.\n"
    result = signal(text, "starts_small")
    assert result.value is False and result.counter_evidence


# --- problem first ---------------------------------------------------------------------------------


def test_a_byline_before_the_first_section_does_not_decide():
    text = (
        "# Proposal: enrichment of collection records\n\n"
        "Submitted by the Digital Heritage Lab (spin-out: Vellum Analytics Ltd)\n\n"
        "## Statement of need\nThe museum's registrar estimates that 60% of 300,000 records lack keywords, "
        "and curators search card indexes by hand for the touring programme.\n\n"
        "## Approach\nOur pipeline suggests terms from the thesaurus.\n"
    )
    assert signal(text, "problem_first").value is True


def test_a_product_that_does_something_for_your_team_is_still_a_pitch():
    text = """From: Ana Ruiz <ana@alertloop.io>
To: ops@harbourbank.com
Subject: Alert triage

Hi team,

AlertLoop clusters alerts from your monitoring tools into incidents and writes a summary of your likely root cause.
Whatever you need, we've got it covered.

Try it free for 14 days.
Ana
"""
    assert signal(text, "problem_first").value is False


# --- precision: promises and brags phrased with a negation are not limits -------------------------


@pytest.mark.parametrize(
    "promise",
    [
        "We never share your data with third parties.",
        "We don't charge setup fees.",
        "It doesn't matter how messy your data is.",
        "Our platform doesn't require any IT work.",
        "We don't just build models; we make them work.",
        "If it doesn't help, we stop.",
        "Our team doesn't cut corners.",
        "It won't disrupt your operations.",
        "We don't outsource anything.",
        "We haven't lost a client in five years.",
        "We don't process data outside the EU.",
    ],
)
def test_promises_phrased_with_a_negation_are_not_limits(promise):
    text = "# Offer\n\nYour team loses time on invoices.\n\n" + promise + "\n\nWe propose a four-week pilot.\n"
    assert signal(text, "honest_limits").value is False


@pytest.mark.parametrize(
    "admission",
    [
        "Honestly, it doesn't read handwriting.",
        "We don't speak Finnish.",
        "Our app doesn't run on Android yet.",
        "We haven't shipped anything on SAP before.",
        "It won't work well on night footage.",
        "We can't host it on your premises.",
        "Welsh isn't supported.",
    ],
)
def test_plain_statements_of_what_the_offer_does_not_do_are_limits(admission):
    text = "# Offer\n\nYour team loses time on invoices.\n\n" + admission + "\n\nWe propose a four-week pilot.\n"
    assert signal(text, "honest_limits").value is True


@pytest.mark.parametrize(
    "commercials,small",
    [
        ("Our minimum term is 12 months, but you can start with one site.", False),
        ("The pilot runs for six months across all 40 stores.", False),
        ("Pilots are available to customers on a multi-year plan.", False),
        ("The first phase of the 24-month programme is a four-week discovery.", False),
        ("Contract length: 36 months. Implementation in 6 weeks.", False),
        ("Start with one plant for a month; any rollout is a separate decision.", True),
        ("A six-week pilot; if it works, we could discuss an annual licence later.", True),
        ("Try it free for 30 days on one team, cancel anytime.", True),
        ("We propose a short, fixed-price feasibility study on a sample of 200 claims.", True),
    ],
)
def test_commercial_terms_small_or_not(commercials, small):
    text = "# Offer\n\nYour team loses time on invoices.\n\n## Commercials\n\n" + commercials + "\n"
    assert signal(text, "starts_small").value is small
