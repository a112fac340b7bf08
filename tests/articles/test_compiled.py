"""The analysis as installed: compiled by mypyc, the same findings as its sources, never a stale compiled module.

Each check runs in a fresh interpreter, since the choice between compiled and pure Python is made once per process,
when ``articles`` is first imported.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import articles
from articles.compiled import COMPILED, MANIFEST, PURE_VARIABLE
from articles.compiled_modules import COMPILED_MODULES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PACKAGE = Path(articles.__file__).resolve().parent

REPORT = """
import json, sys, warnings
warnings.simplefilter("always")
import articles, importlib
files = {name: importlib.import_module(name).__file__ for name in sys.argv[1:]}
print(json.dumps({"status": articles.compiled_status(), "files": files, "package": articles.__file__}))
"""

FINDINGS = """
import json, sys
from pathlib import Path
import articles
from articles.analysis import analyse
from articles.findings_json import findings_to_json
from articles.reader import read_article
found = {path: json.loads(findings_to_json(analyse(read_article(Path(path)).paragraphs))) for path in sys.argv[1:]}
print(json.dumps({"status": articles.compiled_status(), "findings": found}, ensure_ascii=False))
"""

GREEK = """
import json
import articles
from articles.actors import actor_key
from articles.analysis import analyse
from articles.findings import ActorKind
from articles.findings_json import findings_to_json
from articles.model import Paragraph, Role
text = ("Der griechische Premierminister Kyriakos ΜΗΤΣΟΤΑΚΗΣ sagte in ΑΘΗΝΑΣ: „Wir bleiben hart.“ "
        "Die Partei ΣΥΡΙΖΑΣ widersprach, das sogenannte ΚΡΑΤΟΣ sei am Ende.")
keys = [actor_key(name, ActorKind.PERSON) for name in ("ΜΗΤΣΟΤΑΚΗΣ", "Nikos ΣΑΜΑΡΑΣ")]
findings = findings_to_json(analyse([Paragraph(0, Role.BODY, text)]))
print(json.dumps({"status": articles.compiled_status(), "keys": keys, "findings": findings}, ensure_ascii=False))
"""


def _manifest(package: Path = PACKAGE) -> dict[str, object]:
    try:
        return dict(json.loads((package / MANIFEST).read_text(encoding="utf-8")))
    except OSError:
        return {}


def _needs_compiled_build() -> None:
    """Skip where the install fell back to pure Python, with its reason; CI's machine has a compiler, so fail there."""
    manifest = _manifest()
    if manifest.get("compiled"):
        return
    reason = f"the install did not compile the analysis: {manifest.get('reason') or f'no {MANIFEST}'}"
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI has gcc: the compiled build must work there)")
    pytest.skip(reason)


def _run(script: str, *arguments: str, path: Path | None = None, pure: bool = False) -> tuple[dict[str, object], str]:
    environment = {key: value for key, value in os.environ.items() if key != PURE_VARIABLE}
    if pure:
        environment[PURE_VARIABLE] = "1"
    if path is not None:
        environment["PYTHONPATH"] = str(path)
    result = subprocess.run([sys.executable, "-c", script, *arguments], capture_output=True, text=True,
                            env=environment, cwd=path or PACKAGE.parent, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-4000:]
    return json.loads(result.stdout), result.stderr


