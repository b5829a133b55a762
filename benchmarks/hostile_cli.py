"""Hostile files through the CLI, as whole processes: exit code, lines on stderr, seconds and peak memory.

    python benchmarks/hostile_cli.py [--out benchmarks/hostile_cli.md]

Builds, in a temporary folder and at the default limits, the files a partner could hand over to make
inhouse crash, hang or swell: documents at the size limit that are mostly one pathological run, a
million characters of ordinary prose (the most text a document may hold, analysed in full), zip bombs,
markup nested a million deep, a PDF of too many pages, encrypted and truncated PDFs, a CSV with
megabyte fields, weekly notes and decision records of pathological lines, a repository whose
``.mailmap`` is one enormous line. Each goes to the command that reads it (``partner assess``,
``contract check``, ``review import``, ``decision import``, ``task import``, ``scan``), each call
its own process, measured with ``os.wait4`` (wall time and the process's own peak RSS; the files are
built in a separate process so that this one stays small, since a child's ru_maxrss starts from its
parent's).

The target (issue "hostile inputs"): every call answers with exit 0, 2 or 5 and one line on stderr,
within 20 s and 1 GB. The baseline, measured in the same run, is ``inhouse status`` on the same
workspace: what starting the CLI costs. Prints one row per call and the ratios to the targets.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import docx  # noqa: E402

from inhouse.analysis.documents.pdf_writer import write_pdf  # noqa: E402

INHOUSE = str(Path(sys.executable).with_name("inhouse"))
MiB = 1024 * 1024
LIMIT_SECONDS, LIMIT_MB = 20.0, 1024.0
WORDS = (
    "we propose a four week pilot on two lanes to predict arrival times the client owns every deliverable "
    "and the source code our team transfers knowledge in weekly reviews honest limits apply to sparse data"
).split()


def prose(chars: int, seed: int = 1) -> str:
    rng, parts, total = random.Random(seed), [], 0
    while total < chars:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 24))).capitalize() + ". "
        if rng.random() < 0.08:
            sentence += "\n\n"
        parts.append(sentence)
        total += len(sentence)
    return "".join(parts)[:chars]


def runs(chars: int) -> str:
    """Lines that are each one long run of what made patterns backtrack: spaces, marks, blank lines."""
    units = [" ", "a ", "# ", "<", "=", ". ", " \n", "Aa ", "1,", "$1 ", "we ", ":", "\t", "-->", "Mr. ", "| "]
    parts, total, n = [], 0, 0
    while total < chars:
        unit = units[n % len(units)]
        line = "Scope " + unit * (40_000 // len(unit)) + " end\n"
        parts.append(line)
        total += len(line)
        n += 1
    return "".join(parts)[:chars]


def docx_of(text: str) -> bytes:
    document = docx.Document()
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_bomb() -> bytes:
    """A DOCX whose body is 2 GiB of one repeated paragraph, about 2 MiB on disk (deflate's best ratio)."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(docx_of("x")), "r") as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info, source.read(info))
        member = zipfile.ZipInfo("word/document.xml")
        member.compress_type = zipfile.ZIP_DEFLATED
        with target.open(member, "w", force_zip64=True) as body:
            body.write(
                b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                b'wordprocessingml/2006/main"><w:body>'
            )
            chunk = b"<w:p><w:r><w:t>all deliverables belong to the client</w:t></w:r></w:p>" * 16384
            for _ in range(2 * 1024 * MiB // len(chunk)):
                body.write(chunk)
            body.write(b"</w:body></w:document>")
    return buffer.getvalue()


def deep_html(levels: int = 1_000_000) -> bytes:
    return b"<html><body>" + b"<div>" * levels + b"the pilot" + b"</div>" * levels + b"</body></html>"


def truncated_pdf() -> bytes:
    data = write_pdf([prose(3000)] * 3)
    return data[: len(data) // 2]


def encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(write_pdf([prose(2000)]))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def wide_csv() -> bytes:
    header = "Issue key,Summary,Assignee,Status,Created\n"
    return (header + 'ETA-1,"' + "x" * (20 * MiB) + '",Ann Lee,Done,2026-01-05 10:00\n').encode()


def mailmap_repo(where: Path) -> Path:
    repo = where / "mailmap-repo"
    repo.mkdir()
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Ann",
        "GIT_AUTHOR_EMAIL": "ann@meridianfreight.com",
        "GIT_COMMITTER_NAME": "Ann",
        "GIT_COMMITTER_EMAIL": "ann@meridianfreight.com",
    }
    (repo / ".mailmap").write_text("Lukas " + "x " * 2_000_000 + "\n" + "<" * 500_000 + "\n")
    (repo / "model.py").write_text("print('eta')\n")
    for args in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-q", "-m", "start"]):
        subprocess.run(["git", "-C", str(repo), *args], check=True, env=env, capture_output=True)
    return repo


@dataclass(frozen=True)
class Call:
    label: str
    argv: Callable[[Path], list[str]]


DOCUMENTS = (
    "spaces.txt",
    "prose-limit.txt",
    "prose-over.txt",
    "runs.md",
    "prose.docx",
    "bomb.docx",
    "deep.html",
    "pages.pdf",
    "truncated.pdf",
    "locked.pdf",
)


def build(where: Path) -> None:
    """Write every hostile file into ``where`` (run in a child process, see ``main``)."""

    def put(name: str, data: bytes | str) -> None:
        (where / name).write_bytes(data.encode() if isinstance(data, str) else data)

    def folder(name: str, entries: dict[str, str]) -> None:
        (where / name).mkdir()
        for entry, text in entries.items():
            (where / name / entry).write_text(text)

    put("spaces.txt", "Scope of work." + " " * (25 * MiB - 4096) + "end")
    put("prose-limit.txt", prose(999_000))
    put("prose-over.txt", prose(1_200_000))
    put("runs.md", runs(990_000))
    put("prose.docx", docx_of(prose(990_000, seed=2)))
    put("bomb.docx", zip_bomb())
    put("deep.html", deep_html())
    put("pages.pdf", write_pdf(["p"] * 5_001))
    put("truncated.pdf", truncated_pdf())
    put("locked.pdf", encrypted_pdf())
    put("wide.csv", wide_csv())
    folder("notes", {"2026-03-02.md": "# Done\n" + runs(500_000) + "\n# Why\nx\n# Next\ny\n"})
    folder("adrs", {"0001-pathological.md": "# 1. " + "# " * 200_000 + "x\n\n" + runs(500_000)})
    mailmap_repo(where)


def calls(where: Path) -> list[Call]:
    listed = []
    for name in DOCUMENTS:
        path = str(where / name)
        listed.append(
            Call(f"partner assess {name}", lambda _, p=path: ["partner", "assess", p, "--partner", "Quantia Labs"])
        )
        listed.append(Call(f"contract check {name}", lambda _, p=path: ["contract", "check", p]))
    listed += [
        Call("task import wide.csv", lambda w: ["task", "import", str(w / "wide.csv")]),
        Call("review import notes/", lambda w: ["review", "import", str(w / "notes")]),
        Call("decision import adrs/", lambda w: ["decision", "import", str(w / "adrs")]),
        Call("scan mailmap-repo", lambda w: ["scan", str(w / "mailmap-repo")]),
    ]
    return listed


@dataclass
class Outcome:
    label: str
    code: int
    lines: int
    seconds: float
    peak_mb: float
    last: str

    @property
    def ok(self) -> bool:
        return self.code in (0, 2, 5) and self.lines <= 1 and self.seconds <= LIMIT_SECONDS and self.peak_mb <= LIMIT_MB


def run(db: str, argv: list[str], label: str) -> Outcome:
    started = time.perf_counter()
    process = subprocess.Popen(
        [INHOUSE, "--db", db, *argv], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL
    )
    assert process.stderr is not None
    err = process.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    lines = [line for line in err.splitlines() if line.strip()]
    return Outcome(
        label, process.returncode, len(lines), seconds, usage.ru_maxrss / 1024, lines[-1][:110] if lines else ""
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write the table as Markdown too")
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        build(args.build)
        return 0
    with tempfile.TemporaryDirectory(prefix="inhouse-hostile-") as tmp:
        where = Path(tmp)
        db = f"sqlite:///{where / 'inhouse.db'}"
        for setup in (
            ["init", "--client", "Meridian Freight"],
            ["partner", "add", "Quantia Labs", "--status", "engaged"],
            ["engagement", "add", "ETA prediction", "--partner", "Quantia Labs", "--start", "2025-06-02"],
        ):
            subprocess.run([INHOUSE, "--db", db, *setup], check=True, capture_output=True)
        print("building the files...", flush=True)
        # Built in a child: a process started from this one would otherwise report this one's peak as its own
        # (Linux carries the parent's high-water mark over fork and exec into the child's ru_maxrss).
        subprocess.run([sys.executable, __file__, "--build", str(where)], check=True)
        baseline = min(run(db, ["status"], "status").seconds for _ in range(3))
        outcomes = []
        for call in calls(where):
            outcome = run(db, call.argv(where), call.label)
            outcomes.append(outcome)
            mark = "ok " if outcome.ok else "FAIL"
            print(
                f"{mark} {outcome.label:34} exit {outcome.code}  {outcome.seconds:5.1f} s  {outcome.peak_mb:6.0f} MiB  "
                f"{outcome.lines} line  {outcome.last}",
                flush=True,
            )
    slowest = max(outcomes, key=lambda o: o.seconds)
    biggest = max(outcomes, key=lambda o: o.peak_mb)
    failed = [o for o in outcomes if not o.ok]
    summary = [
        f"{len(outcomes)} calls, {len(failed)} outside the target (exit 0/2/5, one line, 20 s, 1 GB)",
        f"baseline `inhouse status`: {baseline:.2f} s",
        f"slowest: {slowest.label}, {slowest.seconds:.1f} s ({slowest.seconds / LIMIT_SECONDS:.2f} of 20 s, "
        f"{slowest.seconds / baseline:.1f}x the baseline)",
        f"largest: {biggest.label}, {biggest.peak_mb:.0f} MiB ({biggest.peak_mb / LIMIT_MB:.2f} of 1 GB)",
    ]
    print("\n".join(summary))
    if args.out:
        rows = ["| call | exit | seconds | peak MiB | stderr |", "|---|---|---|---|---|"]
        rows += [
            f"| {o.label} | {o.code} | {o.seconds:.1f} | {o.peak_mb:.0f} | {o.last.replace('|', '/')} |"
            for o in outcomes
        ]
        args.out.write_text(
            "\n".join(["# Hostile files through the CLI", "", *[f"- {s}" for s in summary], "", *rows, ""])
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
