"""Files that pass the header check but that llama.cpp cannot run give ModelUnsupported, not a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.errors import ModelUnsupported
from summarize.llama_backend import BackendSettings, LlamaSummarizer
from tests.summarize.test_gguf import tiny_gguf


def test_an_architecture_llama_cpp_does_not_know(tmp_path: Path) -> None:
    path = tmp_path / "odd.gguf"
    path.write_bytes(tiny_gguf().replace(b"\x05\x00\x00\x00\x00\x00\x00\x00llama", b"\x05\x00\x00\x00\x00\x00\x00\x00zebra")
                     .replace(b"llama.context_length", b"zebra.context_length"))
    model = LlamaSummarizer(path, BackendSettings(n_ctx=256))
    assert model.header.architecture == "zebra" and not model.loaded
    with pytest.raises(ModelUnsupported, match="zebra"):
        model.load()
    assert not model.loaded
