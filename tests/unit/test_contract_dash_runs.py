"""A contract's runs of dashes (signature lines, separators) cost the reviewer nothing: the licence
pattern once split such a run between words and separators in every possible way, which took
minutes on a real filing. Each text is reviewed in a process of its own with a generous limit, so a
regression fails here instead of hanging the suite."""

from __future__ import annotations

import subprocess
import sys

TEXTS = [
    "Licensor grants the Customer a limited " + "-" * 60 + " non-transferable licence.",
    "Title: V.P. WORLDWIDE SALES " + "-" * 400 + "\nThe exclusive " + "- " * 200 + "right to use the Software.",
    "PERPETUAL " + "-" * 80 + "\n" + "A-" * 300,
]


def test_runs_of_dashes_are_reviewed_at_once():
    program = (
        "import sys\n"
        "from inhouse.analysis.contracts import review_contract\n"
        "review_contract(sys.stdin.read(), 'dashes.txt')\n"
    )
    for text in TEXTS:
        done = subprocess.run(
            [sys.executable, "-c", program], input=text, text=True, capture_output=True, timeout=60, check=False
        )
        assert done.returncode == 0, done.stderr[-2000:]


def test_the_licence_words_between_still_match():
    from inhouse.analysis.contracts.detectors.ownership import _LICENCE

    for phrase in (
        "a non-exclusive, royalty-free licence",
        "a perpetual and irrevocable right to use",
        "a limited, non-transferable, worldwide license",
        "an exclusive, sub-licensable license",
    ):
        assert _LICENCE.search(phrase), phrase
