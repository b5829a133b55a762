"""The stored form of a scan state: JSON with its bytes beside it, and every older or damaged blob."""

from __future__ import annotations

import json
import zlib

from inhouse.store.knowledge import pack, unpack


def test_bytes_pass_beside_the_json_and_come_back_as_they_were():
    numbers = bytes(range(256)) * 40
    state = {"version": 5, "files": [["caf\udce9.py", 0, 1, -1, 2, 0, 0, 0]], "ints": numbers, "other": b""}
    blob = pack(state)
    assert zlib.decompress(blob).startswith(b"IHS1")
    assert unpack(blob) == state


def test_a_state_without_bytes_is_plain_json_and_blobs_of_plain_json_still_read():
    state = {"version": 4, "ints": "AAAA", "files": []}
    assert json.loads(zlib.decompress(pack(state))) == state
    assert unpack(zlib.compress(json.dumps(state).encode("ascii"))) == state


def test_damaged_blobs_read_as_nothing_rather_than_failing():
    good = zlib.decompress(pack({"version": 5, "ints": b"12345678"}))
    text_size = int.from_bytes(good[4:12], "little")
    damaged = [
        b"not zlib",
        zlib.compress(b"[1, 2]"),  # JSON, but not a state
        zlib.compress(good[:-3]),  # bytes missing
        zlib.compress(good + b"more"),  # bytes left over
        zlib.compress(good[:4] + (10**9).to_bytes(8, "little") + good[12:]),  # a size past the end
        zlib.compress(good[: 12 + text_size].replace(b'"$bytes"', b'"$other"') + good[12 + text_size :]),
        zlib.compress(good[:12] + good[12 : 12 + text_size].replace(b"[[", b"[7,[", 1) + good[12 + text_size :]),
    ]
    for blob in damaged:
        assert unpack(blob) is None, blob[:40]
