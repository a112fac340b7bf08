"""Builds the Linux bundle (or takes a built one) and proves it complete by running it, as a user's machine would.

    python packaging/smoke_test.py [--no-build] [--model GGUF]

1. ``build.py linux --model GGUF`` (default: the SmolLM2 test model, fetched once like the tests fetch it);
2. start-up: the built ``lesesaal-gui`` on a new library (the samples come in, the index is made) and again on
   that library, each until its window is idle and closed (``--quit-after 0``), wall seconds;
3. ``lesesaal-gui --self-test smoke_article.html`` offscreen with no ``--model``: the bundled model must be found.
   It imports the article, searches it, renders the reading pane, summarises extractively and with the model,
   and imports a batch large enough for the reader and index worker processes. Where this environment runs the
   analysis compiled (mypyc), the bundle must run it compiled too.
Prints one JSON object (build seconds, sizes in MB, start-up seconds, the self-test's report); exit code 0 when
the self-test passed. Nothing touches the user's own library or settings: every run gets a temporary home.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUNDLE = HERE / "dist" / "lesesaal-gui"
ARTICLE = HERE / "smoke_article.html"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    model = args.model or _test_model()
    report: dict[str, object] = {}
    if not args.no_build:
        started = time.perf_counter()
        subprocess.run([sys.executable, str(HERE / "build.py"), "linux", "--model", str(model)], check=True)
        report["build_s"] = round(time.perf_counter() - started, 1)
    executable = BUNDLE / "lesesaal-gui"
    total = _megabytes(BUNDLE)
    bundled = sum(p.stat().st_size for p in BUNDLE.rglob("models/*.gguf")) / 1e6
    report["size_mb"] = {"bundle": round(total, 1), "bundled_model": round(bundled, 1),
                         "without_model": round(total - bundled, 1)}
    with tempfile.TemporaryDirectory(prefix="lesesaal-smoke-") as home:
        library = Path(home) / "bibliothek"
        report["startup_s"] = {"first_start": _timed_start(executable, library, home),
                               "later_start": _timed_start(executable, library, home)}
        test = _run(executable, ["--self-test", str(ARTICLE), "--library", str(Path(home) / "selbsttest")], home)
    try:
        found: dict[str, Any] = json.loads(test.stdout)
    except ValueError:
        found = {"ok": False, "stdout": test.stdout[-2000:], "stderr": test.stderr[-4000:]}
    report["self_test"] = found
    expected = _analysis_here()
    report["analysis"] = {"bundle": found.get("analysis"), "build_environment": expected}
    print(json.dumps(report, ensure_ascii=False, indent=2))
    compiled_as_here = found.get("analysis") == expected or not expected.startswith("compiled")
    passed = test.returncode == 0 and bool(found.get("ok")) and compiled_as_here
    return 0 if passed else 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="smoke_test.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-build", action="store_true", help="test packaging/dist/lesesaal-gui as it is")
    parser.add_argument("--model", type=Path, metavar="GGUF", help="the model to bundle (default: SmolLM2 test model)")
    return parser


def _test_model() -> Path:
    sys.path.insert(0, str(ROOT))
    from tests.summarize.real_models import SMOLLM2, ensure_model

    return ensure_model(SMOLLM2)


def _analysis_here() -> str:
    """How the analysis runs in the environment that built the bundle: compiled there means compiled in the bundle."""
    return subprocess.run([sys.executable, "-c", "import articles; print(articles.compiled_status())"], cwd=ROOT,
                          capture_output=True, text=True, check=True).stdout.strip()


def _timed_start(executable: Path, library: Path, home: str) -> float:
    started = time.perf_counter()
    result = _run(executable, ["--library", str(library), "--quit-after", "0"], home)
    if result.returncode != 0:
        raise SystemExit(f"smoke_test.py: {executable} did not start:\n{result.stderr[-4000:]}")
    return round(time.perf_counter() - started, 2)


def _run(executable: Path, arguments: list[str], home: str) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("LESESAAL_")}
    environment.update(QT_QPA_PLATFORM="offscreen", HOME=home, XDG_CONFIG_HOME=f"{home}/config",
                       XDG_DATA_HOME=f"{home}/data", XDG_CACHE_HOME=f"{home}/cache")
    return subprocess.run([str(executable), *arguments], env=environment, capture_output=True, text=True,
                          timeout=900, check=False)


def _megabytes(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


if __name__ == "__main__":
    sys.exit(main())
