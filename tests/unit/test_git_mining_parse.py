"""``mining.parse_log`` reads git's NUL-separated log output alike however it is cut into chunks:
renames, merges, credit trailers, line counts and paths with tabs, newlines, quotes and bytes
that are not UTF-8."""

from __future__ import annotations

from inhouse.analysis.git.mining import parse_log
from inhouse.analysis.git.trailers import CO_AUTHOR

ZERO = b"0" * 40
ONE = b"1" * 40
TWO = b"2" * 40
CAFE = b"caf\xe9"  # Latin-1: not UTF-8
TAB = b"tab\there"
NEWLINE = b"new\nline"
QUOTE = b'q"uote'
MOVED = b"moved\tx"


def _raw(old: bytes, new: bytes, status: bytes, *paths: bytes) -> bytes:
    modes = b"000000 100644" if status == b"A" else b"100644 000000" if status == b"D" else b"100644 100644"
    return b":" + modes + b" " + old + b" " + new + b" " + status + b"\0" + b"\0".join(paths) + b"\0"


def _header(sha: bytes, parents: bytes, trailers: bytes = b"", name: bytes = b"Zo\xc3\xab") -> bytes:
    return b"\x01" + b"\0".join([sha, parents, name, b"z@x.io", b"1796428841", trailers]) + b"\0\n"


FIRST = b"a" * 40
SECOND = b"b" * 40
SIDE = b"c" * 40
MERGE = b"d" * 40
ADDS = (
    _raw(ZERO, ONE, b"A", CAFE)
    + _raw(ZERO, TWO, b"A", NEWLINE)
    + _raw(ZERO, b"3" * 40, b"A", QUOTE)
    + _raw(ZERO, b"4" * 40, b"A", TAB)
)
CHANGES = (
    _raw(ONE, b"5" * 40, b"M", CAFE)
    + _raw(b"4" * 40, b"4" * 40, b"R100", TAB, MOVED)
    + _raw(b"3" * 40, ZERO, b"D", QUOTE)
    + _raw(TWO, b"6" * 40, b"T", NEWLINE)
)
QUICK = (
    _header(FIRST, b"")
    + ADDS
    + _header(SECOND, FIRST, b"Co-authored-by: Al <al@x.io>")
    + CHANGES
    + _header(SIDE, FIRST)
    + _raw(ONE, b"7" * 40, b"C75", CAFE, b"copy")
    + _header(MERGE, SECOND + b" " + SIDE)
)
FULL = (
    _header(FIRST, b"")
    + ADDS
    + b"1\t0\t" + CAFE + b"\0" + b"1\t0\t" + NEWLINE + b"\0" + b"-\t-\t" + QUOTE + b"\0" + b"1\t0\t" + TAB + b"\0"
    + _header(SECOND, FIRST, b"Co-authored-by: Al <al@x.io>")
    + CHANGES
    + b"2\t1\t" + CAFE + b"\0" + b"0\t0\t\0" + TAB + b"\0" + MOVED + b"\0" + b"0\t1\t" + QUOTE + b"\0"
    + b"3\t0\t" + NEWLINE + b"\0"
    + _header(MERGE, SECOND + b" " + FIRST)
)  # fmt: skip


def _path(raw: bytes) -> str:
    return raw.decode("utf-8", "surrogateescape")  # what a stored path is: bytes kept as surrogates


def _shape(commits) -> list:
    return [
        (
            c.sha,
            c.parents,
            c.author_name,
            c.author_email,
            c.timestamp,
            c.credits,
            [(f.status, f.path, f.old_path, f.added, f.deleted, f.binary, f.oid) for f in c.changes],
        )
        for c in commits
    ]


def _cuts(data: bytes):
    """The stream whole, in one-byte chunks, and cut in two at every offset."""
    yield [data]
    yield [data[i : i + 1] for i in range(len(data))]
    for at in range(1, len(data)):
        yield [data[:at], data[at:]]


def test_quick_output_parses_alike_however_it_is_chunked():
    expected = _shape(parse_log([QUICK]))
    first, second, side, merge = expected
    assert first[:5] == (FIRST.decode(), (), "Zoë", "z@x.io", 1796428841)
    assert [(s, p) for s, p, *_ in first[6]] == [
        ("A", _path(CAFE)),
        ("A", _path(NEWLINE)),
        ("A", _path(QUOTE)),
        ("A", _path(TAB)),
    ]
    assert first[6][0][6] == ONE.decode()  # an addition keeps its blob id (exact renames)
    assert second[1] == (FIRST.decode(),) and second[5] == ((CO_AUTHOR, "Al", "al@x.io"),)
    assert [(s, p, o) for s, p, o, *_ in second[6]] == [
        ("M", _path(CAFE), None),
        ("R", _path(MOVED), _path(TAB)),
        ("D", _path(QUOTE), None),
        ("M", _path(NEWLINE), None),  # a type change counts as a change
    ]
    assert second[6][2][6] == (b"3" * 40).decode()  # a deletion keeps its blob id
    assert [(s, p) for s, p, *_ in side[6]] == [("A", "copy")]  # a copy counts as an addition
    assert merge[1] == (SECOND.decode(), SIDE.decode()) and merge[6] == []
    for chunks in _cuts(QUICK):
        assert _shape(parse_log(chunks)) == expected


def test_full_output_carries_line_counts_and_binaries():
    expected = _shape(parse_log([FULL]))
    first, second, merge = expected
    assert [(a, d, b) for _, _, _, a, d, b, _ in first[6]] == [
        (1, 0, False),
        (1, 0, False),
        (0, 0, True),
        (1, 0, False),
    ]
    assert [(s, a, d) for s, _, _, a, d, _, _ in second[6]] == [("M", 2, 1), ("R", 0, 0), ("D", 0, 1), ("M", 3, 0)]
    assert merge[6] == []
    for chunks in _cuts(FULL):
        assert _shape(parse_log(chunks)) == expected


def test_exact_mode_pairs_a_deletion_and_an_addition_of_one_blob_as_a_rename():
    blob = b"9" * 40
    data = (
        _header(FIRST, b"")
        + _raw(ZERO, blob, b"A", b"old name")
        + _header(SECOND, FIRST)
        + _raw(blob, ZERO, b"D", b"old name")
        + _raw(ONE, TWO, b"M", b"other")
        + _raw(ZERO, blob, b"A", TAB)
    )
    for chunks in _cuts(data):
        commits = list(parse_log(chunks, exact_renames=True))
        assert [(f.status, f.path, f.old_path) for f in commits[1].changes] == [
            ("M", "other", None),
            ("R", _path(TAB), "old name"),
        ]
    unpaired = list(parse_log([data]))
    assert [f.status for f in unpaired[1].changes] == ["D", "M", "A"]


def test_empty_output_yields_nothing():
    assert list(parse_log([])) == [] and list(parse_log([b""])) == []
