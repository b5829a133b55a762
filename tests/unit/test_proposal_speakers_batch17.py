"""Transcripts whose labels stand on their own line with a time stamp, under a key naming each
speaker (batch 17), in wording of our own."""

from __future__ import annotations

from inhouse.analysis.proposals import assess_text
from inhouse.analysis.proposals.speakers import parse_transcript

CALL = """Orchard Lane Bakeries - call with Tallow Systems (route planning)
Recorded 3 March 2026. Machine transcript.
Speaker 1 = Dana Whitlow (Orchard Lane Bakeries, Operations Director)
Speaker 2 = Rui Campos (Tallow Systems, Account Lead)

Speaker 1 (00:00:05):
Thanks for joining. We run 30 vans out of two depots.

Speaker 2 (00:00:20):
Happy to be here. Before I say anything about us, what goes wrong on a bad morning?

Speaker 1 (00:01:02):
Drivers wait for the last trays and the first drops run late.

Speaker 2 (00:01:30):
We did something similar for a regional dairy with about 28 vans, and it is still running there today.

Speaker 1 (00:02:10):
Could we talk to them?

Speaker 2 (00:02:14):
Yes, I'll introduce you to their transport manager.
"""


def test_stamped_labels_on_their_own_line_are_turns_named_by_the_key():
    conversation = parse_transcript(CALL)
    assert conversation is not None
    assert {turn.speaker for turn in conversation.turns} == {"Dana Whitlow", "Rui Campos"}
    found = assess_text(CALL, "call.txt", kind="transcript").references
    assert [
        (r.said_by, r.similar_scale.value, r.still_running.value, r.client_contact_offered.value) for r in found
    ] == [("Rui Campos", "yes", "yes", "yes")]


def test_a_heading_with_a_time_range_is_no_speaker():
    text = (
        "# Workshop plan\n\nMorning (09:00):\nWe walk through the depots and the order data.\n\n"
        "Afternoon (13:30):\nWe agree the pilot's two routes and what a good week looks like.\n"
    )
    conversation = parse_transcript(text)
    assert conversation is None or not {turn.speaker for turn in conversation.turns} & {"Morning", "Afternoon"}
