"""YAML front matter read with PyYAML's safe loader: block scalars, quoted lists with commas,
nested maps; aliases and oversized blocks refused; bad YAML one line naming the file."""

from __future__ import annotations

import pytest

from inhouse.analysis.journal.adr import parse_adr
from inhouse.analysis.journal.notes import parse_review_note
from inhouse.analysis.journal.text import FRONT_MATTER_MAX_CHARS, split_front_matter
from inhouse.errors import InvalidInput


def test_block_scalars_quoted_lists_and_nested_maps():
    text = """---
title: "Weekly review: lanes, ETAs"
summary: |
  First line of a block.
  Second line: with a colon.
folded: >
  one
  two
attendees: ["Okafor, Dana", 'Lindqvist, Per', Mei Tan]
deciders:
  - "Brandt, Ana"
  - Lee
review:
  week_of: 2026-01-12
  owner: {name: Dana, side: internal}
status: accepted # a comment
Empty Key:
---
# Body
"""
    meta, body = split_front_matter(text, "w.md")
    assert meta["title"] == "Weekly review: lanes, ETAs"
    assert meta["summary"] == "First line of a block.\nSecond line: with a colon."
    assert meta["folded"] == "one two"
    assert meta["attendees"] == ["Okafor, Dana", "Lindqvist, Per", "Mei Tan"]
    assert meta["deciders"] == ["Brandt, Ana", "Lee"]
    assert meta["review"] == {"week-of": "2026-01-12", "owner": {"name": "Dana", "side": "internal"}}
    assert meta["status"] == "accepted" and meta["empty-key"] == []
    assert body == "# Body"


def test_no_front_matter_and_a_thematic_break_are_left_alone():
    assert split_front_matter("# Title\n\ntext\n") == ({}, "# Title\n\ntext\n")
    text = "---\nJust a line of prose after a rule.\n---\nMore prose.\n"
    assert split_front_matter(text) == ({}, text)


@pytest.mark.parametrize(
    "front, message",
    [
        ("a: &x [1, 2]\nb: *x\n", "aliases (*name) are not accepted"),
        ("title: [unclosed\n", "front matter is not valid YAML"),
        ("title: one: two\n", "front matter is not valid YAML (line 2"),
        ('title: "quoted" trailing\n', "front matter is not valid YAML"),
    ],
)
def test_bad_front_matter_is_one_line_naming_the_file(front, message):
    with pytest.raises(InvalidInput) as raised:
        split_front_matter(f"---\n{front}---\n# T\n", "0001-x.md")
    text = str(raised.value)
    assert text.startswith("0001-x.md: ") and message in text and "\n" not in text


def test_the_block_may_end_with_dots():
    assert split_front_matter("---\ntitle: x\n...\nbody", "n.md") == ({"title": "x"}, "body")


def test_an_alias_bomb_and_an_oversized_block_are_refused():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8)
    )
    with pytest.raises(InvalidInput, match="aliases"):
        split_front_matter(f"---\n{bomb}---\n", "bomb.md")
    huge = "notes: " + "x" * (FRONT_MATTER_MAX_CHARS + 10) + "\n"
    with pytest.raises(InvalidInput, match="front matter is over 16 KiB"):
        split_front_matter(f"---\n{huge}---\n", "huge.md")


def test_notes_and_adrs_read_the_new_front_matter():
    note = parse_review_note(
        '---\nweek: 2026-01-12\nattendees:\n  - "Dana Okafor"\n  - Lee Marsh\n---\n## Done\nx\n## Why\ny\n## Next\nz\n',
        "week.md",
    )
    assert str(note.week_of) == "2026-01-12" and note.attendees == ["Dana Okafor", "Lee Marsh"]
    adr = parse_adr(
        "---\nstatus: accepted\ndate: 2025-11-03\ndecision-makers: [Ana Brandt, Lee Marsh]\n---\n# Use one queue\n",
        "0004-use-one-queue.md",
    )
    assert (adr.status, str(adr.decided_on), adr.deciders, adr.number) == (
        "accepted",
        "2025-11-03",
        ["Ana Brandt", "Lee Marsh"],
        4,
    )
