"""MADR structure read from markdown-it's tokens: titles (ATX or setext, never one inside code),
sections, the considered options and the chosen one, metadata from front matter or list lines."""

from __future__ import annotations

import pytest

from inhouse.analysis.journal.adr import parse_adr
from inhouse.errors import InvalidInput
from tests.madr_samples import SHAPES, TITLES, UNDATED


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_shape_reads(shape):
    record = parse_adr(SHAPES[shape], f"0003-{shape}.md")
    assert record.title == TITLES[shape] and record.number == 3 and record.flavour == "madr"
    assert (record.decided_on is None) == (shape in UNDATED)
    assert record.rationale and record.chosen


def test_madr4_front_matter_options_and_outcome():
    record = parse_adr(SHAPES["madr4"], "0001-features.md")
    assert (record.status, str(record.decided_on), record.deciders) == (
        "accepted",
        "2025-09-15",
        ["Ann Inside", "Pat Partner"],
    )
    assert record.options == ["A versioned feature store", "Shared SQL views", "Copy the code into both pipelines"]
    assert record.chosen == "A versioned feature store"
    assert record.rationale == "it gives training and serving one definition."


def test_madr2_list_lines_and_a_bare_chosen_option():
    record = parse_adr(SHAPES["madr2"], "x.md")
    assert (record.status, str(record.decided_on), record.deciders) == (
        "accepted",
        "2025-08-20",
        ["Ann Inside", "Pat Partner"],
    )
    assert (record.chosen, record.rationale) == ("Parquet", "every tool the analysts use reads it.")


def test_quoted_options_keep_their_commas_and_inner_quotes():
    assert parse_adr(SHAPES["neutral-because"], "x.md").chosen == "Partial lanes, because data is late"
    assert parse_adr(SHAPES["neutral-because"], "x.md").rationale == "the pilot can start on time."
    quoted = parse_adr(SHAPES["site-front-matter"], "x.md")
    assert quoted.chosen == 'Repeat the "names"' and quoted.rationale.startswith("* readers do not")


def test_template_placeholders_are_no_values():
    record = parse_adr(SHAPES["template-values"], "x.md")
    assert (record.status, record.decided_on, record.deciders) == ("accepted", None, [])


def test_a_heading_in_code_is_no_title_and_setext_headings_count():
    record = parse_adr(SHAPES["setext-and-code"], "0009-alerts.md")
    assert record.title == "Alert on lateness, not on model error" and record.number == 9
    assert record.rationale == "that is what dispatchers act on."
    with pytest.raises(InvalidInput, match="no title"):
        parse_adr("```\n# only in code\n```\n\ntext\n", "0002-x.md")


def test_sections_stop_at_the_next_second_level_heading():
    text = '# T\n\n## Context\n\nWhy.\n\n### Detail\n\nMore.\n\n## Decision Outcome\n\nChosen option: "A".\n'
    record = parse_adr(text, "x.md")
    assert record.chosen == "A" and record.rationale == "Why.\n\n### Detail\n\nMore."
