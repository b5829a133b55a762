"""Byte-level mutations of a seed, driven by a ``random.Random`` so a seed number replays them.

Generic: bit flips, interesting bytes, truncation, deletions, duplications, splices with another
seed, inserted tokens (markup, PDF keywords, e-mail and transcript syntax, bad UTF-8), numbers
replaced by extreme ones (``startxref``, ``/Length``, dates, sizes), repeated lines and nesting growth
(an opening tag, a quote marker or a bracket repeated up to tens of thousands of times). Zip
archives (DOCX) also get member edits: a member's bytes mutated, a member dropped or renamed,
many members added, a highly compressible member, deep XML nesting, and damaged header fields.
"""

from __future__ import annotations

import io
import random
import re
import struct
import warnings
import zipfile
from collections.abc import Callable, Sequence

MAX_INPUT_BYTES = 8 * 1024 * 1024  # a mutated input is cut to this; the readers' own limits are larger

INTERESTING_BYTES = (0x00, 0x01, 0x09, 0x0A, 0x0D, 0x20, 0x22, 0x25, 0x2C, 0x3C, 0x3E, 0x5C, 0x7F, 0x80, 0xC0, 0xFF)
TOKENS = (
    b"<div>",
    b"</div>",
    b"<p>",
    b"<table><tr><td>",
    b"<!--",
    b"-->",
    b"<![CDATA[",
    b"]]>",
    b"<?xml version='1.0'?>",
    b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>',
    b"&a;",
    b"&#0;",
    b"&#x110000;",
    b"&nbsp;",
    b"<script>",
    b"<html>",
    b"%PDF-1.7\n",
    b"obj",
    b"endobj",
    b"stream\n",
    b"endstream",
    b"/Filter /FlateDecode",
    b"/Filter /JBIG2Decode",
    b"/Filter /Crypt",
    b"/Filter /NoSuchFilter",
    b"/Encrypt 1 0 R",
    b"/Count -1",
    b"/Kids [1 0 R]",
    b"/Parent 2 0 R",
    b"xref\n0 1\n",
    b"startxref\n99999999\n",
    b"trailer <<>>",
    b"%%EOF",
    b"---\n",
    b"```\n",
    b"# ",
    b"## ",
    b"> ",
    b"- ",
    b"**",
    b"From: ",
    b"On Mon, 1 Jan 2026, A B <a@b.example> wrote:\n",
    b"-----Original Message-----\n",
    b"WEBVTT\n",
    b"00:00:01.000 --> 00:00:02.000\n",
    b"00:00:01,000 --> ",
    b"<v Hana Ito>",
    b"Q: ",
    b"A: ",
    b"Speaker 1: ",
    b"Participants: ",
    b'"',
    b'""',
    b",,,,",
    b";",
    b"\t",
    b"\r",
    b"\r\n",
    b"\n\n\n",
    b"\x00",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xed\xa0\x80",  # a lone surrogate, invalid UTF-8
    b"\xc3",
    b"\xe2\x80\xae",  # right-to-left override
    b"\\u0000",
    b"\\ud800",
    b"9999-99-99",
    b"0000-00-00",
    b"2026-W99",
    b"31/Feb/26 3:26 PM",
    b"status: accepted\n",
    b"Chosen option: ",
    b"because ",
    b"Issue key",
    b"PK\x03\x04",
)
NESTERS = (b"<div>", b"<b>", b"<ul><li>", b"<table><tr><td>", b"> ", b"- ", b"  ", b"[", b'{"a":', b"(", b"<<", b"#")
EXTREME_NUMBERS = (b"0", b"-1", b"-0", b"1e308", b"2147483648", b"4294967296", b"9223372036854775808", b"9" * 40)
REPEATS = (2, 10, 100, 1000, 5000, 20000)
_DIGITS = re.compile(rb"\d+")
_TAG = re.compile(rb"<[A-Za-z][\w:.-]*(?:\s[^<>]{0,80})?>")

