"""The packaging folder's modules, loaded by file name: it has no ``__init__.py`` (the name ``packaging`` must not
shadow the PyPI package), so its modules are imported the way ``build.py`` and ``lesesaal.spec`` find them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def packaging_module(name: str) -> ModuleType:
    """``packaging/<name>.py``, registered under ``name`` (as build.py imports it) once."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
