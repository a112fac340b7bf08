"""Compiles the analysis modules with mypyc when Lesesaal is installed; the metadata lives in pyproject.toml.

``pip install .`` and ``pip install -e .`` build the modules named in ``articles/compiled_modules.py`` into C
extensions (one group: they call each other natively). Where that cannot work (no C compiler or no Python headers,
not CPython, mypyc failing, or ``LESESAAL_PURE_PYTHON=1`` in the build's environment) the install goes on with the
pure-Python modules and says why (``pip install -v`` shows it). Every build writes
``articles/compiled_manifest.json``: whether it compiled, why not, and each compiled source's SHA-256, size and
modification time, which ``articles.compiled`` checks at import time, so an edited source never runs as its stale
compiled self.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import runpy
import sys
import sysconfig
import tempfile
from pathlib import Path
from typing import Any

from setuptools import Distribution, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
MODULES: list[str] = runpy.run_path(str(ROOT / "articles" / "compiled_modules.py"))["COMPILED_MODULES"]
MANIFEST = Path("articles", "compiled_manifest.json")
GROUP = "lesesaal"  # mypyc's shared library: lesesaal__mypyc.<abi>.so, beside the packages


def _say(message: str) -> None:
    print(f"lesesaal build: {message}", file=sys.stderr, flush=True)


def _brief(error: BaseException) -> str:
    """The error in a line (a failed compile's command line runs to a kilobyte; the build log shows it whole)."""
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text[:240]}{' …' if len(text) > 240 else ''}"


def _source(module: str) -> Path:
    return Path(*module.split(".")).with_suffix(".py")


def _compiler_problem() -> str:
    """Why no extension can be built here ("" when a C file including Python.h compiles)."""
    from distutils.ccompiler import new_compiler  # setuptools' copy (Python 3.12 has none of its own)
    from distutils.sysconfig import customize_compiler

    with tempfile.TemporaryDirectory(prefix="lesesaal-probe-") as folder:
        probe = Path(folder, "probe.c")
        probe.write_text("#include <Python.h>\nint lesesaal_probe(void) { return Py_IsInitialized(); }\n")
        try:
            compiler = new_compiler()
            customize_compiler(compiler)
            compiler.compile([str(probe)], output_dir=folder, include_dirs=[sysconfig.get_paths()["include"]])
        except Exception as error:  # CompileError, DistutilsPlatformError (no MSVC), a missing gcc ...
            return f"no working C compiler ({_brief(error)})"
    return ""


def _why_pure() -> str:
    if os.environ.get("LESESAAL_PURE_PYTHON") == "1":
        return "LESESAAL_PURE_PYTHON=1 at build time"
    if platform.python_implementation() != "CPython":
        return f"mypyc compiles for CPython, not {platform.python_implementation()}"
    return _compiler_problem()


def _extensions() -> tuple[list[Any], str]:
    """mypyc's extensions for the group, or none and the reason."""
    reason = _why_pure()
    if not reason:
        try:
            from mypyc.build import mypycify

            return mypycify([str(_source(m)) for m in MODULES], group_name=GROUP, opt_level="3"), ""
        except (Exception, SystemExit) as error:  # mypy missing, or a type error mypyc refuses to compile
            reason = f"mypyc failed ({_brief(error)})"
    return [], reason


EXTENSIONS, PURE_REASON = _extensions()


class BuildAnalysis(build_ext):
    """build_ext that never fails the install: on any compile error it removes every compiled module of the group
    (they only work together), and it always writes the manifest ``articles.compiled`` reads."""

    def run(self) -> None:
        reason = PURE_REASON
        self._remove_compiled()  # an earlier build's, which the wheel (or the checkout) would otherwise keep
        if self.extensions:
            try:
                super().run()
            except Exception as error:
                reason = f"compiling failed ({_brief(error)})"
        if reason:
            _say(f"the analysis stays pure Python (slower, same results): {reason}")
            self._remove_compiled()
        else:
            _say(f"compiled {len(MODULES)} analysis modules with mypyc")
        self._write_manifest(reason)

    def get_outputs(self) -> list[str]:
        return [*super().get_outputs(), str(self._target() / MANIFEST)]

    def _target(self) -> Path:
        return ROOT if self.inplace else Path(self.build_lib)

    def _remove_compiled(self) -> None:
        """Every compiled module of the group and its shared library, in the build folder (or the checkout)."""
        target = self._target()
        for suffix in (".so", ".pyd"):
            for built in [*target.glob(f"articles/*{suffix}"), *target.glob(f"{GROUP}__mypyc*{suffix}")]:
                built.unlink()

    def _write_manifest(self, reason: str) -> None:
        sources = {m: _fingerprint(ROOT / _source(m)) for m in MODULES}
        manifest = {"compiled": not reason, "reason": reason, "group": f"{GROUP}__mypyc", "sources": sources}
        path = self._target() / MANIFEST
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")


def _fingerprint(source: Path) -> dict[str, Any]:
    status = source.stat()
    return {"sha256": hashlib.sha256(source.read_bytes()).hexdigest(), "size": status.st_size,
            "mtime_ns": status.st_mtime_ns}


class AnalysisDistribution(Distribution):
    def has_ext_modules(self) -> bool:
        return True  # so build_ext runs, and writes the manifest, even when nothing could be compiled


setup(ext_modules=EXTENSIONS, cmdclass={"build_ext": BuildAnalysis}, distclass=AnalysisDistribution)
