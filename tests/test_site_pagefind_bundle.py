"""Pagefind's bundle re-encoded canonically: same filters in any order, same bytes and names."""

from __future__ import annotations

import gzip
import json
import random
import zlib
from pathlib import Path
from typing import Any

import cbor2
import pytest

from generator.site import search
from generator.site.pagefind_bundle import (
    SIGNATURE,
    canonical_bundle,
    full_hash,
    gzip_fixed,
    pack,
    unpack,
)

FILTERS: dict[str, list[list[Any]]] = {
    "outlet": [["Reuters", [1, 3]], ["CNN", [0]], ["Ünïcode Times", [2]], ["AP", [0, 1, 2]]],
    "topic": [["trade", [0, 2]], ["courts", [1]]],
    "date": [["2024-01-02", [3]], ["2024-01-01", [0, 1, 2]]],
}


def bundle(order: random.Random) -> dict[str, bytes]:
    """A bundle as pagefind 1.5 returns it, its filters and values in ``order``'s shuffle."""
    files: dict[str, bytes] = {"index/en_1234567.pf_index": gzip_fixed(SIGNATURE + b"\x80")}
    listed = []
    for name in order.sample(sorted(FILTERS), len(FILTERS)):
        values = order.sample(FILTERS[name], len(FILTERS[name]))
        content, cbor = pack([name, values])
        short = f"en_{full_hash(cbor)[:7]}"
        files[f"filter/{short}.pf_filter"] = content
        listed.append([name, short])
    meta = ["1.5.2", [["en_aaaaaaa", 10, ""]], [["a", "z", "en_1234567"]], listed, [], ["title"]]
    content, cbor = pack(meta)
    meta_hash = f"en_{full_hash(cbor)[:10]}"
    files[f"pagefind.{meta_hash}.pf_meta"] = content
    entry = {"version": "1.5.2", "languages": {"en": {"hash": meta_hash, "page_count": 1}}}
    files["pagefind-entry.json"] = json.dumps(entry, separators=(",", ":")).encode()
    return files


def test_shuffled_filters_give_one_bundle() -> None:
    bundles = [canonical_bundle(bundle(random.Random(seed))) for seed in range(8)]
    assert len({repr(sorted(b.items())) for b in bundles}) == 1
    # Shuffled inputs really differ (else the test could not fail).
    assert len({repr(sorted(bundle(random.Random(s)).items())) for s in range(8)}) > 1


def test_the_canonical_bundle_is_sorted_and_named_by_content() -> None:
    out = canonical_bundle(bundle(random.Random(3)))
    entry = json.loads(out["pagefind-entry.json"])
    meta_hash = entry["languages"]["en"]["hash"]
    meta_file = out[f"pagefind.{meta_hash}.pf_meta"]
    meta = unpack(meta_file)
    assert meta_hash == f"en_{full_hash(cbor2.dumps(meta))[:10]}"
    assert [name for name, _ in meta[3]] == ["date", "outlet", "topic"]
    for name, short in meta[3]:
        content = out[f"filter/{short}.pf_filter"]
        decoded_name, values = unpack(content)
        assert decoded_name == name
        assert short == f"en_{full_hash(cbor2.dumps([name, values]))[:7]}"
        assert [v for v, _ in values] == sorted(str(v) for v, _ in FILTERS[name])
    # Only the meta, filters and entry file are touched; old names are gone.
    assert "index/en_1234567.pf_index" in out
    assert len([p for p in out if p.startswith("filter/")]) == len(FILTERS)
    assert len([p for p in out if p.endswith(".pf_meta")]) == 1


def test_files_are_gzip_with_a_fixed_header() -> None:
    content, _ = pack(["x", [["a", [1]]]])
    # No time stamp, maximum compression, unknown OS: what Pagefind writes.
    assert content[:10] == b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    assert gzip.decompress(content).startswith(SIGNATURE)
    assert zlib.decompress(content, wbits=31) == gzip.decompress(content)


def test_pagefind_hash_drops_leading_zeros_of_each_byte() -> None:
    # sha1(b"") = da39a3ee5e6b4b0d3255bfef95601890afd80709; Rust's {:x?} per byte.
    assert full_hash(b"") == "da39a3ee5e6b4bd3255bfef95601890afd879"


@pytest.mark.parametrize(
    "value",
    [0, 23, 24, 255, 256, 65536, 2**32, -1, -25, -70000, "", "é" * 30, b"\x00\x01", [], {"a": [1]}],
)
def test_files_round_trip(value: object) -> None:
    content, cbor = pack(value)
    assert unpack(content) == value
    assert zlib.decompress(content, wbits=31) == SIGNATURE + cbor


def test_cbor2_writes_minicbor_bytes() -> None:
    # Shortest heads as minicbor writes them: 24 -> 0x18 0x18, -25 -> 0x38 0x18.
    assert pack([24, -25, "a", True, None])[1] == bytes.fromhex("85 1818 3818 6161 f5 f6")


@pytest.mark.parametrize(
    "cbor",
    [
        "1801",  # 1 with a longer head than needed
        "9f01ff",  # indefinite-length array
        "f93c00",  # a float (1.0 as half precision)
        "0101",  # a byte after the item
        "c11a514b67b0",  # a tag (epoch time)
    ],
)
def test_what_would_not_re_encode_is_refused(cbor: str) -> None:
    with pytest.raises(ValueError):
        unpack(gzip_fixed(SIGNATURE + bytes.fromhex(cbor)))


def test_an_entry_file_without_the_meta_hash_is_refused() -> None:
    files = bundle(random.Random(1))
    files["pagefind-entry.json"] = b'{"languages":{"en":{"hash":"en_0000000000"}}}'
    with pytest.raises(ValueError, match="en_0000000000"):
        canonical_bundle(files)


def test_pagefinds_own_files_re_encode_to_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What the canonical bundle relies on: every CBOR file Pagefind writes
    # (metadata, filters, word chunks) decodes and encodes back byte for byte.
    for n in range(12):
        words = " ".join(f"w{(n * 7 + i) % 300} Zürich été" for i in range(400))
        spans = f'<span data-pagefind-filter="outlet">Öutlet {n % 5}</span>'
        spans += f'<span data-pagefind-filter="date">2024-01-{n % 28 + 1:02}</span>'
        page = f"<html lang='en'><body data-pagefind-body><h1>P{n}</h1><p>{words}</p>{spans}"
        (tmp_path / f"p{n}.html").write_text(page + "</body></html>", "utf-8")
    seen: list[dict[str, bytes]] = []

    def keep(files: dict[str, bytes]) -> dict[str, bytes]:
        seen.append(files)
        return canonical_bundle(files)

    monkeypatch.setattr(search, "canonical_bundle", keep)
    assert search.index_site(tmp_path) == 12
    (files,) = seen
    cbor_files = {
        p: c for p, c in files.items() if p.endswith((".pf_meta", ".pf_filter", ".pf_index"))
    }
    assert {p.rsplit(".", 1)[1] for p in cbor_files} == {"pf_meta", "pf_filter", "pf_index"}
    for content in cbor_files.values():
        _, cbor = pack(unpack(content))
        assert SIGNATURE + cbor == zlib.decompress(content, wbits=31)
