"""How the ``inhouse`` process ends: at once once its command has returned, with its exit code,
its whole output and its exit handlers; as Python does when a thread still runs or a message exits."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import atexit, sys, threading, time
from inhouse.cli.startup import end
atexit.register(lambda: print("handler ran", flush=False))
mode = sys.argv[1]
print("x" * 200_000, end="")  # more than a pipe's buffer: must all arrive
print()
if mode == "thread":
    threading.Thread(target=lambda: (time.sleep(0.2), print("thread done"))).start()
end("a message" if mode == "message" else 3)
"""


def _run(mode: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True, timeout=60)


def test_the_process_ends_with_its_code_its_output_and_its_exit_handlers():
    done = _run("plain")
    assert done.returncode == 3
    assert done.stdout.count("x") == 200_000
    assert done.stdout.rstrip().endswith("handler ran")


def test_a_thread_still_running_is_waited_for():
    done = _run("thread")
    assert done.returncode == 3
    assert "thread done" in done.stdout and "handler ran" in done.stdout


def test_an_exit_with_a_message_prints_it():
    done = _run("message")
    assert done.returncode == 1
    assert "a message" in done.stderr


def test_the_command_line_ends_with_the_commands_exit_code(tmp_path):
    missing = tmp_path / "no" / "such" / "ws.db"
    done = subprocess.run(
        [sys.executable, "-m", "inhouse", "--db", f"sqlite:///{missing}", "engagement", "list"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 6, done.stderr
    assert done.stderr.startswith("error: cannot reach the database")
    version = subprocess.run([sys.executable, "-m", "inhouse", "--version"], capture_output=True, text=True)
    assert (version.returncode, version.stdout.startswith("inhouse ")) == (0, True)
