"""The documentation audit's text rules: headings in every markup, placeholders, item names, code mentions."""

from __future__ import annotations

import pytest

from inhouse.analysis.docs import catalog
from inhouse.analysis.docs.files import is_code, is_doc, placeholder
from inhouse.analysis.docs.mentions import CodeIndex, mentioned_paths
from inhouse.analysis.docs.sections import split_sections
from inhouse.domain.docs_audit import Currency, CurrencyRule, group_status


def _heads(text, markup):
    return [(s.heading, s.level) for s in split_sections(text, markup) if s.heading]


def test_markdown_atx_setext_front_matter_and_fences():
    text = (
        "---\ntitle: x\n# not a heading\n---\nIntro\n\n# Guide #\n\nSetup\n=====\n\n```\n## fenced\n```\n"
        "Run it\n------\ntext\n\n- item\n---\n"
    )
    assert _heads(text, "markdown") == [("Guide", 1), ("Setup", 1), ("Run it", 2)]
    sections = split_sections(text, "markdown")
    assert sections[0].level == 0 and sections[0].body == "Intro"
    assert "## fenced" in sections[2].body  # a section's body runs to the next heading of its level


def test_rst_titles_with_overlines_and_levels_by_appearance():
    text = "=====\nTitle\n=====\n\nIntro.\n\nSetup\n-----\n\nDo this.\n\nDetails\n~~~~~~~\n\nMore.\n\nRun\n---\n"
    assert _heads(text, "rst") == [("Title", 1), ("Setup", 2), ("Details", 3), ("Run", 2)]
    setup = next(s for s in split_sections(text, "rst") if s.heading == "Setup")
    assert "Details" in setup.body and "Run" not in setup.body


def test_asciidoc_mediawiki_org_and_plain_text():
    assert _heads("= Doc\n\n== Install\n\n----\n== in a listing\n----\n\n=== Linux\n", "asciidoc") == [
        ("Doc", 1),
        ("Install", 2),
        ("Linux", 3),
    ]
    assert _heads("== Troubleshooting ==\ntext\n=== Disk full ===\n", "mediawiki") == [
        ("Troubleshooting", 2),
        ("Disk full", 3),
    ]
    assert _heads("* Runbook\n** On call\n", "org") == [("Runbook", 1), ("On call", 2)]
    text = "OPERATIONS GUIDE\n\nSome text here.\n\n1. Troubleshooting\n\nRestart it.\n\nSetup:\n=======\n"
    assert _heads(text, "text") == [("OPERATIONS GUIDE", 1), ("1. Troubleshooting", 2), ("Setup", 1)]


@pytest.mark.parametrize(
    "heading,kind,strength",
    [
        ("Troubleshooting", "troubleshooting", 3),
        ("2.1 Trouble-shooting!", "troubleshooting", 3),
        ("Known issues", "troubleshooting", 3),
        ("FAQ", "troubleshooting", 2),
        ("Architecture", "architecture", 3),
        ("System design", "architecture", 3),
        ("How it works", "how_it_works", 3),
        ("How the scoring service works", "how_it_works", 3),
        ("Overview", "how_it_works", 1),
        ("Getting started", "setup", 3),
        ("Quick start", "setup", 3),
        ("Installation", "setup", 3),
        ("Running locally", "setup", 3),
        ("Model Card", "model_card", 3),
        ("Data sheet", "datasheet", 3),
        ("Dataset card", "datasheet", 3),
        ("Uninstall notes", "setup", 0),
        ("Team", "architecture", 0),
    ],
)
def test_heading_signals(heading, kind, strength):
    assert catalog.heading_strength(kind, heading) == strength


def test_file_folder_and_section_set_signals():
    assert catalog.file_strength("troubleshooting", "wiki/Trouble-shooting.md") == 3
    assert catalog.file_strength("setup", "docs/01-getting_started.rst") == 3
    assert catalog.file_strength("setup", "README.md") == 0
    assert catalog.folder_strength("architecture", "doc/adr/0002-x.md") == 2
    assert catalog.is_operations_file("RUNBOOK.md") and catalog.is_operations_file("docs/operations-guide.adoc")
    assert catalog.section_set("model_card", ["Intended use", "Metrics", "Other"]) == ["Intended use", "Metrics"]
    assert catalog.section_set("model_card", ["Metrics", "Limitations"]) == []  # no anchor section
    assert catalog.section_set("datasheet", ["Motivation", "Composition", "Uses"]) == [
        "Motivation",
        "Composition",
        "Uses",
    ]


def test_documentation_and_code_files():
    assert is_doc("docs/guide.adoc") and is_doc("RUNBOOK") and is_doc("notes.txt")
    assert not is_doc("requirements.txt") and not is_doc("LICENSE.md") and not is_doc("vendor/x/README.md")
    assert not is_doc(".github/ISSUE_TEMPLATE/bug.md") and not is_doc("CHANGELOG.rst")
    assert is_code("src/app.py") and is_code("Dockerfile") and not is_code("README.md")
    assert not is_code("LICENSE") and not is_code("node_modules/x/index.js")


@pytest.mark.parametrize(
    "body,expected",
    [
        ("", True),
        ("TODO", True),
        ("TBD: write this", True),
        ("_Coming soon_", True),
        ("N/A", True),
        ("See below.", True),
        ("### Sub\n\n<!-- later -->", True),
        ("None of the alerts need a restart; the worker recovers by itself after a minute.", False),
        ("Restart the worker with make restart and check the queue depth in Grafana.", False),
    ],
)
def test_placeholders(body, expected):
    assert placeholder(body) is expected


def test_mentioned_paths_resolve_against_the_code_base():
    code = CodeIndex(
        [
            "src/eta/serving/api.py",
            "src/eta/serving/cache.py",
            "src/eta/models/gbm.py",
            "infra/main.tf",
            "tools/api.py",
            "pipelines/train.yaml",
        ]
    )
    text = (
        "The API (`src/eta/serving/api.py`) and [the cache](serving/cache.py) run from ./infra/; models live in "
        "eta.models; api.py is ambiguous, train.yaml is not; https://example.com/src/eta is a URL; "
        "see src/eta/serving for more. e.g. v1.2"
    )
    assert mentioned_paths(text, code) == ["infra", "pipelines/train.yaml", "src/eta/models", "src/eta/serving"]


def test_currency_rule_and_unseen_share():
    rule = CurrencyRule()
    assert rule.is_stale(5, 0.5) and not rule.is_stale(4, 0.9) and not rule.is_stale(9, 0.49)

    def measured(since, lines_since, lines_total, commits_total):
        return Currency.measured(
            doc_commit="a",
            doc_changed="2024-01-01",
            scope="codebase",
            code_paths=(),
            commits_since=since,
            lines_since=lines_since,
            lines_total=lines_total,
            commits_total=commits_total,
            code_changed=None,
        )

    assert measured(3, 50, 200, 10).unseen_share == 0.25
    assert measured(3, None, None, 12).unseen_share == 0.25  # partial clone: commits instead of lines
    assert measured(0, 0, 0, 0).unseen_share == 0.0
    assert group_status(["present", "stale", "present"]) == "stale"
    assert group_status(["present", "missing", "stale"]) == "partial"
    assert group_status(["missing"] * 3) == "missing"


def test_a_stored_rule_reads_back_with_its_description_derived():
    rule = CurrencyRule(min_commits=3, max_unseen_share=0.2)
    stored = rule.model_dump(mode="json")
    assert list(stored) == ["min_commits", "max_unseen_share", "description"] and "3 commits" in stored["description"]
    assert CurrencyRule.model_validate({**stored, "description": "anything"}) == rule
