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


def test_a_model_bundled_by_the_installer_is_the_last_choice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.delenv("LESESAAL_MODEL", raising=False)
    monkeypatch.delenv("LESESAAL_MODELS", raising=False)
    bundle = tmp_path / "bundle"
    (bundle / "models").mkdir(parents=True)
    (bundle / "models" / "mitgeliefert.gguf").write_bytes(b"x")
    with pytest.raises(ModelUnavailable):
        choose_model()  # not frozen: the folder is not looked at
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert choose_model() == bundle / "models" / "mitgeliefert.gguf"
    library_models = tmp_path / "bibliothek" / "models"
    library_models.mkdir(parents=True)
    (library_models / "aus-der-bibliothek.gguf").write_bytes(b"x")
    assert choose_model(also=[library_models]) == library_models / "aus-der-bibliothek.gguf"
    models_dir().mkdir(parents=True)
    (models_dir() / "eigenes.gguf").write_bytes(b"x")
    assert choose_model(also=[library_models]) == models_dir() / "eigenes.gguf"
