"""The structural rule for honest limits: partner actor + limiting predicate + capability object.

Sentences here are worded unlike the benchmark documents and unlike the lexicon's phrase families,
so that they test the structure (who, how limited, in what), not a phrase list.
"""

from __future__ import annotations

import pytest

from inhouse.analysis.proposals import assess_text
from inhouse.analysis.proposals.signals.actors import CLIENT, OTHER, PARTNER, THIRD, owner
from inhouse.analysis.proposals.signals.admission import admissions, denies_limits, virtue_as_limit

NAMES = ("Brightwell Analytics",)


@pytest.mark.parametrize(
    "sentence",
    [
        # negation + capability verb, partner subject
        "We have not deployed anything on mainframes.",
        "Brightwell has never shipped a model into a regulated clinical setting.",
        "Our engineers don't speak Finnish, so the Helsinki interviews would go through an interpreter.",
        "I can't vouch for the accuracy on carbon-copy receipts.",
        "Our parser does not cope with rotated scans.",
        # negation of possession / people
        "We don't have an actuary among us.",
        "Nobody on our side has sat inside a hospital pharmacy.",
        # limiting words
        "Our models have seen only a handful of Icelandic invoices.",
        "We have very little exposure to maritime law.",
        "Our tooling is weakest on streaming data.",
        "Our summariser struggles with tables spread over two pages.",
        "Our demand model trips up on promotional weeks.",
        # the partner as complement or after the limit
        "Freight pricing is not our home ground.",
        "Handwriting recognition isn't something we've invested in.",
        "Satellite imagery would be new territory for us.",
        "The scheduling part is more than we can take on with four people.",
        "A network of 300 stores is larger than anything we've rolled out.",
        # relying on others, learning, certainty
        "For the payroll interface we'd lean on a specialist integrator.",
        "We would need to learn your grading rules from your inspectors before trusting any score.",
        "We won't promise a figure before the first month of data is in.",
        "I'd treat our first forecasts with caution until we've seen a full season.",
        # "it" carries the partner's product from the sentence before
        "Our router was built for parcels. It has not been tried on pallets.",
    ],
)
def test_a_partner_limit_in_structure_is_an_admission(sentence):
    *before, last = sentence.split(". ")
    carried = PARTNER if before else None
    assert admissions(last, NAMES, carried), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        # negated promises about conduct
        "We never pass your data to third parties.",
        "We won't tie you into our hosting.",
        "We don't hand your project to junior staff after the sale.",
        "We will not store patient names anywhere.",
        # negated failures are boasts
        "Brightwell has never missed a go-live date.",
        "Our models have never let a client down in production.",
        # commercial terms
        "We don't run paid pilots.",
        "There is no set-up fee and no minimum term.",
        "We don't do long contracts.",
        # limits of the client or the data
        "Your sales history only starts in 2021, so seasonality will be rough.",
        "Your team has little time for labelling, we understand.",
        "The scanned archive is patchy before 2010.",
        "You told us your planners cannot see stock levels in real time.",
        # a third party's tool, stated as a fact
        "Shopify's API returns at most 250 orders per page.",
        "SAP does not expose the approval history through OData.",
        # conditions, purposes, questions, idioms
        "If the model doesn't beat your planners by week four, we stop.",
        "Is there anything you'd rather we didn't handle?",
        "We don't just hand over code, we train your people.",
        "We've delivered a few of these for grocers.",
        "We have no doubt your team will pick it up quickly.",
        "There's no problem connecting to Snowflake.",
    ],
)
def test_promises_boasts_terms_other_peoples_limits_and_conditions_are_not_admissions(sentence):
    assert not admissions(sentence, NAMES), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "There is no language our engine can't translate.",
        "Brightwell has yet to meet a schedule it couldn't optimise."
        if False
        else "Brightwell has never found a schedule it couldn't optimise.",
        "We've honestly never hit a wall with any dataset.",
        "We foresee no obstacles whatsoever.",
        "There isn't a single retail problem we haven't solved.",
    ],
)
def test_denied_limits_are_overclaims_not_admissions(sentence):
    assert denies_limits(sentence, NAMES), sentence
    assert not admissions(sentence, NAMES)


@pytest.mark.parametrize(
    "sentence",
    [
        "There's no reason we can't start on Monday.",
        "We have no answer yet, and we don't know when SAP will reply.",
        "There are no limits on the number of users.",
        "Your data has no gaps we could see.",
    ],
)
def test_ordinary_double_negatives_are_not_overclaims(sentence):
    assert not denies_limits(sentence, NAMES)


@pytest.mark.parametrize(
    "sentence",
    [
        "The knock on us is that our handover notes run to forty pages because we are overly meticulous.",
        "If there's a downside, it's that teams get so used to the alerts that they forget the old reports.",
        "Our biggest flaw? We over-document everything.",
    ],
)
def test_a_virtue_dressed_as_a_limit_is_a_humble_brag(sentence):
    assert virtue_as_limit(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Our main limitation is that we're too small to staff a night shift.",
        "The drawback is that inference is too slow on a laptop.",
    ],
)
def test_a_real_defect_in_a_limit_frame_is_not_a_humble_brag(sentence):
    assert not virtue_as_limit(sentence)


