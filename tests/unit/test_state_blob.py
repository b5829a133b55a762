"""The stored form of a scan state: JSON with its bytes beside it, and every older or damaged blob."""

from __future__ import annotations

import json
import zlib

import pytest
import zstandard

from inhouse.store import knowledge
from inhouse.store.knowledge import pack, unpack


def _opened(blob: bytes) -> bytes:
    return zstandard.ZstdDecompressor().decompress(blob)


def test_bytes_pass_beside_the_json_and_come_back_as_they_were():
    numbers = bytes(range(256)) * 40
    state = {"version": 5, "files": [["caf\udce9.py", 0, 1, -1, 2, 0, 0, 0]], "ints": numbers, "other": b""}
    blob = pack(state)
    assert _opened(blob).startswith(b"IHS1")
    assert unpack(blob) == state


def test_text_of_any_kind_comes_back_as_it_was():
    names = ["plain", "café ünïcode 名前", "caf\udce9 surrogate", "nul \x00 and \x1f controls", '"quoted" \\ back']
    state = {"version": 5, "people": [[n, f"{i}@x"] for i, n in enumerate(names)], "ints": b"\x00" * 16}
    assert unpack(pack(state)) == state
    without_bytes = {"version": 5, "names": names, "nested": {"k": [1.5, None, True, -(2**62)]}}
    assert unpack(pack(without_bytes)) == without_bytes


def test_a_state_without_bytes_is_plain_json_and_blobs_of_plain_json_still_read():
    state = {"version": 4, "ints": "AAAA", "files": []}
    assert json.loads(_opened(pack(state))) == state
    assert unpack(zlib.compress(json.dumps(state).encode("ascii"))) == state


def test_blobs_written_with_zlib_before_still_read():
    """Until 2026-12 states were zlib streams of JSON written by the standard library."""
    numbers = bytes(range(256)) * 4
    text = json.dumps({"version": 5, "files": [["caf\udce9.py"]], "$bytes": [["ints", len(numbers)]]}).encode()
    framed = b"IHS1" + len(text).to_bytes(8, "little") + text + numbers
    assert unpack(zlib.compress(framed, 1)) == {"version": 5, "files": [["caf\udce9.py"]], "ints": numbers}


def test_damaged_blobs_read_as_nothing_rather_than_failing():
    good = _opened(pack({"version": 5, "ints": b"12345678"}))
    text_size = int.from_bytes(good[4:12], "little")
    framed = [
        b"[1, 2]",  # JSON, but not a state
        good[:-3],  # bytes missing
        good + b"more",  # bytes left over
        good[:4] + (10**9).to_bytes(8, "little") + good[12:],  # a size past the end
        good[: 12 + text_size].replace(b'"$bytes"', b'"$other"') + good[12 + text_size :],
        good[:12] + good[12 : 12 + text_size].replace(b"[[", b"[7,[", 1) + good[12 + text_size :],
    ]
    compressor = zstandard.ZstdCompressor()
    damaged = [b"not zlib", b"\x28\xb5\x2f\xfd not zstd", pack({"version": 5, "ints": b"1234"})[:-6]]
    damaged += [zlib.compress(data) for data in framed] + [compressor.compress(data) for data in framed]
    for blob in damaged:
        assert unpack(blob) is None, blob[:40]


def test_a_blob_larger_than_the_limit_once_open_is_not_read(monkeypatch):
    """A decompression bomb (say, in an imported export) costs no more than the limit."""
    monkeypatch.setattr(knowledge, "MAX_UNPACKED", 1000)
    state = {"version": 5, "ints": bytes(2000)}
    assert unpack(pack(state)) is None
    assert unpack(zlib.compress(json.dumps({"version": 5, "pad": "x" * 2000}).encode())) is None
    assert unpack(pack({"version": 5, "ints": bytes(500)})) == {"version": 5, "ints": bytes(500)}


@pytest.mark.parametrize("size", [0, 1, 1 << 20])
def test_sizes_round_trip(size):
    state = {"version": 5, "ints": bytes(range(256)) * (size // 256) + b"\x01" * (size % 256)}
    assert unpack(pack(state)) == state
