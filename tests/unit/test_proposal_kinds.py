"""Document kind detection and who says what in transcripts and email threads."""

from __future__ import annotations

import pytest

from inhouse.analysis.proposals import assess_text, detect_kind
from inhouse.analysis.proposals.document import parse_document

PROPOSAL = """# Proposal for Harlow Logistics
## Our approach
We propose a four-week pilot. Pricing: EUR 12,000, fixed fee.
"""

TRANSCRIPT = """[00:00:03] Mia Berg (Harlow): Thanks for joining.
[00:00:09] Jon Reyes (Routa AI): Thanks for having us. What is the most urgent problem in your planning?
[00:00:20] Mia Berg (Harlow): Replanning routes by hand every afternoon.
[00:00:31] Jon Reyes (Routa AI): How many planners do that today?
[00:00:35] Mia Berg (Harlow): Four of them.
"""

OTTER = """Mia Berg  0:00
Thanks for joining, we lose a lot of time on replanning.

Jon Reyes  0:05
Which data do your planners use today?

Mia Berg  0:12
The TMS, mostly.

Jon Reyes  0:20
We'd suggest a four-week pilot.
"""

EMAIL = """From: Mia Berg <mia@harlow-logistics.com>
To: Jon Reyes <jon@routa.ai>
Subject: Routing
Date: 3 March 2025

Hi Jon, can you help us with route planning? Our planners are swamped.
Mia

From: Jon Reyes <jon@routa.ai>
To: Mia Berg <mia@harlow-logistics.com>
Subject: Re: Routing
Date: 4 March 2025

Hi Mia,
Thanks for reaching out. How many routes do your planners build a day, and what data do you keep?
We'd suggest a four-week pilot on one depot.
> Hi Jon, can you help us with route planning?
Jon
"""

OTHER = "Minutes of the facilities committee. The car park will be resurfaced in May. Lunch moves to 12:30."


@pytest.mark.parametrize(
    "text,kind",
    [
        (PROPOSAL, "proposal"),
        (TRANSCRIPT, "transcript"),
        (OTTER, "transcript"),
        (EMAIL, "email"),
        (OTHER, "other"),
    ],
)
def test_kind_detection(text, kind):
    assert detect_kind(text) == kind
    assert assess_text(text, "x.txt").kind == kind


def test_transcript_speakers_are_attributed_to_sides():
    document = parse_document(TRANSCRIPT, "transcript")
    sides = {share.name: share.role for share in document.speakers}
    assert sides == {"Mia Berg (Harlow)": "client", "Jon Reyes (Routa AI)": "partner"}
    jon = next(s for s in document.speakers if s.role == "partner")
    assert jon.questions == 2


def test_the_partner_name_decides_the_sides_when_given():
    document = parse_document(OTTER, "transcript", partner_name="Mia Berg")
    assert {s.name: s.role for s in document.speakers} == {"Mia Berg": "partner", "Jon Reyes": "client"}


def test_email_threads_split_by_sender_and_leave_quotes_out():
    document = parse_document(EMAIL, "email")
    assert {s.name: s.role for s in document.speakers} == {"Mia Berg": "client", "Jon Reyes": "partner"}
    partner_text = " ".join(u.text for u in document.partner_units)
    assert "can you help us" not in partner_text


def test_an_explicit_kind_is_validated():
    from inhouse.errors import InvalidInput

    with pytest.raises(InvalidInput):
        assess_text(PROPOSAL, "x.md", kind="memo")
