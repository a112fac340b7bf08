"""Reads a GGUF file's header and metadata ourselves, before llama.cpp sees it.

llama.cpp aborts or prints cryptic messages on a file that is not GGUF, is cut short or comes from a newer
format; reading the header first turns each of those into a specific, actionable error. The file is mapped,
not read: large arrays (the vocabulary) are stepped over without building Python objects.
"""

from __future__ import annotations

import hashlib
import mmap
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarize.errors import ModelMissing, ModelTruncated, ModelUnsupported, NotAGguf

MAGIC = b"GGUF"
SUPPORTED_VERSIONS = (2, 3)
DEFAULT_ALIGNMENT = 32
#: Scalar value types: GGUF type id -> struct format.
_SCALARS = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?", 10: "Q", 11: "q", 12: "d"}
_STRING, _ARRAY = 8, 9
#: ggml tensor types: id -> (values per block, bytes per block). Unknown ids skip the size check.
_TENSOR_TYPES = {
    0: (1, 4), 1: (1, 2), 2: (32, 18), 3: (32, 20), 6: (32, 22), 7: (32, 24), 8: (32, 34), 9: (32, 36),
    10: (256, 84), 11: (256, 110), 12: (256, 144), 13: (256, 176), 14: (256, 210), 15: (256, 292),
    16: (256, 66), 17: (256, 74), 18: (256, 98), 19: (256, 50), 20: (32, 18), 21: (256, 110), 22: (256, 82),
    23: (256, 136), 24: (1, 1), 25: (1, 2), 26: (1, 4), 27: (1, 8), 28: (1, 8), 29: (256, 56), 30: (1, 2),
}
#: Arrays longer than this are skipped, not kept (vocabularies, merges).
_KEEP_ARRAY = 64
#: llama.cpp's ``general.file_type`` numbers: how the weights are quantised.
FILE_TYPES = {
    0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 7: "Q8_0", 8: "Q5_0", 9: "Q5_1", 10: "Q2_K", 11: "Q3_K_S",
    12: "Q3_K_M", 13: "Q3_K_L", 14: "Q4_K_S", 15: "Q4_K_M", 16: "Q5_K_S", 17: "Q5_K_M", 18: "Q6_K",
    19: "IQ2_XXS", 20: "IQ2_XS", 21: "Q2_K_S", 22: "IQ3_XS", 23: "IQ3_XXS", 24: "IQ1_S", 25: "IQ4_NL",
    26: "IQ3_S", 27: "IQ3_M", 28: "IQ2_S", 29: "IQ2_M", 30: "IQ4_XS", 31: "IQ1_M", 32: "BF16",
    36: "TQ1_0", 37: "TQ2_0",
}


