"""Reference shapes met in ordinary proposals, calls and threads (batch 16), in wording of our own."""

from __future__ import annotations

from inhouse.analysis.proposals import assess_text, parse_document
from inhouse.analysis.proposals import reference_model as rm
from inhouse.analysis.proposals.threads import _when, parse_emails


def _found(text: str, name: str = "proposal.md", kind: str | None = "proposal") -> list[tuple[str, str, str, str]]:
    return [
        (r.client, r.similar_scale.value, r.still_running.value, r.client_contact_offered.value)
        for r in assess_text(text, name, kind=kind).references
    ]


def test_entry_labels_with_a_place_a_year_or_a_number():
    text = (
        "## 5. Similar work\n\n"
        "**Corrin Freight (Leeds).** Corrin move about 200 trailers. We built their yard planner in 2021; it is "
        "still in use.\n\n"
        "Velder Transport, Finland. A ferry operator. The contract ended in 2023.\n\n"
        "**5.3 Marlow Water Board (2020).** A four-week study of meter data. It was not taken forward.\n"
    )
    assert [row[0] for row in _found(text)] == ["Corrin Freight", "Velder Transport", "Marlow Water Board"]
    assert [row[2] for row in _found(text)] == ["yes", "no", "no"]


def test_a_table_whose_first_column_is_the_client_lists_references():
    text = (
        "# Track record\n\nWe are glad to arrange reference calls with any of the clients below.\n\n"
        "| Client | Work | Status |\n|---|---|---|\n"
        "| Harwell Foods | demand model for 30 bakeries | Live since 2021 |\n"
        "| A Welsh housing association | repairs triage | Project concluded in 2022 |\n"
    )
    found = _found(text)
    assert [row[0] for row in found] == ["Harwell Foods", "A Welsh housing association"]
    assert [row[2] for row in found] == ["yes", "no"]
    assert {row[3] for row in found} == {"yes"}


def test_careers_subcontractors_wishes_bids_and_awards_are_no_references():
    for sentence in (
        "Three of our analysts spent a decade at a national grocer before joining us.",
        "For the payroll link we would bring in a specialist firm (we've worked with Tallis Systems before).",
        "We'd love your trust to become a reference site for us next year.",
        "We are currently in procurement with a regional water utility in Spain.",
        "We were named in the Northern Tech Awards list two years running.",
    ):
        assert _found(f"# Our experience\n\n{sentence}\n") == [], sentence


def test_question_words_and_work_periods_are_no_clients():
    text = "# Case studies\n\nWhat changes: nobody re-keys the orders.\n\nWeeks 3-4: a pilot on two routes.\n"
    assert _found(text) == []


def test_a_pilot_that_did_not_continue_and_people_moving_elsewhere():
    call = (
        "Client: Have you done this before?\n"
        "Partner: We ran a pilot with a dental group in Cork in 2023. It didn't continue after the pilot.\n"
        "Client: And anyone live?\n"
        "Partner: A hotel chain in Porto has used it since 2022; when rooms are short, guests moved to another "
        "hotel get a voucher.\n"
    )
    found = _found(call, "call.txt", kind="transcript")
    assert [row[2] for row in found] == ["no", "yes"]


def test_a_client_using_a_product_named_in_one_word():
    text = "Partner: Let me tell you about Orvell Plastics. Orvell uses MouldSense in nine plants, live since 2021.\n"
    call = f"Client: Who else uses it?\n{text}Client: Thanks.\nPartner: Sure.\n"
    assert [row[0] for row in _found(call, "call.txt", kind="transcript")] == ["Orvell"]


def test_a_capitals_heading_inside_a_mail_heads_the_references_under_it():
    mail = (
        "From: Ana Ruiz <ana@brightlane.example>\nTo: Tom <tom@client.example>\nSubject: Our proposal\n"
        "Date: Mon, 2 Mar 2026 10:00:00 +0000\n\n"
        "Tom, our proposal follows.\n\n3. REFERENCES\n\n"
        "Kessel Haulage, Austria. We planned their depot shifts in 2022, and it is still in production.\n"
    )
    assert [row[0] for row in _found(mail, "thread.txt", kind="email")] == ["Kessel Haulage"]


def test_messages_stacked_newest_first_are_read_oldest_first():
    mail = (
        "From: Ana Ruiz <ana@brightlane.example>\nTo: Tom <tom@client.example>\nSubject: RE: RE: Rosters\n"
        "Date: Thursday 5 March 2026 09:12\n\nAbout your question: yes, it is still running.\n\n"
        "-----Oorspronkelijk bericht-----\n"
        "From: Tom <tom@client.example>\nSent: Tuesday 3 March 2026 16:48\nSubject: RE: Rosters\n\n"
        "Is it still running?\n\n"
        "From: Ana Ruiz <ana@brightlane.example>\nSent: Monday 2 March 2026 08:00\nSubject: Rosters\n\n"
        "We built a roster tool for a care group in Utrecht in 2023.\n"
    )
    conversation = parse_emails(mail)
    assert conversation is not None
    said = [mail[t.start : t.end].strip() for t in conversation.turns]
    assert said[0].startswith("We built a roster tool") and said[-1].startswith("About your question")


def test_the_model_never_opens_at_a_line_of_header_fields():
    view = rm.document_view(
        parse_document("**For:** Marlow Foods and the planning group **From:** Ana Ruiz, Brightlane\n", "proposal")
    )
    assert not any(rm.may_open(unit) for unit in view["units"])


def test_header_dates_are_compared_in_utc_and_a_date_without_a_day_reads_the_same_every_day():
    mail = (
        "From: Ana Ruiz <ana@brightlane.example>\nTo: Tom <tom@client.example>\nSubject: RE: Rosters\n"
        "Date: Tue, 3 Mar 2026 09:00:00 +0100\n\nYes, it is still running.\n\n"
        "From: Tom <tom@client.example>\nTo: Ana Ruiz <ana@brightlane.example>\nSubject: Rosters\n"
        "Date: Tue, 3 Mar 2026 09:30:00 +0200\n\nIs it still running?\n"
    )
    conversation = parse_emails(mail)
    assert conversation is not None
    said = [mail[t.start : t.end].strip() for t in conversation.turns]
    assert said == ["Is it still running?", "Yes, it is still running."]  # 07:30 UTC before 08:00 UTC
    assert _when("Monday 09:12") == _when("Monday 09:12") is not None
    assert _when("not a date at all") is None
