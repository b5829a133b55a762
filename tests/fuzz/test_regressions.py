"""Every input the fuzz harness saved (tests/fuzz/regressions) goes back to its reader.

A file is named ``<reader>-<sha1>.<ext>``: the reader (benchmarks/fuzz/targets.py) and the extension it
was read under. ``regressions/`` holds inputs that crashed (an exception other than AnalyzerError /
InvalidInput, or the per-document budget running out); ``regressions/slow/`` holds inputs that were read
but took seconds for a few kilobytes (a regular expression that backtracks). Both must now end as a
text or an expected error within REPLAY_SECONDS: a fixed reader answers these small files in milliseconds,
so the guard is far from a busy machine's noise, and a still-failing file stops after it.

KNOWN_FAILING lists the files whose reader is not fixed yet, each with its cause: they are
``xfail(strict=True)``, so the suite stays green and the mark fails loudly once the reader is fixed
(then delete the entry, keep the file).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.fuzz.run import reader_of, run_one

HERE = Path(__file__).resolve().parent / "regressions"
REPLAY_SECONDS = 2.0

KNOWN_FAILING: dict[str, str] = {}


def _files() -> list[Path]:
    return sorted(p for p in HERE.rglob("*") if p.is_file() and not p.name.startswith("README"))


def _param(path: Path) -> object:
    key = path.relative_to(HERE).as_posix()
    marks = [pytest.mark.xfail(strict=True, reason=KNOWN_FAILING[key])] if key in KNOWN_FAILING else []
    return pytest.param(path, id=key, marks=marks)


def test_every_known_failing_entry_has_its_file() -> None:
    assert {p.relative_to(HERE).as_posix() for p in _files()} >= set(KNOWN_FAILING)


@pytest.mark.parametrize("path", [_param(p) for p in _files()])
def test_a_saved_input_ends_as_text_or_an_expected_error(path: Path) -> None:
    outcome, error = run_one(reader_of(path), path.read_bytes(), path.name, REPLAY_SECONDS)
    assert outcome != "crash", f"{path.name}: {type(error).__name__}: {error}"
