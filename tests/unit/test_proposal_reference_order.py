"""References in the order the text first mentions them, the client's whole count, and questions set out
in the partner's own answer: wording of our own."""

from __future__ import annotations

from tests.reading_support import references_found

NEWEST_FIRST = """From: Tomas Reilly <tomas@quarrylight.example>
To: Ines Varga <ines@brookmill.example>
Subject: RE: RE: Stock forecasting
Date: Thu, 12 Mar 2026 10:05:00 +0000

Hi Ines,

Answers below.

1) Who else runs it?
We built the same forecast for Halden Ceramics in Norway, with 9 factories against your 8. They have used it every week since 2022.

2) Could we speak to them?
Yes. Their planning lead, Mette, has agreed to take a call.

Best, Tomas

-----Original Message-----
From: Ines Varga <ines@brookmill.example>
Sent: Wednesday, 11 March 2026 15:40
To: Tomas Reilly <tomas@quarrylight.example>
Subject: RE: Stock forecasting

Tomas, the six weeks on two factories suits us. Before our board meets: who else runs it, and could we speak to them? We run 8 factories in all.

Ines

-----Original Message-----
From: Tomas Reilly <tomas@quarrylight.example>
Sent: Tuesday, 10 March 2026 09:12
To: Ines Varga <ines@brookmill.example>
Subject: Stock forecasting

Hi Ines,

We would start with six weeks on two of your factories and stop there unless it pays.

Last spring we did a small study like this for a tile maker in Porto with 2 factories, and the stock pattern matched what you describe.

Tomas
"""


def _found(text: str) -> list[tuple[str, str, str, str]]:
    return references_found(text, "thread.txt", kind="email")


def test_a_thread_read_oldest_first_lists_its_references_as_the_page_shows_them():
    found = _found(NEWEST_FIRST)
    assert [row[0] for row in found] == ["Halden Ceramics", "a tile maker"]


def test_a_question_set_out_on_its_own_line_in_the_partners_answer_is_answered_by_the_next_words():
    halden = _found(NEWEST_FIRST)[0]
    assert halden[1:] == ("yes", "yes", "yes")


def test_the_clients_count_is_its_whole_not_the_part_a_pilot_takes():
    # "two factories" for the pilot comes first; "8 factories in all" is the client's size: 2 against 8 is no
    assert _found(NEWEST_FIRST)[1][1] == "no"
