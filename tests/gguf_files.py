"""Small GGUF files for tests, written byte by byte (the format's strings are length-prefixed UTF-8)."""

from __future__ import annotations

import struct
from pathlib import Path

_UINT32, _STRING, _ARRAY = 4, 8, 9


def gguf_string(text: str) -> bytes:
    data = text.encode("utf-8")
    return struct.pack("<Q", len(data)) + data


def write_gguf(path: Path, *, name: str = "Kleines Testmodell", file_type: int = 15, context: int = 8192,
               version: int = 3, tokens: int = 500, magic: bytes = b"GGUF") -> Path:
    """A header with metadata (name, quantisation, context length, a vocabulary) and no tensors."""
    entries = [
        gguf_string("general.architecture") + struct.pack("<I", _STRING) + gguf_string("llama"),
        gguf_string("general.name") + struct.pack("<I", _STRING) + gguf_string(name),
        gguf_string("general.file_type") + struct.pack("<I", _UINT32) + struct.pack("<I", file_type),
        gguf_string("llama.context_length") + struct.pack("<I", _UINT32) + struct.pack("<I", context),
        gguf_string("tokenizer.ggml.tokens") + struct.pack("<IIQ", _ARRAY, _STRING, tokens)
        + b"".join(gguf_string(f"wort{n}") for n in range(tokens)),
    ]
    data = magic + struct.pack("<IQQ", version, 0, len(entries)) + b"".join(entries)
    path.write_bytes(data + bytes(-len(data) % 32))  # the (empty) tensor data starts 32-byte aligned
    return path
