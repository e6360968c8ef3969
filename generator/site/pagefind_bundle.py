"""Pagefind's bundle in a canonical form, so the same site gives the same bytes.

pagefind 1.5 collects each filter's values in a hash map and writes them,
and the list of filter files in its metadata, in that map's (randomised)
order (Pagefind/pagefind#638): the filter files, their content-hash names,
the metadata file that lists them and ``pagefind-entry.json`` that names the
metadata all change from one run to the next over the same pages.

:func:`canonical_bundle` re-encodes those files the way Pagefind itself
encodes them (cbor2's default encoding is minicbor's, byte for byte, on what
Pagefind writes), with every unordered collection sorted: a filter's values by
value (Pagefind's reader loads them into a sorted map, so their order in the
file carries no meaning), the metadata's filter list by filter name (read by
name too). The files are then renamed by Pagefind's own content hash and the
references rewritten. Word chunks and fragments are already written in a
fixed order and pass through untouched.

The files are gzipped CBOR behind a ``pagefind_dcd`` signature; the gzip
header is written here with no time stamp and the same flags Pagefind writes
(maximum compression, unknown OS), so nothing depends on the clock or the host.
"""

from __future__ import annotations

import hashlib
import json
import struct
import zlib
from collections.abc import Mapping
from typing import Any

import cbor2

#: What precedes the CBOR of every gzipped Pagefind file.
SIGNATURE = b"pagefind_dcd"

# Short names as Pagefind cuts them (index/mod.rs): a filter's is the language's
# length plus 8 characters of ``en_<hash>`` (7 digits), the metadata's the
# language's length plus 8 digits of the hash.
_HASH_EXTRA = 8
_META_HASH_EXTRA = 8
# Positions in Pagefind's metadata record (index_metadata.rs: MetaIndex).
_META_FILTERS = 3


def unpack(content: bytes) -> Any:
    """The CBOR item of one gzipped Pagefind file.

    The item must encode back to exactly the bytes read: re-encoding is what
    makes the bundle canonical, so anything cbor2 would write differently
    (trailing bytes, indefinite lengths, longer-than-needed heads, floats,
    tags; pagefind 1.x writes none of them) is refused instead of silently
    changing the file.

    Raises:
        ValueError: Not a Pagefind file, not CBOR, or not in the form :func:`pack` writes.
    """
    raw = zlib.decompress(content, wbits=31)
    if not raw.startswith(SIGNATURE):
        raise ValueError("not a Pagefind file (no signature)")
    body = raw[len(SIGNATURE) :]
    try:
        value = cbor2.loads(body)
    except cbor2.CBORDecodeError as error:
        raise ValueError(f"not a Pagefind CBOR item: {error}") from error
    if cbor2.dumps(value) != body:
        raise ValueError("Pagefind's CBOR does not re-encode to the same bytes")
    return value


def pack(value: object) -> tuple[bytes, bytes]:
    """Encode ``value`` as a gzipped Pagefind file.

    Returns:
        The file's bytes and the CBOR they carry (what Pagefind hashes for the name).
    """
    # cbor2's default (not ``canonical``, which would also sort maps) writes what
    # Pagefind's minicbor writes: shortest heads, definite-length arrays and maps
    # in the order given.
    cbor = cbor2.dumps(value)
    return gzip_fixed(SIGNATURE + cbor), cbor


def gzip_fixed(data: bytes) -> bytes:
    """Gzip ``data`` with a fixed header: no name or time stamp, best compression, unknown OS."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    body = compressor.compress(data) + compressor.flush()
    # ID1 ID2, CM=deflate, FLG=0, MTIME=0, XFL=2 (best), OS=255 (unknown): Pagefind's header.
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", zlib.crc32(data), len(data) & 0xFFFFFFFF)
    return header + body + trailer


def full_hash(data: bytes) -> str:
    """Pagefind's content hash: SHA-1, each byte in hexadecimal *without* zero padding."""
    return "".join(format(byte, "x") for byte in hashlib.sha1(data).digest())


def canonical_bundle(files: Mapping[str, bytes]) -> dict[str, bytes]:
    """Pagefind's bundle with its filter files, metadata and entry file in canonical form.

    Args:
        files: File contents by path inside the bundle folder (``filter/en_1a2b3c4.pf_filter``).

    Returns:
        The same bundle: word chunks, fragments and scripts unchanged; filter
        and metadata files re-encoded with sorted contents and renamed by
        their content hash; ``pagefind-entry.json`` naming the new metadata.

    Raises:
        ValueError: The bundle is not laid out as pagefind 1.x writes it.
    """
    if "pagefind-entry.json" not in files:
        raise ValueError("no pagefind-entry.json in Pagefind's files")
    out = dict(files)
    entry = out["pagefind-entry.json"]
    languages = json.loads(entry)["languages"]
    for language, details in sorted(languages.items()):
        old_meta = f"pagefind.{details['hash']}.pf_meta"
        meta = unpack(_take(out, old_meta))
        meta[_META_FILTERS] = _canonical_filters(language, meta[_META_FILTERS], out)
        content, cbor = pack(meta)
        new_hash = f"{language}_{full_hash(cbor)[: len(language) + _META_HASH_EXTRA]}"
        out[f"pagefind.{new_hash}.pf_meta"] = content
        entry = _renamed(entry, details["hash"], new_hash)
    out["pagefind-entry.json"] = entry
    return out


def _canonical_filters(language: str, listed: list[Any], files: dict[str, bytes]) -> list[Any]:
    """Re-encode one language's filter files sorted; returns the metadata's new filter list."""
    decoded = []
    for name, file_hash in listed:
        filter_name, values = unpack(_take(files, f"filter/{file_hash}.pf_filter"))
        if filter_name != name:
            raise ValueError(f"filter file {file_hash} holds {filter_name!r}, not {name!r}")
        decoded.append((name, sorted([value, sorted(pages)] for value, pages in values)))
    taken: set[str] = set()
    renamed = []
    for name, values in sorted(decoded):
        content, cbor = pack([name, values])
        long_hash = f"{language}_{full_hash(cbor)}"
        # Two filters whose short names collide: the later (by name) takes more digits.
        size = len(language) + _HASH_EXTRA
        while long_hash[:size] in taken and size < len(long_hash):
            size += 1
        short = long_hash[:size]
        taken.add(short)
        files[f"filter/{short}.pf_filter"] = content
        renamed.append([name, short])
    return renamed


def _take(files: dict[str, bytes], path: str) -> bytes:
    """Remove and return the file at ``path``, which the bundle's own index names."""
    if path not in files:
        raise ValueError(f"Pagefind's index names {path}, which it did not return")
    return files.pop(path)


def _renamed(entry: bytes, old: str, new: str) -> bytes:
    """``pagefind-entry.json`` with the metadata hash ``old`` replaced (its other bytes kept)."""
    needle = json.dumps(old).encode("utf-8")
    if entry.count(needle) != 1:
        raise ValueError(f"pagefind-entry.json names {old!r} {entry.count(needle)} times")
    return entry.replace(needle, json.dumps(new).encode("utf-8"))
