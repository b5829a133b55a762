"""Odd paths and database URLs end as one line and a documented exit code, never a traceback:
2 invalid, 3 not found, 4 conflict, 5 unreadable, 6 storage."""

from __future__ import annotations

import os

import pytest

from tests.conftest import Cli

CODES = (2, 3, 4, 5, 6)
LONG = "x" * 300  # longer than a file name may be


@pytest.fixture
def odd(tmp_path, monkeypatch):
    """Paths that are no ordinary file: a folder, a FIFO, devices, a dangling link, a link loop..."""
    monkeypatch.chdir(tmp_path)  # anything written by mistake lands here
    folder = tmp_path / "folder"
    folder.mkdir()
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    return {
        "folder": str(folder),
        "fifo": str(fifo),
        "zero": "/dev/zero",
        "null": "/dev/null",
        "unreadable": "/proc/self/mem",  # a regular file whose read fails, even for root
        "nul": "a\x00b",
        "missing": "/proc/x",
        "long": LONG,
        "dangling": str(tmp_path / "dangling"),
        "loop": str(tmp_path / "loop"),
        "unknown-home": "~nobody-of-this-system/x",
    }


READERS = [
    ("partner", "assess", "{}"),
    ("contract", "check", "{}"),
    ("review", "add", "--file", "{}"),
    ("review", "import", "{}"),
    ("decision", "import", "{}"),
    ("task", "import", "{}"),
    ("scan", "{}"),
    ("docs", "audit", "{}"),
    ("repo", "add", "{}"),
]
WRITERS = [("decision", "export", "{}"), ("report", "ETA prediction", "--format", "html", "-o", "{}")]


def _engagement(cli) -> None:
    cli.ok("partner", "add", "Quantia Labs", "--status", "engaged")
    cli.ok("engagement", "add", "ETA prediction", "--partner", "Quantia Labs", "--start", "2025-06-02")
    cli.ok("decision", "add", "Use PostgreSQL", "--by", "joint", "--on", "2025-07-01")


def _one_line_error(result) -> None:
    text = result.stdout + result.stderr
    assert result.exit_code in CODES, text
    assert "Traceback" not in text
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.mark.parametrize("command", READERS, ids=lambda c: " ".join(c[:-1]))
def test_reading_odd_paths(cli, odd, command):
    for name, path in odd.items():
        result = cli(*[path if part == "{}" else part for part in command])
        _one_line_error(result)
        if name in ("zero", "fifo", "null", "folder") and command[-2:] != ("import", "{}"):
            assert result.exit_code in (2, 5), (name, result.stderr)


@pytest.mark.parametrize("command", WRITERS, ids=lambda c: " ".join(c[:-1]))
def test_writing_odd_paths(cli, odd, command):
    _engagement(cli)
    targets = {**odd, "full": "/dev/full", "proc": "/proc/x/y", "sys": "/sys/x", "blank": ""}
    if command[0] == "decision":  # decisions are exported into a folder
        del targets["folder"]
    if command[0] == "report":
        del targets["dangling"]  # a link to a new file: the report is written through it
    for name, path in targets.items():
        result = cli(*[path if part == "{}" else part for part in command])
        _one_line_error(result)
        if command[0] == "report" and name in ("fifo", "zero", "null", "folder"):
            assert result.exit_code == 2, (name, result.stderr)  # refused before the report is built


def test_a_report_goes_to_standard_output_with_a_dash(cli):
    _engagement(cli)
    result = cli("report", "ETA prediction", "--format", "html", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.lstrip().lower().startswith("<!doctype html>") and "ETA prediction" in result.stdout


def test_a_report_is_written_whole_or_not_at_all(cli, tmp_path):
    _engagement(cli)
    target = tmp_path / "report.html"
    target.write_text("the previous report")
    assert cli("report", "ETA prediction", "--format", "html", "-o", str(target)).exit_code == 0
    assert "ETA prediction" in target.read_text()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no partial file left


def test_decision_import_and_export_named_in_the_issue(cli):
    _engagement(cli)
    assert cli("decision", "import", "/dev/null").exit_code == 2
    exported = cli("decision", "export", "/proc/x")
    assert exported.exit_code == 2 and "cannot write to /proc/x" in exported.stderr


def test_uploads_read_regular_files_only_and_never_past_the_limit(cli, tmp_path, monkeypatch):
    """/dev/zero never ends: it is refused before it is opened; a file over the limit is refused
    (exit 2, the limit named) however large it is."""
    result = cli("contract", "check", "/dev/zero")
    assert result.exit_code == 2 and "not a file" in result.stderr
    big = tmp_path / "big.md"
    big.write_bytes(b"# Contract\n" + b"x" * 10_000)
    monkeypatch.setenv("INHOUSE_MAX_DOCUMENT_BYTES", "1000")
    result = cli("contract", "check", str(big))
    assert result.exit_code == 2 and "INHOUSE_MAX_DOCUMENT_BYTES" in result.stderr


def test_read_upload_stops_at_the_limit(tmp_path, monkeypatch):
    from inhouse.cli import files
    from inhouse.errors import TooLarge

    big = tmp_path / "big.md"
    big.write_bytes(b"x" * 10_000)
    monkeypatch.setattr(files, "CHUNK", 100)
    with pytest.raises(TooLarge):
        files.read_upload(big, max_bytes=1_000)
    assert files.read_upload(big, max_bytes=10_000).content == b"x" * 10_000


@pytest.mark.parametrize(
    "url, code",
    [
        ("mysql://user:secret@db.example/inhouse", 2),
        ("oracle://db.example/inhouse", 2),
        ("postgresql+asyncpg://db.example/inhouse", 2),
        ("not-a-url", 2),
        ("postgresql://user:secret@[::1/x", 2),
        ("sqlite:///a\x00b", 2),
        ("sqlite:///\udcff.db", 2),  # a command line of bytes that are not UTF-8
        ("sqlite:////dev/null", 2),
        ("sqlite:////dev/zero", 2),
        ("sqlite:////proc/x/inhouse.db", 6),
        ("sqlite:///" + LONG, 6),
        ("", 2),
    ],
)
def test_database_urls(tmp_path, monkeypatch, url, code):
    monkeypatch.chdir(tmp_path)
    for command in (["status"], ["init", "--client", "Acme"], ["db", "upgrade"], ["engagement", "list"]):
        result = Cli(url)(*command)
        _one_line_error(result)
        assert result.exit_code == code, (command, result.stderr)
        assert "secret" not in result.stderr


def test_database_url_of_a_folder_or_fifo(tmp_path):
    os.mkfifo(tmp_path / "fifo")
    for path in (tmp_path, tmp_path / "fifo"):
        result = Cli(f"sqlite:///{path}")("init", "--client", "Acme")
        _one_line_error(result)
        assert result.exit_code == 2 and "not a database file" in result.stderr


@pytest.mark.parametrize("folder", ["/proc/x", "/dev/null", LONG, "loop"])
def test_demo_folder(tmp_path, monkeypatch, folder):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    result = Cli("unused")("demo", "--dir", folder, db=False)
    _one_line_error(result)
    assert result.exit_code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["loop"]  # no build left behind


def test_a_review_import_of_something_not_a_folder_is_bad_input(cli, odd):
    _engagement(cli)
    for name in ("fifo", "zero", "null"):
        result = cli("review", "import", odd[name])
        assert result.exit_code == 2 and "is not a folder" in result.stderr, (name, result.stderr)
    assert cli("review", "import", odd["missing"]).exit_code == 3
