"""The GGUF header is read before llama.cpp sees the file; each unusable file gets its own error."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from summarize.errors import ModelMissing, ModelTruncated, ModelUnsupported, NotAGguf
from summarize.gguf import read_gguf
from tests.gguf_files import gguf_string


def tiny_gguf(version: int = 3, values: int = 8) -> bytes:
    """A GGUF file with two metadata values and one F32 tensor of ``values`` numbers."""
    header = b"GGUF" + struct.pack("<IQQ", version, 1, 2)
    header += gguf_string("general.architecture") + struct.pack("<I", 8) + gguf_string("llama")
    header += gguf_string("llama.context_length") + struct.pack("<II", 4, 512)
    header += gguf_string("token_embd.weight") + struct.pack("<I", 1) + struct.pack("<Q", values)
    header += struct.pack("<IQ", 0, 0)  # F32 at offset 0
    padding = -len(header) % 32
    return header + b"\0" * padding + b"\0" * (4 * values)


def test_a_complete_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "m.gguf"
    path.write_bytes(tiny_gguf())
    info = read_gguf(path)
    assert info.version == 3 and info.architecture == "llama" and info.context_length == 512
    assert info.data_end == path.stat().st_size and info.name == "m"


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ModelMissing, match="does not exist"):
        read_gguf(tmp_path / "nowhere.gguf")
    with pytest.raises(ModelMissing, match="folder"):
        read_gguf(tmp_path)


@pytest.mark.parametrize("content", [b"PK\x03\x04" + b"\0" * 100, b"<html>" + b" " * 40, b"abc"])
def test_a_file_that_is_no_gguf(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "model.gguf"
    path.write_bytes(content)
    with pytest.raises(NotAGguf, match="does not contain a GGUF model .*renamed.*partly downloaded") as raised:
        read_gguf(path)
    assert "b'" not in str(raised.value) and "\\x" not in str(raised.value)
    other = tmp_path / "model.bin"
    other.write_bytes(content)
    with pytest.raises(NotAGguf, match="is not a GGUF model file; choose a .gguf file"):
        read_gguf(other)


@pytest.mark.parametrize("keep", [10, 40, 120, -4])
def test_a_truncated_file(tmp_path: Path, keep: int) -> None:
    path = tmp_path / "model.gguf"
    path.write_bytes(tiny_gguf()[:keep])
    with pytest.raises(ModelTruncated, match="download"):
        read_gguf(path)


def test_a_newer_gguf_version_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "model.gguf"
    path.write_bytes(tiny_gguf(version=9))
    with pytest.raises(ModelUnsupported, match="version 9"):
        read_gguf(path)
