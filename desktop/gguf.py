"""A small reader of GGUF model file headers: enough to check a file before anyone loads it.

Reads the magic, the version and the metadata key/value pairs (skipping large arrays such as the
vocabulary) and reports the model's name, architecture, quantisation and context length. It never
reads tensor data, so checking a 4 GB file takes milliseconds. Names follow ``summarize.gguf`` (branch
``summarize``), which reads the same header for its llama.cpp backend and can replace this module.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from articles.errors import LesesaalError

MAGIC = b"GGUF"
SUPPORTED_VERSIONS = (2, 3)
_MAX_KEYS = 100_000
_MAX_STRING = 16 * 1024 * 1024
_SCALARS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?", 10: "<Q", 11: "<q", 12: "<d"}
_STRING, _ARRAY = 8, 9
#: llama.cpp's ``general.file_type`` numbers (how the weights are quantised).
FILE_TYPES = {
    0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 7: "Q8_0", 8: "Q5_0", 9: "Q5_1", 10: "Q2_K", 11: "Q3_K_S",
    12: "Q3_K_M", 13: "Q3_K_L", 14: "Q4_K_S", 15: "Q4_K_M", 16: "Q5_K_S", 17: "Q5_K_M", 18: "Q6_K",
    19: "IQ2_XXS", 20: "IQ2_XS", 21: "Q2_K_S", 22: "IQ3_XS", 23: "IQ3_XXS", 24: "IQ1_S", 25: "IQ4_NL",
    26: "IQ3_S", 27: "IQ3_M", 28: "IQ2_S", 29: "IQ2_M", 30: "IQ4_XS", 31: "IQ1_M", 32: "BF16",
    36: "TQ1_0", 37: "TQ2_0",
}


class ModelUnavailable(LesesaalError):
    """The model file is missing, not a GGUF model, damaged, or cannot be used."""


@dataclass(frozen=True)
class GgufInfo:
    path: Path
    file_size: int
    version: int
    name: str
    architecture: str
    quantisation: str
    context_length: int | None
    tensor_count: int

    def describe(self) -> str:
        context = f"{self.context_length:,} tokens context" if self.context_length else "context length unknown"
        return (f"{self.name} ({self.architecture}, {self.quantisation}), {self.file_size / 2**20:,.0f} MB, "
                f"{context}")


def read_gguf(path: Path) -> GgufInfo:
    """Check that ``path`` is a GGUF model and read what it says about itself."""
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            return _read(stream, path, size)
    except FileNotFoundError:
        raise ModelUnavailable(f"the model file {path} does not exist; choose another one in Settings") from None
    except IsADirectoryError:
        raise ModelUnavailable(f"{path} is a folder; choose a .gguf model file") from None
    except OSError as error:
        raise ModelUnavailable(f"cannot read the model file {path}: {error.strerror}") from None
    except (struct.error, EOFError):
        raise ModelUnavailable(f"the model file {path} is cut short (an interrupted download?); "
                               "download it again") from None
    except UnicodeDecodeError:
        raise ModelUnavailable(f"the model file {path} is damaged (unreadable metadata); download it again") from None


def _read(stream: BinaryIO, path: Path, size: int) -> GgufInfo:
    if _take(stream, 4) != MAGIC:
        raise ModelUnavailable(f"{path.name} is not a GGUF model file (it does not start with 'GGUF'); "
                               "Lesesaal needs a model in GGUF format, as llama.cpp uses")
    version = _unpack(stream, "<I")
    if version not in SUPPORTED_VERSIONS:
        raise ModelUnavailable(f"{path.name} is GGUF version {version}; Lesesaal reads versions 2 and 3 "
                               "(convert or download the model again)")
    tensors, keys = _unpack(stream, "<Q"), _unpack(stream, "<Q")
    if keys > _MAX_KEYS:
        raise ModelUnavailable(f"the model file {path.name} is damaged ({keys:,} metadata entries)")
    meta: dict[str, Any] = {}
    for _ in range(keys):
        key = _string(stream)
        meta[key] = _value(stream, _unpack(stream, "<I"))
    if stream.tell() > size:  # skipped arrays ran past the end
        raise EOFError
    architecture = str(meta.get("general.architecture", "unknown"))
    file_type = meta.get("general.file_type")
    quantisation = FILE_TYPES.get(file_type, f"type {file_type}") if isinstance(file_type, int) else "unknown"
    context = meta.get(f"{architecture}.context_length")
    return GgufInfo(path=path, file_size=size, version=version, name=str(meta.get("general.name") or path.stem),
                     architecture=architecture, quantisation=quantisation,
                     context_length=int(context) if isinstance(context, int) else None, tensor_count=tensors)


def _take(stream: BinaryIO, count: int) -> bytes:
    data = stream.read(count)
    if len(data) != count:
        raise EOFError
    return data


def _unpack(stream: BinaryIO, form: str) -> Any:
    return struct.unpack(form, _take(stream, struct.calcsize(form)))[0]


def _string(stream: BinaryIO) -> str:
    length = _unpack(stream, "<Q")
    if length > _MAX_STRING:
        raise UnicodeDecodeError("utf-8", b"", 0, 1, "string too long")
    return _take(stream, length).decode("utf-8")


def _value(stream: BinaryIO, kind: int) -> Any:
    if kind in _SCALARS:
        return _unpack(stream, _SCALARS[kind])
    if kind == _STRING:
        return _string(stream)
    if kind == _ARRAY:
        return _skip_array(stream)
    raise UnicodeDecodeError("utf-8", b"", 0, 1, f"unknown value type {kind}")


def _skip_array(stream: BinaryIO) -> int:
    """Skip an array (a vocabulary, merges, scores): only its length is kept."""
    kind, count = _unpack(stream, "<I"), _unpack(stream, "<Q")
    if kind in _SCALARS:
        stream.seek(struct.calcsize(_SCALARS[kind]) * count, 1)
    elif kind == _STRING:
        for _ in range(count):
            stream.seek(_unpack(stream, "<Q"), 1)
    else:
        for _ in range(count):
            _value(stream, kind)
    return int(count)
