"""A Starlette app served on 127.0.0.1 in a thread, for the tests that need a real remote server
(an identity provider, a Git host's API): the code under test reaches it over HTTP as it would a
real one."""

from __future__ import annotations

import socket
import threading
import time
from typing import Self

import uvicorn
from starlette.applications import Starlette


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago (for a server process a test starts)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LocalServer:
    """``with LocalServer(app, "the test review API") as server:`` serves ``app`` at ``server.base``."""

    def __init__(self, app: Starlette, what: str) -> None:
        self.what = what
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        self.port = self._socket.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError(f"{self.what} did not start")
            time.sleep(0.01)
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._socket.close()
