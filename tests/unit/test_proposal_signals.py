"""The three playbook signals, each true and false, and the hard cases the issue names."""

from __future__ import annotations

import pytest

from inhouse.analysis.proposals import assess_text

PROBLEM_FIRST_PROPOSAL = """# Proposal for Harlow Logistics

## What you told us
Your planners rebuild the delivery schedule by hand every afternoon, and about a third of the morning routes
are wrong by noon. You told us that late pickups cost you two working days a week.

## Questions we still have
- Who decides when a route is changed today?
- How much GPS history do you keep?

## Our approach
We use a constraint solver and gradient-boosted ETA models on our cloud platform.
"""

SELF_FIRST_PROPOSAL = """# About Vectorix

Vectorix was founded in 2009 and today employs 400 engineers in six countries. Our award-winning platform
combines transformer models, a feature store and Kubernetes-based serving. We are the market's leading AI
company and our proprietary engine powers 90 retailers.

## Technology
Our stack: LLM orchestration, vector search, real-time streaming and GPU autoscaling.

## Your needs
We understand Harlow wants better routes.
"""

TECH_DECK_OPENING_WITH_PROBLEM = """Slide 1 - Your problem, in your numbers
Harlow's dispatchers told us that 31% of routes are replanned by hand and drivers wait 40 minutes a day at depots.

Slide 2 - Architecture
Kubernetes microservices, a transformer ETA model, Kafka streams, a feature store and GPU inference with p95 latency
under 80 ms. Our platform integrates with every TMS through REST APIs and our proprietary optimiser.

Slide 3 - Model lifecycle
MLflow registry, Airflow retraining, drift monitoring, canary deployment on our cloud.

Slide 4 - Data pipeline
Change data capture into Snowflake, dbt models, embeddings in a vector database.
"""

LISTENING_CALL = """Intro call, Harlow Logistics / Routa
Participants: Mia Berg (Harlow Logistics), Jon Reyes (Routa)

Jon Reyes: Thanks for having us. Before we say anything about Routa, what is hurting most in your planning today?
Mia Berg: The afternoon replanning. Our dispatchers redo a third of the routes by hand and drivers complain.
Jon Reyes: How many dispatchers do you have, and which data do they look at when they replan?
Mia Berg: Four dispatchers. They look at the TMS and at phone calls from drivers, mostly.
Jon Reyes: Who would have to trust a new plan before it goes to the drivers?
Mia Berg: Our senior dispatcher.
"""

PITCH_CALL = """Sales call, Harlow Logistics / Routa
Participants: Mia Berg (Harlow Logistics), Jon Reyes (Routa)

Jon Reyes: Let me start with a quick demo of our platform so you can see who we are. Routa was founded in 2015, we
have 300 engineers and our proprietary transformer models plan routes for 80 carriers. This is our dashboard with
live ETAs, and here you can see our optimiser and our API integrations with every TMS on the market.
Jon Reyes: Under the hood we use reinforcement learning, a feature store and Kubernetes. Next slide is our roadmap.
Mia Berg: Okay.
Jon Reyes: Our award-winning platform also has a chatbot for drivers.
Mia Berg: Our problem is the afternoon replanning.
"""


def signals(text, kind=None, partner=None):
    return assess_text(text, "doc.txt", kind=kind, partner=partner).signals


def test_problem_first_true_when_the_proposal_opens_with_the_clients_problem():
    result = signals(PROBLEM_FIRST_PROPOSAL)["problem_first"]
    assert result.value is True and result.confidence > 0.7
    assert any("by hand" in quote for quote in result.evidence)


def test_problem_first_false_when_credentials_and_stack_come_first():
    result = signals(SELF_FIRST_PROPOSAL)["problem_first"]
    assert result.value is False
    assert any("founded in 2009" in quote for quote in result.counter_evidence)


def test_hard_case_a_technical_deck_can_still_open_with_the_clients_problem():
    assert signals(TECH_DECK_OPENING_WITH_PROBLEM)["problem_first"].value is True


def test_problem_first_in_a_call_counts_the_partners_questions_and_the_clients_talking():
    result = signals(LISTENING_CALL)["problem_first"]
    assert result.value is True
    assert any(quote.endswith("?") for quote in result.evidence)


def test_problem_first_false_when_the_partner_opens_the_call_with_a_pitch():
    result = signals(PITCH_CALL)["problem_first"]
    assert result.value is False
    assert any("demo" in quote for quote in result.counter_evidence)


HONEST = """# Proposal
We are strong at demand forecasting. Store-level pricing is not our specialty, and we would recommend a
specialist provider for it. We have never worked with frozen food, so we cannot promise the same accuracy there.
We start with a four-week pilot.
"""

OVERCLAIM = """# Proposal
Our platform has no limits: we can do everything from forecasting to pricing to chatbots, and there is no use case
we can't handle. We start with a four-week pilot.
"""

HUMBLE_BRAG = """# Proposal
## Our limitations
Our only limitation is that we are too thorough: we check every record twice, so our reports are long.
We start with a four-week pilot.
"""

HUMBLE_BRAG_EMAIL = """From: Ana Silva <ana@quickml.io>
To: Bob Lee <bob@harlow.com>
Subject: Re: forecasting

Hi Bob,
People sometimes ask what our weakness is. If we have a weakness, it's that we care too much about our clients.
A 30-day pilot would be a good way to start.
Ana
"""

