"""How the ``inhouse`` process starts and ends: what a short command would otherwise spend on
Python's own bookkeeping rather than on its work (measured in docs/performance.md).

- **Start:** importing a command builds thousands of classes (pydantic models, SQLAlchemy tables)
  and no garbage; with the cyclic collector on, its young passes walk them again and again. The
  collector is off from the first import until the command's modules are loaded
  (:func:`collection_back`, called by the lazy root), then on again with what the imports built
  moved out of its way (``gc.freeze``).
- **Plugins:** pydantic looks for plugins among every installed package's entry points at its
  first model (about 10 ms); inhouse uses none, so the command line asks for none unless
  ``PYDANTIC_DISABLE_PLUGINS`` is set otherwise.
- **End:** once the command has returned and its output is flushed, the process ends at once
  (``os._exit``) after the exit handlers run, instead of Python freeing every module and object
  one by one. Not when another thread still runs, nor when the exit carries a message: then
  Python ends as usual.

This module imports nothing heavy: it runs before the command line is read.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys
import threading

_paused = False


def pause_collection() -> None:
    """The cyclic collector off until :func:`collection_back` (if it was on)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def collection_back() -> None:
    """The collector on again, import-time objects frozen, when :func:`pause_collection` paused it."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


def end(code: str | int | None) -> None:
    """End the process with ``code`` (a ``SystemExit`` code) without Python's finalization."""
    if not (code is None or isinstance(code, int)) or threading.active_count() > 1:
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe, say: Python's own exit reports it
        sys.exit(code)
    atexit._run_exitfuncs()  # what registered to run at exit (logging, temporary files) still runs
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code or 0)


def main() -> None:
    """The console-script entry point."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    pause_collection()
    from inhouse.cli.main import run

    try:
        run()
    except SystemExit as exc:
        end(exc.code)
    end(0)
