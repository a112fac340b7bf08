"""Writes small GGUF files for tests: a header with metadata and no tensors."""

from __future__ import annotations

import struct
from pathlib import Path

_UINT32, _STRING, _ARRAY = 4, 8, 9


def _string(text: str) -> bytes:
    data = text.encode("utf-8")
    return struct.pack("<Q", len(data)) + data


def write_gguf(path: Path, *, name: str = "Kleines Testmodell", file_type: int = 15, context: int = 8192,
               version: int = 3, tokens: int = 500, magic: bytes = b"GGUF") -> Path:
    entries = [
        _string("general.architecture") + struct.pack("<I", _STRING) + _string("llama"),
        _string("general.name") + struct.pack("<I", _STRING) + _string(name),
        _string("general.file_type") + struct.pack("<I", _UINT32) + struct.pack("<I", file_type),
        _string("llama.context_length") + struct.pack("<I", _UINT32) + struct.pack("<I", context),
        _string("tokenizer.ggml.tokens") + struct.pack("<IIQ", _ARRAY, _STRING, tokens)
        + b"".join(_string(f"wort{n}") for n in range(tokens)),
    ]
    data = magic + struct.pack("<IQQ", version, 0, len(entries)) + b"".join(entries)
    path.write_bytes(data + bytes(-len(data) % 32))  # the (empty) tensor data starts 32-byte aligned
    return path
