"""setup.py's fallback: where nothing can be compiled, the wheel still builds, pure Python, and says why.

Builds a copy of the project (so the checkout's own build folder and compiled modules stay as they are) with
pip's ordinary client and this environment's setuptools (no build isolation, no index: nothing is fetched).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT = ["setup.py", "pyproject.toml", "README.md", "articles", "library", "search", "summarize", "desktop",
           "resources"]
UNBUILT = shutil.ignore_patterns("__pycache__", "*.so", "*.pyd", "compiled_manifest.json")


def _wheel_built_with(tmp_path: Path, **variables: str) -> tuple[zipfile.ZipFile, str]:
    project = tmp_path / "lesesaal"
    project.mkdir()
    for name in PROJECT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=UNBUILT)
        else:
            shutil.copy2(source, project / name)
    environment = {key: value for key, value in os.environ.items() if key != "LESESAAL_PURE_PYTHON"}
    environment.update(variables)
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "--no-build-isolation",
                             "--no-index", "-w", str(tmp_path / "dist"), str(project)],
                            capture_output=True, text=True, env=environment, timeout=600, check=False)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    (wheel,) = (tmp_path / "dist").glob("lesesaal-*.whl")
    return zipfile.ZipFile(wheel), result.stdout + result.stderr


@pytest.mark.slow
@pytest.mark.parametrize(("variables", "reason"), [
    ({"LESESAAL_PURE_PYTHON": "1"}, "LESESAAL_PURE_PYTHON=1 at build time"),
    ({"CC": "/nirgendwo/cc"}, "no working C compiler"),
], ids=["asked-for", "no-compiler"])
@pytest.mark.skipif(sys.platform == "win32", reason="CC names the compiler on Unix only")
def test_a_build_that_cannot_compile_installs_the_pure_python_analysis_and_says_why(
        tmp_path: Path, variables: dict[str, str], reason: str) -> None:
    wheel, output = _wheel_built_with(tmp_path, **variables)
    names = wheel.namelist()
    assert "articles/quotes.py" in names and "articles/compiled_modules.py" in names
    assert not [name for name in names if name.endswith((".so", ".pyd"))]  # none of the group, not one
    manifest = json.loads(wheel.read("articles/compiled_manifest.json"))
    assert manifest["compiled"] is False and manifest["reason"].startswith(reason)
    assert f"the analysis stays pure Python (slower, same results): {reason}" in output