def _copy_of_the_package(tmp_path: Path) -> Path:
    shutil.copytree(PACKAGE, tmp_path / "articles", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def test_the_installed_analysis_runs_its_compiled_modules() -> None:
    _needs_compiled_build()
    report, warnings = _run(REPORT, *COMPILED_MODULES)
    assert report["status"] == COMPILED
    files = report["files"]
    assert isinstance(files, dict)
    for name, file in files.items():
        assert Path(file).parent == PACKAGE and not file.endswith(".py"), (name, file)
    assert "StaleCompiledWarning" not in warnings


def test_compiled_and_pure_python_find_the_same_in_the_german_fixtures() -> None:
    _needs_compiled_build()
    paths = sorted(str(p) for p in [*FIXTURES.glob("analysis/*.*"), *FIXTURES.glob("articles/de_*.*")]
                   if not p.name.endswith(".json"))
    compiled, _ = _run(FINDINGS, *paths)
    pure, _ = _run(FINDINGS, *paths, pure=True)
    assert compiled["status"] == COMPILED
    assert pure["status"] == f"pure Python: {PURE_VARIABLE}=1"
    assert compiled["findings"] == pure["findings"]
    findings = compiled["findings"]
    assert isinstance(findings, dict) and len(findings) == len(paths) >= 10
    assert sum(len(f["quotes"]) for f in findings.values()) > 10  # the fixtures' quotes, actors and loaded words
    assert sum(len(f["actors"]) for f in findings.values()) > 10


def test_greek_capitals_ending_in_sigma_give_the_same_keys_and_findings_compiled() -> None:
    """mypyc's own ``str.lower`` gives ΟΔΟΣ → οδοσ; a library's actor keys must not depend on the build."""
    _needs_compiled_build()
    compiled, _ = _run(GREEK)
    pure, _ = _run(GREEK, pure=True)
    assert compiled["status"] == COMPILED
    assert compiled["keys"] == pure["keys"] == ["person:μητσοτακης", "person:nikos σαμαρας"]
    assert compiled["findings"] == pure["findings"]


def test_compiled_modules_lower_text_only_through_text_case() -> None:
    """A ``.lower()`` call in a compiled module would lower Greek differently from its pure-Python self."""
    calls = []
    for name in COMPILED_MODULES:
        if name == "articles.text_case":
            continue
        source = PACKAGE.parent.joinpath(*name.split(".")).with_suffix(".py")
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            method = node.func if isinstance(node, ast.Call) else None
            if isinstance(method, ast.Attribute) and method.attr == "lower" and ast.unparse(method.value) != "text_case":
                calls.append(f"{source.name}:{node.lineno}")
    assert calls == []


def test_the_variable_makes_the_whole_group_run_from_its_sources() -> None:
    report, warnings = _run(REPORT, *COMPILED_MODULES, pure=True)
    assert report["status"] == f"pure Python: {PURE_VARIABLE}=1"
    assert isinstance(report["files"], dict)
    assert all(Path(file).suffix == ".py" for file in report["files"].values())
    assert "StaleCompiledWarning" not in warnings


def test_an_edited_source_makes_the_whole_group_run_from_source_with_one_warning(tmp_path: Path) -> None:
    _needs_compiled_build()
    copy = _copy_of_the_package(tmp_path)
    with open(copy / "articles" / "quotes.py", "a", encoding="utf-8") as source:
        source.write("\n# bearbeitet, nicht neu übersetzt\n")
    report, warnings = _run(REPORT, *COMPILED_MODULES, path=copy)
    assert report["package"] == str(copy / "articles" / "__init__.py")  # the copy, not the installed package
    assert report["status"] == "pure Python: quotes changed since compiled"
    assert isinstance(report["files"], dict)
    assert all(Path(file).suffix == ".py" for file in report["files"].values())  # all of them, not just quotes
    assert warnings.count("StaleCompiledWarning") == 1
    assert "quotes changed since compiled" in warnings and "pip install -e ." in warnings


def test_a_source_touched_but_not_changed_still_runs_compiled(tmp_path: Path) -> None:
    _needs_compiled_build()
    copy = _copy_of_the_package(tmp_path)
    os.utime(copy / "articles" / "quotes.py", ns=(1_000_000_000, 1_000_000_000))  # a checkout's new time
    report, warnings = _run(REPORT, "articles.quotes", path=copy)
    assert report["status"] == COMPILED
    assert isinstance(report["files"], dict)
    assert Path(report["files"]["articles.quotes"]).parent == copy / "articles"
    assert "StaleCompiledWarning" not in warnings


def test_compiled_modules_without_their_manifest_are_not_trusted(tmp_path: Path) -> None:
    _needs_compiled_build()
    copy = _copy_of_the_package(tmp_path)
    (copy / "articles" / MANIFEST).unlink()
    report, warnings = _run(REPORT, "articles.quotes", path=copy)
    assert str(report["status"]).startswith("pure Python: compiled modules (")
    assert isinstance(report["files"], dict)
    assert report["files"]["articles.quotes"].endswith(".py")
    assert warnings.count("StaleCompiledWarning") == 1
