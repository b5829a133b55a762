"""Who says what, in layouts the first parsers did not know: Q/A interviews, quoted e-mail history,
"Name, Company:" labels, attendees without companies, Markdown tables."""

from __future__ import annotations

from inhouse.analysis.proposals import assess_text, detect_kind
from inhouse.analysis.proposals.document import parse_document


def sides(text: str) -> dict[str, str]:
    document = parse_document(text, detect_kind(text))
    return {share.name: share.role for share in document.speakers}


QA_CLIENT_ASKS = """Vendor briefing: Tallyfy AI
Attendees: Rosa King, Finance Director, Wexford Mills (Q); Dan Hale, Account Director, Tallyfy AI (A)

Q: Thanks for coming. Tell us about Tallyfy.
A: Tallyfy is the leading AI close platform. We reconcile every account automatically and we've got over 900 customers.
Q: Are there limitations we should know about?
A: None that matter. The platform just works.
Q: Could we trial it on one entity first?
A: Better than a trial: commit to three years and the first year is 30% off.
"""

QA_PARTNER_ASKS = """Discovery interview
Format: Q = Lumen Analytics (Eva Moss), A = Wexford Mills (Rosa King, finance)

Q: Which part of the month-end close takes longest?
A: Intercompany reconciliations, about four days.
Q: Who does them, and in which system?
A: Two accountants, in spreadsheets next to the ERP.
Q: How many entities?
A: Eleven.
"""


def test_qa_interview_where_the_client_asks():
    assert detect_kind(QA_CLIENT_ASKS) == "transcript"
    assert sides(QA_CLIENT_ASKS) == {"Q": "client", "A": "partner"}
    result = assess_text(QA_CLIENT_ASKS, "qa.txt")
    assert result.signals["problem_first"].value is False
    assert result.signals["honest_limits"].value is False
    assert result.signals["starts_small"].value is False


def test_qa_interview_where_the_partner_asks():
    assert sides(QA_PARTNER_ASKS) == {"Q": "partner", "A": "client"}
    assert assess_text(QA_PARTNER_ASKS, "qa.txt").signals["problem_first"].value is True


TOP_POSTED = """From: Lena Voss <lena@stockpilot.ai>
To: Marc Dupont <marc@fromagerie-dupont.fr>
Subject: Re: Stock forecasting
Date: Wed, 5 Mar 2025 10:00

Hi Marc,

No problem at all! StockPilot has never met a demand pattern it couldn't forecast, so patchy data won't matter.
Our Starter pilot is 45 days, and then it rolls into the 3-year Growth plan automatically.

Lena

On Tue, 4 Mar 2025 at 09:12, Marc Dupont <marc@fromagerie-dupont.fr> wrote:
> Hi Lena, we're a small cheese maker, our sales data is patchy before 2022 and we can't sign anything long.
> Could we start with something small?
>
>> On Mon, 3 Mar 2025, Lena Voss <lena@stockpilot.ai> wrote:
>> Hi Marc! StockPilot is the AI forecasting platform trusted by 400 food brands. Our models are state of the art.
"""


def test_quoted_history_is_read_oldest_first_and_attributed():
    document = parse_document(TOP_POSTED, "email")
    speakers = [unit.speaker for unit in document.units]
    assert speakers[0] == "Lena Voss"  # the original pitch, two levels deep, comes first
    assert "Marc Dupont" in speakers
    marc = [unit for unit in document.units if unit.speaker == "Marc Dupont"]
    assert all(unit.side == "client" for unit in marc)
    assert not any(">" in unit.text for unit in document.units)


def test_quoted_client_limits_and_requests_do_not_count_for_the_partner():
    result = assess_text(TOP_POSTED, "thread.txt")
    assert result.signals["problem_first"].value is False
    assert result.signals["honest_limits"].value is False
    assert result.signals["starts_small"].value is False
    assert {flag.kind for flag in result.red_flags} >= {"no_limits", "auto_conversion"}


def test_quoted_text_already_in_the_thread_is_not_read_twice():
    text = """From: Mia Berg <mia@harlow.com>
To: Jon Reyes <jon@routa.ai>
Subject: Routing

Can you help with route planning? Our planners are swamped.

From: Jon Reyes <jon@routa.ai>
To: Mia Berg <mia@harlow.com>
Subject: Re: Routing

How many routes do your planners build a day?

On Mon, 3 Mar 2025, Mia Berg <mia@harlow.com> wrote:
> Can you help with route planning? Our planners are swamped.
"""
    document = parse_document(text, "email")
    assert [unit.text for unit in document.units].count("Our planners are swamped.") == 1


def test_inline_replies_keep_question_then_answer():
    text = """From: Priya Shah <priya@northgate.org.uk>
To: Cal Reid <cal@fernbrook.co.uk>
Subject: Re: Repairs

Answers inline.

> From: Cal Reid <cal@fernbrook.co.uk>
> 1. How many repair requests a month?

About 4,000.

> 2. Who sets the priority today?

Call handlers.
"""
    document = parse_document(text, "email")
    order = [(unit.speaker, unit.text) for unit in document.units]
    assert order.index(("Cal Reid", "How many repair requests a month?")) < order.index(("Priya Shah", "About 4,000."))
    assert {u.speaker: u.side for u in document.units} == {"Priya Shah": "client", "Cal Reid": "partner"}


def test_name_comma_company_labels_group_colleagues():
    text = """Intro call
Marco Rossi, Leasewise: Let me share my screen and show you our platform first.
Fiona Grant, Harbourline: We have 1,100 leases and lenders want a data tape.
Aisha Rahman, Leasewise: We'd need to validate on your Spanish leases before promising anything.
Fiona Grant, Harbourline: How would we start?
Aisha Rahman, Leasewise: A three-week proof of value on 50 leases, no commitment after that.
"""
    assert sides(text) == {
        "Marco Rossi, Leasewise": "partner",
        "Fiona Grant, Harbourline": "client",
        "Aisha Rahman, Leasewise": "partner",
    }


def test_a_colleague_who_interviews_the_client_is_on_the_partner_side():
    text = """Meeting notes
Dr Ana Silva: Thanks for coming in. Discharges are our bottleneck.
Tom Baker: Thanks for having us. Could you tell us what happens on a discharge day?
Dr Ana Silva: Patients are fit by ten but leave at four; summaries are the bottleneck.
Hana Ito: Who signs the summaries off, and is it free text or a template?
Dr Ana Silva: Consultants sign off; it's a template with free text.
Tom Baker: Our suggestion: prove it on one ward for a month, then decide.
Dr Ana Silva: Let me take that to the board.
"""
    assert sides(text) == {"Dr Ana Silva": "client", "Tom Baker": "partner", "Hana Ito": "partner"}


def test_speaker_n_labels_do_not_share_a_side_by_their_number_word():
    text = """Call notes
Speaker 1 (Berthly, Hugo Lamb): We do it all: berth, yard, gate. There is nothing in a terminal we can't optimise.
Speaker 2 (Port of Valmar, Carla Mendes): We mostly struggle with truck waiting times.
Speaker 1 (Berthly, Hugo Lamb): Our platform handles that too.
Speaker 2 (Port of Valmar, Carla Mendes): What would it cost?
"""
    assert sides(text)["Speaker 2 (Port of Valmar, Carla Mendes)"] == "client"


def test_table_rows_are_never_headings():
    text = "# Risks\n\n| Area | Position |\n|---|---|\n| Handwriting | Our OCR is unreliable on it. |\n"
    document = parse_document(text, "proposal")
    assert all(unit.heading == "Risks" for unit in document.units)
