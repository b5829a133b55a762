"""A repository git cannot read is an unreadable-input error naming it, never a 0-commit scan."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from inhouse.analysis.git import ScanOptions, scan_repository
from inhouse.domain.knowledge import ScanIn
from inhouse.errors import AnalyzerError
from inhouse.services import knowledge
from tests.gitrepo import GitRepoBuilder, lines

ANN = "Ann Archer <ann@acme.com>"
PAT = "Pat Partner <pat@partner.io>"


def _history(path: Path) -> GitRepoBuilder:
    repo = GitRepoBuilder(path)
    repo.commit(PAT, "2023-01-02", {"a.py": lines(10), "b.py": lines(4, "b")})
    repo.commit(ANN, "2023-01-03", {"a.py": lines(12)})
    repo.commit(PAT, "2023-01-04", {"c.py": lines(3, "c")})
    return repo


def _object_file(repo: GitRepoBuilder, oid: str) -> Path:
    path = repo.path / ".git" / "objects" / oid[:2] / oid[2:]
    path.chmod(0o644)
    return path


def corrupt_head_commit(repo: GitRepoBuilder) -> None:
    _object_file(repo, repo.head()).write_bytes(b"garbage")


def corrupt_old_blob(repo: GitRepoBuilder) -> None:
    # a valid zlib stream whose content is not an object: git stops at it while reading history
    _object_file(repo, repo.git("rev-parse", "HEAD~2:a.py")).write_bytes(zlib.compress(b"nonsense"))


def missing_old_tree(repo: GitRepoBuilder) -> None:
    _object_file(repo, repo.git("rev-parse", "HEAD~1^{tree}")).unlink()


def truncated_pack(repo: GitRepoBuilder) -> None:
    repo.git("gc", "-q")
    pack = next((repo.path / ".git" / "objects" / "pack").glob("*.pack"))
    pack.chmod(0o644)
    with pack.open("r+b") as handle:
        handle.truncate(100)


def broken_head(repo: GitRepoBuilder) -> None:
    (repo.path / ".git" / "HEAD").write_text("garbage\n")


def broken_branch(repo: GitRepoBuilder) -> None:
    (repo.path / ".git" / "refs" / "heads" / "main").write_text("nonsense\n")


def head_on_missing_commit(repo: GitRepoBuilder) -> None:
    (repo.path / ".git" / "HEAD").write_text("1234567890abcdef1234567890abcdef12345678\n")


def empty_git_folder(repo: GitRepoBuilder) -> None:
    git = repo.path / ".git"
    for path in sorted(git.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        path.chmod(0o755)
        path.rmdir() if path.is_dir() else path.unlink()


CORRUPTIONS: dict[str, Callable[[GitRepoBuilder], None]] = {
    "corrupt commit": corrupt_head_commit,
    "corrupt blob": corrupt_old_blob,
    "missing tree": missing_old_tree,
    "truncated pack": truncated_pack,
    "broken HEAD": broken_head,
    "broken branch": broken_branch,
    "HEAD on a missing commit": head_on_missing_commit,
    "empty .git folder": empty_git_folder,
}


@pytest.fixture(params=list(CORRUPTIONS))
def damaged(request, tmp_path) -> GitRepoBuilder:
    # inside another repository: git must not climb to it from a damaged one
    outer = GitRepoBuilder(tmp_path / "outer")
    outer.commit(ANN, "2022-01-01", {"outer.txt": "x\n"})
    repo = _history(outer.path / "inner")
    CORRUPTIONS[request.param](repo)
    return repo


def _one_line_naming(message: str, repo: GitRepoBuilder) -> None:
    assert "\n" not in message.strip()
    assert str(repo.path) in message


def test_analyzer_refuses(damaged):
    with pytest.raises(AnalyzerError) as err:
        scan_repository(damaged.path, ScanOptions(blame=True))
    _one_line_naming(str(err.value), damaged)


def test_service_stores_nothing(damaged, ws):
    with pytest.raises(AnalyzerError) as err:
        knowledge.scan(ws, None, ScanIn(repository=str(damaged.path)))
    _one_line_naming(str(err.value), damaged)
    with ws.uow() as uow:
        assert uow.results.latest(knowledge.KIND) is None


def test_cli_exits_5_with_one_line(damaged, cli):
    result = cli("scan", str(damaged.path))
    assert result.exit_code == 5, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    _one_line_naming(" ".join(result.stderr.split()), damaged)


def test_empty_repository_is_still_a_scan_of_nothing(tmp_path, ws):
    repo = GitRepoBuilder(tmp_path / "empty")
    report = scan_repository(repo.path).report
    assert report.commits == 0 and any("no commits" in w for w in report.warnings)
    stored = knowledge.scan(ws, None, ScanIn(repository=str(repo.path)))
    assert stored.commits == 0
