"""Which analysis runs: the modules mypyc compiled at install time, or their pure-Python sources.

``setup.py`` compiles the group named in ``articles.compiled_modules`` and writes ``compiled_manifest.json`` beside
it: whether it compiled, why not, and the SHA-256 of each source. ``choose()``, called once by ``articles/__init__``,
makes the whole group load from its ``.py`` files (a finder ahead of the compiled extensions on ``sys.meta_path``)
when ``LESESAAL_PURE_PYTHON=1`` is set, when the build fell back to pure Python, or when the compiled modules are
stale: a source differs from the one compiled (an edited checkout, where the old extension would otherwise win
silently), the list of modules changed, or extensions lie there with no manifest or only some of them. Stale ones
raise one ``StaleCompiledWarning`` that names the fix (reinstall). The group goes all or none: its compiled modules
call each other natively. A frozen bundle is taken as built (its sources are not files to compare).
``compiled_status()`` says what runs.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.machinery
import json
import os
import sys
import warnings
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import TYPE_CHECKING

from articles.compiled_modules import COMPILED_MODULES

if TYPE_CHECKING:
    from typing import Any

PURE_VARIABLE = "LESESAAL_PURE_PYTHON"
MANIFEST = "compiled_manifest.json"
COMPILED = "compiled (mypyc)"
FIX = ("reinstall to compile them again (pip install -e . in a checkout, else pip install .); "
       f"{PURE_VARIABLE}=1 runs the sources without this warning")


class StaleCompiledWarning(UserWarning):
    """The compiled analysis does not match its sources, so the sources run (slower, same results)."""


class Choice:
    """Why the group runs from source ("" when it may load compiled), and whether that is a stale build's fault.
    A plain class, not a dataclass: creating one costs a third of a millisecond at every start."""

    __slots__ = ("pure_reason", "stale")

    def __init__(self, pure_reason: str, stale: bool = False) -> None:
        self.pure_reason, self.stale = pure_reason, stale


class SourceFirst:
    """A meta-path finder: the group's modules as their ``.py`` files, ahead of the compiled extensions beside them.
    (Not an ``importlib.abc.MetaPathFinder`` subclass: that module costs milliseconds to import.)"""

    def __init__(self, folder: str, names: Sequence[str]) -> None:
        self.names = frozenset(names)
        self.sources = importlib.machinery.FileFinder(
            folder, (importlib.machinery.SourceFileLoader, importlib.machinery.SOURCE_SUFFIXES))

    def find_spec(self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
                  ) -> ModuleSpec | None:
        return self.sources.find_spec(fullname, target) if fullname in self.names else None


_chosen: list[Choice] = []  # the one choice this process made (choose() runs on the package's first import)


def choose() -> Choice:
    """Decides, once per process, whether the group loads compiled; installs the source finder if not."""
    if _chosen:
        return _chosen[0]
    folder = os.path.dirname(os.path.abspath(__file__))
    choice = _choice(folder)
    if choice.pure_reason:
        sys.meta_path.insert(0, SourceFirst(folder, COMPILED_MODULES))
    _chosen.append(choice)
    if choice.stale:
        warnings.warn(f"the compiled analysis is stale ({choice.pure_reason}): running its Python sources; {FIX}",
                      StaleCompiledWarning, stacklevel=2)
    return choice


def compiled_status() -> str:
    """``"compiled (mypyc)"`` or ``"pure Python: <reason>"``, from the modules this process really loaded."""
    modules = [importlib.import_module(name) for name in COMPILED_MODULES]
    compiled = sum(_is_extension(module) for module in modules)
    if compiled == len(modules):
        return COMPILED
    reason = choose().pure_reason
    if compiled:
        return f"pure Python in part: {compiled} of {len(modules)} modules compiled; {FIX}"
    return f"pure Python: {reason or 'no compiled modules in this build'}"


def _choice(folder: str) -> Choice:
    if os.environ.get(PURE_VARIABLE) == "1":
        return Choice(f"{PURE_VARIABLE}=1")
    if getattr(sys, "frozen", False):
        return Choice("")
    built = _extensions(folder)
    manifest = _manifest(folder)
    if manifest is None:
        if built:
            return Choice(f"compiled modules ({', '.join(built)}) without the build's {MANIFEST}", stale=True)
        return Choice("not compiled (installed without setup.py's build step)")
    if not manifest.get("compiled"):
        return Choice(f"not compiled at install: {manifest.get('reason') or 'unknown reason'}")
    return _stale_sources(folder, manifest.get("sources") or {}, built)


def _stale_sources(folder: str, sources: dict[str, dict[str, Any]], built: list[str]) -> Choice:
    if sorted(sources) != sorted(COMPILED_MODULES):
        return Choice("the list of compiled modules changed since the build", stale=True)
    changed = [name for name, compiled in sources.items() if not _unchanged(folder, name, compiled)]
    if changed:
        return Choice(f"{', '.join(_short(name) for name in changed)} changed since compiled", stale=True)
    missing = [name for name in COMPILED_MODULES if _short(name) not in built]
    if missing:
        return Choice(f"{', '.join(_short(name) for name in missing)} not compiled", stale=True)
    return Choice("")


def _manifest(folder: str) -> dict[str, Any] | None:
    try:
        with open(os.path.join(folder, MANIFEST), encoding="utf-8") as file:
            manifest = json.load(file)
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def _extensions(folder: str) -> list[str]:
    """The group's modules with a compiled extension in ``folder`` (short names)."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    try:
        names = {entry.split(".")[0] for entry in os.listdir(folder) if entry.endswith(suffixes)}
    except OSError:
        return []
    return [_short(name) for name in COMPILED_MODULES if _short(name) in names]


def _unchanged(folder: str, name: str, compiled: dict[str, Any]) -> bool:
    """Whether the source is the one compiled: the same size and modification time as at the build (an editable
    checkout, a few microseconds), else the same SHA-256 (an installed copy, or a checkout that was touched)."""
    path = os.path.join(folder, _short(name) + ".py")
    try:
        status = os.stat(path)
        if status.st_size == compiled.get("size") and status.st_mtime_ns == compiled.get("mtime_ns"):
            return True
        with open(path, "rb") as file:
            return bool(hashlib.sha256(file.read()).hexdigest() == compiled.get("sha256"))
    except OSError:
        return False


def _short(name: str) -> str:
    return name.rpartition(".")[2]


def _is_extension(module: ModuleType) -> bool:
    return str(getattr(module, "__file__", "")).endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))
