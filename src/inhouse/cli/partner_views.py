"""Rich views of partner assessments, reference checks and the candidate comparison."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from inhouse.cli.context import console
from inhouse.domain.partners import SIGNAL_QUESTIONS, SIGNALS, Answer, AssessedDocument, ReferenceRecord
from inhouse.domain.scorecard import Comparison

_ANSWER_STYLE = {Answer.YES: "green", Answer.NO: "red", Answer.UNKNOWN: "dim"}


def _answer(value: Answer) -> str:
    return f"[{_ANSWER_STYLE[value]}]{value.value}[/]"


def show_assessment(item: AssessedDocument, path: str) -> None:
    result = item.assessment
    console.rule(f"[bold]{escape(path)}[/] - {result.kind} from {escape(item.partner)}")
    table = Table("signal", "shown", "confidence", "why", show_lines=True, expand=True)
    for name in SIGNALS:
        signal = result.signals[name]
        verdict = "[green]yes[/]" if signal.value else "[red]no[/]"
        quotes = [f'+ "{escape(q)}"' for q in signal.evidence[:2]]
        quotes += [f'- "{escape(q)}"' for q in signal.counter_evidence[:2]]
        why = "\n".join(quotes) or "[dim]nothing said about it[/]"
        table.add_row(f"{name}\n[dim]{SIGNAL_QUESTIONS[name]}[/]", verdict, f"{signal.confidence:.2f}", why)
    console.print(table)
    for flag in result.red_flags:
        console.print(f"[bold red]red flag[/] {flag.kind} ({flag.description}): " + f'"{escape(flag.evidence[0])}"')
    for number, ref in enumerate(result.references, start=1):
        who = (
            f" ({escape(ref.client)}" + (f", said by {escape(ref.said_by)})" if ref.said_by else ")")
            if ref.client
            else ""
        )
        console.print(
            f"reference {number}{who}: similar scale {_answer(ref.similar_scale)}, still running "
            f"{_answer(ref.still_running)}, contact offered {_answer(ref.client_contact_offered)} "
            f'- "{escape(ref.evidence[0])}"'
        )
    if item.speakers:
        who = ", ".join(f"{escape(s.name)} ({s.role}, {s.words} words, {s.questions} questions)" for s in item.speakers)
        console.print(f"[dim]speakers: {who}[/]")
    console.print(f"[dim]stored as document {item.document_id}, result {item.result_id}[/]")


def show_references(rows: list[ReferenceRecord]) -> None:
    table = Table(
        "id", "partner", "reference", "similar scale", "still running", "contact", "source", title="Reference checks"
    )
    for row in rows:
        table.add_row(
            str(row.id),
            escape(row.partner),
            escape(row.name),
            _answer(row.similar_scale),
            _answer(row.still_running),
            _answer(row.client_contact_offered),
            row.source.value,
        )
    console.print(table)


def show_comparison(result: Comparison) -> None:
    names = [c.name for c in result.criteria]
    title = "Candidates" + (f" for {escape(result.engagement)}" if result.engagement else "")
    table = Table("#", "partner", "score", *[n.replace("_", " ") for n in names], title=title)
    weights = ", ".join(f"{c.name} {c.weight:g}" for c in result.criteria)
    for candidate in result.candidates:
        cells = []
        for name in names:
            value = candidate.criteria[name].value
            cells.append("-" if value is None else f"{value * 100:.0f}%")
        table.add_row(str(candidate.rank), escape(candidate.partner), f"[bold]{candidate.score:.0f}[/]", *cells)
    console.print(table)
    console.print(f"[dim]weights: {weights}[/]")
    for candidate in result.candidates:
        console.print(f"[bold]{candidate.rank}. {escape(candidate.partner)}[/]")
        for reason in candidate.reasons:
            style = "green" if reason.startswith("+") else "red" if reason.startswith("-") else "yellow"
            console.print(f"   [{style}]{escape(reason)}[/]")
    for note in result.notes:
        console.print(f"[dim]note: {escape(note)}[/]")
