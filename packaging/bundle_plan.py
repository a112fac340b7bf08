"""What goes into the bundle beside the code: which Qt plugins, which licence texts, where a bundled model goes.

Imported by ``lesesaal.spec`` (at build time, with PyInstaller installed) and by the packaging tests. This folder has
no ``__init__.py`` on purpose: the name ``packaging`` must not shadow the PyPI package of that name.
"""

from __future__ import annotations

import ast
import json
import posixpath
import re
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path, PurePosixPath

#: The bundle's folder for a GGUF given with ``build.py --model``; ``summarize.settings`` looks there last.
MODELS_FOLDER = "models"
LICENCES_FOLDER = "licences"

#: Qt plugins the app loads, per operating system (folder -> plugin file stems; ``*`` keeps the whole folder).
#: Everything else (image formats: the reading pane loads no images and PNG is built into QtGui; TLS and network
#: information: the app opens no network connection; eglfs, linuxfb, vnc; SQL drivers; QML tooling) stays out.
_PLUGINS: dict[str, dict[str, set[str]]] = {
    "linux": {
        "platforms": {"libqxcb", "libqwayland", "libqoffscreen", "libqminimal"},
        "xcbglintegrations": {"*"},
        "wayland-shell-integration": {"libxdg-shell"},
        "wayland-decoration-client": {"*"},
        "wayland-graphics-integration-client": {"libqt-plugin-wayland-egl", "libshm-emulation-server"},
        "platforminputcontexts": {"libcomposeplatforminputcontextplugin", "libibusplatforminputcontextplugin"},
        "platformthemes": {"libqxdgdesktopportal"},  # not gtk3: it would bring the build machine's GTK along
    },
    "windows": {
        "platforms": {"qwindows", "qoffscreen", "qminimal"},
        "styles": {"*"},
    },
    "macos": {
        "platforms": {"libqcocoa", "libqoffscreen", "libqminimal"},
        "styles": {"*"},
        "permissions": {"*"},
    },
}
#: Qt's plugins and translations: under PySide6/Qt/ on Linux and macOS, right under PySide6/ on Windows.
_PLUGIN_DIR = re.compile(r"^PySide6/(?:Qt/)?plugins/([^/]+)/([^/]+)$")
_TRANSLATION = re.compile(r"^PySide6/(?:Qt/)?translations/")
#: Babel's locale data (35 MB) is read only for the languages a URL filter asks about; the app reads German and
#: English. courlan imports babel; nothing in the app asks it about another language.
_BABEL_LOCALE = re.compile(r"^babel/locale-data/([A-Za-z]+)[^/]*\.dat$")
_BABEL_KEPT = {"root", "de", "en"}
Entry = tuple[str, str, str]  # a PyInstaller TOC entry: (path in the bundle, source file, kind)
_LICENCE_NAME = re.compile(r"(?i)^(licen[cs]e|copying|notice|authors|copyright)")


def target_os(platform: str = sys.platform) -> str:
    if platform.startswith("win"):
        return "windows"
    if platform == "darwin":
        return "macos"
    return "linux"


def keep(destination: str, os_name: str) -> bool:
    """Whether a collected file (its path inside the bundle) belongs in the bundle for ``os_name``."""
    path = destination.replace("\\", "/")
    if _TRANSLATION.search(path):
        return False  # the app installs no Qt translator: its texts are its own
    babel = _BABEL_LOCALE.match(path)
    if babel is not None:
        return babel.group(1) in _BABEL_KEPT
    found = _PLUGIN_DIR.search(path)
    if found is None:
        return True
    folder, file_name = found.groups()
    wanted = _PLUGINS[os_name].get(folder, set())
    stem = file_name.split(".")[0]
    return "*" in wanted or stem in wanted


def pruned(binaries: list[Entry], datas: list[Entry], os_name: str) -> tuple[list[Entry], list[Entry]]:
    """The collected binaries and data files that belong in the bundle for ``os_name``: the Qt plugins ``keep``
    allows, every library something kept links to, and the data ``keep`` allows. Libraries that only the left-out
    plugins linked to (GTK for the gtk3 theme, Qt's PDF and SVG libraries for image formats, OpenSSL for TLS) go
    too, and so do the links PyInstaller made to them (SYMLINK entries, among the data). Needs PyInstaller."""
    kept = [entry for entry in binaries if keep(entry[0], os_name)]
    left_out = [entry for entry in binaries if not keep(entry[0], os_name)]
    by_name = {_library_name(entry[0]): n for n, entry in enumerate(kept)}
    pulled_in = _linked(left_out, kept, by_name)
    roots = [entry for n, entry in enumerate(kept) if n not in pulled_in]
    needed = _linked(roots, kept, by_name)
    kept = [entry for n, entry in enumerate(kept) if n not in pulled_in or n in needed]
    data = [entry for entry in datas if keep(entry[0], os_name)]
    present = {_posix(entry[0]) for entry in kept + data}
    return kept, [entry for entry in data if entry[2] != "SYMLINK" or _link_target(entry) in present]


def _link_target(entry: Entry) -> PurePosixPath:
    """Where a SYMLINK entry (its source is the target, relative to the link's folder) points, normalised."""
    return _posix(posixpath.normpath(str(_posix(entry[0]).parent / _posix(entry[1]))))