Mutator = Callable[[random.Random, bytes, Sequence[bytes]], bytes]


def _pos(rng: random.Random, data: bytes) -> int:
    return rng.randint(0, len(data)) if data else 0


def flip_bits(rng: random.Random, data: bytes, _: Sequence[bytes]) -> bytes:
    if not data:
        return data
    out = bytearray(data)
    for _i in range(rng.choice((1, 1, 2, 4, 8, 32))):
        index = rng.randrange(len(out))
        out[index] ^= 1 << rng.randrange(8)
    return bytes(out)


def set_bytes(rng: random.Random, data: bytes, _: Sequence[bytes]) -> bytes:
    if not data:
        return data
    out = bytearray(data)
    for _i in range(rng.choice((1, 2, 4))):
        out[rng.randrange(len(out))] = rng.choice(INTERESTING_BYTES)
    return bytes(out)


def truncate(rng: random.Random, data: bytes, _: Sequence[bytes]) -> bytes:
    return data[: _pos(rng, data)] if rng.random() < 0.8 else data[_pos(rng, data) :]


def delete_chunk(rng: random.Random, data: bytes, _: Sequence[bytes]) -> bytes:
    start = _pos(rng, data)
    return data[:start] + data[start + rng.choice((1, 4, 16, 256, 4096)) :]


def duplicate_chunk(rng: random.Random, data: bytes, _: Sequence[bytes]) -> bytes:
    start = _pos(rng, data)
    chunk = data[start : start + rng.choice((1, 8, 64, 512))]
    at = _pos(rng, data)
    return data[:at] + chunk * rng.choice((1, 2, 16)) + data[at:]


def splice(rng: random.Random, data: bytes, others: Sequence[bytes]) -> bytes:
    other = rng.choice(others) if others else data
    return data[: _pos(rng, data)] + other[_pos(rng, other) :]


def insert_token(rng: random.Random, data: bytes, _: Sequence[bytes]) -> bytes:
    at = _pos(rng, data)
    token = rng.choice(TOKENS) if rng.random() < 0.85 else rng.randbytes(rng.randint(1, 16))
    return data[:at] + token + data[at:]


def replace_number(rng: random.Random, data: bytes, _: Sequence[bytes]) -> bytes:
    numbers = list(_DIGITS.finditer(data))
    if not numbers:
        return insert_token(rng, data, ())
    found = rng.choice(numbers)
    value = rng.choice(EXTREME_NUMBERS) if rng.random() < 0.7 else str(rng.randint(0, 1 << 20)).encode()
    return data[: found.start()] + value + data[found.end() :]


def repeat_line(rng: random.Random, data: bytes, _: Sequence[bytes]) -> bytes:
    lines = data.split(b"\n")
    index = rng.randrange(len(lines))
    lines[index : index + 1] = [lines[index]] * rng.choice(REPEATS[:4])
    return b"\n".join(lines)


def shuffle_lines(rng: random.Random, data: bytes, _: Sequence[bytes]) -> bytes:
    lines = data.split(b"\n")
    rng.shuffle(lines)
    return b"\n".join(lines)


def grow_nesting(rng: random.Random, data: bytes, _: Sequence[bytes]) -> bytes:
    """An opening construct repeated many times: a tag the input already has, or a generic one."""
    tags = _TAG.findall(data[:20000])
    opener = rng.choice(tags) if tags and rng.random() < 0.6 else rng.choice(NESTERS)
    count = rng.choice(REPEATS[2:])
    at = _pos(rng, data)
    if opener in (b"> ", b"- ", b"  "):
        return data[:at] + b"\n" + opener * count + b"text\n" + data[at:]
    return data[:at] + opener * count + data[at:]


BYTE_MUTATORS: tuple[Mutator, ...] = (
    flip_bits,
    set_bytes,
    truncate,
    delete_chunk,
    duplicate_chunk,
    splice,
    insert_token,
    insert_token,
    replace_number,
    repeat_line,
    shuffle_lines,
    grow_nesting,
)


