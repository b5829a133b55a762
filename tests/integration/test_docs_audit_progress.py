"""The documentation audit tells how far it is: the history read, then each item judged, never
more done than its total, and each stage ends at its total (merges, which it does not read, are
not counted in it)."""

from __future__ import annotations

import subprocess

from inhouse.analysis.docs import AuditOptions, audit_repository
from inhouse.domain.docs_audit import ITEMS
from tests.gitrepo import GitRepoBuilder, lines

ANN = "Ann Archer <ann@acme.com>"
GUIDE = "# Operations guide\n\n## How the system works\n\nThe scorer in `src/score` reads events.\n"
MORE = 1100  # commits after the first: the history is reported on the way (every 1000)


def _fast_commits(repo: GitRepoBuilder, count: int) -> None:
    """``count`` commits changing the described code, written by one ``git fast-import``."""
    parts = []
    for n in range(count):
        data = lines(11 + n % 50, f"v{n}").encode()
        message = f"change {n}".encode()
        parts.append(
            b"commit refs/heads/main\n"
            + f"committer Ann Archer <ann@acme.com> {1711929600 + n * 60} +0000\n".encode()
            + f"data {len(message)}\n".encode()
            + message
            + b"\n"
            + (b"from refs/heads/main^0\n" if n == 0 else b"")
            + f"M 100644 inline src/score/main.py\ndata {len(data)}\n".encode()
            + data
            + b"\n"
        )
    subprocess.run(["git", "-C", str(repo.path), "fast-import", "--quiet"], input=b"".join(parts), check=True)


def test_the_audit_reports_its_progress_within_its_totals(tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(ANN, "2024-03-01", {"docs/operations.md": GUIDE, "src/score/main.py": lines(10)})
    _fast_commits(repo, MORE)
    repo.branch("side")
    repo.checkout("side")
    repo.commit(ANN, "2024-06-01", {"docs/notes.md": "notes\n"})
    repo.checkout("main")
    repo.commit(ANN, "2024-06-02", {"src/score/extra.py": lines(5)})
    repo.merge("side", ANN, "2024-06-03")
    seen: list[tuple[str, int, int]] = []
    audit = audit_repository(repo.path, AuditOptions(), progress=lambda *a: seen.append(a))
    assert audit.items
    assert all(0 <= done <= total for _, done, total in seen)
    history = [s for s in seen if s[0] == "history"]
    assert history and history[-1] == ("history", 3 + MORE, 3 + MORE)  # three more, and a merge
    docs = [done for stage, done, _ in seen if stage == "docs"]
    assert docs == list(range(len(ITEMS) + 1))
