"""`irtutor --selftest` and `--version`, run as a student's installed app would be: a new process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import irtutor
from irtutor.content.summaries import lesson_folders
from irtutor.core.figures import FIGURES
from irtutor.core.kind_registry import all_rules
from tests.conftest import LESSONS, REPO


def run_irtutor(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`python -m irtutor ARGS` with no display and no Qt platform chosen, as on a CI box."""
    clean = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    clean |= {"PYTHONPATH": str(REPO), **env}
    return subprocess.run([sys.executable, "-m", "irtutor", *args], capture_output=True, text=True,
                          env=clean, cwd=REPO, timeout=120)


def verdicts(lines: list[str]) -> list[str]:
    """The one line of each check (a failure's details follow on indented lines)."""
    return [line for line in lines if line.startswith(("ok   ", "FAIL "))]


def test_the_selftest_passes_on_the_shipped_app_and_says_what_it_checked(data_dir: Path) -> None:
    done = run_irtutor("--selftest", IRTUTOR_DATA_DIR=str(data_dir))
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("ok   qt: platform offscreen")
    assert f"ok   lessons: {len(lesson_folders([LESSONS]))} loaded, 0 problems" in lines
    assert "ok   database: created and migrated in a temporary folder" in lines
    for kind in all_rules():
        assert any(line.startswith(f"ok   question {kind}: ") for line in lines), kind
    for figure in FIGURES:
        assert any(line.startswith(f"ok   figure {{{figure.directive}}} {figure.target}: drawn") for line in lines)
    assert any(line.startswith("ok   answer: ") and "read back" in line for line in lines)
    assert lines[-1] == f"selftest passed: {len(verdicts(lines))} checks, IR Tutor {irtutor.__version__}"
    assert not data_dir.exists()  # the student's data folder is never used
    assert "propagateSizeHints" not in done.stderr


def test_the_selftest_fails_naming_a_data_file_the_install_lost(tmp_path: Path) -> None:
    damaged = tmp_path / "resources"
    shutil.copytree(REPO / "resources", damaged)
    (damaged / "data" / "nato_defence_spending.csv").unlink()
    done = run_irtutor("--selftest", IRTUTOR_RESOURCE_DIR=str(damaged))
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    failed = [line for line in lines if line.startswith("FAIL ")]
    assert failed[0].startswith("FAIL lessons: ") and "nato_defence_spending.csv" in done.stdout
    assert any(line.startswith("FAIL figure {chart} defence-spending: ") and "nato_defence_spending.csv" in line
               for line in failed)
    assert "ok   database: created and migrated in a temporary folder" in lines  # the rest still ran
    assert lines[-1].startswith(f"selftest FAILED: {len(failed)} of {len(verdicts(lines))} checks failed: lessons, ")


def test_version_prints_the_one_version_the_package_declares() -> None:
    done = run_irtutor("--version")
    assert done.returncode == 0
    assert done.stdout == f"IR Tutor {irtutor.__version__}\n"
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["hatch"]["version"]["path"] == "irtutor/__init__.py"
