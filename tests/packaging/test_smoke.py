"""The built Linux bundle, started as a user would start it: proves nothing is missing (slow: it builds)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.bundle]
pytest.importorskip("PyInstaller", reason="the packaging extra is not installed: pip install -e '.[packaging]'")

SMOKE_TEST = Path(__file__).resolve().parents[2] / "packaging" / "smoke_test.py"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the verified build is the Linux one")
@pytest.mark.skipif(shutil.which("objdump") is None, reason="PyInstaller needs binutils (objdump, objcopy)")
def test_the_built_bundle_imports_searches_renders_and_summarises_with_its_bundled_model() -> None:
    result = subprocess.run([sys.executable, str(SMOKE_TEST)], capture_output=True, text=True, timeout=1800,
                            check=False)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    report = json.loads(result.stdout[result.stdout.index("{\n"):])
    steps = report["self_test"]["steps"]
    assert report["self_test"]["frozen"] is True
    assert list(steps) == ["import", "search", "reader", "extractive", "model", "batch"]
    assert all(step["ok"] for step in steps.values())
    assert steps["model"]["completion_tokens"] > 0  # llama.cpp from the bundle generated text
    assert steps["batch"]["added"] == steps["batch"]["files"]  # reader and index worker processes ran
    assert report["size_mb"]["bundled_model"] > 0
    assert report["self_test"]["analysis"] == report["analysis"]["build_environment"]  # compiled here: there too
