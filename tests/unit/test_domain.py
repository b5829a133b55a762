"""Domain rules: the dependency plan, engagement years, phase changes, input parsing."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

import inhouse.domain
from inhouse.domain.common import Phase, Side, parse_date, parse_enum
from inhouse.domain.engagements import Engagement
from inhouse.domain.plans import DependencyPlan, engagement_year
from inhouse.errors import InvalidInput

FORBIDDEN = {"sqlalchemy", "alembic", "fastapi", "starlette", "typer", "click", "rich", "psycopg", "jinja2"}


def test_domain_imports_no_database_web_or_cli_library():
    root = Path(inhouse.domain.__file__).parent
    offenders = []
    for module in root.rglob("*.py"):
        tree = ast.parse(module.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{module.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert offenders == []


def test_default_plan_is_the_playbooks():
    plan = DependencyPlan()
    assert plan.internal_shares == (0.30, 0.60, 0.90)
    assert [plan.target_for_year(y) for y in (0, 1, 2, 3, 4)] == [0.0, 0.30, 0.60, 0.90, 0.90]
    assert plan.as_text() == "30% -> 60% -> 90%"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("30,60,90", (0.3, 0.6, 0.9)),
        ("0.2, 0.5, 0.8, 1", (0.2, 0.5, 0.8, 1.0)),
        ("25%,50%", (0.25, 0.5)),
    ],
)
def test_plan_parsing(text, expected):
    assert DependencyPlan.parse(text).internal_shares == expected


@pytest.mark.parametrize("text", ["", "a,b", "30,20", "30,160", "-5"])
def test_plan_rejects_bad_input(text):
    with pytest.raises(InvalidInput):
        DependencyPlan.parse(text)


def test_engagement_years_count_from_the_start_date():
    start = date(2025, 6, 2)
    assert engagement_year(date(2025, 6, 1), start) == 0
    assert engagement_year(start, start) == 1
    assert engagement_year(date(2026, 6, 1), start) == 1
    assert engagement_year(date(2026, 6, 2), start) == 2
    assert engagement_year(date(2028, 2, 29), date(2024, 2, 29)) == 5
    assert engagement_year(date(2025, 2, 28), date(2024, 2, 29)) == 2


def test_phase_change_rules():
    engagement = Engagement(name="E", client_id=1, partner_id=1, start_date=date(2025, 1, 1))
    with pytest.raises(InvalidInput, match="already in the advisory"):
        engagement.change_phase(Phase.ADVISORY, date(2025, 2, 1))
    with pytest.raises(InvalidInput, match="before the engagement"):
        engagement.change_phase(Phase.PROJECT, date(2024, 12, 1))
    engagement.change_phase(Phase.PROJECT, date(2025, 4, 1), "pilot proven")
    assert engagement.phase is Phase.PROJECT and engagement.phase_since() == date(2025, 4, 1)
    with pytest.raises(InvalidInput, match="before the last phase change"):
        engagement.change_phase(Phase.ADVISORY, date(2025, 3, 1))


def test_input_parsing_errors_are_one_clear_line():
    assert parse_date("2025-03-04") == date(2025, 3, 4)
    with pytest.raises(InvalidInput, match="invalid start date '2025-13-01'"):
        parse_date("2025-13-01", "start date")
    assert parse_enum(Side, "Internal", "side") is Side.INTERNAL
    with pytest.raises(InvalidInput, match="expected one of internal, partner, other"):
        parse_enum(Side, "vendor", "side")
