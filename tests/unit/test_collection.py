"""The collector pause: off inside, back as it was after the last holder leaves."""

from __future__ import annotations

import gc
import threading
import time

import pytest

from inhouse.services import collection
from inhouse.services.collection import collection_paused


@pytest.fixture(autouse=True)
def no_other_holder():
    """The pause is process-wide: wait for a scan another test left running in a thread to end."""
    deadline = time.monotonic() + 60
    while collection._holders and time.monotonic() < deadline:
        time.sleep(0.05)
    assert collection._holders == 0 and gc.isenabled(), "a use case still holds the collector"


def test_paused_inside_and_restored_after_nested_holders():
    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer holder still runs
    assert gc.isenabled()


def test_restored_after_an_error_and_left_off_when_it_was_off():
    try:
        with collection_paused():
            raise ValueError("the use case failed")
    except ValueError:
        pass
    assert gc.isenabled()
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


def test_threads_overlapping_end_with_it_on():
    inside, release = threading.Barrier(3), threading.Event()
    seen: list[bool] = []

    def use_case() -> None:
        with collection_paused():
            inside.wait()
            release.wait()
            seen.append(gc.isenabled())

    threads = [threading.Thread(target=use_case) for _ in range(2)]
    for thread in threads:
        thread.start()
    inside.wait()
    assert not gc.isenabled()
    release.set()
    for thread in threads:
        thread.join()
    assert seen == [False, False] and gc.isenabled()


def test_as_a_decorator_each_call_pauses_afresh():
    @collection_paused()
    def use_case() -> bool:
        return gc.isenabled()

    assert [use_case(), gc.isenabled(), use_case(), gc.isenabled()] == [False, True, False, True]
