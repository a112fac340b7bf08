"""Which model is used: --model, then LESESAAL_MODEL, then the models folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.errors import ModelUnavailable
from summarize.settings import available_models, choose_model, models_dir


def test_the_order_of_choice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, library_home: Path) -> None:
    monkeypatch.delenv("LESESAAL_MODEL", raising=False)
    monkeypatch.delenv("LESESAAL_MODELS", raising=False)
    assert models_dir() == library_home / "models"
    with pytest.raises(ModelUnavailable, match="--extractive"):
        choose_model()
    models_dir().mkdir(parents=True)
    for name in ("b.gguf", "a.GGUF", "notes.txt"):
        (models_dir() / name).write_bytes(b"x")
    assert [p.name for p in available_models()] == ["a.GGUF", "b.gguf"]
    assert choose_model() == models_dir() / "a.GGUF"
    monkeypatch.setenv("LESESAAL_MODEL", str(tmp_path / "env.gguf"))
    assert choose_model() == tmp_path / "env.gguf"
    assert choose_model(str(tmp_path / "flag.gguf")) == tmp_path / "flag.gguf"
