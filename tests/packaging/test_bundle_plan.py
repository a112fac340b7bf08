"""What the installers bundle: only the Qt plugins the app loads, and the licence texts of every component."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.packaging.modules import PACKAGING, packaging_module

plan = packaging_module("bundle_plan")


@pytest.mark.parametrize(("destination", "os_name", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "linux", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", "linux", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "linux", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", "linux", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", "linux", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "linux", False),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", "linux", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", "linux", False),
    ("PySide6\\plugins\\platforms\\qwindows.dll", "windows", True),
    ("PySide6\\plugins\\platforms\\qdirect2d.dll", "windows", False),
    ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", "windows", True),
    ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", "macos", True),
    ("PySide6/Qt/plugins/imageformats/libqsvg.dylib", "macos", False),
    ("PySide6/Qt/translations/qtbase_de.qm", "linux", False),
    ("babel/locale-data/de_AT.dat", "linux", True),
    ("babel/locale-data/root.dat", "linux", True),
    ("babel/locale-data/fr.dat", "linux", False),
    ("resources/samples/hafenstadt-fähre.txt", "windows", True),
    ("llama_cpp/lib/libllama.so", "linux", True),
])
def test_only_the_plugins_and_data_the_app_uses_are_kept(destination: str, os_name: str, kept: bool) -> None:
    assert plan.keep(destination, os_name) is kept


def test_licence_texts_of_every_bundled_component_are_collected_without_clashes() -> None:
    datas = plan.licence_datas("lesesaal", PACKAGING / "licences")
    folders = {folder.split("/")[1].split("-")[0].lower() for _source, folder in datas}
    assert {"llama_cpp_python", "whoosh3", "trafilatura", "lxml", "numpy", "python", "qt"} <= folders
    targets = [f"{folder}/{Path(source).name}" for source, folder in datas]
    assert len(targets) == len(set(targets))  # numpy ships several LICENSE.txt: each keeps its own folder
    assert any(Path(source).name == "LGPL-3.0.txt" for source, _folder in datas)
    assert all(Path(source).is_file() for source, _folder in datas)


def test_the_component_list_names_qt_and_llama_with_their_licences() -> None:
    text = plan.components_text("lesesaal")
    assert "PySide6_Essentials" in text and "LGPL-3.0" in text
    assert "llama_cpp_python" in text and "whoosh3" in text and "Python " in text


def test_the_compiled_analysis_brings_its_shared_library_and_what_its_sources_import(tmp_path: Path) -> None:
    (tmp_path / "quotes.py").write_text("from __future__ import annotations\nimport unicodedata\n"
                                        "from articles.quote_marks import OPENING\nfrom . import nah\n")
    (tmp_path / "loaded.py").write_text("import gzip, json\n")
    manifest = {"compiled": True, "reason": "", "group": "lesesaal__mypyc",
                "sources": {"articles.quotes": {}, "articles.loaded": {}}}
    (tmp_path / "compiled_manifest.json").write_text(json.dumps(manifest))
    assert plan.compiled_analysis_imports(tmp_path) == ["articles.quote_marks", "gzip", "json", "lesesaal__mypyc",
                                                         "unicodedata"]


def test_a_pure_python_install_needs_no_hidden_imports_for_its_analysis(tmp_path: Path) -> None:
    assert plan.compiled_analysis_imports(tmp_path) == []  # no manifest: never built
    (tmp_path / "compiled_manifest.json").write_text(json.dumps({"compiled": False, "reason": "kein Compiler"}))
    assert plan.compiled_analysis_imports(tmp_path) == []