@pytest.mark.parametrize(
    ("sentence", "word", "who"),
    [
        ("Your records only go back to 2009.", "only", CLIENT),
        ("Salesforce's bulk API caps each batch.", "caps", THIRD),
        ("Site supervisors cannot watch every zone.", "cannot", OTHER),
        ("Our Spanish and Portuguese tutors are still in beta.", "still", PARTNER),
        ("We integrate with your HR system but don't support payroll.", "don't", PARTNER),
    ],
)
def test_the_actor_is_the_nearest_subject(sentence, word, who):
    assert owner(sentence, sentence.index(word), NAMES) == who


def _proposal(*lines: str) -> str:
    return (
        "# Proposal for Harbour Dental Group\n\nYour receptionists spend two hours a day on reminder calls.\n\n"
        + "\n\n".join(lines)
        + "\n\nWe suggest a three-week trial at one practice for a fixed fee.\n"
    )


def test_one_structural_admission_decides_with_its_quote_as_evidence():
    line = "Orthodontic referrals are terrain our team has never worked on."
    result = assess_text(_proposal(line), "p.md").signals["honest_limits"]
    assert result.value is True
    assert line in result.evidence


@pytest.mark.parametrize(
    "line",
    [
        "We will never sell your patients' details, and we won't lock you into our cloud.",
        "Twilio's SMS service does not deliver to landlines.",
        "Your appointment book only covers the last eighteen months.",
        "The criticism we hear is that we reply to emails so fast that clients feel rushed.",
        "Frankly, there's no dental workflow our assistant can't automate.",
    ],
)
def test_exclusions_leave_honest_limits_false(line):
    assert assess_text(_proposal(line), "p.md").signals["honest_limits"].value is False


def test_a_limit_in_a_transcript_counts_only_on_the_partner_side():
    client_says = (
        "Participants: Ann Lee (Harbour Dental), Tom Fry (Brightwell Analytics)\n\n"
        "Tom Fry: What happens when a patient misses an appointment?\n"
        "Ann Lee: Honestly, we have never managed to follow up properly; our team lacks the time.\n"
        "Tom Fry: Understood. We'd suggest a three-week trial at one practice.\n"
    )
    partner_says = client_says.replace(
        "Tom Fry: Understood.", "Tom Fry: Understood. We have never built for dental practices, to be fair."
    )
    assert assess_text(client_says, "t.txt", kind="transcript").signals["honest_limits"].value is False
    assert assess_text(partner_says, "t.txt", kind="transcript").signals["honest_limits"].value is True


@pytest.mark.parametrize(
    "sentence",
    [
        "Ground-penetrating radar is not what our models were trained on.",
        "Forecasting footfall for a stadium would be guesswork on our part.",
        "Tidal data sits outside our expertise.",
    ],
)
def test_the_partner_after_the_limit_still_owns_it(sentence):
    assert admissions(sentence, NAMES), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "We would never route an emergency call through a bot.",
        "We'll never leave your team without a named contact.",
        "In ten years we've not once had to hand a project back.",
    ],
)
def test_intentions_and_boasts_phrased_with_never_are_not_admissions(sentence):
    assert not admissions(sentence, NAMES), sentence


def test_a_competitors_limit_is_not_the_partners():
    line = "Most agencies can't translate legal Welsh; we can, and have done so for years."
    assert assess_text(_proposal(line), "p.md").signals["honest_limits"].value is False


def test_limits_of_the_technology_in_general_under_a_limitations_heading_are_not_the_partners():
    text = (
        "# Proposal for Harbour Dental Group\n\nYour receptionists spend two hours a day on reminder calls.\n\n"
        "## Limitations of machine learning\n\n- Models trained on past data can be less accurate when habits "
        "change.\n- Speech recognition is generally weaker on noisy lines.\n\n"
        "## Next step\n\nA three-week trial at one practice for a fixed fee.\n"
    )
    assert assess_text(text, "p.md").signals["honest_limits"].value is False


def test_the_same_lines_under_our_own_limitations_heading_count():
    text = (
        "# Proposal for Harbour Dental Group\n\nYour receptionists spend two hours a day on reminder calls.\n\n"
        "## Our limitations\n\n- Our reminder voice is weaker on noisy lines.\n\n"
        "## Next step\n\nA three-week trial at one practice for a fixed fee.\n"
    )
    assert assess_text(text, "p.md").signals["honest_limits"].value is True


def test_titled_speaker_labels_and_participant_affiliations_name_the_partner():
    from inhouse.analysis.proposals.document import parse_document

    text = (
        "Participants: Dr. Ann Lee (Harbour Dental), Tom Fry (Brightwell)\n\n"
        "Tom Fry: What happens when a patient misses an appointment?\n"
        "Dr. Ann Lee: Nobody follows up. We have never managed it.\n"
        "Tom Fry: Everything Brightwell has shipped so far was for opticians, to be fair.\n"
    )
    document = parse_document(text, "transcript")
    assert {u.speaker for u in document.units} == {"Tom Fry", "Dr. Ann Lee"}
    assert "brightwell" in [n.lower() for n in document.partner_names]
    result = assess_text(text, "t.txt", kind="transcript").signals["honest_limits"]
    assert result.value is True
    assert any("Brightwell has shipped" in quote for quote in result.evidence)
