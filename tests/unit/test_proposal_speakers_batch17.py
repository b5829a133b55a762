"""Transcripts whose labels stand on their own line with a time stamp, under a key naming each
speaker (batch 17), in wording of our own."""

from __future__ import annotations

from inhouse.analysis.proposals import assess_text
from inhouse.analysis.proposals.kinds import detect_kind
from inhouse.analysis.proposals.speakers import parse_transcript
from inhouse.analysis.proposals.threads import parse_emails, printed_senders

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


PRINTED = """Subject: Re: Forecasting for Alder Vets

Lena Frost <lena@brightmoor.example>          Mon, Mar 2, 2026, 3:10 PM
to Omar

Hi Omar, happy to answer. We would start with a four-week pilot in two of your clinics and stop there if it does not help.

Lena

On Fri, Feb 27, 2026 at 9:02 AM Omar Haddad <omar@aldervets.example> wrote:
> Hi Lena,
> What would a first step look like for our 12 clinics?
> Omar
"""


def test_a_printed_web_mail_thread_is_an_email_with_its_senders():
    assert detect_kind(PRINTED) == "email"
    conversation = parse_emails(PRINTED)
    assert conversation is not None
    assert [turn.speaker for turn in conversation.turns][:2] == ["Omar Haddad", "Lena Frost"]


def test_a_name_with_an_address_but_no_date_is_no_printed_sender():
    assert printed_senders("Write to Lena Frost <lena@brightmoor.example>   for the slides.\n") == 0