DENIAL_CALL = """Call notes
Participants: Mia Berg (Harlow Logistics), Jon Reyes (Routa)

Jon Reyes: Our platform covers forecasting, routing and pricing, and we propose a six-week pilot.
Mia Berg: Is there anything you're not good at?
Jon Reyes: Honestly, no. I can't think of anything.
Mia Berg: We also have our own limitations: our data is messy and our team can't do everything.
Jon Reyes: What data do you keep on past routes?
"""


def test_honest_limits_true_for_a_concrete_admitted_limit():
    result = signals(HONEST)["honest_limits"]
    assert result.value is True
    assert any("not our specialty" in quote for quote in result.evidence)


def test_honest_limits_false_for_we_can_do_everything():
    result = signals(OVERCLAIM)["honest_limits"]
    assert result.value is False
    assert any("no limits" in quote for quote in result.counter_evidence)


def test_hard_case_too_thorough_is_not_an_honest_limitation():
    result = signals(HUMBLE_BRAG)["honest_limits"]
    assert result.value is False
    assert any("too thorough" in quote for quote in result.counter_evidence)
    assert not any("too thorough" in quote for quote in result.evidence)


def test_hard_case_caring_too_much_is_not_an_honest_limitation_either():
    assert signals(HUMBLE_BRAG_EMAIL, kind="email")["honest_limits"].value is False


def test_a_flat_no_to_the_clients_weakness_question_counts_against_and_client_limits_do_not_count():
    result = signals(DENIAL_CALL, kind="transcript")["honest_limits"]
    assert result.value is False
    assert any("can't think of anything" in quote for quote in result.counter_evidence)
    assert not any("messy" in quote for quote in result.evidence)


SMALL = """# Next step
We suggest a four-week pilot on one depot. At the end you decide whether to continue; there is no commitment
beyond the pilot.
"""

ANNUAL = """# Commercial terms
Our minimum engagement is a three-year enterprise agreement covering all 40 depots, invoiced annually in advance.
"""

AUTO_CONVERTING_PILOT = """# Getting started
We offer an 8-week pilot on one depot for EUR 6,000. The pilot converts automatically into our 36-month
subscription at the end of the eight weeks unless you cancel in writing 30 days before it ends.
"""

PILOT_PHASE_OF_A_FIXED_TERM = """# Commercial model
Our service is a 12-month subscription for all depots. The first two months of the subscription serve as a pilot
phase; the term and fee are fixed from signature.
"""

PILOT_WITH_OPTIONAL_FOLLOW_ON = """# Proposed engagement
We propose to begin with a ten-week pilot on motor claims. If the pilot succeeds, we would suggest a two-year
roll-out, but that would be a separate decision after the pilot, with no commitment now.
"""

CLIENT_ASKS_PARTNER_REFUSES = """Call
Participants: Mia Berg (Harlow Logistics), Jon Reyes (Routa)

Jon Reyes: What is the most painful part of planning for you?
Mia Berg: Replanning. Could we try it on one depot first, as a small pilot?
Jon Reyes: We don't do pilots. Our standard model is an annual licence for the whole network.
Mia Berg: I see.
"""


def test_starts_small_true_for_a_short_pilot_without_commitment():
    result = signals(SMALL)["starts_small"]
    assert result.value is True and result.confidence > 0.7


def test_starts_small_false_for_a_multi_year_agreement():
    result = signals(ANNUAL)["starts_small"]
    assert result.value is False
    assert any("three-year" in quote for quote in result.counter_evidence)


def test_hard_case_a_pilot_that_converts_automatically_into_a_multi_year_subscription_is_not_small():
    result = signals(AUTO_CONVERTING_PILOT)["starts_small"]
    assert result.value is False and result.confidence >= 0.8
    assert any("converts automatically" in quote for quote in result.counter_evidence)


def test_a_pilot_phase_inside_a_fixed_twelve_month_term_is_not_small():
    assert signals(PILOT_PHASE_OF_A_FIXED_TERM)["starts_small"].value is False


def test_an_optional_follow_on_after_the_pilot_does_not_count_against():
    assert signals(PILOT_WITH_OPTIONAL_FOLLOW_ON)["starts_small"].value is True


def test_a_pilot_only_the_client_asks_for_is_not_the_partner_starting_small():
    result = signals(CLIENT_ASKS_PARTNER_REFUSES, kind="transcript")["starts_small"]
    assert result.value is False
    assert any("don't do pilots" in quote for quote in result.counter_evidence)


@pytest.mark.parametrize("text", [PROBLEM_FIRST_PROPOSAL, PITCH_CALL, AUTO_CONVERTING_PILOT, HUMBLE_BRAG])
def test_results_are_deterministic(text):
    assert assess_text(text, "a.md").model_dump(mode="json") == assess_text(text, "a.md").model_dump(mode="json")


def test_every_signal_has_value_confidence_and_quotes():
    for _name, result in signals(LISTENING_CALL).items():
        assert isinstance(result.value, bool)
        assert 0.5 <= result.confidence <= 1.0
        assert all(isinstance(q, str) and q for q in result.evidence + result.counter_evidence)
