"""Builds Lesesaal for one operating system, on that system (PyInstaller does not cross-build).

    python packaging/build.py linux|windows|macos [--model PATH] [--onefile]

linux:   packaging/dist/lesesaal-gui/ (one folder; start lesesaal-gui), or dist/onefile/lesesaal-gui with --onefile
windows: packaging/dist/Lesesaal-VERSION-setup.exe, an Inno Setup installer (ISCC must be installed); with
         --onefile, packaging/dist/onefile/Lesesaal.exe instead (a portable program, no installer)
macos:   packaging/dist/Lesesaal.app and Lesesaal-VERSION-macos-ARCH.dmg; signed and notarised when
         LESESAAL_SIGN_IDENTITY is set (see packaging/README.md)
--model PATH bundles a GGUF file that the app uses when the user has chosen none.
The icons (lesesaal.ico, lesesaal.icns, the Linux PNGs) are drawn from resources/icons/lesesaal.svg first.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
DIST, WORK = HERE / "dist", HERE / "build"
sys.path.insert(0, str(HERE))
from bundle_plan import target_os  # noqa: E402
from icons import Icons, write_icons  # noqa: E402

INNO_SETUP = ("ISCC.exe", "iscc")
INNO_FOLDERS = ("Inno Setup 6",)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.target != target_os():
        print(f"build.py: this is {target_os()}; a {args.target} build must run on {args.target} "
              "(PyInstaller does not cross-build)", file=sys.stderr)
        return 2
    if args.target == "macos" and args.onefile:
        print("build.py: --onefile makes no .app; build macOS without it", file=sys.stderr)
        return 2
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="lesesaal-icons-") as scratch:
        icons = write_icons(Path(scratch))
        spec_args = [*(["--model", str(args.model.resolve())] if args.model else []),
                     *(["--onefile"] if args.onefile else []), "--icons", scratch]
        subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                        "--distpath", str(_dist(args.onefile)), "--workpath", str(WORK), str(HERE / "lesesaal.spec"),
                        "--", *spec_args], check=True)
        bundle = _bundle(args.target, args.onefile)
        artefact = {"linux": lambda: _desktop_entry(bundle, icons), "windows": lambda: _installer(bundle, icons),
                    "macos": lambda: _dmg(bundle)}[args.target]()
    print(f"built {artefact} in {time.perf_counter() - started:.0f} s: bundle {_megabytes(bundle):.0f} MB"
          + (f", {artefact.name} {_megabytes(artefact):.0f} MB" if artefact != bundle else ""))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py", description="Build Lesesaal's bundle and installer.")
    parser.add_argument("target", choices=("linux", "windows", "macos"))
    parser.add_argument("--model", type=Path, metavar="PATH", help="a .gguf model to bundle as the default")
    parser.add_argument("--onefile", action="store_true", help="one executable instead of a folder (not macOS)")
    return parser


def _dist(onefile: bool) -> Path:
    """Where PyInstaller puts its output: one-file builds beside, not over, the folder of the same name."""
    return DIST / "onefile" if onefile else DIST


def _bundle(target: str, onefile: bool) -> Path:
    name = {"linux": "lesesaal-gui", "windows": "Lesesaal", "macos": "Lesesaal.app"}[target]
    if onefile and target == "windows":
        name += ".exe"
    return _dist(onefile) / name


def _desktop_entry(bundle: Path, icons: Icons) -> Path:
    """The folder gets share/applications/lesesaal.desktop and share/icons/hicolor/NxN/apps/lesesaal.png (to copy
    into ~/.local/share or /usr/share); a one-file build is left as it is."""
    if bundle.is_dir():
        shutil.copy2(HERE / "linux" / "lesesaal.desktop", _made(bundle / "share" / "applications"))
        shutil.copytree(icons.hicolor, bundle / "share" / "icons" / "hicolor", dirs_exist_ok=True)
    return bundle


def _made(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _installer(bundle: Path, icons: Icons) -> Path:
    if bundle.is_file():  # --onefile: a portable program, no installer
        return bundle
    compiler = _inno_setup()
    version = metadata.version("lesesaal")
    subprocess.run([str(compiler), f"/DAppVersion={version}", f"/DSourceDir={bundle}", f"/DOutputDir={DIST}",
                    f"/DIconFile={icons.ico}", str(HERE / "windows" / "lesesaal.iss")], check=True)
    return DIST / f"Lesesaal-{version}-setup.exe"


def _inno_setup() -> Path:
    for name in INNO_SETUP:
        found = shutil.which(name)
        if found:
            return Path(found)
    roots = [os.environ.get(v, "") for v in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA")]
    for root in filter(None, roots):
        for folder in INNO_FOLDERS:
            for candidate in (Path(root) / folder / "ISCC.exe", Path(root) / "Programs" / folder / "ISCC.exe"):
                if candidate.is_file():
                    return candidate
    raise SystemExit("build.py: Inno Setup 6 (ISCC.exe) not found: install it (winget install JRSoftware.InnoSetup, "
                     "or choco install innosetup) or put ISCC.exe on PATH")


def _dmg(app: Path) -> Path:
    dmg = DIST / f"Lesesaal-{metadata.version('lesesaal')}-macos-{platform.machine()}.dmg"
    signed = bool(os.environ.get("LESESAAL_SIGN_IDENTITY"))
    script = HERE / "macos" / ("sign_and_notarize.sh" if signed else "make_dmg.sh")
    subprocess.run(["/bin/bash", str(script), str(app), str(dmg)], check=True)
    return dmg


def _megabytes(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 1e6


if __name__ == "__main__":
    sys.exit(main())
