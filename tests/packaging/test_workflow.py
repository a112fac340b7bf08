"""The hosted installer builds: one per platform and architecture, on runners GitHub still offers."""

from __future__ import annotations

from pathlib import Path

import yaml

WORKFLOW = Path(__file__).resolve().parents[2] / ".github" / "workflows" / "installers.yml"
#: Runner images GitHub has retired or is retiring: a job on one of them never starts.
RETIRED = {"macos-11", "macos-12", "macos-13", "windows-2019", "ubuntu-20.04"}


def test_the_installers_are_built_for_windows_and_both_mac_architectures_on_current_runners() -> None:
    matrix = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["build"]["strategy"]["matrix"]["include"]
    runners = {job["runner"]: job["target"] for job in matrix}
    assert runners == {"windows-latest": "windows", "macos-14": "macos", "macos-15-intel": "macos"}
    assert not RETIRED & set(runners)
