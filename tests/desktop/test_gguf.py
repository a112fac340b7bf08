"""Checking a model file from its GGUF header, and the messages for files that are no usable model."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.gguf import ModelUnavailable, read_gguf
from tests.desktop.gguf_writer import write_gguf

REAL_MODEL = Path.home() / ".cache/lesesaal/test-models/SmolLM2-135M-Instruct.Q4_1.gguf"


def test_header_gives_name_quantisation_and_context(tmp_path: Path) -> None:
    info = read_gguf(write_gguf(tmp_path / "klein.gguf"))
    assert (info.name, info.architecture, info.quantisation, info.context_length) == (
        "Kleines Testmodell", "llama", "Q4_K_M", 8192)
    assert "Q4_K_M" in info.describe() and "8,192 tokens" in info.describe()


@pytest.mark.skipif(not REAL_MODEL.exists(), reason="the small real test model is not on this machine")
def test_a_real_model_file_is_read_without_loading_it() -> None:
    info = read_gguf(REAL_MODEL)
    assert info.architecture == "llama" and info.quantisation == "Q4_1" and info.context_length == 8192
    assert info.tensor_count > 100


def test_not_a_model_says_what_is_needed(tmp_path: Path) -> None:
    path = tmp_path / "urlaub.gguf"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    with pytest.raises(ModelUnavailable, match="not a GGUF model file"):
        read_gguf(path)


def test_cut_short_download_is_recognised(tmp_path: Path) -> None:
    path = write_gguf(tmp_path / "halb.gguf")
    path.write_bytes(path.read_bytes()[:-700])
    with pytest.raises(ModelUnavailable, match="cut short"):
        read_gguf(path)


def test_unsupported_version_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailable, match="version 1"):
        read_gguf(write_gguf(tmp_path / "alt.gguf", version=1))
    with pytest.raises(ModelUnavailable, match="does not exist"):
        read_gguf(tmp_path / "fehlt.gguf")