@dataclass(frozen=True)
class GgufInfo:
    """What the header tells: format version, metadata (short values only), tensors and sizes."""

    path: Path
    version: int
    metadata: dict[str, Any]
    tensor_count: int
    file_size: int
    data_end: int | None  # where the last tensor ends; None when a tensor type is unknown to us

    @property
    def architecture(self) -> str:
        return str(self.metadata.get("general.architecture", ""))

    @property
    def name(self) -> str:
        return str(self.metadata.get("general.name") or self.path.stem)

    @property
    def chat_template(self) -> str | None:
        template = self.metadata.get("tokenizer.chat_template")
        return str(template) if template else None

    def arch_value(self, key: str, default: int = 0) -> int:
        value = self.metadata.get(f"{self.architecture}.{key}", default)
        return int(value) if isinstance(value, (int, float)) else default

    @property
    def context_length(self) -> int:
        return self.arch_value("context_length", 2048)

    @property
    def quantisation(self) -> str:
        file_type = self.metadata.get("general.file_type")
        return FILE_TYPES.get(file_type, f"type {file_type}") if isinstance(file_type, int) else "unknown"

    def describe(self) -> str:
        """One line for a person choosing a model: name, architecture, quantisation, size, context."""
        return (f"{self.name} ({self.architecture or 'unknown'}, {self.quantisation}), "
                f"{self.file_size / 2**20:,.0f} MB, {self.context_length:,} tokens context")

    def kv_cache_bytes(self, n_ctx: int) -> int:
        """Memory of the key/value cache at ``n_ctx`` tokens in f16, from the attention shape."""
        layers = self.arch_value("block_count")
        heads = max(1, self.arch_value("attention.head_count", 1))
        kv_heads = self.arch_value("attention.head_count_kv", heads) or heads
        head_dim = self.arch_value("attention.key_length", self.arch_value("embedding_length") // heads)
        value_dim = self.arch_value("attention.value_length", head_dim)
        return layers * n_ctx * kv_heads * (head_dim + value_dim) * 2


def file_sha256(path: Path) -> str:
    """The sha256 of a (large) file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(4 << 20):
            digest.update(block)
    return digest.hexdigest()


def read_gguf(path: Path) -> GgufInfo:
    """The header of the GGUF file at ``path``; raises a specific ``ModelUnavailable`` when it is unusable."""
    try:
        with path.open("rb") as handle:
            size = path.stat().st_size
            if size < 24:
                _refuse_short(path, handle.read())
            with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as view:
                return _parse(path, view, size)
    except FileNotFoundError:
        raise ModelMissing(f"the model file {path} does not exist; choose a .gguf file with --model PATH "
                           "or LESESAAL_MODEL") from None
    except IsADirectoryError:
        raise ModelMissing(f"{path} is a folder, not a model file; choose a .gguf file inside it") from None
    except PermissionError:
        raise ModelMissing(f"the model file {path} cannot be read (permission denied)") from None


def _refuse_short(path: Path, head: bytes) -> None:
    if head[:4] == MAGIC:
        raise ModelTruncated(f"the model file {path} ends inside its header ({len(head)} bytes); download it again")
    raise NotAGguf(_not_a_gguf(path))


def _not_a_gguf(path: Path) -> str:
    if path.suffix.lower() == ".gguf":
        return (f"{path} is not a GGUF model file: its name ends in .gguf, but it does not contain a GGUF model "
                "(a renamed file, or one only partly downloaded); download or copy the model again")
    return f"{path} is not a GGUF model file; choose a .gguf file (models for llama.cpp end in .gguf)"


def _parse(path: Path, view: mmap.mmap, size: int) -> GgufInfo:
    if view[:4] != MAGIC:
        raise NotAGguf(_not_a_gguf(path))
    version = struct.unpack_from("<I", view, 4)[0]
    if version not in SUPPORTED_VERSIONS:
        raise ModelUnsupported(f"{path} is GGUF version {version}; this Lesesaal reads versions "
                               f"{', '.join(map(str, SUPPORTED_VERSIONS))}: convert the model or update Lesesaal")
    reader = _Reader(view, 8, path)
    tensor_count, kv_count = reader.unpack("<QQ")
    metadata = {}
    for _ in range(kv_count):
        key = reader.string()
        metadata[key] = reader.value(reader.unpack("<I")[0])
    data_end = _tensor_data_end(reader, tensor_count, int(metadata.get("general.alignment", DEFAULT_ALIGNMENT)))
    if data_end is not None and data_end > size:
        raise ModelTruncated(f"the model file {path} is cut short: it holds {size:,} bytes but its tensors need "
                             f"{data_end:,}; download or copy it again")
    return GgufInfo(path, version, metadata, tensor_count, size, data_end)


def _tensor_data_end(reader: _Reader, count: int, alignment: int) -> int | None:
    end, known = 0, True
    for _ in range(count):
        reader.string()
        dims = reader.unpack(f"<{reader.unpack('<I')[0]}Q")
        kind, offset = reader.unpack("<IQ")
        if kind not in _TENSOR_TYPES:
            known = False
            continue
        per_block, block_bytes = _TENSOR_TYPES[kind]
        values = 1
        for dim in dims:
            values *= dim
        end = max(end, offset + values // per_block * block_bytes)
    start = -(-reader.position // alignment) * alignment
    return start + end if known else None


class _Reader:
    """Steps through the mapped header; reading past its end means the file was cut short."""

    def __init__(self, view: mmap.mmap, position: int, path: Path) -> None:
        self._view, self.position, self._path = view, position, path

    def unpack(self, fmt: str) -> tuple[Any, ...]:
        try:
            values = struct.unpack_from(fmt, self._view, self.position)
        except struct.error:
            raise ModelTruncated(f"the model file {self._path} ends inside its header; download it again") from None
        self.position += struct.calcsize(fmt)
        return values

    def string(self) -> str:
        length = self.unpack("<Q")[0]
        raw = self._view[self.position:self.position + length]
        if len(raw) < length:
            raise ModelTruncated(f"the model file {self._path} ends inside its header; download it again")
        self.position += length
        return raw.decode("utf-8", errors="replace")

    def value(self, kind: int) -> Any:
        if kind in _SCALARS:
            return self.unpack("<" + _SCALARS[kind])[0]
        if kind == _STRING:
            return self.string()
        if kind == _ARRAY:
            item_kind, count = self.unpack("<IQ")
            return self._array(item_kind, count)
        raise NotAGguf(f"{self._path} has a damaged GGUF header (value type {kind}); download it again")

    def _array(self, kind: int, count: int) -> list[Any] | None:
        if kind in _SCALARS and count > _KEEP_ARRAY:
            self.position += count * struct.calcsize("<" + _SCALARS[kind])
            if self.position > len(self._view):
                raise ModelTruncated(f"the model file {self._path} ends inside its header; download it again")
            return None
        values = [self.value(kind) for _ in range(count)]
        return values if count <= _KEEP_ARRAY else None