def mutate_zip(rng: random.Random, data: bytes, others: Sequence[bytes]) -> bytes:
    """Edit an archive's members (or its headers); fall back to a byte mutation if it does not open."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    except Exception:  # an already damaged archive gets byte mutations instead
        return rng.choice(BYTE_MUTATORS)(rng, data, others)
    if not members:
        return data
    choice = rng.randrange(8)
    index = rng.randrange(len(members))
    name, body = members[index]
    xml = [i for i, (n, _b) in enumerate(members) if n.endswith((".xml", ".rels"))]
    if choice <= 2:  # mutate one member, an XML part more often than not
        if xml and rng.random() < 0.8:
            index = rng.choice(xml)
            name, body = members[index]
        members[index] = (name, rng.choice(BYTE_MUTATORS)(rng, body, [b for _n, b in members]))
    elif choice == 3:  # drop a member ([Content_Types].xml, a .rels, the document...)
        del members[index]
    elif choice == 4:  # rename one, or give it a hostile name
        members[index] = (rng.choice(("../../evil.xml", "/abs.xml", name.upper(), name + "\x00x", "a" * 300)), body)
    elif choice == 5:  # many members
        members += [(f"customXml/item{i}.xml", b"<a/>") for i in range(rng.choice((100, 2000, 12000)))]
    elif choice == 6:  # a member that expands a lot (a comment of spaces inside an XML part)
        index = rng.choice(xml) if xml else index
        name, body = members[index]
        padding = b"<!--" + b" " * rng.choice((1 << 20, 16 << 20, 48 << 20)) + b"-->"
        members[index] = (name, body.replace(b"?>", b"?>" + padding, 1) if b"?>" in body else padding + body)
    else:  # deep XML nesting in the main document part
        index = next((i for i, (n, _b) in enumerate(members) if n == "word/document.xml"), index)
        name, body = members[index]
        count = rng.choice(REPEATS[2:])
        members[index] = (name, body.replace(b"<w:body>", b"<w:body>" + b"<w:p>" * count, 1))
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        warnings.simplefilter("ignore")  # duplicate member names are one of the edits
        for member, content in members:
            archive.writestr(zipfile.ZipInfo(member, (2024, 1, 1, 0, 0, 0)), content, zipfile.ZIP_DEFLATED)
    packed = out.getvalue()
    return damage_zip_headers(rng, packed) if rng.random() < 0.15 else packed


def damage_zip_headers(rng: random.Random, data: bytes) -> bytes:
    """Overwrite a field of a local or central header: version, flags, method, sizes, offsets."""
    out = bytearray(data)
    heads = [m.start() for m in re.finditer(rb"PK\x01\x02|PK\x03\x04|PK\x05\x06", data)]
    if not heads:
        return data
    head = rng.choice(heads)
    kind = data[head + 2 : head + 4]
    fields = {
        b"\x03\x04": (4, 6, 8, 18, 22, 26, 28),  # version, flags, method, sizes, name and extra lengths
        b"\x01\x02": (6, 8, 10, 20, 24, 28, 30, 42),
        b"\x05\x06": (8, 10, 12, 16, 20),
    }[bytes(kind)]
    at = head + rng.choice(fields)
    value = rng.choice((0, 0xFFFF, 0x54, 0x7FFF, rng.randrange(0x10000)))
    if at + 2 <= len(out):
        out[at : at + 2] = struct.pack("<H", value)
    return bytes(out)


def mutate(rng: random.Random, data: bytes, others: Sequence[bytes]) -> bytes:
    """One to three stacked mutations of ``data`` (``others``: the seeds of the same reader, to splice)."""
    for _i in range(rng.choice((1, 1, 1, 2, 3))):
        if data.startswith(b"PK\x03\x04") and rng.random() < 0.7:
            data = mutate_zip(rng, data, others)
        else:
            data = rng.choice(BYTE_MUTATORS)(rng, data, others)
    return data[:MAX_INPUT_BYTES]
