"""A fetch that fails on the network is a transient failure (its job is retried); a remote that
answers that there is no such repository is not."""

from __future__ import annotations

import socket

import pytest

from inhouse.analysis.git.remote import FetchUnavailable, mirror, unavailable
from inhouse.errors import AnalyzerError
from inhouse.services.job_runs import transient


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # nothing listens once the socket is closed


def test_a_refused_connection_is_a_transient_failure(tmp_path):
    url = f"https://127.0.0.1:{_closed_port()}/eta.git"
    with pytest.raises(FetchUnavailable) as caught:
        mirror(url, tmp_path / "eta.git", seconds=20)
    assert caught.value.message.startswith(f"cannot fetch {url}: ")
    assert transient(caught.value)
    assert not (tmp_path / "eta.git").exists()


def test_a_missing_repository_is_final(tmp_path):
    url = (tmp_path / "gone.git").as_uri()
    with pytest.raises(AnalyzerError) as caught:
        mirror(url, tmp_path / "mirror.git", seconds=20)
    assert not isinstance(caught.value, FetchUnavailable) and not transient(caught.value)


@pytest.mark.parametrize(
    "message",
    [
        "git clone: fatal: unable to access 'https://git.example.com/x.git/': Could not resolve host: git.example.com",
        "git fetch: fatal: unable to access 'https://h/x.git/': The requested URL returned error: 503",
        "git fetch: error: RPC failed; curl 56 Recv failure: Connection reset by peer",
        "git clone: ssh: connect to host h port 22: Network is unreachable",
        "git fetch: fatal: the remote end hung up unexpectedly",
    ],
)
def test_network_failures_are_told_apart(message):
    assert unavailable(message)


@pytest.mark.parametrize(
    "message",
    [
        "git clone: fatal: repository 'https://h/x.git/' not found",
        "git clone: fatal: Authentication failed for 'https://h/x.git/'",
        "git fetch: fatal: unable to access 'https://h/x.git/': The requested URL returned error: 403",
        "git clone: git@h: Permission denied (publickey).",
        "git clone: fatal: '/tmp/gone.git' does not appear to be a git repository",
    ],
)
def test_refusals_are_not_network_failures(message):
    assert not unavailable(message)