def _posix(path: str) -> PurePosixPath:
    return PurePosixPath(path.replace("\\", "/"))


def _linked(starts: list[Entry], among: list[Entry], by_name: dict[str, int]) -> set[int]:
    """Indices into ``among`` of every library the ``starts`` link to, directly or through each other."""
    from PyInstaller.depend import bindepend

    found: set[int] = set()
    pending = [entry[1] for entry in starts]
    while pending:
        for name, _path in bindepend.get_imports(pending.pop()):
            n = by_name.get(_library_name(name))
            if n is not None and n not in found:
                found.add(n)
                pending.append(among[n][1])
    return found


def _library_name(path: str) -> str:
    return _posix(path).name.lower()


def write_components(folder: Path, requirement: str = "lesesaal") -> str:
    """Writes COMPONENTS.txt (see ``components_text``) into ``folder``; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "COMPONENTS.txt"
    target.write_text(components_text(requirement), encoding="utf-8")
    return str(target)


def distributions_of(requirement: str) -> list[metadata.Distribution]:
    """The installed distribution ``requirement`` and everything it requires (extras excepted), each once."""
    seen: dict[str, metadata.Distribution] = {}
    pending = [requirement]
    while pending:
        name = _normalised(pending.pop())
        if name in seen:
            continue
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a requirement for another platform or Python
        seen[name] = distribution
        for line in distribution.requires or []:
            if "extra ==" not in line:
                pending.append(re.split(r"[\s;<>=!~\[(]", line, maxsplit=1)[0])
    return sorted(seen.values(), key=lambda d: _normalised(d.metadata["Name"]))


def licence_files(distribution: metadata.Distribution) -> list[tuple[Path, PurePosixPath]]:
    """The licence texts a distribution ships in its .dist-info (PEP 639 ``licenses/`` or the usual names), each with
    its path inside the .dist-info (numpy has several files of one name in different folders)."""
    found = []
    for entry in distribution.files or []:
        parts = PurePosixPath(str(entry)).parts
        in_dist_info = len(parts) >= 2 and parts[0].endswith(".dist-info")
        if in_dist_info and ("licenses" in parts[1:-1] or _LICENCE_NAME.match(parts[-1])):
            path = Path(str(distribution.locate_file(entry)))
            if path.is_file():
                found.append((path, PurePosixPath(*parts[1:])))
    return sorted(found, key=lambda item: item[1])


def licence_datas(requirement: str, extra: Path | None = None) -> list[tuple[str, str]]:
    """(source, bundle folder) pairs: the licence texts of ``requirement``'s distributions, of Python, and the
    files in ``extra`` (texts a wheel does not ship, such as Qt's LGPL)."""
    datas = []
    for distribution in distributions_of(requirement):
        folder = PurePosixPath(LICENCES_FOLDER, f"{distribution.metadata['Name']}-{distribution.version}")
        datas.extend((str(path), str(folder / inside.parent)) for path, inside in licence_files(distribution))
    python = python_licence_file()
    if python is not None:
        datas.append((str(python), f"{LICENCES_FOLDER}/Python-{sys.version.split()[0]}"))
    if extra is not None:
        datas.extend((str(path), f"{LICENCES_FOLDER}/{path.parent.name}") for path in sorted(extra.glob("*/*")))
    return datas


def components_text(requirement: str) -> str:
    """A plain list of the bundled distributions with version and licence, for ``licences/COMPONENTS.txt``."""
    lines = ["Components bundled with Lesesaal (name, version, licence as declared):", ""]
    for distribution in distributions_of(requirement):
        info = distribution.metadata
        declared = info.get("License-Expression") or _classifier_licence(info.get_all("Classifier") or [])
        declared = declared or (info.get("License") or "see its folder").splitlines()[0][:80]
        lines.append(f"{info['Name']} {distribution.version}: {declared}")
    lines.append(f"Python {sys.version.split()[0]}: PSF-2.0")
    return "\n".join(lines) + "\n"


def python_licence_file() -> Path | None:
    """Python's own LICENSE.txt where this interpreter's standard library keeps it."""
    candidates: Iterable[Path] = (
        Path(sys.base_prefix) / "LICENSE.txt",
        Path(sys.base_prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "LICENSE.txt",
        Path("/usr/share/doc") / f"python{sys.version_info.major}.{sys.version_info.minor}" / "copyright",
    )
    return next((path for path in candidates if path.is_file()), None)


def _classifier_licence(classifiers: list[str]) -> str:
    names = [c.split(" :: ")[-1] for c in classifiers if c.startswith("License :: ")]
    return ", ".join(names)


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def compiled_analysis_imports(articles_folder: Path) -> list[str]:
    """Hidden imports for the analysis modules mypyc compiled (``articles/compiled_manifest.json`` says which): their
    shared library, which they load from C, and every module their sources import, since PyInstaller cannot read the
    imports of a compiled module. None when the install is pure Python."""
    try:
        manifest = json.loads((articles_folder / "compiled_manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not manifest.get("compiled"):
        return []
    imports = {manifest["group"]}
    for name in manifest["sources"]:
        source = articles_folder / f"{name.rpartition('.')[2]}.py"
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imports.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level and node.module != "__future__":
                imports.add(node.module)
    return sorted(imports)
