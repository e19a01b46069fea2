"""Frames between the dflashc runtime and this package's worker (docs/protocol.md).

A frame is a 16-byte prefix, a JSON header and a payload:

    magic b"DFLF" | u32 header length | u64 payload length      (little-endian)
    header: UTF-8 JSON object; "arrays" lists the payload's arrays as
            {"name", "dtype", "shape", "offset", "nbytes"} (offset from the payload's start)
    payload: the arrays' raw little-endian bytes, row-major

dtypes on the wire: i32, f32, bf16 (raw 16-bit patterns; numpy has no bfloat16, so they travel as
uint16 and the worker reinterprets them) and u8. Standard library and numpy only: the runtime's tests
run this module as an echo server on machines without JAX (`python3 framing.py --echo`).
"""

from __future__ import annotations

import json
import struct
import sys
from collections.abc import Mapping
from typing import BinaryIO

import numpy as np

MAGIC = b"DFLF"
PREFIX = struct.Struct("<4sIQ")
# A header is a small JSON object; anything larger is a peer speaking another protocol.
MAX_HEADER_BYTES = 1 << 24

WIRE_DTYPES = {
    "i32": np.dtype("<i4"),
    "f32": np.dtype("<f4"),
    "bf16": np.dtype("<u2"),
    "u8": np.dtype("u1"),
}


class FramingError(Exception):
    """The byte stream is not a well-formed frame (wrong magic, truncated, inconsistent header)."""


def wire_dtype(array: np.ndarray) -> str:
    if array.dtype.name == "bfloat16":  # ml_dtypes.bfloat16, when JAX is around
        return "bf16"
    for name, dtype in WIRE_DTYPES.items():
        if array.dtype == dtype:  # uint16 arrays are taken as bf16 bit patterns
            return name
    raise FramingError(f"no wire dtype for numpy dtype {array.dtype}")


def encode(header: Mapping[str, object], arrays: Mapping[str, np.ndarray] | None = None) -> bytes:
    """One frame: `header` plus an "arrays" table describing `arrays`, then their bytes."""
    descriptors = []
    chunks = []
    offset = 0
    for name, array in (arrays or {}).items():
        dtype = wire_dtype(array)
        data = np.ascontiguousarray(array).tobytes()
        descriptors.append(
            {"name": name, "dtype": dtype, "shape": list(array.shape), "offset": offset, "nbytes": len(data)}
        )
        chunks.append(data)
        offset += len(data)
    head = json.dumps({**header, "arrays": descriptors}, separators=(",", ":")).encode("utf-8")
    return b"".join([PREFIX.pack(MAGIC, len(head), offset), head, *chunks])


def parse_prefix(prefix: bytes) -> tuple[int, int]:
    magic, header_len, payload_len = PREFIX.unpack(prefix)
    if magic != MAGIC:
        raise FramingError(f"bad magic {magic!r}: the peer is not speaking the dflashc frame protocol")
    if header_len > MAX_HEADER_BYTES:
        raise FramingError(f"header of {header_len} bytes exceeds {MAX_HEADER_BYTES}")
    return header_len, payload_len


def decode_body(head: bytes, payload: bytes) -> tuple[dict, dict[str, np.ndarray]]:
    """The header (without its "arrays" table) and the arrays, as read-only views of `payload`."""
    try:
        header = json.loads(head.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise FramingError(f"header is not JSON: {e}") from None
    if not isinstance(header, dict):
        raise FramingError("header is not a JSON object")
    arrays: dict[str, np.ndarray] = {}
    for d in header.pop("arrays", []):
        try:
            dtype = WIRE_DTYPES[d["dtype"]]
            shape = tuple(int(n) for n in d["shape"])
            offset, nbytes = int(d["offset"]), int(d["nbytes"])
        except (KeyError, TypeError, ValueError) as e:
            raise FramingError(f"bad array descriptor {d!r}: {e}") from None
        count = int(np.prod(shape, dtype=np.int64))
        if nbytes != count * dtype.itemsize or offset < 0 or offset + nbytes > len(payload):
            raise FramingError(
                f"array {d.get('name')!r}: {nbytes} bytes at {offset} do not fit shape {shape} in a {len(payload)}-byte payload"
            )
        arrays[str(d["name"])] = np.frombuffer(payload, dtype=dtype, count=count, offset=offset).reshape(shape)
    return header, arrays


def decode(frame: bytes) -> tuple[dict, dict[str, np.ndarray]]:
    """Parses one complete frame held in memory."""
    if len(frame) < PREFIX.size:
        raise FramingError("truncated frame prefix")
    header_len, payload_len = parse_prefix(frame[: PREFIX.size])
    end = PREFIX.size + header_len + payload_len
    if len(frame) != end:
        raise FramingError(f"frame of {len(frame)} bytes, prefix says {end}")
    body = frame[PREFIX.size :]
    return decode_body(body[:header_len], body[header_len:])


def _read_exactly(stream: BinaryIO, n: int) -> bytes | None:
    parts = []
    left = n
    while left > 0:
        chunk = stream.read(left)
        if not chunk:
            if left == n:
                return None
            raise FramingError(f"stream ended {left} bytes short of a {n}-byte read")
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def read_frame(stream: BinaryIO) -> tuple[dict, dict[str, np.ndarray]] | None:
    """The next frame, or None when the stream ends cleanly between frames."""
    prefix = _read_exactly(stream, PREFIX.size)
    if prefix is None:
        return None
    header_len, payload_len = parse_prefix(prefix)
    head = _read_exactly(stream, header_len) if header_len else b""
    payload = _read_exactly(stream, payload_len) if payload_len else b""
    if head is None or payload is None:
        raise FramingError("stream ended inside a frame")
    return decode_body(head, payload)


def write_frame(stream: BinaryIO, header: Mapping[str, object], arrays: Mapping[str, np.ndarray] | None = None) -> None:
    stream.write(encode(header, arrays))
    stream.flush()


def echo(stdin: BinaryIO, stdout: BinaryIO) -> None:
    """Replies to every frame with the same header and arrays, re-encoded from the decoded numpy arrays,
    plus "sums": each array's element sum as numpy computed it (proof that values, not just bytes, came
    through). A frame with {"op": "shutdown"} ends the loop."""
    while True:
        frame = read_frame(stdin)
        if frame is None:
            return
        header, arrays = frame
        sums = {name: float(a.astype(np.float64).sum()) for name, a in arrays.items() if a.dtype != WIRE_DTYPES["bf16"]}
        write_frame(stdout, {**header, "sums": sums}, arrays)
        if header.get("op") == "shutdown":
            return


if __name__ == "__main__":
    if sys.argv[1:] != ["--echo"]:
        sys.exit("usage: python3 framing.py --echo")
    echo(sys.stdin.buffer, sys.stdout.buffer)
