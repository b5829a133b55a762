"""A short deterministic slice of the fuzz harness (benchmarks/fuzz/run.py): fixed seed, a few hundred inputs.

The full run is ``make fuzz`` (10 minutes); this slice keeps the harness itself working and catches a
reader that starts crashing on the simplest mutations. A crash here is an input that raised anything
but the documented AnalyzerError / InvalidInput, or ran over the per-document budget.
"""

from __future__ import annotations

import hashlib

import pytest
from benchmarks.fuzz.corpus import seeds
from benchmarks.fuzz.run import InputTimeout, fuzz, inputs, regression_name, run_one
from benchmarks.fuzz.targets import TARGETS, Target

SEED = 12
INPUTS = 300
BUDGET = 20.0


def test_every_seed_is_read_by_its_readers() -> None:
    corpus = seeds()
    for target in TARGETS.values():
        picked = target.seeds(corpus)
        assert picked, f"{target.name} has no seed"
        for name in picked:
            outcome, error = run_one(target, corpus[name], name, BUDGET)
            assert outcome == "read", f"{target.name} {name}: {error!r}"


def test_the_corpus_and_the_mutations_are_deterministic() -> None:
    assert seeds() == seeds()
    readers = list(TARGETS.values())

    def digests() -> list[str]:
        stream = inputs(SEED, readers, seeds())
        return [hashlib.sha1(data).hexdigest() for _, (_i, _t, _n, data) in zip(range(40), stream, strict=False)]

    first = digests()
    assert first == digests()
    assert len(set(first)) > 30  # the mutations really vary


def test_a_crash_is_told_from_an_expected_error() -> None:
    document = TARGETS["document"]
    assert run_one(document, b"%PDF-1.4 nothing else", "x.pdf", BUDGET)[0] == "expected"
    assert run_one(TARGETS["tracker"], b"date,title\n2026-13-45,x\n", "t.csv", BUDGET)[0] == "expected"


def _spin(data: bytes, name: str) -> None:
    while True:
        pass


def _bug(data: bytes, name: str) -> None:
    raise KeyError(name)


@pytest.mark.parametrize(
    ("feed", "kind"), [(_bug, KeyError), (_spin, InputTimeout)], ids=["an unexpected exception", "over the budget"]
)
def test_an_unexpected_exception_or_an_input_over_the_budget_is_a_crash(feed, kind) -> None:  # type: ignore[no-untyped-def]
    outcome, error = run_one(Target("probe", feed, lambda name: True), b"x", "x.txt", 0.2)
    assert outcome == "crash"
    assert isinstance(error, kind)


def test_a_regression_file_names_its_reader_and_keeps_the_extension() -> None:
    name = regression_name("document", b"<html>", "proposal.html")
    assert name == f"document-{hashlib.sha1(b'<html>').hexdigest()}.html"
    assert regression_name("mailmap", b"x", ".mailmap").endswith(".mailmap")


def test_the_fuzz_slice_finds_no_crash(tmp_path) -> None:  # type: ignore[no-untyped-def]
    report = fuzz(seconds=120, seed=SEED, max_inputs=INPUTS, budget=BUDGET, save=tmp_path, echo=False)
    assert report.inputs == INPUTS
    assert set(report.tried) == set(TARGETS)
    assert min(report.tried.values()) >= INPUTS // len(TARGETS)
    assert sum(report.expected.values()) > INPUTS // 10  # the mutations do reach the error paths
    found = [f"{c.reader} input {c.index} (from {c.seed}): {c.line} [{c.site}]" for c in report.crashes]
    assert not found, "\n".join(found)
